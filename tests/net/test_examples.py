"""The examples run as real programs: goodbye, echo, and 50 MB through the proxy."""

from __future__ import annotations

import ast
import asyncio
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from net_helpers import closed, start_server

import nodenet.net as net
from nodenet.events import once

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


class Program:
    """An example started as a subprocess, stopped by its PID."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=dict(os.environ),
        )

    def first_line(self) -> str:
        line = self.proc.stdout.readline()  # type: ignore[union-attr]
        if not line:
            raise AssertionError(f"example exited: {self.proc.stderr.read()}")  # type: ignore
        return line

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc.stdout.close()  # type: ignore[union-attr]
        self.proc.stderr.close()  # type: ignore[union-attr]


async def _read_all(port: int, send: bytes | None = None) -> bytes:
    """What a client receives until the connection closes; it sends ``send`` and ends first,
    when given."""
    client = net.connect(port, "127.0.0.1")
    got = []
    client.on("data", got.append)
    if send is not None:
        client.end(send)
    await closed(client)
    return b"".join(got)


async def _echo_port(loop: asyncio.AbstractEventLoop, program: Program) -> int:
    """The port the echo example prints on its first line."""
    line = await loop.run_in_executor(None, program.first_line)
    return int(re.search(r":(\d+)$", line.strip()).group(1))  # type: ignore[union-attr]


@pytest.mark.timeout(30)
async def test_goodbye_server(loop):
    program = Program(str(EXAMPLES / "goodbye_server.py"))
    try:
        line = await loop.run_in_executor(None, program.first_line)
        assert line.startswith("opened server on")
        address = ast.literal_eval(line[len("opened server on"):].strip())
        assert await _read_all(address["port"]) == b"goodbye\n"
    finally:
        program.stop()


@pytest.mark.timeout(30)
async def test_echo_server(loop):
    program = Program(str(EXAMPLES / "echo_server.py"), "0")
    try:
        port = await _echo_port(loop, program)
        hint = await loop.run_in_executor(None, program.first_line)
        assert hint.strip() == f"talk to it with: nc 127.0.0.1 {port}"
        assert await _read_all(port, b"ping\n") == b"hello\r\nping\n"
    finally:
        program.stop()


@pytest.mark.timeout(30)
async def test_echo_server_outlives_a_client_that_resets(loop):
    """A client's RST is an 'error' on its socket; the example listens for it, so the
    server goes on serving the next client."""
    program = Program(str(EXAMPLES / "echo_server.py"), "0")
    try:
        port = await _echo_port(loop, program)
        rude = net.connect(port, "127.0.0.1")
        await once(rude, "data")
        rude.reset_and_destroy()
        await closed(rude)
        await asyncio.sleep(0.2)
        assert program.proc.poll() is None, program.proc.stderr.read()  # type: ignore
        assert await _read_all(port, b"still here\n") == b"hello\r\nstill here\n"
    finally:
        program.stop()


@pytest.mark.timeout(120)
async def test_50mb_through_the_proxy(loop):
    def echo_back(sock: net.Socket) -> None:
        sock.on("error", lambda err: None)
        sock.pipe(sock)

    echo = await start_server(echo_back, allow_half_open=True)
    upstream = f"127.0.0.1:{echo.address()['port']}"
    program = Program(str(EXAMPLES / "proxy.py"), "0", upstream)
    try:
        line = await loop.run_in_executor(None, program.first_line)
        port = int(re.search(r"127\.0\.0\.1:(\d+) ->", line).group(1))  # type: ignore
        size = 50 * 1024 * 1024
        block = os.urandom(1024 * 1024)
        sent = hashlib.sha256()
        received = hashlib.sha256()
        count = [0]
        client = net.connect(port, "127.0.0.1")

        def on_data(data: bytes) -> None:
            received.update(data)
            count[0] += len(data)

        client.on("data", on_data)
        await once(client, "connect")
        for _ in range(size // len(block)):
            sent.update(block)
            if not client.write(block):
                await once(client, "drain")
        client.end()
        await closed(client)
        assert count[0] == size
        assert received.hexdigest() == sent.hexdigest()
        await asyncio.sleep(0)
    finally:
        program.stop()
        echo.close()
