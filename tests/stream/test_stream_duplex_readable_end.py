"""Port of Node's test/parallel/test-stream-duplex-readable-end.js (nodejs/node#35926: a
Transform that pushes EOF from _transform stops pulling from its source)."""

from __future__ import annotations

from stream_helpers import settle

from nodenet.stream import Readable, Transform


async def test_push_null_in_transform_pauses_source(loop, calls):
    loops = [5]

    def read(n):
        if loops[0]:
            loops[0] -= 1
            src.push(bytes(20000))
        else:
            loops[0] -= 1

    src = Readable(high_water_mark=16 * 1024, read=read)

    def transform(chunk, encoding, fn):
        dst.push(None)
        fn()

    dst = Transform(high_water_mark=16 * 1024, transform=transform)
    src.pipe(dst)

    def on_end():
        assert loops[0] == 3
        assert src.is_paused()

    dst.on("data", lambda chunk: None)
    dst.on("end", calls.must_call(on_end))
    await settle(30)
