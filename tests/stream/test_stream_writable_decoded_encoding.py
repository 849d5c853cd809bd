"""Port of Node's test/parallel/test-stream-writable-decoded-encoding.js: with
decode_strings a str reaches _write as bytes, else as the str with its encoding."""

from __future__ import annotations

import pytest
from stream_helpers import ReportingWritable, settle

from nodenet.stream import Writable


async def test_decode_strings_true(loop, calls):
    def check(is_buffer, kind, enc):
        assert is_buffer
        assert kind is bytes
        assert enc == "buffer"

    m = ReportingWritable(calls.must_call(check), {"decodeStrings": True})
    m.write("some-text", "utf8")
    m.end()
    await settle()


async def test_decode_strings_false(loop, calls):
    def check(is_buffer, kind, enc):
        assert not is_buffer
        assert kind is str
        assert enc == "utf8"

    m = ReportingWritable(calls.must_call(check), {"decodeStrings": False})
    m.write("some-text", "utf8")
    m.end()
    await settle()


@pytest.mark.parametrize("chunk", [bytearray(b"abc"), memoryview(b"abc")])
async def test_bytes_like_become_bytes(loop, calls, chunk):
    def check(is_buffer, kind, enc):
        assert is_buffer and enc == "buffer"

    m = ReportingWritable(calls.must_call(check), {"decodeStrings": False})
    m.write(chunk)
    m.end()
    await settle()


async def test_decoded_bytes_follow_the_encoding(loop, calls):
    got = []
    w = Writable(write=lambda chunk, encoding, cb: (got.append((chunk, encoding)), cb()))
    w.write("68656c6c6f", "hex")
    w.write("aGk=", "base64")
    w.end("é", "latin1")
    await settle()
    assert got == [(b"hello", "buffer"), (b"hi", "buffer"), (b"\xe9", "buffer")]
