"""Node's ``stream`` module: Readable, Writable, Duplex, Transform and PassThrough streams,
``pipeline()``, ``finished()`` and ``add_abort_signal()``; ``nodenet.stream.promises`` has
the awaitable ``pipeline`` and ``finished``.

Callbacks follow Node: ``callback()`` on success, ``callback(err)`` on failure. Node defers
many events with ``process.nextTick``; nodenet does the same with its tick queue
(``nodenet._tick``), so events come in Node's order wherever the loop allows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nodenet._add_abort_signal import add_abort_signal
from nodenet._end_of_stream import finished
from nodenet._impl import selected
from nodenet._pipeline import pipeline
from nodenet._stream_options import get_default_high_water_mark, set_default_high_water_mark
from nodenet._stream_utils import is_disturbed, is_errored, is_readable

from . import promises

if TYPE_CHECKING:
    from nodenet._duplex import Duplex
    from nodenet._readable import Readable
    from nodenet._stream import Stream
    from nodenet._transform import PassThrough, Transform
    from nodenet._writable import Writable
else:  # the classes of the implementation nodenet runs (see nodenet._impl)
    Stream = selected.stream.Stream
    Readable = selected.readable.Readable
    Writable = selected.writable.Writable
    Duplex = selected.duplex.Duplex
    Transform = selected.transform.Transform
    PassThrough = selected.transform.PassThrough

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
