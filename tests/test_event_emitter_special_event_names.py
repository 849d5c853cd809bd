"""Port of test/parallel/test-event-emitter-special-event-names.js, with Python's special
names added. Skipped: the same check on ``process`` (no process object)."""

NAMES = ["__proto__", "__defineGetter__", "toString", "__class__", "__dict__", "__init__",
         "keys", "get", "_events"]


def test_special_names_are_plain_events(EventEmitter):
    ee = EventEmitter()

    def handler(*_):
        pass

    assert ee.event_names() == []
    for name in NAMES:
        ee.on(name, handler)
    assert ee.event_names() == NAMES
    for name in NAMES:
        assert ee.listeners(name) == [handler]

    seen = []
    ee.on("__proto__", seen.append)
    assert ee.emit("__proto__", 1) is True
    assert seen == [1]
    assert type(ee).__name__ == "EventEmitter"
