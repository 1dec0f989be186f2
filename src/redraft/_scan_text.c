/* redraft._scan, the scans of one text: tokens, words, bags of words, reference masks,
 * the comparison form, a unit's key, and a pair's tokens encoded for the word diff. */
#include <string.h>

#include "_scan.h"

/* End of the footnote reference "[^x]" starting at i (`\[\^[^\]\s]++\]`), or -1. */
static Py_ssize_t ref_end(const Text *t, Py_ssize_t i)
{
    if (AT(t, i) != '[' || i + 1 >= t->n || AT(t, i + 1) != '^')
        return -1;
    Py_ssize_t j = i + 2;
    while (j < t->n) {
        Py_UCS4 c = AT(t, j);
        if (c == ']' || is_space(c))
            break;
        j++;
    }
    if (j == i + 2 || j >= t->n || AT(t, j) != ']')
        return -1;
    return j + 1;
}

/* End of the word starting at i (a word character):
 * `W++(?:['’\-/.]W++|(?<=\d),\d++)*+` */
static Py_ssize_t word_end(const Text *t, Py_ssize_t i)
{
    Py_ssize_t j = i + 1;
    while (j < t->n && is_w(AT(t, j)))
        j++;
    while (j + 1 < t->n) {
        Py_UCS4 c = AT(t, j);
        if (is_joiner(c) && is_w(AT(t, j + 1))) {
            j += 2;
            while (j < t->n && is_w(AT(t, j)))
                j++;
        }
        else if (c == ',' && is_digit(AT(t, j - 1)) && is_digit(AT(t, j + 1))) {
            j += 2;
            while (j < t->n && is_digit(AT(t, j)))
                j++;
        }
        else
            break;
    }
    return j;
}

/* End of the token starting at i (tokens.py `_TOKEN`). */
static Py_ssize_t token_end(const Text *t, Py_ssize_t i)
{
    Py_UCS4 c = AT(t, i);
    Py_ssize_t j;
    if (is_superscript(c)) {
        j = i + 1;
        while (j < t->n && is_superscript(AT(t, j)))
            j++;
        return j;
    }
    if (c == '[') {
        j = ref_end(t, i);
        if (j >= 0)
            return j;
    }
    if (is_w(c))
        return word_end(t, i);
    if (is_space(c)) {
        j = i + 1;
        while (j < t->n && is_space(AT(t, j)))
            j++;
        return j;
    }
    return i + 1;
}

PyObject *scan_tokenize(PyObject *module, PyObject *arg)
{
    Text t;
    if (text_of(arg, &t) < 0)
        return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t i = 0;
    while (i < t.n) {
        Py_ssize_t j = token_end(&t, i);
        PyObject *token = PyUnicode_Substring(arg, i, j);
        if (token == NULL || PyList_Append(out, token) < 0) {
            Py_XDECREF(token);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(token);
        i = j;
    }
    return out;
}

/* tokens.py `count_words`: word tokens, footnote references "[^x]" read as a space. */
PyObject *scan_count_words(PyObject *module, PyObject *arg)
{
    Text t;
    if (text_of(arg, &t) < 0)
        return NULL;
    Py_ssize_t count = 0, i = 0;
    while (i < t.n) {
        Py_UCS4 c = AT(&t, i);
        if (c == '[') {
            Py_ssize_t j = ref_end(&t, i);
            i = j >= 0 ? j : i + 1;
        }
        else if (is_w(c)) {
            i = word_end(&t, i);
            count++;
        }
        else
            i++;
    }
    return PyLong_FromSsize_t(count);
}

/* units.py `word_list` after its masking and lowercasing: the words
 * `[^\W_]+(?:['’\-/.][^\W_]+)*` of `text` counted into the dict `bag`; returns how
 * many words there were. */
PyObject *scan_count_bag(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "count_bag(text, bag: dict)");
        return NULL;
    }
    PyObject *text = args[0], *bag = args[1];
    Text t;
    if (text_of(text, &t) < 0)
        return NULL;
    Py_ssize_t total = 0, i = 0;
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL)
        return NULL;
    while (i < t.n) {
        if (!is_bag(AT(&t, i))) {
            i++;
            continue;
        }
        Py_ssize_t j = i + 1;
        for (;;) {
            while (j < t.n && is_bag(AT(&t, j)))
                j++;
            if (j + 1 < t.n && is_joiner(AT(&t, j)) && is_bag(AT(&t, j + 1)))
                j += 2;
            else
                break;
        }
        PyObject *word = PyUnicode_Substring(text, i, j);
        if (word == NULL)
            goto error;
        PyObject *seen = PyDict_GetItemWithError(bag, word);
        PyObject *count;
        if (seen == NULL) {
            if (PyErr_Occurred()) {
                Py_DECREF(word);
                goto error;
            }
            count = Py_NewRef(one);
        }
        else
            count = PyNumber_Add(seen, one);
        if (count == NULL || PyDict_SetItem(bag, word, count) < 0) {
            Py_XDECREF(count);
            Py_DECREF(word);
            goto error;
        }
        Py_DECREF(count);
        Py_DECREF(word);
        total++;
        i = j;
    }
    Py_DECREF(one);
    return PyLong_FromSsize_t(total);
