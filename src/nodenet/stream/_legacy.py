"""``Stream``: the base of every stream class (Node's streams/legacy.js), an EventEmitter."""

from __future__ import annotations

from typing import Any

from ..events import EventEmitter


class Stream(EventEmitter):
    """An EventEmitter with room for a readable and a writable side's state."""

    #: The state of each side, None for a side the stream lacks.
    _readable_state: Any = None
    _writable_state: Any = None

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        capture = (options or {}).get("captureRejections")
        EventEmitter.__init__(self, capture_rejections=capture)
