/* Tag a sentence with a linear-chain CRF whose weights storyline read from a crfsuite model file
 * (storyline/doc/attribution_crf.py reads the file and builds this object).
 *
 * Why: python-crfsuite converts each of the ~32 feature names of every token to a C++ string and
 * looks it up in crfsuite's tree of attributes on every sentence; that costs about half of the source
 * tagger's time. Here a name is looked up in a Python dict (its hash is cached on the str or bytes
 * object), and the state sums, the Viterbi path and the scaled forward-backward marginals are done
 * in C with the same operations in the same order as crfsuite's crf1d_tag.c and crf1d_context.c, so
 * the labels and every marginal are bit for bit crfsuite's (built with -ffp-contract=off: no fused
 * multiply-add, as crfsuite's own build).
 *
 * The object has python-crfsuite's Tagger calls used by storyline: set(items), tag(), marginal(label,
 * position), labels().
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <math.h>
#include <float.h>
#include <string.h>

#define MAX_LABELS 64  /* the backward pass keeps one row of labels on the stack */

typedef struct {
    PyObject_HEAD
    PyObject *attributes; /* dict: name (str or bytes) -> attribute id (int) */
    PyObject *labels;     /* tuple of label names (str), by label id */
    Py_ssize_t n_attrs, L;
    double *weight;       /* n_attrs x L: the state feature weight of (attribute, label), 0.0 when none */
    double *trans;        /* L x L: transition weights, row = from, column = to */
    double *exp_trans;    /* exp(trans) */
    /* the sentence set last: T tokens, arrays of T x L (capacity `cap` tokens) */
    Py_ssize_t T, cap;
    double *state, *exp_state, *alpha, *beta, *scale;
    int *back;
    int have_marginals;   /* alpha and beta computed for this sentence */
} Tagger;

static void Tagger_free_arrays(Tagger *self) {
    PyMem_Free(self->state); PyMem_Free(self->exp_state); PyMem_Free(self->alpha);
    PyMem_Free(self->beta); PyMem_Free(self->scale); PyMem_Free(self->back);
    self->state = self->exp_state = self->alpha = self->beta = self->scale = NULL;
    self->back = NULL;
    self->cap = 0;
}

static void Tagger_dealloc(Tagger *self) {
    Py_XDECREF(self->attributes);
    Py_XDECREF(self->labels);
    PyMem_Free(self->weight); PyMem_Free(self->trans); PyMem_Free(self->exp_trans);
    Tagger_free_arrays(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Tagger(attributes: dict, labels: tuple[str], weights: bytes, transitions: bytes) */
static int Tagger_init(Tagger *self, PyObject *args, PyObject *kwds) {
    PyObject *attributes, *labels;
    Py_buffer w, t;
    if (!PyArg_ParseTuple(args, "O!O!y*y*", &PyDict_Type, &attributes, &PyTuple_Type, &labels, &w, &t))
        return -1;
    Py_ssize_t L = PyTuple_GET_SIZE(labels);
    int ok = L > 0 && L <= MAX_LABELS && t.len == (Py_ssize_t)(L * L * sizeof(double)) && w.len % (L * sizeof(double)) == 0;
    if (ok) {
        PyMem_Free(self->weight); PyMem_Free(self->trans); PyMem_Free(self->exp_trans);
        Tagger_free_arrays(self);
        self->L = L;
        self->n_attrs = w.len / (L * sizeof(double));
        self->weight = PyMem_Malloc(w.len);
        self->trans = PyMem_Malloc(t.len);
        self->exp_trans = PyMem_Malloc(t.len);
        if (self->weight && self->trans && self->exp_trans) {
            memcpy(self->weight, w.buf, w.len);
            memcpy(self->trans, t.buf, t.len);
            for (Py_ssize_t k = 0; k < L * L; k++) self->exp_trans[k] = exp(self->trans[k]);
        }
    }
    PyBuffer_Release(&w);
    PyBuffer_Release(&t);
    if (!ok) {
        PyErr_SetString(PyExc_ValueError,
                        "1 to 64 labels, weights of attributes x labels and transitions of labels x labels doubles");
        return -1;
    }
    if (!self->weight || !self->trans || !self->exp_trans) {
        PyErr_NoMemory();
        return -1;
    }
    Py_INCREF(attributes); Py_XSETREF(self->attributes, attributes);
    Py_INCREF(labels); Py_XSETREF(self->labels, labels);
    return 0;
}

static int reserve(Tagger *self, Py_ssize_t T) {
    if (T <= self->cap) return 0;
    Py_ssize_t cap = T < 64 ? 64 : 2 * T, n = cap * self->L;
    Tagger_free_arrays(self);
    self->state = PyMem_Malloc(n * sizeof(double));
    self->exp_state = PyMem_Malloc(n * sizeof(double));
    self->alpha = PyMem_Malloc(n * sizeof(double));
    self->beta = PyMem_Malloc(n * sizeof(double));
    self->scale = PyMem_Malloc(cap * sizeof(double));
    self->back = PyMem_Malloc(n * sizeof(int));
    if (!self->state || !self->exp_state || !self->alpha || !self->beta || !self->scale || !self->back) {
        Tagger_free_arrays(self);
        PyErr_NoMemory();
        return -1;
    }
    self->cap = cap;
    return 0;
}

/* One name's weights added to a token's state scores; 0 when done (a name the model does not know is
 * left out, as crfsuite's Tagger::set does), -1 with an exception set. */
static inline int add_name(Tagger *self, double *state, Py_ssize_t L, PyObject *name) {
    PyObject *id = PyDict_GetItemWithError(self->attributes, name);
    if (!id) return PyErr_Occurred() ? -1 : 0;
    Py_ssize_t a = PyLong_AsSsize_t(id);
    if (a < 0 || a >= self->n_attrs) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "an attribute id outside the weights");
        return -1;
    }
    const double *w = self->weight + a * L;
    for (Py_ssize_t l = 0; l < L; l++) state[l] += w[l];  /* weight * 1.0, as crfsuite */
    return 0;
}

