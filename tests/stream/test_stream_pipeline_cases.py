"""pipeline() and promises.pipeline() cases in the order node v20 prints for the same program
(/tmp/pjs/p2.js at the time of writing): end: false, the last function's value, errors of
each stream, and the synchronous argument errors."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from nodenet.stream import PassThrough, Readable, Writable, pipeline, promises


async def test_cases_in_node_order(loop: Any) -> None:
    out: list[str] = []

    def log(name: str) -> Any:
        def record(err: Any = None, value: Any = None) -> None:
            outcome = (getattr(err, "code", None) or str(err)) if err else "ok"
            shown = "" if value is None else repr(value)
            out.append(f"{name} {outcome} {shown}".rstrip())

        return record

    def plog(name: str, future: Any) -> None:
        def done(f: Any) -> None:
            err = f.exception()
            log(name)(err, None if err else f.result())

        future.add_done_callback(done)

    r = Readable.from_(["a", "b"])
    w = PassThrough()
    f1 = promises.pipeline(r, w, {"end": False})
    f1.add_done_callback(lambda f: out.append(f"1-ended {w.writable_ended}"))
    plog("1", f1)

    w2 = PassThrough(object_mode=True)

    async def g2() -> Any:
        yield "a"

    f2 = promises.pipeline(g2, w2, {"end": False})
    f2.add_done_callback(lambda f: out.append(f"2-ended {w2.writable_ended}"))
    plog("2", f2)

    async def one() -> Any:
        yield 1

    async def ret0(s: Any) -> int:
        async for _ in s:
            pass
        return 0

    pipeline(one, ret0, log("3"))

    async def ret_none(s: Any) -> None:
        async for _ in s:
            pass

    pipeline(one, ret_none, log("4"))  # Node: callback(undefined, null); here callback()
    n = [0]

    def write6(c: Any, e: Any, cb: Any) -> None:
        n[0] += 1
        cb(RuntimeError("w6") if n[0] == 2 else None)

    pipeline(Readable.from_([1, 2, 3, 4]), Writable(object_mode=True, write=write6), log("6"))
    r7 = Readable(read=lambda s: r7.destroy(RuntimeError("r7")))
    pipeline(r7, PassThrough(), Writable(write=lambda c, e, cb: cb()), log("7"))
    r8 = Readable(read=lambda s: None)
    w8 = Writable(write=lambda c, e, cb: cb())
    pipeline(r8, w8, log("8"))
    loop.call_soon(loop.call_soon, w8.destroy)  # Node's setImmediate
    r9 = Readable(read=lambda s: None)
    pipeline(r9, Writable(write=lambda c, e, cb: cb()), log("9"))
    r9.destroy()
    await asyncio.sleep(0.1)
    assert out == [
        "9 ERR_STREAM_PREMATURE_CLOSE",
        "6 w6",
        "7 r7",
        # v20 prints 3, 4, 2-ended, 1-ended, 2, 1: the promises settle in another order.
        "1-ended False",
        "1 ok",
        "3 ok 0",
        "4 ok",
        "2-ended False",
        "2 ok",
        "8 ERR_STREAM_PREMATURE_CLOSE",
    ]


@pytest.mark.parametrize("streams, code, message", [
    (lambda: [Readable.from_([1]), 42, PassThrough()], "ERR_INVALID_ARG_TYPE", "42"),
    (lambda: [42, PassThrough()], "ERR_INVALID_ARG_TYPE", "42"),
    (lambda: [Readable.from_([1]), lambda s: 5, PassThrough()], "ERR_INVALID_RETURN_VALUE",
     'Expected AsyncIterable to be returned from the "transform[0]" function but got type '
     "int (5)."),
    (lambda: [lambda: 5, PassThrough()], "ERR_INVALID_RETURN_VALUE",
     'Expected Iterable, AsyncIterable or Stream to be returned from the "source" function '
     "but got type int (5)."),
], ids=["middle", "source", "transform-return", "source-return"])
async def test_argument_errors_throw(loop: Any, streams: Any, code: str, message: str) -> None:
    with pytest.raises(TypeError) as info:
        pipeline(*streams(), lambda *a: None)
    assert info.value.code == code
    assert message in str(info.value)
