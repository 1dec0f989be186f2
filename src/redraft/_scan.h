/* What the C files of redraft._scan share: the character classes of Python's `re`, a
 * text's storage, and the functions the module table lists (_scan.c says what the
 * accelerator is; _scan_text.c scans texts, _scan_pairs.c compares two of them). */
#ifndef REDRAFT_SCAN_H
#define REDRAFT_SCAN_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Character classes are those of Python's `re` for str patterns:
 *   \w  Py_UNICODE_ISALNUM(c) || c == '_'      \d  Py_UNICODE_ISDECIMAL(c)
 *   \s  Py_UNICODE_ISSPACE(c)
 * A "word character" W of the tokenizer is \w except the ten superscript digits (a
 * footnote reference); a "bag character" is \w except '_' ([^\W_]). */

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

static inline int text_of(PyObject *obj, Text *t)
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

/* Characters the comparison ignores (typography.IGNORED: the invisible ones and the
 * joiners). */
static inline int is_ignored(Py_UCS4 c)
{
    return c == 0xAD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

PyObject *scan_common_count(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *scan_common_ends(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *scan_comparable(PyObject *module, PyObject *arg);
PyObject *scan_count_bag(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *scan_count_words(PyObject *module, PyObject *arg);
PyObject *scan_encode(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *scan_mask_refs(PyObject *module, PyObject *arg);
PyObject *scan_score_ceiling(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *scan_shared_keys(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *scan_sized_score(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *scan_text_key(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *scan_tokenize(PyObject *module, PyObject *arg);

#endif
