# Compiled, the callback a Transform's ``_transform`` gets for each chunk is an extension
# type that reads the stream's state through typed fields.

from nodenet._compiled._readable_flow cimport ReadableState
from nodenet._compiled._writable cimport WritableState


cdef class _Transformed:
    cdef object stream, callback
    cdef Py_ssize_t length
