"""Port of Node's test/pummel/test-net-timeout2.js.

Node: write() resets the idle timer: a server socket with a 2.5 s timeout
writes every second for 5 s and never times out. Times are scaled down
ten-fold here (250 ms timeout, a write every 100 ms, 5 ticks), and the
client collects what it receives instead of piping it to stdout.
"""

from net_helpers import until

import nodenet.net as net

SECONDS = 5
UNIT = 0.1


async def test_writes_reset_the_idle_timer(loop):
    timeouts = []
    received = []
    done = []

    def on_connection(sock):
        sock.set_timeout(SECONDS / 2 * UNIT * 1000, lambda: timeouts.append(True))
        counter = [0]

        def tick():
            counter[0] += 1
            if counter[0] == SECONDS:
                server.close()
                sock.destroy()
                done.append(True)
                return
            if sock.writable:
                sock.write(f"{loop.time()}\n")
            loop.call_later(UNIT, tick)

        loop.call_later(UNIT, tick)

    server = net.create_server(on_connection)

    def on_listening():
        s = net.connect(server.address()["port"], "127.0.0.1")
        s.on("data", received.append)
        s.on("error", lambda err: None)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: done)
    assert timeouts == []
    assert b"".join(received).count(b"\n") == SECONDS - 1
