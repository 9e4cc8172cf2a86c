"""How rules name claims in their messages: one wording for all of them."""
from __future__ import annotations

from decimal import Decimal

from checker.language.interval import Interval, div, tidy


def show(ctx, row: int) -> str:
    """How a claim reads in a message: 93.4% (doc line 13); a derived claim by the value it implies."""
    rec = ctx.records[row]
    v = rec.values
    unit = v.get("unit")
    text = v.get("surface") or _implied(ctx, row)
    if unit and ctx.readings[row].surface_unit is None:
        text += f" {unit}" if v.get("surface") else unit  # 945.0万张, as a bulletin would print it
    if not v.get("surface") and v.get("derived"):
        text += " (derived)"
    line = ctx.readings[row].quote_line or v.get("line")
    where = f"{v.get('doc')}:{line}" if line else f"{rec.path}:{rec.line}"
    return f"{text} [{v.get('kind')}, {v.get('period')}] ({where})"


_LARGE = ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))


def _implied(ctx, row: int) -> str:
    """A value no text prints (last year's value behind 比上年增加N), as bulletins write it: 945.0万, not
    (9449000, 9451000); the digits kept are those its interval's width allows."""
    reading = ctx.readings[row]
    if reading.base is None or reading.unit is None or reading.base.lo is None or reading.base.hi is None:
        return "?"
    factor = ctx.units.info(reading.unit).factor
    lo, hi = reading.base.lo / factor, reading.base.hi / factor
    middle, half = (lo + hi) / 2, (hi - lo) / 2
    if half == 0:
        return str(tidy(middle))  # exact: every digit
    scale, word = next(((s, w) for s, w in _LARGE if abs(middle) >= s and factor == 1), (Decimal(1), ""))
    places = max(0, -(half / scale).adjusted())
    return f"{(middle / scale).quantize(Decimal(1).scaleb(-places))}{word}"


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
