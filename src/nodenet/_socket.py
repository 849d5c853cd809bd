"""``Socket``: Node's net.Socket, an EventEmitter that is its own asyncio Protocol.

When the package is built, this module is also compiled by Cython into
``nodenet._compiled._socket``, with ``_compiled/_socket.pxd`` declaring ``_SocketCore`` as an
extension type with typed fields over the compiled emitter core. The source is the
pure-Python twin: one implementation, run both ways by the same tests.
"""

from __future__ import annotations

import asyncio
import collections
import errno as _errno
import math
import re
import socket as _socket
import struct
import sys
from asyncio import selector_events as _selector_events
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

# A module of the implementation family (nodenet._impl): modules of the family are
# imported relatively (the compiled build, nodenet._compiled._socket, gets the compiled
# ones), every other module absolutely.
from nodenet import _dns, _encodings
from nodenet._emitter_class import public_class
from nodenet._emitter_common import capture_rejection_symbol
from nodenet._loop import get_loop
from nodenet._net_args import camel, missing_connect_args, normalize, validate_port
from nodenet._node_names import EMITTER_ALIASES, SOCKET_ALIASES, add_aliases
from nodenet.errors import (
    NodeError,
    NodeTypeError,
    invalid_arg_type,
    invalid_arg_value,
    is_number,
    out_of_range,
    system_error,
)

from ._handle import Handle, Lifeline

try:
    import cython  # type: ignore[import-untyped,import-not-found,unused-ignore]
except ImportError:  # pure-Python install: nothing here is compiled
    from nodenet import _no_cython as cython

if not cython.compiled:  # compiled, _compiled/_socket.pxd cimports it
    from ._emitter import EventEmitter as EmitterCore

if TYPE_CHECKING:
    from nodenet.events import EventEmitter
else:
    #: The public emitter class of this family, Socket's second base.
    EventEmitter = public_class(EmitterCore)

DEFAULT_HIGH_WATER_MARK = 16384

#: Unix domain sockets, where the platform has them (CPython on Windows has no AF_UNIX).
AF_UNIX: int | None = getattr(_socket, "AF_UNIX", None)


def unix_unavailable() -> NodeError:
    """The error of a Unix-socket path on a platform without Unix domain sockets."""
    return NodeError("ERR_FEATURE_UNAVAILABLE_ON_PLATFORM",
                     "Unix domain socket paths are not available on this platform")

#: Socket._nagle: Nagle still to be turned back on, before any write / before the next write.
_NAGLE_UNTOUCHED = 1
_NAGLE_AFTER_FIRST_WRITE = 2
#: A first write this small is never held by Nagle (the smallest IPv4 MSS is 536 bytes).
_NAGLE_FREE = 512

#: asyncio before 3.11 adds its transport's reader after connection_made even when the
#: protocol paused reading there; Socket._repause undoes it.
_READER_READDED = sys.version_info < (3, 11)

#: The standard loop's socket transport reads ``max_size`` bytes into a new ``bytes``
#: object each time (256 KiB by default, which glibc may serve with mmap); nodenet sets it
#: to Node's read size. uvloop reads into its own 250 KB buffer.
_SelectorSocketTransport: Any = getattr(_selector_events, "_SelectorSocketTransport", None)
READ_SIZE = 65536

_Callback = Callable[..., Any] | None


def errno_error(exc: BaseException, syscall: str, address: str | None = None,
                port: int | None = None, describe: bool = False) -> BaseException:
    """``exc`` as Node's system error (``connect ECONNREFUSED 127.0.0.1:80``)."""
    number = getattr(exc, "errno", None)
    if not isinstance(number, int):
        return exc
    err = system_error(number, syscall, address, port)
    if not describe:
        message = f"{syscall} {err.code}"  # type: ignore[attr-defined]
        if address is not None:
            message += f" {address}:{port}" if port else f" {address}"
        err.strerror = message
        err.args = (number, message)
    return err


_FAMILIES: dict[Any, int] = {0: 0, 4: 4, 6: 6, "IPv4": 4, "IPv6": 6}


def family_name(address: str) -> str:
    return "IPv6" if ":" in address else "IPv4"


def address_info(name: Any) -> dict[str, Any]:
    """A sockname/peername tuple as Node's ``{address, family, port}``."""
    if isinstance(name, tuple) and len(name) >= 2:
        return {"address": name[0], "family": family_name(name[0]), "port": name[1]}
    return {}


def is_ipv4(value: Any) -> bool:
    """True for a dotted-quad IPv4 address (any other object is tested as ``str(value)``)."""
    if not isinstance(value, str):
        value = _as_text(value)
    parts = value.split(".")
    if len(parts) != 4:
        return False
    for part in parts:
        if not part.isdigit() or not part.isascii() or (len(part) > 1 and part[0] == "0"):
            return False
        if int(part) > 255:
            return False
    return True


