"""Client for the EMFILE test: on each line from stdin, connect and report what it got.

    python emfile_client.py PORT

First line: 3 connections (made while the server is out of fds); second line: 1. Each
connection waits up to 2 s for data or EOF and reports the bytes or the exception name.
"""

import socket
import sys

port = int(sys.argv[1])
for phase, count in (("during", 3), ("after", 1)):
    sys.stdin.readline()
    out = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.settimeout(2)
        try:
            out.append(s.recv(10).decode())
        except OSError as exc:
            out.append(type(exc).__name__)
        s.close()
    print(phase, *out, sep="|", flush=True)
