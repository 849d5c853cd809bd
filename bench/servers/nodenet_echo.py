"""nodenet echo server written the Node way.

Usage: python nodenet_echo.py PORT [pipe|data]
  pipe: socket.pipe(socket)                 (Node: net.createServer(s => s.pipe(s)))
  data: socket.on('data', socket.write)     (Node: s.on('data', d => s.write(d)))
NODENET_NO_UVLOOP=1 in the environment runs it on the standard asyncio loop.
"""

from __future__ import annotations

import resource
import sys

import nodenet as net


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
    style = sys.argv[2] if len(sys.argv) > 2 else "pipe"
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    def ignore(err: object = None) -> None:
        pass  # a client reset must not end the benchmark server

    if style == "pipe":

        def on_connection(socket):  # type: ignore[no-untyped-def]
            socket.on("error", ignore)
            socket.pipe(socket)

    elif style == "data":

        def on_connection(socket):  # type: ignore[no-untyped-def]
            socket.on("error", ignore)
            socket.on("data", socket.write)

    else:
        raise SystemExit(f"unknown style {style!r}: use pipe or data")

    net.create_server(on_connection).listen(port, "127.0.0.1")
    net.run()


if __name__ == "__main__":
    main()
