"""A content-addressed cache of parsed claim files, so an unchanged file is never parsed twice.

Each entry is one Parquet file named by the SHA-256 of the claim file's
bytes, claimcheck's version and the code that reads claim files: an edit
makes a new key, a rename finds the old entry (paths and row numbers are
attached on the way out, never stored), and a new claimcheck never reads an
older one's entries. Entries hold only plain data (typed Parquet columns
and JSON text, no pickles), so a planted cache file can at worst be
refused, never executed. Beside the records an entry keeps what they mean
(checker.table.readings.ReadingColumns), valid only in the setting it names. The
folder is safe to delete at any time; a damaged or unreadable entry counts
as a miss.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from array import array
from pathlib import Path

from checker import __version__
from checker.incremental.fingerprint import code_digest, up_to
from checker.io.yamlfile import Problem
from checker.model import fields as F
from checker.model.records import Chunk

FORMAT = "3"  # bump when Record, Problem or the loader's output changes shape
DEFAULT_FOLDER = ".claimcheck-cache"
# An entry holds a claim file's chunk as Records holds it (checker.model.records): a typed column per field, the
# line, column and layout of each row, and the few ignore and relations as JSON. A hit becomes columns again
# without a Python object per record; at a million claims that took 17 s of an incremental run as JSON.


class Cache:
    def __init__(self, folder: Path | str = DEFAULT_FOLDER):
        self.folder = Path(folder)
        self.hits = self.misses = 0

    def key(self, data: bytes) -> str:
        return content_key(data)

    def holds(self, key: str) -> bool:
        return self._entry(key).is_file()

    def get(self, key: str, path: str, first_row: int, meaning=None) -> tuple[Chunk, list[Problem]] | None:
        """The chunk and problems stored under key, placed at path and numbered from first_row.

        The chunk has its readings' columns when they were stored in the
        setting meaning (checker.table.readings.ReadingColumns) has now: the same
        units, tolerances and code, and the same text of every cited document.
        """
        entry = self._entry(key)
        if not entry.is_file():  # cheaper than asking Parquet to open it
            self.misses += 1
            return None
        try:
            import pyarrow.parquet as pq

            table = pq.ParquetFile(entry).read()
            found = _chunk(table, path, meaning), placed(json.loads(table.schema.metadata[b"problems"]), path, first_row)
        except Exception:  # absent or damaged: a miss, and the next put replaces it
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, key: str, chunk: Chunk, problems: list[Problem], first_row: int, meaning=None) -> bool:
        """Store one file's parse; False (and nothing stored) when it holds values the entry cannot keep exactly."""
        if not storable(chunk):
            return False  # dates in relations, huge lines, …: parse this file each time rather than change it
        import pyarrow.parquet as pq

        table, metadata = columns_of(chunk, meaning)
        metadata["problems"] = json.dumps(portable(problems, first_row), ensure_ascii=False)
        if "readings" in metadata:  # they hold while every cited document reads as it did
            metadata["sources"] = json.dumps(meaning.sources(chunk.values("doc")), ensure_ascii=False)
        table = table.replace_schema_metadata(metadata)
        return self.store(self._entry(key), lambda tmp: pq.write_table(table, tmp, compression="zstd"))

    def store(self, target: Path, write) -> bool:
        """write(path) a file that becomes target at once (readers see all of it or none); False when it cannot."""
        try:
            self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=target.parent)
            os.close(fd)
            try:
                write(tmp)
                os.replace(tmp, target)
            finally:
                Path(tmp).unlink(missing_ok=True)
        except OSError:
            return False  # a read-only or full disk slows the next run down; it must not stop this one
        return True

    def run_file(self, kind: str, paths: list) -> Path:
        """Where a file of one kind (pack, findings) for a run over these claim paths lives: one per set of paths."""
        named = json.dumps(sorted(str(Path(p).resolve()) for p in paths))
        return self.folder / kind / f"{hashlib.sha256(named.encode()).hexdigest()[:32]}.arrow"

    def store_arrow(self, target: Path, schema, parts) -> bool:
        """Write record batches or tables of one schema as the Arrow IPC file target (see store)."""
        import pyarrow as pa

        def write(tmp: str) -> None:
            with pa.OSFile(tmp, "wb") as sink, pa.ipc.new_file(sink, schema) as out:
                for part in parts:
                    out.write(part)

        return self.store(target, write)

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


def content_key(data: bytes) -> str:
    """What an entry is stored under: the file's bytes, claimcheck's version and the code that reads them."""
    digest = hashlib.sha256(data)
    digest.update(f"\0claimcheck {__version__} cache {FORMAT} {reader_code()}".encode())
    return digest.hexdigest()


