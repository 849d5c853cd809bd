"""Port of test/parallel/test-event-capture-rejections.js.

A listener's awaitable is Node's promise; an uncaptured failure reaches the loop's
exception handler (Node's 'unhandledRejection' / 'uncaughtException'), and
``capture_rejection_symbol`` is the name of the method receiving captured failures.
A "thenable" is an object with ``__await__``. Skipped: ``util.inherits`` (a subclass whose
``__init__`` skips ``super().__init__()`` stands in for it).
"""

import asyncio
import math

import pytest

from nodenet.events import capture_rejection_symbol

INVALID = [1, [], lambda: None, {}, math.inf, math.pi, "meow"]


def run_loop(body):
    """Run ``body(loop)`` in a fresh loop; return what reached the loop's exception handler."""
    uncaught = []

    async def main():
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(lambda _loop, context: uncaught.append(context["exception"]))
        await asyncio.wait_for(body(loop), 5)
        for _ in range(5):
            await asyncio.sleep(0)

    asyncio.run(main())
    return uncaught


def raising(err):
    async def listener(*_):
        raise err

    return listener


@pytest.mark.parametrize("arg", INVALID)
def test_capture_rejections_validation(EventEmitter, arg):
    with pytest.raises(TypeError) as info:
        EventEmitter(capture_rejections=arg)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value).startswith(
        'The "options.captureRejections" property must be of type boolean. Received '
    )
    with pytest.raises(TypeError) as info:
        EventEmitter({"captureRejections": arg})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


def test_capture_rejections(EventEmitter):
    err = Exception("kaboom")
    errors = []

    async def body(loop):
        ee = EventEmitter(capture_rejections=True)
        ee.on("something", raising(err))
        done = loop.create_future()
        ee.on("error", lambda e: (errors.append(e), done.set_result(None)))
        ee.emit("something")
        await done

    assert run_loop(body) == []
    assert errors == [err]


def test_capture_rejections_two_handlers(EventEmitter):
    err = Exception("kaboom")
    errors = []

    async def body(loop):
        ee = EventEmitter({"captureRejections": True})
        ee.on("something", raising(err))
        ee.on("something", raising(err))
        done = loop.create_future()

        def on_error(e):
            errors.append(e)
            if len(errors) == 2:
                done.set_result(None)

        ee.on("error", on_error)
        ee.emit("something")
        await done

    assert run_loop(body) == []
    assert errors == [err, err]


def test_default_value(EventEmitter):
    err = Exception("kaboom")

    async def body(loop):
        ee = EventEmitter()
        ee.on("something", raising(err))
        ee.on("error", lambda e: pytest.fail("must not be captured"))
        ee.emit("something")

    assert run_loop(body) == [err]


def test_global_setting(EventEmitter, restore_emitter_defaults):
    assert EventEmitter.capture_rejections is False
    EventEmitter.capture_rejections = True
    err = Exception("kaboom")
    errors = []

    async def body(loop):
        ee = EventEmitter()
        ee.on("something", raising(err))
        done = loop.create_future()
        ee.on("error", lambda e: (errors.append(e), done.set_result(None)))
        ee.emit("something")
        await done

    assert run_loop(body) == []
    assert errors == [err]
    EventEmitter.captureRejections = False
    assert EventEmitter.capture_rejections is False


def test_configurable(EventEmitter):
    err = Exception("kaboom")
    captured = []
    assert isinstance(capture_rejection_symbol, str)

    async def body(loop):
        ee = EventEmitter(capture_rejections=True)
        seen_args = []

        async def listener(*args):
            seen_args.append(args)
            raise err

        ee.on("something", listener)
        done = loop.create_future()

        def on_rejection(e, event, *args):
            captured.append((e, event, args))
            done.set_result(None)

        setattr(ee, capture_rejection_symbol, on_rejection)
        ee.emit("something", 42, "foobar")
        await done
        assert seen_args == [(42, "foobar")]

    assert run_loop(body) == []
    assert captured == [(err, "something", (42, "foobar"))]


def test_rejection_method_on_a_class(EventEmitter):
    err = Exception("kaboom")

    class Stream(EventEmitter):
        def __init__(self):
            super().__init__(capture_rejections=True)
            self.destroyed_with = []

    def destroy(self, error, event, *args):
        self.destroyed_with.append((error, event, args))

    setattr(Stream, capture_rejection_symbol, destroy)
    stream = Stream()

    async def body(loop):
        stream.on("data", raising(err))
        stream.emit("data", b"x")

    assert run_loop(body) == []
    assert stream.destroyed_with == [(err, "data", (b"x",))]


