"""Which of nodenet's compiled modules are used: all of them or none.

``nodenet._socket`` is built twice over: as its source and, when the package was built
with Cython, as an extension whose Socket core sits on the compiled emitter core. When
the emitter in use is the pure one (``NODENET_NO_EXTENSIONS``, no compiled emitter, or a
build where only some of the extensions compiled), the socket module must be the source
too; this finder makes the import take the ``.py`` even where the extension is installed
next to it.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from typing import List, Optional, Sequence

#: Modules that are both a source file and, when built, an extension of the same name.
DUAL_MODULES = ("nodenet._socket", "nodenet._loop", "nodenet._server")

#: Every module setup.py compiles.
EXTENSION_MODULES = ("nodenet._emitter", *DUAL_MODULES)

#: False once nodenet has decided to run from its sources only.
use_compiled = True


class _SourceFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Optional[Sequence[str]],
                  target: object = None) -> Optional[importlib.machinery.ModuleSpec]:
        if fullname not in DUAL_MODULES or not path:
            return None
        for entry in path:
            source = os.path.join(entry, fullname.rpartition(".")[2] + ".py")
            if os.path.isfile(source):
                return importlib.util.spec_from_file_location(fullname, source)
        return None


def use_sources() -> None:
    """Import the dual modules from their source from now on."""
    if not any(isinstance(finder, _SourceFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder())


def missing_extensions(package_dir: str) -> List[str]:
    """The modules of ``EXTENSION_MODULES`` with no extension file in ``package_dir``."""
    try:
        names = set(os.listdir(package_dir))
    except OSError:
        names = set()
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    return [
        module for module in EXTENSION_MODULES
        if not any(module.rpartition(".")[2] + suffix in names for suffix in suffixes)
    ]


def choose(package_dir: str = os.path.dirname(os.path.abspath(__file__))) -> None:
    """Decide, once, before any of them is imported, whether the compiled modules run.

    They run together or not at all: the compiled Socket core needs the compiled emitter
    core, and the pure socket module cannot drive the compiled emitter (its C methods are
    not visible from Python). ``NODENET_NO_EXTENSIONS`` asks for the sources; a build in
    which only some extensions compiled gets them too, with a warning.
    """
    global use_compiled
    if os.environ.get("NODENET_NO_EXTENSIONS"):
        use_compiled = False
    else:
        missing = missing_extensions(package_dir)
        if missing and len(missing) < len(EXTENSION_MODULES):
            warnings.warn(
                f"nodenet: {', '.join(missing)} not compiled in this installation; "
                "running the pure-Python implementation of every module",
                RuntimeWarning,
                stacklevel=2,
            )
        use_compiled = not missing
    if not use_compiled:
        use_sources()


choose()
