"""Garbled characters: text decoded with the wrong encoding, or characters lost on the way.

A report that passed through the wrong encoding carries marks no author typed:
the replacement character � where a byte could not be read; 锟斤拷, what such
a character becomes when its UTF-8 bytes are read back as GBK; 烫烫烫 and
屯屯屯, uninitialised memory printed as GBK; UTF-8 read as Latin-1 or
Windows-1252 (医院 shown as å»é™¢, “ as â€œ); control characters; and
characters of the Private Use Area, a PDF font's own glyphs that extraction
could not map to text; a code symbol (@, `, ^, ~, brackets) standing between two
characters, what a byte of one Chinese encoding read as another leaves
(《公報》顯示 from Big5 read as GBK comes out 豆珗蟆凤@示), or a ? run into
the mark or figure after it (居民医保基金当期结存 from UTF-8 read as GBK comes
out 居民医?;鸬逼诮岽?75.46亿元); and pinyin with tone marks after characters (網(wǎng)),
which some sites that reprint reports insert. Each run is reported where it
stands, with what it likely is, before readers see it; pinyin once a line.

Passing example::

    docs:
      d.txt: 2023年末，全国医疗卫生机构总数1070785个。深化“数据要素×”行动。

Failing example::

    docs:
      d.txt: 2023年末，全国医疗卫生机构总数锟斤拷1070785个。
"""
import re

from checker.language.characters import PINYIN_GLOSS
from checker.rules.shared.textscan import lines

CODE = "CC415"
NAME = "garbled-characters"
SEVERITY = "warning"
READS = "texts"

# Latin-1 letters that lead a UTF-8 sequence (Ã, â, å, æ, ç, è, é …), then characters a continuation byte
# becomes in Latin-1 or Windows-1252: two or more in a row are no word of a Chinese report.
_LATIN1_UTF8 = "(?:[\u00c2-\u00ef][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039" \
               "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]+)+"
_KINDS = (
    ("replacement", "\ufffd+", "the replacement character: bytes that could not be read"),
    ("gbk", "(?:锟斤拷)+", "replacement characters read back as GBK"),
    ("memory", "烫{3,}|屯{3,}", "uninitialised memory printed as text"),
    ("latin1", _LATIN1_UTF8, "UTF-8 read as Latin-1 or Windows-1252"),
    ("control", "[\u0000-\u0008\u000e-\u001f\u007f-\u009f]+", "control characters"),  # not tab, form feed
    ("private", "[\ue000-\uf8ff]+", "Private Use Area characters: a PDF font's glyphs with no text"),
    # a double-byte encoding read as another (Big5 as GBK): a byte pair's second byte may be ASCII, which then
    # stands alone between the characters the other pairs became (《公報》顯示 as 豆珗蟆凤@示)
    ("cjk_mixup", r"(?<=[\u4e00-\u9fff])[@`^~\\{}\[\]]+(?=[\u4e00-\u9fff])",
     "a code symbol between characters: text decoded with another Chinese encoding (Big5 read as GBK)"),
    # UTF-8 read as GBK, each byte it could not pair written ?: no question mark runs into ; or a figure
    ("gbk_lost", r"(?<=[\u4e00-\u9fff])\?(?=[;；]|[0-9])",
     "a ? where a character's bytes could not be read, run into the mark or figure after it: UTF-8 read as GBK"),
)
_GARBLED = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern, _ in _KINDS))
_WHAT = {name: what for name, _, what in _KINDS}


def _was_utf8(text: str) -> bool:
    """The text's bytes in Windows-1252 (or Latin-1) read as UTF-8 hold Chinese text or its punctuation."""
    for codec in ("cp1252", "latin-1"):
        try:
            raw = text.encode(codec)
        except UnicodeEncodeError:
            continue
        return bool(_CHINESE.search(raw.decode("utf-8", errors="ignore")))
    return False


_CHINESE = re.compile("[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u2027]")


def check(ctx):
    out = []
    for path, number, line in lines(ctx):
        for m in _GARBLED.finditer(line):
            if m.lastgroup == "latin1" and not _was_utf8(m.group()):
                continue  # “数据要素×”行动: a sign before a quotation mark, no Chinese text read as Latin-1
            shown = m.group().encode("unicode_escape").decode() if m.lastgroup in ("control", "private") else m.group()
            out.append(ctx.text_finding(CODE, f"garbled characters “{shown}”: {_WHAT[m.lastgroup]}",
                                        path, number, m.start() + 1, m.group()))
        pinyin = PINYIN_GLOSS.findall(line) if "(" in line or "（" in line else []
        if pinyin:
            first = PINYIN_GLOSS.search(line)
            out.append(ctx.text_finding(CODE, f"pinyin inserted after {len(pinyin)} characters "
                                              f"(“{line[first.start() - 1:first.end()]}”): a reprint's annotations, "
                                              f"not the report's text", path, number, first.start(), first.group()))
    return out
