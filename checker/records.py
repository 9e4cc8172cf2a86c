"""The claim records, held as columns.

A record is what one claim file entry says, field by field, with the line
of every field. A million of them as Python objects (a dict of values, the
record, a string per cell) cost 940 MB; held as Arrow columns, 65,536 rows
to a chunk, they cost about a fifth of that, and the claim table shares the
very same columns. A `Record` object is made again whenever a row is asked
for: rules ask for the few rows their findings name, and the passes over
every row decode a chunk at a time.
"""
from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, groupby, islice, repeat

from checker import fields as F


@dataclass(slots=True)
class Record:
    row: int
    path: str
    line: int
    column: int
    values: dict            # column name → value (None when absent or invalid)
    layout: dict            # column name → its line, counted from the record's first line (shared, never changed)
    ignore: dict = field(default_factory=dict)
    relations: list = field(default_factory=list)
    raw_value: object = None  # value as written (list for ranges)

    @property
    def field_lines(self) -> dict:
        """Column name → line in the YAML file."""
        return {name: self.line + offset for name, offset in self.layout.items()}

    def line_of(self, name: str) -> int:
        return self.line + self.layout.get(name, 0)


# A million records are mostly laid out alike and mostly suppress nothing: one shared copy of each
# layout and of the empty ignore and relations (nothing changes them after loading).
_LAYOUTS: dict = {}
_NOTHING_IGNORED: dict = {}
_NO_RELATIONS: list = []
# Fields whose few distinct values recur across many claims: one copy each (memory at scale).
_REPEATED = ("metric", "entity", "period", "kind", "unit", "doc")


def make_record(row: int, path: str, line: int, column: int, values: dict, field_lines: dict, ignore=None,
                relations=None, raw_value=None) -> Record:
    """A record, sharing what records have in common (for the loader and the cache alike)."""
    offsets = {name: at - line for name, at in field_lines.items()}
    layout = _LAYOUTS.setdefault(tuple(offsets.items()), offsets)
    for name in _REPEATED:
        if type(values.get(name)) is str:
            values[name] = sys.intern(values[name])
    return Record(row, path, line, column, values, layout, ignore or _NOTHING_IGNORED,
                  relations or _NO_RELATIONS, raw_value)


_INT_COLUMNS = frozenset(f.name for f in F.FIELDS if f.type == "int")
_COLUMN_SET = frozenset(F.COLUMNS)


