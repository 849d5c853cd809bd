"""Port of test/parallel/test-event-emitter-max-listeners-warning-for-null.js (``null`` is
``None``; ``process.on('warning')`` becomes ``warnings.catch_warnings``)."""

import warnings

from nodenet.events import MaxListenersExceededWarning


def test_warning_for_none(EventEmitter):
    e = EventEmitter()
    e.set_max_listeners(1)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        e.on(None, lambda: None)
        e.on(None, lambda: None)
    assert len(record) == 1
    warning = record[0].message
    assert isinstance(warning, MaxListenersExceededWarning)
    assert warning.emitter is e
    assert warning.count == 2
    assert warning.type is None
    assert "2 None listeners added to [EventEmitter]." in str(warning)
