"""Share mismatch: a stated share disagrees with the counts it is derived from.

A claim with ``relations: [{share: {part: A, whole: B}}]`` states that A is
that share of B (占比, 占…的). A / B is computed exactly from both intervals
and must overlap the stated share.

Passing example::

    claims:
      - {id: h-1, metric: 国家级重点专科数, entity: 全市, period: "2021", kind: actual, surface: 35个, source: {doc: d.txt, line: 1, quote: 国家级临床重点专科35个}}
      - {id: h-2, metric: 临床重点专科数, entity: 全市, period: "2021", kind: actual, surface: 140个, source: {doc: d.txt, line: 1, quote: 临床重点专科140个}}
      - {id: h-3, metric: 国家级重点专科占比, entity: 全市, period: "2021", kind: share, surface: 25%, relations: [{share: {part: h-1, whole: h-2}}], source: {doc: d.txt, line: 1, quote: 占25%}}
    docs:
      d.txt: 全市临床重点专科140个，其中国家级临床重点专科35个，占25%。
    metrics:
      - {name: 临床重点专科数}
      - {name: 国家级重点专科数}
      - {name: 国家级重点专科占比}
    entities:
      - {name: 全市}

Failing example::

    claims:
      - {id: h-1, metric: 国家级重点专科数, entity: 全市, period: "2021", kind: actual, surface: 35个, source: {doc: d.txt, line: 1, quote: 国家级临床重点专科35个}}
      - {id: h-2, metric: 临床重点专科数, entity: 全市, period: "2021", kind: actual, surface: 140个, source: {doc: d.txt, line: 1, quote: 临床重点专科140个}}
      - {id: h-3, metric: 国家级重点专科占比, entity: 全市, period: "2021", kind: share, surface: 35%, relations: [{share: {part: h-1, whole: h-2}}], source: {doc: d.txt, line: 1, quote: 占35%}}
    docs:
      d.txt: 全市临床重点专科140个，其中国家级临床重点专科35个，占35%。
"""
from checker.language.interval import div
from checker.rules import RELATIONS
from checker.rules.shared.messages import in_unit_of, key, show
from checker.table.engines import built_once

CODE = "CC306"
NAME = "share-mismatch"
SEVERITY = "error"
READS = "table"
SCOPE = RELATIONS  # each finding is about a claim stating a relation and its members (checker.run.kept)


def check(ctx):
    out = []
    for p in ctx.rows(_shares(ctx.relations)):
        row, a, b = p["row"], p["part_row"], p["whole_row"]
        r, ra, rb = ctx.readings[row], ctx.readings[a], ctx.readings[b]
        if r.base is None or ra.base is None or rb.base is None:
            continue
        if ra.dims != rb.dims or r.dims != ():
            out.append(ctx.finding(CODE, f"{show(ctx, row)}: a share needs a part and a whole in one unit and a "
                                         f"ratio unit; got {ra.dimension} of {rb.dimension}", [row, a, b]))
            continue
        implied = div(ra.base, rb.base)
        if not implied.overlaps(r.base):
            out.append(ctx.finding(CODE, f"{key(ctx, row)}: share {show(ctx, row)} but {show(ctx, a)} of {show(ctx, b)} "
                                         f"is {in_unit_of(ctx, row, implied)}", [row, a, b]))
    return out


@built_once
def _shares(relations):
    """Each share's row beside its part's and its whole's."""
    e = relations.filter(relations.rel == "share")
    part = e.filter(e.role == "part").select("row", part_row=e.member)
    whole = e.filter(e.role == "whole").select("row", whole_row=e.member)
    return part.join(whole, "row").order_by("row")
