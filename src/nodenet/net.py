"""Node's ``net`` module: TCP and Unix-socket servers and connections.

The names here are those of the implementation nodenet runs (see nodenet._impl).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._impl import selected

if TYPE_CHECKING:
    from ._server import Server, create_server
    from ._socket import Socket, connect, is_ip, is_ipv4, is_ipv6
else:
    Server = selected.server.Server
    create_server = selected.server.create_server
    Socket = selected.socket.Socket
    connect = selected.socket.connect
    is_ip = selected.socket.is_ip
    is_ipv4 = selected.socket.is_ipv4
    is_ipv6 = selected.socket.is_ipv6

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

create_connection = connect
createServer = create_server
createConnection = create_connection
isIP = is_ip
isIPv4 = is_ipv4
isIPv6 = is_ipv6
