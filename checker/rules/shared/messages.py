"""How rules name claims in their messages: one wording for all of them."""
from __future__ import annotations

from checker.language.interval import Interval, div


def show(ctx, row: int) -> str:
    """How a claim reads in a message: 93.4% (doc line 13)."""
    rec = ctx.records[row]
    v = rec.values
    unit = v.get("unit")
    text = v.get("surface") or "?"
    if unit and ctx.readings[row].surface_unit is None:
        text += f" {unit}"
    line = ctx.readings[row].quote_line or v.get("line")
    where = f"{v.get('doc')}:{line}" if line else f"{rec.path}:{rec.line}"
    return f"{text} [{v.get('kind')}, {v.get('period')}] ({where})"


def in_unit_of(ctx, row: int, base) -> str:
    """A base-unit interval shown in the unit of a claim."""
    factor = ctx.units.info(ctx.readings[row].unit).factor
    return div(base, Interval.point(factor)).short()


def parts_message(ctx, g: dict, problem: str) -> str:
    whole, parts = g["row"], sorted(g["parts"])
    if g["mixed"]:
        dims = sorted({str(ctx.readings[p].dimension) for p in parts})
        return (f"{show(ctx, whole)}: the parts are in {', '.join(dims)} but the total is in "
                f"{ctx.readings[whole].dimension}")
    total = ctx.readings[parts[0]].base
    for p in parts[1:]:
        total = total + ctx.readings[p].base
    listed = " + ".join(ctx.records[p].values.get("surface") or ctx.records[p].values["id"] for p in parts)
    return f"{show(ctx, whole)} {problem}: {listed} = {in_unit_of(ctx, whole, total)}"


def variant_of(ctx, row: int) -> str:
    return ctx.registry.entities.variants[ctx.records[row].values["entity"]]


def key(ctx, row: int) -> str:
    v = ctx.records[row].values
    return f"{v.get('metric')} · {v.get('entity')}"
