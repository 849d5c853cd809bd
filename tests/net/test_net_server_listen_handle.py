"""Port of Node's test/parallel/test-net-server-listen-handle.js.

Node: a server listens on a bound TCP or pipe handle given as listen(handle),
listen(handle, cb), listen({handle}), listen({_handle}) and listen({fd}),
with and without a callback; a file descriptor that is not a socket emits
'error' ("listen EINVAL: invalid argument") and not the callback.
Node's handles are internal bindings; a bound ``socket.socket`` stands in
for them (API.md), on 127.0.0.1 and on a Unix path under tmp_path.
"""

import socket

import pytest
from net_helpers import until

import nodenet.net as net


def tcp_handle():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    return sock


def pipe_handle(path):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    return sock


FORMS = {
    "handle": lambda server, h, cb: server.listen(h, cb),
    "handle-event": lambda server, h, cb: server.listen(h).on("listening", cb),
    "options-handle": lambda server, h, cb: server.listen({"handle": h}, cb),
    "options-handle-event": lambda server, h, cb: server.listen({"handle": h})
    .on("listening", cb),
    "options-_handle": lambda server, h, cb: server.listen({"_handle": h}, cb),
    "options-_handle-event": lambda server, h, cb: server.listen({"_handle": h})
    .on("listening", cb),
    "options-fd": lambda server, h, cb: server.listen({"fd": h.detach()}, cb),
    "options-fd-event": lambda server, h, cb: server.listen({"fd": h.detach()})
    .on("listening", cb),
}


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("kind", ["tcp", "pipe"])
async def test_listen_on_a_handle(loop, tmp_path, form, kind):
    handle = tcp_handle() if kind == "tcp" else pipe_handle(tmp_path / "h.sock")
    closed = []
    server = net.create_server()

    def close_server():
        server.close()
        closed.append(True)

    try:
        FORMS[form](server, handle, close_server)
        await until(lambda: closed)
    finally:
        handle.close()
    assert server.listening is False


async def test_fd_that_is_not_a_socket(loop):
    errors = []
    with open(__file__, "rb") as f:
        server = net.create_server()
        server.listen({"fd": f.fileno()}, lambda: errors.append("listening"))
        server.on("error", lambda err: (errors.append(err), server.close()))
        await until(lambda: errors)
    (err,) = errors
    assert isinstance(err, OSError)
    assert "listen EINVAL: invalid argument" in str(err)
