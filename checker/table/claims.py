"""Records → one typed table: the claims as written plus what they mean.

Each row keeps the record's own fields and adds the normalised reading:
canonical metric and entity, the interval in base units, the unit's
dimension, and what the source document says about the quote. Rules read
only this table.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from pathlib import Path

from checker.language import numbers
from checker.load.documents import Documents
from checker.language.interval import Interval
from checker.model.records import Record, Records
from checker.load.registry import Registry
from checker.language.units import UnitError, Units

SCALE = 10
# Unbounded ends become sentinels so that every engine compares plain decimals.
INF = Decimal("1e26")
_Q = Decimal(1).scaleb(-SCALE)


@dataclass(slots=True)
class Reading:
    """What one record means, for rules and for messages."""

    interval: Interval | None = None       # in the record's own unit
    base: Interval | None = None           # in base units
    parse_error: str | None = None
    unit_error: str | None = None
    unit: str | None = None                # the unit used (record's, else surface's)
    surface_unit: str | None = None
    dimension: str | None = None
    counter: bool = False
    value_mismatch: str | None = None
    qualifier_mismatch: str | None = None
    unit_conflict: str | None = None
    derive_error: str | None = None
    dims: tuple = ()
    doc_problem: str | None = None
    quote_line: int | None = None
    quote_column: int | None = None
    quote_at_line: bool = False
    surface_in_quote: bool = False


def read_record(rec: Record, units: Units, docs: Documents, tolerances: dict | None = None) -> Reading:
    v = rec.values
    r = Reading()
    parsed = _parse_surface(v.get("surface"), r)
    _read_unit(v.get("unit"), parsed, units, r)
    if parsed is not None:
        r.interval = parsed.interval(integral=r.counter, **(tolerances or {}))
        _compare_value(v.get("value"), parsed, r)
        if v.get("qualifier") and v["qualifier"] != parsed.qualifier:
            r.qualifier_mismatch = parsed.qualifier
        if r.dimension is not None and r.unit is not None:
            r.base = r.interval.scale(units.info(r.unit).factor)
    _read_source(v, docs, r)
    return r


class Readings:
    """What every record means, computed when asked (a sequence, indexed by row).

    A reading is a pure function of its record, the units, the documents and
    the tolerances, so readings are not all held: the claim table is built
    from readings made and dropped a batch at a time, and the rules ask again
    only for the rows their findings name. Holding all of them cost 600 MB at
    a million claims. The readings of derived figures are kept (resolve_derived
    completes them); the most recently asked rows are kept too, since a rule
    asks for the same rows several times while it writes one finding.
    """

    RECENT = 1 << 16  # rows kept besides derived figures

    def __init__(self, records: Records, units: Units, docs: Documents, tolerances: dict | None = None):
        self._records, self._units, self._docs, self._tolerances = records, units, docs, tolerances
        self._derived: dict[int, Reading] = {}
        # In order of asking, the oldest first. An OrderedDict: next(iter(dict)) after many deletions at the
        # front walks over their empty slots, and cost CC205 4 s at a million claims.
        self._recent: OrderedDict[int, Reading] = OrderedDict()

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, row):
        if isinstance(row, slice):  # a batch for the table: made, not kept
            rows = range(*row.indices(len(self)))
            return [self._kept(i) or read_record(rec, self._units, self._docs, self._tolerances)
                    for i, rec in zip(rows, self._records[row])]
        if row < 0:
            row += len(self)
        if row in self._derived:
            return self._derived[row]
        reading = self._recent.pop(row, None) or self._read(row)
        if self._records[row].values.get("derived"):
            self._derived[row] = reading
        else:
            self._recent[row] = reading  # now the newest
            if len(self._recent) > self.RECENT:
                self._recent.popitem(last=False)
        return reading

    def __iter__(self):
        for start in range(0, len(self), self.RECENT):
            yield from self[start:start + self.RECENT]

    def kept(self) -> int:
        return len(self._derived) + len(self._recent)

    def _kept(self, row: int) -> Reading | None:
        return self._derived.get(row) or self._recent.get(row)

    def _read(self, row: int) -> Reading:
        return read_record(self._records[row], self._units, self._docs, self._tolerances)


def resolve_derived(records: Records, readings: "Readings", units: Units) -> None:
    """Give every `derived` record the interval its expression implies."""
    from checker.language import expressions as derive

    derived = [row for row, expression in enumerate(records.column("derived")) if expression]
    if not derived:
        return
    by_id = records.rows_by_id()
    state: dict[int, str] = {}  # row → "busy" while evaluating, "done" after

    def value_of(row: int):
        if records[row].values.get("derived") and state.get(row) != "done":
            if state.get(row) == "busy":
                raise derive.DeriveError(f"`{records[row].values['id']}` depends on itself")
            evaluate(row)
        r = readings[row]
        return None if r.base is None else derive.Value(r.base, r.dims)

    def lookup(name: str):
        if name not in by_id:
            return None
        found = value_of(by_id[name])
        if found is None:
            raise derive.DeriveError(f"`{name}` has no usable value")
        return found

    def evaluate(row: int) -> None:
        state[row] = "busy"
        r, v = readings[row], records[row].values
        try:
            result = derive.evaluate(v["derived"], lookup)
            _apply_derived(result, v.get("unit"), units, r)
        except derive.DeriveError as exc:
            r.derive_error = str(exc)
        state[row] = "done"

    for row in derived:
        if not records[row].values.get("surface") and state.get(row) != "done":
            try:
                evaluate(row)
            except derive.DeriveError as exc:  # a cycle surfaces at its first member
                readings[row].derive_error = str(exc)
                state[row] = "done"


def _apply_derived(result, unit: str | None, units: Units, r: Reading) -> None:
    from checker.language.expressions import DeriveError, Value, dimension_name, points_as_ratio
    from checker.language.interval import div, Interval

    if not unit:
        raise DeriveError("a derived figure needs `unit:`")
    try:
        info = units.info(unit)
    except UnitError as exc:
        raise DeriveError(str(exc)) from None
    if info.dims == () and result.dims != ():
        result = points_as_ratio(result, Value(result.interval, ()))
    if result.dims != info.dims:
        raise DeriveError(f"the expression gives {dimension_name(result.dims)}, not the {info.dimension} of `{unit}`")
    r.unit, r.dimension, r.counter, r.dims = unit, info.dimension, info.counter, info.dims
    r.base = result.interval
    r.interval = div(result.interval, Interval.point(info.factor))


def _parse_surface(surface, r: Reading):
    if not surface:
        return None
    try:
        parsed = numbers.parse(surface)
    except numbers.NumberError as exc:
        r.parse_error = str(exc)
        return None
    r.surface_unit = parsed.unit
    return parsed


def _read_unit(unit, parsed, units: Units, r: Reading) -> None:
    surface_unit = parsed.unit if parsed is not None else None
    r.unit = unit or surface_unit
    if r.unit is None:
        if parsed is not None:
            r.unit_error = "no unit: give `unit:` (a counter such as 人 or 家, or percent)"
        return
    try:
        info = units.info(r.unit)
    except UnitError as exc:
        r.unit_error = str(exc)
        return
    r.dimension, r.counter, r.dims = info.dimension, info.counter, info.dims
    if unit and surface_unit and not unit.startswith(surface_unit + "/"):  # 4.5个 of 个/千人 is fine
        try:
            if not units.same(unit, surface_unit):
                r.unit_conflict = surface_unit
        except UnitError:
            r.unit_conflict = surface_unit


def _compare_value(value: str | None, parsed: numbers.Parsed, r: Reading) -> None:
    if value is None:
        return
    if parsed.qualifier == "range":
        expected = f"{parsed.value}..{parsed.upper}"
        got = value.split("..")
        same = len(got) == 2 and Decimal(got[0]) == parsed.value and Decimal(got[1]) == parsed.upper
    else:
        expected = str(parsed.value)
        same = ".." not in value and Decimal(value) == parsed.value
    if not same:
        r.value_mismatch = expected


def _read_source(v: dict, docs: Documents, r: Reading) -> None:
    surface, quote = v.get("surface") or "", v.get("quote") or ""
    r.surface_in_quote = bool(surface) and surface in quote
    doc = v.get("doc")
    if not doc:
        return
    lines = docs.lines(doc)
    if isinstance(lines, str):
        r.doc_problem = lines
        return
    found = docs.find(doc, quote, v.get("line"))
    r.quote_line, r.quote_column, r.quote_at_line = found.line, found.column, found.at_given_line


def _bound(value: Decimal | None, rounding, default: Decimal) -> Decimal:
    return default if value is None else value.quantize(_Q, rounding=rounding)


def metric_table(registry: Registry, units: Units):
    """The metric registry as a table: dimension, valid range in base units, better direction."""
    import pyarrow as pa

    rows = []
    for name, term in registry.metrics.terms.items():
        unit = term.extra.get("unit")
        where = f"{term.path}:{term.line}: metric `{name}`"
        try:
            info = units.info(str(unit)) if unit else None
        except UnitError as exc:
            raise UnitError(f"{where}: {exc}") from None
        lo, hi = _range(term.extra.get("range"), info, where)
        better = term.extra.get("better")
        if better not in (None, "higher", "lower"):
            raise UnitError(f"{where}: `better` must be higher or lower, not {better!r}")
        rows.append({"metric_key": name, "expected_dimension": info.dimension if info else None,
                     "range_lo": lo, "range_hi": hi, "better": better,
                     "whole": bool(info and info.counter and info.factor == 1 and term.extra.get("integer", True))})
    dec = pa.decimal128(38, SCALE)
    types = {"metric_key": pa.string(), "expected_dimension": pa.string(), "range_lo": dec, "range_hi": dec,
             "better": pa.string(), "whole": pa.bool_()}
    return pa.table({c: pa.array([r[c] for r in rows], type=t) for c, t in types.items()})


def _range(value, info, where: str):
    if value is None:
        return None, None
    if info is None:
        raise UnitError(f"{where}: a `range` needs the metric's `unit`")
    if not isinstance(value, list) or len(value) != 2:
        raise UnitError(f"{where}: `range` must be [low, high] (null for no bound)")
    bounds = []
    for v, rounding, default in ((value[0], ROUND_FLOOR, -INF), (value[1], ROUND_CEILING, INF)):
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
            raise UnitError(f"{where}: `range` bounds must be numbers or null")
        bounds.append(_bound(None if v is None else Decimal(repr(v)) * info.factor, rounding, default))
    return bounds[0], bounds[1]


def arrow_table(records: Records, readings: "Sequence[Reading]", registry: Registry, batch: int = 1 << 16):
    """The claim table as Arrow, the format every engine accepts.

    The fields as written are the records' own Arrow columns, and so are the
    readings' columns where the loader made them with the records
    (ReadingColumns); rows derived from others take their completed reading.
    Otherwise readings are made a batch of rows at a time: the Python lists
    and numbers a batch needs are freed before the next one, so a million
    claims never hold all their cells twice (this was the run's peak of memory).
    """
    import pyarrow as pa

    import numpy as np

    records = records if isinstance(records, Records) else Records(records)
    spans = list(records.spans())  # once: the records not yet in a chunk become one each time
    chunks = [chunk for _, chunk in spans]
    pieces = [piece for first, chunk in spans for piece in _reading_pieces(first, chunk, readings, batch)]
    made = {name: pa.chunked_array([piece[name] for piece in pieces], DERIVED[name](pa, pa.decimal128(38, SCALE)))
            for name in _reading_arrays([])}
    # where each row stands, made at once for all rows (not a small array per claim file)
    columns = {"row": pa.array(np.arange(len(records), dtype=np.int64)),
               "file": pa.array([path for chunk in chunks for path in chunk.paths], pa.string()),
               "file_line": pa.array(np.concatenate([np.asarray(chunk.lines, dtype=np.int64) for chunk in chunks]
                                                    or [np.zeros(0, np.int64)]))}
    columns.update(records.arrow_columns())
    named = {name: pa.concat_arrays([_named(chunk, name) for chunk in chunks] or [pa.array([], pa.string())])
             for name in ("metric", "entity")}
    made.update(_registry_columns(named["metric"], named["entity"], registry))
    columns.update((name, made[name]) for name in DERIVED)
    return pa.table(columns)


def _reading_pieces(first: int, chunk, readings, batch: int):
    """A chunk's readings' columns: its own when it has them, else readings made a batch at a time."""
    if chunk.readings is not None:
        yield _with_derived(chunk.readings, chunk.values("derived"), first, readings)
        return
    for at in range(0, len(chunk), batch):
        yield _reading_arrays(readings[first + at:first + at + batch])


def _with_derived(arrays: dict, derived: list, first: int, readings) -> dict:
    """The readings' columns with each derived row's completed reading (resolve_derived) in place of its own."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rows = [at for at, expression in enumerate(derived) if expression]
    if not rows:
        return arrays
    mask = pa.array([bool(expression) for expression in derived], type=pa.bool_())
    completed = _reading_arrays([readings[first + at] for at in rows])
    return {name: pc.replace_with_mask(array, mask, completed[name]) for name, array in arrays.items()}


def _registry_columns(metrics, entities, registry: Registry) -> dict:
    """Every row's names in the registry (metrics and entities: Arrow columns), looked up at once."""
    m_names, e_names, slips = registry.metrics.lookup, registry.entities.lookup, registry.entities.variants
    return dict(  # a name the registry does not know stands for itself; an empty name for nothing
        metric_key=_looked_up(metrics, m_names, keep=True), metric_known=_known(metrics, m_names),
        entity_variant=_looked_up(entities, slips, keep=False),
        entity_key=_looked_up(entities, e_names, keep=True), entity_known=_known(entities, e_names))


def _named(chunk, name: str):
    """A field of the chunk's rows as an Arrow array (rows kept whole say theirs)."""
    import pyarrow as pa

    return pa.array(chunk.values(name), pa.string()) if chunk.whole else chunk.arrays[name]


def _looked_up(names, table: dict, keep: bool):
    """Each name's entry in table (with keep, the name itself where it has none); null for empty names."""
    import pyarrow as pa
    import pyarrow.compute as pc

    found = pa.array(list(table.values()), pa.string()).take(
        pc.index_in(names, value_set=pa.array(list(table), pa.string())))
    if keep:
        found = pc.coalesce(found, names)
    return pc.if_else(pc.equal(names, ""), pa.scalar(None, pa.string()), found)


def _known(names, table: dict):
    """The name is in table (never null)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.fill_null(pc.and_(pc.is_in(names, value_set=pa.array(list(table), pa.string())),
                                pc.not_equal(names, "")), False)


def _reading_arrays(readings: list[Reading]) -> dict:
    """The table's columns that say what each row means, from its reading."""
    import pyarrow as pa

    bases = [r.base for r in readings]
    columns = {
        **{name: [getattr(r, attr) for r in readings] for name, attr in _READING_COLUMNS},
        "has_interval": [b is not None for b in bases],
        "lo": [_bound(b.lo, ROUND_FLOOR, -INF) if b else None for b in bases],
        "hi": [_bound(b.hi, ROUND_CEILING, INF) if b else None for b in bases],
        "lo_closed": [b.lo_closed if b else None for b in bases],
        "hi_closed": [b.hi_closed if b else None for b in bases],
    }
    dec = pa.decimal128(38, SCALE)
    return {name: pa.array(column, type=DERIVED[name](pa, dec)) for name, column in columns.items()}


class ReadingColumns:
    """What a claim file's records mean, as the table's columns, made by the loader with the records.

    A reading depends on its record, the units, the tolerances and the text
    of the document it cites, and on nothing else. So the loader makes the
    readings' columns where it parses a file (in a helper process too), and
    the cache keeps them beside the records under `key()` and the digest of
    each cited document (`sources`): an unchanged file in an unchanged
    setting is not read again, and an edited document or units file makes
    its claims read again.
    """

    def __init__(self, units: Units, docs: Documents, tolerances: dict | None = None):
        self.units, self.docs, self.tolerances = units, docs, tolerances
        self._key: str | None = None

    def __reduce__(self):  # a helper process builds its own units and documents: pint's registry does not pickle
        folder = None if self.docs.folder is None else str(self.docs.folder)
        return _reading_columns_of, (str(self.units.path), folder, self.tolerances)

    def __call__(self, records: list[Record]) -> dict:
        return _reading_arrays([read_record(rec, self.units, self.docs, self.tolerances) for rec in records])

    def key(self) -> str:
        """What every reading depends on besides its record and document: the units, tolerances and code."""
        if self._key is None:
            import hashlib

            from checker.incremental.fingerprint import code_digest, up_to

            digest = hashlib.sha256(Path(self.units.path).read_bytes())
            digest.update(repr(sorted((self.tolerances or {}).items())).encode())
            digest.update(code_digest(*up_to("table")).encode())
            self._key = digest.hexdigest()
        return self._key

    def sources(self, names) -> dict:
        """Each cited document's digest (its text, or why it cannot be used)."""
        return {name: self.docs.digest(name) for name in sorted(set(names) - {None})}


def _reading_columns_of(units_path: str, docs_folder: str | None, tolerances) -> ReadingColumns:
    return ReadingColumns(Units(Path(units_path)), Documents(docs_folder), tolerances)


# Derived columns copied from the reading as they are: (column, attribute of Reading).
_READING_COLUMNS = (
    ("parse_error", "parse_error"), ("unit_error", "unit_error"), ("unit_used", "unit"), ("dimension", "dimension"),
    ("value_mismatch", "value_mismatch"), ("qualifier_mismatch", "qualifier_mismatch"),
    ("unit_conflict", "unit_conflict"), ("derive_error", "derive_error"), ("doc_problem", "doc_problem"),
    ("quote_line", "quote_line"), ("quote_at_line", "quote_at_line"), ("surface_in_quote", "surface_in_quote"),
)


def _s(pa, dec):
    return pa.string()


def _b(pa, dec):
    return pa.bool_()


DERIVED = {
    "metric_key": _s, "metric_known": _b, "entity_variant": _s, "entity_key": _s, "entity_known": _b,
    "parse_error": _s, "unit_error": _s, "unit_used": _s, "dimension": _s,
    "value_mismatch": _s, "qualifier_mismatch": _s, "unit_conflict": _s, "derive_error": _s,
    "doc_problem": _s, "quote_line": lambda pa, dec: pa.int64(), "quote_at_line": _b,
    "surface_in_quote": _b, "has_interval": _b,
    "lo": lambda pa, dec: dec, "hi": lambda pa, dec: dec, "lo_closed": _b, "hi_closed": _b,
}
