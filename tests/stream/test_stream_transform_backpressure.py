"""A Transform between a Readable and a slow Writable, all with small high-water marks:
the transform runs one chunk ahead of the writes. Checked against node v20 running the
same program (not a Node test file)."""

from __future__ import annotations

import asyncio

from nodenet.stream import Readable, Transform, Writable


async def test_transform_waits_for_the_slow_writable(loop):
    log = []
    n = [0]
    done = asyncio.Event()

    def read(size):
        if n[0] < 8:
            src.push(n[0])
            n[0] += 1
        else:
            src.push(None)

    def transform(chunk, encoding, cb):
        log.append(f"t{chunk}")
        cb(None, chunk * 10)

    def write(chunk, encoding, cb):
        log.append(f"w{chunk}")
        asyncio.get_running_loop().call_later(0.001, cb)

    src = Readable(high_water_mark=2, object_mode=True, read=read)
    t = Transform(object_mode=True, high_water_mark=1, transform=transform)
    dst = Writable(object_mode=True, high_water_mark=1, write=write)
    src.pipe(t).pipe(dst)
    dst.on("finish", lambda: (log.append("finish"), done.set()))
    await asyncio.wait_for(done.wait(), 5)
    assert log == [x for i in range(8) for x in (f"t{i}", f"w{i * 10}")] + ["finish"]
