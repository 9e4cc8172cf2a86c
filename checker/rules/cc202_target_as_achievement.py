"""Target stated as achievement: an actual value equals a target and disagrees with every other actual.

When a document sets a target (``2025年区域内就诊率达95%以上``) and elsewhere
reports the same figure as achieved for an earlier period, while another
actual for that period says something else (93.4%), the achievement is most
likely the target copied into the wrong sentence. Reported when an
``actual`` claim overlaps a ``target`` of the same metric and entity for a
different period, and overlaps none of the other actuals of its own key
(there must be at least one).

Passing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
      - {id: rc-2, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 95%以上, source: {doc: d.txt, line: 2, quote: 2025年区域内就诊率达95%以上}}
      - {id: rc-3, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93%以上, source: {doc: d.txt, line: 3, quote: 区域内就诊率达93%以上}}
    docs:
      d.txt: |
        区域内就诊率由2020年的88.6%提升到93.4%。
        2025年区域内就诊率达95%以上
        医疗服务能力持续提升，区域内就诊率达93%以上。

Failing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
      - {id: rc-2, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 95%以上, source: {doc: d.txt, line: 2, quote: 2025年区域内就诊率达95%以上}}
      - {id: rc-3, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 95%以上, source: {doc: d.txt, line: 3, quote: 区域内就诊率达95%以上}}
    docs:
      d.txt: |
        区域内就诊率由2020年的88.6%提升到93.4%。
        2025年区域内就诊率达95%以上
        医疗服务能力持续提升，区域内就诊率达95%以上。
"""
from checker.rules.shared.messages import key, show
from checker.rules.shared.relational import BOUNDS, KEY, keyed, overlaps, prefixed
from checker.table.engines import built_once

CODE = "CC202"
NAME = "target-as-achievement"
SEVERITY = "warning"
READS = "table"
SCOPE = ("metric_key", "entity_key")  # each finding is about claims of one metric and entity (checker.run.kept)

_SAME_THING = ["metric_key", "entity_key", "dimension"]


def check(ctx):
    hits, others = _matching_targets(ctx.table)
    disagreeing: dict = {}
    for o in ctx.rows(others):
        disagreeing.setdefault(o["a_row"], []).append(o["b_row"])
    out = []
    for h in ctx.rows(hits):
        row, target, rest = h["a_row"], h["t_row"], disagreeing[h["a_row"]]
        out.append(ctx.finding(
            CODE, f"{key(ctx, row)}: actual {show(ctx, row)} matches the target {show(ctx, target)} but disagrees "
                  f"with {', '.join(show(ctx, r) for r in rest)}: a target stated as an achievement?",
            [row, target, *rest]))
    return out


@built_once
def _matching_targets(claims):
    """(each actual claim that overlaps none of its key's other actuals but a target of another period, with
    that target's row; the actuals it disagrees with), as two expressions."""
    cols = KEY + BOUNDS + ["row"]
    actual = keyed(claims, "actual")
    a, b = prefixed(actual, "a_", cols), prefixed(actual, "b_", cols)
    pairs = a.join(b, [a["a_" + k] == b["b_" + k] for k in KEY] + [a.a_row != b.b_row])
    pairs = pairs.mutate(ov=overlaps(pairs, "a_", "b_").cast("int64"))
    per = pairs.group_by("a_row").aggregate(overlapping=pairs.ov.sum())
    lonely = a.join(per.filter(per.overlapping == 0), "a_row")
    t = prefixed(keyed(claims, "target"), "t_", cols)
    m = lonely.join(t, [lonely["a_" + k] == t["t_" + k] for k in _SAME_THING] + [lonely.a_period != t.t_period])
    m = m.filter(overlaps(m, "a_", "t_"))
    hits = m.group_by("a_row").aggregate(t_row=m.t_row.min())
    others = pairs.join(hits, "a_row").select("a_row", "b_row")
    return hits.order_by("a_row"), others.order_by(["a_row", "b_row"])
