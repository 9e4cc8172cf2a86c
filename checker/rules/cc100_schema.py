"""Schema: every record has the required fields, of the right type, with allowed values.

A claim record needs ``id``, ``metric``, ``entity``, ``period``, ``kind``,
``surface`` and ``source`` (``doc`` and ``quote``; ``line`` is optional).
``kind`` is one of actual, target, baseline, change, share; ``period`` is a
year (2022), half-year (2025H1), quarter (2024Q3), month (2023-06), span
(2020-2022) or a named period that does not start with a digit (十四五).
All records are loaded into one table and validated lazily with pandera, so
every failure is reported at once, at the line of the field.

Passing example::

    claims:
      - id: rc-1
        metric: 区域内就诊率
        entity: 荣昌区
        period: "2022"
        kind: actual
        surface: 93.4%
        source: {doc: d.txt, line: 1, quote: 提升到93.4%}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。

Failing example::

    claims:
      - id: rc-1
        metric: 区域内就诊率
        entity: 荣昌区
        period: "2022"
        kind: achieved
        surface: 93.4%
        source: {doc: d.txt, line: 1, quote: 提升到93.4%}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。
"""
from checker.model import fields as F
from checker.model.findings import Location
from checker.rules import FILES

CODE = "CC100"
NAME = "schema"
SEVERITY = "error"
READS = "records"
SCOPE = FILES  # each finding is about one claim file and comes from its content alone (checker.run.kept)


def check(ctx):
    from checker.table import schema

    out = ctx.problem_findings(CODE)
    typed = {(p.row, p.field) for p in ctx.problems if p.code == CODE}
    for f in schema.validate(ctx.table, ctx.arrow_of, ctx.arrow if ctx.engine is not None else None):
        if f.row is None or (f.row, f.column) in typed:
            continue
        rec = ctx.records[f.row]
        where = Location(rec.path, rec.line_of(f.column), None, "claim")
        name = ".".join(F.BY_NAME[f.column].path) if f.column in F.BY_NAME else f.column
        out.append(ctx.finding(CODE, f"field `{name}` {_explain(f)}", (), (where,)))
    return out


def _explain(f) -> str:
    field = F.BY_NAME.get(f.column)
    if f.check == "not_nullable":
        return "is required but missing"
    if f.check.startswith("isin"):
        return f"is {f.value!r}, not one of: {', '.join(field.choices)}"
    if f.check.startswith("str_length"):
        return "must not be empty"
    if f.check.startswith("str_matches"):
        return f"is {f.value!r}: {field.doc}"
    if f.check.startswith("greater_than_or_equal_to"):
        return f"is {f.value!r}; it must be at least 1"
    return f"fails {f.check} with {f.value!r}"
