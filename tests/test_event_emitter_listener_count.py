"""Port of test/parallel/test-event-emitter-listener-count.js."""

from nodenet import events


def test_listener_count(EventEmitter):
    emitter = EventEmitter()
    emitter.on("foo", lambda: None)
    emitter.on("foo", lambda: None)
    emitter.on("baz", lambda: None)
    emitter.on(123, lambda: None)

    assert events.listener_count(emitter, "foo") == 2
    assert emitter.listener_count("foo") == 2
    assert emitter.listenerCount("foo") == 2
    assert emitter.listener_count("bar") == 0
    assert emitter.listener_count("baz") == 1
    assert emitter.listener_count(123) == 1