def columns_of(chunk: Chunk, meaning=None) -> tuple:
    """A chunk as an Arrow table and the metadata that goes with it (for cache entries and packs).

    Its readings' columns are kept when meaning (checker.table.readings.ReadingColumns)
    made them, under its key.
    """
    import pyarrow as pa

    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    extras = [None] * len(chunk)
    for at, extra in chunk.extras.items():
        extras[at] = encode(extra)
    # The fields' own names (one of them is `line`) beside names no field can have:
    table = pa.table({**chunk.arrays, "@line": pa.array(chunk.lines, pa.int64()),
                      "@column": pa.array(chunk.columns, pa.int64()), "@shape": pa.array(chunk.shapes, pa.int32()),
                      "@extras": pa.array(extras, pa.string())})
    metadata = {"layouts": json.dumps([list(layout.items()) for layout in chunk.layouts], ensure_ascii=False)}
    if meaning and chunk.readings is not None:
        for name, column in chunk.readings.items():
            table = table.append_column(READING + name, column)
        metadata["readings"] = meaning.key()
    return table, metadata


def storable(chunk: Chunk) -> bool:
    """Every row comes back from columns exactly (not so: dates in relations, huge numbers, …)."""
    return not chunk.whole and all(_plain(extra) for extra in chunk.extras.values())


def portable(problems: list[Problem], first_row: int) -> list:
    """One file's problems as plain lists, rows counted from the file's first record (for the cache and processes)."""
    return [(p.code, p.line, p.message, None if p.row is None else p.row - first_row, p.field) for p in problems]


def placed(kept: list, path: str, first_row: int) -> list[Problem]:
    """The problems of a portable list, placed at path and numbered from first_row."""
    return [Problem(code, path, line, message, None if row is None else first_row + row, fld)
            for code, line, message, row, fld in kept]


def _chunk(table, path: str, meaning) -> Chunk:
    """An entry's table as the chunk it was made from, its rows in the file at path, and their readings when
    they hold in meaning's setting."""
    metadata = table.schema.metadata
    extras = {at: tuple(json.loads(cell)) for at, cell in enumerate(table.column("@extras").to_pylist()) if cell}
    layouts = [dict(pairs) for pairs in json.loads(metadata[b"layouts"])]
    hold = bool(meaning) and metadata.get(b"readings") == meaning.key().encode() and (
        meaning.sources(stored := json.loads(metadata[b"sources"])) == stored)
    return chunk_from(table, [path] * table.num_rows, layouts, extras, hold)


def chunk_from(columns, paths: list, layouts: list, extras: dict, readings: bool) -> Chunk:
    """Columns as columns_of made them (a table or a record batch) as a chunk again, with the readings' columns
    when asked; rows at paths."""
    def whole(column):
        return column.combine_chunks() if hasattr(column, "combine_chunks") else column

    def plain(code: str, name: str):
        out = array(code)
        out.frombytes(whole(columns.column(name)).to_numpy().tobytes())
        return out

    meant = {name[len(READING):]: whole(columns.column(name)) for name in columns.schema.names
             if name.startswith(READING)} if readings else None
    return Chunk({name: whole(columns.column(name)) for name in F.COLUMNS}, paths, plain("q", "@line"),
                  plain("q", "@column"), plain("i", "@shape"), layouts, extras, {}, meant)


def read_arrow(where: Path, read):
    """read(reader) of the Arrow IPC file at where, mapped into memory; None when it is absent or read fails."""
    if not where.is_file():
        return None
    try:
        import pyarrow as pa

        return read(pa.ipc.open_file(pa.memory_map(str(where))))
    except Exception:  # damaged or planted: as if there were none, and the next write replaces it
        return None


READING = "~"  # before the names of the readings' columns in an entry


@functools.lru_cache(maxsize=1)
def reader_code() -> str:
    """A digest of the code that turns a claim file into records: an edited checkout never reads stale entries."""
    return code_digest(*up_to("load"))[:16]


def known_setting() -> str:
    """What a noted digest of a file depends on: the code that reads and digests files, and the limits."""
    from checker.io import reading

    return f"claimcheck {__version__} {reader_code()} {reading.current()!r}"


_PLAIN_TYPES = (str, int, bool, float, type(None))  # exact types: JSON would flatten subclasses


def _plain(value) -> bool:
    """Survives a JSON round trip unchanged, type for type (tuples: the pairs stored as JSON arrays)."""
    if type(value) in _PLAIN_TYPES:
        return True
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(type(k) is str and _plain(v) for k, v in value.items())
    return False
