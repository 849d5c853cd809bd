"""Port of test/parallel/test-event-emitter-get-max-listeners.js.

Skipped: calling ``EventEmitter.prototype.on`` on a plain object (no ``this`` rebinding).
"""

import math


def test_get_max_listeners(EventEmitter):
    emitter = EventEmitter()
    assert emitter.get_max_listeners() == EventEmitter.default_max_listeners
    emitter.set_max_listeners(0)
    assert emitter.get_max_listeners() == 0
    emitter.set_max_listeners(3)
    assert emitter.get_max_listeners() == 3
    emitter.set_max_listeners(math.inf)
    assert emitter.get_max_listeners() == math.inf
    assert emitter.getMaxListeners() == math.inf
