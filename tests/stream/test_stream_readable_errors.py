"""Readable's error codes and messages, as node v20 prints them (not a port of one Node
test file: the messages come from running the same calls with node)."""

from __future__ import annotations

from typing import Any

import pytest
from stream_helpers import settle

from nodenet.stream import Readable


def nop(*_: Any) -> None:
    pass


def test_read_over_one_gib() -> None:
    r = Readable(read=nop)
    with pytest.raises(ValueError) as info:
        r.read(2**31)
    assert info.value.code == "ERR_OUT_OF_RANGE"  # type: ignore[attr-defined]
    assert str(info.value) == ('The value of "size" is out of range. It must be <= 1GiB. '
                               "Received 2147483648")


async def test_push_after_eof(loop: Any) -> None:
    r = Readable(read=nop)
    errors: list[Any] = []
    r.on("error", errors.append)
    r.push("a")
    r.push(None)
    assert r.push("b") is False
    await settle()
    assert [(e.code, str(e)) for e in errors] == [
        ("ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF")]


async def test_unshift_after_end(loop: Any) -> None:
    r = Readable(read=nop)
    errors: list[Any] = []
    r.on("error", errors.append)
    r.push(None)
    r.resume()
    r.on("end", lambda: r.unshift("x"))
    await settle()
    assert [(e.code, str(e)) for e in errors] == [
        ("ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event")]


def test_camel_case_aliases() -> None:
    assert Readable.setEncoding is Readable.set_encoding
    assert Readable.isPaused is Readable.is_paused
    assert Readable.addListener is Readable.on
    assert Readable.removeListener is Readable.remove_listener
    assert Readable.off is Readable.remove_listener
    assert Readable.readableLength is Readable.readable_length
    r = Readable(read=nop, high_water_mark=5, object_mode=True)
    assert r.readableHighWaterMark == 5
    assert r.readableObjectMode is True
    assert getattr(Readable, "from") == Readable.from_
