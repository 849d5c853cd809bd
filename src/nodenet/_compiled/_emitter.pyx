# cython: language_level=3, boundscheck=False, wraparound=False, binding=False
"""The compiled EventEmitter core: the fast twin of the pure-Python ``nodenet._emitter``.

Listeners of an event are kept in a tuple that is replaced, never changed in place, so
``emit`` iterates a snapshot for free: listeners added or removed during an emit take
effect from the next emit on (Node's rule).

``emit`` is a METH_FASTCALL method installed by hand (Cython's ``def`` would pack the
arguments into a tuple first): listeners are called with the caller's own argument array,
and a tuple is built only for the slow paths that need one.
"""

cimport cython
from cpython.object cimport PyObject
from cpython.sequence cimport PySequence_Fast_ITEMS
from cpython.tuple cimport PyTuple_GET_ITEM, PyTuple_GET_SIZE

from nodenet._emitter_common import (
    check_capture,
    check_listener,
    check_max_listeners,
    default_capture,
    error_monitor,
    handle_result,
    get_state,
    raise_unhandled,
    reduce_emitter,
    reduce_once,
    set_state,
    warn_max_listeners,
)

cdef extern from "Python.h":
    ctypedef struct PyMethodDef:
        const char* ml_name
        void* ml_meth
        int ml_flags
        const char* ml_doc
    ctypedef struct PyTypeObject:
        PyObject* tp_dict
    int METH_FASTCALL
    int METH_KEYWORDS
    PyObject* PyDict_GetItemWithError(object d, object key) except? NULL
    object PyObject_Vectorcall(object callable, PyObject** args, size_t nargsf, PyObject* kwnames)
    object PyDescr_NewMethod(PyTypeObject* cls, PyMethodDef* meth)
    void PyType_Modified(PyTypeObject* cls)
    bint PyTuple_CheckExact(object o)
    bint PyFloat_CheckExact(object o)
    bint PyUnicode_CheckExact(object o)
    double PyFloat_AS_DOUBLE(object o)
    bint PyLong_CheckExact(object o)
    long long PyLong_AsLongLongAndOverflow(object o, int* overflow) except? -1
    object PyTuple_New(Py_ssize_t n)
    object PyList_New(Py_ssize_t n)
    void PyList_SET_ITEM(object l, Py_ssize_t i, PyObject* o)
    void PyTuple_SET_ITEM(object t, Py_ssize_t i, PyObject* o)
    void Py_INCREF(PyObject* o)
    Py_ssize_t PyDict_GET_SIZE(object d)
    void* _type_of "Py_TYPE"(PyObject* o)

