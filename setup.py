"""Builds nodenet's optional compiled modules with Cython: the family ``nodenet._compiled``
(the emitter core from ``_emitter.pyx``; the handle, Socket, Server and stream modules from their
pure-Python source, with the types in ``src/nodenet/_compiled/*.pxd``).

The extension is optional: with no compiler (or no Cython) the pure-Python package is
installed and a warning says so. ``NODENET_REQUIRE_EXTENSIONS=1`` makes a failed build fatal;
``NODENET_NO_EXTENSIONS=1`` skips it; ``NODENET_DEBUG_BUILD=1`` keeps the symbols.
"""

import os
import sys

from setuptools import Extension, setup

REQUIRE = bool(os.environ.get("NODENET_REQUIRE_EXTENSIONS"))
SKIP = bool(os.environ.get("NODENET_NO_EXTENSIONS"))
#: Keep the symbols in the extensions (for profilers and debuggers); they are stripped
#: otherwise, which makes them about 7x smaller.
DEBUG = bool(os.environ.get("NODENET_DEBUG_BUILD"))


def strip_args():
    """Linker arguments that leave the symbol tables out of the extensions."""
    if DEBUG:
        return []
    if sys.platform.startswith("linux"):
        return ["-Wl,--strip-all"]
    if sys.platform == "darwin":
        return ["-Wl,-S", "-Wl,-x"]
    return []  # MSVC writes no debug information unless asked


#: The compiled family (see nodenet._impl): module name -> source. The emitter core has a
#: source of its own; the others are the pure modules' own source, built under another name
#: and typed by the .pxd of that name in src/nodenet/_compiled/.
COMPILED = {
    "nodenet._compiled._emitter": "src/nodenet/_compiled/_emitter.pyx",
    "nodenet._compiled._handle": "src/nodenet/_handle.py",
    "nodenet._compiled._socket": "src/nodenet/_socket.py",
    "nodenet._compiled._server": "src/nodenet/_server.py",
    "nodenet._compiled._stream": "src/nodenet/_stream.py",
    "nodenet._compiled._readable_flow": "src/nodenet/_readable_flow.py",
    "nodenet._compiled._readable": "src/nodenet/_readable.py",
    "nodenet._compiled._writable": "src/nodenet/_writable.py",
    "nodenet._compiled._duplex": "src/nodenet/_duplex.py",
    "nodenet._compiled._transform": "src/nodenet/_transform.py",
}


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
        [Extension(name, [source], extra_link_args=strip_args())
         for name, source in COMPILED.items()],
        include_path=["src"],
        build_dir="build/cython",  # the generated C stays out of the package
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
