"""``Server``: Node's net.Server on an asyncio (or uvloop) listening socket."""

from __future__ import annotations

import asyncio
import errno as _errno
import functools
import os
import socket as _socket
import stat
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

# A module of the implementation family (see the same note in _socket.py).
from nodenet import _dns
from nodenet._abort import check_signal, when_aborted
from nodenet._emitter_common import capture_rejection_symbol
from nodenet._loop import get_loop
from nodenet._net_args import (
    camel,
    invalid_options,
    is_pipe_name,
    normalize,
    to_number,
    validate_port,
)
from nodenet._node_names import EMITTER_ALIASES, SERVER_ALIASES, add_aliases
from nodenet.errors import NodeError, invalid_arg_type, invalid_arg_value, is_number

from ._handle import Handle, Lifeline
from ._socket import (
    AF_UNIX,
    Socket,
    address_info,
    errno_error,
    is_ip,
    sockaddr,
    unix_unavailable,
)

if TYPE_CHECKING:
    from nodenet.events import EventEmitter
else:
    from ._socket import EventEmitter

DEFAULT_BACKLOG = 511

#: The keyword arguments of Server / create_server (Node's options, snake_case).
_SERVER_KEYWORDS = frozenset((
    "allow_half_open", "pause_on_connect", "no_delay", "keep_alive",
    "keep_alive_initial_delay", "high_water_mark",
))


