"""Lines as every format writes them: whitespace tidied, table rows as cells between `|`."""
from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200a\u202f\u205f]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
# Characters that PDF fonts and Office files give where a text file has the ordinary character:
# Kangxi and supplementary radicals (⼈ for 人), CJK compatibility ideographs, Latin ligatures (ﬁ).
_COMPATIBLE = re.compile(r"[\u2e80-\u2fdf\uf900-\ufaff\ufb00-\ufb06]")


def clean_line(text: str) -> str:
    """One line: runs of spaces become one space (ideographic spaces too), controls go, the ends are trimmed."""
    text = _CONTROLS.sub("", text.replace("\n", " ").replace("\r", " "))
    return _SPACES.sub(" ", text).strip()


def ordinary(text: str) -> str:
    """The text with compatibility forms of ideographs and ligatures made ordinary characters."""
    return _COMPATIBLE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def table_row(cells: list[str]) -> str:
    """A table row as the extractor reads it (checker.extract.tables); `|` inside a cell becomes `｜`."""
    return " | ".join(clean_line(cell).replace("|", "｜") for cell in cells).rstrip(" |").lstrip()


def glue(before: str, after: str) -> str:
    """What follows a line joined to the one before: a space only between two Latin words."""
    if before and after and before[-1].isascii() and before[-1].isalpha() and after[0].isascii() and after[0].isalpha():
        return " " + after
    return after


SENTENCE_ENDS = "。！？；：!?;:…"  # a line ending so ends its sentence


def ends_sentence(text: str, closing: str) -> bool:
    """The text ends its sentence: its last character, past the closing marks given, is one of SENTENCE_ENDS."""
    stripped = text.rstrip(closing)
    return bool(stripped) and stripped[-1] in SENTENCE_ENDS
