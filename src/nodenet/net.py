"""Node's ``net`` module: TCP and Unix-socket servers and connections."""

from __future__ import annotations

from typing import Any, Callable, Dict, Optional

from ._server import Server
from ._socket import Socket, is_ip, is_ipv4, is_ipv6

__all__ = [
    "Server",
    "Socket",
    "create_server",
    "createServer",
    "connect",
    "create_connection",
    "createConnection",
    "is_ip",
    "is_ipv4",
    "is_ipv6",
    "isIP",
    "isIPv4",
    "isIPv6",
]

_SOCKET_KEYS = ("allowHalfOpen", "highWaterMark", "signal", "noDelay", "keepAlive",
                "keepAliveInitialDelay", "objectMode", "readableObjectMode",
                "writableObjectMode")


def create_server(options: Any = None, connection_listener: Optional[Callable[..., Any]] = None,
                  **kwargs: Any) -> Server:
    """A new Server; ``connection_listener`` is added for 'connection'."""
    return Server(options, connection_listener, **kwargs)


def connect(*args: Any, **kwargs: Any) -> Socket:
    """A new Socket connecting to ``(port, host='localhost')``, a Unix ``path``, or ``options``."""
    options: Dict[str, Any] = {}
    if args and isinstance(args[0], dict):
        options = {key: args[0][key] for key in _SOCKET_KEYS if key in args[0]}
    for key in ("allow_half_open", "high_water_mark", "signal"):
        if key in kwargs:
            value = kwargs.pop(key)
            options["".join(p if i == 0 else p.title() for i, p in enumerate(key.split("_")))] \
                = value
    socket = Socket(options)
    if "timeout" in kwargs or (args and isinstance(args[0], dict) and "timeout" in args[0]):
        timeout = kwargs.pop("timeout", None)
        if timeout is None:
            timeout = args[0]["timeout"]
        socket.set_timeout(timeout)
    return socket.connect(*args, **kwargs)


create_connection = connect
createServer = create_server
createConnection = create_connection
isIP = is_ip
isIPv4 = is_ipv4
isIPv6 = is_ipv6
