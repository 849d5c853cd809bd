"""Port of test/parallel/test-event-emitter-subclass.js.

Node's prototype wiring becomes Python subclassing; the port checks that an emitter works
before (and without) ``EventEmitter.__init__`` running, and that instances share nothing.
"""

import pytest


def test_methods_work_before_init(EventEmitter):
    calls = []

    class MyEE(EventEmitter):
        def __init__(self, cb):
            self.once(1, cb)
            self.emit(1)
            self.remove_all_listeners()
            super().__init__()

    myee = MyEE(lambda: calls.append(1))
    assert calls == [1]
    assert myee.event_names() == []


def test_error_in_constructor(EventEmitter):
    class ErrorEE(EventEmitter):
        def __init__(self):
            self.emit("error", Exception("blerg"))

    with pytest.raises(Exception, match="blerg"):
        ErrorEE()


def test_instances_do_not_share_listeners(EventEmitter):
    class MyEE2(EventEmitter):
        def __init__(self):
            super().__init__()

    ee1 = MyEE2()
    ee2 = MyEE2()
    ee1.on("x", lambda: None)
    assert ee2.listener_count("x") == 0
    assert ee1.listener_count("x") == 1


def test_subclass_without_init_call(EventEmitter):
    class NoInit(EventEmitter):
        def __init__(self):
            pass

    ee = NoInit()
    seen = []
    ee.on("x", seen.append)
    ee.emit("x", 1)
    assert seen == [1]
    assert ee.get_max_listeners() == EventEmitter.default_max_listeners
