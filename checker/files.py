"""Writing files without ever leaving a half-written one or clobbering a user's work."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class WriteError(Exception):
    pass


def atomic_write(path: Path, text: str, overwrite: bool = False) -> None:
    """Write text to path through a temporary file and a rename.

    An existing file is replaced only when overwrite is true; an interrupted
    write leaves the old file (or none) behind, never half of the new one.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise WriteError(f"{path} exists; refusing to overwrite it (use --force, or --merge for claim files)")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc}") from None
    try:
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:  # also on KeyboardInterrupt: never leave the temporary file
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise WriteError(f"{path}: cannot write: {exc}") from None
        raise


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual ones (not mkstemp's 0600)."""
    if path.exists():
        return path.stat().st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
