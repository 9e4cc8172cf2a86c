"""What files held when last read, by their status: an unchanged file need not be read again to be known.

A file's status is its device, inode, size, and modification and change
times in nanoseconds. While it is the status noted beside a digest of the
file, the file holds what it held then: every write changes the
modification time, and anything that sets that time back (touch -d, cp -p,
rsync -t) changes the change time, which no one can set. This is how git's
index, make and mypy's cache know a file is unchanged. One race remains: a
write in the same clock tick as the status was taken leaves it unchanged, so
a status younger than MARGIN seconds when the run began is never noted (as
git treats a "racily clean" entry); such a file is read again next time.

The memo is plain data (an Arrow IPC file of typed columns) in the cache
folder, one per set of claim paths, and holds only while the setting it
names holds: claimcheck's version, the code that reads and digests files and
the limits files are read with. Deleting it, or a damaged one, only means
every file is read again.
"""
from __future__ import annotations

import os
import time

from checker.incremental.cache import known_setting, read_arrow

MARGIN = 2.0  # seconds: far beyond any file system's clock tick


def status(path) -> tuple:
    """The file's status as noted (os.stat follows links: the status of what is read)."""
    st = os.stat(path)
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def memo(cache, paths: list) -> "Known":
    """The memo of what the files of a run over these claim paths held, kept in the cache."""
    return Known(cache.run_file("known", paths), known_setting(), cache.store_arrow)


class Known:
    """Digests of files by path, each valid while the file's status is the one noted with it."""

    def __init__(self, where=None, setting: str = "", store=None):
        self._where, self._setting, self._store = where, setting, store
        self._since = time.time_ns() - int(MARGIN * 1e9)  # statuses taken from now on: trusted only if older
        self._old = _read(where, setting) if where is not None else {}
        self._now: dict = {}  # path → (status, digest) of this run
        self._fresh = False  # a digest was noted that the stored memo lacks

    @staticmethod
    def status(path) -> tuple | None:
        """The file's status now, None when it cannot be taken (reading the file then says why)."""
        try:
            return status(path)
        except OSError:
            return None

    def get(self, path: str, now: tuple | None) -> str | None:
        """The digest noted for path, when its status now is the status noted with it."""
        held = self._old.get(path)
        if held is None or now is None or held[0] != now:
            return None
        self._now[path] = held
        return held[1]

    def note(self, path: str, before: tuple, digest: str) -> None:
        """Note a digest of path read after its status was before (a status too young to trust is not noted)."""
        if max(before[3], before[4]) < self._since:
            self._now[path] = (before, digest)
            self._fresh = self._fresh or self._old.get(path) != (before, digest)

    def save(self) -> None:
        """Keep this run's entries (the files looked at now) when they differ from the stored ones."""
        if self._where is None or self._store is None or (not self._fresh and self._now.keys() == self._old.keys()):
            return
        import pyarrow as pa

        paths = list(self._now)
        held = list(self._now.values())
        columns = {"path": pa.array(paths, pa.string())}
        for at, (name, kind) in enumerate(_fields()):
            columns[name] = pa.array([h[0][at] for h in held], kind)
        columns["digest"] = pa.array([h[1] for h in held], pa.string())
        table = pa.table(columns, schema=_schema()).replace_schema_metadata({"setting": self._setting})
        self._store(self._where, table.schema, [table])


def _fields() -> list:
    """The status's columns: device, inode and size unsigned, times signed (a file may predate 1970)."""
    import pyarrow as pa

    return [("device", pa.uint64()), ("inode", pa.uint64()), ("size", pa.uint64()),
            ("mtime_ns", pa.int64()), ("ctime_ns", pa.int64())]


def _schema():
    import pyarrow as pa

    return pa.schema([("path", pa.string())] + _fields() + [("digest", pa.string())])


def _read(where, setting: str) -> dict:
    def entries(reader):
        if (reader.schema.metadata or {}).get(b"setting") != setting.encode() or (
                reader.schema.remove_metadata() != _schema()):
            return None
        table = reader.read_all()
        columns = [table.column(name).to_pylist() for name, _ in _fields()]
        return dict(zip(table.column("path").to_pylist(),
                        zip(zip(*columns), table.column("digest").to_pylist())))

    return read_arrow(where, entries) or {}
