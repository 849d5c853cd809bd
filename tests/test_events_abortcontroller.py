"""Port of test/parallel/test-abortcontroller.js: the AbortController/AbortSignal that
``events.once()``/``on()`` take.

A listener that raises is reported to the loop (Node: 'uncaughtException').
Skipped: ``onabort``, ``isTrusted``, ``Event`` objects (an 'abort' listener gets the signal),
``ERR_ILLEGAL_CONSTRUCTOR``, receiver validation and ``inspect`` output (no ``this``, no
``util.inspect``), ``AbortSignal.timeout()`` and weak listeners (not in nodenet).
"""

import asyncio

import pytest

from nodenet.errors import AbortError, NodeError
from nodenet.events import AbortController, AbortSignal


def test_abort_fires_once():
    ac = AbortController()
    assert ac.signal.aborted is False
    seen = []
    ac.signal.on("abort", lambda signal: seen.append(("on", signal)))
    ac.signal.add_event_listener("abort", lambda signal: seen.append(("once", signal)),
                                 once=True)
    ac.abort()
    ac.abort()
    assert ac.signal.aborted is True
    assert seen == [("on", ac.signal), ("once", ac.signal)]
    assert ac.signal.listener_count("abort") == 0


def test_remove_event_listener():
    ac = AbortController()
    seen = []

    def listener(signal):
        seen.append(signal)

    ac.signal.addEventListener("abort", listener)
    ac.signal.removeEventListener("abort", listener)
    ac.abort()
    assert seen == []


def test_static_abort():
    signal = AbortSignal.abort()
    assert signal.aborted is True


def test_reason():
    ac = AbortController()
    ac.abort("reason")
    assert ac.signal.reason == "reason"
    assert AbortSignal.abort("reason").reason == "reason"


def test_default_reason():
    for signal in (AbortSignal.abort(), _aborted_controller().signal):
        assert isinstance(signal.reason, AbortError)
        assert isinstance(signal.reason, NodeError)
        assert signal.reason.name == "AbortError"
        assert signal.reason.code == "ABORT_ERR"
        assert str(signal.reason) == "This operation was aborted"


def _aborted_controller():
    ac = AbortController()
    ac.abort()
    return ac


def test_throw_if_aborted():
    with pytest.raises(AbortError) as info:
        AbortSignal.abort().throw_if_aborted()
    assert info.value.name == "AbortError"
    AbortController().signal.throwIfAborted()

    reason = Exception()
    with pytest.raises(Exception) as info:
        AbortSignal.abort(reason).throw_if_aborted()
    assert info.value is reason

    with pytest.raises(AbortError) as info:
        AbortSignal.abort("why").throw_if_aborted()
    assert info.value.cause == "why"


def test_listener_exception_is_reported_and_the_rest_run():
    reported = []
    seen = []

    async def main():
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(lambda _loop, context: reported.append(context["exception"]))
        ac = AbortController()
        err = Exception("boom")

        def bad(signal):
            raise err

        ac.signal.add_event_listener("abort", bad)
        ac.signal.add_event_listener("abort", seen.append)
        ac.abort()
        assert ac.signal.aborted is True
        assert ac.signal.listener_count("abort") == 0
        return ac.signal, err

    signal, err = asyncio.run(main())
    assert seen == [signal]
    assert reported == [err]
