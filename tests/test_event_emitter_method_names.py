"""Port of test/parallel/test-event-emitter-method-names.js.

Node checks ``fn.name``; the port checks ``__name__`` of the snake_case methods and that
each camelCase alias is the very same method.
"""

from nodenet._node_names import EMITTER_ALIASES

ALIASES = {"add_listener": "on", "off": "remove_listener"}


def test_method_names(EventEmitter):
    assert EventEmitter.__name__ == "EventEmitter"
    ee = EventEmitter()
    assert ee.on == ee.add_listener
    assert ee.off == ee.remove_listener
    names = [n for n in dir(EventEmitter) if not n.startswith("_") and n.islower()]
    methods = [n for n in names if callable(getattr(EventEmitter, n))]
    assert "emit" in methods and "prepend_once_listener" in methods
    for name in methods:
        assert getattr(EventEmitter, name).__name__ == ALIASES.get(name, name)


def test_camel_case_aliases(EventEmitter):
    ee = EventEmitter()
    for node_name, name in EMITTER_ALIASES.items():
        assert getattr(ee, node_name) == getattr(ee, name), node_name
