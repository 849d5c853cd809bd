"""Port of Node's test/pummel/test-net-timeout.js.

Node: an echo server socket with a 1 s idle timeout destroys itself at
'timeout'; the client (no timeout) sends 'hello\\r\\n' six times, 500 ms
apart, getting each echoed, then stays idle: the server's timeout comes
more than 1 s and less than 1.8 s after the last exchange, with no error on
the server socket and no 'timeout' on the client. Times are scaled down
ten-fold here (100 ms timeout, 50 ms apart, 80 ms slack).
"""

from net_helpers import until

import nodenet.net as net

TIMEOUT = 0.1


async def test_idle_timeout_after_the_last_exchange(loop):
    times = {}
    errors = []
    exchanges = [0]
    closed = []

    def on_connection(sock):
        sock.set_timeout(TIMEOUT * 1000)

        def on_timeout():
            times["timeout"] = loop.time()
            sock.destroy()

        sock.on("timeout", on_timeout)
        sock.on("error", errors.append)
        sock.on("data", sock.write)
        sock.on("end", sock.end)

    echo_server = net.create_server(on_connection)

    def on_listening():
        client = net.create_connection(echo_server.address()["port"], "127.0.0.1")
        client.set_encoding("UTF8")
        client.set_timeout(0)
        client.on("connect", lambda: client.write("hello\r\n"))

        def on_data(chunk):
            assert chunk == "hello\r\n"
            if exchanges[0] < 5:
                exchanges[0] += 1
                loop.call_later(TIMEOUT / 2, client.write, "hello\r\n")
            elif "start" not in times:
                times["start"] = loop.time()

        client.on("data", on_data)
        client.on("timeout", lambda: errors.append("client timeout"))
        client.on("end", client.end)
        client.on("close", lambda had_error: (closed.append(True), echo_server.close()))

    echo_server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: closed and not echo_server.listening)
    diff = times["timeout"] - times["start"]
    # the server's timer starts at its last echo, a little before the client sees it, and
    # libuv's clock counts whole milliseconds: 5 ms of slack below
    assert TIMEOUT - 0.005 < diff < TIMEOUT + 0.08
    assert errors == []
