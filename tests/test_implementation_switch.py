"""The one switch (nodenet._impl): compiled modules unless told otherwise, none of them when
any is missing or does not load, and both families importable in one process."""

from __future__ import annotations

import importlib.machinery
import os
import shutil
import subprocess
import sys
from typing import Any

import pytest

import nodenet
import nodenet.net as net
import nodenet.stream as stream
from nodenet import _impl, events
from nodenet.net import Socket
from nodenet.stream import Transform

_REPORT = (
    "import nodenet, nodenet._impl as i, nodenet.events as e, nodenet.stream as s;"
    " print(i.IMPLEMENTATION, e.IMPLEMENTATION, nodenet.Socket.__module__,"
    " nodenet.Server.__module__, e.EventEmitter.__mro__[1].__module__,"
    " s.Readable.__module__, s.Writable.__module__, s.PassThrough.__module__)"
)


def _run(env_extra: dict[str, str], code: str = _REPORT, path: str = "") -> Any:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NODENET_")}
    env.update(env_extra)
    if path:
        env["PYTHONPATH"] = path
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60, cwd=path or None)


def _compiled_files() -> list[str]:
    folder = os.path.join(os.path.dirname(nodenet.__file__), "_compiled")
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(name for name in os.listdir(folder) if name.endswith(suffixes))


PURE = ("python python nodenet._socket nodenet._server nodenet._emitter nodenet._readable "
        "nodenet._writable nodenet._transform")
COMPILED = ("cython cython nodenet._compiled._socket nodenet._compiled._server "
            "nodenet._compiled._emitter nodenet._compiled._readable nodenet._compiled._writable "
            "nodenet._compiled._transform")


def test_no_extensions_selects_every_pure_module():
    out = _run({"NODENET_NO_EXTENSIONS": "1"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == PURE.split()


def test_the_compiled_family_is_selected_when_built():
    if not _compiled_files():
        pytest.skip("no compiled modules in this installation")
    out = _run({})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == COMPILED.split()


def test_both_families_import_in_one_process():
    names = _impl.available()
    assert names[0] == _impl.IMPLEMENTATION
    families = [_impl.load(name) for name in names]
    for family in families:
        assert issubclass(family.socket.Socket, family.emitter.EventEmitter)
        assert issubclass(family.server.Server, family.emitter.EventEmitter)
        assert family.server.Socket is family.socket.Socket
        assert issubclass(family.duplex.Duplex, family.readable.Readable)
        assert issubclass(family.transform.PassThrough, family.duplex.Duplex)
        assert issubclass(family.stream.Stream, family.emitter.EventEmitter)
    if len(families) == 2:
        compiled, pure = families
        assert compiled.socket.Socket is not pure.socket.Socket
        assert compiled.socket.__name__ == "nodenet._compiled._socket"
        assert pure.socket.__name__ == "nodenet._socket"


def test_the_twin_fixture_puts_its_family_behind_the_public_names(twin):
    sock = net.Socket()
    assert type(sock) is twin.socket.Socket
    assert nodenet.Socket is twin.socket.Socket
    assert type(net.create_server()) is twin.server.Server
    assert isinstance(events.EventEmitter(), twin.emitter.EventEmitter)
    assert events.IMPLEMENTATION == twin.name
    assert stream.Readable is twin.readable.Readable
    assert type(stream.PassThrough()) is twin.transform.PassThrough
    assert isinstance(stream.Duplex(), twin.emitter.EventEmitter)


def test_the_twin_fixture_swaps_the_names_the_test_module_imported(twin):
    assert Socket is twin.socket.Socket
    assert Transform is twin.transform.Transform


def test_public_class_wraps_a_core(EventEmitter):
    assert EventEmitter.__mro__[1].__module__ in ("nodenet._compiled._emitter",
                                                  "nodenet._emitter")
    assert EventEmitter.addListener is EventEmitter.add_listener
    emitter = EventEmitter()
    emitter.extra = 1
    import weakref

    assert weakref.ref(emitter)() is emitter


_ECHO = """
import asyncio, nodenet, nodenet._impl as i
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
    print(i.IMPLEMENTATION, type(client).__module__, reply.decode())

asyncio.run(main())
"""


def _copy_package(tmp_path: Any) -> Any:
    package = os.path.dirname(nodenet.__file__)
    copy = tmp_path / "nodenet"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "*.c"))
    return copy / "_compiled"


@pytest.mark.parametrize("module", _impl.MODULES)
def test_a_partial_build_runs_every_module_from_source(tmp_path, module):
    """setup.py's extensions are optional one by one: where one did not compile, every
    module runs from its source, with a warning."""
    built = [name for name in _compiled_files() if name.startswith(module + ".")]
    if not built:
        pytest.skip("no compiled modules in this installation: no partial build to make")
    (_copy_package(tmp_path) / built[0]).unlink()
    out = _run({}, _ECHO, str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["python", "nodenet._socket", "ping"]
    assert "the compiled modules cannot be used" in out.stderr
    assert "RuntimeWarning" in out.stderr


def test_an_extension_that_does_not_load_runs_every_module_from_source(tmp_path):
    """An extension of the right name that fails to load (built for another Python, a
    broken file) counts as missing."""
    built = [name for name in _compiled_files() if name.startswith("_server.")]
    if not built:
        pytest.skip("no compiled modules in this installation")
    (_copy_package(tmp_path) / built[0]).write_bytes(b"not a shared object")
    out = _run({}, _ECHO, str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["python", "nodenet._socket", "ping"]
    assert "RuntimeWarning" in out.stderr


def test_require_extensions_makes_an_unusable_build_an_error(tmp_path):
    built = [name for name in _compiled_files() if name.startswith("_socket.")]
    if not built:
        pytest.skip("no compiled modules in this installation")
    (_copy_package(tmp_path) / built[0]).unlink()
    out = _run({"NODENET_REQUIRE_EXTENSIONS": "1"}, _ECHO, str(tmp_path))
    assert out.returncode != 0
    assert "ImportError" in out.stderr or "ModuleNotFoundError" in out.stderr
