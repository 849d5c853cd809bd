"""Port of Node's test/parallel/test-stream-duplex-end.js (allowHalfOpen and 'end')."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Duplex


async def test_half_open_by_default(loop, calls):
    stream = Duplex(read=lambda n: None)
    assert stream.allow_half_open is True
    assert stream.allowHalfOpen is True
    stream.on("finish", calls.must_not_call())
    assert stream.listener_count("end") == 0
    stream.resume()
    stream.push(None)
    await settle()


async def test_not_half_open_ends_the_writable_side(loop, calls):
    stream = Duplex(read=lambda n: None, allow_half_open=False)
    assert stream.allow_half_open is False
    stream.on("finish", calls.must_call())
    assert stream.listener_count("end") == 0
    stream.resume()
    stream.push(None)
    await settle()


async def test_not_half_open_writable_already_ended(loop, calls):
    stream = Duplex({"read": lambda n: None, "allowHalfOpen": False})
    assert stream.allowHalfOpen is False
    stream._writable_state.ended = True
    stream.on("finish", calls.must_not_call())
    assert stream.listener_count("end") == 0
    stream.resume()
    stream.push(None)
    await settle()


async def test_allow_half_open_set_after_construction(loop, calls):
    # not in Node's file: allowHalfOpen is a plain property there (checked on node v20)
    log = []
    stream = Duplex(read=lambda n: None, write=lambda chunk, encoding, cb: cb())
    stream.allowHalfOpen = False
    assert stream.allow_half_open is False
    for event in ("end", "finish", "close"):
        stream.on(event, calls.must_call(lambda event=event: log.append(event)))
    stream.resume()
    stream.push(None)
    await settle()
    assert log == ["end", "finish", "close"]
