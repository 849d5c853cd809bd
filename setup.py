"""Builds nodenet's optional extension modules with Cython.

``nodenet._emitter`` is the emitter's Cython core (``_emitter.pyx``, with a pure twin in
``_emitter_py.py``). ``nodenet._socket`` and ``nodenet._server`` are the Python sources
compiled as they are (annotations are not used as C types), so the compiled and the pure
net module are one implementation; ``nodenet._extensions`` picks between them at import.

The extensions are optional: with no compiler (or no Cython) the pure-Python package is
installed and a warning says so. ``NODENET_REQUIRE_EXTENSIONS=1`` makes a failed build fatal;
``NODENET_NO_EXTENSIONS=1`` skips it.
"""

import os
import sys

from setuptools import Extension, setup

REQUIRE = bool(os.environ.get("NODENET_REQUIRE_EXTENSIONS"))
SKIP = bool(os.environ.get("NODENET_NO_EXTENSIONS"))
#: Kept equal to ``nodenet._extensions.COMPILED_SOURCES`` (a test checks).
COMPILED_SOURCES = ("_socket", "_server")


def extensions():
    if SKIP:
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        if REQUIRE:
            raise
        sys.stderr.write("nodenet: Cython is missing; installing the pure-Python emitter\n")
        return []
    modules = cythonize(
        ["src/nodenet/_emitter.pyx"],
        compiler_directives={"language_level": "3"},
    ) + cythonize(
        [Extension(f"nodenet.{name}", [f"src/nodenet/{name}.py"]) for name in COMPILED_SOURCES],
        compiler_directives={"language_level": "3", "annotation_typing": False, "binding": True},
    )
    for ext in modules:
        ext.optional = not REQUIRE
    return modules


setup(ext_modules=extensions())
