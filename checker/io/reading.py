"""Reading input files safely: a size limit, and text encodings detected, never guessed.

Every file claimcheck reads (claims, documents, rules, suppressions) goes
through `read_text`. The limits are set once per command (`using`); the
defaults apply everywhere else.
"""
from __future__ import annotations

import codecs
import contextlib
import re
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 100 * 1024 * 1024  # 100 MB per file


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None  # for documents that are not UTF-8 (no BOM)


_LIMITS: ContextVar[Limits] = ContextVar("claimcheck_limits", default=Limits())


class ReadError(Exception):
    """A file that cannot be read as text; the message names it."""


@contextlib.contextmanager
def using(limits: Limits):
    token = _LIMITS.set(limits)
    try:
        yield limits
    finally:
        _LIMITS.reset(token)


def current() -> Limits:
    return _LIMITS.get()


def keep(limits: Limits) -> None:
    """Use these limits from now on (in a helper process, which reads files for the main one)."""
    _LIMITS.set(limits)


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*$", re.I)
_FACTORS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024 ** 2, "MB": 1024 ** 2, "G": 1024 ** 3, "GB": 1024 ** 3}


def parse_size(text) -> int:
    """`100MB`, `512KB`, `1GB` or a number of bytes."""
    m = _SIZE.match(str(text))
    if not m:
        raise ValueError(f"not a size: {text!r} (write 100MB, 512KB or a number of bytes)")
    return int(float(m.group(1)) * _FACTORS[m.group(2).upper()])


def check_encoding(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"unknown encoding {name!r} (try gb18030, gbk, big5, utf-16)") from None


def read_text(path: Path) -> str:
    """The file's text (UTF-8, or as a byte order mark says). Documents are read by checker.io.formats, which
    also takes the --encoding given for documents that are not UTF-8."""
    return decode(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    limit = current().max_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            raise ReadError(f"{path}: {size:,} bytes is over the size limit of {limit:,} bytes "
                            "(raise it with --max-file-size or the `max-file-size` setting)")
        with open(path, "rb") as handle:
            return handle.read(limit + 1)
    except IsADirectoryError:
        raise ReadError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(data: bytes, path, fallback: str | None = None) -> str:
    """A byte order mark decides; else UTF-8; else the fallback encoding, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom):], name, path)
    if b"\x00" in data:  # no text has NUL characters: UTF-16 without a mark
        if not (fallback or "").startswith("utf-16"):
            raise ReadError(f"{path}: contains NUL bytes: UTF-16 without a byte order mark? "
                            "Give --encoding utf-16-le (or utf-16-be), or convert it to UTF-8")
        return _decode(data, fallback, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if fallback is None:
            raise ReadError(f"{path}: not UTF-8 text (byte {exc.start}); if it is GBK or GB18030, "
                            "give --encoding gb18030") from None
        return _decode(data, fallback, path)


def _decode(data: bytes, encoding: str, path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path}: not valid {encoding} text (byte {exc.start})") from None
