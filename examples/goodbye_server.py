"""Node's net.createServer example: every client gets "goodbye" and is disconnected.

    python examples/goodbye_server.py [port]
"""

import sys

import nodenet as net

server = net.create_server(lambda socket: socket.end(b"goodbye\n"))


def on_error(err: BaseException) -> None:
    raise err


server.on("error", on_error)
port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
server.listen(port, "127.0.0.1", lambda: print("opened server on", server.address(), flush=True))
net.run()
