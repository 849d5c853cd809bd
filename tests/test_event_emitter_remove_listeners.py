"""Port of test/parallel/test-event-emitter-remove-listeners.js.

Skipped: setting the private ``_events`` to ``undefined``; checks on ``_events.foo`` go
through ``listeners()``; ``this`` in a listener is the emitter itself.
"""


def listener1():
    pass


def listener2():
    pass


def test_remove_emits_remove_listener(EventEmitter):
    ee = EventEmitter()
    ee.on("hello", listener1)
    seen = []
    ee.on("removeListener", lambda name, cb: seen.append((name, cb)))
    ee.remove_listener("hello", listener1)
    assert seen == [("hello", listener1)]
    assert ee.listeners("hello") == []


def test_removing_unknown_listener_does_nothing(EventEmitter):
    ee = EventEmitter()
    ee.on("hello", listener1)
    seen = []
    ee.on("removeListener", lambda *args: seen.append(args))
    ee.remove_listener("hello", listener2)
    assert seen == []
    assert ee.listeners("hello") == [listener1]


def test_remove_listener_runs_after_removal(EventEmitter):
    ee = EventEmitter()
    ee.on("hello", listener1)
    ee.on("hello", listener2)
    seen = []
    ee.once("removeListener",
            lambda name, cb: seen.append((name, cb, ee.listeners("hello"))))
    ee.remove_listener("hello", listener1)
    assert ee.listeners("hello") == [listener2]
    ee.once("removeListener",
            lambda name, cb: seen.append((name, cb, ee.listeners("hello"))))
    ee.remove_listener("hello", listener2)
    assert ee.listeners("hello") == []
    assert seen == [("hello", listener1, [listener2]), ("hello", listener2, [])]


def test_remove_and_emit_from_remove_listener(EventEmitter):
    ee = EventEmitter()

    def remove1():
        raise AssertionError("remove1 should not have been called")

    def remove2():
        raise AssertionError("remove2 should not have been called")

    calls = []

    def on_remove(name, cb):
        calls.append(cb)
        if cb is not remove1:
            return
        ee.remove_listener("quux", remove2)
        ee.emit("quux")

    ee.on("removeListener", on_remove)
    ee.on("quux", remove1)
    ee.on("quux", remove2)
    ee.remove_listener("quux", remove1)
    assert calls == [remove1, remove2]


def test_nested_remove_listener(EventEmitter):
    ee = EventEmitter()
    ee.on("hello", listener1)
    ee.on("hello", listener2)
    seen = []

    def first(name, cb):
        seen.append((name, cb, ee.listeners("hello")))

        def second(name, cb):
            seen.append((name, cb, ee.listeners("hello")))

        ee.once("removeListener", second)
        ee.remove_listener("hello", listener2)
        assert ee.listeners("hello") == []

    ee.once("removeListener", first)
    ee.remove_listener("hello", listener1)
    assert ee.listeners("hello") == []
    assert seen == [("hello", listener1, [listener2]), ("hello", listener2, [])]


def test_listener_removed_during_emit_still_called(EventEmitter):
    ee = EventEmitter()
    calls = []

    def listener3():
        calls.append(3)
        ee.remove_listener("hello", listener4)

    def listener4():
        calls.append(4)

    ee.on("hello", listener3)
    ee.on("hello", listener4)
    ee.emit("hello")
    ee.emit("hello")
    assert calls == [3, 4, 3]


def test_once_removal_reports_original(EventEmitter):
    ee = EventEmitter()
    ee.once("hello", listener1)
    seen = []
    ee.on("removeListener", lambda name, cb: seen.append((name, cb)))
    ee.emit("hello")
    assert seen == [("hello", listener1)]


def test_returns_emitter(EventEmitter):
    ee = EventEmitter()
    assert ee.remove_listener("foo", lambda: None) is ee
    assert ee.off("foo", listener1) is ee


def test_removes_most_recent_match(EventEmitter):
    ee = EventEmitter()
    ee.on("foo", listener1)
    ee.on("foo", listener2)
    assert ee.listeners("foo") == [listener1, listener2]
    ee.remove_listener("foo", listener1)
    assert ee.listeners("foo") == [listener2]
    ee.on("foo", listener1)
    assert ee.listeners("foo") == [listener2, listener1]
    ee.remove_listener("foo", listener1)
    assert ee.listeners("foo") == [listener2]

    ee.on("foo", listener1)
    ee.on("foo", listener2)
    ee.remove_listener("foo", listener2)
    assert ee.listeners("foo") == [listener2, listener1]


def test_bound_methods_match_by_equality(EventEmitter):
    class Handler:
        def __init__(self):
            self.calls = 0

        def handle(self):
            self.calls += 1

    h = Handler()
    ee = EventEmitter()
    ee.on("x", h.handle)
    ee.off("x", h.handle)
    assert ee.emit("x") is False
    ee.once("x", h.handle)
    ee.off("x", h.handle)
    assert ee.listener_count("x") == 0
