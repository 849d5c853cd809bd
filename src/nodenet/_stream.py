"""``Stream``: the base of every stream class (Node's streams/legacy.js), an EventEmitter."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# A module of the implementation family (nodenet._impl): family modules are imported
# relatively, every other module absolutely.
from nodenet._emitter_class import public_class

from ._emitter import EventEmitter as EmitterCore

if TYPE_CHECKING:
    from nodenet.events import EventEmitter
else:
    #: The public emitter class of this family.
    EventEmitter = public_class(EmitterCore)


class Stream(EventEmitter):
    """An EventEmitter with room for a readable and a writable side's state."""

    #: The state of each side, None for a side the stream lacks.
    _readable_state: Any = None
    _writable_state: Any = None

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        capture = (options or {}).get("captureRejections")
        EventEmitter.__init__(self, capture_rejections=capture)

    def pipe(self, dest: Any, options: dict[str, Any] | None = None, *, end: bool = True) -> Any:
        """Node's legacy ``Stream.pipe``: forward 'data' to ``dest.write()``, pausing on a
        full destination and resuming on its 'drain'; end (or destroy) ``dest`` when this
        stream ends (or closes), unless ``end=False``. Returns ``dest``."""
        if options is not None and options.get("end") is False:
            end = False
        return _LegacyPipe(self, dest, end).dest


class _LegacyPipe:
    """The listeners of one legacy pipe, removed together."""

    def __init__(self, source: Any, dest: Any, end: bool) -> None:
        self.source, self.dest = source, dest
        self.ended = False
        self.on_source_error = self._on_error(source)
        self.on_dest_error = self._on_error(dest)
        source.on("data", self.on_data)
        dest.on("drain", self.on_drain)
        if end:
            source.on("end", self.on_end)
            source.on("close", self.on_close)
        source.prepend_listener("error", self.on_source_error)
        dest.prepend_listener("error", self.on_dest_error)
        source.on("end", self.cleanup)
        source.on("close", self.cleanup)
        dest.on("close", self.cleanup)
        dest.emit("pipe", source)

    def on_data(self, chunk: Any) -> None:
        pause = getattr(self.source, "pause", None)
        if getattr(self.dest, "writable", False) and self.dest.write(chunk) is False \
                and callable(pause):
            pause()

    def on_drain(self, *args: Any) -> None:
        resume = getattr(self.source, "resume", None)
        if getattr(self.source, "readable", False) and callable(resume):
            resume()

    def on_end(self, *args: Any) -> None:
        if not self.ended:
            self.ended = True
            self.dest.end()

    def on_close(self, *args: Any) -> None:
        if not self.ended:
            self.ended = True
            destroy = getattr(self.dest, "destroy", None)
            if callable(destroy):
                destroy()

    def _on_error(self, emitter: Any) -> Any:
        def on_error(err: Any) -> None:
            # with no other 'error' listener left, the error is re-emitted (and raised)
            self.cleanup()
            if emitter.listener_count("error") == 0:
                emitter.emit("error", err)

        return on_error

    def cleanup(self, *args: Any) -> None:
        source, dest = self.source, self.dest
        source.remove_listener("data", self.on_data)
        dest.remove_listener("drain", self.on_drain)
        source.remove_listener("end", self.on_end)
        source.remove_listener("close", self.on_close)
        source.remove_listener("error", self.on_source_error)
        dest.remove_listener("error", self.on_dest_error)
        source.remove_listener("end", self.cleanup)
        source.remove_listener("close", self.cleanup)
        dest.remove_listener("close", self.cleanup)

