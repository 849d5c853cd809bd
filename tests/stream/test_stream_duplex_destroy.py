"""Port of Node's test/parallel/test-stream-duplex-destroy.js (Duplex.destroy()).

The stored test expects 'end' and 'finish' after destroy() of a resumed Duplex (a later
Node); node v20 emits neither, only 'close' (and 'error')."""

from __future__ import annotations

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Duplex


def ok_write(chunk, encoding, cb):
    cb()


def make(**kwargs):
    return Duplex(write=ok_write, read=lambda n: None, **kwargs)


def _same(a, b):
    assert a is b


async def test_destroy_ends_both_sides(loop, calls):
    duplex = make()
    duplex.resume()
    duplex.on("end", calls.must_not_call("end"))  # v20
    duplex.on("finish", calls.must_not_call("finish"))  # v20
    duplex.on("close", calls.must_call())
    duplex.destroy()
    assert duplex.destroyed is True
    await settle()


async def test_destroy_with_error(loop, calls):
    duplex = make()
    duplex.resume()
    expected = Exception("kaboom")
    duplex.on("end", calls.must_not_call("end"))  # v20
    duplex.on("finish", calls.must_not_call("finish"))  # v20
    duplex.on("error", calls.must_call(lambda err: _same(err, expected)))
    duplex.destroy(expected)
    assert duplex.destroyed is True
    await settle()


async def test_overridden_destroy_passes_the_error(loop, calls):
    duplex = make()
    expected = Exception("kaboom")

    def destroy(err, cb):
        assert err is expected
        cb(err)

    duplex._destroy = calls.must_call(destroy)
    duplex.on("finish", calls.must_not_call("no finish event"))
    duplex.on("error", calls.must_call(lambda err: _same(err, expected)))
    duplex.destroy(expected)
    assert duplex.destroyed is True
    await settle()


async def test_destroy_option_swallows_the_error(loop, calls):
    expected = Exception("kaboom")

    def destroy(err, cb):
        assert err is expected
        cb()

    duplex = make(destroy=calls.must_call(destroy))
    duplex.resume()
    duplex.on("end", calls.must_not_call("no end event"))
    duplex.on("finish", calls.must_not_call("no finish event"))
    duplex.on("error", calls.must_not_call("no error event"))
    duplex.destroy(expected)
    assert duplex.destroyed is True
    await settle()


async def test_destroy_without_error_gives_none(loop, calls):
    duplex = make()

    def destroy(err, cb):
        assert err is None
        cb()

    duplex._destroy = calls.must_call(destroy)
    duplex.destroy()
    assert duplex.destroyed is True
    await settle()


async def test_end_inside_destroy(loop, calls):
    duplex = make()
    duplex.resume()

    def destroy(err, cb):
        assert err is None

        def later():
            duplex.push(None)
            duplex.end()
            cb()

        next_tick(later)

    duplex._destroy = calls.must_call(destroy)
    fail = calls.must_not_call("no finish or end event")
    duplex.on("finish", fail)
    duplex.on("end", fail)
    duplex.destroy()
    duplex.remove_listener("end", fail)
    duplex.remove_listener("finish", fail)
    # v20: neither 'end' nor 'finish' once destroyed
    duplex.on("end", calls.must_not_call("end"))
    duplex.on("finish", calls.must_not_call("finish"))
    duplex.on("close", calls.must_call())
    assert duplex.destroyed is True
    await settle()


async def test_destroy_callback_error(loop, calls):
    duplex = make()
    expected = Exception("kaboom")

    def destroy(err, cb):
        assert err is None
        cb(expected)

    duplex._destroy = calls.must_call(destroy)
    duplex.on("finish", calls.must_not_call("no finish event"))
    duplex.on("end", calls.must_not_call("no end event"))
    duplex.on("error", calls.must_call(lambda err: _same(err, expected)))
    duplex.destroy()
    assert duplex.destroyed is True
    await settle()


async def test_destroy_allow_half_open(loop, calls):
    duplex = make(allow_half_open=True)
    duplex.resume()
    duplex.on("finish", calls.must_not_call("finish"))  # v20
    duplex.on("end", calls.must_not_call("end"))  # v20
    duplex.destroy()
    assert duplex.destroyed is True
    await settle()


async def test_destroyed_set_by_hand(loop, calls):
    duplex = make()
    duplex.destroyed = True
    assert duplex.destroyed is True
    # the internal destroy() mechanism should not be triggered
    duplex.on("finish", calls.must_not_call())
    duplex.on("end", calls.must_not_call())
    duplex.destroy()
    await settle()


async def test_destroyed_before_init(loop):
    class MyDuplex(Duplex):
        def __init__(self):
            assert self.destroyed is False
            self.destroyed = False
            super().__init__()

    MyDuplex()


async def test_destroy_errors_buffered_writes(loop, calls):
    # not in Node's file: a Duplex destroys as a Writable does (checked on node v20)
    duplex = make()
    duplex.cork()
    codes = []
    duplex.write("a", calls.must_call(lambda err: codes.append(err.code)))
    duplex.write("b", calls.must_call(lambda err: codes.append(err.code)))
    duplex.on("error", calls.must_not_call("error"))
    duplex.on("close", calls.must_call())
    duplex.destroy()
    await settle()
    assert codes == ["ERR_STREAM_DESTROYED", "ERR_STREAM_DESTROYED"]
