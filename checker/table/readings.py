"""What each claim means: its printed number, unit and quote read into a Reading.

A reading holds the interval in base units, the unit's dimension and what
the source document says about the quote. The loader makes readings as
columns with the records (ReadingColumns), and the cache keeps them.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from pathlib import Path

from checker.language import numbers
from checker.language.interval import Interval
from checker.language.units import UnitError, Units, numerator_of
from checker.load.documents import Documents
from checker.model.records import Record, Records

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
    if unit and surface_unit and not numerator_of(unit, surface_unit, units):  # 4.5个 of 个/千人, 2.8名 of 人/千人
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


def bound(value: Decimal | None, rounding, default: Decimal) -> Decimal:
    return default if value is None else value.quantize(_Q, rounding=rounding)


def reading_arrays(readings: list[Reading]) -> dict:
    """The table's columns that say what each row means, from its reading."""
    import pyarrow as pa

    bases = [r.base for r in readings]
    columns = {
        **{name: [getattr(r, attr) for r in readings] for name, attr in _READING_COLUMNS},
        "has_interval": [b is not None for b in bases],
        "lo": [bound(b.lo, ROUND_FLOOR, -INF) if b else None for b in bases],
        "hi": [bound(b.hi, ROUND_CEILING, INF) if b else None for b in bases],
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
        return _reading_columns_of, ([str(p) for p in self.units.paths], folder, self.tolerances)

    def __call__(self, records: list[Record]) -> dict:
        return reading_arrays([read_record(rec, self.units, self.docs, self.tolerances) for rec in records])

    def key(self) -> str:
        """What every reading depends on besides its record and document: the units, tolerances and code."""
        if self._key is None:
            import hashlib

            from checker.incremental.fingerprint import code_digest, up_to

            digest = hashlib.sha256()
            for path in self.units.paths:
                digest.update(path.read_bytes())
            digest.update(repr(sorted((self.tolerances or {}).items())).encode())
            digest.update(code_digest(*up_to("table")).encode())
            self._key = digest.hexdigest()
        return self._key

    def sources(self, names) -> dict:
        """Each cited document's digest (its text, or why it cannot be used)."""
        return {name: self.docs.digest(name) for name in sorted(set(names) - {None})}


def _reading_columns_of(units_paths: list[str], docs_folder: str | None, tolerances) -> ReadingColumns:
    return ReadingColumns(Units([Path(p) for p in units_paths]), Documents(docs_folder), tolerances)


# Derived columns copied from the reading as they are: (column, attribute of Reading).
_READING_COLUMNS = (
    ("parse_error", "parse_error"), ("unit_error", "unit_error"), ("unit_used", "unit"), ("dimension", "dimension"),
    ("value_mismatch", "value_mismatch"), ("qualifier_mismatch", "qualifier_mismatch"),
    ("unit_conflict", "unit_conflict"), ("derive_error", "derive_error"), ("doc_problem", "doc_problem"),
    ("quote_line", "quote_line"), ("quote_at_line", "quote_at_line"), ("surface_in_quote", "surface_in_quote"),
    ("quote_column", "quote_column"),
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
    "quote_column": lambda pa, dec: pa.int64(),  # where the quote starts in its line: findings point there
    "surface_in_quote": _b, "has_interval": _b,
    "lo": lambda pa, dec: dec, "hi": lambda pa, dec: dec, "lo_closed": _b, "hi_closed": _b,
}
