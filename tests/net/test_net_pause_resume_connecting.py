"""Port of Node's test/parallel/test-net-pause-resume-connecting.js.

Node: five clients (to 'localhost') call pause()/resume() in different
orders while connecting; the server ends each with a sentence and closes at
the fifth connection. The clients whose last call was resume() get 'data'
(3 of them); the two left paused get none until, 100 ms later, their 'data'
listeners are removed and they are resumed. Here the clients connect to
127.0.0.1.
"""

from net_helpers import until

import nodenet.net as net


async def test_pause_and_resume_while_connecting(loop):
    state = {"connections": 0, "data": 0, "torn_down": 0}
    unexpected = []

    def on_connection(conn):
        state["connections"] += 1
        conn.end("This was the year he fell to pieces.")
        if state["connections"] == 5:
            server.close()

    server = net.create_server(on_connection)

    def on_data_ok(data):
        state["data"] += 1

    def schedule_tear_down(conn):
        def tear_down():
            conn.remove_all_listeners("data")
            conn.resume()
            state["torn_down"] += 1
        loop.call_later(0.1, tear_down)

    def on_listening():
        port = server.address()["port"]
        conn = net.create_connection(port, "127.0.0.1")
        conn.resume()
        conn.on("data", on_data_ok)

        conn = net.create_connection(port, "127.0.0.1")
        conn.pause()
        conn.resume()
        conn.on("data", on_data_ok)

        conn = net.create_connection(port, "127.0.0.1")
        conn.pause()
        conn.on("data", unexpected.append)
        schedule_tear_down(conn)

        conn = net.create_connection(port, "127.0.0.1")
        conn.resume()
        conn.pause()
        conn.resume()
        conn.on("data", on_data_ok)

        conn = net.create_connection(port, "127.0.0.1")
        conn.resume()
        conn.resume()
        conn.pause()
        conn.on("data", unexpected.append)
        schedule_tear_down(conn)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: state["torn_down"] == 2 and not server.listening)
    assert state["connections"] == 5
    assert state["data"] == 3
    assert unexpected == []
