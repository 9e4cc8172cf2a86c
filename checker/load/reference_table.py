"""`claimcheck reference import`: a tidy table of official figures becomes a reference set.

The table (.csv or .xlsx) has one figure per row: metric, entity, period,
value, unit, source, and optionally published (YYYY-MM-DD) and quote. It is
validated with pandera, every failure at once with its row number (the row
as a spreadsheet numbers it: the header is row 1). The set written holds the
table as a document (one line per row, cells between `|`), so each figure's
claim quotes the row it comes from and passes claimcheck's own quote check.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from checker.model.fields import PERIOD_PATTERN

COLUMNS = ("metric", "entity", "period", "value", "unit", "source")
OPTIONAL = ("published", "quote")
_DATE = r"^\d{4}-\d{2}-\d{2}$"


class TableError(Exception):
    """A table that cannot be imported; the message lists every problem with its row."""


def read_table(path: Path):
    import pandas as pd

    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            frame = pd.read_excel(path, dtype=str, engine="openpyxl")
        else:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise TableError(f"{path}: cannot read the table: {exc}") from None
    frame = frame.fillna("")
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    return frame


def validate(frame, path: Path, units) -> None:
    """Every problem of the table, or nothing."""
    import warnings

    with warnings.catch_warnings():  # pandera looks for pyspark's pandas API, which warns about pandas 3
        warnings.simplefilter("ignore", FutureWarning)
        import pandera.pandas as pa
        from pandera.errors import SchemaErrors

    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise TableError(f"{path}: the table needs the columns {', '.join(COLUMNS)}; missing: {', '.join(missing)}")

    def number(text: str) -> bool:
        try:
            Decimal(text.replace(",", ""))
            return True
        except InvalidOperation:
            return False

    filled = pa.Check(lambda s: s.str.strip() != "", element_wise=False, error="is empty")
    schema = pa.DataFrameSchema({
        "metric": pa.Column(str, filled), "entity": pa.Column(str, filled), "source": pa.Column(str, filled),
        "period": pa.Column(str, pa.Check.str_matches(PERIOD_PATTERN, error="is not a period (2023, 2023Q1, 十四五)")),
        "value": pa.Column(str, pa.Check(lambda v: number(v), element_wise=True, error="is not a number")),
        "unit": pa.Column(str, pa.Check(lambda u: u == "" or _known(units, u), element_wise=True,
                                        error="is not a unit of rules/units.txt")),
        **({"published": pa.Column(str, pa.Check(lambda d: d == "" or _date(d), element_wise=True,
                                                 error="is not a date YYYY-MM-DD"))}
           if "published" in frame.columns else {}),
    }, strict=False)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
        lines = []
        for _, case in cases.iterrows():
            row = case.get("index")
            where = f"{path}:{int(row) + 2}" if row is not None and str(row) != "nan" else str(path)
            lines.append(f"{where}: {case.get('column')}: {case.get('failure_case')!r} {case.get('check')}")
        raise TableError("\n".join(sorted(set(lines), key=_row_order))) from None


def _date(text: str) -> bool:
    import datetime

    try:
        return bool(re.match(_DATE, text)) and datetime.date.fromisoformat(text) is not None
    except ValueError:
        return False


def _known(units, unit: str) -> bool:
    from checker.language.units import UnitError

    try:
        units.info(unit)
        return True
    except UnitError:
        return False


def _row_order(line: str):
    found = re.search(r":(\d+): ", line)
    return (int(found.group(1)) if found else 0, line)


def write_set(frame, path: Path, name: str, out: Path, publisher: str, published: str, terms: str) -> int:
    """The reference set folder; the number of figures written. Rows published on different dates go to
    documents of their own (one per date), so that a table can hold several editions of a figure."""
    from checker.io.writing import atomic_write

    dated: dict[str, list] = {}
    for i, row in frame.iterrows():
        when = str(row.get("published", "") or "").strip() or published
        if not when:
            raise TableError(f"{path}:{i + 2}: say when the figure was published: a `published` column or "
                             "--published YYYY-MM-DD")
        dated.setdefault(when, []).append((i, row))
    claims, documents = [], {}
    for when, rows in sorted(dated.items()):
        doc = f"{path.stem}.txt" if len(dated) == 1 else f"{path.stem}-{when}.txt"
        lines = [f"{name}: {path.name}, published {when}", " | ".join(COLUMNS)]
        for i, row in rows:
            cells = [str(row[c]).strip() for c in COLUMNS]
            lines.append(" | ".join(cell.replace("|", "｜") for cell in cells))
            claim = {"id": f"{_slug(name)}-{i + 2:05d}", "status": "reviewed", "metric": cells[0],
                     "entity": cells[1], "period": cells[2], "kind": "actual", "surface": cells[3]}
            if cells[4]:
                claim["unit"] = cells[4]
            if str(row.get("quote", "") or "").strip():
                claim["note"] = f"the official text: {str(row['quote']).strip()} ({cells[5]})"
            claim["source"] = {"doc": doc, "line": len(lines), "quote": lines[-1]}
            claims.append(claim)
        (out / "docs").mkdir(parents=True, exist_ok=True)
        atomic_write(out / "docs" / doc, "\n".join(lines) + "\n", overwrite=True)
        documents[doc] = when
    (out / "claims").mkdir(parents=True, exist_ok=True)
    atomic_write(out / "claims" / (path.stem + ".yaml"),
                 yaml.safe_dump(claims, allow_unicode=True, sort_keys=False, width=10_000), overwrite=True)
    atomic_write(out / "reference.yaml", yaml.safe_dump(
        {"name": name, "publisher": publisher, "source": path.name, "terms": terms, "documents": documents},
        allow_unicode=True, sort_keys=False), overwrite=True)
    return len(claims)


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower() or "ref"
