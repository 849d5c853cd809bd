"""Port of test/parallel/test-events-once.js (``process.nextTick`` is ``loop.call_soon``).

Node's options object is a ``dict`` or keyword arguments. An ``AbortSignal`` stands in
for the EventTarget cases (nodenet has no ``EventTarget``/``Event``); the EventTarget
'error' case and ``stopImmediatePropagation`` cannot exist here. ``signal[kEvents].size``
is ``signal.listener_count('abort')``.
"""

import asyncio

import pytest

from async_helpers import run, soon
from nodenet.errors import AbortError
from nodenet.events import AbortController, AbortSignal, once

INVALID_SIGNALS = [1, {}, "hi", False, lambda: None]


def test_once_an_event(EventEmitter):
    async def main():
        ee = EventEmitter()
        soon(ee.emit, "myevent", 42)
        [value] = await once(ee, "myevent")
        assert value == 42
        assert ee.listener_count("error") == 0
        assert ee.listener_count("myevent") == 0

    run(main())


def test_listeners_attached_when_called(EventEmitter):
    async def main():
        ee = EventEmitter()
        future = once(ee, "myevent")
        assert ee.listener_count("myevent") == 1
        assert ee.listener_count("error") == 1
        ee.emit("myevent", 1)
        assert await future == [1]

    run(main())


def test_invalid_signal(EventEmitter):
    async def main():
        ee = EventEmitter()
        for signal in INVALID_SIGNALS:
            with pytest.raises(TypeError) as info:
                await once(ee, "myevent", signal=signal)
            assert info.value.code == "ERR_INVALID_ARG_TYPE"
        assert ee.event_names() == []

    run(main())


def test_once_an_event_with_two_args(EventEmitter):
    async def main():
        ee = EventEmitter()
        soon(ee.emit, "myevent", 42, 24)
        assert await once(ee, "myevent") == [42, 24]

    run(main())


def test_catches_errors(EventEmitter):
    async def main():
        ee = EventEmitter()
        expected = Exception("kaboom")
        soon(ee.emit, "error", expected)
        with pytest.raises(Exception) as info:
            await once(ee, "myevent")
        assert info.value is expected
        assert ee.listener_count("error") == 0
        assert ee.listener_count("myevent") == 0

    run(main())


def test_catches_errors_with_abort_signal(EventEmitter):
    async def main():
        ee = EventEmitter()
        ac = AbortController()
        expected = Exception("boom")
        soon(ee.emit, "error", expected)
        future = once(ee, "myevent", signal=ac.signal)
        assert ee.listener_count("error") == 1
        assert ac.signal.listener_count("abort") == 1
        with pytest.raises(Exception) as info:
            await future
        assert info.value is expected
        assert ee.listener_count("error") == 0
        assert ee.listener_count("myevent") == 0
        assert ac.signal.listener_count("abort") == 0

    run(main())


def test_stop_listening_after_catching_error(EventEmitter):
    async def main():
        ee = EventEmitter()
        expected = Exception("kaboom")

        def later():
            ee.emit("error", expected)
            ee.emit("myevent", 42, 24)

        soon(later)
        with pytest.raises(Exception) as info:
            await once(ee, "myevent")
        assert info.value is expected
        assert ee.listener_count("error") == 0
        assert ee.listener_count("myevent") == 0

    run(main())


def test_once_error(EventEmitter):
    async def main():
        ee = EventEmitter()
        expected = Exception("kaboom")
        soon(ee.emit, "error", expected)
        future = once(ee, "error")
        assert ee.listener_count("error") == 1
        [err] = await future
        assert err is expected
        assert ee.listener_count("error") == 0
        assert ee.listener_count("myevent") == 0

    run(main())


def test_error_value_that_is_not_an_exception(EventEmitter):
    async def main():
        ee = EventEmitter()
        soon(ee.emit, "error", 42)
        with pytest.raises(Exception) as info:
            await once(ee, "myevent")
        assert info.value.code == "ERR_UNHANDLED_ERROR"
        assert info.value.context == 42

    run(main())


def test_once_with_event_target():
    async def main():
        target = AbortController()
        soon(target.abort)
        [value] = await once(target.signal, "abort")
        assert value is target.signal

    run(main())


