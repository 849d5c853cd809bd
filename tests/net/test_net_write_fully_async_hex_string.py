"""Port of Node's test/parallel/test-net-write-fully-async-hex-string.js.

Node: a client writes a 2 MB hex string (1 MB once decoded) with encoding
'hex' until write() returns false, and again at each 'drain', 20 times,
forcing a minor GC each time: the bytes decoded inside write() must stay
alive until written. Here gc.collect() stands in, and the server counts the
bytes.
"""

import gc

from net_helpers import until

import nodenet.net as net

DATA = bytes(1_000_000).hex()
ROUNDS = 20


async def test_hex_strings_written_asynchronously(loop):
    received = [0]
    written = [0]
    done = []

    def on_connection(conn):
        def on_data(chunk):
            received[0] += len(chunk)
        conn.on("data", on_data)
        conn.on("end", lambda: done.append(True))

    server = net.create_server(on_connection)

    def on_listening():
        count = [0]

        def write_loop():
            count[0] += 1
            if count[0] > ROUNDS:
                conn.end()
                server.close()
                return
            while True:
                written[0] += len(DATA) // 2
                if not conn.write(DATA, "hex"):
                    break
            gc.collect()

        def on_connect():
            conn.on("drain", write_loop)
            write_loop()

        conn = net.create_connection(server.address()["port"], "127.0.0.1", on_connect)

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: done, timeout=8)
    assert received[0] == written[0]
