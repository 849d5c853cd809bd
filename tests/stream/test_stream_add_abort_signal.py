"""add_abort_signal() and the ``signal`` option (after Node's
test-stream-add-abort-signal.js and the signal cases of test-stream-duplex-destroy.js,
test-stream-writable-destroy.js), checked against node v20."""

from __future__ import annotations

import pytest
from stream_helpers import settle

from nodenet.events import AbortController
from nodenet.stream import Duplex, Writable, add_abort_signal


async def test_signal_option_destroys_a_writable(loop, calls):
    controller = AbortController()
    w = Writable(write=lambda c, e, cb: cb(), signal=controller.signal)
    errors = []
    w.on("error", calls.must_call(errors.append))
    w.on("close", calls.must_call())
    controller.abort()
    await settle()
    assert w.destroyed
    assert errors[0].code == "ABORT_ERR" and errors[0].name == "AbortError"


async def test_signal_option_destroys_a_duplex(loop, calls):
    controller = AbortController()
    d = Duplex(read=lambda size: None, write=lambda c, e, cb: cb(), signal=controller.signal)
    d.on("error", calls.must_call(lambda err: None))
    d.on("close", calls.must_call())
    controller.abort()
    await settle()
    assert d.destroyed


async def test_an_aborted_signal_destroys_at_once(loop, calls):
    controller = AbortController()
    controller.abort()
    w = Writable(write=lambda c, e, cb: cb())
    w.on("error", calls.must_call(lambda err: None))
    assert add_abort_signal(controller.signal, w) is w
    assert w.destroyed


async def test_bad_arguments(loop):
    with pytest.raises(TypeError) as info:
        add_abort_signal("not a signal", Writable())
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(TypeError) as info:
        add_abort_signal(AbortController().signal, object())
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    with pytest.raises(TypeError) as info:
        Writable(signal="not a signal")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


async def test_signal_option_destroys_a_readable(loop, calls):
    from nodenet.stream import Readable

    controller = AbortController()
    r = Readable(read=lambda size: None, signal=controller.signal)
    errors = []
    r.on("error", calls.must_call(errors.append))
    r.on("close", calls.must_call())
    controller.abort()
    await settle()
    assert r.destroyed and errors[0].code == "ABORT_ERR"
