"""Port of Node's test/parallel/test-net-eaddrinuse.js.

Node: a second server listening on the port of a first one emits 'error'
whose message contains 'EADDRINUSE'. Both listen on 127.0.0.1 here.
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_eaddrinuse_message(loop):
    server1 = await start_server()
    server2 = net.create_server()
    errors = []
    server2.on("error", lambda err: (errors.append(err), server1.close()))
    server2.listen(server1.address()["port"], "127.0.0.1")
    await until(lambda: errors)
    assert "EADDRINUSE" in str(errors[0])
    assert errors[0].code == "EADDRINUSE"
