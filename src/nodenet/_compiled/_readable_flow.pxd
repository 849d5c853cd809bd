# Compiled, the readable side's state is an extension type with typed fields, and the
# steps of the machinery (push, read, flow, 'readable' and 'end' scheduling) call each
# other in C. Fields are ``public``: the stream classes and the tests read them by name.

cimport cython


cdef class ReadableState:
    cdef public bint object_mode
    cdef public Py_ssize_t high_water_mark
    cdef public object buffer
    cdef public Py_ssize_t length
    cdef public list pipes
    cdef public object flowing
    cdef public bint ended, end_emitted, reading, constructed, sync
    cdef public bint need_readable, emitted_readable, readable_listening, resume_scheduled
    cdef public bint error_emitted, emit_close, auto_destroy, destroyed, closed, close_emitted
    cdef public bint multi_awaiting_drain, reading_more, data_emitted, data_listening
    cdef public object errored, default_encoding, awaiting_drain_writers, decoder, encoding
    cdef public object readable, paused


cpdef _decode(decoder, data)
cpdef Py_ssize_t _chunk_length(ReadableState state, chunk) except -1


@cython.locals(decode=bint)
cpdef bint push_chunk(stream, ReadableState state, chunk, encoding) except -1
cpdef bint unshift_chunk(stream, ReadableState state, chunk, encoding) except -1
cpdef bint can_push_more(ReadableState state) except -1
cpdef add_chunk(stream, ReadableState state, chunk, bint add_to_front)
cpdef clear_awaiting_drain(ReadableState state)
cpdef on_eof_chunk(stream, ReadableState state)
cpdef Py_ssize_t how_much_to_read(n, ReadableState state) except -1
cpdef _parse_n(n)


@cython.locals(state=ReadableState, do_read=bint)
cpdef read_stream(stream, n)


@cython.locals(buf=object, text=bint)
cpdef from_list(Py_ssize_t n, ReadableState state)


@cython.locals(state=ReadableState)
cpdef emit_readable(stream)


@cython.locals(state=ReadableState)
cpdef emit_readable_now(stream)
cpdef maybe_read_more(stream, ReadableState state)


@cython.locals(length=Py_ssize_t)
cpdef _maybe_read_more(stream, ReadableState state)


@cython.locals(state=ReadableState)
cpdef flow(stream)
cpdef schedule_resume(stream, ReadableState state)
cpdef _resume(stream, ReadableState state)


@cython.locals(state=ReadableState)
cpdef on_listener_added(stream, event)


@cython.locals(state=ReadableState)
cpdef end_readable(stream)
cpdef _end_readable(ReadableState state, stream)
