"""A content-addressed cache of parsed claim files, so an unchanged file is never parsed twice.

Each entry is one Parquet file named by the SHA-256 of the claim file's
bytes, claimcheck's version and the code that reads claim files: an edit
makes a new key, a rename finds the old entry (paths and row numbers are
attached on the way out, never stored), and a new claimcheck never reads an
older one's entries. Entries hold only plain
data (JSON text in Parquet columns, no pickles), so a planted cache file can
at worst be refused, never executed. The folder is safe to delete at any
time; a damaged or unreadable entry counts as a miss.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from checker import __version__
from checker.loader import Problem
from checker.records import Record, make_record

FORMAT = "2"  # bump when Record, Problem or the loader's output changes shape
DEFAULT_FOLDER = ".claimcheck-cache"
# Lines and columns are typed columns; the rest of a record (values, field lines, ignore,
# relations, raw value) is one JSON array per row: one encoder call per record, where a
# column per part cost five, and the cold run pays for them.


class Cache:
    def __init__(self, folder: Path | str = DEFAULT_FOLDER):
        self.folder = Path(folder)
        self.hits = self.misses = 0

    def key(self, data: bytes) -> str:
        digest = hashlib.sha256(data)
        digest.update(f"\0claimcheck {__version__} cache {FORMAT} {_reader_code()}".encode())
        return digest.hexdigest()

    def held(self, path: Path) -> str | None:
        """The key of the file as it is now, when an entry is stored under it (None when not or unreadable)."""
        from checker import inputs

        try:
            key = self.key(inputs.read_bytes(path))
        except inputs.ReadError:
            return None
        return key if self._entry(key).is_file() else None

    def get(self, key: str, path: str, first_row: int) -> tuple[list[Record], list[Problem]] | None:
        """The records and problems stored under key, placed at path and numbered from first_row."""
        entry = self._entry(key)
        if not entry.is_file():  # cheaper than asking Parquet to open it
            self.misses += 1
            return None
        try:
            import pyarrow.parquet as pq

            table = pq.ParquetFile(entry).read()
            kept = json.loads(table.schema.metadata[b"problems"])
            parts = [[line, column, *rest] for line, column, rest in zip(
                table.column("line").to_pylist(), table.column("column").to_pylist(),
                _json_column(table.column("record").to_pylist()))]
            found = placed(parts, kept, path, first_row)
        except Exception:  # absent or damaged: a miss, and the next put replaces it
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, key: str, records: list[Record], problems: list[Problem], first_row: int) -> bool:
        """Store one file's parse; False (and nothing stored) when it holds values JSON cannot keep exactly."""
        parts, kept = portable(records, problems, first_row)
        rest = [part[2:] for part in parts]
        if not _exact_types(rest):
            return False  # dates, non-text keys, …: parse this file each time rather than change it
        encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
        cells = [encode(part) for part in rest]
        rows = {"line": [part[0] for part in parts], "column": [part[1] for part in parts], "record": cells}
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.table(rows, schema=pa.schema([("line", pa.int64()), ("column", pa.int64()), ("record", pa.string())]))
        table = table.replace_schema_metadata({"problems": json.dumps(kept, ensure_ascii=False)})
        entry = self._entry(key)
        try:
            self._prepare()
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=entry.parent)
            os.close(fd)
            try:
                pq.write_table(table, tmp, compression="zstd")
                os.replace(tmp, entry)  # readers see the whole entry or none
            finally:
                Path(tmp).unlink(missing_ok=True)
        except OSError:
            return False  # a read-only or full disk slows the next run down; it must not stop this one
        return True

    def _prepare(self) -> None:
        """Mark a new cache folder as one, for backup tools and git, as pytest and ruff do."""
        if self.folder.is_dir():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".gitignore").write_text("# created by claimcheck: safe to delete\n*\n", encoding="utf-8")
        (self.folder / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# claimcheck's cache of parsed claim files\n",
            encoding="utf-8")

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.parquet"


def portable(records: list[Record], problems: list[Problem], first_row: int) -> tuple[list, list]:
    """One file's parse as plain lists, rows counted from the file's first record (for the cache and processes)."""
    parts = [[rec.line, rec.column, rec.values, rec.field_lines, rec.ignore, rec.relations, rec.raw_value]
             for rec in records]
    kept = [(p.code, p.line, p.message, None if p.row is None else p.row - first_row, p.field) for p in problems]
    return parts, kept


def placed(parts: list, kept: list, path: str, first_row: int) -> tuple[list[Record], list[Problem]]:
    """The records and problems of a portable parse, placed at path and numbered from first_row."""
    records = [make_record(first_row + i, path, *part) for i, part in enumerate(parts)]
    return records, [Problem(code, path, line, message, None if row is None else first_row + row, fld)
                     for code, line, message, row, fld in kept]


@functools.lru_cache(maxsize=1)
def _reader_code() -> str:
    """A digest of the code that turns a claim file into records: an edited checkout never reads stale entries."""
    from checker import bulk, fields, loader

    digest = hashlib.sha256()
    for module in (loader, bulk, fields):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def _json_column(cells: list) -> list:
    """One json.loads for a whole column: much faster than one per cell."""
    return json.loads("[" + ",".join(cells) + "]") if cells else []


_PLAIN_TYPES = (str, int, bool, float, type(None))  # exact types: JSON would flatten subclasses


def _exact_types(parts: list) -> bool:  # each part: values, field lines, ignore, relations, raw value
    """Every part of every record survives a JSON round trip unchanged, type for type.

    A record's values are plain scalars (checked inline: a function call per
    value cost the cold run a third of a second per 100,000 claims); ignore,
    relations and the raw value are checked in depth when they are not scalars or empty.
    """
    return all(type(v) in _PLAIN_TYPES for part in parts for v in part[0].values()) and all(
        _plain(v) for part in parts for v in part[2:] if v and type(v) not in _PLAIN_TYPES)


def _plain(value) -> bool:
    """Survives a JSON round trip unchanged, type for type."""
    if type(value) in _PLAIN_TYPES:
        return True
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(type(k) is str and _plain(v) for k, v in value.items())
    return False
