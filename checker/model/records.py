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
from array import array
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, groupby, islice, repeat

from checker.model import fields as F


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

    @property
    def field_lines(self) -> dict:
        """Column name → line in the YAML file."""
        return {name: self.line + offset for name, offset in self.layout.items()}

    def line_of(self, name: str) -> int:
        return self.line + self.layout.get(name, 0)


# A million records are mostly laid out alike and mostly suppress nothing: one shared copy of each
# layout and of the empty ignore and relations (nothing changes them after loading).
_LAYOUTS: dict = {}
LAYOUTS_KEPT = 1 << 16  # far more than a corpus has: records are laid out in a few ways
_NOTHING_IGNORED: dict = {}
_NO_RELATIONS: list = []
# Fields whose few distinct values recur across many claims: one copy each (memory at scale).
_REPEATED = ("metric", "entity", "period", "kind", "unit", "doc")


def make_record(row: int, path: str, line: int, column: int, values: dict, field_lines: dict, ignore=None,
                relations=None) -> Record:
    """A record, sharing what records have in common (for the loader and the cache alike)."""
    layout = shared_layout({name: at - line for name, at in field_lines.items()})
    for name in _REPEATED:
        if type(values.get(name)) is str:
            values[name] = sys.intern(values[name])
    return Record(row, path, line, column, values, layout, ignore or _NOTHING_IGNORED,
                  relations or _NO_RELATIONS)


_INT_COLUMNS = frozenset(f.name for f in F.FIELDS if f.type == "int")
_COLUMN_SET = frozenset(F.COLUMNS)


