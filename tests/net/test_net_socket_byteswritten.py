"""Port of Node's test/parallel/test-net-socket-byteswritten.js.

Node: two writes ('one' and the 4-byte 'twø') made while the socket is
still connecting count 7 in bytesWritten at once, at 'connect' and at 'end'.
Left out: cork()/uncork() around the writes (Node checks writev's count;
nodenet has no cork()).
"""

from net_helpers import start_server, until

import nodenet.net as net


async def test_bytes_written_counts_queued_writes(loop):
    server = await start_server(lambda sock: sock.end())
    sock = net.connect(server.address()["port"], "127.0.0.1")
    sock.write("one")
    sock.write("twø".encode())
    seen = [sock.bytes_written]
    sock.on("connect", lambda: seen.append(sock.bytes_written))
    sock.on("end", lambda: (seen.append(sock.bytes_written), server.close()))
    await until(lambda: len(seen) == 3)
    assert seen == [7, 7, 7]
