"""Port of Node's test/parallel/test-net-large-string.js.

Node: a client writes 40 Ki times 'あ' with encoding 'UTF-8' and ends; the
server, decoding UTF-8, counts 40 Ki characters by 'end' and ends; the
client's 'end' closes the server. Nothing left out (127.0.0.1).
"""

from net_helpers import until

import nodenet.net as net

K_POOL_SIZE = 40 * 1024
DATA = "あ" * K_POOL_SIZE
ENCODING = "UTF-8"


async def test_large_multibyte_string(loop):
    sizes = []
    ended = []

    def on_connection(sock):
        received = [0]
        sock.set_encoding(ENCODING)

        def on_data(data):
            received[0] += len(data)

        sock.on("data", on_data)
        sock.on("end", lambda: (sizes.append(received[0]), sock.end()))

    server = net.create_server(on_connection)

    def on_listening():
        client = net.create_connection(server.address()["port"], "127.0.0.1")
        client.on("end", lambda: (ended.append(True), server.close()))
        client.write(DATA, ENCODING)
        client.end()

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: ended and sizes)
    assert sizes == [K_POOL_SIZE]
