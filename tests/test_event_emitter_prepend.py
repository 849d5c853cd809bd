"""Port of test/parallel/test-event-emitter-prepend.js.

Skipped: the fallback for streams when ``prependListener`` is deleted from the prototype
(no ``stream`` module, no prototype editing).
"""


def test_prepend_order(EventEmitter):
    ee = EventEmitter()
    order = []
    ee.on("foo", lambda: order.append("on"))
    ee.prepend_listener("foo", lambda: order.append("prepend"))
    ee.prepend_once_listener("foo", lambda: order.append("prepend once"))
    ee.emit("foo")
    assert order == ["prepend once", "prepend", "on"]
    ee.emit("foo")
    assert order == ["prepend once", "prepend", "on", "prepend", "on"]


def test_prepend_emits_new_listener(EventEmitter):
    ee = EventEmitter()
    seen = []
    ee.on("newListener", lambda event, listener: seen.append((event, listener)))

    def a():
        pass

    ee.prepend_once_listener("foo", a)
    ee.prependListener("foo", a)
    assert seen == [("foo", a), ("foo", a)]
