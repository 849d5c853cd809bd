"""Fixtures shared by the suite: both emitter implementations."""

from __future__ import annotations

import importlib.util
import os

import pytest

from nodenet.events import PyEventEmitter, _finish

#: The compiled core is tested whenever it is installed, and must be when
#: NODENET_REQUIRE_EXTENSIONS is set; only a pure install (no compiler) runs without it.
_IMPLEMENTATIONS = (
    ["cython", "python"]
    if os.environ.get("NODENET_REQUIRE_EXTENSIONS") or importlib.util.find_spec("nodenet._emitter")
    else ["python"]
)


def _compiled():
    from nodenet import _emitter

    return _finish(_emitter.EventEmitter)


@pytest.fixture(params=_IMPLEMENTATIONS)
def EventEmitter(request):
    """Each test that takes this runs once on the compiled class and once on the pure one."""
    if request.param == "cython":
        return _compiled()
    return PyEventEmitter


@pytest.fixture
def restore_emitter_defaults():
    """Puts back the class-wide ``default_max_listeners`` and ``capture_rejections``."""
    saved = (PyEventEmitter.default_max_listeners, PyEventEmitter.capture_rejections)
    yield
    PyEventEmitter.default_max_listeners, PyEventEmitter.capture_rejections = saved
