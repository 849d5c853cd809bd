"""Port of Node's test/parallel/test-net-connect-reset.js.

Node: resetAndDestroy() on a socket that is neither connecting nor connected
emits 'error' ERR_SOCKET_CLOSED ('Socket is closed'), then 'close'.
Nothing left out.
"""

from net_helpers import Recorder, until

import nodenet.net as net


async def test_reset_of_an_unconnected_socket(loop):
    sock = net.Socket()
    sock.reset_and_destroy()
    rec = Recorder(sock, "error", "close")
    await until(lambda: "close" in rec.names)
    assert rec.names == ["error", "close"]
    err = rec.events[0][1]
    assert err.code == "ERR_SOCKET_CLOSED"
    assert str(err) == "Socket is closed"
