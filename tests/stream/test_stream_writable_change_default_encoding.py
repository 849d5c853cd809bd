"""Port of Node's test/parallel/test-stream-writable-change-default-encoding.js."""

from __future__ import annotations

import pytest
from stream_helpers import ReportingWritable as Reporting
from stream_helpers import settle

from nodenet.stream import Writable


async def test_default_encoding_is_utf8(loop, calls):
    m = Reporting(calls.must_call(lambda b, t, enc: _eq(enc, "utf8")), {"decodeStrings": False})
    m.write("foo")
    m.end()
    await settle()


def _eq(a, b):
    assert a == b


async def test_change_default_encoding_to_ascii(loop, calls):
    m = Reporting(calls.must_call(lambda b, t, enc: _eq(enc, "ascii")), {"decodeStrings": False})
    assert m.set_default_encoding("ascii") is m
    m.write("bar")
    m.end()
    await settle()


def test_invalid_default_encoding_raises():
    m = Reporting(lambda *args: None, {"decodeStrings": False})
    with pytest.raises(TypeError) as info:
        m.setDefaultEncoding({})
    assert info.value.code == "ERR_UNKNOWN_ENCODING"
    assert str(info.value) == "Unknown encoding: {}"


async def test_variable_case_encoding(loop, calls):
    m = Reporting(calls.must_call(lambda b, t, enc: _eq(enc, "ascii")), {"decodeStrings": False})
    m.set_default_encoding("AsCii")
    m.write("bar")
    m.end()
    await settle()


async def test_default_encoding_option(loop, calls):
    got = []
    w = Writable(default_encoding="hex", write=lambda chunk, enc, cb: (got.append(chunk), cb()))
    w.end("6869")
    await settle()
    assert got == [b"hi"]


def test_unknown_encodings_raise():
    with pytest.raises(TypeError) as info:
        Writable(default_encoding="nope")
    assert str(info.value) == "Unknown encoding: nope"
    with pytest.raises(TypeError) as info:
        Writable(write=lambda *args: None).write("x", "nope")
    assert info.value.code == "ERR_UNKNOWN_ENCODING"
    # A str with the 'buffer' encoding is still converted, and Buffer.from refuses it.
    with pytest.raises(TypeError) as info:
        Writable(write=lambda *args: None).write("x", "buffer")
    assert str(info.value) == "Unknown encoding: buffer"


async def test_encoding_passed_as_given_without_decoding(loop):
    got = []
    w = Writable(decode_strings=False, write=lambda chunk, enc, cb: (got.append(enc), cb()))
    w.write("abc", "BINARY")
    w.write("abc", "")
    await settle()
    assert got == ["BINARY", "utf8"]
