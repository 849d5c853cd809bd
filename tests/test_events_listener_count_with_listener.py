"""Port of test/parallel/test-events-listener-count-with-listener.js."""


def test_listener_count_with_listener(EventEmitter):
    ee = EventEmitter()
    calls = []

    def handler():
        calls.append("handler")

    def another_handler():
        calls.append("another")

    def counts(event="event"):
        return (ee.listener_count(event), ee.listener_count(event, handler),
                ee.listener_count(event, another_handler))

    assert counts() == (0, 0, 0)
    ee.once("event", handler)
    assert counts() == (1, 1, 0)
    ee.remove_all_listeners("event")
    assert counts() == (0, 0, 0)
    ee.on("event", handler)
    assert counts() == (1, 1, 0)
    ee.once("event", another_handler)
    assert counts() == (2, 1, 1)
    assert counts("another-event") == (0, 0, 0)
    ee.once("event", handler)
    assert counts() == (3, 2, 1)
    ee.emit("event")
    assert counts() == (1, 1, 0)
    ee.emit("event")
    assert counts() == (1, 1, 0)
    ee.off("event", handler)
    assert counts() == (0, 0, 0)
    assert calls == ["handler", "another", "handler", "handler"]
