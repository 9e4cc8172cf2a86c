"""Word, PDF, web page and spreadsheet versions of a text, made the way people make them, for the format tests.

Each keeps the text's paragraphs in order. The PDF is laid out on A4 pages
with a CJK font (Debian's Noto Sans CJK, which tests/setup.sh installs), so
long paragraphs wrap at the margin, and every page carries a running header
and a page number, as published bulletins do. A table can be added to each.
"""
from __future__ import annotations

import html
from pathlib import Path

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SIMPLIFIED = 2  # Noto Sans CJK SC inside the collections
HEADER = "重庆市卫生健康委员会 公开信息"


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def write_docx(text: str, path: Path, table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for paragraph in paragraphs(text):
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    document.save(path)
    return path


def write_pdf(text: str, path: Path, table: list[list[str]] | None = None) -> Path:
    from fpdf import FPDF

    class Bulletin(FPDF):
        def header(self):
            self.set_font("noto", size=8)
            self.cell(0, 6, HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self):
            self.set_y(-15)
            self.set_font("noto", size=9)
            self.cell(0, 10, f"- {self.page_no()} -", align="C")

    pdf = Bulletin(format="A4")
    pdf.add_font("noto", fname=FONT, collection_font_number=SIMPLIFIED)
    pdf.add_font("noto", style="B", fname=BOLD, collection_font_number=SIMPLIFIED)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("noto", size=11)
    for paragraph in paragraphs(text):
        pdf.multi_cell(0, 7, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if table:
        with pdf.table() as grid:
            for row in table:
                cells = grid.row()
                for cell in row:
                    cells.cell(cell)
    pdf.output(str(path))
    return path


def write_pdf_columns(text: str, path: Path, table: list[list[str]] | None = None) -> Path:
    """The text set in two columns on A4 pages, as newspapers and some bulletins print it."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("noto", fname=FONT, collection_font_number=SIMPLIFIED)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("noto", size=10)
    with pdf.text_columns(ncols=2, gutter=8) as columns:
        for paragraph in paragraphs(text):
            columns.write(paragraph)
            columns.ln()
    pdf.output(str(path))
    return path


def write_html(text: str, path: Path, table: list[list[str]] | None = None) -> Path:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs(text))
    if table:
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in table)
        body += f"<table>{rows}</table>\n"
    page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>报告</title>"
            "<script>document.write('<p>脚本写的123个字</p>')</script><style>p{color:red}</style></head>"
            f"<body><nav><a href=\"/\">首页</a></nav>\n{body}<script>alert('999个')</script></body></html>")
    path.write_text(page, encoding="utf-8")
    return path


def write_xlsx(text: str, path: Path, table: list[list[str]] | None = None) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "正文"
    for paragraph in paragraphs(text):
        sheet.append([cell.strip() for cell in paragraph.split("|")] if "|" in paragraph else [paragraph])
    if table:
        grid = book.create_sheet("表1")
        for row in table:
            grid.append([_number(cell) for cell in row])
    book.save(path)
    return path


def _number(cell: str):
    try:
        return int(cell)
    except ValueError:
        try:
            return float(cell)
        except ValueError:
            return cell


WRITERS = {".docx": write_docx, ".pdf": write_pdf, ".html": write_html, ".xlsx": write_xlsx}


FIXTURES = Path(__file__).resolve().parent / "formats"
SEEDS = ("000_af5463c42b0f035d", "004_cb7ca5bcc72a2d7d")
# The 2023 national statistical bulletin's counts of institutions (我国卫生健康事业发展统计公报, National
# Health Commission, 2024): 2023 as printed, 2022 as the bulletin's 比上年增加 figures imply.
TABLE_TEXT = "2023年我国卫生健康事业发展统计公报\n表1 全国医疗卫生机构数\n单位：个"
TABLE = [["机构类别", "2022年", "2023年"],
         ["医院", "36976", "38355"],
         ["基层医疗卫生机构", "979768", "1016238"],
         ["专业公共卫生机构", "12436", "12121"]]


def main() -> None:
    """Write the committed fixtures: each of two seeds, and a bulletin's table, in every format."""
    root = FIXTURES.parent.parent
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for seed in SEEDS:
        text = (root / "seeds" / f"{seed}.txt").read_text(encoding="utf-8")
        for suffix, write in WRITERS.items():
            write(text, FIXTURES / f"{seed}{suffix}")
    for suffix, write in WRITERS.items():
        write(TABLE_TEXT, FIXTURES / f"table{suffix}", TABLE)
    seed = SEEDS[1]
    write_pdf_columns((root / "seeds" / f"{seed}.txt").read_text(encoding="utf-8"), FIXTURES / f"{seed}-columns.pdf")
    print(f"{FIXTURES}: written")


if __name__ == "__main__":
    main()
