"""Small helpers for the net tests."""

from __future__ import annotations

import asyncio
from typing import Any

import nodenet.net as net
from nodenet.events import once


async def listening(server: Any, *args: Any, **kwargs: Any) -> Any:
    """``server.listen(*args)`` and wait for 'listening'."""
    if not args and not kwargs:
        args = (0, "127.0.0.1")
    server.listen(*args, **kwargs)
    await once(server, "listening")
    return server


async def start_server(listener: Any = None, *args: Any, **options: Any) -> Any:
    """A server listening on 127.0.0.1 on a free port."""
    server = net.create_server(listener, **options)
    return await listening(server, *args)


async def connected(port: int, host: str = "127.0.0.1", **kwargs: Any) -> Any:
    """A client socket, once connected."""
    client = net.connect(port, host, **kwargs)
    await once(client, "connect")
    return client


class Recorder:
    """Records the events an emitter emits, in order, with their arguments."""

    def __init__(self, emitter: Any, *events: str) -> None:
        self.events: list[tuple[Any, ...]] = []
        for event in events:
            emitter.on(event, self._record(event))

    def _record(self, event: str) -> Any:
        def record(*args: Any) -> None:
            self.events.append((event, *args))
        return record

    @property
    def names(self) -> list[str]:
        return [e[0] for e in self.events]


async def until(predicate: Any, timeout: float = 5.0) -> None:
    """Wait until ``predicate()`` is true."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.005)


async def write_until_paused(
    sender: Any, source: Any, block: bytes, max_bytes: int = 256 << 20, timeout: float = 20.0
) -> int:
    """Write ``block`` from ``sender`` until ``source`` pauses; the byte count written.

    How much the kernel absorbs before backpressure reaches ``source`` depends on the
    machine's socket-buffer autotuning, so the amount is found, not fixed. ``sender``
    itself is kept below one block of buffered data so only the path under test fills.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    written = 0
    while not source.is_paused():
        if written >= max_bytes or loop.time() > deadline:
            raise AssertionError(f"source not paused after {written} bytes")
        if sender.writable_length < len(block):
            sender.write(block)
            written += len(block)
        await asyncio.sleep(0.001)
    return written


async def closed(emitter: Any) -> Any:
    """Wait for 'close' (without failing on 'error', unlike ``events.once``); its argument."""
    future = asyncio.get_running_loop().create_future()

    def on_close(*args: Any) -> None:
        if not future.done():
            future.set_result(args[0] if args else None)

    emitter.once("close", on_close)
    return await future


def not_called(*args: Any) -> None:
    """A callback that must not run (Node's ``common.mustNotCall()``)."""
    raise AssertionError(f"must not be called (called with {args!r})")
