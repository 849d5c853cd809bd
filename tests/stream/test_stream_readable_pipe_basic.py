"""``pipe()``/``unpipe()`` against a test-local writable stand-in (Writable is not used
here): backpressure with 'drain', ``end=False``, several destinations, a destination's
'error'. The expectations are what node v20 prints for the same programs with an
EventEmitter stand-in (Node's own pipe tests need Writable)."""

from __future__ import annotations

from typing import Any

import pytest
from stream_helpers import settle

from nodenet.events import EventEmitter
from nodenet.stream import Readable


class Sink(EventEmitter):  # type: ignore[misc]
    """A writable stand-in: write() is False once ``limit`` chunks wait for 'drain'."""

    def __init__(self, limit: int = 0) -> None:
        super().__init__()
        self.limit = limit
        self.chunks: list[Any] = []
        self.pending = 0
        self.ended = False

    def write(self, chunk: Any) -> bool:
        self.chunks.append(chunk)
        self.pending += 1
        return not self.limit or self.pending < self.limit

    def drain(self) -> None:
        self.pending = 0
        self.emit("drain")

    def end(self) -> None:
        self.ended = True
        self.emit("finish")


def nop(*_: Any) -> None:
    pass


async def test_pipe_backpressure(loop: Any) -> None:
    log: list[str] = []
    r = Readable(read=nop)
    w = Sink(2)
    w.on("pipe", lambda src: log.append(f"pipe {src is r}"))
    w.on("unpipe", lambda src, info: log.append(f"unpipe {src is r}"))
    r.on("pause", lambda: log.append("pause"))
    r.on("resume", lambda: log.append("resume"))
    r.on("end", lambda: log.append("end"))
    assert r.pipe(w) is w
    log.append(f"scheduled {r._readable_state.resume_scheduled}")
    for c in "abcd":
        r.push(c)
    await settle()
    log.append(f"chunks {w.chunks} flowing {r.readable_flowing} len {r.readable_length}")
    w.drain()
    await settle()
    log.append(f"chunks {w.chunks} flowing {r.readable_flowing}")
    w.drain()
    r.push(None)
    await settle()
    log.append(f"ended {w.ended} pipes {len(r._readable_state.pipes)}")
    assert log == [
        "pipe True",
        "scheduled True",
        "resume",
        "pause",
        "chunks [b'a', b'b'] flowing False len 2",
        "resume",
        "pause",
        "chunks [b'a', b'b', b'c', b'd'] flowing False",
        "resume",
        "end",
        "pause",
        "unpipe True",
        "ended True pipes 0",
    ]


async def test_pipe_end_false_and_unpipe(loop: Any, calls: Any) -> None:
    r = Readable(read=nop)
    a, b = Sink(), Sink()
    a.on("finish", calls.must_not_call("a finish"))
    b.on("finish", calls.must_call())
    r.pipe(a, end=False)
    r.pipe(b)
    r.push("x")
    await settle()
    r.unpipe(a)
    assert len(r._readable_state.pipes) == 1
    assert r.readable_flowing is True
    r.push("y")
    r.push(None)
    await settle()
    assert a.chunks == [b"x"]
    assert b.chunks == [b"x", b"y"]


async def test_pipe_options_dict(loop: Any, calls: Any) -> None:
    r = Readable(read=nop)
    a = Sink()
    a.on("finish", calls.must_not_call("finish"))
    r.pipe(a, {"end": False})
    r.push(None)
    await settle()
    assert r.readable_ended


async def test_unpipe_all(loop: Any) -> None:
    r = Readable(read=nop)
    a, b = Sink(), Sink()
    unpiped: list[Any] = []
    a.on("unpipe", lambda src, info: unpiped.append(a))
    b.on("unpipe", lambda src, info: unpiped.append(b))
    r.pipe(a)
    r.pipe(b)
    assert r.unpipe() is r
    assert unpiped == [a, b]
    assert r._readable_state.pipes == []
    assert r.is_paused()
    r.push("x")
    await settle()
    assert a.chunks == b.chunks == []


async def test_dest_error_unpipes(loop: Any) -> None:
    r = Readable(read=nop)
    c = Sink()
    r.pipe(c)
    err = Exception("boom")
    seen: list[Any] = []
    c.on("error", seen.append)
    c.emit("error", err)
    assert seen == [err]
    assert r._readable_state.pipes == []
    assert r.readable_flowing is False


def test_dest_error_without_listener_is_raised() -> None:
    r = Readable(read=nop)
    d = Sink()
    r.pipe(d)
    with pytest.raises(Exception, match="unhandled"):
        d.emit("error", Exception("unhandled"))


async def test_pipe_after_end(loop: Any, calls: Any) -> None:
    r = Readable(read=nop)
    r.push(None)
    r.resume()
    await settle()
    assert r.readable_ended
    w = Sink()
    w.on("finish", calls.must_call())
    r.pipe(w)
    await settle()
    assert w.ended
