"""增长N倍 or 是原来的N倍: a change in 倍 fits only the other reading.

``增长1.6倍`` (grew by 1.6 times) means new = old × 2.6; ``是原来的1.6倍`` (is 1.6
times the old) means new = old × 1.6. Reports confuse them often. A change
in 倍 is read as growth unless its relation says ``as: multiple``; when only
the other reading fits the values, this rule reports the slip.

Passing example::

    claims:
      - {id: t-1, metric: 门急诊人次, entity: 医院, period: "2020", kind: baseline, surface: 46.8万, unit: 人次, source: {doc: d.txt, line: 1, quote: 从46.8万}}
      - {id: t-2, metric: 门急诊人次, entity: 医院, period: "2025", kind: actual, surface: 121.7万, unit: 人次, source: {doc: d.txt, line: 1, quote: 增至121.7万人次}}
      - {id: t-3, metric: 门急诊人次, entity: 医院, period: "2025", kind: change, surface: 1.6倍, relations: [{change: {from: t-1, to: t-2}}], source: {doc: d.txt, line: 1, quote: 增长1.6倍}}
    docs:
      d.txt: 门急诊人次从46.8万增至121.7万人次，增长1.6倍。
    entities:
      - {name: 医院}

Failing example::

    claims:
      - {id: t-1, metric: 门急诊人次, entity: 医院, period: "2020", kind: baseline, surface: 46.8万, unit: 人次, source: {doc: d.txt, line: 1, quote: 从46.8万}}
      - {id: t-2, metric: 门急诊人次, entity: 医院, period: "2025", kind: actual, surface: 74.9万, unit: 人次, source: {doc: d.txt, line: 1, quote: 增至74.9万人次}}
      - {id: t-3, metric: 门急诊人次, entity: 医院, period: "2025", kind: change, surface: 1.6倍, relations: [{change: {from: t-1, to: t-2}}], source: {doc: d.txt, line: 1, quote: 增长1.6倍}}
    docs:
      d.txt: 门急诊人次从46.8万增至74.9万人次，增长1.6倍。
"""
from checker.rules import RELATIONS
from checker.rules.shared import changes

CODE = "CC305"
NAME = "times-slip"
SEVERITY = "error"
READS = "table"
SCOPE = RELATIONS  # each finding is about a claim stating a relation and its members (checker.run.kept)


def check(ctx):
    return changes.findings(ctx, CODE, "times")