error:
    Py_DECREF(one);
    return NULL;
}

/* units.py `mask_refs`: superscript references, then bracketed "[^x]" ones, as one
 * "\x01" each. Texts with neither come back as they are (the same object). */
/* Whether `t` holds a superscript digit, and the opening "[^" of a bracket reference.
 * Every text the alignment keys is looked through, so the loops read each storage kind
 * directly (an ASCII text cannot hold a superscript: memchr finds its brackets). */
#define FIND_REFS(TYPE)                                                                  \
    {                                                                                    \
        const TYPE *p = (const TYPE *)t->data;                                           \
        for (Py_ssize_t i = 0; i < t->n; i++) {                                          \
            Py_UCS4 c = p[i];                                                            \
            if (c < 0xB2) {                                                              \
                if (c == '[' && i + 1 < t->n && p[i + 1] == '^')                         \
                    *brackets = 1;                                                       \
            }                                                                            \
            else if (is_superscript(c))                                                  \
                *superscripts = 1;                                                       \
        }                                                                                \
    }

static void find_refs(const Text *t, int *superscripts, int *brackets)
{
    if (t->ascii) {
        const char *p = (const char *)t->data, *end = p + t->n;
        while ((p = memchr(p, '[', end - p)) != NULL) {
            if (++p < end && *p == '^') {
                *brackets = 1;
                return;
            }
        }
        return;
    }
    if (t->kind == PyUnicode_1BYTE_KIND)
        FIND_REFS(Py_UCS1)
    else if (t->kind == PyUnicode_2BYTE_KIND)
        FIND_REFS(Py_UCS2)
    else
        FIND_REFS(Py_UCS4)
}

PyObject *scan_mask_refs(PyObject *module, PyObject *arg)
{
    Text t;
    if (text_of(arg, &t) < 0)
        return NULL;
    int superscripts = 0, brackets = 0;
    find_refs(&t, &superscripts, &brackets);
    if (!superscripts && !brackets)
        return Py_NewRef(arg);
    /* Pass 1 (superscripts): every superscript digit becomes "\x01", then every run of
     * "\x01" (any already there included) one "\x01", as the Python twin does. */
    Py_UCS4 *buffer = PyMem_Malloc(sizeof(Py_UCS4) * (t.n + 1));
    if (buffer == NULL)
        return PyErr_NoMemory();
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < t.n; i++) {
        Py_UCS4 c = AT(&t, i);
        if (superscripts && (c == 1 || is_superscript(c))) {
            if (n == 0 || buffer[n - 1] != 1)
                buffer[n++] = 1;
        }
        else
            buffer[n++] = c;
    }
    /* Pass 2 (brackets), over pass 1's text: `\[\^[^\]\s]+\]` -> "\x01". */
    Py_ssize_t out = 0, i = 0;
    while (i < n) {
        if (buffer[i] == '[' && i + 1 < n && buffer[i + 1] == '^') {
            Py_ssize_t j = i + 2;
            while (j < n && buffer[j] != ']' && !is_space(buffer[j]))
                j++;
            if (j > i + 2 && j < n && buffer[j] == ']') {
                buffer[out++] = 1;
                i = j + 1;
                continue;
            }
        }
        buffer[out++] = buffer[i++];
    }
    PyObject *result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buffer, out);
    PyMem_Free(buffer);
    return result;
}

