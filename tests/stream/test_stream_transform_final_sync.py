"""Port of Node's test/parallel/test-stream-transform-final-sync.js: the order of
transform, 'data', final (finishing at once), flush, end()'s callback, 'finish' and 'end'.

The stored test expects 'finish' (13) and end()'s callback (14) before flush's callback
(15); node v20 runs flush's callback (13), then end()'s callback (14), then 'finish' (15)."""

from __future__ import annotations

from stream_helpers import settle

from nodenet._tick import next_tick
from nodenet.stream import Transform


async def test_sync_final_then_flush_order(loop, calls):
    state = [0]
    t: Transform

    def transform(chunk, _, nxt):
        state[0] += 1
        assert state[0] == chunk
        t.push(state[0])
        state[0] += 1
        assert state[0] == chunk + 2
        next_tick(nxt)

    def final(done):
        state[0] += 1
        assert state[0] == 10

        state[0] += 1
        assert state[0] == 11
        done()

    def flush(done):
        state[0] += 1
        assert state[0] == 12

        def later():
            state[0] += 1
            assert state[0] == 13  # v20
            done()

        next_tick(later)

    t = Transform(object_mode=True, transform=calls.must_call(transform, 3),
                  final=calls.must_call(final), flush=calls.must_call(flush))

    def on_finish():
        state[0] += 1
        assert state[0] == 15  # v20

    def on_end():
        state[0] += 1
        assert state[0] == 16

    def on_data(d):
        state[0] += 1
        assert state[0] == d + 1

    def end_cb(*args):
        state[0] += 1
        assert state[0] == 14

    t.on("finish", calls.must_call(on_finish))
    t.on("end", calls.must_call(on_end))
    t.on("data", calls.must_call(on_data, 3))
    t.write(1)
    t.write(4)
    t.end(7, calls.must_call(end_cb))
    await settle()
    assert state[0] == 16
