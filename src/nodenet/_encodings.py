"""Node's Buffer encodings: ``str`` to ``bytes`` for write(), decoders for set_encoding()."""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from collections.abc import Callable
from typing import Any

from .errors import NodeTypeError, invalid_arg_type


def _replace_surrogates(exc: UnicodeError) -> tuple[bytes, int]:
    if isinstance(exc, UnicodeEncodeError):
        return (b"\xef\xbf\xbd" * (exc.end - exc.start), exc.end)
    raise exc


codecs.register_error("nodenet.replace", _replace_surrogates)

_NORMAL: dict[str, str] = {
    "utf8": "utf8", "utf-8": "utf8",
    "latin1": "latin1", "binary": "latin1",
    "ascii": "ascii",
    "hex": "hex",
    "base64": "base64", "base64url": "base64url",
    "utf16le": "utf16le", "utf-16le": "utf16le", "ucs2": "utf16le", "ucs-2": "utf16le",
}


def unknown_encoding(encoding: Any) -> NodeTypeError:
    return NodeTypeError("ERR_UNKNOWN_ENCODING", f"Unknown encoding: {encoding}")


def is_encoding(encoding: Any) -> bool:
    """Node's ``Buffer.isEncoding``: a non-empty str naming an encoding Node knows."""
    return isinstance(encoding, str) and bool(encoding) and (
        encoding in _NORMAL or encoding.lower() in _NORMAL)


def normalize(encoding: Any) -> str:
    """Node's canonical name of ``encoding``; ``ERR_UNKNOWN_ENCODING`` otherwise."""
    if encoding is None:
        return "utf8"
    if isinstance(encoding, str):
        name = _NORMAL.get(encoding) or _NORMAL.get(encoding.lower())
        if name is not None:
            return name
    raise unknown_encoding(encoding)


def _latin1(text: str) -> bytes:
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        units = text.encode("utf-16-le", "surrogatepass")
        return units[::2]


_HEX_PAIR = re.compile(r"[0-9a-fA-F]{2}")
_B64_JUNK = re.compile(r"[^A-Za-z0-9+/\-_]")


def _hex(text: str) -> bytes:
    try:
        return bytes.fromhex(text) if len(text) % 2 == 0 and " " not in text else _hex_slow(text)
    except ValueError:
        return _hex_slow(text)


def _hex_slow(text: str) -> bytes:
    out = bytearray()
    for i in range(0, len(text) - 1, 2):
        if not _HEX_PAIR.fullmatch(text, i, i + 2):
            break
        out.append(int(text[i:i + 2], 16))
    return bytes(out)


def _base64(text: str) -> bytes:
    text = text.split("=", 1)[0]
    text = _B64_JUNK.sub("", text).replace("-", "+").replace("_", "/")
    if len(text) % 4 == 1:
        text = text[:-1]
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error:
        return b""


_ENCODERS: dict[str, Callable[[str], bytes]] = {
    "utf8": lambda s: s.encode("utf-8", "nodenet.replace"),
    "latin1": _latin1,
    "ascii": _latin1,
    "hex": _hex,
    "base64": _base64,
    "base64url": _base64,
    "utf16le": lambda s: s.encode("utf-16-le", "surrogatepass"),
}


def to_bytes(data: Any, encoding: Any = None, name: str = "chunk") -> bytes:
    """``data`` (``bytes``-like or ``str`` in a Node encoding) as ``bytes``."""
    if isinstance(data, str):
        if encoding is None or encoding == "utf8" or encoding == "utf-8":
            return data.encode("utf-8", "nodenet.replace")
        return _ENCODERS[normalize(encoding)](data)
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if data is None:
        raise NodeTypeError("ERR_STREAM_NULL_VALUES", "May not write null values to stream")
    raise invalid_arg_type(
        name, "of type string or an instance of Buffer, TypedArray, or DataView", data
    )


class _Base64Decoder:
    """Decodes a byte stream to base64 text in whole 3-byte groups, like Node's StringDecoder."""

    def __init__(self, url: bool) -> None:
        self.url = url
        self.rest = b""

    def decode(self, data: bytes, final: bool = False) -> str:
        data = self.rest + data
        cut = len(data) if final else len(data) - len(data) % 3
        self.rest = data[cut:]
        if self.url:
            return base64.urlsafe_b64encode(data[:cut]).decode("ascii").rstrip("=")
        return base64.b64encode(data[:cut]).decode("ascii")


_LOW7 = bytes(i & 0x7F for i in range(256))


class _AsciiDecoder:
    def decode(self, data: bytes, final: bool = False) -> str:
        return data.translate(_LOW7).decode("ascii")


class _HexDecoder:
    def decode(self, data: bytes, final: bool = False) -> str:
        return data.hex()


def decoder(encoding: Any) -> Any | None:
    """An incremental decoder (``.decode(bytes, final=False) -> str``) for ``encoding``."""
    name = normalize(encoding)
    if name == "utf8":
        return codecs.getincrementaldecoder("utf-8")("replace")
    if name == "latin1":
        return codecs.getincrementaldecoder("latin-1")()
    if name == "ascii":
        return _AsciiDecoder()
    if name == "utf16le":
        return codecs.getincrementaldecoder("utf-16-le")("replace")
    if name == "hex":
        return _HexDecoder()
    return _Base64Decoder(name == "base64url")