/* Whether a non-ASCII text differs from its comparison form: whitespace other than
 * single spaces between words, an ignored character or a hyphen to map. Most texts do
 * not, and are given back as they are without building a copy. */
#define NEEDS_WORK(TYPE)                                                                 \
    {                                                                                    \
        const TYPE *p = (const TYPE *)t->data;                                           \
        if (is_space(p[0]) || is_space(p[t->n - 1]))                                     \
            return 1;                                                                    \
        for (Py_ssize_t i = 0; i < t->n; i++) {                                          \
            Py_UCS4 c = p[i];                                                            \
            if (c == ' ') {                                                              \
                if (p[i + 1] == ' ') /* not the last: ends checked above */             \
                    return 1;                                                            \
            }                                                                            \
            else if (c < 0x80) {                                                         \
                if ((c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F))              \
                    return 1;                                                            \
            }                                                                            \
            else if (is_space(c) || is_ignored(c) || c == 0x2010 || c == 0x2011)         \
                return 1;                                                                \
        }                                                                                \
        return 0;                                                                        \
    }

static int needs_comparing_work(const Text *t)
{
    if (t->kind == PyUnicode_1BYTE_KIND)
        NEEDS_WORK(Py_UCS1)
    if (t->kind == PyUnicode_2BYTE_KIND)
        NEEDS_WORK(Py_UCS2)
    NEEDS_WORK(Py_UCS4)
}

/* typography.py `comparable`: whitespace runs of any kind as one space, ends trimmed,
 * ignored characters dropped, U+2010 and U+2011 as "-". An ASCII text keeps the Python
 * twin's fast path exactly: it is only collapsed when it holds two spaces, a tab, a line
 * end, a form feed or a vertical tab, or whitespace at an end. */
PyObject *scan_comparable(PyObject *module, PyObject *arg)
{
    Text t;
    if (text_of(arg, &t) < 0)
        return NULL;
    if (t.n == 0)
        return Py_NewRef(arg);
    if (PyUnicode_IS_ASCII(arg)) {
        const Py_UCS1 *a = (const Py_UCS1 *)t.data;
        int plain = !is_space(a[0]) && !is_space(a[t.n - 1]);
        for (Py_ssize_t i = 0; plain && i < t.n; i++) {
            Py_UCS1 c = a[i];
            if ((c >= '\t' && c <= '\r') || (c == ' ' && i + 1 < t.n && a[i + 1] == ' '))
                plain = 0;
        }
        if (plain)
            return Py_NewRef(arg);
    }
    else if (!needs_comparing_work(&t))
        return Py_NewRef(arg);
    Py_UCS4 *buffer = PyMem_Malloc(sizeof(Py_UCS4) * t.n);
    if (buffer == NULL)
        return PyErr_NoMemory();
    Py_ssize_t n = 0;
    int pending_space = 0, changed = 0;
    for (Py_ssize_t i = 0; i < t.n; i++) {
        Py_UCS4 c = AT(&t, i);
        if (is_space(c)) {
            pending_space = 1;
            continue;
        }
        if (c >= 0xAD && is_ignored(c))
            continue;
        if (c == 0x2010 || c == 0x2011)
            c = '-';
        if (pending_space && n > 0)
            buffer[n++] = ' ';
        pending_space = 0;
        buffer[n++] = c;
    }
    /* unchanged when nothing was dropped, mapped or collapsed */
    if (n == t.n) {
        changed = 0;
        for (Py_ssize_t i = 0; i < n && !changed; i++)
            changed = buffer[i] != AT(&t, i);
        if (!changed) {
            PyMem_Free(buffer);
            return Py_NewRef(arg);
        }
    }
    PyObject *result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buffer, n);
    PyMem_Free(buffer);
    return result;
}

/* units.py `_text_key`: family + "\x00" + mask_refs(comparable(text)), in one call (the
 * alignment keys every unit of both drafts). */
