"""Series: a claim of N years of steady rise (连续3年提升) against the yearly values present.

A claim with ``relations: [{series: {years: 3, direction: up}}]`` says its
metric rose every year for the N years up to the claim's period. The actual
values of the same metric and entity for those years, where the claims hold
them, must then rise from each year to the next; a year whose value cannot be
above the previous one (or below, for ``direction: down``) is reported.

Passing example::

    claims:
      - {id: y-1, metric: 人均预期寿命, entity: 荣昌区, period: "2021", kind: actual, surface: 78.6岁, source: {doc: d.txt, line: 1, quote: 2021年78.6岁}}
      - {id: y-2, metric: 人均预期寿命, entity: 荣昌区, period: "2022", kind: actual, surface: 78.9岁, relations: [{series: {years: 3, direction: up}}], source: {doc: d.txt, line: 2, quote: 人均预期寿命达78.9岁，实现连续3年提升}}
    docs:
      d.txt: |
        2021年78.6岁
        人均预期寿命达78.9岁，实现连续3年提升

Failing example::

    claims:
      - {id: y-1, metric: 人均预期寿命, entity: 荣昌区, period: "2021", kind: actual, surface: 79.1岁, source: {doc: d.txt, line: 1, quote: 2021年79.1岁}}
      - {id: y-2, metric: 人均预期寿命, entity: 荣昌区, period: "2022", kind: actual, surface: 78.9岁, relations: [{series: {years: 3, direction: up}}], source: {doc: d.txt, line: 2, quote: 人均预期寿命达78.9岁，实现连续3年提升}}
    docs:
      d.txt: |
        2021年79.1岁
        人均预期寿命达78.9岁，实现连续3年提升
"""
from checker.rules.shared.messages import show
from checker.rules.shared.relational import keyed, prefixed, year
from checker.table.engines import built_once

CODE = "CC307"
NAME = "series"
SEVERITY = "error"
READS = "table"

_COLS = ["row", "metric_key", "entity_key", "dimension", "year"]


def check(ctx):
    by_claim: dict = {}
    for p in ctx.rows(_series_values(ctx.relations, ctx.table)):
        by_claim.setdefault((p["row"], p["direction"]), {}).setdefault(p["a_year"], []).append(p["a_row"])
    out = []
    for (row, direction), years in by_claim.items():
        for earlier, later in _breaks(ctx, years, direction):
            word = "rise" if direction == "up" else "fall"
            out.append(ctx.finding(CODE, f"{show(ctx, row)} says it kept to {word}, but {show(ctx, later)} does not "
                                         f"{word} from {show(ctx, earlier)}", [row, earlier, later]))
    return out


@built_once
def _series_values(relations, claims):
    """Each series claim's row beside the actuals of its key in the years it covers."""
    s = relations.filter(relations.rel == "series").select("row", "years", "direction")
    said = keyed(claims)
    c = prefixed(said.mutate(year=year(said.period)), "c_", _COLS)
    s = s.join(c, s.row == c.c_row)
    actual = keyed(claims, "actual")
    a = prefixed(actual.mutate(year=year(actual.period)), "a_", _COLS)
    j = s.join(a, [s.c_metric_key == a.a_metric_key, s.c_entity_key == a.a_entity_key,
                   s.c_dimension == a.a_dimension, a.a_year >= s.c_year - s.years, a.a_year <= s.c_year])
    return j.select("row", "direction", "a_row", "a_year").order_by(["row", "a_year", "a_row"])


def _breaks(ctx, years: dict, direction: str):
    ordered = sorted(years)
    for y1, y2 in zip(ordered, ordered[1:]):
        for e in years[y1]:
            for lt in years[y2]:
                a, b = ctx.readings[e].base, ctx.readings[lt].base
                if direction == "up" and a.lo is not None and b.hi is not None and b.hi <= a.lo:
                    yield e, lt
                if direction == "down" and a.hi is not None and b.lo is not None and b.lo >= a.hi:
                    yield e, lt
