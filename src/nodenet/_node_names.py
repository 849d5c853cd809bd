"""Node's camelCase names as true aliases of nodenet's snake_case ones, from one table each."""

from __future__ import annotations

EMITTER_ALIASES: dict[str, str] = {
    "addListener": "add_listener",
    "prependListener": "prepend_listener",
    "prependOnceListener": "prepend_once_listener",
    "removeListener": "remove_listener",
    "removeAllListeners": "remove_all_listeners",
    "rawListeners": "raw_listeners",
    "listenerCount": "listener_count",
    "eventNames": "event_names",
    "setMaxListeners": "set_max_listeners",
    "getMaxListeners": "get_max_listeners",
}


def add_aliases(cls: type, table: dict[str, str]) -> type:
    """Bind each camelCase name of ``table`` to the very object its snake_case name holds."""
    for node_name, name in table.items():
        for klass in cls.__mro__:
            if name in klass.__dict__:
                setattr(cls, node_name, klass.__dict__[name])
                break
        else:
            raise AttributeError(f"{cls.__name__} has no {name} to alias as {node_name}")
    return cls


SERVER_ALIASES: dict[str, str] = {
    "getConnections": "get_connections",
    "maxConnections": "max_connections",
}

SOCKET_ALIASES: dict[str, str] = {
    "setEncoding": "set_encoding",
    "setNoDelay": "set_no_delay",
    "setKeepAlive": "set_keep_alive",
    "setTimeout": "set_timeout",
    "destroySoon": "destroy_soon",
    "resetAndDestroy": "reset_and_destroy",
    "isPaused": "is_paused",
    "remoteAddress": "remote_address",
    "remotePort": "remote_port",
    "remoteFamily": "remote_family",
    "localAddress": "local_address",
    "localPort": "local_port",
    "localFamily": "local_family",
    "bytesRead": "bytes_read",
    "bytesWritten": "bytes_written",
    "readyState": "ready_state",
    "writableLength": "writable_length",
    "writableHighWaterMark": "writable_high_water_mark",
    "readableHighWaterMark": "readable_high_water_mark",
    "writableEnded": "writable_ended",
    "writableFinished": "writable_finished",
    "readableEnded": "readable_ended",
    "readableLength": "readable_length",
    "readableFlowing": "readable_flowing",
    "allowHalfOpen": "allow_half_open",
}
