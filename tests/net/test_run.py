"""nodenet.run(): the program lives while a ref'd server, socket or connect is pending."""

from __future__ import annotations

import time

import pytest

import nodenet
import nodenet.net as net


def test_run_ends_when_the_server_closes(loop):
    log = []
    server = net.create_server(lambda s: s.end(b"bye"))

    def on_listening():
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.on("data", log.append)
        client.on("close", lambda had_error: server.close(lambda err=None: log.append("closed")))

    server.listen(0, "127.0.0.1", on_listening)
    nodenet.run()
    assert log == [b"bye", "closed"]


def test_run_with_main_function(loop):
    log = []

    def main():
        server = net.create_server()
        server.listen(0, "127.0.0.1", lambda: server.close(lambda err=None: log.append("done")))

    nodenet.run(main)
    assert log == ["done"]


def test_run_with_coroutine_main(loop):
    log = []

    async def main():
        server = net.create_server()
        server.listen(0, "127.0.0.1")
        await nodenet.events.once(server, "listening")
        log.append(server.listening)
        server.close()

    nodenet.run(main)
    assert log == [True]


def test_unref_server_lets_run_end(loop):
    server = net.create_server()
    server.listen(0, "127.0.0.1")
    server.unref()
    started = time.monotonic()
    nodenet.run()
    assert time.monotonic() - started < 2
    assert server.listening
    server.ref()
    server.close()
    nodenet.run()
    assert not server.listening


def test_ref_after_unref_keeps_running(loop):
    server = net.create_server()
    server.listen(0, "127.0.0.1")
    server.unref()
    server.ref()
    loop.call_later(0.1, server.close)
    started = time.monotonic()
    nodenet.run()
    assert time.monotonic() - started >= 0.09


def test_accepted_socket_stays_refed_when_server_unrefed(loop):
    log = []
    clients = []

    def on_connection(sock):
        server.unref()
        clients[0].unref()
        loop.call_later(0.1, clients[0].write, b"late")
        sock.on("data", lambda d: (log.append(d), sock.end()))

    server = net.create_server(on_connection)

    def on_listening():
        client = net.connect(server.address()["port"], "127.0.0.1")
        clients.append(client)
        client.resume()

    server.listen(0, "127.0.0.1", on_listening)
    nodenet.run()
    assert log == [b"late"]
    assert server.listening
    server.close()


def test_unref_socket_lets_run_end(loop):
    log = []
    server = net.create_server(lambda s: log.append(s))
    server.listen(0, "127.0.0.1")

    def on_listening():
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.on("error", lambda err: None)
        client.unref()
        server.close()

    server.on("listening", on_listening)
    started = time.monotonic()
    nodenet.run()
    assert time.monotonic() - started < 2
    for s in log:
        s.destroy()


def test_pending_connect_keeps_run_alive(loop):
    log = []
    client = net.connect(1, "127.0.0.1")
    client.on("error", lambda err: log.append(err.code))
    nodenet.run()
    assert log == ["ECONNREFUSED"]


def test_set_timeout_does_not_keep_run_alive(loop):
    fired = []
    server = net.create_server()
    server.listen(0, "127.0.0.1")

    def on_listening():
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.set_timeout(10_000, lambda: fired.append(1))
        client.on("connect", lambda: (client.destroy(), server.close()))

    server.on("listening", on_listening)
    started = time.monotonic()
    nodenet.run()
    assert time.monotonic() - started < 2
    assert fired == []


def test_listener_exception_ends_run(loop):
    sockets = []

    def on_connection(sock):
        sockets.append(sock)
        raise KeyError("uncaught")

    server = net.create_server(on_connection)

    def on_listening():
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.on("error", lambda e: None)
        sockets.append(client)

    server.listen(0, "127.0.0.1", on_listening)
    with pytest.raises(KeyError):
        nodenet.run()
    server.close()
    for sock in sockets:
        sock.destroy()
    nodenet.run()


def test_exception_in_a_listening_callback_ends_run(loop):
    """The server listened before run(), so its 'listening' comes in run()'s first loop
    turn, before run() waits for anything: the exception still ends run()."""
    server = net.create_server()

    def on_listening():
        raise ValueError("uncaught in listening")

    server.listen(0, "127.0.0.1", on_listening)
    started = time.monotonic()
    with pytest.raises(ValueError, match="uncaught in listening"):
        nodenet.run()
    assert time.monotonic() - started < 2
    assert server.listening
    server.close()
    nodenet.run()


def test_unhandled_error_event_ends_run(loop):
    net.connect(1, "127.0.0.1")
    with pytest.raises(OSError) as info:
        nodenet.run()
    assert info.value.code == "ECONNREFUSED"


def test_run_from_running_loop_is_refused(loop):
    async def inner():
        with pytest.raises(RuntimeError):
            nodenet.run()

    loop.run_until_complete(inner())
