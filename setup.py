"""Builds nodenet's optional compiled modules with Cython: the emitter core
(``nodenet._emitter``, from ``_emitter.pyx``) and the Socket core (``nodenet._socket``,
its pure-Python source compiled with the types in ``_socket.pxd``).

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
        sys.stderr.write("nodenet: Cython is missing; installing the pure-Python modules\n")
        return []
    modules = cythonize(
        ["src/nodenet/_emitter.pyx", "src/nodenet/_socket.py", "src/nodenet/_loop.py",
         "src/nodenet/_server.py"],
        compiler_directives={
            "language_level": "3",
            # annotations stay hints: the pure-Python twin runs the same source untyped
            "annotation_typing": False,
            # memory safety: a typed field or variable that is None raises instead of being
            # dereferenced; no generated pickling functions. Each extension type is compiled
            # with binding=False (a decorator on the class): its methods are then CPython
            # method descriptors, which check the type of ``self`` (Cython's binding
            # functions do not). The plain classes keep Cython's functions, which CPython
            # calls faster as methods, and reach their ``self`` through attribute lookups.
            "nonecheck": True,
            "auto_pickle": False,
        },
    )
    for ext in modules:
        ext.optional = not REQUIRE
    return modules


setup(ext_modules=extensions())
