"""The pandera schema of the claim table, built from checker.fields."""
from __future__ import annotations

from dataclasses import dataclass

from checker import fields as F


def build_schema():
    import pandera.ibis as pa

    columns = {}
    for f in F.FIELDS:
        if f.type in ("mapping", "list", "scores"):
            continue
        checks = []
        if f.type == "str":
            checks.append(pa.Check.str_length(min_value=1))
        if f.choices:
            checks.append(pa.Check.isin(list(f.choices)))
        if f.pattern:
            checks.append(pa.Check.str_matches(f.pattern))
        if f.type == "int":
            checks.append(pa.Check.ge(1))
        dtype = int if f.type == "int" else str
        columns[f.name] = pa.Column(dtype, checks=checks, nullable=not f.required)
    return pa.DataFrameSchema(columns, strict=False, name="claims")


@dataclass(frozen=True)
class Failure:
    row: int | None
    column: str
    check: str
    value: object


def validate(table) -> list[Failure]:
    """Every schema failure of the table (lazy: all of them, not the first)."""
    import pandera.errors

    try:
        build_schema().validate(table, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        return _failures(exc.failure_cases, table)
    return []


def _failures(cases, table) -> list[Failure]:
    out = []
    for case in cases.to_dict("records"):
        column = case.get("column")
        value = case.get("failure_case")
        if case.get("check") == "not_nullable":
            # pandera reports nulls per column without rows; locate them here.
            rows = table.filter(table[column].isnull()).select("row").to_pyarrow().column(0).to_pylist()
            out.extend(Failure(r, str(column), "not_nullable", None) for r in rows)
            continue
        if isinstance(value, dict) and len(value) == 1:
            column, value = next(iter(value.items()))
        index = case.get("index")
        row = None if index is None or index != index else int(index)
        out.append(Failure(row, str(column), str(case.get("check")), value))
    return out
