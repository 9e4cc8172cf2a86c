"""Web pages (.html, .htm): the text a reader sees, block by block, through selectolax (lexbor).

Scripts, styles, menus (nav) and other content that is not the page's text are dropped, and so is the
site's furniture around the article (footers, breadcrumbs, sharing buttons, related links: _chrome); no
script is run.
Each block element (paragraph, heading, list item, div) starts a line; a table
gives one line per row with its cells between `|`.
"""
from __future__ import annotations

import re
from pathlib import Path

from checker.io import reading
from checker.io.formats.layout import clean_line, table_row

_DROPPED = {"script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "head",
            "select", "button", "input", "textarea", "-comment", "!doctype", "nav"}  # nav: the site's menus
_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4",
           "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "address", "figure", "figcaption",
           "caption", "form", "fieldset", "hr", "center", "body", "html"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
MAX_SPAN = 100  # a rowspan or colspan above this is taken as this: a broken page must not fill memory


def html_text(data: bytes, path: Path, fallback: str | None = None) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(_decoded(data, path, fallback))
    root = tree.body or tree.root
    lines: list[str] = []
    words: list[str] = []
    if root is not None:
        _walk(root, lines, words)
    _flush(lines, words)
    return "\n".join(lines)


def _decoded(data: bytes, path: Path, fallback: str | None) -> str:
    """UTF-8 or a byte order mark first; else the charset the page declares (gb2312 pages are common)."""
    declared = _CHARSET.search(data[:4096])
    name = declared.group(1).decode("ascii").lower() if declared else None
    if name in ("gb2312", "gbk"):
        name = "gb18030"  # its superset: pages labelled gb2312 often hold GBK characters
    try:
        return reading.decode(data, path, fallback)
    except reading.ReadError:
        if name is None:
            raise
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError) as exc:
            raise reading.ReadError(f"{path}: not valid {name} text, as the page declares ({exc})") from None


# The site around the article, as pages mark it (readability's way): a block whose class or id names a menu,
# a footer, breadcrumbs, sharing buttons, related links…, in English or pinyin (dh 导航, bq 版权, yqlj 友情链接),
# unless it also names content (article, content, zw 正文) or holds the page's h1.
_CHROME_TAGS = {"footer", "aside"}
_CHROME = re.compile(r"(?:^|[-_\s])(?:nav|navbar|navigation|menus?|footer|foot|bottom|crumbs?|breadcrumbs?|position"
                     r"|location|share|bdshare|related|relate|copyright|sidebar|side|toolbar|tools?|print|banner|top"
                     r"|topbar|header|login|search|links?|friendlinks?|pager|pagination|comments?|qrcode|ewm|dh|wzdh"
                     r"|bq|banquan|yqlj|xglj|xgxx|dbxx)(?=$|[-_\s\d])", re.I)
_CONTENT = re.compile(r"article|content|main|detail|zw|title|info", re.I)


def _chrome(node) -> bool:
    """The element is the site's furniture around the page's text, not the text."""
    if node.tag in _CHROME_TAGS:
        return True
    if node.tag in ("body", "html"):
        return False
    attributes = node.attributes
    marks = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    if _CHROME.search(marks) is None or _CONTENT.search(marks) is not None or node.css_first("h1") is not None:
        return False
    return not _running_text(node)


RUNNING_TEXT = 3  # sentences (。！？) outside links: a block that says this many is the article, whatever its
                  # class says; a footer, a menu or a list of links ends none


def _running_text(node) -> bool:
    """The block holds running text, not links: a page wrapped whole in <div class="top-wrapper"> keeps it."""
    text = node.text(separator="")
    said = len(_SENTENCE_END.findall(text))
    if said < RUNNING_TEXT:
        return False
    return said - sum(len(_SENTENCE_END.findall(a.text(separator=""))) for a in node.css("a")) >= RUNNING_TEXT


_SENTENCE_END = re.compile("[。！？]")


def _walk(node, lines: list[str], words: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            words.append(child.text_content or "")
        elif tag in _DROPPED or _chrome(child):
            continue
        elif tag == "br":
            _flush(lines, words)
        elif tag == "table":
            _flush(lines, words)
            _table(child, lines)
        elif tag in _BLOCKS:
            _flush(lines, words)
            _walk(child, lines, words)
            _flush(lines, words)
        else:
            _walk(child, lines, words)


def _table(table, lines: list[str]) -> None:
    spanning: dict[int, list] = {}  # column → [text, rows still to fill] of a cell spanning rows below its own
    for row in table.css("tr"):
        if _owner(row).mem_id != table.mem_id:
            continue  # a row of a table nested in a cell: its cell's text has it
        cells: list[str] = []
        for cell in row.iter():
            if cell.tag in ("td", "th"):
                _carry(spanning, cells)
                inner: list[str] = []
                words: list[str] = []
                _walk(cell, inner, words)
                _flush(inner, words)
                text = " ".join(inner)
                down = _span(cell, "rowspan")
                for _ in range(_span(cell, "colspan")):
                    if down > 1:
                        spanning[len(cells)] = [text, down - 1]
                    cells.append(text)  # each column it spans has it, so the cells below stay in their columns
        _carry(spanning, cells, every=True)
        line = table_row(cells)
        if line:
            lines.append(line)


def _carry(spanning: dict, cells: list[str], every: bool = False) -> None:
    """Put in the cells that cells of rows above span into this row, at their columns (all that are left, with
    every: the row's own cells have all come)."""
    while len(cells) in spanning or (every and any(col >= len(cells) for col in spanning)):
        col = len(cells) if len(cells) in spanning else min(c for c in spanning if c >= len(cells))
        while len(cells) < col:
            cells.append("")
        text, left = spanning[col]
        cells.append(text)
        if left > 1:
            spanning[col][1] = left - 1
        else:
            del spanning[col]


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(cell.attributes.get(name) or 1), MAX_SPAN))
    except ValueError:
        return 1


def _owner(row):
    node = row.parent
    while node is not None and node.tag != "table":
        node = node.parent
    return node


def _flush(lines: list[str], words: list[str]) -> None:
    if words:
        line = clean_line("".join(words))
        if line:
            lines.append(line)
        words.clear()
