"""Client for the EMFILE test: on each line from stdin, connect and report what it got.

    python emfile_client.py PORT

First line: 3 connections (made while the server is out of fds), each waiting up to 0.5 s;
second line: 1, waiting up to 5 s. Each reports the bytes it got or the exception's name.
"""

import socket
import sys

port = int(sys.argv[1])
for phase, count, wait in (("during", 3, 0.5), ("after", 1, 5.0)):
    sys.stdin.readline()
    out = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.settimeout(wait)
        try:
            out.append(s.recv(10).decode())
        except TimeoutError:  # TimeoutError itself from 3.10; a subclass named 'timeout' on 3.9
            out.append("TimeoutError")
        except OSError as exc:
            out.append(type(exc).__name__)
        s.close()
    print(phase, *out, sep="|", flush=True)
