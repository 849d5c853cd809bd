"""Port of test/parallel/test-event-emitter-remove-all-listeners.js.

Skipped: setting the private ``_events`` to ``undefined``; ``this`` in the listener is the
emitter itself.
"""


def noop(*_):
    raise AssertionError("must not be called")


def test_remove_all_of_some_events(EventEmitter):
    ee = EventEmitter()
    ee.on("foo", noop)
    ee.on("bar", noop)
    ee.on("baz", noop)
    ee.on("baz", noop)
    foo_listeners = ee.listeners("foo")
    bar_listeners = ee.listeners("bar")
    baz_listeners = ee.listeners("baz")
    removed = []
    ee.on("removeListener", lambda name, listener: removed.append(name))
    ee.remove_all_listeners("bar")
    ee.remove_all_listeners("baz")
    assert removed == ["bar", "baz", "baz"]
    assert ee.listeners("foo") == [noop]
    assert ee.listeners("bar") == []
    assert ee.listeners("baz") == []
    assert foo_listeners == [noop]
    assert bar_listeners == [noop]
    assert baz_listeners == [noop, noop]
    assert ee.listeners("bar") is not bar_listeners


def test_remove_all_is_lifo_for_remove_listener(EventEmitter):
    ee = EventEmitter()
    ee.on("foo", noop)
    ee.on("bar", noop)
    first, second = [], []
    ee.on("removeListener", lambda name, listener: first.append(name))
    ee.on("removeListener", lambda name, listener: second.append(name))
    ee.remove_all_listeners()
    assert sorted(first) == sorted(["foo", "bar", "removeListener"])
    assert first[-1] == "removeListener"
    assert sorted(second) == ["bar", "foo"]
    assert ee.listeners("foo") == []
    assert ee.listeners("bar") == []
    assert ee.event_names() == []


def test_remove_all_of_an_event_without_listeners(EventEmitter):
    ee = EventEmitter()
    ee.on("removeListener", noop)
    assert ee.remove_all_listeners("foo") is ee
    assert ee.listeners("removeListener") == [noop]


def test_remove_listener_sees_shrinking_list(EventEmitter):
    ee = EventEmitter()
    lengths = []
    ee.on("removeListener", lambda name, listener: lengths.append(len(ee.listeners("baz"))))
    ee.on("baz", noop)
    ee.on("baz", noop)
    ee.on("baz", noop)
    assert len(ee.listeners("baz")) == 3
    ee.remove_all_listeners("baz")
    assert ee.listeners("baz") == []
    assert lengths == [2, 1, 0]


def test_returns_emitter(EventEmitter):
    ee = EventEmitter()
    assert ee.remove_all_listeners() is ee
    assert ee.removeAllListeners("x") is ee


def test_symbol_event_reported(EventEmitter):
    ee = EventEmitter()
    symbol = object()
    ee.on(symbol, noop)
    seen = []
    ee.on("removeListener", lambda *args: seen.append(args))
    ee.remove_all_listeners()
    assert seen[0] == (symbol, noop)


def test_once_listener_reported_unwrapped(EventEmitter):
    ee = EventEmitter()
    ee.once("foo", noop)
    seen = []
    ee.on("removeListener", lambda *args: seen.append(args))
    ee.remove_all_listeners("foo")
    assert seen == [("foo", noop)]