/* set(items): each token's state scores, its known names' weights added in order from 0.0
 * (crf1dt_state_score). A token's item is a list of names, where a tuple stands for its names in
 * order (a group the token features build once and share), so Python need not flatten them. */
static PyObject *Tagger_set(Tagger *self, PyObject *items) {
    PyObject *seq = PySequence_Fast(items, "set() takes a sequence of tokens, each a list of feature names");
    if (!seq) return NULL;
    Py_ssize_t T = PySequence_Fast_GET_SIZE(seq), L = self->L;
    self->T = 0;
    self->have_marginals = 0;
    if (reserve(self, T) < 0) { Py_DECREF(seq); return NULL; }
    for (Py_ssize_t t = 0; t < T; t++) {
        double *state = self->state + t * L;
        for (Py_ssize_t l = 0; l < L; l++) state[l] = 0.0;
        PyObject *names = PySequence_Fast(PySequence_Fast_GET_ITEM(seq, t), "each token must be a list of feature names");
        if (!names) { Py_DECREF(seq); return NULL; }
        Py_ssize_t n = PySequence_Fast_GET_SIZE(names);
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *name = PySequence_Fast_GET_ITEM(names, i);
            int failed = 0;
            if (PyTuple_CheckExact(name)) {
                Py_ssize_t m = PyTuple_GET_SIZE(name);
                for (Py_ssize_t k = 0; k < m && !failed; k++) failed = add_name(self, state, L, PyTuple_GET_ITEM(name, k));
            } else {
                failed = add_name(self, state, L, name);
            }
            if (failed) { Py_DECREF(names); Py_DECREF(seq); return NULL; }
        }
        Py_DECREF(names);
    }
    Py_DECREF(seq);
    self->T = T;
    Py_RETURN_NONE;
}

/* tag(): the Viterbi labels of the sentence set last (crf1dc_viterbi: ties go to the first label). */
static PyObject *Tagger_tag(Tagger *self, PyObject *unused) {
    Py_ssize_t T = self->T, L = self->L;
    PyObject *out = PyList_New(T);
    if (!out || T == 0) return out;
    double *score = self->exp_state;  /* scratch: overwritten, so the marginals must be redone */
    self->have_marginals = 0;
    memcpy(score, self->state, L * sizeof(double));
    for (Py_ssize_t t = 1; t < T; t++) {
        const double *prev = score + (t - 1) * L, *state = self->state + t * L;
        double *cur = score + t * L;
        int *back = self->back + t * L;
        for (Py_ssize_t j = 0; j < L; j++) {
            double best = -DBL_MAX;
            back[j] = 0;
            for (Py_ssize_t i = 0; i < L; i++) {
                double s = prev[i] + self->trans[i * L + j];
                if (best < s) { best = s; back[j] = (int)i; }
            }
            cur[j] = best + state[j];
        }
    }
    int last = 0;
    double best = -DBL_MAX;
    for (Py_ssize_t i = 0; i < L; i++)
        if (best < score[(T - 1) * L + i]) { best = score[(T - 1) * L + i]; last = (int)i; }
    for (Py_ssize_t t = T - 1; t >= 0; t--) {
        PyObject *label = PyTuple_GET_ITEM(self->labels, last);
        Py_INCREF(label);
        PyList_SET_ITEM(out, t, label);
        if (t > 0) last = self->back[t * L + last];
    }
    return out;
}

