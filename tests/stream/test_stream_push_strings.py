"""Port of Node's test/parallel/test-stream-push-strings.js."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from nodenet._loop import get_loop
from nodenet._tick import next_tick
from nodenet.stream import Readable


@pytest.fixture
def MyStream() -> Any:
    """The class, derived from the stream class of the test's implementation."""

    class MyStream(Readable):
        def __init__(self, options: Any = None) -> None:
            super().__init__(options)
            self.chunks = 3

        def _read(self, n: int) -> None:
            left = self.chunks
            self.chunks -= 1
            if left == 0:
                self.push(None)
            elif left == 1:
                get_loop().call_later(0.1, self.push, "last chunk")
            elif left == 2:
                self.push("second to last chunk")
            elif left == 3:
                next_tick(self.push, "first chunk")
            else:
                raise AssertionError("?")

    return MyStream


async def test_push_strings(loop: Any, MyStream) -> None:
    ms = MyStream()
    results: list[str] = []

    def on_readable() -> None:
        while True:
            chunk = ms.read()
            if chunk is None:
                break
            results.append(chunk.decode())

    ms.on("readable", on_readable)
    ended = asyncio.Event()
    ms.on("end", ended.set)
    await ended.wait()
    assert ms.chunks == -1
    assert results == ["first chunksecond to last chunk", "last chunk"]
