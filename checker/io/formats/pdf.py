"""PDF: the text layer as a reader sees it, through PDFium (pypdfium2).

PDFium gives the page's text in runs with their boxes. Runs on one baseline
make a line; a wide gap between runs separates table cells (医院 | 36976 |
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
from checker.io.formats.layout import clean_line, ordinary, table_row
from checker.io.reading import ReadError

MARGIN = 0.1          # the top and bottom tenth of a page hold its running header and footer
CELL_GAP = 1.5        # a gap wider than this many line heights separates table cells
FULL_WIDTH = 0.9      # a line reaching this share of the text block's width was broken by the margin
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:第\s*#\s*页(?:\s*[,，/]?\s*共\s*#\s*页)?|#(?:\s*/\s*#)?|page\s*#(?:\s*of\s*#)?)[-–—\s]*$", re.I)
_WIDE_SPACE = re.compile(r"[ \u00a0\u3000]{3,}")
_FIGURE = re.compile(r"^[-+]?\d[\d,.]*%?$")
_ENDS = "。！？；：!?;:…”’」』）)"
_OPENS = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]\D|第[一二三四五六七八九十百\d]+[章节条部分])")


@dataclass
class _Line:
    top: float
    bottom: float
    left: float
    right: float
    cells: list[str] = field(default_factory=list)
    page_height: float = 0.0  # all in points, from the page's top

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
        block, spacing = _block(lines), _line_spacing(lines)
        for i, line in enumerate(lines):
            text = ordinary(line.text)
            if previous is not None and len(line.cells) == 1 and not _OPENS.match(text) and (
                    previous.text[-1] not in _ENDS or _same_paragraph(previous, line, block, spacing, i == 0)):
                out[-1] += _glue(out[-1], text)
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
    """The page's lines, top to bottom, each with its runs of text left to right."""
    textpage = page.get_textpage()
    height = page.get_height()
    runs = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        words = textpage.get_text_bounded(left, bottom, right, top)
        if words.strip():
            runs.append((height - top, height - bottom, left, right, words))
    runs.sort(key=lambda r: (round((r[0] + r[1]) / 2), r[2]))
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


def _glue(before: str, after: str) -> str:
    """What follows a line joined to the next: a space only between two Latin words."""
    if before and after and before[-1].isascii() and before[-1].isalpha() and after[0].isascii() and after[0].isalpha():
        return " " + after
    return after
