/* redraft.diff._scan: the diff's text scans in C (an optional accelerator).
 *
 * The diff spends about a third of its time scanning text with regular expressions:
 * cutting a paragraph into tokens, counting the words of a segment, making a bag of
 * words, masking footnote references. Each function here does exactly what its
 * pure-Python twin in tokens.py or units.py does (the regular expressions there are the
 * specification; tests/test_scan_accelerator.py checks the two agree on random text and
 * on every paragraph of the test drafts), in one pass with no regex engine.
 *
 * Character classes are those of Python's `re` for str patterns:
 *   \w  Py_UNICODE_ISALNUM(c) || c == '_'      \d  Py_UNICODE_ISDECIMAL(c)
 *   \s  Py_UNICODE_ISSPACE(c)
 * A "word character" W of the tokenizer is \w except the ten superscript digits (a
 * footnote reference); a "bag character" is \w except '_' ([^\W_]).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

static inline int is_superscript(Py_UCS4 c)
{
    return c == 0x2070 || c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2074 && c <= 0x2079);
}

static inline int is_w(Py_UCS4 c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    return Py_UNICODE_ISALNUM(c) && !is_superscript(c);
}

static inline int is_bag(Py_UCS4 c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return Py_UNICODE_ISALNUM(c);
}

static inline int is_digit(Py_UCS4 c)
{
    if (c < 128)
        return c >= '0' && c <= '9';
    return Py_UNICODE_ISDECIMAL(c);
}

static inline int is_space(Py_UCS4 c)
{
    if (c < 128)
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    return Py_UNICODE_ISSPACE(c);
}

/* ' ’ - / . : a word goes on through one of these when a word character follows */
static inline int is_joiner(Py_UCS4 c)
{
    return c == '\'' || c == 0x2019 || c == '-' || c == '/' || c == '.';
}

typedef struct {
    int kind;
    int ascii;
    const void *data;
    Py_ssize_t n;
} Text;

#define AT(t, i) PyUnicode_READ((t)->kind, (t)->data, (i))

static int text_of(PyObject *obj, Text *t)
{
    if (!PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "a str is required");
        return -1;
    }
    t->kind = PyUnicode_KIND(obj);
    t->ascii = PyUnicode_IS_ASCII(obj);
    t->data = PyUnicode_DATA(obj);
    t->n = PyUnicode_GET_LENGTH(obj);
    return 0;
}

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

