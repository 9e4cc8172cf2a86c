"""Bad relation: an entry under ``relations`` is malformed or names no claim.

Relations tie a claim to others so that arithmetic can be checked:
``sum: [id, ...]`` (all the parts), ``includes: [id, ...]`` (some parts,
其中), ``change: {from: id, to: id}`` (with optional ``direction: down`` and
``as: multiple`` for 是原来的N倍), ``share: {part: id, whole: id}`` and
``series: {years: N, direction: up}`` (连续N年提升). Every id must be another
claim's id.

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
      - {id: c-1, metric: 案例数, entity: 医院, period: "2025", kind: actual, surface: 6个, relations: [{sum: [c-2, c-4]}], source: {doc: d.txt, line: 1, quote: 6个案例}}
      - {id: c-2, metric: 杰出案例数, entity: 医院, period: "2025", kind: actual, surface: 2个, source: {doc: d.txt, line: 1, quote: 2个杰出案例}}
    docs:
      d.txt: 医院共有6个案例入选，其中2个杰出案例、4个优秀案例。
"""
CODE = "CC141"
NAME = "bad-relation"
SEVERITY = "error"
READS = "records"
ACROSS_FILES = True  # a relation names claims of any claim file: on Spark it runs on the whole table (checker.run.distributed)


def check(ctx):
    return ctx.problem_findings(CODE)