class Records(Sequence):
    """Records by row, stored as Arrow columns a chunk at a time (a sequence, like a list).

    Rows come in order (a record's row is its index): one at a time, or a
    claim file's rows already held as a chunk (`Records.chunk_of`, or read
    from the cache). Once CHUNK rows are waiting they become one chunk: an
    Arrow array per field, the path, line, column and layout of each row,
    and the few ignore and relations that are set. A record the columns would
    not give back exactly (built by hand, with a value of another type) is
    kept whole.
    """

    CHUNK = 1 << 16
    RECENT = 1 << 12  # rows last made, kept: a rule asks for the same rows while it writes a finding

    def __init__(self, records=()):
        self._chunks: list[Chunk] = []
        self._starts: list[int] = []  # the first row of each chunk
        self._loose = 0  # chunks from this one on are smaller than CHUNK: merged once they hold that many rows
        self._open: list[Record] = []
        self._recent: OrderedDict[int, Record] = OrderedDict()  # see Readings: the oldest made goes first
        self.files: list[tuple[str, str | None]] = []  # (path, content key) of each claim file loaded (checker.load.claims)
        self.extend(records)

    @staticmethod
    def chunk_of(records: list[Record]) -> "Chunk":
        """Records as one chunk (a claim file's, for `add`, the cache and helper processes)."""
        return Chunk.of(records)

    def __len__(self) -> int:
        return self._sealed() + len(self._open)

    def _sealed(self) -> int:
        return self._starts[-1] + len(self._chunks[-1]) if self._chunks else 0

    def append(self, rec: Record) -> None:
        if rec.row != len(self):
            raise ValueError(f"record for row {rec.row} appended at row {len(self)}")
        self._open.append(rec)
        if len(self._open) == self.CHUNK:
            self._seal()

    def extend(self, records) -> None:
        for rec in records:
            self.append(rec)

    def add(self, chunk: "Chunk") -> None:
        """A chunk's rows after those held (their rows are numbered by where they land)."""
        self._seal()
        if len(chunk):
            self._place(chunk)

    def _seal(self) -> None:
        if self._open:
            self._place(Chunk.of(self._open))
            self._open = []

    def _place(self, chunk: "Chunk") -> None:
        self._starts.append(self._sealed())
        self._chunks.append(chunk)
        loose = self._chunks[self._loose:]
        if sum(map(len, loose)) >= self.CHUNK:  # at most CHUNK small pieces, so this stays cheap
            if len(loose) > 1:
                del self._chunks[self._loose:], self._starts[self._loose + 1:]
                self._chunks.append(Chunk.merged(loose))
            self._loose = len(self._chunks)

    def _number(self, row: int) -> int:
        return bisect_right(self._starts, row) - 1

    def __getitem__(self, row):
        if type(row) is int and row in self._recent:  # the common case while rules write findings
            return self._recent[row]
        if isinstance(row, slice):
            return self._slice(*row.indices(len(self)))
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(row)
        sealed = self._sealed()
        if row >= sealed:
            return self._open[row - sealed]
        number = self._number(row)
        rec = self._chunks[number].record(row - self._starts[number], row)
        self._remember(rec)
        return rec

    def prefetch(self, rows) -> None:
        """Make these rows now, a column at a time, for a rule about to ask for them one by one.

        A cell read alone costs about ten times what it costs in a column; a
        rule that writes many findings names their rows a batch at a time
        first (Context.in_batches). Only RECENT rows are kept.
        """
        sealed = self._sealed()
        wanted = sorted({r for r in rows if 0 <= r < sealed and r not in self._recent})[:self.RECENT]
        for number, rows_there in groupby(wanted, key=self._number):
            first = self._starts[number]
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
        if start >= stop:
            return out
        sealed = self._sealed()
        for number in range(self._number(start) if start < sealed else len(self._chunks), len(self._chunks)):
            first = self._starts[number]
            if first >= stop:
                break
            out.extend(islice(self._chunks[number].records(first), max(start - first, 0), stop - first))
        out.extend(self._open[max(start - sealed, 0):max(stop - sealed, 0)])
        return out

    def __iter__(self):
        for first, chunk in zip(self._starts, self._chunks):
            yield from chunk.records(first)
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

        chunks = [chunk for _, chunk in self.spans()] or [Chunk.of([])]
        return {name: pa.chunked_array([c.arrays[name] for c in chunks], type=_arrow_type(name))
                for name in F.COLUMNS}

    def spans(self):
        """(first row, chunk) of every chunk, the records not yet in one as the last."""
        yield from zip(self._starts, self._chunks)
        if self._open:
            yield self._sealed(), Chunk.of(self._open)

    def rows_by_id(self, among=None) -> dict:
        """Claim id → its row (the last, where ids repeat); only the ids in among when it is given (looked up
        in the id column at once: cheaper than a dict of every id)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        spans = list(self.spans())
        if among is None:
            found = {}
            for first, chunk in spans:
                found.update(zip(chunk.values("id"), range(first, first + len(chunk))))
        else:
            ids = pa.chunked_array([chunk.arrays["id"] for _, chunk in spans], pa.string())
            hit = pc.indices_nonzero(pc.is_in(ids, value_set=pa.array([a for a in among if type(a) is str], pa.string())))
            pairs = dict(zip(hit.to_pylist(), ids.take(hit).to_pylist()))
            for first, chunk in spans:
                for at, rec in chunk.whole.items():  # rows kept whole say their id themselves
                    pairs.pop(first + at, None)
                    if rec.values.get("id") in among:
                        pairs[first + at] = rec.values["id"]
            found = {name: row for row, name in sorted(pairs.items())}
        found.pop(None, None), found.pop("", None)  # no id
        return found

    def paths(self) -> set:
        return {p for chunk in self._chunks for p in set(chunk.paths)} | {rec.path for rec in self._open}

    def with_ignore(self):
        """The records that suppress something, in order."""
        return self._having(0)

    def stated_relations(self):
        """(row, relations) of each record that states relations, in order, without making the records."""
        for first, chunk in zip(self._starts, self._chunks):
            yield from ((first + at, chunk.extras[at][1]) for at in sorted(chunk.extras) if chunk.extras[at][1])
        yield from ((rec.row, rec.relations) for rec in self._open if rec.relations)

    def _having(self, part: int):
        for first, chunk in zip(self._starts, self._chunks):
            yield from chunk.records(first, [at for at in sorted(chunk.extras) if chunk.extras[at][part]])
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


def shared_layout(layout: dict) -> dict:
    """The one copy of a layout every record with it shares.

    Sharing saves memory and nothing depends on it, so in a long-lived process (a server, a notebook)
    the table starts afresh once it holds LAYOUTS_KEPT layouts rather than growing for ever."""
    if len(_LAYOUTS) >= LAYOUTS_KEPT:
        _LAYOUTS.clear()
    return _LAYOUTS.setdefault(tuple(layout.items()), layout)


def _value_names(layout: dict) -> tuple:
    """The fields a record with this layout holds in its columns, in order."""
    return tuple(k for k in layout if k in _COLUMN_SET)


class Chunk:
    """Rows of records as columns: Arrow arrays for the values, plain arrays for the rest.

    Rows are counted from the chunk's first; a chunk does not know where it
    lands among all records (Records does), so one claim file's chunk can be
    made in another process or read from the cache and placed anywhere.
    """

    __slots__ = ("arrays", "paths", "lines", "columns", "shapes", "layouts", "names", "extras", "whole", "readings")

    def __init__(self, arrays: dict, paths: list, lines: array, columns: array, shapes: array, layouts: list,
                 extras: dict, whole: dict, readings: dict | None = None):
        self.arrays = arrays  # field name → Arrow array
        self.paths = paths  # each row's claim file
        self.lines, self.columns = lines, columns  # each row's place in it
        self.shapes = shapes  # each row's layout, as an index into layouts
        self.layouts = [shared_layout(layout) for layout in layouts]
        self.names = [_value_names(layout) for layout in self.layouts]  # the values each layout holds
        self.extras = extras  # row → (ignore, relations), for the few rows that have either
        self.whole = whole  # row → Record, for the rows the columns would not give back exactly
        self.readings = readings  # what the rows mean, as the claim table's columns (checker.table.readings.ReadingColumns)

    def __reduce__(self):  # through __init__, so that layouts are shared again in the process receiving it
        return Chunk, (self.arrays, self.paths, self.lines, self.columns, self.shapes, self.layouts, self.extras,
                        self.whole, self.readings)

    def __len__(self) -> int:
        return len(self.lines)

    @classmethod
    def of(cls, records: list[Record]) -> "Chunk":
        layouts: dict[int, int] = {}  # id of a layout → its index, which is safe while the records hold them
        shapes = array("i", [layouts.setdefault(id(rec.layout), len(layouts)) for rec in records])
        distinct = list({id(rec.layout): rec.layout for rec in records}.values())
        names = [_value_names(layout) for layout in distinct]
        values = [rec.values for rec in records]
        whole = {at for at, (v, shape) in enumerate(zip(values, shapes)) if tuple(v) != names[shape]}
        return cls(_arrays(values, whole), [rec.path for rec in records], array("q", [rec.line for rec in records]),
                   array("q", [rec.column for rec in records]), shapes, distinct,
                   {at: (rec.ignore, rec.relations) for at, rec in enumerate(records) if rec.ignore or rec.relations},
                   {at: records[at] for at in whole})

    @classmethod
    def merged(cls, chunks: list["Chunk"]) -> "Chunk":
        """One chunk of several, in order."""
        import pyarrow as pa

        layouts: dict[tuple, int] = {}
        paths, lines, columns, shapes, extras, whole = [], array("q"), array("q"), array("i"), {}, {}
        for chunk in chunks:
            offset = len(lines)
            index = [layouts.setdefault(tuple(layout.items()), len(layouts)) for layout in chunk.layouts]
            shapes.extend([index[shape] for shape in chunk.shapes])
            paths.extend(chunk.paths)
            lines.extend(chunk.lines)
            columns.extend(chunk.columns)
            extras.update((offset + at, extra) for at, extra in chunk.extras.items())
            whole.update((offset + at, rec) for at, rec in chunk.whole.items())
        arrays = {name: pa.concat_arrays([chunk.arrays[name] for chunk in chunks]) for name in F.COLUMNS}
        readings = None
        if all(chunk.readings is not None for chunk in chunks):
            readings = {name: pa.concat_arrays([chunk.readings[name] for chunk in chunks]) for name in chunks[0].readings}
        return cls(arrays, paths, lines, columns, shapes, [dict(key) for key in layouts], extras, whole, readings)

    def record(self, at: int, row: int) -> Record:
        if at in self.whole:
            return self._whole(at, row)
        shape = self.shapes[at]
        return self._make(at, row, shape, {name: self.arrays[name][at].as_py() for name in self.names[shape]})

    def _whole(self, at: int, row: int) -> Record:
        rec = self.whole[at]
        return rec if rec.row == row else replace(rec, row=row)  # made in a helper, counted from its file

    def records(self, first_row: int, ats: list[int] | None = None):
        """Rows made again (all, or those at ats): Arrow makes the dicts, a layout's rows at a time."""
        ats = list(range(len(self))) if ats is None else ats
        values: list = [None] * len(ats)
        groups: dict[int, list[int]] = {}  # layout → where in ats
        for i, at in enumerate(ats):
            if at not in self.whole:
                groups.setdefault(self.shapes[at], []).append(i)
        for shape, where in groups.items():
            for i, made in zip(where, self._dicts(self.names[shape], [ats[i] for i in where])):
                values[i] = made
        for at, made in zip(ats, values):
            yield self._whole(at, first_row + at) if made is None else self._make(at, first_row + at,
                                                                                  self.shapes[at], made)

    def _dicts(self, names: tuple, ats: list[int]) -> list[dict]:
        import pyarrow as pa

        if not names:
            return [{} for _ in ats]
        columns = [self.arrays[name] for name in names]
        if len(ats) != len(self):  # ats rise and never repeat: as many as the rows are all of them
            taken = pa.array(ats, type=pa.int64())
            columns = [column.take(taken) for column in columns]
        return pa.Table.from_arrays(columns, names=list(names)).to_pylist()

    def values(self, name: str) -> list:
        column = self.arrays[name].to_pylist()
        for at, rec in self.whole.items():
            column[at] = rec.values.get(name)
        return column

    def _make(self, at: int, row: int, shape: int, values: dict) -> Record:
        ignore, relations = self.extras.get(at, (_NOTHING_IGNORED, _NO_RELATIONS))
        return Record(row, self.paths[at], self.lines[at], self.columns[at], values, self.layouts[shape], ignore,
                      relations)


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
