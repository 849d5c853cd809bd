"""Port of Node's test/parallel/test-stream-readable-object-multi-push-async.js (its
first, Node 20 part): an object-mode _read() that pushes a batch later."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from nodenet._loop import get_loop
from nodenet.stream import Readable

MAX = 42
BATCH = 10


async def test_multi_push_async(loop: Any, calls: Any) -> None:
    i = 0

    def fetch_data(cb: Callable[[Any, list[int]], None]) -> None:
        nonlocal i
        data: list[int] = []
        if i <= MAX:
            data = list(range(i, i + BATCH))
            i += BATCH
        get_loop().call_later(0.01, cb, None, data)

    def read(n: int) -> None:
        def got(err: Any, data: list[int]) -> None:
            if err:
                readable.destroy(err)
            elif not data:
                readable.push(None)
            else:
                for d in data:
                    readable.push(d)

        fetch_data(got)

    readable = Readable(object_mode=True, read=calls.must_call(read, MAX // BATCH + 2))
    seen: list[int] = []

    def on_readable() -> None:
        while True:
            data = readable.read()
            if data is None:
                break
            seen.append(data)

    readable.on("readable", on_readable)
    ended = asyncio.Event()

    def on_end() -> None:
        assert i == (MAX // BATCH + 1) * BATCH
        ended.set()

    readable.on("end", on_end)
    await ended.wait()
    assert seen == list(range(50))
