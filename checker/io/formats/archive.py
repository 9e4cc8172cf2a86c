"""Word and Excel files are zip archives: opened only when what they expand to fits the size limit.

A zip bomb (a few kilobytes that expand to gigabytes) is refused from its
table of contents, before anything is expanded. Python's zipfile never
expands an entry past the size its table of contents declares, so checking
the declared sizes bounds what is read.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from checker.io import reading
from checker.io.reading import ReadError


def refuse_unsafe(data: bytes, path: Path) -> None:
    """ReadError when the archive is damaged or expands past the size limit; nothing when it may be opened."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(f"{path}: a damaged or truncated file: {exc}") from None
    limit = reading.current().max_bytes
    expanded = sum(info.file_size for info in infos)
    if expanded > limit:
        raise ReadError(f"{path}: expands to {expanded:,} bytes, over the size limit of {limit:,} bytes "
                        "(a zip bomb, or raise the limit with --max-file-size)")
    broken = archive.testzip() if len(data) < 64 * 1024 * 1024 else None
    if broken is not None:
        raise ReadError(f"{path}: a damaged or truncated file ({broken} does not match its checksum)")
