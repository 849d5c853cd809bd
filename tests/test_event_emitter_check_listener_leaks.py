"""Port of test/parallel/test-event-emitter-check-listener-leaks.js.

Node reads a private ``warned`` flag on ``_events[name]``; the port counts the
``MaxListenersExceededWarning`` warnings instead. Skipped: deleting that flag by hand.
"""

import math
import warnings

from nodenet.events import MaxListenersExceededWarning


def noop(*_):
    raise AssertionError("must not be called")


def _leak_warnings(record):
    return [w for w in record if issubclass(w.category, MaxListenersExceededWarning)]


def _add(ee, event, times=1):
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        for _ in range(times):
            ee.on(event, lambda *_: noop())
    return _leak_warnings(record)


def test_default_limit_is_ten(EventEmitter):
    e = EventEmitter()
    assert _add(e, "default", 10) == []
    assert len(_add(e, "default")) == 1


def test_symbol_event(EventEmitter):
    e = EventEmitter()
    symbol = object()
    e.set_max_listeners(1)
    assert _add(e, symbol) == []
    assert len(_add(e, symbol)) == 1


def test_specific_limit(EventEmitter):
    e = EventEmitter()
    e.set_max_listeners(5)
    assert _add(e, "specific", 5) == []
    assert len(_add(e, "specific")) == 1


def test_only_one(EventEmitter):
    e = EventEmitter()
    e.set_max_listeners(1)
    assert _add(e, "only one") == []
    assert len(_add(e, "only one")) == 1


def test_unlimited(EventEmitter):
    e = EventEmitter()
    e.set_max_listeners(0)
    assert _add(e, "unlimited", 1000) == []
    f = EventEmitter()
    f.set_max_listeners(math.inf)
    assert _add(f, "unlimited", 1000) == []


def test_warned_once_per_event(EventEmitter):
    e = EventEmitter()
    e.set_max_listeners(1)
    assert len(_add(e, "x", 5)) == 1


def test_process_wide_default(EventEmitter, restore_emitter_defaults):
    EventEmitter.default_max_listeners = 42
    e = EventEmitter()
    assert _add(e, "fortytwo", 42) == []
    assert len(_add(e, "fortytwo")) == 1

    EventEmitter.default_max_listeners = 44
    f = EventEmitter()
    assert _add(f, "fortyfour", 44) == []
    assert len(_add(f, "fortyfour")) == 1


def test_default_applies_to_existing_emitters(EventEmitter, restore_emitter_defaults):
    e = EventEmitter()
    EventEmitter.default_max_listeners = 2
    assert e.get_max_listeners() == 2
    assert _add(e, "two", 2) == []
    assert len(_add(e, "two")) == 1


def test_own_limit_has_precedence_over_default(EventEmitter, restore_emitter_defaults):
    EventEmitter.default_max_listeners = 42
    e = EventEmitter()
    e.set_max_listeners(1)
    assert _add(e, "uno") == []
    assert len(_add(e, "uno")) == 1
    assert e.set_max_listeners(1) is e
