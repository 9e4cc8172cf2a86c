"""Derived figures: a record whose `derived` expression (over other claims' ids) gives its value.

Each is evaluated over the readings of the claims it names, as an interval
carrying their tolerance, once every printed figure has been read.
"""
from __future__ import annotations

from checker.language.interval import Interval
from checker.language.units import UnitError, Units
from checker.model.records import Records
from checker.table.readings import Reading, Readings


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
    from checker.language.expressions import (
        DeriveError,
        Value,
        dimension_name,
        points_as_ratio,
    )
    from checker.language.interval import div

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
