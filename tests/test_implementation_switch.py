"""Which emitter nodenet.events picks: the compiled one unless told otherwise or not built."""

import importlib.machinery
import os
import shutil
import subprocess
import sys

import pytest

import nodenet
from nodenet import _socket, events


def _implementation(env_extra, code="import nodenet.events as e; print(e.IMPLEMENTATION)"):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NODENET_")}
    env.update(env_extra)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
    )
    return out.stdout.strip()


_SOCKET_MODULE = (
    "import nodenet, nodenet._socket as s; core = nodenet.Socket.__mro__[2].__mro__[1];"
    " print(s.COMPILED, s.__file__.endswith('.py'), core.__module__)"
)


def test_no_extensions_forces_python():
    assert _implementation({"NODENET_NO_EXTENSIONS": "1"}) == "python"


def test_no_extensions_runs_the_socket_module_from_source():
    """The compiled Socket core sits on the compiled emitter: with the pure emitter the
    socket module is imported from its source, even where the extension is installed."""
    assert _implementation({"NODENET_NO_EXTENSIONS": "1"}, _SOCKET_MODULE) == \
        "False True nodenet._emitter_py"


def test_loaded_implementation_matches_environment():
    """Under NODENET_REQUIRE_EXTENSIONS the compiled class must be the one in use."""
    if os.environ.get("NODENET_NO_EXTENSIONS"):
        expected = "python"
    elif os.environ.get("NODENET_REQUIRE_EXTENSIONS"):
        expected = "cython"
    else:
        expected = "cython" if events.CEventEmitter is not None else "python"
    assert events.IMPLEMENTATION == expected
    assert nodenet.EventEmitter is events.EventEmitter
    if expected == "cython":
        from nodenet import _emitter

        assert issubclass(events.EventEmitter, _emitter.EventEmitter)
        assert _implementation({}) == "cython"
        assert _socket.COMPILED and not _socket.__file__.endswith(".py")
        assert issubclass(nodenet.Socket, _emitter.EventEmitter)
        assert _implementation({}, _SOCKET_MODULE) == "True False nodenet._emitter"
    else:
        assert events.EventEmitter is events.PyEventEmitter
        assert not _socket.COMPILED and _socket.__file__.endswith(".py")


def test_public_class_wraps_a_core(EventEmitter):
    assert EventEmitter.__mro__[1].__module__ in ("nodenet._emitter", "nodenet._emitter_py")
    assert EventEmitter.addListener is EventEmitter.add_listener
    emitter = EventEmitter()
    emitter.extra = 1
    import weakref

    assert weakref.ref(emitter)() is emitter


_PARTIAL_BUILD_ECHO = """
import asyncio, nodenet, nodenet.events as e, nodenet._socket as s
from nodenet.events import once

async def main():
    server = nodenet.create_server(lambda c: c.pipe(c))
    server.listen(0, "127.0.0.1")
    await once(server, "listening")
    client = nodenet.connect(server.address()["port"], "127.0.0.1")
    client.end(b"ping")
    (reply,) = await once(client, "data")
    await once(client, "close")
    server.close()
    print(e.IMPLEMENTATION, s.COMPILED, s.__file__.endswith(".py"), reply.decode())

asyncio.run(main())
"""


def test_a_partial_build_runs_every_module_from_source(tmp_path):
    """setup.py's extensions are optional one by one. Where only some compiled, the pure
    socket module would meet the compiled emitter, whose C methods it cannot see: nodenet
    runs every module from its source instead, and warns."""
    package = os.path.dirname(nodenet.__file__)
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    built = [name for name in os.listdir(package) if name.endswith(suffixes)]
    socket_ext = [name for name in built if name.startswith("_socket.")]
    if not socket_ext:
        pytest.skip("no compiled modules in this installation: no partial build to make")
    copy = tmp_path / "nodenet"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "*.c"))
    (copy / socket_ext[0]).unlink()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NODENET_")}
    env["PYTHONPATH"] = str(tmp_path)
    out = subprocess.run(
        [sys.executable, "-c", _PARTIAL_BUILD_ECHO], env=env, capture_output=True, text=True,
        timeout=60, cwd=str(tmp_path),
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["python", "False", "True", "ping"]
    assert "nodenet._socket not compiled in this installation" in out.stderr
    assert "RuntimeWarning" in out.stderr
