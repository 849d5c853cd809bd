"""finished() on every kind of stream and state, in the order node v20 prints for the same
program (/tmp/pjs/e1.js at the time of writing)."""

from __future__ import annotations

import asyncio
from typing import Any

from nodenet.events import EventEmitter
from nodenet.stream import Duplex, PassThrough, Readable, Writable, finished


async def test_cases_in_node_order(loop: Any) -> None:
    out: list[str] = []

    def log(name: str) -> Any:
        def record(err: Any = None) -> None:
            out.append(f"{name} {(getattr(err, 'code', None) or str(err)) if err else 'ok'}")

        return record

    r = Readable(read=lambda s: None)
    r.on("error", lambda e: out.append("1-err-listener"))
    finished(r, {"error": False}, log("1-error-false"))
    r.destroy(RuntimeError("boom"))
    w = Writable(write=lambda c, e, cb: cb())
    w.end()
    w.on("finish", lambda: finished(w, log("2-after-finish")))
    d = PassThrough()
    finished(d, {"readable": False}, log("3-writable-only"))
    d.end("x")
    d4 = PassThrough()
    finished(d4, {"writable": False}, log("4-readable-only"))
    d4.end("x")
    d4.resume()
    w5: Any = EventEmitter()
    w5.write = lambda *a: True
    finished(w5, log("5-legacy-w"))
    w5.emit("finish")
    w6: Any = EventEmitter()
    w6.write = lambda *a: True
    finished(w6, log("6-legacy-close"))
    w6.emit("close")
    r7 = Readable(read=lambda s: None)
    r7.destroy()
    r7.on("close", lambda: finished(r7, log("7-after-close")))
    r8 = Readable(read=lambda s: None)
    r8.destroy(RuntimeError("e8"))
    r8.on("error", lambda e: None)
    r8.on("close", lambda: finished(r8, log("8-after-error-close")))
    d9 = Duplex(read=lambda s: None, write=lambda c, e, cb: cb())
    finished(d9, log("9-duplex"))
    d9.push(None)
    d9.resume()
    d9.end()
    r10 = Readable(read=lambda s: None, emit_close=False)
    finished(r10, log("10-noclose"))
    r10.push(None)
    r10.resume()
    r11 = Readable(read=lambda s: None)
    r11.on("error", lambda e: None)
    finished(r11, log("11-error-emitted"))
    r11.destroy(RuntimeError("e11"))
    await asyncio.sleep(0.05)
    assert out == [
        "5-legacy-w ok",
        "6-legacy-close ok",
        "1-err-listener",
        "1-error-false boom",
        "3-writable-only ok",
        "11-error-emitted e11",
        "2-after-finish ok",
        "4-readable-only ok",
        "7-after-close ERR_STREAM_PREMATURE_CLOSE",
        "8-after-error-close e8",
        "10-noclose ok",
        "9-duplex ok",
    ]
