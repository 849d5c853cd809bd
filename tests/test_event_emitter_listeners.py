"""Port of test/parallel/test-event-emitter-listeners.js.

Skipped: setting the private ``_events`` to ``undefined``.
"""


def listener():
    pass


def listener2():
    pass


def listener3():
    return 0


def listener4():
    return 1


def test_copy_survives_remove_all(EventEmitter):
    ee = EventEmitter()
    ee.on("foo", listener)
    foo_listeners = ee.listeners("foo")
    assert ee.listeners("foo") == [listener]
    ee.remove_all_listeners("foo")
    assert ee.listeners("foo") == []
    assert foo_listeners == [listener]


def test_changing_the_copy_leaves_the_emitter(EventEmitter):
    ee = EventEmitter()
    ee.on("foo", listener)
    copy = ee.listeners("foo")
    assert copy == [listener]
    copy.append(listener2)
    assert ee.listeners("foo") == [listener]
    assert copy == [listener, listener2]


def test_adding_leaves_the_copy(EventEmitter):
    ee = EventEmitter()
    ee.on("foo", listener)
    copy = ee.listeners("foo")
    ee.on("foo", listener2)
    assert ee.listeners("foo") == [listener, listener2]
    assert copy == [listener]


def test_once_listeners_are_unwrapped(EventEmitter):
    ee = EventEmitter()
    ee.once("foo", listener)
    assert ee.listeners("foo") == [listener]
    ee = EventEmitter()
    ee.on("foo", listener)
    ee.once("foo", listener2)
    assert ee.listeners("foo") == [listener, listener2]


def test_subclass(EventEmitter):
    class TestStream(EventEmitter):
        pass

    assert TestStream().listeners("foo") == []


def test_raw_listeners(EventEmitter):
    ee = EventEmitter()
    ee.on("foo", listener)
    wrapped = ee.raw_listeners("foo")
    assert len(wrapped) == 1
    assert wrapped[0] is listener
    assert wrapped is not ee.raw_listeners("foo")
    ee.once("foo", listener)
    wrapped = ee.raw_listeners("foo")
    assert len(wrapped) == 2
    assert wrapped[0] is listener
    assert wrapped[1] is not listener
    assert wrapped[1].listener is listener
    assert wrapped is not ee.raw_listeners("foo")
    ee.emit("foo")
    assert len(wrapped) == 2
    assert wrapped[1].listener is listener
    assert ee.raw_listeners("foo") == [listener]


def test_calling_a_raw_once_wrapper_removes_it(EventEmitter):
    ee = EventEmitter()
    ee.once("foo", listener3)
    ee.on("foo", listener4)
    raw = ee.raw_listeners("foo")
    assert len(raw) == 2
    assert raw[0]() == 0
    raw = ee.raw_listeners("foo")
    assert len(raw) == 1
    assert raw[0]() == 1
