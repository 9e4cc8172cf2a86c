"""Target progress: how the latest actual values stand against each target.

For every ``target`` claim, the actual claims of the same metric and entity
from the latest year up to the target's year are compared with it: met (the
actual lies wholly inside the target), not met (no overlap), or undecided
(they overlap in part, as ``约95%`` against ``95%以上`` does). Where
rules/metrics.yaml says higher (or lower) is better, going beyond the target
counts as meeting it; where no one has said which way is better (a metric
the vocabulary lacks), an actual that misses a plain target is said to be
above or below it, not to miss it. Informational:
it shows what a report promises next to what it reports.

Passing example::

    claims:
      - {id: rc-2, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 95%以上, source: {doc: d.txt, line: 1, quote: 2025年区域内就诊率达95%以上}}
    docs:
      d.txt: 2025年区域内就诊率达95%以上

Failing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
      - {id: rc-2, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 95%以上, source: {doc: d.txt, line: 2, quote: 2025年区域内就诊率达95%以上}}
    docs:
      d.txt: |
        区域内就诊率由2020年的88.6%提升到93.4%。
        2025年区域内就诊率达95%以上
"""
from checker.rules.shared.messages import key, show
from checker.rules.shared.relational import KEY, keyed, prefixed, year
from checker.table.engines import built_once

CODE = "CC203"
NAME = "target-progress"
SEVERITY = "info"
READS = "table"
SCOPE = ("metric_key", "entity_key")  # each finding is about claims of one metric and entity (checker.run.kept)

_SAME_THING = ["metric_key", "entity_key", "dimension"]


def check(ctx):
    by_target: dict = {}
    for p in ctx.rows(_latest_actuals(ctx.table)):
        by_target.setdefault(p["t_row"], []).append(p["a_row"])
    out = []
    for target, actuals in by_target.items():
        goal, directed = _goal(ctx, target)
        states = [f"{show(ctx, r)}: {_status(goal, ctx.readings[r].base, directed)}" for r in actuals]
        out.append(ctx.finding(CODE, f"{key(ctx, target)}: target {show(ctx, target)}; latest actual "
                                     f"{'; '.join(states)}", [target, *actuals]))
    return out


@built_once
def _latest_actuals(claims):
    """Each target's row beside the rows of its key's actuals of the latest year up to the target's."""
    import ibis

    t = keyed(claims, "target")
    a = keyed(claims, "actual")
    t = prefixed(t.mutate(year=year(t.period)), "t_", KEY + ["row", "year"])
    a = prefixed(a.mutate(year=year(a.period)), "a_", KEY + ["row", "year"])
    m = t.join(a, [t["t_" + k] == a["a_" + k] for k in _SAME_THING] + [a.a_year <= t.t_year])
    m = m.mutate(latest=m.a_year.max().over(ibis.window(group_by="t_row")))
    return m.filter(m.a_year == m.latest).select("t_row", "a_row").order_by(["t_row", "a_row"])


def _goal(ctx, row: int):
    """The target as an interval, and whether which way is better is known: a target of 25 for a metric
    where higher is better is met by anything from 25 up."""
    from checker.language.interval import Interval

    base = ctx.readings[row].base
    term = ctx.registry.metrics.get(ctx.records[row].values["metric"])
    better = term.extra.get("better") if term else None
    if better == "higher" and base.lo is not None:
        return Interval(base.lo, None, base.lo_closed, False), True
    if better == "lower" and base.hi is not None:
        return Interval(None, base.hi, False, base.hi_closed), True
    return base, better is not None or base.lo is None or base.hi is None  # 95%以上 says which way itself


def _status(goal, actual, directed: bool) -> str:
    if goal.contains(actual):
        return "met"
    if goal.overlaps(actual):
        return "undecided"
    if directed:
        return "not met"
    above = goal.hi is not None and actual.lo is not None and actual.lo >= goal.hi
    return "above the target" if above else "below the target"  # 63.9% against a plain 62%: met, if higher is better
