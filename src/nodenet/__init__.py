"""nodenet: Node.js's ``events`` and ``net`` modules for Python, on asyncio (uvloop if present)."""

from __future__ import annotations

from . import errors, events, net
from ._loop import LOOP_IMPLEMENTATION, get_loop, run
from .events import (
    AbortController,
    AbortSignal,
    EventEmitter,
    capture_rejection_symbol,
    error_monitor,
    get_event_listeners,
)
from .net import (
    Server,
    Socket,
    connect,
    create_connection,
    create_server,
    createConnection,
    createServer,
    is_ip,
    is_ipv4,
    is_ipv6,
)

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "errors",
    "events",
    "EventEmitter",
    "AbortController",
    "AbortSignal",
    "capture_rejection_symbol",
    "error_monitor",
    "get_event_listeners",
    "LOOP_IMPLEMENTATION",
    "get_loop",
    "run",
    "net",
    "Server",
    "Socket",
    "connect",
    "create_connection",
    "createConnection",
    "create_server",
    "createServer",
    "is_ip",
    "is_ipv4",
    "is_ipv6",
]
