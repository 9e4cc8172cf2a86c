"""Unused suppression: an ``ignore`` on a claim, or an entry of the document sidecar file, matches nothing.

Suppressions are for findings that were looked at and judged not to apply.
When the text or the claim changes and the finding goes away, the
suppression stays behind and would silence a future, different problem;
it is reported so it can be removed.

Passing example::

    claims:
      - {id: i-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。

Failing example::

    claims:
      - {id: i-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, ignore: {CC201: "checked with the statistics office"}, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。
"""
from checker.model.findings import Finding, Location

CODE = "CC107"
NAME = "unused-suppression"
SEVERITY = "warning"
READS = "suppressions"
AFTER = True


def check(ctx):
    return [Finding(CODE, ctx.severities[CODE], f"suppression matches no finding: {what}", (Location(path, line),))
            for path, line, what in ctx.outcome.unused]
