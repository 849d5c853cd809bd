"""Port of Node's test/parallel/test-stream-readable-resumeScheduled.js (the pipe() case
with a writable stand-in instead of Writable)."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.events import EventEmitter
from nodenet.stream import Readable


class Sink(EventEmitter):  # type: ignore[misc]
    def write(self, chunk: Any) -> bool:
        return True

    def end(self) -> None:
        pass


def nop(*_: Any) -> None:
    pass


async def test_pipe_schedules_resume(loop: Any, calls: Any) -> None:
    r = Readable(read=nop)
    assert r._readable_state.resume_scheduled is False
    r.pipe(Sink())
    assert r._readable_state.resume_scheduled is True
    next_tick(calls.must_call(lambda: check(r, False)))
    await settle()


def check(r: Readable, value: bool) -> None:
    assert r._readable_state.resume_scheduled is value


async def test_data_listener_schedules_resume(loop: Any, calls: Any) -> None:
    r = Readable(read=nop)
    assert r._readable_state.resume_scheduled is False
    r.push(bytes([1, 2, 3]))
    r.on("data", calls.must_call(lambda chunk: check(r, False)))
    assert r._readable_state.resume_scheduled is True
    next_tick(calls.must_call(lambda: check(r, False)))
    await settle()


async def test_resume_schedules_resume(loop: Any, calls: Any) -> None:
    r = Readable(read=nop)
    assert r._readable_state.resume_scheduled is False
    r.resume()
    assert r._readable_state.resume_scheduled is True
    r.on("resume", calls.must_call(lambda: check(r, False)))
    next_tick(calls.must_call(lambda: check(r, False)))
    await settle()
