"""Port of Node's test/parallel/test-net-write-slow.js.

Node: a server writes ten 200 kB buffers and ends; the client pauses for
20 ms after each 'data'. Every write callback runs, no 'timeout' fires
(a 9999 ms idle timeout, cleared after the last write callback), and the
client receives all 2 MB by 'end'. Nothing left out.
"""

from net_helpers import until

import nodenet.net as net

SIZE = 200_000
N = 10


async def test_slow_reader_gets_everything(loop):
    state = {"flushed": 0, "received": 0}
    timeouts = []
    ended = []
    buf = b"a" * SIZE

    def on_connection(sock):
        sock.set_no_delay()
        sock.set_timeout(9999)
        sock.on("timeout", lambda: timeouts.append(True))

        def flushed(err=None):
            assert err is None
            state["flushed"] += 1
            if state["flushed"] == N:
                sock.set_timeout(0)

        for _ in range(N):
            sock.write(buf, flushed)
        sock.end()

    server = net.create_server(on_connection)

    def on_listening():
        conn = net.connect(server.address()["port"], "127.0.0.1")

        def on_data(data):
            state["received"] += len(data)
            conn.pause()
            loop.call_later(0.02, conn.resume)

        conn.on("data", on_data)
        conn.on("end", lambda: (ended.append(state["received"]), server.close()))

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: ended, timeout=8)
    assert ended == [SIZE * N]
    assert state["flushed"] == N
    assert timeouts == []
