"""The compiled emitter is the one loaded unless NODENET_NO_EXTENSIONS says otherwise."""

import os
import subprocess
import sys

import pytest

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


def test_compiled_is_default_when_built():
    assert _implementation({}) == "cython"


def test_no_extensions_forces_python():
    assert _implementation({"NODENET_NO_EXTENSIONS": "1"}) == "python"


@pytest.mark.skipif(not os.environ.get("NODENET_REQUIRE_EXTENSIONS"),
                    reason="this run selected the pure emitter on purpose")
def test_required_extension_is_loaded():
    from nodenet import _emitter

    assert events.IMPLEMENTATION == "cython"
    assert issubclass(events.EventEmitter, _emitter.EventEmitter)
    assert nodenet.EventEmitter is events.EventEmitter


def test_pure_class_is_pure(EventEmitter):
    assert EventEmitter.__mro__[1].__module__ in ("nodenet._emitter", "nodenet._emitter_py")