cdef extern from *:
    """
    static CYTHON_INLINE int __nodenet_identity_eq(PyObject *o) {
        return Py_TYPE(o)->tp_richcompare == PyBaseObject_Type.tp_richcompare;
    }

    /* PyCallable_Check, inline */
    static CYTHON_INLINE int __nodenet_callable(PyObject *o) {
        return Py_TYPE(o)->tp_call != NULL;
    }

    /* PyObject_Vectorcall(f, argv, nargs, NULL), less its checks and wrapper for a callable
       with a vectorcall slot (a function, a bound method, most builtins). */
    static CYTHON_INLINE PyObject *__nodenet_call(PyObject *f, PyObject *const *argv,
                                                  size_t nargs) {
        PyTypeObject *type = Py_TYPE(f);
        vectorcallfunc call;
        PyObject *result;
        if (!PyType_HasFeature(type, Py_TPFLAGS_HAVE_VECTORCALL))
            return PyObject_Vectorcall(f, argv, nargs, NULL);
        /* PyVectorcall_Function, inline */
        memcpy(&call, (char *)f + type->tp_vectorcall_offset, sizeof(call));
        if (call == NULL)
            return PyObject_Vectorcall(f, argv, nargs, NULL);
        result = call(f, argv, nargs, NULL);
        if (result == NULL && !PyErr_Occurred())
            PyErr_Format(PyExc_SystemError, "%R returned NULL without setting an exception", f);
        return result;
    }

    /* ``type(emitter).<name>`` (``default_max_listeners``, ``capture_rejections``), remembered
       while neither the class nor its metaclass changes (their version tags say so), one class
       per name. Remembered only when it is a plain bool, int or float found in the class's
       MRO, with nothing of the metaclass in front. */
    typedef struct {
        PyTypeObject *type;  /* compared, never used */
        unsigned int tag, meta_tag;
        PyObject *value;
    } __nodenet_class_cache;
    static __nodenet_class_cache __nodenet_limit_cache, __nodenet_capture_cache;

    static CYTHON_INLINE int __nodenet_tag(PyTypeObject *type, unsigned int *tag) {
    #ifdef Py_TPFLAGS_VALID_VERSION_TAG
        if (!(type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG)) return 0;
    #endif
        *tag = type->tp_version_tag;
        return *tag != 0;
    }

    static PyObject *__nodenet_class_attr(__nodenet_class_cache *cache, PyObject *emitter,
                                          PyObject *name) {
        PyTypeObject *type = Py_TYPE(emitter), *meta = Py_TYPE(type);
        unsigned int tag, meta_tag;
        PyObject *value;
        if (type == cache->type && __nodenet_tag(type, &tag) && tag == cache->tag
                && __nodenet_tag(meta, &meta_tag) && meta_tag == cache->meta_tag) {
            Py_INCREF(cache->value);
            return cache->value;
        }
        value = PyObject_GetAttr((PyObject *)type, name);
        if (value != NULL && (PyLong_CheckExact(value) || PyFloat_CheckExact(value)
                              || PyBool_Check(value))
                && meta->tp_getattro == PyType_Type.tp_getattro
                && _PyType_Lookup(meta, name) == NULL && _PyType_Lookup(type, name) == value
                && __nodenet_tag(type, &tag) && __nodenet_tag(meta, &meta_tag)) {
            Py_INCREF(value);
            Py_XSETREF(cache->value, value);
            cache->type = type;
            cache->tag = tag;
            cache->meta_tag = meta_tag;
        }
        return value;
    }

    static CYTHON_INLINE PyObject *__nodenet_class_limit(PyObject *emitter, PyObject *name) {
        return __nodenet_class_attr(&__nodenet_limit_cache, emitter, name);
    }

    static CYTHON_INLINE PyObject *__nodenet_class_capture(PyObject *emitter, PyObject *name) {
        return __nodenet_class_attr(&__nodenet_capture_cache, emitter, name);
    }

    /* Whether the exact str ``s`` is "error", without a call: any other name is told
       apart by its length or its first bytes. */
    static CYTHON_INLINE int __nodenet_is_error_str(PyObject *s) {
    #if PY_VERSION_HEX < 0x030C0000
        if (PyUnicode_READY(s) < 0) return -1;
    #endif
        return PyUnicode_GET_LENGTH(s) == 5 && PyUnicode_KIND(s) == PyUnicode_1BYTE_KIND
            && memcmp(PyUnicode_1BYTE_DATA(s), "error", 5) == 0;
    }
    """
    bint _identity_eq "__nodenet_identity_eq"(object o)
    bint _callable "__nodenet_callable"(object o)
    int _is_error_str "__nodenet_is_error_str"(object s) except -1
    object _call "__nodenet_call"(PyObject* f, PyObject** argv, size_t nargs)
    object _class_limit "__nodenet_class_limit"(object emitter, object name)
    object _class_capture "__nodenet_class_capture"(object emitter, object name)

cdef object _monitor = error_monitor
cdef tuple _EMPTY = ()
cdef Py_hash_t _NEW_LISTENER_HASH = hash("newListener")
cdef Py_hash_t _REMOVE_LISTENER_HASH = hash("removeListener")


cdef inline void _check(object listener) except *:
    """``check_listener`` raises; it is called only for a listener that would fail it."""
    if not _callable(listener):
        check_listener(listener)


cdef tuple _pack(PyObject** argv, Py_ssize_t argc):
    cdef Py_ssize_t i
    if argc == 0:
        return _EMPTY
    packed = PyTuple_New(argc)
    for i in range(argc):
        Py_INCREF(argv[i])
        PyTuple_SET_ITEM(packed, i, argv[i])
    return <tuple>packed