class Server(EventEmitter, Handle):
    """Node's ``net.Server``: accepts TCP or Unix connections and emits 'connection'."""

    __reduce__ = Handle.__reduce__  # (the emitter, first in line, has its own)

    def __init__(self, options: Any = None,
                 connection_listener: Callable[..., Any] | None = None, **kwargs: Any) -> None:
        EventEmitter.__init__(self)
        if callable(options) and connection_listener is None:
            options, connection_listener = None, options
        if options is None:
            opts: dict[str, Any] = {}
        elif isinstance(options, dict):
            opts = dict(options)
        else:
            raise invalid_arg_type("options", "of type object", options)
        for key, value in kwargs.items():
            if key not in _SERVER_KEYWORDS:
                raise TypeError(f"create_server() got an unexpected keyword argument {key!r}")
            if value is not None:
                opts[camel(key)] = value
        for key in ("allowHalfOpen", "pauseOnConnect", "noDelay", "keepAlive"):
            value = opts.get(key, False)
            if not isinstance(value, bool):
                raise invalid_arg_type(f"options.{key}", "of type boolean", value)
        self._pause_on_connect: bool = opts.get("pauseOnConnect", False)
        keep_alive = opts.get("keepAlive", False)
        #: What each accepted socket starts with: allowHalfOpen, highWaterMark, noDelay,
        #: keepAlive and its initial delay (one attribute read per connection).
        self._accept_options: tuple[bool, Any, bool, bool, Any] = (
            opts.get("allowHalfOpen", False), opts.get("highWaterMark"), opts.get("noDelay", False),
            keep_alive, (opts.get("keepAliveInitialDelay", 0) or 0) if keep_alive else 0)
        self._loop: Any = None
        self._sock: Any = None
        self._aio: Any = None
        self._listening_id = 0
        self._connections = 0
        self._pipe_name: str | None = None
        self._unlink: str | None = None
        self._lifeline = Lifeline()
        self._max_connections: int | None = None
        self._accept_unix = False
        if connection_listener is not None:
            if not callable(connection_listener):
                raise invalid_arg_type("connectionListener", "of type function",
                                       connection_listener)
            self.on("connection", connection_listener)

    # accepting

    def _factory(self) -> Socket:
        return Socket._for_server(self)

    # listening

    def listen(self, *args: Any, **kwargs: Any) -> "Server":
        """Start accepting connections; every Node overload, the callback last."""
        options, callback = normalize(args, kwargs, "callback")
        if self._sock is not None:
            raise NodeError("ERR_SERVER_ALREADY_LISTEN",
                            "Listen method has been called more than once without closing.")
        if callback is not None:
            self.once("listening", callback)
        backlog_from_args = (to_number(args[1]) if len(args) > 1 else False) or (
            to_number(args[2]) if len(args) > 2 else False)
        self._loop = get_loop()
        self._listening_id += 1
        handle = options.get("_handle") or options.get("handle")
        signal = options.get("signal")
        check_signal(signal)
        if signal is not None:
            self._watch_signal(signal)
        fd = options.get("fd")
        if handle is None and isinstance(fd, int) and not isinstance(fd, bool) and fd >= 0:
            handle = fd
        if handle is not None:
            if isinstance(handle, dict):
                handle = handle.get("fd", handle)
            elif not isinstance(handle, (int, _socket.socket)) and hasattr(handle, "fd"):
                handle = handle.fd
            self._listen_handle(handle, options.get("backlog") or backlog_from_args)
            return self
        first = args[0] if args else None
        if (not args and "path" not in options and "port" not in options) or callable(first) or (
                "port" in options and options["port"] is None):
            options["port"] = 0
        port = options.get("port")
        if isinstance(port, (int, float, str)) and not isinstance(port, bool):
            port = validate_port(port, "options.port")
            backlog = options.get("backlog") or backlog_from_args
            host = options.get("host")
            if host and not isinstance(host, str):
                raise invalid_arg_type("hostname", "of type string", host)
            flags = (options.get("exclusive"), options.get("ipv6Only"), options.get("reusePort"))
            if host and not is_ip(host):
                self._lifeline.hold(self._loop, self)
                self._loop.create_task(self._lookup_and_listen(
                    self._listening_id, host, port, backlog, flags))
            else:
                self._listen_tcp(host or None, port, backlog, flags)
            return self
        path = options.get("path")
        if path and is_pipe_name(path):
            readable_all = options.get("readableAll") is True
            writable_all = options.get("writableAll") is True
            if path[0] == "\0" and (readable_all or writable_all):
                raise invalid_arg_value(
                    "options", options,
                    "can not set readableAll or writableAllt to true when path is abstract "
                    "unix socket")
            self._pipe_name = path
            self._listen_unix(path, options.get("backlog") or backlog_from_args,
                              readable_all, writable_all)
            return self
        if "port" not in options and "path" not in options:
            raise invalid_options(options, 'must have the property "port" or "path"')
        raise invalid_options(options)

    def _fail(self, err: BaseException) -> None:
        self._loop.call_soon(self._emit_error, err)

    def _emit_error(self, err: BaseException) -> None:
        if self._sock is None:
            self._lifeline.release(self._loop, self)
        self.emit("error", err)

    def _listen_tcp(self, host: str | None, port: int, backlog: Any,
                    flags: tuple[Any, Any, Any]) -> None:
        _, ipv6_only, reuse_port = flags
        sock = None
        address = host
        try:
            if host is None:
                try:
                    sock = _bind(_socket.AF_INET6, "::", port, ipv6_only, reuse_port)
                    address = "::"
                except OSError as exc:
                    if exc.errno == _errno.EADDRINUSE:
                        address = "::"
                        raise
                    address = "0.0.0.0"
            if sock is None:
                family = _socket.AF_INET6 if ":" in address else _socket.AF_INET  # type: ignore
                sock = _bind(family, address, port, ipv6_only, reuse_port)  # type: ignore
            sock.listen(int(backlog or DEFAULT_BACKLOG))
        except OSError as exc:
            if sock is not None:
                sock.close()
            self._fail(errno_error(exc, "listen", address, port, describe=True))
            return
        self._start(sock, backlog)

    async def _lookup_and_listen(self, listening_id: int, host: str, port: int, backlog: Any,
                                 flags: tuple[Any, Any, Any]) -> None:
        try:
            infos = await _dns.getaddrinfo(self._loop, host, port)
        except NodeError as err:
            if listening_id == self._listening_id:
                self._emit_error(err)
            return
        if listening_id != self._listening_id or self._sock is not None:
            return
        self._listen_tcp(infos[0][4][0], port, backlog, flags)

    def _listen_unix(self, path: str, backlog: Any, readable_all: bool,
                     writable_all: bool) -> None:
        if AF_UNIX is None:
            self._fail(unix_unavailable())
            return
        sock = _socket.socket(AF_UNIX, _socket.SOCK_STREAM)
        try:
            sock.bind(path)
            sock.listen(int(backlog or DEFAULT_BACKLOG))
        except OSError as exc:
            sock.close()
            self._fail(errno_error(exc, "listen", path, -1, describe=True))
            return
        if not path.startswith("\0"):
            self._unlink = path
            mode = 0
            if readable_all:
                mode |= stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
            if writable_all:
                mode |= stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
            if mode:
                os.chmod(path, mode)
        self._start(sock, backlog)

    def _listen_handle(self, handle: Any, backlog: Any) -> None:
        if isinstance(handle, _socket.socket):
            sock = handle
        elif isinstance(handle, int) and not isinstance(handle, bool):
            try:
                sock = _socket.socket(fileno=handle)
            except OSError:
                self._fail(errno_error(OSError(_errno.EINVAL, "EINVAL"), "listen", None, None,
                                       describe=True))
                return
        else:
            raise invalid_options({"handle": handle})
        try:
            sock.listen(int(backlog or DEFAULT_BACKLOG))
        except OSError as exc:
            self._fail(errno_error(exc, "listen", None, None, describe=True))
            return
        if sock.family == AF_UNIX:
            name = sock.getsockname()
            self._pipe_name = name if isinstance(name, str) else None
        self._start(sock, backlog)

    def _start(self, sock: Any, backlog: Any) -> None:
        sock.setblocking(False)
        self._sock = sock
        self._lifeline.hold(self._loop, self)
        self._loop.create_task(self._serve(sock, int(backlog or DEFAULT_BACKLOG)))

    async def _serve(self, sock: Any, backlog: int) -> None:
        loop = self._loop
        factory = functools.partial(Socket._for_server, self)
        try:
            if sock.family == AF_UNIX:
                self._accept_unix = True
                aio = await loop.create_unix_server(factory, sock=sock, backlog=backlog)
            else:
                self._accept_unix = False
                aio = await loop.create_server(factory, sock=sock, backlog=backlog)
        except OSError as exc:
            if self._sock is sock:
                self._sock = None
                sock.close()
                self._emit_error(errno_error(exc, "listen", None, None, describe=True))
            return
        if self._sock is not sock:
            aio.close()
            return
        self._aio = aio
        try:
            self.emit("listening")
        except Exception as exc:  # noqa: BLE001 - Node's uncaught exception
            loop.call_exception_handler({
                "message": "Unhandled exception in a nodenet.net.Server listener",
                "exception": exc,
            })

    def _watch_signal(self, signal: Any) -> None:
        when_aborted(signal, self.close)

    # closing

    def close(self, callback: Callable[..., Any] | None = None) -> "Server":
        """Stop accepting; 'close' follows once every connection has ended."""
        self._listening_id += 1
        if callable(callback):
            if self._sock is None:
                self.once("close", lambda *_: callback(NodeError(
                    "ERR_SERVER_NOT_RUNNING", "Server is not running.")))
            else:
                self.once("close", callback)
        sock = self._sock
        if sock is not None:
            self._sock = None
            aio, self._aio = self._aio, None
            if aio is not None:
                aio.close()
            else:
                sock.close()
            if self._unlink is not None:
                try:
                    os.unlink(self._unlink)
                except OSError:
                    pass
                self._unlink = None
        if self._connections:
            self._lifeline.release(self._loop, self)
        self._emit_close_if_drained()
        return self

    def _capture_rejection(self, err: BaseException, event: Any, *args: Any) -> None:
        """A rejected 'connection' listener destroys that socket; others emit 'error'."""
        if event == "connection" and args:
            args[0].destroy(err)
        else:
            self.emit("error", err)

    def _emit_close_if_drained(self) -> None:
        """Closed and drained: 'close' on the next turn, one per call, as in Node (where a
        server closed twice emits it twice, and one listening again emits it too)."""
        if self._sock is not None or self._connections:
            return
        (self._loop or get_loop()).call_soon(self._emit_close)

    def _emit_close(self) -> None:
        """'close'; until then a closed server keeps run() alive."""
        try:
            self.emit("close")
        finally:
            if self._sock is None:
                self._lifeline.release(self._loop, self)

    async def aclose(self) -> None:
        """Close the server and wait for its 'close' (Node's ``Symbol.asyncDispose``)."""
        if self._sock is None:
            return
        future = asyncio.get_running_loop().create_future()

        def done(err: Any = None) -> None:
            if not future.done():
                future.set_result(None)

        self.close(done)
        await future

    async def __aenter__(self) -> "Server":
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.aclose()

    # inspecting

    @property
    def listening(self) -> bool:
        """True while the server accepts connections."""
        return self._sock is not None

    def address(self) -> Any:
        """``{address, family, port}``, the Unix socket path, or None when not listening."""
        sock = self._sock
        if sock is None:
            return self._pipe_name
        if sock.family == AF_UNIX:
            name = sock.getsockname()
            return name if name else self._pipe_name
        return address_info(sock.getsockname())

    def get_connections(self, callback: Callable[..., Any]) -> "Server":
        """``callback(None, count)`` with the number of open connections."""
        if not callable(callback):
            raise invalid_arg_type("callback", "of type function", callback)
        (self._loop or get_loop()).call_soon(callback, None, self._connections)
        return self

    @property
    def max_connections(self) -> int | None:
        """Refuse connections (emitting 'drop') while this many are open; None: no limit."""
        return self._max_connections

    @max_connections.setter
    def max_connections(self, value: int | None) -> None:
        if value is not None and not is_number(value):
            raise invalid_arg_type("maxConnections", "of type number", value)
        self._max_connections = value

    @property
    def connections(self) -> int:
        return self._connections

    def __repr__(self) -> str:
        return f"<nodenet.net.Server {'listening' if self.listening else 'closed'}>"


def _bind(family: int, address: str, port: int, ipv6_only: Any, reuse_port: Any) -> Any:
    sock = _socket.socket(family, _socket.SOCK_STREAM)
    try:
        sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
        if family == _socket.AF_INET6:
            sock.setsockopt(_socket.IPPROTO_IPV6, _socket.IPV6_V6ONLY, 1 if ipv6_only else 0)
        if reuse_port:
            sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEPORT, 1)
        sock.bind(sockaddr(address, port))
    except BaseException:
        sock.close()
        raise
    return sock


add_aliases(Server, EMITTER_ALIASES)
add_aliases(Server, SERVER_ALIASES)
setattr(Server, capture_rejection_symbol, Server._capture_rejection)


def create_server(options: Any = None, connection_listener: Callable[..., Any] | None = None,
                  **kwargs: Any) -> Server:
    """A new Server; ``connection_listener`` is added for 'connection'."""
    return Server(options, connection_listener, **kwargs)
