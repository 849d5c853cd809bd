"""``Stream``: the base of every stream class (Node's streams/legacy.js), an EventEmitter."""

from __future__ import annotations

from typing import Any, Dict, Optional

from ..events import EventEmitter


class Stream(EventEmitter):
    """An EventEmitter with room for a readable and a writable side's state."""

    #: The state of each side, None for a side the stream lacks.
    _readable_state: Any = None
    _writable_state: Any = None

    def __init__(self, options: Optional[Dict[str, Any]] = None) -> None:
        capture = (options or {}).get("captureRejections")
        EventEmitter.__init__(self, capture_rejections=capture)
