# Compiled, ``_SocketCore`` is an extension type over the compiled emitter core: its state
# is typed C fields (the names of its ``__slots__`` in _socket.py), so its methods reach
# them without attribute lookups. ``public``: other modules and tests read them by name.

cimport cython

from nodenet._compiled._emitter cimport EventEmitter as EmitterCore
from nodenet._compiled._handle cimport Lifeline


cdef class _Pipe


cdef class _SocketCore(EmitterCore):
    cdef public bint _allow_half_open
    cdef public long long _bytes_read
    cdef public long long _bytes_written
    cdef public bint _closed
    cdef public object _connect_task
    cdef public bint _connecting
    cdef public bint _counted
    cdef public object _decoder
    cdef public bint _destroyed
    cdef public object _direct
    cdef public bint _end_emitted
    cdef public bint _ending
    cdef public bint _eof
    cdef public object _error
    cdef public bint _fast
    cdef public bint _finished
    cdef public object _flowing
    cdef public object _flush_waiters
    cdef public object _hwm
    cdef public object _keep_alive
    cdef public object _keep_alive_delay
    cdef public object _last_active
    cdef public Lifeline _lifeline
    cdef public object _loop
    cdef public int _nagle
    cdef public bint _need_drain
    cdef public object _no_delay
    cdef public object _on_finished
    cdef public object _peer
    cdef public object _pending
    cdef public _Pipe _pipe
    cdef public bint _plain
    cdef public object _rbuf
    cdef public long long _rbuf_len
    cdef public bint _reading_paused
    cdef public object _server
    cdef public object _sockname
    cdef public object _timeout_ms
    cdef public object _timer
    cdef public object _transport
    cdef public bint _unix
    cdef public bint _write_paused

    # C-level calls between the core's own steps (still methods Python can call and a
    # subclass can override)
    cpdef _init_state(self, server, allow_half_open, hwm, no_delay, keep_alive, delay)
    cpdef _report(self, exc)
    cpdef _emit_safe(self, event, tuple args=*)
    cpdef _listen(self, event, listener, bint prepend, bint once)
    cpdef _accepted(self, transport, server)
    cpdef _pause_transport(self)
    cpdef _resume_transport(self)
    cpdef _setup(self, transport, is_unix=*)
    cpdef _refresh_fast(self)
    cpdef _emit_end(self)
    cpdef resume(self)
    cpdef _check_drain_state(self)
    cpdef _after_flush(self, fn)
    cpdef _fail_waiters(self)
    cpdef end(self, data=*, encoding=*, callback=*)
    cpdef destroy(self, error=*)
    cpdef _detach(self)
    cpdef _emit_close(self)
    cpdef _touch(self)
    cpdef _clear_timer(self)
    cpdef _restore_nagle(self, size)
    cpdef _send(self, transport, data)

    # the per-chunk path: the piped-to socket's fields are read directly
    @cython.locals(pipe=_Pipe, dest=_SocketCore)
    cpdef data_received(self, data)


cdef class _Pipe:
    cdef public _SocketCore src
    cdef public object dest, key
    cdef public bint end, paused, draining
    cdef public object on_data, on_end, on_close

    cdef _src_on(self, str event, object listener)
    cdef _src_off(self, str event, object listener)
