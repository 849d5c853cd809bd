# Compiled, the writable side's state and its write requests are extension types with
# typed fields, and the steps of a write (buffer or pass to _write, the completion, the
# 'drain'/'finish' scheduling) call each other in C. Fields are ``public``: the stream
# classes and the tests read them by name.

cimport cython


cdef class WriteRequest:
    cdef public object chunk, encoding, callback


cdef class _OnWrite:
    cdef object stream


cdef class _AfterWriteTickInfo:
    cdef public Py_ssize_t count
    cdef public object cb, stream
    cdef public WritableState state


cdef class WritableState:
    cdef public bint object_mode
    cdef public Py_ssize_t high_water_mark
    cdef public bint final_called, need_drain, ending, ended, finished, destroyed
    cdef public bint decode_strings
    cdef public object default_encoding
    cdef public Py_ssize_t length
    cdef public bint writing
    cdef public Py_ssize_t corked
    cdef public bint sync, buffer_processing
    cdef public object onwrite, writecb
    cdef public Py_ssize_t writelen
    cdef public _AfterWriteTickInfo after_write_tick_info
    cdef public bint after_write_pending, expect_write_cb
    cdef public list buffered
    cdef public Py_ssize_t buffered_index
    cdef public bint all_buffers, all_noop
    cdef public Py_ssize_t pending_cb
    cdef public bint constructed, prefinished, error_emitted, emit_close, auto_destroy
    cdef public object errored
    cdef public bint closed, close_emitted
    cdef public object writable
    cdef public list on_finished
    cdef object __weakref__


cpdef _reset_buffer(WritableState state)


@cython.locals(state=WritableState)
cpdef _write_chunk(stream, chunk, encoding, cb)


@cython.locals(size=Py_ssize_t, ret=bint)
cpdef bint _write_or_buffer(stream, WritableState state, chunk, encoding, callback) except -1
cpdef _do_write(stream, WritableState state, bint writev, Py_ssize_t size, chunk, encoding, cb)
cpdef _onwrite_error(stream, WritableState state, er, cb)


@cython.locals(state=WritableState, sync=bint, need_drain=bint, need_tick=bint,
               info=_AfterWriteTickInfo)
cpdef _onwrite(stream, er=*)
cpdef _after_write_tick(_AfterWriteTickInfo info)
cpdef _after_write(stream, WritableState state, Py_ssize_t count, cb)


@cython.locals(n=Py_ssize_t, req=WriteRequest)
cpdef _error_buffer(WritableState state)


@cython.locals(buffered=list, i=Py_ssize_t, count=Py_ssize_t, size=Py_ssize_t,
               req=WriteRequest)
cpdef clear_buffer(stream, WritableState state)
cpdef bint _need_finish(WritableState state) except -1
cpdef _on_finish(stream, WritableState state, err=*)
cpdef _prefinish(stream, WritableState state)
cpdef finish_maybe(stream, WritableState state, bint sync=*)
cpdef _finish_if_needed(stream, WritableState state)
cpdef _finish(stream, WritableState state)
cpdef _call_finished_callbacks(WritableState state, err)
