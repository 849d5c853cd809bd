"""Port of Node's test/parallel/test-stream2-objects.js, its Readable parts (the
'can write ...' tests are Writable's); toArray is a writable stand-in."""

from __future__ import annotations

import asyncio
from typing import Any

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.events import EventEmitter
from nodenet.stream import Readable


class ToArray(EventEmitter):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__()
        self.items: list[Any] = []
        self.done = asyncio.Event()

    def write(self, chunk: Any) -> bool:
        self.items.append(chunk)
        return True

    def end(self) -> None:
        self.done.set()


def nop(*_: Any) -> None:
    pass


def from_array(items: list[Any]) -> Readable:
    r = Readable(object_mode=True)
    r._read = nop
    for chunk in items:
        r.push(chunk)
    r.push(None)
    return r


async def piped(r: Readable) -> list[Any]:
    sink = ToArray()
    r.pipe(sink)
    await sink.done.wait()
    return sink.items


async def test_read_objects(loop: Any) -> None:
    r = from_array([{"one": "1"}, {"two": "2"}])
    assert r.read() == {"one": "1"}
    assert r.read() == {"two": "2"}
    assert r.read() is None


async def test_pipe_objects(loop: Any) -> None:
    assert await piped(from_array([{"one": "1"}, {"two": "2"}])) == [{"one": "1"}, {"two": "2"}]


async def test_read_n_ignored(loop: Any) -> None:
    r = from_array([{"one": "1"}, {"two": "2"}])
    assert r.read(2) == {"one": "1"}


async def test_objects_from_read_sync(loop: Any) -> None:
    r = Readable(object_mode=True)
    items: list[Any] = [{"one": "1"}, {"two": "2"}]
    r._read = lambda n: r.push(items.pop(0) if items else None)
    assert await piped(r) == [{"one": "1"}, {"two": "2"}]


async def test_objects_from_read_async(loop: Any) -> None:
    r = Readable(object_mode=True)
    items: list[Any] = [{"one": "1"}, {"two": "2"}]

    def read(n: int) -> None:
        item = items.pop(0) if items else None
        next_tick(r.push, item)

    r._read = read
    assert await piped(r) == [{"one": "1"}, {"two": "2"}]


async def test_strings_as_objects(loop: Any) -> None:
    items = ["one", "two", "three"]
    assert await piped(from_array(items)) == items


async def test_read_zero_object_mode(loop: Any) -> None:
    r = Readable(object_mode=True)
    r._read = nop
    r.push("foobar")
    r.push(None)
    r.read(0)
    assert await piped(r) == ["foobar"]


async def test_falsy_values(loop: Any) -> None:
    assert await piped(from_array([False, 0, ""])) == [False, 0, ""]


async def test_high_water_mark_read(loop: Any) -> None:
    r = Readable(high_water_mark=6, object_mode=True)
    calls = 0

    def read(n: int) -> None:
        nonlocal calls
        calls += 1

    r._read = read
    for c in "12345678":
        r.push(c)
    assert r.read() == "1"
    assert calls == 0
    assert r.read() == "2"
    assert r.read() == "3"
    assert calls == 1
    await settle()


def test_high_water_mark_push() -> None:
    r = Readable(high_water_mark=6, object_mode=True)
    r._read = nop
    for i in range(6):
        assert r.push(i) is (i != 5)
