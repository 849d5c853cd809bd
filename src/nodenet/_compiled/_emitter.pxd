# The compiled EventEmitter's C interface, for extension types built on it (the Socket core).

from cpython.object cimport PyObject


cdef class EventEmitter:
    cdef public dict _events
    cdef public object _max_listeners
    cdef public bint _capture
    cdef public set _warned

    cdef object _add(self, object event, object listener, bint prepend)
    cdef object _register(self, object event, object listener, bint prepend, bint once)
    cdef object _remove(self, object event, object listener)
    cdef object _emit_args(self, object event, tuple args)
    cdef object _emit(self, object event, PyObject** argv, Py_ssize_t argc, object args)
