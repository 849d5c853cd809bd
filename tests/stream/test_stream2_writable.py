"""Port of Node's test/parallel/test-stream2-writable.js (ordering, back-pressure,
encodings and callbacks of a Writable with an asynchronous ``_write``)."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import pytest
from stream_helpers import settle

from nodenet import _encodings
from nodenet._tick import next_tick
from nodenet.errors import NodeError
from nodenet.stream import Writable

CHUNKS = ["x" * i for i in range(50)]
ENCODINGS = ["hex", "utf8", "utf-8", "ascii", "latin1", "binary", "base64", "ucs2", "ucs-2",
             "utf16le", "utf-16le", None]


@pytest.fixture
def TestWriter() -> Any:
    """The class, derived from the stream class of the test's implementation."""

    class TestWriter(Writable):
        """Writes after a small random latency, recording what it got."""

        __test__ = False

        def __init__(self, options=None, **kwargs):
            super().__init__(options, **kwargs)
            self.buffer = []
            self.written = 0

        def _write(self, chunk, encoding, cb):
            def done():
                self.buffer.append(chunk.decode())
                self.written += len(chunk)
                cb()

            asyncio.get_running_loop().call_later(random.randrange(10) / 1000, done)

    return TestWriter


async def wait_for(event_source, event):
    fut = asyncio.get_running_loop().create_future()
    event_source.once(event, lambda *args: fut.done() or fut.set_result(args))
    await asyncio.wait_for(fut, 5)


async def test_fast_writing(loop, calls, TestWriter):
    tw = TestWriter(high_water_mark=100)
    tw.on("finish", calls.must_call(lambda: _eq(tw.buffer, CHUNKS)))
    for chunk in CHUNKS:
        tw.write(chunk)  # Ignore back-pressure: buffer it all.
    tw.end()
    await wait_for(tw, "close")


def _eq(a, b):
    assert a == b


async def test_slow_writing(loop, calls, TestWriter):
    tw = TestWriter(high_water_mark=100)
    tw.on("finish", calls.must_call(lambda: _eq(tw.buffer, CHUNKS)))
    for chunk in CHUNKS:
        tw.write(chunk)
        await asyncio.sleep(0.002)
    tw.end()
    await wait_for(tw, "close")


async def test_write_backpressure(loop, calls, TestWriter):
    tw = TestWriter(high_water_mark=50)
    drains = [0]

    def on_finish():
        assert tw.buffer == CHUNKS
        assert drains[0] == 17

    tw.on("finish", calls.must_call(on_finish))
    tw.on("drain", lambda: drains.__setitem__(0, drains[0] + 1))
    i = [0]

    def write_some():
        while True:
            ret = tw.write(CHUNKS[i[0]])
            i[0] += 1
            if ret is False or i[0] >= len(CHUNKS):
                break
        if i[0] < len(CHUNKS):
            assert tw.writable_length >= 50
            tw.once("drain", write_some)
        else:
            tw.end()

    write_some()
    await wait_for(tw, "close")


@pytest.mark.parametrize("decode_strings", [True, False])
async def test_write_with_encodings(loop, calls, decode_strings, TestWriter):
    tw = TestWriter(high_water_mark=100, decode_strings=decode_strings)
    if not decode_strings:
        def write(chunk, encoding, cb):
            assert isinstance(chunk, str)
            return TestWriter._write(tw, _encodings.to_bytes(chunk, encoding), encoding, cb)

        tw._write = write
    expected = []
    tw.on("finish", calls.must_call(lambda: _eq(tw.buffer, expected)))
    for i, chunk in enumerate(CHUNKS):
        enc = ENCODINGS[i % len(ENCODINGS)]
        data = chunk.encode()
        if enc in ("ucs2", "ucs-2", "utf16le", "utf-16le"):
            data = data[:len(data) & ~1]  # Buffer.toString('ucs2') drops an odd last byte
        text = _encodings.decoder(enc).decode(data, True)
        expected.append(data.decode())
        tw.write(text, enc)
    tw.end()  # Node's test never ends the stream; ending it checks what it got.
    await wait_for(tw, "finish")


