"""Port of test/parallel/test-event-emitter-max-listeners-warning-for-symbol.js.

A Symbol is any hashable object; the text shows its ``str()``.
"""

import warnings

from nodenet.events import MaxListenersExceededWarning


class Symbol:
    def __init__(self, description):
        self.description = description

    def __str__(self):
        return f"Symbol({self.description})"


def test_warning_for_symbol(EventEmitter):
    symbol = Symbol("symbol")
    e = EventEmitter()
    e.set_max_listeners(1)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        e.on(symbol, lambda: None)
        e.on(symbol, lambda: None)
    assert len(record) == 1
    warning = record[0].message
    assert isinstance(warning, MaxListenersExceededWarning)
    assert warning.emitter is e
    assert warning.count == 2
    assert warning.type is symbol
    assert "2 Symbol(symbol) listeners added to [EventEmitter]." in str(warning)


def test_warning_for_number(EventEmitter):
    e = EventEmitter()
    e.set_max_listeners(1)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        e.on(42, lambda: None)
        e.on(42, lambda: None)
    assert "2 42 listeners added to [EventEmitter]." in str(record[0].message)
