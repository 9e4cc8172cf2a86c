"""PDF: the text layer as a reader sees it, through PDFium (pypdfium2).

PDFium gives the page's text in runs with their boxes. A page set in two
columns (a gutter near the middle that no text crosses, prose on both sides) is
read left column first. Runs on one baseline make a line; a wide gap between runs separates table cells (医院 | 36976 |
38355). A line that reaches the right margin without ending its sentence is
joined to the next, also across a page break; so is one that ends a sentence at the margin when the next
is not indented and follows at the page's usual line spacing. Running headers and footers (the
same words at the top or bottom of most pages) and page numbers (3, - 3 -,
第3页, 3/20) are left out.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from checker.io.formats.document import DocumentText
from checker.io.formats.layout import (
    clean_line,
    ends_sentence,
    glue,
    ordinary,
    table_row,
)
from checker.io.reading import ReadError

MARGIN = 0.1          # the top and bottom tenth of a page hold its running header and footer
CELL_GAP = 1.5        # a gap wider than this many line heights separates table cells
MIN_COLUMN_RUNS = 6   # a page is set in two columns only when each holds this many runs of text
PROSE_RUN = 8         # … of this many characters on average (a table's columns hold short figures)
FULL_WIDTH = 0.9      # a line reaching this share of the text block's width was broken by the margin
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:第\s*#\s*页(?:\s*[,，/]?\s*共\s*#\s*页)?|#(?:\s*/\s*#)?|page\s*#(?:\s*of\s*#)?)[-–—\s]*$", re.I)
_WIDE_SPACE = re.compile(r"[ \u00a0\u3000]{3,}")
_FIGURE = re.compile(r"^[-+]?\d[\d,.]*%?$")
_CLOSING = "”’」』）)"  # a line ending a sentence and then one of these ends it too
_OPENS = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]\D|第[一二三四五六七八九十百\d]+[章节条部分])")


@dataclass
class _Line:
    top: float
    bottom: float
    left: float
    right: float
    cells: list[str] = field(default_factory=list)
    page_height: float = 0.0  # all in points, from the page's top
    column: int = 0  # 0, or 1 for the right-hand column of a page set in two

    @property
    def text(self) -> str:
        cells = self.cells if len(self.cells) > 1 else _spaced_cells(self.cells[0] if self.cells else "")
        return table_row(cells) if len(cells) > 1 else clean_line(cells[0] if cells else "")


def _spaced_cells(run: str) -> list[str]:
    """A run laid out as a table row with spaces (医院      36976      38355): its cells, when any holds a figure."""
    cells = [cell for cell in _WIDE_SPACE.split(run.strip()) if cell]
    if len(cells) > 1 and any(_FIGURE.match(cell) for cell in cells):
        return cells
    return [run]


def pdf_text(data: bytes, path: Path) -> DocumentText:
    pages = _pages(data, path)
    if pages and not any(lines for lines in pages):
        raise ReadError(f"{path}: no text layer (a scanned document?): run OCR first, for example with ocrmypdf")
    out: list[str] = []
    starts: list[int] = []
    previous = None  # the line written last, when it reached the right margin (its paragraph may go on)
    for lines in _without_running_lines(pages):
        starts.append(len(out) + 1)
        blocks = {c: _block([line for line in lines if line.column == c]) for c in {line.column for line in lines}}
        spacing = _line_spacing(lines)
        for i, line in enumerate(lines):
            text = ordinary(line.text)
            block, first = blocks[line.column], i == 0 or lines[i - 1].column != line.column
            if previous is not None and len(line.cells) == 1 and not _OPENS.match(text) and (
                    not ends_sentence(previous.text, _CLOSING) or _same_paragraph(previous, line, block, spacing, first)):
                out[-1] += glue(out[-1], text)
            else:
                out.append(text)
            previous = line if _full(line, block) else None
    return DocumentText("\n".join(out), tuple(starts))


def _line_spacing(lines: list[_Line]) -> float:
    """The page's usual gap between one line and the next."""
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:]) if b.top > a.bottom)
    return gaps[len(gaps) // 4] if gaps else 0.0


def _same_paragraph(previous: _Line, line: _Line, block: tuple[float, float], spacing: float,
                    first: bool) -> bool:
    """A full line that ends a sentence, and the next not indented, at the usual spacing (or first on its page):
    the paragraph goes on (a sentence ended at the margin)."""
    indented = line.left - block[0] > 0.5 * (line.bottom - line.top) or line.cells[0][:1] in (" ", "\u3000")
    return not indented and (first or 0 < line.top - previous.bottom <= spacing * 1.2 + 0.1)


def _pages(data: bytes, path: Path) -> list[list[_Line]]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError(f"{path}: an encrypted PDF that needs a password: save an unprotected copy") from None
        raise ReadError(f"{path}: not a readable PDF ({exc})") from None
    try:
        return [_page_lines(document[i]) for i in range(len(document))]
    except pdfium.PdfiumError as exc:
        raise ReadError(f"{path}: a damaged PDF ({exc})") from None
    finally:
        document.close()


def _page_lines(page) -> list[_Line]:
    """The page's lines in reading order: top to bottom, a page set in two columns the left one first."""
    textpage = page.get_textpage()
    height = page.get_height()
    left, right = _columns(_runs(textpage, height), page.get_width())
    lines = _lines(left, height)
    for line in _lines(right, height):
        line.column = 1
        lines.append(line)
    return lines


def _runs(textpage, height: float) -> list[tuple]:
    """The page's runs of text, (top, bottom, left, right, words), from PDFium's characters and their boxes: a
    run ends at a line PDFium breaks and where the next character stands apart (a table's next cell)."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters beyond the BMP: PDFium's text and its character indexes differ
        return _rect_runs(textpage, height)
    runs: list[list] = []
    current = None
    for i, ch in enumerate(text):
        if ch in "\r\n":
            current = None
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        if right <= left or top <= bottom:  # a space PDFium adds between words: no box of its own
            if current is not None and ch.isspace():
                current[4] += " "
            continue
        y0, y1 = height - top, height - bottom
        if current is not None and current[0] <= (y0 + y1) / 2 <= current[1] and \
                left - current[3] <= CELL_GAP * (y1 - y0):
            current[1], current[0] = max(current[1], y1), min(current[0], y0)
            current[3] = max(current[3], right)
            current[4] += ch
        else:
            current = [y0, y1, left, right, ch]
            runs.append(current)
    return [tuple(r) for r in runs if r[4].strip()]


def _rect_runs(textpage, height: float) -> list[tuple]:
    """The page's runs of text as PDFium's rectangles of text give them."""
    runs = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        words = textpage.get_text_bounded(left, bottom, right, top)
        if words.strip():
            runs.append((height - top, height - bottom, left, right, words))
    return runs


def _columns(runs: list, width: float) -> tuple[list, list]:
    """The runs of the left and the right column, when the page is set in two (a gutter near the middle that
    no run of text crosses, with prose on both sides); else all the runs and none."""
    best = None
    for share in (0.4, 0.45, 0.5, 0.55, 0.6):
        x = width * share
        crossing = sum(1 for r in runs if r[2] < x < r[3])
        if best is None or crossing < best[1]:
            best = (x, crossing)
    if not runs or best is None:
        return runs, []
    x, crossing = best
    left = [r for r in runs if r[3] <= x]
    right = [r for r in runs if r[2] >= x]
    prose = all(len(side) >= MIN_COLUMN_RUNS and sum(len(r[4].strip()) for r in side) / len(side) >= PROSE_RUN
                for side in (left, right))
    if crossing > 0.1 * len(runs) or not prose:
        return runs, []
    return [r for r in runs if r[3] > x and not r[2] >= x] + left, right  # a run across the gutter: a heading


def _lines(runs: list, height: float) -> list[_Line]:
    """Runs on one baseline make a line; a wide gap between two separates table cells."""
    runs = sorted(runs, key=lambda r: (round((r[0] + r[1]) / 2), r[2]))
    lines: list[_Line] = []
    for top, bottom, left, right, words in runs:
        line = lines[-1] if lines else None
        if line is not None and _same_line(line, top, bottom):
            gap = left - line.right
            if gap > CELL_GAP * (bottom - top):
                line.cells.append(words)
            else:
                line.cells[-1] += words
            line.right = max(line.right, right)
            line.top, line.bottom = min(line.top, top), max(line.bottom, bottom)
        else:
            lines.append(_Line(top, bottom, left, right, [words], height))
    return lines


def _same_line(line: _Line, top: float, bottom: float) -> bool:
    middle = (top + bottom) / 2
    return line.top <= middle <= line.bottom


def _without_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Each page without its page number, running header and running footer."""
    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))

    def marginal(line: _Line) -> bool:
        return line.top < MARGIN * line.page_height or line.bottom > (1 - MARGIN) * line.page_height

    seen = Counter(k for lines in pages for k in {key(line) for line in lines if marginal(line)})
    repeated = max(2, len(pages) // 2)
    return [[line for line in lines
             if not (marginal(line) and (_PAGE_NUMBER.match(key(line)) or seen[key(line)] >= repeated))]
            for lines in pages]


def _block(lines: list[_Line]) -> tuple[float, float]:
    """The left and right edges of the page's text."""
    if not lines:
        return (0.0, 0.0)
    return min(line.left for line in lines), max(line.right for line in lines)


def _full(line: _Line, block: tuple[float, float]) -> bool:
    """The line reaches the right margin, and is no table row."""
    if len(line.cells) != 1 or not line.text:
        return False
    left, right = block
    return right > left and (line.right - left) >= FULL_WIDTH * (right - left)


