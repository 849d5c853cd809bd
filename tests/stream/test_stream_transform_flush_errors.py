"""Transform's flush and final paths (errors, EOF pushed from _transform, destroy before
end), checked against node v20 running the same program (not a Node test file)."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import PassThrough, Transform


def watch(t, log):
    for event in ("prefinish", "finish", "end", "close", "error"):
        t.on(event, lambda e=None, event=event: log.append(f"{event} {e}" if e else event))
    t.on("data", lambda d: log.append(f"data {d.decode()}"))


def identity(chunk, encoding, cb):
    cb(None, chunk)


async def test_flush_error_goes_to_end_callback(loop):
    log = []
    t = Transform(transform=identity, flush=lambda cb: cb(Exception("flushfail")))
    watch(t, log)
    t.end("x", lambda err=None: log.append(f"end cb {err}"))
    await settle()
    assert log == ["data x", "error flushfail", "close", "end cb flushfail"]


async def test_flush_error_with_own_final_destroys(loop):
    log = []

    def final(cb):
        log.append("final")
        cb()

    t = Transform(transform=identity, final=final, flush=lambda cb: cb(Exception("flushfail")))
    watch(t, log)
    t.end("x")
    await settle()
    # v20 emits 'finish' after 'close' here
    assert log == ["data x", "final", "prefinish", "error flushfail", "close", "finish"]


async def test_final_error_skips_flush(loop, calls):
    log = []
    t = Transform(transform=identity, final=lambda cb: cb(Exception("finalfail")),
                  flush=calls.must_not_call("flush"))
    watch(t, log)
    t.end("x")
    await settle()
    assert log == ["data x", "error finalfail", "close"]


async def test_push_after_eof_pushed_in_transform(loop):
    log = []

    def transform(chunk, encoding, cb):
        t.push(chunk)
        t.push(None)
        cb()

    t = Transform(transform=transform)
    watch(t, log)
    t.write("a")
    t.write("b", lambda err=None: log.append(f"write cb {err}"))
    await settle()
    assert log == ["data a", "end", "error stream.push() after EOF", "close", "write cb None"]


async def test_passthrough_not_half_open(loop):
    log = []
    t = PassThrough(allow_half_open=False)
    watch(t, log)
    t.push(None)
    t.resume()
    await settle()
    assert log == ["end", "prefinish", "finish", "close"]


async def test_end_after_destroy_does_not_flush(loop, calls):
    log = []
    t = Transform(transform=identity, flush=calls.must_not_call("flush"))
    watch(t, log)
    t.destroy()
    t.end()
    await settle()
    assert log == ["close"]


async def test_flush_callback_twice(loop):
    log = []

    def flush(cb):
        cb(None, "a")
        cb(None, "b")

    t = Transform(transform=identity, flush=flush)
    watch(t, log)
    t.end("x")
    await settle()
    # the second push comes after EOF; v20 reports that, not ERR_MULTIPLE_CALLBACK
    assert log == ["data x", "data a", "prefinish", "finish", "error stream.push() after EOF",
                   "close"]
    assert t.errored.code == "ERR_STREAM_PUSH_AFTER_EOF"


async def test_transform_raising_leaves_the_stream_as_it_was(loop):
    def transform(chunk, encoding, cb):
        raise RuntimeError("sync throw")

    u = Transform(transform=transform)
    try:
        u.write("x")
    except RuntimeError as err:
        assert str(err) == "sync throw"
    else:
        raise AssertionError("write() did not raise")
    await settle()
    assert (u.destroyed, u.writable_length, u.writable) == (False, 1, True)
