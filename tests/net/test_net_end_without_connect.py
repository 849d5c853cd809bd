"""Port of Node's test/parallel/test-net-end-without-connect.js.

Node: end(cb) on a socket that never connected leaves it not writable.
Left out: the newest Node test also expects ``cb`` to be called; Node v20 (the
reference here) never calls it nor emits 'finish' for a socket that never
connected, and neither does nodenet, so the callback is not checked.
"""

import asyncio

import nodenet.net as net


async def test_end_without_connect_leaves_socket_not_writable(loop):
    sock = net.Socket()
    assert sock.end(lambda *args: None) is sock
    assert sock.writable is False
    await asyncio.sleep(0.01)
    assert sock.writable is False
    assert sock.writable_ended is True
