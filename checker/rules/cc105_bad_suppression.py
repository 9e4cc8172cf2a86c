"""Bad suppression: an ``ignore`` entry without a written reason, or for no known rule.

``ignore: {CC205: "the summary repeats the body on purpose"}`` silences a
rule for one claim, and the reason is what lets the next reader trust that.
An entry with no reason silences nothing and is reported; so is one naming a
code that no rule has. A finding about several claims is suppressed only
when every one of them ignores it. The same holds for the entries of the
document suppression file (``--suppressions``, default
``.claimcheck-ignore.yaml``): ``- {doc: seeds/a.txt, line: 190, code: CC401,
reason: "…"}``.

Passing example::

    claims:
      - {id: i-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, ignore: {CC205: "the summary repeats the body on purpose"}, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
      - {id: i-2, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, ignore: {CC205: "the summary repeats the body on purpose"}, source: {doc: d.txt, line: 2, quote: 就诊率达93.4%}}
    docs:
      d.txt: |
        区域内就诊率由2020年的88.6%提升到93.4%。
        核心提示：区域内就诊率达93.4%。

Failing example::

    claims:
      - {id: i-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, ignore: {CC205: ""}, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。
"""
from checker.model.findings import Location

CODE = "CC105"
NAME = "bad-suppression"
SEVERITY = "error"
READS = "suppressions"


def check(ctx):
    out = []
    for rec in ctx.records.with_ignore():
        for code, reason in rec.ignore.items():
            if code not in ctx.severities:
                problem = f"`ignore` names {code}, which is not a rule code"
            elif not (reason or "").strip():
                problem = f"`ignore: {code}` has no reason; write why the finding does not apply"
            else:
                continue
            out.append(ctx.finding(CODE, problem, (), (Location(rec.path, rec.line_of("ignore"), None, "claim"),)))
    for entry in ctx.sidecar:
        if entry.code not in ctx.severities:
            problem = f"the suppression names {entry.code}, which is not a rule code"
        elif not entry.reason.strip():
            problem = f"the suppression of {entry.code} at {entry.doc}:{entry.line} has no reason"
        else:
            continue
        out.append(ctx.finding(CODE, problem, (), (Location(entry.path, entry.at),)))
    return out
