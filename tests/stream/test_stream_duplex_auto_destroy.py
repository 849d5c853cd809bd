"""When a Duplex destroys itself: once both sides are done, or one side is turned off and
the other is done. Checked against node v20 running the same program (not a Node test
file)."""

from __future__ import annotations

import asyncio

from nodenet.stream import Duplex


def watch(d, log, name):
    for event in ("end", "finish", "close"):
        d.on(event, lambda event=event: log.append((name, event, d.destroyed)))


async def test_side_turned_off_or_both_done(loop):
    log = []
    a = Duplex(writable=False, read=lambda n: None)
    watch(a, log, "A")
    a.resume()
    a.push("x")
    a.push(None)
    b = Duplex(readable=False, write=lambda chunk, encoding, cb: cb())
    watch(b, log, "B")
    b.end("x")
    c = Duplex(read=lambda n: None, write=lambda chunk, encoding, cb: cb())
    watch(c, log, "C")
    c.end("x")
    await asyncio.sleep(0.005)
    # only the writable side of C is done: C stays
    assert (c.destroyed, c.writable, c.readable) == (False, False, True)
    c.resume()
    c.push(None)
    await asyncio.sleep(0.01)
    assert log == [
        ("B", "finish", False), ("C", "finish", False), ("A", "end", False),
        ("B", "close", True), ("A", "close", True),
        ("C", "end", False), ("C", "close", True),
    ]
