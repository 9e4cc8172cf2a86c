"""Unit mismatch: one metric measured in incompatible units.

All claims of a metric that state a level (actual, target, baseline, share)
must share a dimension (persons, person-times, percent, money…), and the
dimension declared for the metric in rules/metrics.yaml when it declares
one. A change counts only when it is in the metric's own terms (增加9.43万人
of a count of 人次 is a slip); one in %, 倍 or 个百分点 is left out, since a
percent level legitimately changes by 个百分点. 人 against 人次, or % against
个百分点 for one metric, means one of the claims is mis-recorded or the text
mixes two different measures under one name.

Passing example::

    claims:
      - {id: rc-1, metric: 急诊急救人次, entity: 荣昌区, period: "2022", kind: actual, surface: 1000余人次, source: {doc: d.txt, line: 1, quote: 急诊急救患者1000余人次}}
    docs:
      d.txt: 接诊毗邻地区急诊急救患者1000余人次。
    metrics:
      - {name: 急诊急救人次, unit: 人次}

Failing example::

    claims:
      - {id: rc-1, metric: 急诊急救人次, entity: 荣昌区, period: "2022", kind: actual, surface: 1000余人, source: {doc: d.txt, line: 1, quote: 急诊急救患者1000余人}}
    docs:
      d.txt: 接诊毗邻地区急诊急救患者1000余人。
    metrics:
      - {name: 急诊急救人次, unit: 人次}
"""
from checker.rules.shared.messages import show
from checker.rules.shared.relational import repeated
from checker.table.engines import built_once

CODE = "CC204"
NAME = "unit-mismatch"
SEVERITY = "error"
READS = "table"
RELATIVE = ("[ratio]", "[percentage_point]")  # %, ‰, 倍, 个百分点
SCOPE = ("metric_key",)  # each finding is about claims of one metric (checker.run.kept)


def check(ctx):
    undeclared, dims = _dimensions(ctx.table, ctx.metrics)
    out = []
    for r in ctx.rows(undeclared):
        out.append(ctx.finding(CODE, f"metric `{ctx.records[r['row']].values['metric']}` is declared in "
                                     f"{r['expected_dimension']} but this claim is in {r['dimension']}", [r["row"]]))
    by_metric: dict = {}
    for g in ctx.rows(dims):
        by_metric.setdefault(g["metric_key"], []).append(g)
    for metric, groups in by_metric.items():
        if len(groups) > 1:
            shown = ", ".join(f"{g['dimension']} ({show(ctx, g['first'])})" for g in groups)
            out.append(ctx.finding(CODE, f"metric `{metric}` is measured in incompatible units: {shown}",
                                   [g["first"] for g in groups]))
    return out


@built_once
def _dimensions(claims, metrics):
    """(the claims in another dimension than their metric's declared one; each dimension of the metrics
    measured in more than one, with its first claim), as two expressions."""
    # A change may be relative (a percent level changes by 个百分点, a count grows by 3%) and a share is a
    # part of a whole (医院床位 … 占78.4%): levels count here, and changes that are not relative.
    relative = (claims.kind == "change") & claims.dimension.isin(RELATIVE)
    t = claims.filter(claims.metric_key.notnull() & claims.dimension.notnull() & (claims.kind != "share") & ~relative)
    d = t.join(metrics, "metric_key")
    undeclared = (d.filter(d.expected_dimension.notnull() & (d.dimension != d.expected_dimension))
                  .select("row", "dimension", "expected_dimension").order_by("row"))
    # only metrics measured in more than one dimension leave the engine (not one row per metric)
    dims = repeated(t.group_by(["metric_key", "dimension"]).aggregate(first=t.row.min()), ["metric_key"])
    return undeclared, dims.order_by(["metric_key", "first"])
