"""Plain text hard-wrapped at a fixed width (a PDF saved or copied as text): each paragraph read as one line.

A text is hard-wrapped when most of its lines are full, about as wide as its widest lines (a Chinese
character counting two columns, as a monospaced view shows it), and most full lines stop mid-sentence.
Each paragraph's lines are then joined onto its first line and the lines they came from are left empty,
so that every line keeps its number in the file: a figure broken over a line (参保人数549.92 / 万人) is
read whole, a sentence is read as one, and a finding points to the line its paragraph starts on. Texts
with one paragraph per line, however long, are left as they are.
"""
from __future__ import annotations

import unicodedata

from checker.io.formats.layout import ends_sentence, glue

MIN_LINES = 8        # fewer lines tell nothing about a width
FULL_SHARE = 0.5     # of the lines with text, at least this many are full
MID_SENTENCE = 0.6   # of the full lines, at least this many stop mid-sentence
MAX_WIDTH = 200      # columns: a text whose full lines are wider holds paragraphs, not wrapped lines
SLACK = 6            # columns a full line may fall short of the width (three characters: wrapping is by word)
GOES_ON = 0.75       # of the width: a line as wide that stops mid-sentence goes on (a proportional font's
                     # line of digits holds fewer columns); a heading (九、人民生活和社会保障) is shorter
_CLOSING = "”’）)」』】》\"' \t\u3000"  # past these a line still ends its sentence (layout.SENTENCE_ENDS)


def unwrap(text: str) -> str:
    """The text with each hard-wrapped paragraph on the line it starts on; the text itself when not wrapped."""
    raw = text.split("\n")
    lines = [line.rstrip("\r") for line in raw]  # a Windows file's lines end in CR: it ends no sentence
    widths = [_width(line) for line in lines]
    wrap = _wrap_width([w for w in widths if w])
    if wrap is None:
        return text
    full = [w >= wrap - SLACK for w in widths]
    if sum(f and not ends_sentence(line, _CLOSING) for f, line in zip(full, lines)) < MID_SENTENCE * sum(full):
        return text
    # a line goes on into the next when it stops mid-sentence and is not short (a heading is)
    mid = [w >= GOES_ON * wrap and not ends_sentence(line, _CLOSING) for w, line in zip(widths, lines)]
    out = list(lines)
    start = None
    for i, line in enumerate(lines):
        if start is not None and line.strip() and "|" not in line:
            out[start] = out[start].rstrip() + glue(out[start].rstrip(), line.strip())
            out[i] = ""
        else:
            start = i if line.strip() and "|" not in line else None  # no table row takes text
        if not mid[i]:
            start = None  # the paragraph ends here: the line is short, or ends a sentence
    return "\n".join(line + raw_line[len(bare):] for line, raw_line, bare in zip(out, raw, lines))


def _wrap_width(widths: list[int]) -> int | None:
    """The width the text is wrapped at, or None when it is not wrapped."""
    if len(widths) < MIN_LINES:
        return None
    ordered = sorted(widths)
    wrap = ordered[int(len(ordered) * 0.9)]
    full = sum(1 for w in widths if w >= wrap - SLACK)
    return wrap if wrap <= MAX_WIDTH and full >= FULL_SHARE * len(widths) else None


def _width(line: str) -> int:
    line = line.rstrip()
    if line.isascii():
        return len(line)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
