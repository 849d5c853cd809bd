# Compiled, ``Lifeline`` is an extension type: the compiled Socket core reads its fields
# and calls its methods in C.

cdef class Lifeline:
    cdef public bint live
    cdef public bint refed

    cpdef hold(self, loop, owner)
    cpdef release(self, loop, owner)
    cpdef ref(self, loop, owner)
    cpdef unref(self, loop, owner)


cdef object _last_loop, _last_life
cdef set _last_handles

cdef set _handles_of(loop)
cpdef ref_handle(loop, handle)
cpdef unref_handle(loop, handle)
