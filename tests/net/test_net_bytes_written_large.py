"""Port of Node's test/parallel/test-net-bytes-written-large.js.

Node: bytesWritten counts the whole of a large write at once, whether the
kernel took it at once or it was queued: end() of 10 MB as a Buffer, then as
a string, and two writes of 10 MB each (a string and a Buffer) followed by
end(''): bytesWritten is N (or 2N) right after the calls and in the end
callback; the client's bytesRead is the same at 'close'.
Left out: cork()/uncork() around the two writes (nodenet has no cork()).
"""

import pytest
from net_helpers import until

import nodenet.net as net

N = 10_000_000


def write_bytes(sock, checks):
    sock.end(bytes(N), lambda *args: checks.append(("end", sock.bytes_written)))
    checks.append(("sync", sock.bytes_written))
    return N


def write_str(sock, checks):
    sock.end("a" * N, lambda *args: checks.append(("end", sock.bytes_written)))
    checks.append(("sync", sock.bytes_written))
    return N


def write_mixed(sock, checks):
    sock.write("a" * N)
    checks.append(("sync", sock.bytes_written))
    sock.write(bytes(N))
    checks.append(("sync", sock.bytes_written))
    sock.end("", lambda *args: checks.append(("end", sock.bytes_written)))
    return 2 * N


@pytest.mark.parametrize("variant", [write_bytes, write_str, write_mixed],
                         ids=["bytes", "str", "mixed"])
async def test_bytes_written_counts_large_writes(loop, variant):
    checks = []
    total = []
    client_read = []

    def on_connection(sock):
        total.append(variant(sock, checks))

    server = net.create_server(on_connection)

    def on_listening():
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.resume()
        client.on("close", lambda had_error: (client_read.append(client.bytes_read),
                                              server.close()))

    server.listen(0, "127.0.0.1", on_listening)
    await until(lambda: client_read and checks and checks[-1][0] == "end")
    (n,) = total
    assert client_read == [n]
    assert checks[-1] == ("end", n)
    syncs = [value for kind, value in checks if kind == "sync"]
    assert syncs[-1] == n
    if variant is write_mixed:
        assert syncs == [N, 2 * N]