class Records(Sequence):
    """Records by row, stored as Arrow columns a chunk at a time (a sequence, like a list).

    Rows are appended in order (a record's row is its index). Once CHUNK rows
    are waiting they become a chunk: one Arrow array per field, the path,
    line, column and layout of each row, and the few ignore, relations and raw
    values that are set. A record the columns would not give back exactly
    (built by hand, with a value of another type) is kept whole.
    """

    CHUNK = 1 << 16
    RECENT = 1 << 12  # rows last made, kept: a rule asks for the same rows while it writes a finding

    def __init__(self, records=()):
        self._chunks: list[_Chunk] = []
        self._open: list[Record] = []
        self._recent: OrderedDict[int, Record] = OrderedDict()  # see Readings: the oldest made goes first
        self.extend(records)

    def __len__(self) -> int:
        return len(self._chunks) * self.CHUNK + len(self._open)

    def append(self, rec: Record) -> None:
        if rec.row != len(self):
            raise ValueError(f"record for row {rec.row} appended at row {len(self)}")
        self._open.append(rec)
        if len(self._open) == self.CHUNK:
            self._chunks.append(_Chunk(self._open))
            self._open = []

    def extend(self, records) -> None:
        for rec in records:
            self.append(rec)

    def __getitem__(self, row):
        if type(row) is int and row in self._recent:  # the common case while rules write findings
            return self._recent[row]
        if isinstance(row, slice):
            return self._slice(*row.indices(len(self)))
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(row)
        number, at = divmod(row, self.CHUNK)
        if number == len(self._chunks):
            return self._open[at]
        rec = self._recent.get(row) or self._chunks[number].record(at, row)
        self._remember(rec)
        return rec

    def prefetch(self, rows) -> None:
        """Make these rows now, a column at a time, for a rule about to ask for them one by one.

        A cell read alone costs about ten times what it costs in a column; a
        rule that writes many findings names their rows a batch at a time
        first (Context.in_batches). Only RECENT rows are kept.
        """
        sealed = len(self._chunks) * self.CHUNK
        wanted = sorted({r for r in rows if 0 <= r < sealed and r not in self._recent})[:self.RECENT]
        for number, rows_there in groupby(wanted, key=lambda r: r // self.CHUNK):
            first = number * self.CHUNK
            for rec in self._chunks[number].records(first, [r - first for r in rows_there]):
                self._remember(rec)

    def _remember(self, rec: Record) -> None:
        self._recent[rec.row] = rec
        if len(self._recent) > self.RECENT:
            self._recent.popitem(last=False)

    def _slice(self, start: int, stop: int, step: int) -> list[Record]:
        if step != 1:
            return [self[i] for i in range(start, stop, step)]
        out: list[Record] = []
        for number in range(start // self.CHUNK, -(-stop // self.CHUNK)):
            first = number * self.CHUNK
            part = self._chunks[number].records(first) if number < len(self._chunks) else iter(self._open)
            out.extend(islice(part, max(start - first, 0), stop - first))
        return out

    def __iter__(self):
        for number, chunk in enumerate(self._chunks):
            yield from chunk.records(number * self.CHUNK)
        yield from self._open

    def __eq__(self, other) -> bool:
        return isinstance(other, (Records, list)) and len(self) == len(other) and all(
            a == b for a, b in zip(self, other))

    def column(self, name: str):
        """One field's value for every row, None where unset (a chunk decoded at a time)."""
        for chunk in self._chunks:
            yield from chunk.values(name)
        yield from (rec.values.get(name) for rec in self._open)

    def arrow_columns(self) -> dict:
        """Every field as an Arrow column: the chunks' own arrays, not copies."""
        import pyarrow as pa

        chunks = self._chunks + ([_Chunk(self._open)] if self._open or not self._chunks else [])
        return {name: pa.chunked_array([c.arrays[name] for c in chunks], type=_arrow_type(name))
                for name in F.COLUMNS}

    def paths(self) -> set:
        return {p for chunk in self._chunks for p in chunk.paths} | {rec.path for rec in self._open}

    def with_ignore(self):
        """The records that suppress something, in order."""
        return self._having(0)

    def with_relations(self):
        """The records that state relations, in order."""
        return self._having(1)

    def _having(self, part: int):
        for number, chunk in enumerate(self._chunks):
            for at in sorted(chunk.extras):
                if chunk.extras[at][part]:
                    yield self[number * self.CHUNK + at]
        yield from (rec for rec in self._open if (rec.ignore, rec.relations)[part])


def _arrow_type(name: str):
    import pyarrow as pa

    return pa.int64() if name in _INT_COLUMNS else pa.string()


def _fits(name: str, value) -> bool:
    """The value comes back from the column as it went in."""
    import pyarrow as pa

    if value is None:
        return True
    if type(value) is not (int if name in _INT_COLUMNS else str):
        return False
    if name in _INT_COLUMNS:
        return -(1 << 63) <= value < 1 << 63
    try:
        pa.array([value], type=_arrow_type(name))
    except (pa.ArrowException, ValueError):  # a lone surrogate
        return False
    return True


class _Chunk:
    """Rows of records as columns: Arrow arrays for the values, plain arrays for the rest."""

    __slots__ = ("arrays", "paths", "lines", "columns", "layouts", "keys", "extras", "whole")

    def __init__(self, records: list[Record]):
        from array import array

        self.paths = [rec.path for rec in records]
        self.lines = array("q", [rec.line for rec in records])
        self.columns = array("q", [rec.column for rec in records])
        self.layouts = [rec.layout for rec in records]
        # The value names each layout holds, in order; by id, which is safe while the chunk holds the layouts.
        self.keys = {key: tuple(k for k in layout if k in _COLUMN_SET)
                     for key, layout in {id(layout): layout for layout in self.layouts}.items()}
        self.extras = {at: (rec.ignore, rec.relations, rec.raw_value) for at, rec in enumerate(records)
                       if rec.ignore or rec.relations or rec.raw_value is not None}
        values = [rec.values for rec in records]
        keys = [self.keys[id(layout)] for layout in self.layouts]
        whole = {at for at, (v, k) in enumerate(zip(values, keys)) if tuple(v) != k}
        self.arrays = _arrays(values, whole)
        self.whole = {at: records[at] for at in whole}

    def record(self, at: int, row: int) -> Record:
        if at in self.whole:
            return self.whole[at]
        layout = self.layouts[at]
        return self._make(at, row, layout, {name: self.arrays[name][at].as_py() for name in self.keys[id(layout)]})

    def records(self, first_row: int, ats: list[int] | None = None):
        """Rows made again (all, or those at ats): Arrow makes the dicts, a layout's rows at a time."""
        ats = list(range(len(self.layouts))) if ats is None else ats
        values: list = [None] * len(ats)
        groups: dict[tuple, list[int]] = {}  # value names → where in ats
        for i, at in enumerate(ats):
            if at not in self.whole:
                groups.setdefault(self.keys[id(self.layouts[at])], []).append(i)
        for names, where in groups.items():
            for i, made in zip(where, self._dicts(names, [ats[i] for i in where])):
                values[i] = made
        for at, made in zip(ats, values):
            yield self.whole[at] if made is None else self._make(at, first_row + at, self.layouts[at], made)

    def _dicts(self, names: tuple, ats: list[int]) -> list[dict]:
        import pyarrow as pa

        if not names:
            return [{} for _ in ats]
        columns = [self.arrays[name] for name in names]
        if len(ats) != len(self.layouts):  # ats rise and never repeat: as many as the rows are all of them
            taken = pa.array(ats, type=pa.int64())
            columns = [column.take(taken) for column in columns]
        return pa.Table.from_arrays(columns, names=list(names)).to_pylist()

    def values(self, name: str) -> list:
        column = self.arrays[name].to_pylist()
        for at, rec in self.whole.items():
            column[at] = rec.values.get(name)
        return column

    def _make(self, at: int, row: int, layout: dict, values: dict) -> Record:
        ignore, relations, raw_value = self.extras.get(at, (_NOTHING_IGNORED, _NO_RELATIONS, None))
        return Record(row, self.paths[at], self.lines[at], self.columns[at], values, layout, ignore, relations,
                      raw_value)


def _arrays(values: list[dict], whole: set) -> dict:
    """Each field's Arrow array: all at once in C (a struct of the dicts), else a field at a time, cell by cell.

    Arrow would quietly turn 3.0 into 3 and b"x" into "x"; text and whole
    numbers alone either convert exactly or fail, so anything else is
    checked cell by cell.
    """
    import pyarrow as pa

    if set(map(type, chain.from_iterable(map(dict.values, values)))) <= _PLAIN:
        try:
            struct = pa.array(values, type=pa.struct([(name, _arrow_type(name)) for name in F.COLUMNS]))
            return {name: struct.field(name) for name in F.COLUMNS}
        except (pa.ArrowException, TypeError, ValueError, OverflowError):
            pass
    return {name: _array(name, list(map(dict.get, values, repeat(name))), whole) for name in F.COLUMNS}


_PLAIN = {str, int, type(None)}


def _array(name: str, cells: list, whole: set):
    """One field's Arrow array; a row whose value does not fit the type is kept whole and left null here."""
    import pyarrow as pa

    for at, cell in enumerate(cells):
        if not _fits(name, cell):
            whole.add(at)
            cells[at] = None
    return pa.array(cells, type=_arrow_type(name))
