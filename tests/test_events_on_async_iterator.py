"""Port of test/parallel/test-events-on-async-iterator.js, plus the ``close``,
``highWaterMark`` and ``lowWaterMark`` options of Node 20's ``events.on()``
(doc/api/events.md, lib/events.js).

``next()`` is ``__anext__()``, ``return()`` is ``aclose()``, ``throw(err)`` is ``athrow(err)``;
``process.nextTick`` is ``loop.call_soon`` and ``setInterval`` a loop task. Leaving an
``async for`` releases the listeners once the iterator is unreferenced (Python does not call
``aclose()`` on ``break``), so tests that keep the iterator call ``aclose()``. Skipped: the
EventTarget and NodeEventTarget cases (nodenet has no ``EventTarget``/``Event``).
"""

import asyncio

import pytest

from async_helpers import run, soon
from nodenet.errors import AbortError
from nodenet.events import AbortController, AbortSignal, on

INVALID_SIGNALS = [1, {}, False, "hi"]


def every(seconds, fn):
    async def loop():
        while True:
            await asyncio.sleep(seconds)
            fn()

    return asyncio.ensure_future(loop())


async def settle(*awaitables):
    return await asyncio.gather(*awaitables, return_exceptions=True)


def test_basic(EventEmitter):
    async def main():
        ee = EventEmitter()

        def later():
            ee.emit("foo", "bar")
            ee.emit("bar", 24)
            ee.emit("foo", 42)

        soon(later)
        expected = [["bar"], [42]]
        async for event in on(ee, "foo"):
            assert event == expected.pop(0)
            if not expected:
                break
        assert ee.listener_count("foo") == 0
        assert ee.listener_count("error") == 0

    run(main())


def test_basic_with_kept_iterator(EventEmitter):
    async def main():
        ee = EventEmitter()
        soon(ee.emit, "foo", "bar")
        iterable = on(ee, "foo")
        async with iterable:
            async for event in iterable:
                assert event == ["bar"]
                break
        assert ee.listener_count("foo") == 0
        assert ee.listener_count("error") == 0

    run(main())


def test_invalid_arg_type(EventEmitter):
    with pytest.raises(TypeError) as info:
        on({}, "foo")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value) == (
        'The "emitter" argument must be an instance of EventEmitter. Received an instance of dict'
    )
    ee = EventEmitter()
    for signal in INVALID_SIGNALS:
        with pytest.raises(TypeError) as info:
            on(ee, "foo", signal=signal)
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert ee.event_names() == []


def test_error(EventEmitter):
    async def main():
        ee = EventEmitter()
        err = Exception("kaboom")
        soon(ee.emit, "error", err)
        looped = False
        with pytest.raises(Exception) as info:
            async for _ in on(ee, "foo"):
                looped = True
        assert info.value is err
        assert looped is False

    run(main())


def test_error_delayed(EventEmitter):
    async def main():
        ee = EventEmitter()
        err = Exception("kaboom")

        def later():
            ee.emit("foo", 42)
            ee.emit("error", err)

        soon(later)
        expected = [[42]]
        with pytest.raises(Exception) as info:
            async for event in on(ee, "foo"):
                assert event == expected.pop(0)
        assert info.value is err
        assert expected == []
        assert ee.listener_count("foo") == 0
        assert ee.listener_count("error") == 0

    run(main())


def test_throw_in_loop(EventEmitter):
    async def main():
        ee = EventEmitter()
        err = Exception("kaboom")
        soon(ee.emit, "foo", 42)
        with pytest.raises(Exception) as info:
            async for event in on(ee, "foo"):
                assert event == [42]
                raise err
        assert info.value is err
        assert ee.listener_count("foo") == 0
        assert ee.listener_count("error") == 0

    run(main())


def test_next(EventEmitter):
    async def main():
        ee = EventEmitter()
        iterable = on(ee, "foo")

        def later():
            ee.emit("foo", "bar")
            ee.emit("foo", 42)
            iterable.aclose()

        soon(later)
        results = await settle(iterable.__anext__(), iterable.__anext__(), iterable.__anext__())
        assert results[:2] == [["bar"], [42]]
        assert isinstance(results[2], StopAsyncIteration)
        with pytest.raises(StopAsyncIteration):
            await iterable.__anext__()

    run(main())


