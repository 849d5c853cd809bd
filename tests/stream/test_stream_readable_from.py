"""Port of Node's test/parallel/test-readable-from.js: ``Readable.from()``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from stream_helpers import settle

from nodenet.events import once
from nodenet.stream import Readable


async def agen_abc() -> AsyncIterator[str]:
    yield "a"
    yield "b"
    yield "c"


def gen_abc() -> Iterator[str]:
    yield "a"
    yield "b"
    yield "c"


async def collect(stream: Any) -> list[Any]:
    return [chunk async for chunk in stream]


async def test_async_generator(loop: Any) -> None:
    assert await collect(Readable.from_(agen_abc())) == ["a", "b", "c"]


async def test_sync_generator(loop: Any) -> None:
    assert await collect(Readable.from_(gen_abc())) == ["a", "b", "c"]


async def test_awaitables(loop: Any) -> None:
    async def value(v: str) -> str:
        return v

    futures = [value("a"), value("b"), value("c")]
    assert await collect(Readable.from_(futures)) == ["a", "b", "c"]


async def test_string_is_one_chunk(loop: Any) -> None:
    assert await collect(getattr(Readable, "from")("abc")) == ["abc"]


async def test_bytes_is_one_chunk(loop: Any) -> None:
    assert await collect(Readable.from_(b"abc")) == [b"abc"]


async def test_on_data(loop: Any) -> None:
    stream = Readable.from_(agen_abc())
    chunks: list[Any] = []
    stream.on("data", chunks.append)
    await once(stream, "end")
    assert chunks == ["a", "b", "c"]


async def test_on_data_not_object_mode(loop: Any) -> None:
    stream = Readable.from_(agen_abc(), {"objectMode": False})
    chunks: list[Any] = []
    stream.on("data", chunks.append)
    await once(stream, "end")
    assert chunks == [b"a", b"b", b"c"]


async def test_throwing_generator_destroys(loop: Any) -> None:
    async def generate() -> AsyncIterator[str]:
        raise Exception("kaboom")
        yield "never"  # pragma: no cover

    stream = Readable.from_(generate())
    stream.read()
    [err] = await once(stream, "error")
    assert str(err) == "kaboom"
    assert stream.destroyed is True


async def test_as_transform(loop: Any) -> None:
    async def generate(stream: Any) -> AsyncIterator[str]:
        async for chunk in stream:
            yield chunk.upper()

    def read(n: int) -> None:
        for c in ("a", "b", "c", None):
            source.push(c)

    source = Readable(object_mode=True, read=read)
    assert await collect(Readable.from_(generate(source))) == ["A", "B", "C"]


async def test_none_value_is_an_error(loop: Any) -> None:
    stream = Readable.from_(["a", None, "b"])
    stream.resume()
    [err] = await once(stream, "error")
    assert err.code == "ERR_STREAM_NULL_VALUES"
    assert str(err) == "May not write null values to stream"


def test_not_iterable() -> None:
    with pytest.raises(TypeError) as info:
        Readable.from_(5)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"  # type: ignore[attr-defined]
    assert str(info.value) == ('The "iterable" argument must be an instance of Iterable. '
                               "Received type int (5)")


async def test_destroy_closes_sync_generator(loop: Any, calls: Any) -> None:
    closed = []

    def generate() -> Iterator[int]:
        try:
            yield 1
            yield 2
        finally:
            closed.append(True)

    stream = Readable.from_(generate())
    assert stream.read() == 1
    stream.destroy()
    stream.on("close", calls.must_call())
    await settle()
    assert closed == [True]


async def test_destroy_with_error_throws_into_async_generator(loop: Any, calls: Any) -> None:
    seen: list[BaseException] = []

    async def generate() -> AsyncIterator[int]:
        try:
            yield 1
            yield 2
        except Exception as err:
            seen.append(err)
            raise

    stream = Readable.from_(generate())
    stream.read(0)  # pulls 1: the generator waits at its first yield
    await settle()
    assert stream.readable_length == 1
    boom = Exception("boom")
    errors: list[Any] = []
    stream.on("error", errors.append)
    closed = asyncio.Event()
    stream.on("close", closed.set)
    stream.destroy(boom)
    await closed.wait()
    assert errors == [boom]
    assert seen == [boom]