def test_once_with_invalid_event_emitter():
    async def main():
        with pytest.raises(TypeError) as info:
            await once(AbortController(), "myevent")
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
        assert str(info.value) == (
            'The "emitter" argument must be an instance of EventEmitter. '
            "Received an instance of AbortController"
        )

    run(main())


def test_prioritizes_event_emitter(EventEmitter):
    def fail(*_):
        raise AssertionError("must not be called")

    async def main():
        ee = EventEmitter()
        ee.add_event_listener = fail
        ee.remove_all_listeners = fail
        soon(ee.emit, "foo")
        assert await once(ee, "foo") == []

    run(main())


def test_abort_signal_before(EventEmitter):
    async def main():
        ee = EventEmitter()
        ee.on("error", lambda *_: pytest.fail("error must not be emitted"))
        for signal in INVALID_SIGNALS:
            with pytest.raises(TypeError) as info:
                await once(ee, "foo", signal=signal)
            assert info.value.code == "ERR_INVALID_ARG_TYPE"
        aborted = AbortSignal.abort()
        with pytest.raises(AbortError) as info:
            await once(ee, "foo", signal=aborted)
        assert info.value.name == "AbortError"
        assert info.value.code == "ABORT_ERR"
        assert info.value.cause is aborted.reason
        assert ee.listener_count("foo") == 0

    run(main())


def test_abort_signal_after(EventEmitter):
    async def main():
        ee = EventEmitter()
        ac = AbortController()
        ee.on("error", lambda *_: pytest.fail("error must not be emitted"))
        future = once(ee, "foo", signal=ac.signal)
        soon(ac.abort, "why")
        with pytest.raises(AbortError) as info:
            await future
        assert info.value.cause == "why"
        assert ee.listener_count("foo") == 0
        assert ee.listener_count("error") == 1

    run(main())


def test_abort_signal_after_event(EventEmitter):
    async def main():
        ee = EventEmitter()
        ac = AbortController()

        def later():
            ee.emit("foo")
            ac.abort()

        soon(later)
        future = once(ee, "foo", signal=ac.signal)
        assert ac.signal.listener_count("abort") == 1
        assert await future == []
        assert ac.signal.listener_count("abort") == 0

    run(main())


def test_abort_signal_remove_listener(EventEmitter):
    async def main():
        ee = EventEmitter()
        ac = AbortController()
        soon(ac.abort)
        with pytest.raises(AbortError):
            await once(ee, "test", signal=ac.signal)
        assert ee.listeners("test") == []
        assert ee.listeners("error") == []

    run(main())


def test_event_target_abort_signal_before():
    async def main():
        target = AbortController().signal
        for signal in INVALID_SIGNALS:
            with pytest.raises(TypeError):
                await once(target, "foo", signal=signal)
        with pytest.raises(AbortError):
            await once(target, "foo", signal=AbortSignal.abort())

    run(main())


def test_event_target_abort_signal_after():
    async def main():
        target = AbortController().signal
        ac = AbortController()
        future = once(target, "foo", signal=ac.signal)
        soon(ac.abort)
        with pytest.raises(AbortError):
            await future
        assert target.listener_count("foo") == 0

    run(main())


def test_cancelling_releases_listeners(EventEmitter):
    async def main():
        ee = EventEmitter()
        ac = AbortController()
        task = asyncio.ensure_future(once(ee, "foo", signal=ac.signal))
        await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.sleep(0)
        assert ee.listener_count("foo") == 0
        assert ee.listener_count("error") == 0
        assert ac.signal.listener_count("abort") == 0

    run(main())


def test_options_dict(EventEmitter):
    async def main():
        ee = EventEmitter()
        ac = AbortController()
        future = once(ee, "foo", {"signal": ac.signal})
        assert ac.signal.listener_count("abort") == 1
        ac.abort()
        with pytest.raises(AbortError):
            await future
        for options in [1, "hi", False, lambda: None]:
            with pytest.raises(TypeError) as info:
                await once(ee, "foo", options)
            assert info.value.code == "ERR_INVALID_ARG_TYPE"
        assert ee.event_names() == []

    run(main())
