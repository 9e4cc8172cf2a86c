"""Parts exceed the whole: the parts listed under 其中 add up to more than their total.

A claim with ``relations: [{includes: [id, ...]}]`` says those claims are
some of its parts. They need not add up to it, but together they cannot
exceed it: ``300余名`` 其中 ``180余人`` and ``130余人`` needs at least 310
people out of a total below 400, which fits; ``300名`` would not.

Passing example::

    claims:
      - {id: p-1, metric: 卫生人才招聘数, entity: 荣昌区, period: "2020-2023", kind: actual, surface: 300余名, relations: [{includes: [p-2, p-3]}], source: {doc: d.txt, line: 1, quote: 招聘300余名卫生人才}}
      - {id: p-2, metric: 引进高层次人才数, entity: 荣昌区, period: "2020-2023", kind: actual, surface: 180余人, source: {doc: d.txt, line: 1, quote: 引进高层次人才180余人}}
      - {id: p-3, metric: 招聘紧缺人才数, entity: 荣昌区, period: "2020-2023", kind: actual, surface: 130余人, source: {doc: d.txt, line: 1, quote: 招聘紧缺守门人才130余人}}
    docs:
      d.txt: 2020年至今招聘300余名卫生人才，其中引进高层次人才180余人，为基层招聘紧缺守门人才130余人。
    metrics:
      - {name: 卫生人才招聘数}
      - {name: 引进高层次人才数}
      - {name: 招聘紧缺人才数}

Failing example::

    claims:
      - {id: p-1, metric: 卫生人才招聘数, entity: 荣昌区, period: "2020-2023", kind: actual, surface: 300名, relations: [{includes: [p-2, p-3]}], source: {doc: d.txt, line: 1, quote: 招聘300名卫生人才}}
      - {id: p-2, metric: 引进高层次人才数, entity: 荣昌区, period: "2020-2023", kind: actual, surface: 180余人, source: {doc: d.txt, line: 1, quote: 引进高层次人才180余人}}
      - {id: p-3, metric: 招聘紧缺人才数, entity: 荣昌区, period: "2020-2023", kind: actual, surface: 130余人, source: {doc: d.txt, line: 1, quote: 招聘紧缺守门人才130余人}}
    docs:
      d.txt: 2020年至今招聘300名卫生人才，其中引进高层次人才180余人，为基层招聘紧缺守门人才130余人。
"""
from checker.rules import RELATIONS
from checker.rules.shared.messages import parts_message
from checker.rules.shared.relational import above, part_sums
from checker.table.engines import built_once

CODE = "CC302"
NAME = "parts-exceed-whole"
SEVERITY = "error"
READS = "table"
SCOPE = RELATIONS  # each finding is about a claim stating a relation and its members (checker.run.kept)


def check(ctx):
    return [ctx.finding(CODE, parts_message(ctx, g, "is smaller than the parts it includes"), [g["row"], *sorted(g["parts"])])
            for g in ctx.rows(_exceeding(ctx.relations, ctx.table))]


@built_once
def _exceeding(relations, claims):
    """Each whole smaller than the sum of the parts it includes, or whose parts are in other units."""
    j = part_sums(relations, claims, "includes")
    return j.filter(j.mixed | above(j.lo, j.lo_closed, j.w_hi, j.w_hi_closed)).order_by(["row", "entry"])
