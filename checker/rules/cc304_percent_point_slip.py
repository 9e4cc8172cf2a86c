"""Percent or percentage point: a change printed in one fits only when read as the other.

Between two percentages, ``提高2个百分点`` (the difference) and ``增长2%`` (the
relative growth) are different numbers: from 50% to 52% is 2 percentage
points but 4 percent. When a stated change disagrees with its unit's reading
but matches the other one, the text has most likely mixed them up.

Passing example::

    claims:
      - {id: s-1, metric: 四级手术占比, entity: 医院, period: "2020", kind: baseline, surface: 9.87%, source: {doc: d.txt, line: 1, quote: 由9.87%}}
      - {id: s-2, metric: 四级手术占比, entity: 医院, period: "2025", kind: actual, surface: 12.83%, source: {doc: d.txt, line: 1, quote: 提升至12.83%}}
      - {id: s-3, metric: 四级手术占比, entity: 医院, period: "2025", kind: change, surface: 2.96个百分点, relations: [{change: {from: s-1, to: s-2}}], source: {doc: d.txt, line: 1, quote: 提高2.96个百分点}}
    docs:
      d.txt: 四级手术占比由9.87%提升至12.83%，提高2.96个百分点。
    entities:
      - {name: 医院}

Failing example::

    claims:
      - {id: s-1, metric: 四级手术占比, entity: 医院, period: "2020", kind: baseline, surface: 9.87%, source: {doc: d.txt, line: 1, quote: 由9.87%}}
      - {id: s-2, metric: 四级手术占比, entity: 医院, period: "2025", kind: actual, surface: 12.83%, source: {doc: d.txt, line: 1, quote: 提升至12.83%}}
      - {id: s-3, metric: 四级手术占比, entity: 医院, period: "2025", kind: change, surface: 2.96%, relations: [{change: {from: s-1, to: s-2}}], source: {doc: d.txt, line: 1, quote: 提高2.96%}}
    docs:
      d.txt: 四级手术占比由9.87%提升至12.83%，提高2.96%。
"""
from checker.rules import RELATIONS
from checker.rules.shared import changes

CODE = "CC304"
NAME = "percent-point-slip"
SEVERITY = "error"
READS = "table"
SCOPE = RELATIONS  # each finding is about a claim stating a relation and its members (checker.run.kept)


def check(ctx):
    return changes.findings(ctx, CODE, "points")
