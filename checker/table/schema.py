"""The pandera schema of the claim table, built from checker.model.fields."""
from __future__ import annotations

from dataclasses import dataclass

from checker.model import fields as F
from checker.table.engines import built_once


@dataclass(frozen=True)
class ColumnRule:
    """One column of the claim table: its type, whether it may be empty, and its checks (name, error, test)."""
    name: str
    dtype: type
    nullable: bool
    checks: tuple


def column_rules() -> list[ColumnRule]:
    """The checks of every column, from checker.model.fields: pandera's schema and the quick screen share them."""
    out = []
    for f in F.FIELDS:
        if f.name not in F.COLUMNS:
            continue  # not in the table
        checks = []
        if f.type == "str":
            checks.append(("str_length", "str_length(min_value=1)", lambda c: c.length() >= 1))
        if f.choices:
            allowed = list(f.choices)
            checks.append(("isin", f"isin({allowed})", lambda c, allowed=allowed: c.isin(allowed)))
        if f.pattern:
            anchored = f.pattern if f.pattern.startswith("^") else f"^{f.pattern}"
            checks.append(("str_matches", f"str_matches('{f.pattern}')",
                           lambda c, anchored=anchored: c.re_search(anchored)))
        if f.type == "int":
            checks.append(("greater_than_or_equal_to", "greater_than_or_equal_to(1)", lambda c: c >= 1))
        out.append(ColumnRule(f.name, int if f.type == "int" else str, not f.required, tuple(checks)))
    return out


def build_schema():
    import pandera.ibis as pa

    columns = {r.name: pa.Column(r.dtype, checks=[_check(pa, *check) for check in r.checks], nullable=r.nullable)
               for r in column_rules()}
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


def validate(table, arrow_of=None, data=None) -> list[Failure]:
    """Every schema failure of the table (lazy: all of them, not the first).

    arrow_of runs an expression over the table (default: the engine holding
    it); data is the table's Arrow when the table names it rather than
    holds it (checker.table.engines.Embedded), for pandera to read.
    """
    import pandera.errors

    if all_pass(table, arrow_of):
        return []
    if data is not None:
        import ibis

        table = ibis.memtable(data)
    try:
        build_schema().validate(table, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        return _failures(exc.failure_cases, table)
    return []


def all_pass(table, arrow_of=None) -> bool:
    """Whether every row passes every check, asked in one query.

    pandera runs a query per check and builds each one anew, about half a
    second on any table; most tables pass, so pandera is asked only to
    report the failures of one that does not. A column of another type than
    the schema's, or a missing one, is left to pandera to report.
    """
    failing = _failing(table)
    return failing is not None and int((arrow_of or _where_held)(failing).as_py()) == 0


def _where_held(expr):
    """An expression's result, from the engine holding its tables."""
    return expr.to_pyarrow()


@built_once
def _failing(table):
    """How many rows fail some check (an expression), or None when a column is missing or of another type."""
    names = set(table.columns)
    ok = []
    for rule in column_rules():
        if rule.name not in names or not _same_type(table[rule.name].type(), rule.dtype):
            return None
        column = table[rule.name]
        for _, _, test in rule.checks:
            ok.append(column.isnull() | test(column).fill_null(False))
        if not rule.nullable:
            ok.append(column.notnull())
    if not ok:
        return table.limit(0).count()
    import functools
    import operator

    return table.filter(~functools.reduce(operator.and_, ok)).count()


def _same_type(dtype, wanted: type) -> bool:
    return dtype.is_int64() if wanted is int else dtype.is_string()


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
