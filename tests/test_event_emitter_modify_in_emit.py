"""Port of test/parallel/test-event-emitter-modify-in-emit.js."""


def test_modify_in_emit(EventEmitter):
    called = []
    e = EventEmitter()

    def callback1():
        called.append("callback1")
        e.on("foo", callback2)
        e.on("foo", callback3)
        e.remove_listener("foo", callback1)

    def callback2():
        called.append("callback2")
        e.remove_listener("foo", callback2)

    def callback3():
        called.append("callback3")
        e.remove_listener("foo", callback3)

    e.on("foo", callback1)
    assert len(e.listeners("foo")) == 1

    e.emit("foo")
    assert len(e.listeners("foo")) == 2
    assert called == ["callback1"]

    e.emit("foo")
    assert len(e.listeners("foo")) == 0
    assert called == ["callback1", "callback2", "callback3"]

    e.emit("foo")
    assert len(e.listeners("foo")) == 0
    assert called == ["callback1", "callback2", "callback3"]

    e.on("foo", callback1)
    e.on("foo", callback2)
    assert len(e.listeners("foo")) == 2
    e.remove_all_listeners("foo")
    assert len(e.listeners("foo")) == 0

    called.clear()
    e.on("foo", callback2)
    e.on("foo", callback3)
    assert len(e.listeners("foo")) == 2
    e.emit("foo")
    assert called == ["callback2", "callback3"]
    assert len(e.listeners("foo")) == 0
