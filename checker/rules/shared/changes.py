"""What a stated change should be, given the two values it connects.

`提高10个百分点` between two percents is their difference; `增长13.5%` is a
relative growth; `增长1.6倍` is (new/old − 1) while `是原来的1.6倍` is
new/old. The stated change is compared with the reading its unit asks for,
and with the reading a writer most often confuses it with.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from checker.language.interval import Interval, div, neg, sub
from checker.rules.shared.messages import key, show
from checker.table.engines import built_once

HUNDRED = Interval.point(Decimal(100))
ONE = Interval.point(Decimal(1))
PP = (("[percentage_point]", 1),)


@dataclass(frozen=True)
class Verdict:
    status: str            # "ok", "mismatch", "points" (percent/point slip), "times" (倍 slip)
    stated: Interval       # the change as printed, signed by its direction, in its own unit
    expected: Interval     # what the values imply in the reading the unit asks for
    reading: str           # name of that reading
    other: Interval | None = None  # the confusable reading that matches instead
    other_reading: str = ""


def pairs(ctx):
    """(change row, from row, to row, direction, mode) for every change relation."""
    return ctx.rows(_changes(ctx.relations))


@built_once
def _changes(relations):
    e = relations.filter(relations.rel == "change")
    f = e.filter(e.role == "from").select("row", "direction", "mode", from_row=e.member)
    t = e.filter(e.role == "to").select("row", to_row=e.member)
    return f.join(t, "row").order_by("row")


def judge(ctx, row: int, old: int, new: int, direction: str, mode: str) -> Verdict | None:
    r, a, b = ctx.readings[row], ctx.readings[old], ctx.readings[new]
    if r.interval is None or a.base is None or b.base is None or a.dims != b.dims:
        return None
    stated = neg(r.interval) if direction == "down" else r.interval
    info = ctx.units.info(r.unit)
    growth = _times(div(sub(b.base, a.base), a.base), HUNDRED)
    if r.dims == PP:
        if a.dims != ():
            return None
        return _verdict(stated, _times(sub(b.base, a.base), HUNDRED), "difference in percentage points",
                        growth, "relative growth in percent", "points")
    if info.name == "percent":
        points = _times(sub(b.base, a.base), HUNDRED) if a.dims == () else None
        return _verdict(stated, growth, "relative growth in percent", points, "difference in percentage points",
                        "points")
    if info.name == "times":
        ratio = div(b.base, a.base)
        grow = sub(ratio, ONE)
        if mode == "multiple":
            return _verdict(stated, ratio, "multiple (是原来的N倍)", grow, "growth (增长N倍)", "times")
        return _verdict(stated, grow, "growth (增长N倍 = new/old − 1)", ratio, "multiple (是原来的N倍)", "times")
    if r.dims != a.dims:
        return None
    return _verdict(stated, div(sub(b.base, a.base), Interval.point(info.factor)), "difference", None, "", "")


def _times(a: Interval, b: Interval) -> Interval:
    from checker.language.interval import mul

    return mul(a, b)


def _verdict(stated, expected, reading, other, other_reading, slip) -> Verdict:
    if stated.overlaps(expected):
        return Verdict("ok", stated, expected, reading)
    if other is not None and stated.overlaps(other):
        return Verdict(slip, stated, expected, reading, other, other_reading)
    return Verdict("mismatch", stated, expected, reading)


def message(ctx, row: int, old: int, new: int, v: Verdict) -> str:
    head = (f"{key(ctx, row)}: change {show(ctx, row)} from {show(ctx, old)} to {show(ctx, new)}: "
            f"the values give a {v.reading} of {v.expected.short()}")
    if v.other is not None:
        return f"{head}; the stated {v.stated.short()} matches the {v.other_reading} ({v.other.short()}) instead"
    return f"{head}, not {v.stated.short()}"


def findings(ctx, code: str, status: str) -> list:
    """Findings of one verdict status, for the rule that owns it."""
    out = []
    for p in pairs(ctx):
        rows = [p["row"], p["from_row"], p["to_row"]]
        v = judge(ctx, *rows, p["direction"], p["mode"])
        if v is not None and v.status == status:
            out.append(ctx.finding(code, message(ctx, *rows, v), rows))
    return out
