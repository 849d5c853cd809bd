"""Which implementation nodenet picks: the compiled one unless told otherwise or not built.

The emitter has a Cython core and a pure twin; ``_socket`` and ``_server`` are one Python
source that the build also compiles, and ``NODENET_NO_EXTENSIONS`` makes them load from source.
"""

import ast
import importlib.machinery
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import nodenet
from nodenet import _extensions, _server, _socket, events, net

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _implementation(env_extra, module="events"):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NODENET_")}
    env.update(env_extra)
    out = subprocess.run(
        [sys.executable, "-c", f"import nodenet.{module} as m; print(m.IMPLEMENTATION)"],
        env=env, capture_output=True, text=True, check=True,
    )
    return out.stdout.strip()


def _expected(built):
    if os.environ.get("NODENET_NO_EXTENSIONS"):
        return "python"
    if os.environ.get("NODENET_REQUIRE_EXTENSIONS"):
        return "cython"
    return "cython" if built else "python"


def test_no_extensions_forces_python():
    assert _implementation({"NODENET_NO_EXTENSIONS": "1"}) == "python"
    assert _implementation({"NODENET_NO_EXTENSIONS": "1"}, "net") == "python"


def test_net_implementation_matches_environment():
    """Socket and Server are compiled together, or both come from source."""
    expected = _expected(_extensions.is_compiled(_socket))
    assert net.IMPLEMENTATION == expected
    for module in (_socket, _server):
        assert _extensions.is_compiled(module) is (expected == "cython")
        assert module.__file__.endswith(".py") is (expected == "python")
    if expected == "cython":
        assert _implementation({}, "net") == "cython"


def test_setup_compiles_the_modules_the_switch_knows():
    """setup.py's list of compiled sources is the one ``_extensions`` redirects."""
    setup_py = ROOT / "setup.py"
    if not setup_py.exists():
        pytest.skip("an installed wheel's test run: no source tree here")
    tree = ast.parse(setup_py.read_text())
    names = [
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and node.targets[0].id == "COMPILED_SOURCES"
    ]
    assert [tuple(f"nodenet.{n}" for n in names[0])] == [_extensions.COMPILED_SOURCES]


def test_loaded_implementation_matches_environment():
    """Under NODENET_REQUIRE_EXTENSIONS the compiled class must be the one in use."""
    expected = _expected(events.CEventEmitter is not None)
    assert events.IMPLEMENTATION == expected
    assert nodenet.EventEmitter is events.EventEmitter
    if expected == "cython":
        from nodenet import _emitter

        assert issubclass(events.EventEmitter, _emitter.EventEmitter)
        assert _implementation({}) == "cython"
    else:
        assert events.EventEmitter is events.PyEventEmitter


def test_public_class_wraps_a_core(EventEmitter):
    assert EventEmitter.__mro__[1].__module__ in ("nodenet._emitter", "nodenet._emitter_py")
    assert EventEmitter.addListener is EventEmitter.add_listener
    emitter = EventEmitter()
    emitter.extra = 1
    import weakref

    assert weakref.ref(emitter)() is emitter


def test_source_edited_after_the_build_is_what_runs(tmp_path):
    """A compiled module older than its source would run old code: the source runs, and a
    warning says to rebuild."""
    package = pathlib.Path(nodenet.__file__).parent
    built = [package / f"_socket{suffix}" for suffix in importlib.machinery.EXTENSION_SUFFIXES]
    if not any(path.exists() for path in built):
        pytest.skip("no compiled Socket in this install (built without a compiler)")
    copy = tmp_path / "nodenet"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    edited = copy / "_socket.py"
    later = max(os.stat(p).st_mtime for p in built if p.exists()) + 60
    os.utime(edited, (later, later))
    env = {k: v for k, v in os.environ.items() if not k.startswith("NODENET_")}
    env["PYTHONPATH"] = str(tmp_path)
    out = subprocess.run(
        [sys.executable, "-c",
         "import nodenet.net as n, nodenet._socket as s, nodenet._server as v;"
         "print(n.IMPLEMENTATION, s.__file__, v.__file__)"],
        env=env, capture_output=True, text=True, check=True,
    )
    implementation, socket_file, server_file = out.stdout.split()
    assert implementation == "python"
    assert socket_file == str(edited)
    assert server_file.startswith(str(copy)) and not server_file.endswith(".py")
    assert "is older than" in out.stderr and "build_ext --inplace" in out.stderr
