"""Port of Node's test/parallel/test-net-connect-memleak.js.

Node: the connect callback given to createConnection() is added with
once(), so after 'connect' it (and what it holds) can be garbage collected.
Here the callback holds the only reference to an object; after 'connect'
and gc.collect() a weak reference to that object is dead.
"""

import asyncio
import gc
import weakref

from net_helpers import start_server, until

import nodenet.net as net


class Held:
    pass


async def test_connect_callback_is_released(loop):
    connections = []
    server = await start_server(connections.append)
    seen = []

    def make_socket():
        held = Held()
        ref = weakref.ref(held)
        sock = net.create_connection(server.address()["port"], "127.0.0.1",
                                     lambda: seen.append(held is not None and ref() is held))
        return sock, ref

    sock, ref = make_socket()
    await until(lambda: seen)
    assert seen == [True]
    await asyncio.sleep(0)
    gc.collect()
    assert ref() is None
    assert sock.listeners("connect") == []
    sock.end()
    server.close()
    await until(lambda: connections)
