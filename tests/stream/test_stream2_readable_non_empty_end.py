"""Port of Node's test/parallel/test-stream2-readable-non-empty-end.js: no 'end' while a
byte is still buffered."""

from __future__ import annotations

import asyncio
from typing import Any

from nodenet._loop import get_loop
from nodenet.stream import Readable


async def test_non_empty_end(loop: Any, calls: Any) -> None:
    chunks = [bytes(i) for i in range(1, 11)]
    length = sum(len(c) for c in chunks)
    test = Readable()
    n = 0

    def read(size: int) -> None:
        nonlocal n
        chunk = chunks[n] if n < len(chunks) else None
        n += 1
        get_loop().call_later(0.001, test.push, chunk)

    test._read = read
    thrower = calls.must_not_call("end before the last byte was read")
    test.on("end", thrower)
    bytesread = 0
    done = asyncio.Event()

    def next_() -> None:
        test.remove_listener("end", thrower)
        test.on("end", calls.must_call(done.set))
        r = test.read()  # the last byte
        assert r is not None and len(r) == 1
        assert test.read() is None

    def on_readable() -> None:
        nonlocal bytesread
        res = test.read(length - bytesread - 1)
        if res:
            bytesread += len(res)
            get_loop().call_later(0.001, next_)
        test.read(0)

    test.on("readable", on_readable)
    test.read(0)
    await done.wait()
