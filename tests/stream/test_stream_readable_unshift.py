"""Port of Node's test/parallel/test-stream-readable-unshift.js."""

from __future__ import annotations

import base64
from typing import Any

from stream_helpers import settle

from nodenet import _encodings
from nodenet.stream import Readable


def nop(*_: Any) -> None:
    pass


async def test_strings_saved_as_bytes(loop: Any, calls: Any) -> None:
    readable = Readable(read=nop)

    def on_data(chunk: Any) -> None:
        assert chunk == b"abc"

    readable.on("data", calls.must_call(on_data))
    readable.unshift("abc")
    await settle()


async def test_unshift_goes_first(loop: Any, calls: Any) -> None:
    readable = Readable(read=nop)
    expected = [b"front", b"back"]
    readable.on("data", calls.must_call(lambda chunk: check(chunk, expected.pop(0)), 2))
    readable.push("back")
    readable.unshift("front")
    await settle()


def check(a: Any, b: Any) -> None:
    assert a == b


async def test_unshift_with_encoding(loop: Any, calls: Any) -> None:
    readable = Readable(read=nop)
    string = base64.b64encode(b"abc").decode()
    readable.on("data", calls.must_call(lambda chunk: check(chunk, b"abc")))
    readable.unshift(string, "base64")
    await settle()


def _check_encodings(readable: Readable, calls: Any) -> None:
    # A chunk in the stream's encoding is kept as it is, others are re-encoded.
    expected: list[str] = []
    readable.on("data", calls.must_call(lambda chunk: check(chunk, expected.pop()), 4))
    for encoding in ("utf8", "binary", "hex", "base64"):
        string = "abc"
        if encoding != "base64":
            data = _encodings.to_bytes(string, encoding)
            string = base64.b64encode(data).decode()
        expected.append(string)
        readable.unshift("abc", encoding)


async def test_unshift_encodings_after_set_encoding(loop: Any, calls: Any) -> None:
    r1 = Readable(read=nop)
    r1.set_encoding("base64")
    _check_encodings(r1, calls)
    await settle()


async def test_unshift_encodings_with_encoding_option(loop: Any, calls: Any) -> None:
    r2 = Readable(read=nop, encoding="base64")
    _check_encodings(r2, calls)
    await settle()


async def test_push_and_unshift_same_encoding(loop: Any, calls: Any) -> None:
    for r in (Readable(read=nop), Readable(read=nop, encoding="base64")):
        if r.readable_encoding is None:
            r.set_encoding("base64")
        r.on("data", calls.must_call(lambda chunk: check(chunk, "YWJj"), 2))
        r.push("abc")
        r.unshift("abc")
    await settle()


async def test_unshift_object_mode(loop: Any, calls: Any) -> None:
    readable = Readable(object_mode=True, read=nop)
    chunks: list[Any] = ["a", 1, {}, []]
    readable.on("data", calls.must_call(lambda chunk: check_is(chunk, chunks.pop()), 4))
    for chunk in list(chunks):
        readable.unshift(chunk)
    await settle()


def check_is(a: Any, b: Any) -> None:
    assert a is b


async def test_unshift_above_high_water_mark(loop: Any, calls: Any) -> None:
    # Must not raise (nodejs/node#27192).
    hwm = 50

    class ArrayReader(Readable):
        def __init__(self) -> None:
            super().__init__(high_water_mark=hwm)
            self.items = [str(i) for i in [0] * (hwm * 2)]

        def _read(self, size: int) -> None:
            while self.items:
                chunk = self.items.pop(0)
                if not self.items:
                    self.push(chunk)
                    self.push(None)
                    return
                if not self.push(chunk):
                    return

    lengths: list[int] = []

    def on_read() -> None:
        while stream.read() is not None:
            stream.remove_listener("readable", on_read)
            stream.unshift("a")
            stream.on("data", lambda chunk: lengths.append(len(chunk)))
            break

    stream = ArrayReader()
    stream.once("readable", calls.must_call(on_read))
    stream.on("end", calls.must_call())
    await settle()
    assert lengths
