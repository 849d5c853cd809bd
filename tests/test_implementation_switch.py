"""Which emitter nodenet.events picks: the compiled one unless told otherwise or not built."""

import os
import subprocess
import sys

import nodenet
from nodenet import events


def _implementation(env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NODENET_")}
    env.update(env_extra)
    out = subprocess.run(
        [sys.executable, "-c", "import nodenet.events as e; print(e.IMPLEMENTATION)"],
        env=env, capture_output=True, text=True, check=True,
    )
    return out.stdout.strip()


def test_no_extensions_forces_python():
    assert _implementation({"NODENET_NO_EXTENSIONS": "1"}) == "python"


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
    else:
        assert events.EventEmitter is events.PyEventEmitter


def test_public_class_wraps_a_core(EventEmitter):
    assert EventEmitter.__mro__[1].__module__ in ("nodenet._emitter", "nodenet._emitter_py")
    assert EventEmitter.addListener is EventEmitter.add_listener
    emitter = EventEmitter()
    emitter.extra = 1
    import weakref

    assert weakref.ref(emitter)() is emitter