cdef tuple _with(tuple existing, object listener, bint prepend):
    """``existing`` plus ``listener`` at the front or the back, built in one allocation."""
    cdef Py_ssize_t i, count = PyTuple_GET_SIZE(existing)
    cdef Py_ssize_t shift = 1 if prepend else 0
    grown = PyTuple_New(count + 1)
    for i in range(count):
        Py_INCREF(PyTuple_GET_ITEM(existing, i))
        PyTuple_SET_ITEM(grown, i + shift, PyTuple_GET_ITEM(existing, i))
    Py_INCREF(<PyObject*>listener)
    PyTuple_SET_ITEM(grown, 0 if prepend else count, <PyObject*>listener)
    return <tuple>grown


cdef tuple _without(tuple existing, Py_ssize_t position):
    """``existing`` less the item at ``position``, built in one allocation."""
    cdef Py_ssize_t i, count = PyTuple_GET_SIZE(existing)
    shrunk = PyTuple_New(count - 1)
    for i in range(count - 1):
        item = PyTuple_GET_ITEM(existing, i if i < position else i + 1)
        Py_INCREF(item)
        PyTuple_SET_ITEM(shrunk, i, item)
    return <tuple>shrunk


cdef inline bint _exceeds(object limit, Py_ssize_t count) except -1:
    """``0 < limit < count`` (Python's exact int/float comparison), in C for int and float."""
    cdef int overflow = 0
    cdef long long whole
    if PyFloat_CheckExact(limit):
        return 0.0 < PyFloat_AS_DOUBLE(limit) < <double>count
    if PyLong_CheckExact(limit):
        whole = PyLong_AsLongLongAndOverflow(limit, &overflow)
        return overflow == 0 and 0 < whole < count
    return 0 < limit < count


cdef inline bint _holds(dict events, object event, bint present, object name,
                        Py_hash_t name_hash) except -1:
    """``name in events``, told without a lookup when ``events`` is empty or holds nothing
    but ``event``, an exact str (``present``: it is there) whose hash is not ``name``'s."""
    cdef Py_ssize_t size = PyDict_GET_SIZE(events)
    if size == 0:
        return False
    if size == 1 and present and PyUnicode_CheckExact(event) and hash(event) != name_hash:
        return False
    return name in events


cdef inline tuple _as_tuple(PyObject* found):
    """The listeners ``found`` (a reference borrowed from the events dict) as a tuple.

    A container of another type is held here first: its ``__iter__`` is Python code that
    may take it out of the dict, which would free it under ``tuple()``."""
    if PyTuple_CheckExact(<object>found):
        return <tuple>found
    held = <object>found
    return tuple(held)


@cython.final
@cython.freelist(16)
@cython.trashcan(True)  # a chain of wrappers of wrappers is freed without deep C recursion
cdef class OnceWrapper:
    """Stands in for a ``once`` listener until its first call; ``.listener`` is the original."""

    cdef public object target
    cdef public object event
    cdef public object listener
    cdef public bint fired

    def __init__(self, target, event, listener):
        self.target = target
        self.event = event
        self.listener = listener
        self.fired = False

    def __call__(self, *args):
        return self._fire(PySequence_Fast_ITEMS(args), PyTuple_GET_SIZE(args))

    cdef object _fire(self, PyObject** argv, Py_ssize_t argc):
        if not self.fired:
            self.target.remove_listener(self.event, self)
            self.fired = True
            return PyObject_Vectorcall(self.listener, argv, <size_t>argc, NULL)
        return None

    def __reduce__(self):
        return reduce_once(self)

    def __repr__(self):
        return f"<once wrapper of {self.listener!r}>"


cdef inline bint _eq(object a, object b) except -1:
    """``a == b``, decided by identity when neither type defines its own comparison."""
    if _identity_eq(a) and _identity_eq(b):
        return a is b
    return a == b


cdef inline bint _matches(object item, object listener) except -1:
    if _eq(item, listener):
        return True
    return type(item) is OnceWrapper and _eq((<OnceWrapper>item).listener, listener)