def test_global_setting_no_constructor(EventEmitter, restore_emitter_defaults):
    class NoConstructor(EventEmitter):
        def __init__(self):
            pass

    assert EventEmitter.capture_rejections is False
    EventEmitter.capture_rejections = True
    err = Exception("kaboom")
    errors = []

    async def body(loop):
        ee = NoConstructor()
        ee.on("something", raising(err))
        done = loop.create_future()
        ee.on("error", lambda e: (errors.append(e), done.set_result(None)))
        ee.emit("something")
        await done

    assert run_loop(body) == []
    assert errors == [err]


def test_thenable(EventEmitter):
    err = Exception("kaboom")
    errors = []
    awaited = []

    class Thenable:
        def __await__(self):
            awaited.append(1)
            yield from asyncio.sleep(0).__await__()
            raise err

    async def body(loop):
        ee = EventEmitter(capture_rejections=True)
        ee.on("something", lambda *_: Thenable())
        done = loop.create_future()
        ee.on("error", lambda e: (errors.append(e), done.set_result(None)))
        ee.emit("something")
        await done

    assert run_loop(body) == []
    assert errors == [err]
    assert awaited == [1]


def test_avoid_loop_on_rejection(EventEmitter):
    err1 = Exception("kaboom")
    err2 = Exception("kaboom2")
    captured = []

    async def body(loop):
        ee = EventEmitter(capture_rejections=True)
        ee.on("something", raising(err1))

        async def on_rejection(e, *_):
            captured.append(e)
            raise err2

        setattr(ee, capture_rejection_symbol, on_rejection)
        ee.emit("something")

    assert run_loop(body) == [err2]
    assert captured == [err1]


def test_avoid_loop_on_error(EventEmitter):
    err1 = Exception("kaboom")
    err2 = Exception("kaboom2")
    errors = []

    async def body(loop):
        ee = EventEmitter(capture_rejections=True)
        ee.on("something", raising(err1))

        async def on_error(e):
            errors.append(e)
            raise err2

        ee.on("error", on_error)
        ee.emit("something")

    assert run_loop(body) == [err2]
    assert errors == [err1]


def test_thenable_that_throws(EventEmitter):
    err = Exception("kaboom")
    errors = []

    class Thenable:
        def __await__(self):
            raise err

    async def body(loop):
        ee = EventEmitter(capture_rejections=True)
        ee.on("something", lambda *_: Thenable())
        done = loop.create_future()
        ee.on("error", lambda e: (errors.append(e), done.set_result(None)))
        ee.emit("something")
        await done

    assert run_loop(body) == []
    assert errors == [err]


def test_reset_capture_on_throw_in_error(EventEmitter):
    err2 = Exception("kaboom2")
    errors = []

    async def body(loop):
        ee = EventEmitter(capture_rejections=True)
        ee.on("something", raising(Exception("kaboom")))

        def rethrow(e):
            raise e

        ee.once("error", rethrow)
        ee.emit("something")
        for _ in range(5):
            await asyncio.sleep(0)
        ee.on("something2", raising(err2))
        done = loop.create_future()
        ee.on("error", lambda e: (errors.append(e), done.set_result(None)))
        ee.emit("something2")
        await done

    uncaught = run_loop(body)
    assert [str(e) for e in uncaught] == ["kaboom"]
    assert errors == [err2]


@pytest.mark.parametrize(
    "obj, received",
    [([], "an instance of list"), ({"hello": 42}, "an instance of dict"),
     (42, "type int (42)")],
)
def test_arg_validation(EventEmitter, restore_emitter_defaults, obj, received):
    with pytest.raises(TypeError) as info:
        EventEmitter(capture_rejections=obj)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value) == (
        'The "options.captureRejections" property must be of type boolean. '
        f"Received {received}"
    )
    with pytest.raises(TypeError) as info:
        EventEmitter.capture_rejections = obj
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert str(info.value) == (
        'The "EventEmitter.captureRejections" property must be of type boolean. '
        f"Received {received}"
    )
    assert EventEmitter.capture_rejections is False
