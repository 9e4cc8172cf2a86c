"""The pandera schema of the claim table, built from checker.model.fields."""
from __future__ import annotations

from dataclasses import dataclass

from checker.model import fields as F


def build_schema():
    import pandera.ibis as pa

    columns = {}
    for f in F.FIELDS:
        if f.name not in F.COLUMNS:
            continue  # not in the table
        checks = []
        if f.type == "str":
            checks.append(_check(pa, "str_length", "str_length(min_value=1)", lambda c: c.length() >= 1))
        if f.choices:
            allowed = list(f.choices)
            checks.append(_check(pa, "isin", f"isin({allowed})", lambda c, allowed=allowed: c.isin(allowed)))
        if f.pattern:
            anchored = f.pattern if f.pattern.startswith("^") else f"^{f.pattern}"
            checks.append(_check(pa, "str_matches", f"str_matches('{f.pattern}')",
                                 lambda c, anchored=anchored: c.re_search(anchored)))
        if f.type == "int":
            checks.append(_check(pa, "greater_than_or_equal_to", "greater_than_or_equal_to(1)", lambda c: c >= 1))
        dtype = int if f.type == "int" else str
        columns[f.name] = pa.Column(dtype, checks=checks, nullable=not f.required)
    return pa.DataFrameSchema(columns, strict=False, name="claims")


def _check(pa, name: str, error: str, test):
    """A check as a column of booleans, where pandera's built-in ones are tables.

    pandera joins a built-in check's table back to the data by position, and
    DuckDB scans a table of several chunks in parallel: at 65,536 claims and
    more, the values it reported failing were other rows' values. A column
    is filtered in the same query that reads the values, so they are right.
    """
    return pa.Check(lambda data: test(data.table[data.key]), name=name, error=error)


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
    """Each failure at its row, found by the `row` column.

    pandera's index counts rows in the order the engine scanned them, and
    DuckDB scans a table of several chunks in parallel: the index is not the
    row. A check fails on a value whatever row holds it, so the rows holding
    each failing value are looked up instead.
    """
    out = []
    failing: dict[str, dict] = {}  # column → failing value → its checks, in the order pandera gave them
    for case in cases.to_dict("records"):
        column = case.get("column")
        value = case.get("failure_case")
        if case.get("check") == "not_nullable":
            # pandera reports nulls per column without rows; locate them here.
            rows = table.filter(table[column].isnull()).select("row").to_pyarrow().column(0).to_pylist()
            out.extend(Failure(r, str(column), "not_nullable", None) for r in sorted(rows))
            continue
        if isinstance(value, dict) and len(value) == 1:
            column, value = next(iter(value.items()))
        checks = failing.setdefault(str(column), {}).setdefault(value, [])
        if str(case.get("check")) not in checks:
            checks.append(str(case.get("check")))
    for column, values in failing.items():
        for row, value in _holding(table, column, list(values)):
            out.extend(Failure(row, column, check, value) for check in values[value])
    return out


def _holding(table, column: str, values: list) -> list[tuple]:
    """(row, value) of every row whose column holds one of the values, by row."""
    found = table.filter(table[column].isin(values)).select("row", column).to_pyarrow()
    return sorted(zip(found.column(0).to_pylist(), found.column(1).to_pylist()))
