"""Fixtures shared by the suite: both emitter implementations, both event loops."""

from __future__ import annotations

import os

import pytest

from nodenet.events import PyEventEmitter, _finish


def _compiled():
    from nodenet import _emitter  # built by .ci/setup; a missing build fails these tests

    return _finish(_emitter.EventEmitter)


@pytest.fixture(params=["cython", "python"])
def EventEmitter(request):
    """Each test that takes this runs once on the compiled class and once on the pure one."""
    if request.param == "cython":
        return _compiled()
    return PyEventEmitter


@pytest.fixture
def require_extensions():
    return bool(os.environ.get("NODENET_REQUIRE_EXTENSIONS"))
