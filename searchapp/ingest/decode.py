"""Bytes to text, without being told the encoding.

UTF-8 (with or without BOM), UTF-16 with BOM, TIS-620/cp874; CRLF and CR line ends.
"""

from __future__ import annotations

import codecs

from ..errors import IngestError
from ..thai.chars import clean_text

MAX_BYTES = 20 * 1024 * 1024


def decode_bytes(data: bytes) -> str:
    """Decode raw bytes to cleaned text with ``\\n`` line ends, or raise IngestError."""
    if not data.strip():
        raise IngestError("empty file")
    if len(data) > MAX_BYTES:
        raise IngestError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16")
    else:
        if b"\x00" in data:
            raise IngestError("binary file (contains NUL bytes)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _strict(data, "cp874")
    if _looks_binary(text):
        raise IngestError("binary file (mostly control characters)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return clean_text(text)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(f"cannot decode as UTF-8 or TIS-620/cp874 ({exc.reason} at byte {exc.start})") from None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(8, len(sample) // 20)
