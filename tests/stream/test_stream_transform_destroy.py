"""Port of Node's test/parallel/test-stream-transform-destroy.js (Transform.destroy())."""

from __future__ import annotations

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Transform


def make(**kwargs):
    return Transform(transform=lambda chunk, enc, cb: None, **kwargs)


def _same(a, b):
    assert a is b


async def test_destroy(loop, calls):
    transform = make()
    transform.resume()
    transform.on("end", calls.must_not_call("end"))
    transform.on("close", calls.must_call())
    transform.on("finish", calls.must_not_call("finish"))
    transform.destroy()
    await settle()


async def test_destroy_with_error(loop, calls):
    transform = make()
    transform.resume()
    expected = Exception("kaboom")
    transform.on("end", calls.must_not_call("end"))
    transform.on("finish", calls.must_not_call("finish"))
    transform.on("close", calls.must_call())
    transform.on("error", calls.must_call(lambda err: _same(err, expected)))
    transform.destroy(expected)
    await settle()


async def test_overridden_destroy_passes_the_error(loop, calls):
    transform = make()
    expected = Exception("kaboom")

    def destroy(err, cb):
        assert err is expected
        cb(err)

    transform._destroy = calls.must_call(destroy)
    transform.on("finish", calls.must_not_call("no finish event"))
    transform.on("close", calls.must_call())
    transform.on("error", calls.must_call(lambda err: _same(err, expected)))
    transform.destroy(expected)
    await settle()


async def test_destroy_option_swallows_the_error(loop, calls):
    expected = Exception("kaboom")

    def destroy(err, cb):
        assert err is expected
        cb()

    transform = make(destroy=calls.must_call(destroy))
    transform.resume()
    transform.on("end", calls.must_not_call("no end event"))
    transform.on("close", calls.must_call())
    transform.on("finish", calls.must_not_call("no finish event"))
    transform.on("error", calls.must_not_call("no error event"))
    transform.destroy(expected)
    await settle()


async def test_destroy_without_error_gives_none(loop, calls):
    transform = make()

    def destroy(err, cb):
        assert err is None
        cb()

    transform._destroy = calls.must_call(destroy)
    transform.destroy()
    await settle()


async def test_end_inside_destroy(loop, calls):
    transform = make()
    transform.resume()

    def destroy(err, cb):
        assert err is None

        def later():
            transform.push(None)
            transform.end()
            cb()

        next_tick(later)

    transform._destroy = calls.must_call(destroy)
    fail = calls.must_not_call("no event")
    transform.on("finish", fail)
    transform.on("end", fail)
    transform.on("close", calls.must_call())
    transform.destroy()
    transform.remove_listener("end", fail)
    transform.remove_listener("finish", fail)
    transform.on("end", calls.must_call())
    transform.on("finish", calls.must_not_call("finish"))
    await settle()


async def test_destroy_callback_error(loop, calls):
    transform = make()
    expected = Exception("kaboom")

    def destroy(err, cb):
        assert err is None
        cb(expected)

    transform._destroy = calls.must_call(destroy)
    transform.on("close", calls.must_call())
    transform.on("finish", calls.must_not_call("no finish event"))
    transform.on("end", calls.must_not_call("no end event"))
    transform.on("error", calls.must_call(lambda err: _same(err, expected)))
    transform.destroy()
    await settle()
