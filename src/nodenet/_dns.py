"""Host name resolution as Node's ``dns.lookup`` reports it, for ``connect`` and ``listen``.

Node hands the name to getaddrinfo as it is (after IDNA for a non-ASCII name) and reports
a failure as an error with code ``ENOTFOUND`` (no such name) or libuv's name of the
getaddrinfo code (``EAI_AGAIN``, ``EAI_FAIL`` ...), syscall ``getaddrinfo`` and the
``hostname``; a name of 256 bytes or more is ``EINVAL``. Python's own ``getaddrinfo``
would first run every ``str`` name through its IDNA codec, which rejects names that are
merely unresolvable (a label over 63 characters, an empty label) with a ``UnicodeError``.
"""

from __future__ import annotations

import errno as _errno
import socket as _socket
from typing import Any

from .errors import NodeError

#: getaddrinfo's error codes by number (what this platform defines of them).
_GAI_NAMES: dict[int, str] = {
    getattr(_socket, name): name
    for name in ("EAI_ADDRFAMILY", "EAI_AGAIN", "EAI_BADFLAGS", "EAI_FAIL", "EAI_FAMILY",
                 "EAI_MEMORY", "EAI_OVERFLOW", "EAI_SERVICE", "EAI_SOCKTYPE", "EAI_SYSTEM")
    if hasattr(_socket, name)
}
for _name in ("EAI_NONAME", "EAI_NODATA"):
    if hasattr(_socket, _name):
        _GAI_NAMES[getattr(_socket, _name)] = "ENOTFOUND"

#: libuv converts a name to ASCII into a buffer of this many bytes, NUL included.
_MAX_NAME = 256


def lookup_error(host: str, code: str, errno: int) -> NodeError:
    """Node's error for a failed lookup of ``host``."""
    err = NodeError(code, f"getaddrinfo {code} {host}")
    err.errno = errno  # type: ignore[attr-defined]
    err.syscall = "getaddrinfo"  # type: ignore[attr-defined]
    err.hostname = host  # type: ignore[attr-defined]
    return err


async def getaddrinfo(loop: Any, host: str, port: Any, family: int = 0) -> list[Any]:
    """``loop.getaddrinfo(host, port)`` for stream sockets; a failure raises
    ``lookup_error``."""
    try:
        name = host.encode("ascii") if host.isascii() else host.encode("idna")
    except UnicodeError:
        raise lookup_error(host, "ENOTFOUND", _socket.EAI_NONAME) from None
    if len(name) >= _MAX_NAME:
        raise lookup_error(host, "EINVAL", _errno.EINVAL)
    try:
        return await loop.getaddrinfo(  # type: ignore[no-any-return]
            name, port, family=family, type=_socket.SOCK_STREAM)
    except _socket.gaierror as exc:
        number = exc.errno if exc.errno is not None else _socket.EAI_FAIL
        raise lookup_error(host, _GAI_NAMES.get(number, "EAI_AGAIN"), number) from exc
