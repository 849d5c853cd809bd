"""Port of Node's test/parallel/test-stream-readable-constructor-set-methods.js: the
``read`` option becomes ``_read`` (with ``destroy``/``construct`` likewise)."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet.stream import Readable


async def test_read_option_is_read_method(loop: Any, calls: Any) -> None:
    def read(n: int) -> None:
        r.push(None)

    _read = calls.must_call(read)
    r = Readable({"read": _read})
    r.resume()
    await settle()
    assert r._read is _read


def test_destroy_and_construct_options() -> None:
    def destroy(err: Any, cb: Any) -> None:
        cb(err)

    def construct(cb: Any) -> None:
        cb()

    r = Readable(destroy=destroy, construct=construct)
    assert r._destroy is destroy
    assert r._construct is construct
