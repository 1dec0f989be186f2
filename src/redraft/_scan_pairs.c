/* redraft._scan, the comparisons of two texts: what two bags of words share, the pair
 * score and its ceiling, and the common head and tail of two texts. */
#include "_scan.h"

/* What two bags of words share: their shared distinct words (`counting` 0), or the size
 * of their multiset intersection (`counting` 1: over shared words, the smaller count).
 * -1 on error. The intersections and the scores below all count with it. */
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

static PyObject *overlap_of(PyObject *const *args, Py_ssize_t nargs, int counting)
{
    if (nargs != 2 || !PyDict_Check(args[0]) || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "two dicts are required");
        return NULL;
    }
    Py_ssize_t found = bag_overlap(args[0], args[1], counting);
    return found < 0 ? NULL : PyLong_FromSsize_t(found);
}

/* `len(a.keys() & b.keys())`: keys the two bags share. */
PyObject *scan_shared_keys(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return overlap_of(args, nargs, 0);
}

/* units.py `common_words`: the size of the two bags' multiset intersection. */
PyObject *scan_common_count(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return overlap_of(args, nargs, 1);
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
PyObject *scan_sized_score(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
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
PyObject *scan_score_ceiling(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
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
PyObject *scan_common_ends(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
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