def test_next_error(EventEmitter):
    async def main():
        ee = EventEmitter()
        iterable = on(ee, "foo")
        err = Exception("kaboom")
        soon(ee.emit, "error", err)
        results = await settle(iterable.__anext__(), iterable.__anext__(), iterable.__anext__())
        assert results[0] is err
        assert isinstance(results[1], StopAsyncIteration)
        assert isinstance(results[2], StopAsyncIteration)
        assert ee.listeners("error") == []

    run(main())


def test_iterable_throw(EventEmitter):
    async def main():
        ee = EventEmitter()
        iterable = on(ee, "foo")
        err = Exception("kaboom")

        def later():
            ee.emit("foo", "bar")
            ee.emit("foo", 42)
            iterable.athrow(err)

        soon(later)
        with pytest.raises(TypeError) as info:
            iterable.athrow()
        assert str(info.value) == (
            'The "EventEmitter.AsyncIterator" property must be an instance of Error. '
            "Received None"
        )
        expected = [["bar"], [42]]
        with pytest.raises(Exception) as info:
            async for event in iterable:
                assert event == expected.pop(0)
        assert info.value is err
        assert expected == []
        assert ee.listener_count("foo") == 0
        assert ee.listener_count("error") == 0

    run(main())


def test_error_listener_count(EventEmitter):
    ee = EventEmitter()
    iterable = on(ee, "foo")
    assert ee.listener_count("error") == 1
    assert ee.listener_count("foo") == 1
    del iterable
    assert ee.listener_count("error") == 0


def test_on_error_event_adds_one_listener(EventEmitter):
    async def main():
        ee = EventEmitter()
        iterable = on(ee, "error")
        assert ee.listener_count("error") == 1
        err = Exception("x")
        soon(ee.emit, "error", err)
        assert await iterable.__anext__() == [err]
        await iterable.aclose()
        assert ee.listener_count("error") == 0

    run(main())


def test_abortable_on_before(EventEmitter):
    ee = EventEmitter()
    for signal in INVALID_SIGNALS:
        with pytest.raises(TypeError) as info:
            on(ee, "foo", signal=signal)
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(AbortError) as info:
        on(ee, "foo", signal=AbortSignal.abort())
    assert info.value.name == "AbortError"
    assert ee.event_names() == []


def test_abortable_on_after(EventEmitter):
    async def main():
        ee = EventEmitter()
        ac = AbortController()
        ticker = every(0.01, lambda: ee.emit("foo", "foo"))
        soon(ac.abort)
        try:
            with pytest.raises(AbortError) as info:
                async for f in on(ee, "foo", signal=ac.signal):
                    assert f == ["foo"]
            assert info.value.name == "AbortError"
        finally:
            ticker.cancel()
        assert ee.listener_count("foo") == 0

    run(main())


def test_abort_inside_the_loop(EventEmitter):
    async def main():
        ee = EventEmitter()
        ac = AbortController()
        ticker = every(0.01, lambda: ee.emit("foo"))
        try:
            with pytest.raises(AbortError):
                async for f in on(ee, "foo", signal=ac.signal):
                    assert f == []
                    ac.abort()
        finally:
            ticker.cancel()

    run(main())


def test_abortable_on_after_done(EventEmitter):
    async def main():
        ee = EventEmitter()
        ac = AbortController()
        ticker = every(0.001, lambda: ee.emit("foo", "foo"))
        count = 0
        try:
            async for f in on(ee, "foo", signal=ac.signal):
                assert f[0] == "foo"
                count += 1
                if count == 5:
                    break
            ac.abort()
        finally:
            ticker.cancel()
        assert count == 5
        assert ee.listener_count("foo") == 0

    run(main())


