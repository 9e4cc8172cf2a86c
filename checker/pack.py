"""All of a run's claim files in one columnar file, so that the next run opens one file instead of thousands.

The cache's entries (checker.cache) hold a claim file each. At a million
claims in 5,000 files a warm run spent 15 s opening and decoding them, about
3 ms a file. A pack holds the rows of every file of a run side by side, in
one Arrow IPC file that the next run maps into memory: the rows of each run
of unchanged files become one slice of it, copied nowhere. Like the entries
it finds a file by its content key (a renamed file is found, paths are
attached on the way out), keeps its readings while the setting and every
cited document are as they were, and holds only plain data. A file the pack
does not hold (edited, new) comes from its entry, or is parsed. The pack is
written again when a tenth of the rows came from elsewhere; a damaged or
foreign pack is ignored.
"""
from __future__ import annotations

import hashlib
import json
from array import array
from bisect import bisect_left
from pathlib import Path

from checker import fields as F
from checker.cache import READING, Cache, columns_of, storable
from checker.records import _Chunk

STALE = 10  # written again once 1/STALE of the rows come from elsewhere


class Pack:
    """A pack as read: the rows it holds, and which file contents they are."""

    def __init__(self, batch, metadata: dict):
        import pyarrow.compute as pc

        self._batch = batch
        self._files = {key: (first, rows, problems, sources) for key, first, rows, problems, sources
                       in json.loads(metadata[b"files"])}
        self._layouts = [dict(pairs) for pairs in json.loads(metadata[b"layouts"])]
        self._readings = metadata.get(b"readings", b"").decode()
        cells = batch.column("@extras")
        self._extra_rows = pc.indices_nonzero(pc.is_valid(cells)).to_pylist()  # the few rows with ignore or relations
        self._extras = [tuple(json.loads(cells[at].as_py())) for at in self._extra_rows]

    def find(self, key: str | None, meaning) -> tuple | None:
        """(first row, rows, portable problems) of the file whose content has this key, with readings that hold."""
        held = self._files.get(key)
        if held is None or meaning is None or self._readings != meaning.key():
            return None
        first, rows, problems, sources = held
        return (first, rows, problems) if meaning.sources(sources) == sources else None

    def chunk(self, first: int, stop: int, paths: list) -> _Chunk:
        """Rows first to stop as a chunk, each at its path (slices of the mapped file, not copies)."""
        batch = self._batch.slice(first, stop - first)
        lo, hi = bisect_left(self._extra_rows, first), bisect_left(self._extra_rows, stop)
        extras = {self._extra_rows[i] - first: self._extras[i] for i in range(lo, hi)}
        readings = {name[len(READING):]: batch.column(name) for name in batch.schema.names if name.startswith(READING)}
        return _Chunk({name: batch.column(name) for name in F.COLUMNS}, paths, _plain_array("q", batch.column("@line")),
                      _plain_array("q", batch.column("@column")), _plain_array("i", batch.column("@shape")),
                      self._layouts, extras, {}, readings)


def _plain_array(code: str, column) -> array:
    out = array(code)
    out.frombytes(column.to_numpy().tobytes())
    return out


def place(cache: Cache, paths: list) -> Path:
    """Where the pack of a run over these claim paths lives (one per set of paths)."""
    named = json.dumps(sorted(str(Path(p).resolve()) for p in paths))
    return cache.folder / "packs" / f"{hashlib.sha256(named.encode()).hexdigest()[:32]}.arrow"


def read(where: Path) -> Pack | None:
    """The pack at where, when there is one this code wrote and can read."""
    if not where.is_file():
        return None
    try:
        import pyarrow as pa

        reader = pa.ipc.open_file(pa.memory_map(str(where)))
        metadata = reader.schema.metadata or {}
        if metadata.get(b"format") != _format().encode() or reader.num_record_batches != 1:
            return None
        return Pack(reader.get_batch(0), metadata)
    except Exception:  # damaged or planted: as if there were none, and the next write replaces it
        return None


def due(pack: Pack | None, elsewhere: int, rows: int) -> bool:
    """Write the pack again: there is none, or a tenth of the rows came from elsewhere."""
    return rows > 0 and (pack is None or elsewhere * STALE >= rows)


def write(cache: Cache, where: Path, chunks: list[_Chunk], files: list[tuple], meaning) -> bool:
    """Store chunks (every row of a run, in order) as the pack at where; files: (key, first row, rows,
    portable problems) of each claim file. False when some rows cannot be kept exactly, or it cannot be written."""
    if meaning is None or not chunks or not all(storable(c) and c.readings is not None for c in chunks):
        return False
    import pyarrow as pa

    whole = _Chunk.merged(chunks) if len(chunks) > 1 else chunks[0]
    table, metadata = columns_of(whole, meaning)
    docs = whole.values("doc")
    held = [(key, first, rows, problems, meaning.sources(docs[first:first + rows]))
            for key, first, rows, problems in files if key]
    metadata.update(files=json.dumps(held, ensure_ascii=False), format=_format())
    try:
        batch = pa.RecordBatch.from_arrays([column.combine_chunks() for column in table.columns],
                                           schema=table.schema.with_metadata(metadata))
    except pa.ArrowException:  # over 2 GB of text in one column: read file by file instead
        return False

    def save(tmp: str) -> None:
        with pa.OSFile(tmp, "wb") as sink, pa.ipc.new_file(sink, batch.schema) as out:
            out.write_batch(batch)

    return cache.store(where, save)


def _format() -> str:
    from checker import __version__
    from checker import cache as entries  # looked up each time: tests stand in for another checkout's code

    return f"claimcheck {__version__} pack 1 {entries.reader_code()}"
