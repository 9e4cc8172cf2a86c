"""Vocabulary override: a project's metric replaces a built-in one and measures it in another dimension.

A project's rules/metrics.yaml may replace a built-in indicator by name or
alias (its own range, aliases or definition). When the replacement also
changes what the indicator is measured in, every claim of it is compared in
the new dimension, and bulletins that print the standard unit will disagree
with the project: reported once, at the project's entry, so that the change
is deliberate.

Passing example::

    claims:
      - {id: h-1, metric: 医院数, entity: 荣昌区, period: "2022", kind: actual, surface: 15家, source: {doc: d.txt, line: 1, quote: 医院15家}}
    docs:
      d.txt: 全区共有医院15家。
    metrics:
      - {name: 医院数, aliases: [医疗机构中的医院], unit: 家, range: [0, 1000]}

Failing example::

    claims:
      - {id: h-1, metric: 医院数, entity: 荣昌区, period: "2022", kind: actual, surface: 15张, source: {doc: d.txt, line: 1, quote: 医院15张}}
    docs:
      d.txt: 全区共有医院15张。
    metrics:
      - {name: 医院数, unit: 张}
"""
from checker.model.findings import Location

CODE = "CC132"
NAME = "vocabulary-override"
SEVERITY = "warning"
READS = "records"


def check(ctx):
    return [ctx.finding(CODE, note.message, (), (Location(note.path, note.line, None, "rules"),))
            for note in ctx.registry.notes if note.code == CODE]