PyObject *scan_text_key(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "text_key(family: str, text: str)");
        return NULL;
    }
    PyObject *form = scan_comparable(module, args[1]);
    if (form == NULL)
        return NULL;
    PyObject *masked = scan_mask_refs(module, form);
    Py_DECREF(form);
    if (masked == NULL)
        return NULL;
    PyObject *head = PyUnicode_FromOrdinal(0), *key = NULL;
    if (head != NULL) {
        PyObject *family = PyUnicode_Concat(args[0], head);
        if (family != NULL) {
            key = PyUnicode_Concat(family, masked);
            Py_DECREF(family);
        }
        Py_DECREF(head);
    }
    Py_DECREF(masked);
    return key;
}

/* Tokenize `text` into `tokens` (a list) and append each token's code to `codes`,
 * numbering tokens not in `numbering` yet. */
static int encode_one(PyObject *text, PyObject *tokens, PyObject *numbering, Py_UCS4 *codes)
{
    Text t;
    if (text_of(text, &t) < 0)
        return -1;
    Py_ssize_t i = 0, n = 0;
    while (i < t.n) {
        Py_ssize_t j = token_end(&t, i);
        PyObject *token = PyUnicode_Substring(text, i, j);
        if (token == NULL)
            return -1;
        if (PyList_Append(tokens, token) < 0) {
            Py_DECREF(token);
            return -1;
        }
        PyObject *code = PyDict_GetItemWithError(numbering, token);
        Py_UCS4 point;
        if (code == NULL) {
            if (PyErr_Occurred()) {
                Py_DECREF(token);
                return -1;
            }
            /* the index-th code: from U+0100 up, the surrogates skipped */
            point = 0x100 + (Py_UCS4)PyDict_GET_SIZE(numbering);
            if (point >= 0xD800)
                point += 0x800;
            if (point > 0x10FFFF) {
                Py_DECREF(token);
                PyErr_SetString(PyExc_OverflowError, "too many distinct tokens");
                return -1;
            }
            PyObject *value = PyLong_FromUnsignedLong(point);
            if (value == NULL || PyDict_SetItem(numbering, token, value) < 0) {
                Py_XDECREF(value);
                Py_DECREF(token);
                return -1;
            }
            Py_DECREF(value);
        }
        else
            point = (Py_UCS4)PyLong_AsUnsignedLong(code);
        Py_DECREF(token);
        codes[n++] = point;
        i = j;
    }
    return 0;
}

/* inline.py `_encode`: both texts' tokens, and each text as one character per token
 * (the same character for the same token): what the word diff runs on. */
PyObject *scan_encode(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "encode(old: str, new: str)");
        return NULL;
    }
    PyObject *numbering = PyDict_New(), *result = NULL;
    PyObject *old_tokens = PyList_New(0), *new_tokens = PyList_New(0);
    /* a text has at most as many tokens as characters */
    Py_ssize_t room = PyUnicode_GET_LENGTH(args[0]) + PyUnicode_GET_LENGTH(args[1]) + 1;
    Py_UCS4 *codes = PyMem_Malloc(sizeof(Py_UCS4) * room);
    if (numbering == NULL || old_tokens == NULL || new_tokens == NULL || codes == NULL) {
        if (codes == NULL)
            PyErr_NoMemory();
        goto done;
    }
    if (encode_one(args[0], old_tokens, numbering, codes) < 0)
        goto done;
    Py_ssize_t old_n = PyList_GET_SIZE(old_tokens);
    if (encode_one(args[1], new_tokens, numbering, codes + old_n) < 0)
        goto done;
    Py_ssize_t new_n = PyList_GET_SIZE(new_tokens);
    PyObject *old_code = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, codes, old_n);
    PyObject *new_code = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, codes + old_n, new_n);
    if (old_code != NULL && new_code != NULL)
        result = PyTuple_Pack(4, old_tokens, new_tokens, old_code, new_code);
    Py_XDECREF(old_code);
    Py_XDECREF(new_code);
done:
    PyMem_Free(codes);
    Py_XDECREF(numbering);
    Py_XDECREF(old_tokens);
    Py_XDECREF(new_tokens);
    return result;
}
