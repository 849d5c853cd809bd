"""Node's ``stream`` module: Readable, Writable, Duplex, Transform and PassThrough streams,
``pipeline()``, ``finished()`` and ``add_abort_signal()``; ``nodenet.stream.promises`` has
the awaitable ``pipeline`` and ``finished``.

Callbacks follow Node: ``callback()`` on success, ``callback(err)`` on failure. Node defers
many events with ``process.nextTick``; nodenet does the same with its tick queue
(``nodenet._tick``), so events come in Node's order wherever the loop allows.
"""

from __future__ import annotations

from . import promises
from ._add_abort_signal import add_abort_signal
from ._duplex import Duplex
from ._end_of_stream import finished
from ._legacy import Stream
from ._options import get_default_high_water_mark, set_default_high_water_mark
from ._pipeline import pipeline
from ._readable import Readable
from ._transform import PassThrough, Transform
from ._utils import is_disturbed, is_errored, is_readable
from ._writable import Writable

__all__ = [
    "Stream",
    "Readable",
    "Writable",
    "Duplex",
    "Transform",
    "PassThrough",
    "pipeline",
    "finished",
    "add_abort_signal",
    "addAbortSignal",
    "get_default_high_water_mark",
    "getDefaultHighWaterMark",
    "set_default_high_water_mark",
    "setDefaultHighWaterMark",
    "is_disturbed",
    "isDisturbed",
    "is_errored",
    "isErrored",
    "is_readable",
    "isReadable",
    "promises",
]

addAbortSignal = add_abort_signal
getDefaultHighWaterMark = get_default_high_water_mark
setDefaultHighWaterMark = set_default_high_water_mark
isDisturbed = is_disturbed
isErrored = is_errored
isReadable = is_readable
