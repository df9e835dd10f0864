"""Bytes to text: files and streams read whole, decoded as UTF-8 or the likeliest encoding.

Real crawls hold Latin-1 and Windows-1252 pages, so undecodable UTF-8 falls
back (with a warning) to what charset_normalizer guesses; binary data is
refused with a one-line error rather than read as garbage.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import IO

from ..errors import InputError

__all__ = ("decode", "read_file", "read_stream")

# The logger of the old single module, so log filters and tests keep working.
log = logging.getLogger("newsbrief.ingest")


def read_file(path: Path) -> str:
    """The text of a file; InputError (one line) when it cannot be read."""
    try:
        with path.open("rb") as fh:
            return read_stream(fh, str(path))
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_stream(fh: IO[bytes], name: str) -> str:
    """The text of a byte stream read to its end; InputError when it is empty."""
    data = fh.read()
    if not data.strip():
        raise InputError(f"{name}: empty input")
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8, falling back (with a warning) to the likeliest
    encoding: real crawls hold Latin-1 and Windows-1252 pages."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding, text = "latin-1", data.decode("latin-1")
    if _looks_binary(text):
        raise InputError(f"{name}: binary file, not text")
    log.warning("%s: not valid UTF-8, decoded as %s", name, encoding)
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) * 0.05