static PyObject *scan_tokenize(PyObject *module, PyObject *arg)
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
static PyObject *scan_count_words(PyObject *module, PyObject *arg)
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
static PyObject *scan_count_bag(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
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

static PyObject *scan_mask_refs(PyObject *module, PyObject *arg)
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

/* Characters the comparison ignores (typography.IGNORED: the invisible ones and the
 * joiners). */
static inline int is_ignored(Py_UCS4 c)
{
    return c == 0xAD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
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
static PyObject *scan_comparable(PyObject *module, PyObject *arg)
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

static int check_dicts(PyObject *const *args, Py_ssize_t nargs, const char *name)
{
    if (nargs != 2 || !PyDict_Check(args[0]) || !PyDict_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "%s(a: dict, b: dict)", name);
        return -1;
    }
    return 0;
}

/* units.py `score_ceiling`'s `len(a.keys() & b.keys())`: keys the two bags share. */
static PyObject *scan_shared_keys(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (check_dicts(args, nargs, "shared_keys") < 0)
        return NULL;
    PyObject *small = args[0], *large = args[1];
    if (PyDict_GET_SIZE(small) > PyDict_GET_SIZE(large)) {
        small = args[1];
        large = args[0];
    }
    Py_ssize_t pos = 0, shared = 0;
    PyObject *key, *value;
    while (PyDict_Next(small, &pos, &key, &value)) {
        int found = PyDict_Contains(large, key);
        if (found < 0)
            return NULL;
        shared += found;
    }
    return PyLong_FromSsize_t(shared);
}

/* units.py `common_words`: the size of the two bags' multiset intersection (the sum,
 * over shared words, of the smaller count). */
static PyObject *scan_common_count(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (check_dicts(args, nargs, "common_count") < 0)
        return NULL;
    PyObject *small = args[0], *large = args[1];
    if (PyDict_GET_SIZE(small) > PyDict_GET_SIZE(large)) {
        small = args[1];
        large = args[0];
    }
    Py_ssize_t pos = 0;
    long long common = 0;
    PyObject *key, *value;
    while (PyDict_Next(small, &pos, &key, &value)) {
        PyObject *other = PyDict_GetItemWithError(large, key);
        if (other == NULL) {
            if (PyErr_Occurred())
                return NULL;
            continue;
        }
        long long a = PyLong_AsLongLong(value), b = PyLong_AsLongLong(other);
        if ((a == -1 || b == -1) && PyErr_Occurred())
            return NULL;
        common += a < b ? a : b;
    }
    return PyLong_FromLongLong(common);
}

/* units.py `_text_key`: family + "\x00" + mask_refs(comparable(text)), in one call (the
 * alignment keys every unit of both drafts). */
static PyObject *scan_text_key(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
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
static PyObject *scan_encode(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
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

/* The sizes the two scores below share: distinct keys the bags share (`shared`) or the
 * multiset intersection's size (`common`). -1 on error. */
static Py_ssize_t bag_overlap(PyObject *a, PyObject *b, int counting)
{
    PyObject *small = a, *large = b;
    if (PyDict_GET_SIZE(a) > PyDict_GET_SIZE(b)) {
        small = b;
        large = a;
    }
    Py_ssize_t pos = 0, total = 0;
    PyObject *key, *value;
    while (PyDict_Next(small, &pos, &key, &value)) {
        PyObject *other = PyDict_GetItemWithError(large, key);
        if (other == NULL) {
            if (PyErr_Occurred())
                return -1;
            continue;
        }
        if (!counting) {
            total++;
            continue;
        }
        Py_ssize_t x = PyLong_AsSsize_t(value), y = PyLong_AsSsize_t(other);
        if ((x == -1 || y == -1) && PyErr_Occurred())
            return -1;
        total += x < y ? x : y;
    }
    return total;
}

static int parse_scored(PyObject *const *args, Py_ssize_t nargs, const char *name,
                        Py_ssize_t sizes[3])
{
    if (nargs != 5 || !PyDict_Check(args[0]) || !PyDict_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "%s(a: dict, b: dict, size_a, size_b, contained_min)",
                     name);
        return -1;
    }
    for (int k = 0; k < 3; k++) {
        sizes[k] = PyLong_AsSsize_t(args[2 + k]);
        if (sizes[k] == -1 && PyErr_Occurred())
            return -1;
    }
    return 0;
}

/* The Jaccard of `common` words in bags of `size_a` and `size_b`, or half the share of
 * the shorter found in the longer when that is long enough: the same operations in the
 * same order as the Python twin, so the same double. */
static double jaccard_or_contained(Py_ssize_t common, const Py_ssize_t sizes[3])
{
    double score = (double)common / (double)(sizes[0] + sizes[1] - common);
    Py_ssize_t shorter = sizes[0] < sizes[1] ? sizes[0] : sizes[1];
    if (shorter >= sizes[2]) {
        double contained = 0.5 * (double)common / (double)shorter;
        if (contained > score)
            score = contained;
    }
    return score;
}

/* units.py `sized_score`. */
static PyObject *scan_sized_score(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t sizes[3];
    if (parse_scored(args, nargs, "sized_score", sizes) < 0)
        return NULL;
    int empty_a = PyDict_GET_SIZE(args[0]) == 0, empty_b = PyDict_GET_SIZE(args[1]) == 0;
    if (empty_a || empty_b)
        return PyFloat_FromDouble(empty_a && empty_b ? 1.0 : 0.0);
    Py_ssize_t common = bag_overlap(args[0], args[1], 1);
    if (common < 0)
        return NULL;
    return PyFloat_FromDouble(jaccard_or_contained(common, sizes));
}

/* units.py `score_ceiling`. */
static PyObject *scan_score_ceiling(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t sizes[3];
    if (parse_scored(args, nargs, "score_ceiling", sizes) < 0)
        return NULL;
    Py_ssize_t len_a = PyDict_GET_SIZE(args[0]), len_b = PyDict_GET_SIZE(args[1]);
    if (len_a == 0 || len_b == 0)
        return PyFloat_FromDouble(1.0);
    Py_ssize_t shared = bag_overlap(args[0], args[1], 0);
    if (shared < 0)
        return NULL;
    Py_ssize_t most_a = sizes[0] - len_a + shared, most_b = sizes[1] - len_b + shared;
    return PyFloat_FromDouble(jaccard_or_contained(most_a < most_b ? most_a : most_b, sizes));
}

/* inline.py `_common_ends`: the lengths of the common head and tail of two texts, cut
 * just after a space, line end or tab (the head) and at one (the tail), so that no word
 * is split; the tail never reaches into the head. */
static PyObject *scan_common_ends(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Text a, b;
    if (nargs != 2 || text_of(args[0], &a) < 0 || text_of(args[1], &b) < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "common_ends(old: str, new: str)");
        return NULL;
    }
    Py_ssize_t limit = a.n < b.n ? a.n : b.n, same = 0;
    while (same < limit && AT(&a, same) == AT(&b, same))
        same++;
    Py_ssize_t head = 0;
    for (Py_ssize_t i = same - 1; i >= 0; i--) {
        Py_UCS4 c = AT(&a, i);
        if (c == ' ' || c == '\n' || c == '\t') {
            head = i + 1;
            break;
        }
    }
    Py_ssize_t back = 0, most = limit - head;
    while (back < most && AT(&a, a.n - 1 - back) == AT(&b, b.n - 1 - back))
        back++;
    Py_ssize_t tail = 0;
    if (back > 0) {
        for (Py_ssize_t i = a.n - back; i < a.n; i++) {
            Py_UCS4 c = AT(&a, i);
            if (c == ' ' || c == '\n' || c == '\t') {
                tail = a.n - i;
                break;
            }
        }
    }
    return Py_BuildValue("(nn)", head, tail);
}

static PyMethodDef scan_methods[] = {
    {"tokenize", scan_tokenize, METH_O, "Tokens whose concatenation is the text."},
    {"count_words", scan_count_words, METH_O, "Words as the diff's summary counts them."},
    {"count_bag", (PyCFunction)(void (*)(void))scan_count_bag, METH_FASTCALL,
     "Count the bag words of a masked, lowercased text into a dict; return how many."},
    {"mask_refs", scan_mask_refs, METH_O, "Each footnote reference as one \\x01."},
    {"comparable", scan_comparable, METH_O, "The comparison form of a text."},
    {"sized_score", (PyCFunction)(void (*)(void))scan_sized_score, METH_FASTCALL,
     "How likely two bags are one paragraph, edited."},
    {"score_ceiling", (PyCFunction)(void (*)(void))scan_score_ceiling, METH_FASTCALL,
     "An upper bound of sized_score from the shared distinct words."},
    {"common_ends", (PyCFunction)(void (*)(void))scan_common_ends, METH_FASTCALL,
     "Lengths of the common head and tail of two texts, cut at spaces."},
    {"encode", (PyCFunction)(void (*)(void))scan_encode, METH_FASTCALL,
     "Both texts' tokens, and each as one character per token."},
    {"text_key", (PyCFunction)(void (*)(void))scan_text_key, METH_FASTCALL,
     "A unit's comparison key given its family."},
    {"shared_keys", (PyCFunction)(void (*)(void))scan_shared_keys, METH_FASTCALL,
     "How many keys two dicts share."},
    {"common_count", (PyCFunction)(void (*)(void))scan_common_count, METH_FASTCALL,
     "Sum over shared keys of the smaller value."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef scan_module = {
    PyModuleDef_HEAD_INIT, "_scan", "The diff's text scans in C.", -1, scan_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__scan(void)
{
    return PyModule_Create(&scan_module);
}
