"""Port of test/parallel/test-event-emitter-listeners-side-effects.js.

Skipped: the checks on the private ``_events`` object; the port checks through the API.
"""


def test_listeners_returns_fresh_lists(EventEmitter):
    def fail():
        raise AssertionError

    def ok():
        pass

    e = EventEmitter()
    fl = e.listeners("foo")
    assert isinstance(fl, list)
    assert fl == []
    assert e.event_names() == []

    e.on("foo", fail)
    fl = e.listeners("foo")
    assert fl == [fail]

    assert e.listeners("bar") == []
    assert e.event_names() == ["foo"]

    e.on("foo", ok)
    assert fl == [fail]
    fl = e.listeners("foo")
    assert fl == [fail, ok]
    assert fl[0] is fail
    assert fl[1] is ok
