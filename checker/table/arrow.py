"""The claim table as Arrow: each record's fields, its reading, and the registry's canonical keys.

This is the one table every rule and engine reads; the metric registry
goes beside it as a small table of its own.
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from checker.language.units import UnitError, Units
from checker.load.registry import Registry
from checker.model.fields import UNNAMED
from checker.model.records import Records
from checker.table.readings import DERIVED, INF, SCALE, Reading, bound, reading_arrays


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
        bounds.append(bound(None if v is None else Decimal(repr(v)) * info.factor, rounding, default))
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
    import numpy as np
    import pyarrow as pa

    records = records if isinstance(records, Records) else Records(records)
    spans = list(records.spans())  # once: the records not yet in a chunk become one each time
    chunks = [chunk for _, chunk in spans]
    pieces = [piece for first, chunk in spans for piece in _reading_pieces(first, chunk, readings, batch)]
    made = {name: pa.chunked_array([piece[name] for piece in pieces], DERIVED[name](pa, pa.decimal128(38, SCALE)))
            for name in reading_arrays([])}
    # where each row stands, made at once for all rows (not a small array per claim file)
    columns = {"row": pa.array(np.arange(len(records), dtype=np.int64)),
               "file": pa.array([path for chunk in chunks for path in chunk.paths], pa.string()),
               "file_line": pa.array(np.concatenate([np.asarray(chunk.lines, dtype=np.int64) for chunk in chunks]
                                                    or [np.zeros(0, np.int64)])),
               "file_column": pa.array(np.concatenate([np.asarray(chunk.columns, dtype=np.int64) for chunk in chunks]
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
        yield reading_arrays(readings[first + at:first + at + batch])


def _with_derived(arrays: dict, derived: list, first: int, readings) -> dict:
    """The readings' columns with each derived row's completed reading (resolve_derived) in place of its own."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rows = [at for at, expression in enumerate(derived) if expression]
    if not rows:
        return arrays
    mask = pa.array([bool(expression) for expression in derived], type=pa.bool_())
    completed = reading_arrays([readings[first + at] for at in rows])
    return {name: pc.replace_with_mask(array, mask, completed[name]) for name, array in arrays.items()}


def _registry_columns(metrics, entities, registry: Registry) -> dict:
    """Every row's names in the registry (metrics and entities: Arrow columns), looked up at once."""
    import pyarrow.compute as pc

    # names the registry understands without listing them (每千人口X, X人民医院) join it first
    registry.learn(pc.unique(metrics).to_pylist(), pc.unique(entities).to_pylist())
    m_names, e_names, slips = registry.metrics.lookup, registry.entities.lookup, registry.entities.variants
    # a name the registry does not know stands for itself; an empty name for nothing, and so does the `?` of a
    # draft whose figure extract could not name: two such figures are no one metric to compare
    return dict(
        metric_key=_looked_up(metrics, m_names, keep=True, nothing=("", UNNAMED)),
        metric_known=_known(metrics, m_names),
        entity_variant=_looked_up(entities, slips, keep=False),
        entity_key=_looked_up(entities, e_names, keep=True), entity_known=_known(entities, e_names))


def _named(chunk, name: str):
    """A field of the chunk's rows as an Arrow array (rows kept whole say theirs)."""
    import pyarrow as pa

    return pa.array(chunk.values(name), pa.string()) if chunk.whole else chunk.arrays[name]


def _looked_up(names, table: dict, keep: bool, nothing: tuple = ("",)):
    """Each name's entry in table (with keep, the name itself where it has none); null for the names that stand
    for nothing (an empty one)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    found = pa.array(list(table.values()), pa.string()).take(
        pc.index_in(names, value_set=pa.array(list(table), pa.string())))
    if keep:
        found = pc.coalesce(found, names)
    return pc.if_else(pc.is_in(names, value_set=pa.array(nothing, pa.string())), pa.scalar(None, pa.string()), found)


def _known(names, table: dict):
    """The name is in table (never null)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.fill_null(pc.and_(pc.is_in(names, value_set=pa.array(list(table), pa.string())),
                                pc.not_equal(names, "")), False)
