"""All of a run's claim files in one columnar file, so that the next run opens one file instead of thousands.

The cache's entries (checker.incremental.cache) hold a claim file each. At a million
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

import json
from bisect import bisect_left, bisect_right
from pathlib import Path

from checker.incremental.cache import (
    Cache,
    chunk_from,
    columns_of,
    read_arrow,
    storable,
)
from checker.model.records import Chunk

STALE = 10  # written again once 1/STALE of the rows come from elsewhere


class Pack:
    """A pack as read: the rows it holds, and which file contents they are."""

    def __init__(self, batches: list, metadata: dict):
        import pyarrow.compute as pc

        self._batches = batches  # a batch per chunk of the run that wrote it
        self._starts = [0]
        for batch in batches:
            self._starts.append(self._starts[-1] + batch.num_rows)
        self._files = {key: (first, rows, problems, sources) for key, first, rows, problems, sources
                       in json.loads(metadata[b"files"])}
        self._layouts = [dict(pairs) for pairs in json.loads(metadata[b"layouts"])]
        self._readings = metadata.get(b"readings", b"").decode()
        self._extra_rows, self._extras = [], []  # the few rows with ignore or relations
        for start, batch in zip(self._starts, batches):
            cells = batch.column("@extras")
            for at in pc.indices_nonzero(pc.is_valid(cells)).to_pylist():
                self._extra_rows.append(start + at)
                self._extras.append(tuple(json.loads(cells[at].as_py())))

    def find(self, key: str | None, meaning) -> tuple | None:
        """(first row, rows, portable problems) of the file whose content has this key, with readings that hold."""
        held = self._files.get(key)
        if held is None or meaning is None or self._readings != meaning.key():
            return None
        first, rows, problems, sources = held
        return (first, rows, problems) if meaning.sources(sources) == sources else None

    def chunks(self, first: int, stop: int, paths: list) -> list[Chunk]:
        """Rows first to stop as chunks (one per batch they cross), each row at its path: slices of the mapped
        file, not copies."""
        out = []
        number = bisect_right(self._starts, first) - 1
        while first < stop:
            start = self._starts[number]
            end = min(stop, self._starts[number + 1])
            out.append(self._chunk(self._batches[number].slice(first - start, end - first), first,
                                   paths[:end - first]))
            paths = paths[end - first:]
            first, number = end, number + 1
        return out

    def _chunk(self, batch, first: int, paths: list) -> Chunk:
        stop = first + batch.num_rows
        lo, hi = bisect_left(self._extra_rows, first), bisect_left(self._extra_rows, stop)
        extras = {self._extra_rows[i] - first: self._extras[i] for i in range(lo, hi)}
        return chunk_from(batch, paths, self._layouts, extras, True)


def place(cache: Cache, paths: list) -> Path:
    """Where the pack of a run over these claim paths lives (one per set of paths)."""
    return cache.run_file("packs", paths)


def read(where: Path) -> Pack | None:
    """The pack at where, when there is one this code wrote and can read."""
    def pack(reader):
        metadata = reader.schema.metadata or {}
        if metadata.get(b"format") != _format().encode():
            return None
        return Pack([reader.get_batch(i) for i in range(reader.num_record_batches)], metadata)

    return read_arrow(where, pack)


def due(pack: Pack | None, elsewhere: int, rows: int) -> bool:
    """Write the pack again: there is none, or a tenth of the rows came from elsewhere."""
    return rows > 0 and (pack is None or elsewhere * STALE >= rows)


def write(cache: Cache, where: Path, chunks: list[Chunk], files: list[tuple], meaning) -> bool:
    """Store chunks (every row of a run, in order) as the pack at where, a batch per chunk (a copy of them all
    cost 400 MB at a million claims); files: (key, first row, rows, portable problems) of each claim file.
    False when some rows cannot be kept exactly, or it cannot be written."""
    if meaning is None or not chunks or not all(storable(c) and c.readings is not None for c in chunks):
        return False
    import pyarrow as pa
    import pyarrow.compute as pc

    layouts: dict[tuple, int] = {}
    batches = []
    for chunk in chunks:
        table, _ = columns_of(chunk, meaning)
        index = pa.array([layouts.setdefault(tuple(layout.items()), len(layouts)) for layout in chunk.layouts],
                         pa.int32())  # the chunk's layouts numbered among all of them
        table = table.set_column(table.schema.get_field_index("@shape"), "@shape",
                                 index.take(table.column("@shape")))
        batches.extend(table.cast(batches[0].schema if batches else table.schema).to_batches())
    docs = pa.chunked_array([chunk.arrays["doc"] for chunk in chunks], pa.string())
    held = [(key, first, rows, problems,
             meaning.sources(pc.unique(docs.slice(first, rows)).to_pylist() if rows else []))
            for key, first, rows, problems in files if key]
    metadata = {"files": json.dumps(held, ensure_ascii=False), "format": _format(), "readings": meaning.key(),
                "layouts": json.dumps([list(layout) for layout in layouts], ensure_ascii=False)}
    return cache.store_arrow(where, batches[0].schema.with_metadata(metadata), batches)


def _format() -> str:
    from checker import __version__
    from checker.incremental import (
        cache as entries,  # looked up each time: tests stand in for another checkout's code
    )

    return f"claimcheck {__version__} pack 1 {entries.reader_code()}"
