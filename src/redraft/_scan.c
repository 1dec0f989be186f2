/* redraft._scan: the diff's text work in C (an optional accelerator; see
 * src/redraft/accelerator.py).
 *
 * The diff spent about half of its time on text work it does unit by unit: a unit's key,
 * its bag of words, the score of a pair, a pair's tokens and word counts. Each function
 * listed here does exactly what its pure-Python twin does (`py_*` in diff/tokens.py,
 * diff/units.py, diff/inline.py and typography.py: the specification, and the fallback);
 * tests/test_accelerator.py checks the two agree on random and on real text. The scans
 * of one text are in _scan_text.c, the comparisons of two in _scan_pairs.c; _scan.h has
 * the character classes of Python's `re` they all use.
 */
#include "_scan.h"

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
