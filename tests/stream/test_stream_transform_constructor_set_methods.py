"""Port of Node's test/parallel/test-stream-transform-constructor-set-methods.js."""

from __future__ import annotations

import pytest
from stream_helpers import settle

from nodenet.errors import NodeError
from nodenet.stream import Transform


async def test_options_become_methods(loop, calls):
    def _transform(d, e, n):
        n()

    def _flush(n):
        n()

    transform = calls.must_call(_transform)
    flush = calls.must_call(_flush)
    t = Transform(transform=transform, flush=flush)
    t2 = Transform({})
    t.end(b"blerg")
    t.resume()
    with pytest.raises(NodeError, match=r"^The _transform\(\) method is not implemented$"):
        t2.end(b"blerg")
    await settle()
    assert t._transform is transform
    assert t._flush is flush