cdef inline Py_ssize_t _find(tuple existing, object listener) except -2:
    """The position of the last item of ``existing`` that ``_matches`` ``listener``, or -1."""
    cdef Py_ssize_t position = PyTuple_GET_SIZE(existing) - 1
    cdef PyObject* item
    if not _identity_eq(listener):
        while position >= 0 and \
                not _matches(<object>PyTuple_GET_ITEM(existing, position), listener):
            position -= 1
        return position
    # ``listener`` compares by identity: only the very object, a wrapper of it, or an item
    # with a comparison of its own can match (the tests of ``_matches``, in its order)
    while position >= 0:
        item = PyTuple_GET_ITEM(existing, position)
        if item == <PyObject*>listener:
            return position
        if _type_of(item) == <void*>OnceWrapper:
            if _eq((<OnceWrapper>item).listener, listener):
                return position
        elif not _identity_eq(<object>item) and <object>item == listener:
            return position
        position -= 1
    return -1


cdef OnceWrapper _wrap(object target, object event, object listener):
    cdef OnceWrapper wrapper = OnceWrapper.__new__(OnceWrapper)
    wrapper.target = target
    wrapper.event = event
    wrapper.listener = listener
    return wrapper


cdef inline object _unwrap(object item):
    if type(item) is OnceWrapper:
        return (<OnceWrapper>item).listener
    return item


cdef object _decorator(EventEmitter emitter, object event, bint prepend, bint once):
    """The decorator ``on(event)`` and its kin return (kept out of the methods so that they
    have no closure)."""
    def decorate(fn):
        emitter._register(event, fn, prepend, once)
        return fn
    return decorate


cdef inline bint _default_capture(object emitter) except -1:
    """``default_capture(type(emitter))``, the class's setting remembered between calls."""
    try:
        return bool(_class_capture(emitter, "capture_rejections"))
    except AttributeError:
        return default_capture(type(emitter))


