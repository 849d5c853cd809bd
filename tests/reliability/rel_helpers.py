"""Helpers for the reliability tests: servers, clients, waiting, process figures."""

from __future__ import annotations

import asyncio
import gc
import os
import socket as pysocket
import struct
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nodenet.net as net
from nodenet.events import once

FULL = os.environ.get("NODENET_FULL") == "1"
HERE = Path(__file__).resolve().parent


def size(bounded: int, full: int) -> int:
    """``full`` under NODENET_FULL=1, else ``bounded``."""
    return full if FULL else bounded


async def start_server(listener: Any = None, **options: Any) -> Any:
    """A nodenet server listening on 127.0.0.1 on a free port, once listening."""
    server = net.create_server(listener, **options)
    server.listen(0, "127.0.0.1")
    await once(server, "listening")
    return server


def port_of(server: Any) -> int:
    return server.address()["port"]  # type: ignore[no-any-return]


async def connected(port: int, **kwargs: Any) -> Any:
    """A nodenet client socket, once connected."""
    client = net.connect(port, "127.0.0.1", **kwargs)
    await once(client, "connect")
    return client


async def until(predicate: Callable[[], Any], timeout: float = 10.0, what: str = "") -> None:
    """Wait until ``predicate()`` is true, at most ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"condition not reached in {timeout}s: {what}")
        await asyncio.sleep(0.005)


def closed(emitter: Any) -> "asyncio.Future[Any]":
    """A future of 'close''s argument, listening from this call on (not failing on 'error')."""
    future = asyncio.get_running_loop().create_future()

    def on_close(*args: Any) -> None:
        if not future.done():
            future.set_result(args[0] if args else None)

    emitter.once("close", on_close)
    return future


async def connection_count(server: Any) -> int:
    """``server.get_connections()``'s count."""
    future = asyncio.get_running_loop().create_future()

    def done(err: Any, count: int) -> None:
        future.set_result((err, count))

    server.get_connections(done)
    err, count = await future
    assert err is None
    return count  # type: ignore[no-any-return]


def echo(socket: Any) -> None:
    """A connection listener echoing every byte, with backpressure."""
    socket.on("error", lambda err: None)
    socket.pipe(socket)


def proxy_server(upstream_port: int, pairs: Any = None) -> Any:
    """A nodenet proxy to 127.0.0.1:``upstream_port``, as examples/proxy.py builds it;
    each (client, upstream) socket pair is appended to ``pairs`` if given."""

    def on_connection(client: Any) -> None:
        upstream = net.connect(upstream_port, "127.0.0.1")
        if pairs is not None:
            pairs.append((client, upstream))
        client.pipe(upstream)
        upstream.pipe(client)
        client.on("error", lambda err: upstream.destroy())
        upstream.on("error", lambda err: client.destroy())
        client.on("close", lambda had_error: upstream.destroy() if had_error else None)
        upstream.on("close", lambda had_error: client.destroy() if had_error else None)

    return net.create_server(on_connection, allow_half_open=True)


async def raw_client(port: int, rcvbuf: int = 0) -> pysocket.socket:
    """A plain non-blocking socket connected to 127.0.0.1:``port``."""
    sock = pysocket.socket(pysocket.AF_INET, pysocket.SOCK_STREAM)
    if rcvbuf:
        sock.setsockopt(pysocket.SOL_SOCKET, pysocket.SO_RCVBUF, rcvbuf)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", port))
    return sock


def reset(sock: pysocket.socket) -> None:
    """Close ``sock`` with a TCP RST (SO_LINGER 0)."""
    linger = struct.pack("HH" if sys.platform == "win32" else "ii", 1, 0)
    sock.setsockopt(pysocket.SOL_SOCKET, pysocket.SO_LINGER, linger)
    sock.close()


async def read_until_eof(sock: pysocket.socket, limit: float = 20.0) -> bytes:
    """Everything ``sock`` receives until EOF."""
    loop = asyncio.get_running_loop()
    chunks: list[bytes] = []
    while True:
        chunk = await asyncio.wait_for(loop.sock_recv(sock, 1 << 16), limit)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


#: Open fds and current RSS are read from /proc (Linux).
HAVE_PROC = os.path.exists("/proc/self/statm")


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def live_sockets() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, net.Socket))
