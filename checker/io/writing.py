"""Writing files without ever leaving a half-written one or clobbering a user's work.

Every file claimcheck writes (reports, drafts, merged claim files, baselines)
goes through atomic_write: the text goes to a temporary file in the same
folder, is flushed to disk, and replaces the target with one rename. An
existing file is replaced only when the caller says so (--force, --merge), or
when `ours` recognises its content as something claimcheck wrote itself (a
report from an earlier run), so CI re-runs work and nobody else's file is lost.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Optional

FORCE_HINT = "use --force to replace it"


class WriteError(Exception):
    pass


def check_target(path: Path, overwrite: bool = False, ours: Optional[Callable[[str], bool]] = None,
                 hint: str = FORCE_HINT) -> None:
    """Raise WriteError unless path may be written: new, overwrite given, or recognised by `ours`."""
    path = Path(path)
    if path.is_dir():
        raise WriteError(f"{path} is a folder; give a file name")
    if not path.exists() or overwrite:
        return
    if ours is not None and ours(_existing_text(path)):
        return
    what = "was not written by claimcheck" if ours is not None else "exists"
    raise WriteError(f"{path} {what}; refusing to overwrite it ({hint})")


def _existing_text(path: Path) -> str:
    """The file's text, or a string that no recogniser accepts when it is not UTF-8 or cannot be read."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return "\x00not readable text"


def read_exact(path: Path) -> str:
    """A file's text exactly as stored: byte order mark and line endings kept (for byte-preserving rewrites)."""
    data = Path(path).read_bytes()
    return data.decode("utf-8")  # a BOM stays as U+FEFF and is written back as the same three bytes


def atomic_write(path: Path, text: str, overwrite: bool = False, ours: Optional[Callable[[str], bool]] = None,
                 hint: str = "use --force, or --merge for claim files") -> None:
    """Write text to path through a temporary file and a rename.

    An existing file is replaced only when overwrite is true or `ours(its text)`
    is; missing folders on the way are made; an interrupted write leaves the old file (or none) behind, never half
    of the new one, and never a temporary file.
    """
    path = Path(path)
    check_target(path, overwrite, ours, hint)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)  # `-o claims/report.yaml` in a project that has no claims yet
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            os.chmod(tmp, _mode_for(path))
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:  # also on KeyboardInterrupt: never leave the temporary file
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise WriteError(f"{path}: cannot write: {exc}") from None
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual ones (not mkstemp's 0600)."""
    if path.exists():
        return path.stat().st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