@cython.auto_pickle(False)
cdef class EventEmitter:
    """Node's EventEmitter (compiled)."""

    # its fields and C methods are declared in _emitter.pxd (nodenet._socket cimports it)

    def __cinit__(self, *args, **kwargs):
        self._events = {}
        self._max_listeners = None
        self._capture = _default_capture(self)
        self._warned = None

    def __getstate__(self):
        """The state ``copy`` and ``pickle`` take: (``__dict__``, fields), as the pure twin."""
        return get_state(self)

    def __setstate__(self, state):
        set_state(self, state)

    def __reduce__(self):
        return reduce_emitter(self)

    def __init__(self, options=None, *, capture_rejections=None):
        if options is not None and capture_rejections is None:
            capture_rejections = options.get("captureRejections")
        if capture_rejections is not None:
            self._capture = check_capture(capture_rejections)

    # adding

    cdef object _add(self, object event, object listener, bint prepend):
        cdef dict events = self._events
        cdef tuple existing
        cdef Py_ssize_t count
        cdef PyObject* found
        _check(listener)
        if PyUnicode_CheckExact(event):
            # a str's lookup has no side effects: look first, so that the common case (no
            # other event, or no event at all) needs no lookup of 'newListener'
            found = PyDict_GetItemWithError(events, event)
            if _holds(events, event, found is not NULL, "newListener", _NEW_LISTENER_HASH):
                self.emit("newListener", event, _unwrap(listener))
                found = PyDict_GetItemWithError(events, event)
        else:
            if "newListener" in events:
                self.emit("newListener", event, _unwrap(listener))
            found = PyDict_GetItemWithError(events, event)
        if found is NULL:
            events[event] = (listener,)
            return self
        existing = _with(_as_tuple(found), listener, prepend)
        events[event] = existing
        count = PyTuple_GET_SIZE(existing)
        limit = self._max_listeners
        if limit is None:
            limit = _class_limit(self, "default_max_listeners")
        if _exceeds(limit, count):
            if self._warned is None:
                self._warned = set()
            if event not in self._warned:
                self._warned.add(event)
                warn_max_listeners(self, event, count, limit)
        return self

    cdef object _register(self, object event, object listener, bint prepend, bint once):
        if listener is None:
            return _decorator(self, event, prepend, once)
        if once:
            _check(listener)
            listener = _wrap(self, event, listener)
        return self._add(event, listener, prepend)

    def on(self, event, listener=None):
        """Add ``listener`` for ``event``; with no listener, return a decorator."""
        return self._register(event, listener, False, False)

    add_listener = on

    def prepend_listener(self, event, listener=None):
        """Add ``listener`` at the front of ``event``'s listeners."""
        return self._register(event, listener, True, False)

    def once(self, event, listener=None):
        """Add ``listener`` for the next ``event`` only."""
        return self._register(event, listener, False, True)

    def prepend_once_listener(self, event, listener=None):
        """Add ``listener`` at the front, for the next ``event`` only."""
        return self._register(event, listener, True, True)

    # removing

    def remove_listener(self, event, listener):
        """Remove the most recently added ``listener`` of ``event``; emit 'removeListener'."""
        return self._remove(event, listener)

    off = remove_listener

    cdef object _remove(self, object event, object listener):
        cdef dict events = self._events
        cdef tuple existing
        cdef Py_ssize_t position, count
        cdef PyObject* found
        _check(listener)
        found = PyDict_GetItemWithError(events, event)
        if found is NULL:
            return self
        existing = _as_tuple(found)
        count = PyTuple_GET_SIZE(existing)
        position = _find(existing, listener)
        if position < 0:
            return self
        removed = <object>PyTuple_GET_ITEM(existing, position)
        if count == 1:
            del events[event]
            if self._warned:
                self._warned.discard(event)
            if PyDict_GET_SIZE(events) != 0 and "removeListener" in events:
                self.emit("removeListener", event,
                          _unwrap(removed) if type(removed) is OnceWrapper else listener)
            return self
        events[event] = _without(existing, position)
        if count == 2 and self._warned:
            self._warned.discard(event)
        if _holds(events, event, True, "removeListener", _REMOVE_LISTENER_HASH):
            self.emit("removeListener", event, listener)
        return self

    def remove_all_listeners(self, event=None):
        """Remove all listeners (of ``event``, or of every event), last added first."""
        cdef dict events = self._events
        if "removeListener" not in events:
            if event is None:
                events.clear()
                self._warned = None
            elif events.pop(event, None) is not None and self._warned:
                self._warned.discard(event)
            return self
        if event is None:
            for key in list(events):
                if key != "removeListener":
                    self.remove_all_listeners(key)
            self.remove_all_listeners("removeListener")
            events.clear()
            self._warned = None
            return self
        existing = events.get(event)
        if existing is not None:
            for listener in reversed(existing):
                self.remove_listener(event, listener)
        return self

    # emitting: ``emit`` itself is _emit_fastcall below, installed after the class

    cdef object _emit(self, object event, PyObject** argv, Py_ssize_t argc, object args):
        cdef dict events = self._events
        cdef PyObject* found
        cdef bint plain_name = PyUnicode_CheckExact(event)
        cdef bint is_error = plain_name and event == "error"
        if (is_error or not plain_name) and _monitor in events and (is_error or event == "error"):
            if args is None:
                args = _pack(argv, argc)
            self.emit(_monitor, *args)
        found = PyDict_GetItemWithError(events, event)
        if found is NULL:
            if is_error or (not plain_name and event == "error"):
                raise_unhandled(_pack(argv, argc) if args is None else args)
            return False
        return _call_listeners(self, event, _as_tuple(found), argv, argc, args)

    cdef object _emit_args(self, object event, tuple args):
        """``emit(event, *args)`` without looking ``emit`` up: for compiled callers that know
        it is not overridden."""
        return _dispatch(self, event, PySequence_Fast_ITEMS(args), PyTuple_GET_SIZE(args), args)

    # inspecting

    def listeners(self, event):
        """A copy of ``event``'s listeners, once-wrappers unwrapped."""
        cdef Py_ssize_t i, count
        cdef PyObject* found = PyDict_GetItemWithError(self._events, event)
        if found is NULL:
            return []
        existing = _as_tuple(found)
        count = PyTuple_GET_SIZE(existing)
        copy = PyList_New(count)
        for i in range(count):
            item = _unwrap(<object>PyTuple_GET_ITEM(existing, i))
            Py_INCREF(<PyObject*>item)
            PyList_SET_ITEM(copy, i, <PyObject*>item)
        return copy

    def raw_listeners(self, event):
        """A copy of ``event``'s listeners, once-wrappers included."""
        return list(self._events.get(event, _EMPTY))

    def listener_count(self, event, listener=None):
        """How many listeners ``event`` has (that are, or wrap, ``listener`` if given)."""
        cdef Py_ssize_t total = 0
        cdef PyObject* found
        if listener is None and self._events is not None:
            found = PyDict_GetItemWithError(self._events, event)
            if found is NULL:
                return 0
            if PyTuple_CheckExact(<object>found):
                return PyTuple_GET_SIZE(<object>found)
            held = <object>found  # (see _as_tuple)
            return len(held)
        existing = self._events.get(event, _EMPTY)
        if listener is None:
            return len(existing)
        for item in existing:
            if _matches(item, listener):
                total += 1
        return total

    def event_names(self):
        """The events that have listeners, in the order they were first added."""
        return list(self._events)

    def set_max_listeners(self, n):
        """Warn when an event passes ``n`` listeners (``0`` or ``math.inf``: never)."""
        self._max_listeners = check_max_listeners(n)
        return self

    def get_max_listeners(self):
        """This emitter's limit, or the class's ``default_max_listeners``."""
        if self._max_listeners is None:
            return type(self).default_max_listeners
        return self._max_listeners