/* The scaled forward and backward scores (crf1dc_exp_state, crf1dc_alpha_score, crf1dc_beta_score). */
static void forward_backward(Tagger *self) {
    Py_ssize_t T = self->T, L = self->L;
    double *es = self->exp_state, *et = self->exp_trans;
    for (Py_ssize_t k = 0; k < T * L; k++) es[k] = exp(self->state[k]);
    for (Py_ssize_t t = 0; t < T; t++) {
        double *cur = self->alpha + t * L, sum = 0.0;
        if (t == 0) {
            memcpy(cur, es, L * sizeof(double));
        } else {
            const double *prev = self->alpha + (t - 1) * L;
            for (Py_ssize_t j = 0; j < L; j++) cur[j] = 0.0;
            for (Py_ssize_t i = 0; i < L; i++)
                for (Py_ssize_t j = 0; j < L; j++) cur[j] += prev[i] * et[i * L + j];
            for (Py_ssize_t j = 0; j < L; j++) cur[j] *= es[t * L + j];
        }
        for (Py_ssize_t j = 0; j < L; j++) sum += cur[j];
        self->scale[t] = sum != 0.0 ? 1.0 / sum : 1.0;
        for (Py_ssize_t j = 0; j < L; j++) cur[j] *= self->scale[t];
    }
    double row[MAX_LABELS];
    for (Py_ssize_t i = 0; i < L; i++) self->beta[(T - 1) * L + i] = self->scale[T - 1];
    for (Py_ssize_t t = T - 2; t >= 0; t--) {
        const double *next = self->beta + (t + 1) * L, *state = es + (t + 1) * L;
        double *cur = self->beta + t * L;
        for (Py_ssize_t j = 0; j < L; j++) row[j] = next[j] * state[j];
        for (Py_ssize_t i = 0; i < L; i++) {
            double dot = 0.0;
            for (Py_ssize_t j = 0; j < L; j++) dot += et[i * L + j] * row[j];
            cur[i] = dot;
        }
        for (Py_ssize_t i = 0; i < L; i++) cur[i] *= self->scale[t];
    }
    self->have_marginals = 1;
}

/* marginal(label, position): alpha * beta / scale at that point (crf1dc_marginal_point). A fast call:
 * the tagger asks for two labels at many positions of every sentence. */
static PyObject *Tagger_marginal(Tagger *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2 || !PyUnicode_Check(args[0]))
        return PyErr_Format(PyExc_TypeError, "marginal() takes a label (str) and a position (int)");
    PyObject *label = args[0];
    Py_ssize_t t = PyLong_AsSsize_t(args[1]), l;
    if (t == -1 && PyErr_Occurred()) return NULL;
    for (l = 0; l < self->L; l++) {
        PyObject *name = PyTuple_GET_ITEM(self->labels, l);
        if (name == label) break;
        int eq = PyUnicode_Compare(label, name);
        if (eq == 0) break;
        if (eq == -1 && PyErr_Occurred()) return NULL;
    }
    if (l == self->L) return PyErr_Format(PyExc_ValueError, "the model has no label %R", label);
    if (t < 0 || t >= self->T) return PyErr_Format(PyExc_IndexError, "position %zd is outside the sentence set", t);
    if (!self->have_marginals) forward_backward(self);
    Py_ssize_t k = t * self->L + l;
    return PyFloat_FromDouble(self->alpha[k] * self->beta[k] / self->scale[t]);
}

static PyObject *Tagger_labels(Tagger *self, PyObject *unused) {
    return PySequence_List(self->labels);
}

static PyMethodDef Tagger_methods[] = {
    {"set", (PyCFunction)Tagger_set, METH_O, "Read a sentence: a list of feature names (str or bytes, or tuples of them) a token."},
    {"tag", (PyCFunction)Tagger_tag, METH_NOARGS, "The most likely labels of the sentence set last."},
    {"marginal", (PyCFunction)(void (*)(void))Tagger_marginal, METH_FASTCALL, "The probability of a label at a position."},
    {"labels", (PyCFunction)Tagger_labels, METH_NOARGS, "The model's labels, by id."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef Tagger_members[] = {
    {"attributes", T_OBJECT, offsetof(Tagger, attributes), READONLY, "The attribute ids by name (read only)."},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject TaggerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "storyline.doc._crf.Tagger",
    .tp_basicsize = sizeof(Tagger),
    .tp_dealloc = (destructor)Tagger_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A linear-chain CRF tagger: Tagger(attributes, labels, weights, transitions).",
    .tp_methods = Tagger_methods,
    .tp_members = Tagger_members,
    .tp_init = (initproc)Tagger_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_crf", "A linear-chain CRF tagger in C, bit-identical to crfsuite's.", -1, NULL,
};

PyMODINIT_FUNC PyInit__crf(void) {
    if (PyType_Ready(&TaggerType) < 0) return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m) return NULL;
    Py_INCREF(&TaggerType);
    if (PyModule_AddObject(m, "Tagger", (PyObject *)&TaggerType) < 0) {
        Py_DECREF(&TaggerType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
