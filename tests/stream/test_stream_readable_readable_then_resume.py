"""Port of Node's test/parallel/test-stream-readable-readable-then-resume.js: a stream
resumes after its 'readable' listener was removed in the same tick."""

from __future__ import annotations

from typing import Any

from stream_helpers import settle

from nodenet.stream import Readable


async def test_resume_after_removing_readable(loop: Any, calls: Any) -> None:
    first = True

    def read(n: int) -> None:
        nonlocal first
        if first:
            first = False
            s.push("hello")
            return
        s.push(None)

    s = Readable(object_mode=True, high_water_mark=1, read=read)
    listener = calls.must_not_call("readable")
    s.on("readable", listener)
    s.on("end", calls.must_call())
    s.remove_listener("readable", listener)
    s.resume()
    await settle()
