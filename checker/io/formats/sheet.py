"""Spreadsheet tables (.xlsx through openpyxl, .csv): each sheet's rows as cells between `|`.

A sheet's name comes first, as its heading (it often says what and when:
2023年卫生人员数). Figures are written as the sheet shows them: a percentage
cell as 93.4%, a whole number without a decimal point.
"""
from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from checker.io.formats.archive import refuse_unsafe
from checker.io.formats.layout import table_row
from checker.io.reading import ReadError


def csv_text(text: str) -> str:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text), dialect)
    return "\n".join(line for line in (table_row(row) for row in rows) if line)


def xlsx_text(data: bytes, path: Path) -> str:
    refuse_unsafe(data, path)
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl reports a broken workbook as any of many errors
        raise ReadError(f"{path}: not a readable Excel workbook: {type(exc).__name__}: {exc}") from None
    lines: list[str] = []
    try:
        for sheet in book.worksheets:
            lines.append(sheet.title)
            for row in sheet.iter_rows():
                line = table_row([_shown(cell) for cell in row])
                if line:
                    lines.append(line)
    finally:
        book.close()
    return "\n".join(lines)


def _shown(cell) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        number = Decimal(repr(value))
        if "%" in (getattr(cell, "number_format", "") or ""):
            return format((number * 100).normalize(), "f") + "%"
        return format(number.normalize(), "f")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
