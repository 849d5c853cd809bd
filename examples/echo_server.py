"""An echo server: whatever a client sends comes back.

    python examples/echo_server.py [port]      (default 8124)
    nc 127.0.0.1 8124
"""

import sys

import nodenet as net


def on_connection(socket: net.Socket) -> None:
    print("client connected", socket.remote_address, socket.remote_port, flush=True)
    socket.on("end", lambda: print("client disconnected", flush=True))
    # A client that resets the connection must not end the server (an 'error' nobody
    # listens for is an uncaught exception, as in Node).
    socket.on("error", lambda err: print("client error:", err, file=sys.stderr, flush=True))
    socket.write(b"hello\r\n")
    socket.pipe(socket)


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8124
    server = net.create_server(on_connection)
    server.on("error", lambda err: print("server error:", err, file=sys.stderr))

    def on_listening() -> None:
        address = server.address()
        print(f"echo server listening on {address['address']}:{address['port']}", flush=True)
        print(f"talk to it with: nc {address['address']} {address['port']}", flush=True)

    server.listen(port, "127.0.0.1", on_listening)
    try:
        net.run()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
