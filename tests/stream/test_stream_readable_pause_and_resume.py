"""Port of Node's test/parallel/test-stream-readable-pause-and-resume.js (its first,
Node 20 part): 'data' never comes while paused."""

from __future__ import annotations

import asyncio
from typing import Any

from nodenet._loop import get_loop
from nodenet._tick import next_tick
from nodenet.stream import Readable


async def test_pause_and_resume(loop: Any, calls: Any) -> None:
    ticks = 18
    expected_data = 19

    def read(n: int) -> None:
        nonlocal ticks
        ticks -= 1
        if ticks + 1 > 0:
            next_tick(lambda: rs.push({}))
            return
        rs.push({})
        rs.push(None)

    rs = Readable(object_mode=True, read=read)
    ended = asyncio.Event()
    rs.on("end", calls.must_call(ended.set))

    def read_and_pause() -> None:
        # on('data') -> pause -> wait -> resume -> on('data') ...
        def ondata(data: Any) -> None:
            nonlocal expected_data
            rs.pause()
            expected_data -= 1
            if expected_data <= 0:
                return

            def immediate() -> None:
                rs.remove_listener("data", ondata)
                read_and_pause()
                rs.resume()

            get_loop().call_soon(immediate)

        ondata = calls.must_call(ondata, 1)  # type: ignore[assignment]
        rs.on("data", ondata)

    read_and_pause()
    await ended.wait()
    assert expected_data == 0
