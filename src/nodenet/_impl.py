"""The one switch: whether nodenet runs its compiled modules or their pure-Python twins.

The core modules exist twice, as a family: the emitter core, the handle lifetime, the
Socket, the Server and the stream classes. The pure family is the source (``nodenet._emitter``,
``nodenet._handle``, ``nodenet._socket`` ...); the compiled family is the same source built by
Cython into ``nodenet._compiled`` (the emitter core from its own ``.pyx``). Inside a family,
modules import each other relatively, so each family is whole and both can be imported in
one process (the tests run every behaviour on both).

The compiled family is used when all of it imports: ``NODENET_NO_EXTENSIONS=1`` asks for the
pure one, and an installation where part of it is missing or does not load (a partial build,
an extension built for another Python) falls back to the pure one with a warning, unless
``NODENET_REQUIRE_EXTENSIONS=1`` makes that an error.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import warnings
from types import ModuleType
from typing import NamedTuple

#: The modules of a family, in import order.
MODULES = ("_emitter", "_handle", "_socket", "_server", "_stream", "_readable_flow",
           "_readable", "_writable", "_duplex", "_transform")


class Family(NamedTuple):
    """One implementation of nodenet's core modules."""

    name: str  #: ``'cython'`` or ``'python'``
    emitter: ModuleType
    handle: ModuleType
    socket: ModuleType
    server: ModuleType
    stream: ModuleType  #: ``Stream``, the legacy base
    readable_flow: ModuleType
    readable: ModuleType
    writable: ModuleType
    duplex: ModuleType
    transform: ModuleType

    def module(self, short_name: str) -> ModuleType:
        """The family's module of that name (``'_socket'`` ...)."""
        return getattr(self, short_name.lstrip("_"))  # type: ignore[no-any-return]


_PACKAGES = {"cython": "nodenet._compiled", "python": "nodenet"}
_loaded: dict[str, Family] = {}


def load(name: str) -> Family:
    """The family ``name`` (``'cython'`` or ``'python'``); ImportError if it cannot load."""
    family = _loaded.get(name)
    if family is None:
        package = _PACKAGES[name]
        modules = [importlib.import_module(f"{package}.{module}") for module in MODULES]
        family = _loaded[name] = Family(name, *modules)
    return family


def _compiled_family() -> Family | None:
    """The compiled family, or None (with a warning if it is there but unusable)."""
    try:
        return load("cython")
    except ImportError as exc:
        if os.environ.get("NODENET_REQUIRE_EXTENSIONS"):
            raise
        if importlib.util.find_spec("nodenet._compiled") is not None and _any_built():
            warnings.warn(
                f"nodenet: the compiled modules cannot be used ({exc}); running the "
                "pure-Python implementation of every module",
                RuntimeWarning,
                stacklevel=3,
            )
        return None


def _any_built() -> bool:
    """Whether any compiled module is present (else this is a pure installation)."""
    package = importlib.import_module("nodenet._compiled")
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    folder = os.path.dirname(package.__file__ or "")
    try:
        return any(name.endswith(suffixes) for name in os.listdir(folder))
    except OSError:
        return False


def available() -> list[str]:
    """The families this installation can run, the selected one first."""
    names = [selected.name]
    if selected.name == "cython":
        names.append("python")
    return names


def _select() -> Family:
    if not os.environ.get("NODENET_NO_EXTENSIONS"):
        family = _compiled_family()
        if family is not None:
            return family
    return load("python")


#: The family nodenet runs on.
selected: Family = _select()

#: ``'cython'`` when nodenet runs compiled, ``'python'`` when it runs its pure twins.
IMPLEMENTATION: str = selected.name
