"""Port of Node's test/parallel/test-stream2-read-sync-stack.js: a _read() that pushes
synchronously, N times, neither recurses nor stalls."""

from __future__ import annotations

import asyncio
from typing import Any

from nodenet.stream import Readable

N = 256 * 1024


async def test_read_sync_stack(loop: Any) -> None:
    r = Readable()
    reads = 0

    def read(n: int) -> None:
        nonlocal reads
        chunk = None if reads == N else b"x"
        reads += 1
        r.push(chunk)

    r._read = read
    r.on("readable", lambda: r.read(N * 2))
    ended = asyncio.Event()
    r.on("end", ended.set)
    r.read(0)
    await ended.wait()
    assert reads == N + 1
