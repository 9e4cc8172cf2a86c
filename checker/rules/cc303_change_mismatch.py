"""Change mismatch: a stated change disagrees with the values it connects.

A claim with ``relations: [{change: {from: A, to: B}}]`` states the change
from A to B. Its unit says how to read it: 个百分点 is B − A between two
percents, % is the relative growth (B − A) / A, 倍 is 增长N倍 (B / A − 1, or
B / A with ``as: multiple`` for 是原来的N倍), and any other unit is B − A.
``direction: down`` is for 下降 and 减少. All values are intervals, so a
change is only reported when no reading of the printed numbers fits. When
the confusable reading fits instead, CC304 or CC305 reports it.

Passing example::

    claims:
      - {id: g-1, metric: 区域内就诊率, entity: 荣昌区, period: "2020", kind: baseline, surface: 88.6%, source: {doc: d.txt, line: 1, quote: 2020年的88.6%}}
      - {id: g-2, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
      - {id: g-3, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: change, surface: 4.8个百分点, relations: [{change: {from: g-1, to: g-2}}], source: {doc: d.txt, line: 1, quote: 提高4.8个百分点}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%，提高4.8个百分点。

Failing example::

    claims:
      - {id: g-1, metric: 区域内就诊率, entity: 荣昌区, period: "2020", kind: baseline, surface: 88.6%, source: {doc: d.txt, line: 1, quote: 2020年的88.6%}}
      - {id: g-2, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
      - {id: g-3, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: change, surface: 6.8个百分点, relations: [{change: {from: g-1, to: g-2}}], source: {doc: d.txt, line: 1, quote: 提高6.8个百分点}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%，提高6.8个百分点。
"""
from checker.rules import RELATIONS
from checker.rules.shared import changes

CODE = "CC303"
NAME = "change-mismatch"
SEVERITY = "error"
READS = "table"
SCOPE = RELATIONS  # each finding is about a claim stating a relation and its members (checker.run.kept)


def check(ctx):
    return changes.findings(ctx, CODE, "mismatch")
