# Compiled, Readable's push(), unshift() and read() call the machinery in C.

from nodenet._compiled._readable_flow cimport push_chunk, read_stream, unshift_chunk
