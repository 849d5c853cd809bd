"""Which of nodenet's modules run compiled, and the ``NODENET_NO_EXTENSIONS`` switch for them.

``_socket.py`` and ``_server.py`` are plain Python that the build also compiles with Cython,
unchanged, into extension modules of the same names; Python's import system then prefers
the compiled file. With ``NODENET_NO_EXTENSIONS`` set, a finder installed here makes those
names load from their ``.py`` source instead, so one source is the compiled and the pure
implementation alike (the emitter, which has a Cython core of its own, reads the switch in
``events.py``).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from typing import Any, Optional, Sequence

NO_EXTENSIONS = bool(os.environ.get("NODENET_NO_EXTENSIONS"))

#: Modules whose Python source is also built as an extension module.
COMPILED_SOURCES = ("nodenet._socket", "nodenet._server")


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the ``.py`` file of the modules in ``COMPILED_SOURCES``, never their extension."""

    def find_spec(
        self, fullname: str, path: Optional[Sequence[str]], target: Any = None
    ) -> Optional[importlib.machinery.ModuleSpec]:
        if fullname not in COMPILED_SOURCES or not path:
            return None
        finder = importlib.machinery.FileFinder(
            path[0], (importlib.machinery.SourceFileLoader, [".py"])
        )
        return finder.find_spec(fullname, target)


def install() -> None:
    """With ``NODENET_NO_EXTENSIONS`` set, make the compiled modules load from source.

    Runs when this module is imported, which the package's ``__init__`` does first of all.
    """
    if NO_EXTENSIONS and not any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder())


def is_compiled(module: Any) -> bool:
    """True when ``module`` was loaded from an extension module, not from Python source."""
    return isinstance(getattr(module, "__loader__", None), importlib.machinery.ExtensionFileLoader)


install()
