"""Port of Node's test/parallel/test-stream-writev.js: corked writes reach _writev in
order, with their encodings, and every callback comes before 'finish'."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from nodenet.stream import Writable


@pytest.mark.parametrize("decode, uncork, multi", list(itertools.product([False, True], repeat=3)))
async def test_writev(loop, calls, decode, uncork, multi):
    counter = [0]
    expect_count = [0]

    def cnt(msg):
        expect_count[0] += 1
        expect = expect_count[0]

        def callback(er=None):
            assert er is None
            counter[0] += 1
            assert counter[0] == expect, msg

        return calls.must_call(callback)

    w = Writable(decode_strings=decode)
    w._write = calls.must_not_call("Should not call _write")
    if decode:
        expect_chunks = [
            ("buffer", list(b"hello, ")),
            ("buffer", list(b"world")),
            ("buffer", [33]),
            ("buffer", list(b"\nand then...")),
            ("buffer", [250, 206, 190, 167, 222, 173, 190, 239, 222, 202, 251, 173]),
        ]
    else:
        expect_chunks = [
            ("ascii", "hello, "),
            ("utf8", "world"),
            ("buffer", [33]),
            ("latin1", "\nand then..."),
            ("hex", "facebea7deadbeefdecafbad"),
        ]
    actual = []

    def writev(chunks, cb):
        actual.extend((c.encoding, list(c.chunk) if isinstance(c.chunk, bytes) else c.chunk)
                      for c in chunks)
        assert chunks.all_buffers is decode
        cb()

    w._writev = writev
    w.cork()
    w.write("hello, ", "ascii", cnt("hello"))
    w.write("world", "utf8", cnt("world"))
    if multi:
        w.cork()
    w.write(b"!", "buffer", cnt("!"))
    w.write("\nand then...", "latin1", cnt("and then"))
    if multi:
        w.uncork()
    w.write("facebea7deadbeefdecafbad", "hex", cnt("hex"))
    if uncork:
        w.uncork()
    w.end(cnt("end"))
    finished = loop.create_future()

    def on_finish():
        cnt("finish")()  # 'finish' comes after all the write callbacks
        assert actual == expect_chunks
        finished.set_result(None)

    w.on("finish", on_finish)
    await asyncio.wait_for(finished, 5)


async def test_writev_gets_write_requests(loop, calls):
    got = []

    def writev(chunks, cb):
        got.append([(c.chunk, c.encoding) for c in chunks])
        assert chunks.allBuffers is True
        cb()

    w = Writable(write=calls.must_call(lambda chunk, enc, cb: cb()), writev=writev)
    w.write(b"a")  # not corked: _write
    w.cork()
    w.write(b"b")
    w.write(b"c", calls.must_call())
    w.uncork()
    w.end(calls.must_call())
    await asyncio.sleep(0)
    assert got == [[(b"b", "buffer"), (b"c", "buffer")]]
