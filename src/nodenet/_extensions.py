"""Which of nodenet's compiled modules are used.

``nodenet._socket`` is built twice over: as its source and, when the package was built
with Cython, as an extension whose Socket core sits on the compiled emitter core. When
the emitter in use is the pure one (``NODENET_NO_EXTENSIONS``, or no compiled emitter),
the socket module must be the source too; this finder makes the import take the ``.py``
even where the extension is installed next to it.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from typing import Optional, Sequence

#: Modules that are both a source file and, when built, an extension of the same name.
DUAL_MODULES = ("nodenet._socket", "nodenet._loop", "nodenet._server")


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
