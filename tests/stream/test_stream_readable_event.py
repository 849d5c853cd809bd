"""Port of Node's test/parallel/test-stream-readable-event.js."""

from __future__ import annotations

import asyncio
from typing import Any

from stream_helpers import settle

from nodenet.stream import Readable


async def test_readable_listener_after_lost_readable(loop: Any, calls: Any) -> None:
    # Not reading when the listener is added: on('readable') still gets an event.
    r = Readable(high_water_mark=3)
    r._read = calls.must_not_call("_read")
    r.push(b"blerg")  # this 'readable' is lost
    await asyncio.sleep(0.001)
    assert not r._readable_state.reading
    r.on("readable", calls.must_call())
    await settle()


async def test_readable_reemitted_while_reading(loop: Any, calls: Any) -> None:
    # A length below the mark while reading: 'readable' again for a new listener.
    r = Readable(high_water_mark=3)
    r._read = calls.must_call()
    r.push(b"bl")
    await asyncio.sleep(0.001)
    assert r._readable_state.reading
    r.on("readable", calls.must_call())
    await settle()


async def test_readable_at_eof_below_mark(loop: Any, calls: Any) -> None:
    r = Readable(high_water_mark=30)
    r._read = calls.must_not_call("_read")
    r.push(b"blerg")
    r.push(None)
    await asyncio.sleep(0.001)
    assert not r._readable_state.reading
    r.on("readable", calls.must_call())
    await settle()
