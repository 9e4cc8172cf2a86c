"""Out of range: a value outside what its metric allows, or a fraction of a whole count.

rules/metrics.yaml can give each metric a valid ``range`` in its unit (a
share lies within [0, 100] percent, a count within [0, null], a life
expectancy within human range). A claim that cannot lie in that range is
reported, and so is a count of whole things (a metric whose unit is a plain
counter such as 家 or 人) whose printed value cannot be a whole number.
Changes are left out: they may be negative.

Passing example::

    claims:
      - {id: r-1, metric: 接种率, entity: 涪陵区, period: "2024", kind: actual, surface: 99%以上, source: {doc: d.txt, line: 1, quote: 接种率达99%以上}}
    docs:
      d.txt: 适龄儿童免疫规划疫苗接种率达99%以上。
    metrics:
      - {name: 接种率, unit: percent, range: [0, 100]}

Failing example::

    claims:
      - {id: r-1, metric: 接种率, entity: 涪陵区, period: "2024", kind: actual, surface: 109%, source: {doc: d.txt, line: 1, quote: 接种率达109%}}
    docs:
      d.txt: 适龄儿童免疫规划疫苗接种率达109%。
    metrics:
      - {name: 接种率, unit: percent, range: [0, 100]}
"""
from checker.rules.shared.messages import show
from checker.rules.shared.relational import above
from checker.table.engines import built_once

CODE = "CC310"
NAME = "out-of-range"
SEVERITY = "error"
READS = "table"
SCOPE = ("metric_key",)  # each finding is about one claim, against its own metric's range (checker.run.kept)


def check(ctx):
    out = []
    for g in ctx.rows(_impossible(ctx.table, ctx.metrics)):
        term = ctx.registry.metrics.terms[g["metric_key"]]
        if g["outside"]:
            low, high = term.extra["range"]
            text = f"outside the valid range [{_bound(low, '-inf')}, {_bound(high, '+inf')}] {term.extra.get('unit', '')}"
        else:
            text = f"not a whole number, but `{g['metric_key']}` counts whole {term.extra.get('unit', 'things')}"
        out.append(ctx.finding(CODE, f"{show(ctx, g['row'])} is {text}", [g["row"]]))
    return out


@built_once
def _impossible(claims, metrics):
    """The claims outside their metric's range, or not whole where it counts whole things."""
    # a change or a share (占78.4%) is not a level of the metric: its range and whole counts do not apply
    t = claims.filter(claims.has_interval & ~claims.kind.isin(["change", "share"]))
    j = t.join(metrics, "metric_key")
    # a claim in another dimension than its metric's (1.65人 of 每千人口卫生技术人员数, 人/千人) is CC204's to report:
    # its number is in no unit the range is in
    alike = j.expected_dimension.isnull() | j.dimension.isnull() | (j.dimension == j.expected_dimension)
    outside = alike & j.range_lo.notnull() & (above(j.lo, j.lo_closed, j.range_hi, True)
                                              | above(j.range_lo, True, j.hi, j.hi_closed))
    fraction = alike & j.whole & (j.lo.ceil() > j.hi.floor())
    return j.filter(outside | fraction).select("row", "metric_key", outside=outside).order_by("row")


def _bound(value, default: str) -> str:
    return default if value is None else str(value)