def test_abort_listener_removed_after_complete(EventEmitter):
    async def main():
        ee = EventEmitter()
        ac = AbortController()
        ended = on(ee, "foo", signal=ac.signal)
        assert ac.signal.listener_count("abort") > 0
        await ended.aclose()
        assert ac.signal.listener_count("abort") == 0

        thrown = on(ee, "foo", signal=ac.signal)
        assert ac.signal.listener_count("abort") > 0
        await thrown.athrow(Exception())
        assert ac.signal.listener_count("abort") == 0

        aborted = on(ee, "foo", signal=ac.signal)
        assert ac.signal.listener_count("abort") > 0
        ac.abort(Exception())
        assert ac.signal.listener_count("abort") == 0
        with pytest.raises(AbortError):
            await aborted.__anext__()
        assert ee.event_names() == []

    run(main())


def test_close_option(EventEmitter):
    async def main():
        ee = EventEmitter()

        def later():
            ee.emit("foo", "bar")
            ee.emit("foo", 42)
            ee.emit("close")
            ee.emit("foo", "late")

        soon(later)
        iterable = on(ee, "foo", close=["close"])
        assert ee.listener_count("close") == 1
        events = [event async for event in iterable]
        assert events == [["bar"], [42]]
        assert ee.listener_count("foo") == 0
        assert ee.listener_count("close") == 0
        assert ee.listener_count("error") == 0

    run(main())


def test_close_keeps_queued_events(EventEmitter):
    async def main():
        ee = EventEmitter()
        iterable = on(ee, "foo", close=("end", "close"))
        ee.emit("foo", 1)
        ee.emit("end")
        assert ee.listener_count("close") == 0
        assert [event async for event in iterable] == [[1]]

    run(main())


def test_close_ends_pending_next(EventEmitter):
    async def main():
        ee = EventEmitter()
        iterable = on(ee, "foo", close=["close"])
        soon(ee.emit, "close")
        with pytest.raises(StopAsyncIteration):
            await iterable.__anext__()

    run(main())


def test_options_dict(EventEmitter):
    async def main():
        ee = EventEmitter()
        ac = AbortController()
        iterable = on(ee, "foo", {"signal": ac.signal, "close": ["end"]})
        assert ac.signal.listener_count("abort") == 1
        assert ee.listener_count("end") == 1
        soon(ee.emit, "end")
        assert [event async for event in iterable] == []
        assert ac.signal.listener_count("abort") == 0

    run(main())
    with pytest.raises(TypeError) as info:
        on(EventEmitter(), "foo", 1)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


@pytest.mark.parametrize("option", ["highWaterMark", "lowWaterMark"])
def test_watermark_validation(EventEmitter, option):
    ee = EventEmitter()
    with pytest.raises(ValueError) as info:
        on(ee, "foo", {option: 0})
    assert info.value.code == "ERR_OUT_OF_RANGE"
    assert str(info.value) == (
        f'The value of "options.{option}" is out of range. '
        "It must be >= 1 && <= 9007199254740991. Received 0"
    )
    with pytest.raises(ValueError) as info:
        on(ee, "foo", {option: 1.5})
    assert str(info.value) == (
        f'The value of "options.{option}" is out of range. It must be an integer. Received 1.5'
    )
    with pytest.raises(TypeError) as info:
        on(ee, "foo", {option: "x"})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert ee.event_names() == []


def test_watermarks_pause_and_resume(EventEmitter):
    class Pausable(EventEmitter):
        def __init__(self):
            super().__init__()
            self.calls = []

        def pause(self):
            self.calls.append("pause")

        def resume(self):
            self.calls.append("resume")

    async def main():
        ee = Pausable()
        iterable = on(ee, "foo", high_water_mark=2, low_water_mark=1)
        ee.emit("foo", 1)
        ee.emit("foo", 2)
        assert ee.calls == []
        ee.emit("foo", 3)
        ee.emit("foo", 4)
        assert ee.calls == ["pause"]
        got = [await iterable.__anext__() for _ in range(3)]
        assert got == [[1], [2], [3]]
        assert ee.calls == ["pause"]
        assert await iterable.__anext__() == [4]
        assert ee.calls == ["pause", "resume"]
        await iterable.aclose()

    run(main())
