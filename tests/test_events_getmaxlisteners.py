"""Port of test/parallel/test-events-getmaxlisteners.js (an ``AbortSignal`` stands in for
the EventTarget)."""

import pytest

from nodenet import events
from nodenet.events import AbortController, get_max_listeners, set_max_listeners


def test_on_event_emitter(EventEmitter):
    ee = EventEmitter()
    assert get_max_listeners(ee) == events.default_max_listeners
    set_max_listeners(101, ee)
    assert get_max_listeners(ee) == 101
    assert events.getMaxListeners(ee) == 101


def test_on_event_target():
    et = AbortController().signal
    assert get_max_listeners(et) == events.default_max_listeners
    set_max_listeners(101, et)
    assert get_max_listeners(et) == 101


def test_invalid_emitter():
    with pytest.raises(TypeError) as info:
        get_max_listeners("x")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
