"""Which of nodenet's modules run compiled, and the ``NODENET_NO_EXTENSIONS`` switch for them.

``_socket.py`` and ``_server.py`` are plain Python that the build also compiles with Cython,
unchanged, into extension modules of the same names. A finder installed here decides which
file such a name loads: the source with ``NODENET_NO_EXTENSIONS`` set, or when the source
was edited after its extension was built (a stale build would run old code; a warning says
to rebuild); else the extension. One source is thus the compiled and the pure
implementation alike (the emitter, which has a Cython core of its own, reads the switch in
``events.py``).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
import warnings
from typing import Any, Optional, Sequence

NO_EXTENSIONS = bool(os.environ.get("NODENET_NO_EXTENSIONS"))

#: Modules whose Python source is also built as an extension module.
COMPILED_SOURCES = ("nodenet._socket", "nodenet._server")

#: How much newer (in seconds) a source must be than its extension to count as edited since.
_STALE_AFTER = 2.0


class _CompiledOrSourceFinder(importlib.abc.MetaPathFinder):
    """Finds the extension or the ``.py`` file of the modules in ``COMPILED_SOURCES``."""

    def find_spec(
        self, fullname: str, path: Optional[Sequence[str]], target: Any = None
    ) -> Optional[importlib.machinery.ModuleSpec]:
        if fullname not in COMPILED_SOURCES or not path:
            return None
        source = importlib.machinery.FileFinder(
            path[0], (importlib.machinery.SourceFileLoader, [".py"])
        ).find_spec(fullname, target)
        if NO_EXTENSIONS:
            return source
        compiled = importlib.machinery.FileFinder(
            path[0],
            (importlib.machinery.ExtensionFileLoader, importlib.machinery.EXTENSION_SUFFIXES),
        ).find_spec(fullname, target)
        if compiled is None or source is None:
            return compiled or source
        if _mtime(source.origin) > _mtime(compiled.origin) + _STALE_AFTER:
            warnings.warn(
                f"{compiled.origin} is older than {source.origin}; running the source. "
                "Rebuild with: python setup.py build_ext --inplace",
                RuntimeWarning,
                stacklevel=2,
            )
            return source
        return compiled


def _mtime(path: Optional[str]) -> float:
    try:
        return os.stat(path).st_mtime if path else 0.0
    except OSError:
        return 0.0


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, _CompiledOrSourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _CompiledOrSourceFinder())


def is_compiled(module: Any) -> bool:
    """True when ``module`` was loaded from an extension module, not from Python source."""
    return isinstance(getattr(module, "__loader__", None), importlib.machinery.ExtensionFileLoader)


install()