async def test_write_callbacks(loop, calls, TestWriter):
    called = []
    tw = TestWriter(high_water_mark=100)

    def on_finish():
        def check():
            assert tw.buffer == CHUNKS
            assert called == CHUNKS

        next_tick(calls.must_call(check))

    tw.on("finish", calls.must_call(on_finish))
    for chunk in CHUNKS:
        tw.write(chunk, lambda err=None, chunk=chunk: called.append(chunk))
    tw.end()
    await wait_for(tw, "close")


@pytest.mark.parametrize("args", [(), (b"hello world",), ("hello world", "ascii")])
async def test_end_callback(loop, calls, args, TestWriter):
    tw = TestWriter()
    tw.end(*args, calls.must_call())
    await wait_for(tw, "close")


async def test_end_callback_after_write(loop, calls, TestWriter):
    tw = TestWriter()
    tw.write(b"hello world")
    tw.end(calls.must_call())
    await wait_for(tw, "close")


async def test_end_callback_after_write_callback(loop, calls, TestWriter):
    tw = TestWriter()
    write_called_back = []
    tw.write(b"hello world", lambda err=None: write_called_back.append(True))
    tw.end(calls.must_call(lambda err=None: _eq(write_called_back, [True])))
    await wait_for(tw, "close")


async def test_encoding_is_ignored_for_bytes(loop, calls):
    tw = Writable()
    hex_text = "018b5e9a8f6236ffe30e31baf80d2cf6eb"

    def write(chunk, encoding, cb):
        assert chunk.hex() == hex_text
        assert encoding == "buffer"

    tw._write = calls.must_call(write)
    tw.write(bytes.fromhex(hex_text), "latin1")
    await settle()


async def test_writables_cannot_be_piped(loop, calls):
    w = Writable()
    w._write = calls.must_not_call("_write")
    errors = []
    w.on("error", errors.append)
    w.pipe(object())
    assert errors == []  # v20 emits it on a tick (its destroy)
    await settle()
    assert [e.code for e in errors] == ["ERR_STREAM_CANNOT_PIPE"]
    assert str(errors[0]) == "Cannot pipe, not readable"
    assert isinstance(errors[0], NodeError)


async def test_end_chunk_twice_is_an_error(loop, calls):
    w = Writable()
    w._write = calls.must_call(lambda msg, *rest: _eq(msg, b"this is the end"))
    errors = []

    def on_error(er):
        errors.append(er)
        assert str(er) == "write after end"

    w.on("error", on_error)
    w.end("this is the end")
    w.end("and so is this")
    next_tick(calls.must_call(lambda: _eq(len(errors), 1)))
    await settle()


async def test_stream_does_not_end_while_writing(loop, calls):
    w = Writable()
    wrote = []

    def write(chunk, e, cb):
        assert getattr(w, "writing", None) is None
        wrote.append(True)
        w.writing = True

        def done():
            w.writing = False
            cb()

        loop.call_later(0.001, done)

    w._write = write
    w.on("finish", calls.must_call(lambda: _eq(wrote, [True])))
    w.write(b"")
    w.end()
    await wait_for(w, "finish")


async def test_finish_waits_for_write_callback(loop, calls):
    w = Writable()
    write_cb = []

    def write(chunk, e, cb):
        def done():
            write_cb.append(True)
            cb()

        loop.call_later(0.01, done)

    w._write = write
    w.on("finish", calls.must_call(lambda: _eq(write_cb, [True])))
    w.write(b"")
    w.end()
    await wait_for(w, "finish")


async def test_finish_waits_for_synchronous_write_callback(loop, calls):
    w = Writable()
    write_cb = []
    w._write = lambda chunk, e, cb: cb()
    w.on("finish", calls.must_call(lambda: _eq(write_cb, [True])))
    w.write(b"", lambda err=None: write_cb.append(True))
    w.end()
    await settle()


async def test_finish_when_last_chunk_is_empty(loop, calls):
    w = Writable()
    w._write = lambda chunk, e, cb: next_tick(cb)
    w.on("finish", calls.must_call())
    w.write(b"\0")
    w.end(b"")
    await settle()


async def test_finish_after_final(loop, calls):
    w = Writable()
    shutdown = []

    def final(cb):
        def done():
            shutdown.append(True)
            cb()

        loop.call_later(0.1, done)

    w._final = calls.must_call(final)
    w._write = lambda chunk, e, cb: next_tick(cb)
    w.on("finish", calls.must_call(lambda: _eq(shutdown, [True])))
    w.write(b"\0")
    w.end(b"")
    await wait_for(w, "finish")
