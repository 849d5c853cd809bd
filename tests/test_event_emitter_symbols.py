"""Port of test/parallel/test-event-emitter-symbols.js (a Symbol is any unique hashable
object, here ``object()``)."""


def test_symbol_events(EventEmitter):
    ee = EventEmitter()
    foo = object()
    calls = []

    def listener():
        calls.append(1)

    ee.on(foo, listener)
    assert ee.listeners(foo) == [listener]
    ee.emit(foo)
    assert calls == [1]

    ee.remove_all_listeners()
    assert ee.listeners(foo) == []

    ee.on(foo, listener)
    assert ee.listeners(foo) == [listener]
    ee.remove_listener(foo, listener)
    assert ee.listeners(foo) == []
    assert ee.emit(foo) is False
    assert calls == [1]
