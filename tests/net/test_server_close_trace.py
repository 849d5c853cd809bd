"""Server.close() edge cases, traced side by side with Node 20 (issue: close then listen at
once, and close on a stopped server).

Node emits 'close' on the next tick of every ``close()`` once the server is stopped and
drained: ``close(cb)`` followed at once by ``listen()`` still emits it (and calls ``cb``)
before the new 'listening'; each further ``close()`` of a stopped server emits one more, and
its callback gets ERR_SERVER_NOT_RUNNING. ``NODE_TRACE`` is what node v20 prints for
``TRACE_JS``; the test runs the same program and compares, and checks the recording against
``node`` when it is installed.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess

import pytest

import nodenet.net as net

TRACE_JS = """
const net = require('net');
const s = net.createServer();
const log = (...a) => console.log(a.join(' '));
s.on('close', () => log('close'));
s.on('listening', () => log('listening'));
s.listen(0, '127.0.0.1', () => {
  s.close((err) => log('cb1', err ? err.code : 'ok'));
  s.listen(0, '127.0.0.1', () => {
    log('relistened');
    s.close((err) => log('cb2', err ? err.code : 'ok'));
    s.close((err) => log('cb3', err ? err.code : 'ok'));
    s.close((err) => log('cb4', err ? err.code : 'ok'));
  });
});
"""

NODE_TRACE = [
    "listening",
    "close",
    "cb1 ok",
    "listening",
    "relistened",
    "close",
    "cb2 ok",
    "cb3 ERR_SERVER_NOT_RUNNING",
    "cb4 ERR_SERVER_NOT_RUNNING",
    "close",
    "close",
]


async def test_close_then_listen_and_repeated_close_trace_like_node(loop):
    trace: list[str] = []
    done = loop.create_future()
    server = net.create_server()

    def log(*parts: str) -> None:
        trace.append(" ".join(parts))
        if len(trace) == len(NODE_TRACE) and not done.done():
            done.set_result(None)

    def callback(name: str):
        return lambda err=None: log(name, err.code if err is not None else "ok")

    def relistened() -> None:
        log("relistened")
        server.close(callback("cb2"))
        server.close(callback("cb3"))
        server.close(callback("cb4"))

    def listened() -> None:
        server.close(callback("cb1"))
        server.listen(0, "127.0.0.1", relistened)

    server.on("close", lambda: log("close"))
    server.on("listening", lambda: log("listening"))
    server.listen(0, "127.0.0.1", listened)
    await done
    for _ in range(3):  # nothing more may follow
        await asyncio.sleep(0.01)
    assert trace == NODE_TRACE


def test_the_recorded_trace_is_what_node_prints(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the recorded trace stands")
    script = tmp_path / "trace.js"
    script.write_text(TRACE_JS)
    out = subprocess.run([node, str(script)], capture_output=True, text=True, timeout=30,
                         check=True)
    assert out.stdout.splitlines() == NODE_TRACE