def _as_text(value: Any) -> str:
    """Node's `${value}` for isIP(): None and bools spelled as JavaScript does."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_ZONE = re.compile(r"[0-9a-zA-Z.:-]+")


def is_ipv6(value: Any) -> bool:
    """True for an IPv6 address (with an optional ``%zone``)."""
    if not isinstance(value, str):
        value = _as_text(value)
    if ":" not in value:
        return False
    address, _, zone = value.partition("%")
    if "%" in value and not _ZONE.fullmatch(zone):
        return False
    try:
        _socket.inet_pton(_socket.AF_INET6, address)
    except (OSError, ValueError):
        return False
    return True


def sockaddr(address: str, port: int) -> tuple[Any, ...]:
    """The address to bind or connect a socket to, parsed as libuv parses it: an IPv6
    address's ``%zone`` names the interface whose index becomes the scope id (0 for no
    such interface; on Windows the zone is the index). Python's own parsing (getaddrinfo)
    refuses a zone on an address that is not link-local, such as ``::1%lo``."""
    head, sep, zone = address.partition("%")
    if not sep or ":" not in head:
        return (address, port)
    if sys.platform == "win32":
        scope = int(zone) if zone.isdigit() else 0
    else:
        try:
            scope = _socket.if_nametoindex(zone)
        except OSError:
            scope = 0
    return (head, port, 0, scope)


def is_ip(value: Any) -> int:
    """4, 6, or 0 when ``value`` is not an IP address."""
    if is_ipv4(value):
        return 4
    if is_ipv6(value):
        return 6
    return 0


_S = TypeVar("_S", bound="_SocketCore")


@cython.binding(False)  # methods check their self's type (see setup.py)
class _SocketCore(EmitterCore, Handle, asyncio.Protocol):
    """Socket's state and behaviour; compiled, an extension type with typed fields.

    ``Socket`` adds the public emitter class (Node's class properties, camelCase aliases)
    on top, which an extension type cannot inherit from.
    """

    # Slots, not the instance dict: a socket has more state than CPython's 30-key limit
    # for shared instance dicts, past which each one got its own 1.5 KB dict. Instances
    # still have a ``__dict__`` (from Socket) for attributes users add.
    __slots__ = (
        "_allow_half_open", "_bytes_read", "_bytes_written", "_closed", "_connect_task",
        "_connecting", "_counted", "_decoder", "_destroyed", "_end_emitted", "_ending", "_eof",
        "_error", "_fast", "_finished", "_flowing", "_flush_waiters", "_hwm", "_keep_alive",
        "_keep_alive_delay", "_last_active", "_lifeline", "_loop", "_nagle", "_need_drain",
        "_no_delay", "_on_finished", "_peer", "_pending", "_pipe", "_plain", "_rbuf", "_rbuf_len",
        "_reading_paused", "_direct", "_server", "_sockname", "_timeout_ms", "_timer",
        "_transport", "_unix", "_write_paused",
    )

    def __init__(self, options: dict[str, Any] | None = None, *,
                 allow_half_open: bool | None = None, high_water_mark: int | None = None,
                 fd: int | None = None, signal: Any = None, no_delay: bool | None = None,
                 keep_alive: bool | None = None, keep_alive_initial_delay: int | None = None,
                 _server: Any = None) -> None:
        EventEmitter.__init__(self)
        opts = options or {}
        if options is not None and not isinstance(options, dict):
            raise invalid_arg_type("options", "of type object", options)
        for key in ("objectMode", "readableObjectMode", "writableObjectMode"):
            if opts.get(key):
                raise invalid_arg_value(f"options.{key}", opts[key], "is not supported")
        hwm = opts.get("highWaterMark") if high_water_mark is None else high_water_mark
        delay = opts.get("keepAliveInitialDelay", 0) if keep_alive_initial_delay is None \
            else keep_alive_initial_delay
        self._init_state(
            _server,
            bool(opts.get("allowHalfOpen", False) if allow_half_open is None
                 else allow_half_open),
            DEFAULT_HIGH_WATER_MARK if hwm is None else int(hwm),
            opts.get("noDelay") if no_delay is None else no_delay,
            opts.get("keepAlive") if keep_alive is None else keep_alive,
            delay or 0)
        fd = opts.get("fd") if fd is None else fd
        signal = opts.get("signal") if signal is None else signal
        if fd is not None:
            if not is_number(fd):
                raise invalid_arg_type("fd", "of type number", fd)
            if fd != int(fd) or not 0 <= fd <= 2147483647:
                raise out_of_range("fd", ">= 0 && <= 2147483647", fd)
            self._open_fd(fd)
        if signal is not None:
            self._watch_signal(signal)

    @classmethod
    def _for_server(cls, server: Any) -> "Socket":
        """A socket for ``server`` to accept into, with the server's options."""
        # (__new__ sets the emitter's state; its __init__ would only read options)
        self: Socket = cls.__new__(cls)  # type: ignore[assignment]  # (typing.cast costs a call)
        allow_half_open, hwm, no_delay, keep_alive, delay = server._accept_options
        self._init_state(server, allow_half_open,
                         DEFAULT_HIGH_WATER_MARK if hwm is None else int(hwm),
                         no_delay, keep_alive, delay)
        return self

    def _init_state(self, server: Any, allow_half_open: bool, hwm: int, no_delay: Any,
                    keep_alive: Any, delay: float) -> None:
        """Every slot set, none left to a class-level default: CPython 3.11 does not
        specialize loads of attributes that shadow one (measured: echo 5-10% slower)."""
        self._loop: Any = None
        self._transport: Any = None
        self._server: Any = server
        self._counted = False
        self._allow_half_open = allow_half_open
        self._hwm: int = hwm
        self._no_delay: Any = no_delay
        self._keep_alive: Any = keep_alive
        self._keep_alive_delay: float = delay
        self._connecting = False
        self._connect_task: asyncio.Task[Any] | None = None
        self._pending: list[tuple[bytes, _Callback]] | None = None
        self._flowing: bool | None = None
        self._fast = False
        self._pipe: _Pipe | None = None
        self._reading_paused = False
        self._rbuf: collections.deque[bytes] | None = None
        self._rbuf_len = 0
        self._decoder: Any = None
        self._eof = False
        self._end_emitted = False
        self._ending = False
        self._finished = False
        self._on_finished: list[Callable[..., Any]] | None = None
        self._destroyed = False
        self._closed = False
        self._error: BaseException | None = None
        self._write_paused = False
        self._need_drain = False
        self._flush_waiters: list[Callable[..., Any]] | None = None
        self._bytes_read = 0
        self._bytes_written = 0
        self._timeout_ms: float = 0
        self._timer: asyncio.TimerHandle | None = None
        self._last_active = 0.0
        self._lifeline = Lifeline()
        self._peer: Any = None
        self._sockname: Any = None
        self._unix = False
        self._nagle = 0
        #: exactly a Socket: its emit/on/remove_listener are the cores' (see _emit_safe)
        self._plain = type(self) is Socket
        self._direct: Any = None

    __reduce__ = Handle.__reduce__  # (the emitter core, first in line, has its own)

    def _report(self, exc: BaseException) -> None:
        loop = self._loop or get_loop()
        loop.call_exception_handler({
            "message": "Unhandled exception in a nodenet.net.Socket listener",
            "exception": exc,
            "socket": self,
        })

    def _emit_safe(self, event: str, args: tuple[Any, ...] = ()) -> None:
        """``emit(event, *args)``; an exception from a listener goes to the loop's handler.

        A plain Socket's ``emit`` is the core's (in C when compiled): only a subclass can
        have changed it, and only a subclass's is looked up."""
        try:
            if self._plain:
                self._emit_args(event, args)
            else:
                self.emit(event, *args)
        except Exception as exc:  # noqa: BLE001 - Node's uncaught exception
            self._report(exc)

    # asyncio.Protocol

    def connection_made(self, transport: Any) -> None:
        server = self._server
        if server is not None and not self._connecting:
            self._loop = server._loop
            self._accepted(transport, server)
            return
        if self._destroyed:
            transport.abort()
            return
        self._transport = transport
        self._connecting = False
        self._connect_task = None
        self._setup(transport)
        pending, self._pending = self._pending, None
        if pending:
            if self._nagle:
                self._restore_nagle(len(pending[0][0]) if len(pending) == 1 else _NAGLE_FREE + 1)
            for data, callback in pending:
                transport.write(data)
                if callback is not None:
                    self._after_flush(callback)
            if self._need_drain and not self._write_paused:
                self._after_flush(self._emit_drain)
        if self._flowing is False:
            self._pause_transport()
        if self._ending:
            self._after_flush(self._finish_write)
        self._emit_safe("connect")
        self._emit_safe("ready")
        if self._reading_paused:
            self._loop.call_soon(self._repause)

    def _accepted(self, transport: Any, server: Any) -> None:
        limit = server._max_connections
        if limit and server._connections >= limit:
            info: dict[str, Any] = {}
            local = address_info(transport.get_extra_info("sockname"))
            remote = address_info(transport.get_extra_info("peername"))
            if local or remote:
                info = {
                    "localAddress": local.get("address"), "localPort": local.get("port"),
                    "localFamily": local.get("family"),
                    "remoteAddress": remote.get("address"), "remotePort": remote.get("port"),
                    "remoteFamily": remote.get("family"),
                }
            self._closed = self._destroyed = True
            transport.abort()
            try:
                server.emit("drop", info or None)
            except Exception as exc:  # noqa: BLE001
                self._report(exc)
            return
        self._transport = transport
        self._counted = True
        server._connections += 1
        self._setup(transport, server._accept_unix)
        if server._pause_on_connect:
            self._flowing = False
            self._refresh_fast()
            self._pause_transport()
        try:
            server.emit("connection", self)
        except Exception as exc:  # noqa: BLE001
            self._report(exc)
        if self._reading_paused:
            self._loop.call_soon(self._repause)

    def _pause_transport(self) -> None:
        """Stop reading; like a libuv handle, a socket that neither reads nor writes is idle."""
        if not self._reading_paused:
            self._reading_paused = True
            transport = self._transport
            transport.pause_reading()
            if not transport.get_write_buffer_size():
                self._lifeline.release(self._loop, self)

    def _resume_transport(self) -> None:
        if self._reading_paused:
            self._reading_paused = False
            self._transport.resume_reading()
            self._lifeline.hold(self._loop, self)

    def _idle_check(self, _error: Any = None) -> None:
        transport = self._transport
        if self._reading_paused and transport is not None and \
                not transport.get_write_buffer_size():
            self._lifeline.release(self._loop, self)

    def _repause(self) -> None:
        """Pause again a transport its loop started reading after connection_made paused it.

        uvloop does that; so does asyncio before 3.11, whose transport then still says it
        is not reading, so its reader is added and removed once more to really stop.
        """
        transport = self._transport
        if not self._reading_paused or transport is None:
            return
        if transport.is_reading():
            transport.pause_reading()
        elif _READER_READDED and not transport.is_closing():
            transport.resume_reading()
            transport.pause_reading()

    def _setup(self, transport: Any, is_unix: bool | None = None) -> None:
        hwm = self._hwm
        transport.set_write_buffer_limits(high=hwm - 1 if hwm > 0 else 0, low=0)
        if transport.__class__ is _SelectorSocketTransport:
            transport.max_size = READ_SIZE
            self._direct = getattr(transport, "_sock", None)
        if is_unix is None:
            is_unix = transport.get_extra_info("sockname").__class__ is not tuple
        if is_unix:
            self._unix = True
        self._lifeline.hold(self._loop, self)
        if not self._unix:
            if self._no_delay:
                self.set_no_delay(True)
            else:
                self._nagle = _NAGLE_UNTOUCHED
        if self._keep_alive:
            self.set_keep_alive(True, self._keep_alive_delay)
        if self._timeout_ms:
            self._touch()

    def _refresh_fast(self) -> None:
        self._fast = (self._flowing is True and self._rbuf is None and self._decoder is None
                      and not self._timeout_ms)

    def data_received(self, data: bytes) -> None:
        self._bytes_read += len(data)
        if self._fast:
            pipe = self._pipe
            if pipe is not None and self._events.get("data") is pipe.key:
                try:
                    dest = pipe.dest
                    transport = dest._transport
                    if transport is not None and dest._lifeline.live and not (
                            dest._ending or dest._destroyed or dest._timeout_ms):
                        if dest._nagle:
                            dest._restore_nagle(len(data))
                        if dest._direct is None:
                            transport.write(data)
                        else:
                            dest._send(transport, data)
                        dest._bytes_written += len(data)
                        if dest._write_paused and not dest._check_drain_state() \
                                and not pipe.paused:
                            pipe.pause()
                        return
                except Exception as exc:  # noqa: BLE001
                    self._report(exc)
                    return
            self._emit_safe("data", (data,))
            return
        if self._timeout_ms:
            self._touch()
        if self._flowing and self._rbuf is None:
            if self._decoder is not None:
                data = self._decoder.decode(data)
                if not data:
                    return
            self._emit_safe("data", (data,))
            return
        rbuf = self._rbuf
        if rbuf is None:
            rbuf = self._rbuf = collections.deque()
            self._refresh_fast()
        rbuf.append(data)
        self._rbuf_len += len(data)
        if self._rbuf_len >= self._hwm and not self._reading_paused:
            self._pause_transport()

    def eof_received(self) -> bool:
        self._eof = True
        if self._rbuf is None and not self._destroyed:
            self._emit_end()
        return True

    def connection_lost(self, exc: BaseException | None) -> None:
        transport = self._transport
        self._transport = None
        if transport is not None and not transport.is_closing():
            transport.abort()  # called by hand on a live socket: the fd must not outlive it
        self._direct = None
        self._clear_timer()
        if self._destroyed:
            self._fail_waiters()
            self._loop.call_soon(self._emit_close)
            return
        self._destroyed = True
        self._detach()
        if exc is not None:
            syscall = "write" if getattr(exc, "errno", None) == _errno.EPIPE else "read"
            self._error = errno_error(exc, syscall)
        self._fail_waiters()
        self._loop.call_soon(self._emit_close)

    def pause_writing(self) -> None:
        self._write_paused = True

    def resume_writing(self) -> None:
        self._write_paused = False
        waiters = self._flush_waiters
        if waiters is not None:
            self._flush_waiters = None
            hwm = self._hwm
            transport = self._transport
            if transport is not None:
                transport.set_write_buffer_limits(high=hwm - 1 if hwm > 0 else 0, low=0)
        if self._need_drain:
            self._need_drain = False
            self._emit_safe("drain")
        if waiters is not None:
            for waiter in waiters:
                try:
                    waiter()
                except Exception as exc:  # noqa: BLE001
                    self._report(exc)

    # reading

    def _emit_end(self) -> None:
        if self._end_emitted:
            return
        self._end_emitted = True
        decoder = self._decoder
        if decoder is not None:
            rest = decoder.decode(b"", True)
            if rest:
                self._emit_safe("data", (rest,))
        self._emit_safe("end")
        if self._destroyed:
            return
        if not self._allow_half_open and not self._ending:
            self.end()
        elif self._finished:
            self.destroy()

    def _flow(self) -> None:
        rbuf = self._rbuf
        while rbuf and self._flowing and not self._destroyed:
            chunk = rbuf.popleft()
            self._rbuf_len -= len(chunk)
            if self._decoder is not None:
                chunk = self._decoder.decode(chunk)
                if not chunk:
                    continue
            self._emit_safe("data", (chunk,))
        if rbuf is not None and not rbuf and self._rbuf is rbuf:
            self._rbuf = None
            self._refresh_fast()
            self._rbuf_len = 0
        if self._rbuf is None and not self._destroyed:
            if self._reading_paused and self._flowing and self._transport is not None:
                self._resume_transport()
            if self._eof:
                self._emit_end()

    def pause(self: _S) -> _S:
        """Stop emitting 'data' and stop reading from the connection."""
        if self._flowing is not False:
            self._flowing = False
            self._refresh_fast()
            self._emit_safe("pause")
        transport = self._transport
        if transport is not None and not self._reading_paused:
            self._pause_transport()
        return self

    def resume(self: _S) -> _S:
        """Emit 'data' again (reading resumes)."""
        if self._flowing:
            return self
        self._flowing = True
        self._refresh_fast()
        transport = self._transport
        if self._rbuf is None and self._reading_paused and transport is not None:
            self._resume_transport()
        if self._rbuf is not None or (self._eof and not self._end_emitted):
            (self._loop or get_loop()).call_soon(self._flow)
        self._emit_safe("resume")
        return self

    def is_paused(self) -> bool:
        """True after pause() (Node's ``isPaused``)."""
        return self._flowing is False

    def set_encoding(self: _S, encoding: str | None = None) -> _S:
        """Make 'data' carry ``str`` decoded with ``encoding`` (utf8 by default)."""
        self._decoder = _encodings.decoder(encoding)
        self._refresh_fast()
        return self

    def _listen(self, event: Any, listener: Any, prepend: bool, once: bool) -> Any:
        """EventEmitter's registration; a 'data' listener also starts the flow (Node's
        Readable.on)."""
        result = self._register(event, listener, prepend, once)
        if event == "data" and self._flowing is not False:
            self.resume()
        return result

    def on(self, event: Any, listener: Any = None) -> Any:
        return self._listen(event, listener, False, False)

    add_listener = on

    def once(self, event: Any, listener: Any = None) -> Any:
        return self._listen(event, listener, False, True)

    def prepend_listener(self, event: Any, listener: Any = None) -> Any:
        return self._listen(event, listener, True, False)

    def prepend_once_listener(self, event: Any, listener: Any = None) -> Any:
        return self._listen(event, listener, True, True)

    # writing

    def write(self, data: Any, encoding: Any = None, callback: _Callback = None) -> bool:
        """Send ``data``; False when the buffer is at the high-water mark ('drain' follows)."""
        if callback is None and encoding is None and data.__class__ is bytes:
            transport = self._transport
            if transport is not None and self._lifeline.live and not (
                    self._ending or self._destroyed or self._timeout_ms):
                if self._nagle:
                    self._restore_nagle(len(data))
                if self._direct is None:
                    transport.write(data)
                else:
                    self._send(transport, data)
                self._bytes_written += len(data)
                if self._write_paused:
                    return self._check_drain_state()
                return True
        if encoding is not None and callable(encoding):
            callback, encoding = encoding, None
        if data.__class__ is not bytes:
            data = _encodings.to_bytes(data, encoding)
        elif encoding is not None:
            _encodings.normalize(encoding)
        if callback is not None and not callable(callback):
            raise invalid_arg_type("cb", "of type function", callback)
        transport = self._transport
        if transport is None or self._ending or self._destroyed:
            return self._write_slow(data, callback)
        if self._nagle:
            self._restore_nagle(len(data))
        transport.write(data)
        self._bytes_written += len(data)
        if self._timeout_ms:
            self._touch()
        if callback is not None:
            self._after_flush(callback)
        if self._reading_paused and not self._lifeline.live:
            self._lifeline.hold(self._loop, self)
            self._after_flush(self._idle_check)
        if self._write_paused:
            return self._check_drain_state()
        return True

    def _send(self, transport: Any, data: bytes) -> None:
        """``transport.write(data)`` on the standard loop's socket transport: while its
        buffer is empty, the socket's own ``send`` (asyncio's ``write`` is Python code
        around that same call); anything else is left to the transport. The transport's
        ``_buffer`` and ``_conn_lost`` are asyncio's private names (3.9 to 3.13): if they
        are missing, every write goes to ``transport.write``."""
        try:
            busy = transport._buffer or transport._conn_lost
        except AttributeError:
            self._direct = None
            busy = True
        if busy:
            transport.write(data)
            return
        try:
            sent = self._direct.send(data)
        except OSError:
            sent = 0
        if sent != len(data):
            transport.write(data[sent:] if sent else data)

    def _check_drain_state(self) -> bool:
        if self.writable_length >= self._hwm:
            self._need_drain = True
            return False
        return True

    def _emit_drain(self, _error: Any = None) -> None:
        if self._need_drain:
            self._need_drain = False
            self.emit("drain")

    def _write_slow(self, data: bytes, callback: _Callback) -> bool:
        loop = self._loop or get_loop()
        if self._destroyed:
            err = NodeError("ERR_STREAM_DESTROYED",
                            "Cannot call write after a stream was destroyed")
            if callback is not None:
                loop.call_soon(callback, err)
            return False
        if self._ending and self._end_emitted and not self._allow_half_open:
            err = NodeError("EPIPE", "This socket has been ended by the other party")
            if callback is not None:
                loop.call_soon(callback, err)
            self.destroy(err)
            return False
        if self._ending:
            err = NodeError("ERR_STREAM_WRITE_AFTER_END", "write after end")
            if callback is not None:
                loop.call_soon(callback, err)
            self._destroy_later(err)
            return False
        if not self._connecting:
            err = NodeError("ERR_SOCKET_CLOSED", "Socket is closed")
            if callback is not None:
                loop.call_soon(callback, err)
            self._destroy_later(err)
            return False
        pending = self._pending
        if pending is None:
            pending = self._pending = []
        pending.append((data, callback))
        self._bytes_written += len(data)
        return self._check_drain_state()

    def _destroy_later(self, err: BaseException) -> None:
        (self._loop or get_loop()).call_soon(self.destroy, err)

    def _after_flush(self, fn: Callable[..., Any]) -> None:
        """Call ``fn`` once everything written so far has gone to the kernel."""
        transport = self._transport
        if transport is None or transport.get_write_buffer_size() == 0:
            self._loop.call_soon(fn)
            return
        waiters = self._flush_waiters
        if waiters is None:
            self._flush_waiters = [fn]
            transport.set_write_buffer_limits(high=0, low=0)
        else:
            waiters.append(fn)

    def _fail_waiters(self) -> None:
        if self._flush_waiters is None and self._pending is None and (
                self._on_finished is None or self._error is None):
            return
        waiters, self._flush_waiters = self._flush_waiters, None
        pending, self._pending = self._pending, None
        callbacks = list(waiters or ())
        if self._on_finished is not None and self._error is not None:
            callbacks += self._on_finished
            self._on_finished = None
        queued = [cb for _, cb in pending or () if cb is not None]
        if not callbacks and not queued:
            return
        err = self._error or NodeError(
            "ERR_STREAM_DESTROYED", "Cannot call write after a stream was destroyed")
        loop = self._loop or get_loop()
        for callback in callbacks:
            loop.call_soon(callback, err)
        if queued:
            err = self._error or NodeError("ERR_SOCKET_CLOSED_BEFORE_CONNECTION",
                                           "Socket closed before the connection was established")
            for callback in queued:
                loop.call_soon(callback, err)

    def end(self: _S, data: Any = None, encoding: Any = None, callback: _Callback = None) -> _S:
        """Write ``data`` if given, then half-close the connection (send FIN)."""
        if callable(data):
            data, callback = None, data
        elif callable(encoding):
            encoding, callback = None, encoding
        if data is not None:
            self.write(data, encoding)
        if callback is not None:
            if self._finished:
                (self._loop or get_loop()).call_soon(callback)
            elif self._on_finished is None:
                self._on_finished = [callback]
            else:
                self._on_finished.append(callback)
        if self._ending or self._destroyed:
            return self
        self._ending = True
        transport = self._transport
        if transport is not None:
            self._after_flush(self._finish_write)
            if self._end_emitted and self._flush_waiters is None:
                transport.close()
        return self

    def _finish_write(self, _error: Any = None) -> None:
        """Everything is flushed after end(): send FIN, then 'finish'.

        When the peer has ended too, the destroy() that follows 'finish' closes the
        socket, and that close sends the FIN; a shutdown() first would cost a syscall
        and put nothing different on the wire.
        """
        transport = self._transport
        if transport is None or self._finished:
            return
        if not self._end_emitted and transport.can_write_eof():
            try:
                transport.write_eof()
            except OSError as exc:
                if exc.errno != _errno.ENOTCONN:
                    self.destroy(errno_error(exc, "shutdown"))
                    return
        self._finished = True
        callbacks, self._on_finished = self._on_finished, None
        if callbacks is not None:
            for callback in callbacks:
                try:
                    callback()
                except Exception as exc:  # noqa: BLE001
                    self._report(exc)
        self._emit_safe("finish")
        if self._end_emitted and not self._destroyed:
            self.destroy()

    # closing

    def destroy(self: _S, error: BaseException | None = None) -> _S:
        """Close the connection now; 'error' (if given) and then 'close' follow."""
        if self._destroyed:
            return self
        self._destroyed = True
        if error is not None:
            self._error = error
        self._clear_timer()
        self._detach()
        transport = self._transport
        task = self._connect_task
        if task is not None:
            self._connect_task = None
            task.cancel()
        self._connecting = False
        if transport is not None:
            transport.abort()
        else:
            self._fail_waiters()
            (self._loop or get_loop()).call_soon(self._emit_close)
        return self

    def reset_and_destroy(self: _S) -> _S:
        """Close the connection with a TCP RST (Node's ``resetAndDestroy``)."""
        if self._connecting:
            EventEmitter.once(self, "connect", self.reset_and_destroy)
            return self
        if self._transport is None:
            return self.destroy(NodeError("ERR_SOCKET_CLOSED", "Socket is closed"))
        transport = self._transport
        if transport is not None and not self._unix:
            sock = transport.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_LINGER, struct.pack("ii", 1, 0))
        return self.destroy()

    def destroy_soon(self) -> None:
        """End the writable side, then destroy once everything is flushed."""
        if self.writable:
            self.end()
        if self._finished:
            self.destroy()
        else:
            self.once("finish", self.destroy)

    def _detach(self) -> None:
        if self._counted:
            self._counted = False
            server = self._server
            left = server._connections - 1
            server._connections = left
            if not left:  # (only then can a closed server's 'close' be due)
                server._emit_close_if_drained()

    def _capture_rejection(self, err: BaseException, event: Any, *args: Any) -> None:
        """A rejected listener's error destroys the socket, as Node's streams do."""
        self.destroy(err)

    def _emit_close(self) -> None:
        """'error' (if any) and 'close'; the socket keeps run() alive until they are out."""
        if self._closed:
            self._lifeline.release(self._loop, self)
            return
        self._closed = True
        err = self._error
        try:
            if err is not None:
                self._emit_safe("error", (err,))
            self._emit_safe("close", (err is not None,))
        finally:
            self._lifeline.release(self._loop, self)

    # timeouts

    def set_timeout(self: _S, timeout: float, callback: _Callback = None) -> _S:
        """Emit 'timeout' after ``timeout`` ms of inactivity (0 disables it)."""
        if not is_number(timeout):
            raise invalid_arg_type("msecs", "of type number", timeout)
        if math.isnan(timeout) or timeout < 0 or math.isinf(timeout):
            raise out_of_range("msecs", "a non-negative finite number", timeout)
        if callback is not None and not callable(callback):
            raise invalid_arg_type("callback", "of type function", callback)
        self._clear_timer()
        if timeout == 0:
            self._timeout_ms = 0
            self._refresh_fast()
            if callback is not None:
                self.remove_listener("timeout", callback)
            return self
        self._timeout_ms = timeout
        self._refresh_fast()
        if callback is not None:
            EventEmitter.once(self, "timeout", callback)
        if not self._destroyed:
            self._touch()
        return self

    def _touch(self) -> None:
        loop = self._loop or get_loop()
        self._loop = loop
        self._last_active = loop.time()
        if self._timer is None:
            self._timer = loop.call_at(self._last_active + self._timeout_ms / 1000, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        if self._destroyed or not self._timeout_ms:
            return
        due = self._last_active + self._timeout_ms / 1000
        loop = self._loop
        if loop.time() < due - 0.0005:
            self._timer = loop.call_at(due, self._on_timer)
            return
        self.emit("timeout")

    def _clear_timer(self) -> None:
        timer = self._timer
        if timer is not None:
            self._timer = None
            timer.cancel()

    @property
    def timeout(self) -> float | None:
        """The idle timeout in ms set by set_timeout(), or None."""
        return self._timeout_ms or None

    # options

    def _sock(self) -> Any:
        transport = self._transport
        return transport.get_extra_info("socket") if transport is not None else None

    def set_no_delay(self: _S, no_delay: bool = True) -> _S:
        """Disable (True) or enable (False) Nagle's algorithm."""
        self._no_delay = bool(no_delay)
        self._nagle = 0
        sock = self._sock()
        if sock is not None and not self._unix:
            sock.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_NODELAY, 1 if no_delay else 0)
        return self

    def _restore_nagle(self, size: int) -> None:
        """Turn Nagle's algorithm back on (uvloop turns it off) before a write it could hold.

        Node leaves Nagle on unless ``noDelay`` is set. Nagle holds a small segment only
        while earlier data is unacknowledged, so a connection's first write of at most
        ``_NAGLE_FREE`` bytes (under any MSS) leaves at once either way; the setsockopt is
        made before the first write it could change, and a socket that writes once (an
        accept-and-answer server) or never pays nothing for it.
        """
        if self._nagle == _NAGLE_UNTOUCHED and size <= _NAGLE_FREE:
            self._nagle = _NAGLE_AFTER_FIRST_WRITE
            return
        self.set_no_delay(False)

    def set_keep_alive(self: _S, enable: bool = False, initial_delay: float = 0) -> _S:
        """Turn TCP keep-alive on or off; ``initial_delay`` in ms."""
        self._keep_alive = bool(enable)
        self._keep_alive_delay = initial_delay or 0
        sock = self._sock()
        if sock is not None and not self._unix:
            sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_KEEPALIVE, 1 if enable else 0)
            if enable and initial_delay and hasattr(_socket, "TCP_KEEPIDLE"):
                seconds = max(1, int(initial_delay // 1000))
                sock.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_KEEPIDLE, seconds)
        return self

    # connecting

    def connect(self: _S, *args: Any, **kwargs: Any) -> _S:
        """Connect: ``(port, host='localhost', cb)``, ``(path, cb)`` or ``(options, cb)``."""
        options, callback = normalize(args, kwargs, "connect_listener")
        path = options.get("path")
        if path is None and "port" not in options:
            raise missing_connect_args()
        if self._connecting or (self._transport is not None and not self._destroyed):
            raise NodeError("ERR_SOCKET_CONNECTION_IN_PROGRESS" if self._connecting
                            else "ERR_SOCKET_ALREADY_CONNECTED", "Socket is already connected")
        if path is not None:
            if not isinstance(path, str):
                raise invalid_arg_type("options.path", "of type string", path)
            host: Any = None
            port: Any = None
        else:
            host = options.get("host") or "localhost"
            if not isinstance(host, str):
                raise invalid_arg_type("options.host", "of type string", host)
            port = options.get("port")
            if not (is_number(port) or isinstance(port, str)):
                raise invalid_arg_type("options.port", "of type number or string", port)
            port = validate_port(port)
            _check_connect_options(options)
        if self._destroyed:
            self._reset_for_reconnect()
        if "timeout" in options and options["timeout"]:
            self.set_timeout(options["timeout"])
        for key, attr in (("noDelay", "_no_delay"), ("keepAlive", "_keep_alive")):
            if key in options:
                setattr(self, attr, options[key])
        if "keepAliveInitialDelay" in options:
            self._keep_alive_delay = options["keepAliveInitialDelay"] or 0
        if "allowHalfOpen" in options:
            self._allow_half_open = bool(options["allowHalfOpen"])
        if callback is not None:
            self.once("connect", callback)
        self._loop = loop = get_loop()
        self._connecting = True
        self._lifeline.hold(self._loop, self)
        family = _FAMILIES.get(options.get("family") or 0)
        if family is None:
            raise invalid_arg_value("options.family", options.get("family"),
                                    "must be one of: 0, 4, 6")
        local = (options.get("localAddress"), options.get("localPort"))
        self._connect_task = loop.create_task(self._open(path, host, port, family, local))
        return self

    def _reset_for_reconnect(self) -> None:
        self._destroyed = self._closed = self._ending = self._finished = False
        self._eof = self._end_emitted = False
        self._error = None
        self._rbuf = None
        self._refresh_fast()
        self._rbuf_len = 0
        self._peer = self._sockname = None
        self._bytes_read = self._bytes_written = 0

    async def _open(self, path: str | None, host: str | None, port: int | None,
                    family: int, local: tuple[Any, Any]) -> None:
        loop = self._loop
        sock: Any = None
        address: str | None = path
        try:
            if path is not None:
                if AF_UNIX is None:
                    raise unix_unavailable()
                sock = _socket.socket(AF_UNIX, _socket.SOCK_STREAM)
                sock.setblocking(False)
                await loop.sock_connect(sock, path)
                await loop.create_unix_connection(lambda: self, sock=sock)
                _release_to_loop(loop, sock)
                return
            assert host is not None and port is not None
            kind = is_ip(host)
            targets: list[tuple[int, str]]
            if kind:
                targets = [(_socket.AF_INET6 if kind == 6 else _socket.AF_INET, host)]
            else:
                targets = await self._lookup(host, port, family)
            last: BaseException | None = None
            for fam, address in targets:
                sock = _socket.socket(fam, _socket.SOCK_STREAM)
                sock.setblocking(False)
                try:
                    if local[0] is not None or local[1]:
                        sock.bind(sockaddr(
                            local[0] or ("::" if fam == _socket.AF_INET6 else "0.0.0.0"),
                            local[1] or 0))
                    await loop.sock_connect(sock, sockaddr(address, port))
                except OSError as exc:
                    sock.close()
                    sock = None
                    last = errno_error(exc, "connect", address, port)
                    if local[0] and local[1]:
                        _add_local(last, local[0], local[1])
                    continue
                break
            if sock is None:
                raise last  # type: ignore[misc]
            await loop.create_connection(lambda: self, sock=sock)
            _release_to_loop(loop, sock)
        except asyncio.CancelledError:
            if sock is not None:
                sock.close()
        except Exception as exc:  # noqa: BLE001 - a system or lookup error, or a bug
            if sock is not None:
                sock.close()
            if not self._destroyed:
                error: BaseException = exc
                if isinstance(exc, OSError) and getattr(exc, "syscall", None) is None:
                    error = errno_error(exc, "connect", address, port)
                self._connecting = False
                self._connect_task = None
                self.destroy(error)

    async def _lookup(self, host: str, port: int, family: int) -> list[tuple[int, str]]:
        fam = {4: _socket.AF_INET, 6: _socket.AF_INET6}.get(family, _socket.AF_UNSPEC)
        try:
            infos = await _dns.getaddrinfo(self._loop, host, port, fam)
        except NodeError as err:
            self._emit_safe("lookup", (err, None, None, host))
            raise
        seen: list[tuple[int, str]] = []
        for fam_, _, _, _, addr in infos:
            if (fam_, addr[0]) not in seen:
                seen.append((fam_, addr[0]))
        if seen:
            family = 6 if seen[0][0] == _socket.AF_INET6 else 4
            self._emit_safe("lookup", (None, seen[0][1], family, host))
        return seen

    def _open_fd(self, fd: Any) -> None:
        raise NodeError("ERR_FEATURE_UNAVAILABLE_ON_PLATFORM",
                        "Socket(fd=...) is not supported yet by nodenet")

    def _watch_signal(self, signal: Any) -> None:
        from nodenet._abort import abort_error, check_signal, when_aborted

        check_signal(signal)
        when_aborted(signal, lambda: self.destroy(abort_error(signal)))

    # piping

    def pipe(self, destination: Any, end: bool = True) -> Any:
        """Write every chunk to ``destination``, pausing while it is full; end it at 'end'."""
        _Pipe(self, destination, end)
        return destination

    def unpipe(self: _S, destination: Any = None) -> _S:
        """Stop piping to ``destination`` (or to every destination)."""
        for listener in list(self.listeners("data")):
            pipe = getattr(listener, "__self__", None)
            if isinstance(pipe, _Pipe) and (destination is None or pipe.dest is destination):
                pipe.cleanup()
        return self

    # state

    @property
    def connecting(self) -> bool:
        """True while connect() is in progress."""
        return self._connecting

    @property
    def pending(self) -> bool:
        """True until the socket is connected."""
        return self._transport is None or self._connecting

    @property
    def destroyed(self) -> bool:
        return self._destroyed

    @property
    def readable(self) -> bool:
        return not self._destroyed and not self._end_emitted

    @property
    def writable(self) -> bool:
        return not self._destroyed and not self._ending

    @property
    def ready_state(self) -> str:
        """'opening', 'open', 'readOnly', 'writeOnly' or 'closed'."""
        if self._connecting:
            return "opening"
        readable, writable = self.readable, self.writable
        if readable and writable:
            return "open"
        if readable:
            return "readOnly"
        if writable:
            return "writeOnly"
        return "closed"

    @property
    def writable_length(self) -> int:
        """Bytes written but not yet handed to the kernel."""
        size = 0
        transport = self._transport
        if transport is not None:
            size = transport.get_write_buffer_size()
        if self._pending:
            size += sum(len(data) for data, _ in self._pending)
        return size

    @property
    def writable_high_water_mark(self) -> int:
        return self._hwm

    @property
    def readable_high_water_mark(self) -> int:
        return self._hwm

    @property
    def readable_length(self) -> int:
        """Bytes received and not yet emitted as 'data' (held while paused, or before
        there is a 'data' listener)."""
        return self._rbuf_len

    @property
    def writable_ended(self) -> bool:
        return self._ending

    @property
    def writable_finished(self) -> bool:
        return self._finished

    @property
    def readable_ended(self) -> bool:
        return self._end_emitted

    @property
    def readable_flowing(self) -> bool | None:
        return self._flowing

    @property
    def allow_half_open(self) -> bool:
        return self._allow_half_open

    @property
    def bytes_read(self) -> int:
        return self._bytes_read

    @property
    def bytes_written(self) -> int:
        return self._bytes_written

    @property
    def server(self) -> Any:
        """The Server that accepted this socket, or None."""
        return self._server

    def _peername(self) -> dict[str, Any]:
        """The remote end, read once while the socket is open and kept after it closes
        (as Node keeps it once read)."""
        peer = self._peer
        if peer is None:
            transport = self._transport
            if transport is None or self._destroyed:
                return {}
            peer = self._peer = address_info(transport.get_extra_info("peername"))
        return peer  # type: ignore[no-any-return]

    def address(self) -> dict[str, Any]:
        """The local ``{address, family, port}``; ``{}`` before connecting and once
        destroyed, as in Node."""
        if self._destroyed:
            return {}
        name = self._sockname
        if name is None:
            transport = self._transport
            if transport is None:
                return {}
            name = self._sockname = address_info(transport.get_extra_info("sockname"))
        return dict(name)

    @property
    def remote_address(self) -> str | None:
        return self._peername().get("address")

    @property
    def remote_port(self) -> int | None:
        return self._peername().get("port")

    @property
    def remote_family(self) -> str | None:
        return self._peername().get("family")

    @property
    def local_address(self) -> str | None:
        return self.address().get("address")

    @property
    def local_port(self) -> int | None:
        return self.address().get("port")

    @property
    def local_family(self) -> str | None:
        return self.address().get("family")

    def __repr__(self) -> str:
        peer = self._peername() if self._transport is not None else {}
        where = f" {peer.get('address')}:{peer.get('port')}" if peer else ""
        return f"<nodenet.net.Socket {self.ready_state}{where}>"


class Socket(_SocketCore, EventEmitter):
    """Node's ``net.Socket``: a TCP or Unix stream connection."""


def _check_connect_options(options: dict[str, Any]) -> None:
    """Node's lookupAndConnect checks of localAddress, localPort and autoSelectFamily."""
    local_address = options.get("localAddress")
    if local_address and not is_ip(local_address):
        raise NodeTypeError("ERR_INVALID_IP_ADDRESS", f"Invalid IP address: {local_address}")
    local_port = options.get("localPort")
    if local_port and (isinstance(local_port, bool) or
                       not isinstance(local_port, (int, float))):
        raise invalid_arg_type("options.localPort", "of type number", local_port)
    auto = options.get("autoSelectFamily")
    if auto is not None and not isinstance(auto, bool):
        raise invalid_arg_type("options.autoSelectFamily", "of type boolean", auto)


def _add_local(err: BaseException, local_address: str, local_port: int) -> None:
    """Node's " - Local (address:port)" details of a connect error from a given local end."""
    if not isinstance(err, OSError) or not isinstance(err.strerror, str):
        return
    err.localAddress = local_address  # type: ignore[attr-defined]
    err.localPort = local_port  # type: ignore[attr-defined]
    err.strerror = f"{err.strerror} - Local ({local_address}:{local_port})"
    err.args = (err.errno, err.strerror)


def _release_to_loop(loop: Any, sock: Any) -> None:
    """Leave ``sock``'s fd to the loop that now owns it, where that loop is libuv.

    uvloop's transport opens the fd itself and closes it in libuv; when the protocol aborts
    the transport inside connection_made, uvloop still attaches the already closed socket
    object, whose finalizer would later close the same fd number, by then another
    connection's (a SIGABRT in libuv under load). The standard loop's transport does its
    I/O through the socket object itself, which must stay whole.
    """
    if type(loop).__module__.startswith("uvloop"):
        sock.detach()


@cython.binding(False)
class _Pipe:
    """One ``src.pipe(dest)``: forwards chunks with backpressure."""

    __slots__ = ("src", "dest", "end", "paused", "key", "draining",
                 "on_data", "on_end", "on_close")

    on_data: Any
    on_end: Any
    on_close: Any

    def __init__(self, src: _SocketCore, dest: Any, end: bool) -> None:
        self.src = src
        self.dest = dest
        self.end = end
        self.paused = False
        self.draining = False
        self.key: Any = None
        # the listeners, made once: cleanup() removes these very objects
        self.on_data = self.ondata
        self.on_end = self.onend if end else None
        cleanup = self.on_close = self.cleanup
        same = src is dest
        if not same:
            dest.on("close", cleanup)
        else:
            self._src_on("close", cleanup)
        if self.on_end is not None:
            self._src_on("end", self.on_end)
        if not same:
            self._src_on("close", cleanup)
        self._src_on("data", self.on_data)
        if dest.__class__ is Socket or (
                isinstance(dest, Socket) and type(dest).write is Socket.write):
            listeners = self.src._events.get("data")
            if listeners.__class__ is tuple and len(listeners) == 1:
                self.key = listeners
                self.src._pipe = self
        if same:
            if "pipe" in self.src._events:
                src.emit("pipe", src)
        elif hasattr(dest, "emit"):
            events = getattr(dest, "_events", None)
            if events.__class__ is not dict or "pipe" in events:
                dest.emit("pipe", src)

    def _src_on(self, event: str, listener: Callable[..., Any]) -> None:
        """``src.on(event, listener)``; for a plain Socket without the lookup of its ``on``,
        which only a subclass could have changed (in C when compiled)."""
        if self.src._plain:
            self.src._listen(event, listener, False, False)
        else:
            self.src.on(event, listener)

    def _src_off(self, event: str, listener: Callable[..., Any]) -> None:
        """``src.remove_listener(event, listener)``, likewise."""
        if self.src._plain:
            self.src._remove(event, listener)
        else:
            self.src.remove_listener(event, listener)

    def ondata(self, chunk: Any) -> None:
        if self.dest.write(chunk) is False and not self.paused:
            self.pause()

    def pause(self) -> None:
        """Node's pipe: pause the source, listen for the destination's 'drain' from now on."""
        self.paused = True
        self.src.pause()
        if not self.draining:
            self.draining = True
            self.dest.on("drain", self.ondrain)

    def ondrain(self) -> None:
        if self.paused:
            self.paused = False
            self.src.resume()

    def onend(self) -> None:
        dest = self.dest
        if dest is self.src:
            self.src.end()  # (in C when compiled; a subclass's end() still runs)
        else:
            dest.end()

    def cleanup(self, _had_error: Any = None) -> None:
        cleanup = self.on_close
        if cleanup is None:
            return
        src, dest = self.src, self.dest
        if src._pipe is self:
            src._pipe = None
        self.key = None
        self._src_off("data", self.on_data)
        if self.on_end is not None:
            self._src_off("end", self.on_end)
        self._src_off("close", cleanup)
        if self.draining:
            self.draining = False
            dest.remove_listener("drain", self.ondrain)
        if src is not dest:
            dest.remove_listener("close", cleanup)
        self.on_data = self.on_end = self.on_close = None


add_aliases(Socket, EMITTER_ALIASES)
add_aliases(Socket, SOCKET_ALIASES)
setattr(Socket, capture_rejection_symbol, Socket._capture_rejection)


_SOCKET_KEYS = ("allowHalfOpen", "highWaterMark", "signal", "noDelay", "keepAlive",
                "keepAliveInitialDelay", "objectMode", "readableObjectMode",
                "writableObjectMode")


def connect(*args: Any, **kwargs: Any) -> Socket:
    """A new Socket connecting to ``(port, host='localhost')``, a Unix ``path``, or ``options``."""
    options: dict[str, Any] = {}
    if args and isinstance(args[0], dict):
        options = {key: args[0][key] for key in _SOCKET_KEYS if key in args[0]}
    for key in ("allow_half_open", "high_water_mark", "signal"):
        if key in kwargs:
            value = kwargs.pop(key)
            options[camel(key)] = value
    socket = Socket(options)
    if "timeout" in kwargs or (args and isinstance(args[0], dict) and "timeout" in args[0]):
        timeout = kwargs.pop("timeout", None)
        if timeout is None:
            timeout = args[0]["timeout"]
        socket.set_timeout(timeout)
    return socket.connect(*args, **kwargs)
