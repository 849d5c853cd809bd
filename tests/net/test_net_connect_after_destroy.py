"""Port of Node's test/parallel/test-net-connect-after-destroy.js.

Node: destroy() right after createConnection(80, 'google.com') (while the
name is being resolved) must not crash when the lookup ends. No network here:
the name resolved is 'localhost' and the port one nothing listens on; no
'connect', no 'error', one 'close'.
"""

import asyncio

from net_helpers import closed

import nodenet.net as net


async def test_destroy_during_lookup(loop):
    calls = []
    sock = net.create_connection(9, "localhost")
    sock.on("connect", lambda: calls.append("connect"))
    sock.on("error", calls.append)
    sock.destroy()
    await closed(sock)
    await asyncio.sleep(0.05)
    assert calls == []
