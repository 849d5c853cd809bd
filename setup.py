"""Builds the optional compiled emitter (``nodenet._emitter``) with Cython.

The extension is optional: with no compiler (or no Cython) the pure-Python package is
installed and a warning says so. ``NODENET_REQUIRE_EXTENSIONS=1`` makes a failed build fatal;
``NODENET_NO_EXTENSIONS=1`` skips it.
"""

import os
import sys

from setuptools import setup

REQUIRE = bool(os.environ.get("NODENET_REQUIRE_EXTENSIONS"))
SKIP = bool(os.environ.get("NODENET_NO_EXTENSIONS"))


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
    )
    for ext in modules:
        ext.optional = not REQUIRE
    return modules


setup(ext_modules=extensions())
