"""Port of Node's test/parallel/test-net-bytes-stats.js.

Node: a client writes 'foo' and, in the write callback, ends with 'bar';
at 'close' it connects again, twice in all. The server's sockets read 6
bytes each (12 in all, summed at 'end'), and the client's bytesWritten at
'finish' sums to 12: the counters start again at each connection.
Nothing left out.
"""

from net_helpers import until

import nodenet.net as net


async def test_byte_counts_per_connection(loop):
    totals = {"read": 0, "written": 0, "count": 0}
    done = []

    def on_connection(sock):
        sock.resume()

        def on_end():
            totals["read"] += sock.bytes_read

        sock.on("end", on_end)

    tcp = net.Server(on_connection)

    def on_listening():
        sock = net.create_connection(tcp.address()["port"], "127.0.0.1")

        def on_connect():
            totals["count"] += 1
            sock.write("foo", lambda err=None: sock.end("bar"))

        def on_finish():
            totals["written"] += sock.bytes_written

        def on_close(had_error):
            if totals["count"] < 2:
                sock.connect(tcp.address()["port"], "127.0.0.1")
            else:
                tcp.close(lambda err=None: done.append(True))

        sock.on("connect", on_connect)
        sock.on("finish", on_finish)
        sock.on("close", on_close)

    tcp.listen(0, "127.0.0.1", on_listening)
    await until(lambda: done)
    assert totals["read"] == 12
    assert totals["written"] == 12
