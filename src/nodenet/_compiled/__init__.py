"""nodenet's compiled modules: the Cython builds of ``nodenet._emitter`` (from
``_emitter.pyx`` here), ``nodenet._handle``, ``nodenet._socket`` and ``nodenet._server`` (from
those sources, typed by the ``.pxd`` files here). ``nodenet._impl`` decides which family runs.
"""
