"""Port of Node's test/parallel/test-stream-writable-finish-destroyed.js: no 'finish'
after destroy(), even when the pending write completes and end() follows."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Writable


async def test_end_then_destroy(loop, calls):
    def write(chunk, encoding, cb):
        w.on("close", lambda: cb())

    w = Writable(write=write)
    w.end("asd")
    w.destroy()
    w.on("finish", calls.must_not_call("finish"))
    await settle()


async def test_write_destroy_then_end_on_close(loop, calls):
    def write(chunk, encoding, cb):
        def on_close():
            cb()
            w.end()

        w.on("close", on_close)

    w = Writable(write=write)
    w.write("asd")
    w.destroy()
    w.on("finish", calls.must_not_call("finish"))
    await settle()
