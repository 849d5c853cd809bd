"""Port of test/parallel/test-event-emitter-set-max-listeners-side-effects.js (checked
through ``event_names()`` instead of the private ``_events``)."""


def test_set_max_listeners_adds_no_event(EventEmitter):
    e = EventEmitter()
    assert e.event_names() == []
    e.set_max_listeners(5)
    assert e.event_names() == []
    assert e.listeners("maxListeners") == []
