"""Node's legacy ``Stream.pipe`` (streams/legacy.js) and pipeline() through a v1 stream,
checked against node v20 running the same program (the JS programs are in the commit message)."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Readable, Stream, Writable, pipeline


def collecting(into):
    def write(chunk, encoding, callback):
        into.append(chunk)
        callback()

    return Writable(write=write)


async def test_data_and_end_reach_the_destination(loop, calls):
    src = Stream()
    src.readable = True
    got = []
    dst = collecting(got)
    dst.on("finish", calls.must_call())
    assert src.pipe(dst) is dst
    src.emit("data", "a")
    src.emit("data", "b")
    src.emit("end")
    await settle()
    assert got == [b"a", b"b"]


async def test_pipeline_through_an_old_stream(loop, calls):
    old = Stream()
    old.pause = old.resume = lambda *args: None
    old.write = lambda data, *args: (old.emit("data", data), True)[1]
    old.end = lambda *args: old.emit("end")
    out = []
    done = loop.create_future()
    pipeline(Readable.from_(["x", "y"]), old, collecting(out),
             calls.must_call(lambda err=None: done.set_result(err)))
    assert await done is None
    assert out == [b"x", b"y"]


async def test_an_error_cleans_the_pipe_up(loop, calls):
    src = Stream()
    src.readable = True
    src.pipe(collecting([]))
    errors = []
    src.on("error", calls.must_call(errors.append))
    src.emit("error", RuntimeError("boom"))
    assert str(errors[0]) == "boom"
    assert src.listener_count("data") == 0


async def test_end_false_leaves_the_destination_open(loop):
    src = Stream()
    src.readable = True
    dst = collecting([])
    src.pipe(dst, {"end": False})
    src.emit("end")
    await settle()
    assert not dst.writable_ended
