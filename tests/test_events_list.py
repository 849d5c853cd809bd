"""Port of test/parallel/test-events-list.js (a Symbol is ``object()``)."""


def test_event_names(EventEmitter):
    ee = EventEmitter()

    def m():
        pass

    ee.on("foo", lambda: None)
    assert ee.event_names() == ["foo"]
    ee.on("bar", m)
    assert ee.event_names() == ["foo", "bar"]
    ee.remove_listener("bar", m)
    assert ee.event_names() == ["foo"]
    s = object()
    ee.on(s, m)
    assert ee.eventNames() == ["foo", s]
    ee.remove_listener(s, m)
    assert ee.event_names() == ["foo"]
