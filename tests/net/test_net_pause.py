"""Port of Node's test/pummel/test-net-pause.js.

Node: the server writes one 'C' every 10 ms, 200 in all, then ends; the
client pauses after 500 ms (having received more than one), receives
nothing in the next 500 ms, resumes, pauses again 500 ms later, again gets
nothing for 500 ms, resumes, and in the end has all 200. Scaled down here:
60 characters every 5 ms, pauses and resumes 50 ms apart.
"""

from net_helpers import until

import nodenet.net as net

N = 60
WRITE_EVERY = 0.005
STEP = 0.05


async def test_pause_stops_data_until_resume(loop):
    recv = []
    checks = []
    ended = []

    def on_connection(connection):
        def write(j):
            if j >= N:
                connection.end()
                return

            def later():
                connection.write("C")
                write(j + 1)

            loop.call_later(WRITE_EVERY, later)

        write(0)

    server = net.create_server(on_connection)

    def on_listening():
        client = net.create_connection(server.address()["port"], "127.0.0.1")
        client.set_encoding("ascii")
        client.on("data", recv.append)
        state = {}

        def pause():
            state["at"] = len("".join(recv))
            checks.append(state["at"] > 1)
            client.pause()

        def resume():
            checks.append(len("".join(recv)) == state["at"])
            client.resume()

        for i, step in enumerate([pause, resume, pause, resume]):
            loop.call_later(STEP * (i + 1), step)
        client.on("end", lambda: (ended.append(True), server.close(), client.end()))

    server.on("listening", on_listening)
    server.listen(0, "127.0.0.1")
    await until(lambda: ended)
    assert len("".join(recv)) == N
    assert checks == [True, True, True, True]
