"""Port of Node's test/parallel/test-stream-unshift-empty-chunk.js: unshift(b'') does not
set state.reading to False."""

from __future__ import annotations

import asyncio
from typing import Any

from nodenet._loop import get_loop
from nodenet.stream import Readable


async def test_unshift_empty_chunk(loop: Any) -> None:
    r = Readable()
    n_chunks = 10
    chunk = b"x" * 10

    def read(n: int) -> None:
        def later() -> None:
            nonlocal n_chunks
            n_chunks -= 1
            r.push(None if n_chunks == 0 else chunk)

        get_loop().call_later(0.001, later)

    r._read = read
    read_all = False
    seen: list[str] = []

    def on_readable() -> None:
        nonlocal read_all
        while True:
            data = r.read()
            if not data:
                break
            seen.append(data.decode())
            # Put part of it back, as a parser might (b'' every other time).
            put_back = b"y" * (0 if read_all else 5)
            read_all = not read_all
            r.unshift(put_back)

    r.on("readable", on_readable)
    ended = asyncio.Event()
    r.on("end", ended.set)
    await ended.wait()
    assert seen == ["xxxxxxxxxx", "yyyyy"] * 9
