"""Duplicate id: two records share an ``id``; ids are unique across all claim files.

Findings, suppressions and baselines refer to claims by id, so an id must
name exactly one record. Every place the id is used is listed.

Passing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2020", kind: baseline, surface: 88.6%, source: {doc: d.txt, line: 1, quote: 2020年的88.6%}}
      - {id: rc-2, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。

Failing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2020", kind: baseline, surface: 88.6%, source: {doc: d.txt, line: 1, quote: 2020年的88.6%}}
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。
"""
from checker.rules.shared.relational import repeated
from checker.table.engines import built_once

CODE = "CC102"
NAME = "duplicate-id"
SEVERITY = "error"
READS = "records"
ACROSS_FILES = True  # an id is compared with the ids of every claim file: on Spark it runs on the whole table (checker.run.distributed)


def check(ctx):
    out = []
    for g in ctx.rows(_shared_ids(ctx.table)):
        rows = sorted(g["rows"])
        out.append(ctx.finding(CODE, f"id `{g['id']}` is used by {g['n']} records", rows))
    return out


@built_once
def _shared_ids(claims):
    """Each id that more than one claim has, with those claims' rows."""
    t = repeated(claims.filter(claims.id.notnull()), ["id"])
    return t.group_by("id").aggregate(n=t.count(), rows=t.row.collect()).order_by("id")
