"""Word (.docx): paragraphs and tables in the order they stand in the body, through python-docx."""
from __future__ import annotations

import io
from pathlib import Path

from checker.io.formats.archive import refuse_unsafe
from checker.io.formats.layout import clean_line, table_row
from checker.io.reading import ReadError


def docx_text(data: bytes, path: Path) -> str:
    refuse_unsafe(data, path)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(clean_line(Paragraph(block, document).text))
            elif tag == "tbl":
                lines.extend(_table_rows(Table(block, document)))
    except ReadError:
        raise
    except Exception as exc:  # python-docx reports a broken part as any of a dozen errors
        raise ReadError(f"{path}: not a readable Word document: {type(exc).__name__}: {exc}") from None
    return "\n".join(line for line in lines if line)


def _table_rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], None
        for cell in row.cells:
            if cell._tc is seen:  # a cell merged across columns comes once per column it spans
                continue
            seen = cell._tc
            cells.append(" ".join(p.text for p in cell.paragraphs))
        rows.append(table_row(cells))
    return rows
