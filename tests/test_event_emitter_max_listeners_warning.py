"""Port of test/parallel/test-event-emitter-max-listeners-warning.js.

``process.on('warning')`` becomes ``warnings.catch_warnings``.
"""

import _thread
import sys
import time
import warnings

from nodenet.events import MaxListenersExceededWarning


def test_warning_fields_and_text(EventEmitter):
    class FakeInput(EventEmitter):
        def resume(self):
            pass

        def pause(self):
            pass

    e = FakeInput()
    e.set_max_listeners(1)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        e.on("event-type", lambda: None)
        e.on("event-type", lambda: None)
        e.on("event-type", lambda: None)
    assert len(record) == 1
    assert record[0].category is MaxListenersExceededWarning
    assert record[0].filename == __file__
    warning = record[0].message
    assert isinstance(warning, MaxListenersExceededWarning)
    assert isinstance(warning, RuntimeWarning)
    assert type(warning).__name__ == "MaxListenersExceededWarning"
    assert warning.emitter is e
    assert warning.count == 2
    assert warning.type == "event-type"
    assert str(warning) == (
        "Possible EventEmitter memory leak detected. 2 event-type listeners added to "
        "[FakeInput]. MaxListeners is 1. Use emitter.setMaxListeners() to increase limit"
    )


def test_plain_emitter_is_named_event_emitter(EventEmitter):
    e = EventEmitter()
    e.set_max_listeners(2)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        for _ in range(3):
            e.once("x", lambda: None)
    assert len(record) == 1
    assert "3 x listeners added to [EventEmitter]. MaxListeners is 2." in str(record[0].message)


def test_warns_again_after_falling_back_to_one(EventEmitter):
    e = EventEmitter()
    e.set_max_listeners(1)

    def a():
        pass

    def b():
        pass

    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        e.on("x", a)
        e.on("x", b)
        e.remove_listener("x", b)
        e.on("x", b)
    assert len(record) == 2




def test_warning_with_no_python_caller(EventEmitter):
    e = EventEmitter()
    e.set_max_listeners(1)
    e.on("x", print)
    unraisable = []
    previous_hook = sys.unraisablehook
    sys.unraisablehook = unraisable.append
    try:
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            _thread.start_new_thread(e.on, ("x", print))
            deadline = time.monotonic() + 5
            while not (record or unraisable) and time.monotonic() < deadline:
                time.sleep(0.01)
    finally:
        sys.unraisablehook = previous_hook
    assert [u.exc_value for u in unraisable] == []
    assert [w.category for w in record] == [MaxListenersExceededWarning]
