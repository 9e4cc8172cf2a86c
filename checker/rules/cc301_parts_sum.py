"""Parts do not sum: a total disagrees with the sum of the parts said to make it up.

A claim with ``relations: [{sum: [id, ...]}]`` says it is the total of
exactly those parts (2个杰出案例 + 4个优秀案例 = 6个案例). The parts' intervals
are added exactly (``180余`` + ``130余`` is [310, 330)) and the total must
overlap the sum. Parts and total must be in one dimension.

Passing example::

    claims:
      - {id: c-1, metric: 案例数, entity: 医院, period: "2025", kind: actual, surface: 6个, relations: [{sum: [c-2, c-3]}], source: {doc: d.txt, line: 1, quote: 6个案例}}
      - {id: c-2, metric: 杰出案例数, entity: 医院, period: "2025", kind: actual, surface: 2个, source: {doc: d.txt, line: 1, quote: 2个杰出案例}}
      - {id: c-3, metric: 优秀案例数, entity: 医院, period: "2025", kind: actual, surface: 4个, source: {doc: d.txt, line: 1, quote: 4个优秀案例}}
    docs:
      d.txt: 医院共有6个案例入选，其中2个杰出案例、4个优秀案例。
    metrics:
      - {name: 案例数}
      - {name: 杰出案例数}
      - {name: 优秀案例数}
    entities:
      - {name: 医院}

Failing example::

    claims:
      - {id: c-1, metric: 案例数, entity: 医院, period: "2025", kind: actual, surface: 7个, relations: [{sum: [c-2, c-3]}], source: {doc: d.txt, line: 1, quote: 7个案例}}
      - {id: c-2, metric: 杰出案例数, entity: 医院, period: "2025", kind: actual, surface: 2个, source: {doc: d.txt, line: 1, quote: 2个杰出案例}}
      - {id: c-3, metric: 优秀案例数, entity: 医院, period: "2025", kind: actual, surface: 4个, source: {doc: d.txt, line: 1, quote: 4个优秀案例}}
    docs:
      d.txt: 医院共有7个案例入选，其中2个杰出案例、4个优秀案例。
"""
from checker.rules import RELATIONS
from checker.rules.shared.messages import parts_message
from checker.rules.shared.relational import above, part_sums
from checker.table.engines import built_once

CODE = "CC301"
NAME = "parts-do-not-sum"
SEVERITY = "error"
READS = "table"
SCOPE = RELATIONS  # each finding is about a claim stating a relation and its members (checker.run.kept)


def check(ctx):
    return [ctx.finding(CODE, parts_message(ctx, g, "is not the sum of its parts"), [g["row"], *sorted(g["parts"])])
            for g in ctx.rows(_not_summing(ctx.relations, ctx.table))]


@built_once
def _not_summing(relations, claims):
    """Each total whose parts' sum cannot be it, or whose parts are in other units."""
    j = part_sums(relations, claims, "sum")
    bad = j.filter(j.mixed | above(j.lo, j.lo_closed, j.w_hi, j.w_hi_closed) | above(j.w_lo, j.w_lo_closed, j.hi, j.hi_closed))
    return bad.order_by(["row", "entry"])
