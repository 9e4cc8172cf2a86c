"""Target already met: an earlier actual value already reaches a target set for later.

When rules/metrics.yaml says which direction is better for a metric
(``better: higher`` or ``lower``), a document that sets a target for a later
year while reporting, for an earlier year, an actual value that already
reaches it is suspicious: either the target is not ambitious, or it means
something else (25 *new* specialties rather than 25 in all), or one of the
figures is wrong. Only actuals from the target's own document count: they
were known when the target was written. Reported as a warning.

Passing example::

    claims:
      - {id: k-1, metric: 国家临床重点专科数, entity: 重庆市, period: "2021", kind: actual, surface: 20个, source: {doc: d.txt, line: 1, quote: 国家临床重点专科20个}}
      - {id: k-2, metric: 国家临床重点专科数, entity: 重庆市, period: "2025", kind: target, surface: 25个, source: {doc: d.txt, line: 2, quote: 建设25个国家临床重点专科}}
    docs:
      d.txt: |
        截至2021年，全市有国家临床重点专科20个。
        “十四五”期间，建设25个国家临床重点专科。
    metrics:
      - {name: 国家临床重点专科数, unit: 个, better: higher}

Failing example::

    claims:
      - {id: k-1, metric: 国家临床重点专科数, entity: 重庆市, period: "2021", kind: actual, surface: 35个, source: {doc: d.txt, line: 1, quote: 国家临床重点专科35个}}
      - {id: k-2, metric: 国家临床重点专科数, entity: 重庆市, period: "2025", kind: target, surface: 25个, source: {doc: d.txt, line: 2, quote: 建设25个国家临床重点专科}}
    docs:
      d.txt: |
        截至2021年，全市有国家临床重点专科35个。
        “十四五”期间，建设25个国家临床重点专科。
    metrics:
      - {name: 国家临床重点专科数, unit: 个, better: higher}
"""
from checker.rules.shared.messages import key, show
from checker.rules.shared.relational import keyed, prefixed, year
from checker.table.engines import built_once

CODE = "CC312"
NAME = "target-already-met"
SEVERITY = "warning"
READS = "table"
SCOPE = ("metric_key", "entity_key")  # each finding is about claims of one metric and entity (checker.run.kept)

_COLS = ["row", "doc", "metric_key", "entity_key", "dimension", "year", "lo", "hi", "lo_closed", "hi_closed"]


def check(ctx):
    out = []
    for h in ctx.rows(_reached(ctx.table, ctx.metrics)):
        rows = sorted(h["actuals"])
        out.append(ctx.finding(CODE, f"{key(ctx, h['t_row'])}: target {show(ctx, h['t_row'])} is already reached by "
                                     f"{', '.join(show(ctx, r) for r in rows)}", [h["t_row"], *rows]))
    return out


@built_once
def _reached(claims, metrics):
    """Each target beside the earlier actuals of its document that already reach it."""
    targets, actuals = keyed(claims, "target"), keyed(claims, "actual")
    t = prefixed(targets.mutate(year=year(targets.period)), "t_", _COLS)
    a = prefixed(actuals.mutate(year=year(actuals.period)), "a_", _COLS)
    m = metrics.filter(metrics.better.notnull()).select("metric_key", "better")
    t = t.join(m, t.t_metric_key == m.metric_key)
    j = t.join(a, [t.t_metric_key == a.a_metric_key, t.t_entity_key == a.a_entity_key,
                   t.t_dimension == a.a_dimension, t.t_doc == a.a_doc, a.a_year < t.t_year])
    higher = (j.better == "higher") & ((j.a_lo > j.t_lo) | ((j.a_lo == j.t_lo) & (j.t_lo_closed | ~j.a_lo_closed)))
    lower = (j.better == "lower") & ((j.a_hi < j.t_hi) | ((j.a_hi == j.t_hi) & (j.t_hi_closed | ~j.a_hi_closed)))
    return j.filter(higher | lower).group_by("t_row").aggregate(actuals=j.a_row.collect()).order_by("t_row")
