"""Port of Node's test/parallel/test-net-server-pause-on-connect.js.

Node: a server created with ``pauseOnConnect: true`` gets no 'data' until
its socket is resumed (bytesRead stays 0), while one with ``pauseOnConnect:
false`` reads at once. The client of the paused server writes first; once its
write callback has run, the second server is started and its client writes;
when that data arrives the paused socket is resumed and then gets its data.
Nothing left out.
"""


import nodenet.net as net

MSG = b"test"


async def test_pause_on_connect(loop):
    done = loop.create_future()
    state = {"stopped": True, "sock1": None}
    events = []

    def server1_connection(sock):
        def on_data(data):
            assert not state["stopped"], "data event should not have happened yet"
            events.append(("server1", data))
            sock.end()
            server1.close()
            done.set_result(None)

        sock.on("data", on_data)
        state["sock1"] = sock

    def server2_connection(sock):
        def on_data(data):
            events.append(("server2", data))
            sock.end()
            server2.close()
            assert state["sock1"].bytes_read == 0
            state["sock1"].resume()
            state["stopped"] = False

        sock.on("data", on_data)

    server1 = net.create_server({"pauseOnConnect": True}, server1_connection)
    server2 = net.create_server(server2_connection, pause_on_connect=False)

    def client_written(err=None):
        events.append(("written", err))
        server2.listen(0, "127.0.0.1", lambda: net.create_connection(
            {"port": server2.address()["port"], "host": "127.0.0.1"}).write(MSG))

    server1.listen(0, "127.0.0.1", lambda: net.create_connection(
        {"port": server1.address()["port"], "host": "127.0.0.1"}).write(MSG, client_written))
    await done
    assert events == [("written", None), ("server2", MSG), ("server1", MSG)]
    assert state["stopped"] is False