cdef inline object _call_listeners(EventEmitter self, object event, tuple listeners,
                                   PyObject** argv, Py_ssize_t argc, object args):
    """Call ``listeners`` (a snapshot, kept alive here) in order; True."""
    cdef Py_ssize_t i
    cdef PyObject* listener
    cdef object result
    for i in range(PyTuple_GET_SIZE(listeners)):
        listener = PyTuple_GET_ITEM(listeners, i)
        if _type_of(listener) == <void*>OnceWrapper:
            result = (<OnceWrapper>listener)._fire(argv, argc)
        else:
            result = _call(listener, argv, <size_t>argc)
        if result is not None and result is not True and result is not False:
            if args is None:
                args = _pack(argv, argc)
            handle_result(self, self._capture, result, event, args)
    return True


cdef class _EmitSignature:
    """Binds ``emit``'s arguments the way ``def emit(self, event, *args)`` would."""

    def emit(self, event, *args):
        return event, args


cdef _EmitSignature _signature = _EmitSignature()


cdef inline object _dispatch(EventEmitter self, object event, PyObject** argv, Py_ssize_t argc,
                             object args):
    cdef PyObject* found
    if PyUnicode_CheckExact(event) and not _is_error_str(event):
        # the common case, a str name other than 'error': no monitor, no unhandled error
        found = PyDict_GetItemWithError(self._events, event)
        if found is NULL:
            return False
        return _call_listeners(self, event, _as_tuple(found), argv, argc, args)
    return self._emit(event, argv, argc, args)


cdef object _emit_fastcall(EventEmitter self, PyObject** argv, Py_ssize_t argc, PyObject* kwnames):
    if kwnames is NULL and argc > 0:
        return _dispatch(self, <object>argv[0], argv + 1, argc - 1, None)
    positional = _pack(argv, argc)
    keywords = {}
    if kwnames is not NULL:
        for i, name in enumerate(<tuple>kwnames):
            keywords[name] = <object>argv[argc + i]
    event, args = _signature.emit(*positional, **keywords)
    return self._emit(event, PySequence_Fast_ITEMS(args), PyTuple_GET_SIZE(args), args)


cdef PyMethodDef _emit_def
_emit_def.ml_name = "emit"
_emit_def.ml_meth = <void*>_emit_fastcall
_emit_def.ml_flags = METH_FASTCALL | METH_KEYWORDS
_emit_def.ml_doc = (
    "emit($self, event, *args)\n--\n\n"
    "Call ``event``'s listeners in order with ``args``; True if there were any."
)
(<dict>(<PyTypeObject*>EventEmitter).tp_dict)["emit"] = PyDescr_NewMethod(
    <PyTypeObject*>EventEmitter, &_emit_def
)
PyType_Modified(<PyTypeObject*>EventEmitter)


# ``_events`` is read and written by Python code (Node's own tests read it), but the C
# methods above use it without a check: the attribute only ever holds a dict.

def _get_events(EventEmitter self):
    return self._events


def _set_events(EventEmitter self, dict events):
    if events is None:
        raise TypeError("an EventEmitter's _events must be a dict, not None")
    self._events = events


def _delete_events(EventEmitter self):
    raise TypeError("an EventEmitter's _events cannot be deleted")


(<dict>(<PyTypeObject*>EventEmitter).tp_dict)["_events"] = property(
    _get_events, _set_events, _delete_events, "The listeners of each event (a dict)."
)
PyType_Modified(<PyTypeObject*>EventEmitter)
