"""Doubled text: a character or word printed twice by mistake (接种率率达99%, 复评复评, 年年度考核).

A character or a word of up to four characters that stands twice in a row is
reported unless it is ordinary Chinese: a word of the segmenter's
dictionary or a name it recognises (常常, 人人, 王琳琳), two words of its
dictionary that meet on one character (广东省 + 省长, 中国工程院 + 院士,
石化 + 化工; a meeting listed as a slip in rules/lint.yaml is still reported:
三甲甲等), text inside a title's 《》, a reduplication listed in rules/lint.yaml with the context it
needs (年年提升 is fine, 年年度 is not; 大大 only before a verb such as 提高),
or a compound listed there where two words meet on one character (卒中中心,
重庆市市级, 中国国家). The fix
removes one copy. A text repeated many times over (a PDF's text layer can
hold a word a thousand times in a row) is reported once, with its count.

Passing example::

    docs:
      d.txt: 居民健康素养水平年年提升，人人享有基本医疗卫生服务，服务能力大大提高。妇幼健康司司长介绍，其中中心346家。中国国家卫生健康委员会发布公报。广东省省长、中国工程院院士出席。石化化工、全过程人民民主，一张张民生清单，歌剧《柳柳州》。

Failing example::

    docs:
      d.txt: 适龄儿童免疫规划疫苗接种率率达99%以上，通过三甲甲等医院评审。
"""
import re

from checker.rules.shared.textscan import excerpt, lines

CODE = "CC401"
NAME = "doubled-text"
SEVERITY = "warning"
READS = "texts"


def check(ctx):
    import rjieba  # a Chinese segmenter with its dictionary built in: no download

    allowed = {w: re.compile(p or "") for w, p in (ctx.lint.get("reduplications") or {}).items()}
    compounds = re.compile("|".join(f"(?:{p})" for p in ctx.lint.get("compounds") or []) or "(?!)")
    slips = re.compile("|".join(f"(?:{p})" for p in ctx.lint.get("doubled_slips") or []) or "(?!)")
    out = []
    for path, number, line in lines(ctx):
        tokens = words = None
        fine = _Spans(sorted([m.span() for m in compounds.finditer(line)] + _titles(line)))
        slipped = _Spans(m.span() for m in slips.finditer(line))
        reported = 0  # the end of the last run reported: a run is reported once, not at each of its positions
        for start, size in _doubles(line):
            if start < reported or fine.around(start + size, start + size + 1):
                continue
            word = line[start:start + 2 * size]
            if word in allowed:
                if allowed[word].match(line, start + 2 * size):
                    continue
            else:
                tokens = tokens if tokens is not None else _Spans(_spans(rjieba.cut(line)))
                if tokens.around(start, start + 2 * size):
                    continue  # one dictionary word or name: 常常, 王琳琳
                words = words if words is not None else _meetings(rjieba.cut(line, False))
                if size == 1 and start + 1 in words and not slipped.around(start, start + 2):
                    continue  # two dictionary words on one character: 广东省 + 省长
            size = _root(word[:size])
            end = _run_end(line, start, size)
            reported = end
            times = (end - start) // size
            shown, _ = excerpt(line, start, min(end, start + 2 * size))
            said = "twice" if times == 2 else f"{times:,} times in a row"
            out.append(ctx.text_finding(CODE, f"`{line[start:start + size]}` is printed {said} in “{shown}”",
                                        path, number, start + 1, line[start:end], line[start:start + size]))
    return out


def _root(unit: str) -> int:
    """The size of the shortest text the unit is copies of (2 for 重复重复)."""
    for size in range(1, len(unit)):
        if len(unit) % size == 0 and unit[:size] * (len(unit) // size) == unit:
            return size
    return len(unit)


def _run_end(line: str, start: int, size: int) -> int:
    """Where the run of copies of line[start:start + size] that starts at start ends."""
    unit, end = line[start:start + size], start + size
    while line.startswith(unit, end):
        end += size
    return end


class _Spans:
    """Sorted, non-overlapping spans of a line, asked whether one of them holds a stretch, in log time."""

    def __init__(self, spans):
        self.spans = list(spans)
        self.starts = [s for s, _ in self.spans]

    def around(self, start: int, end: int) -> bool:
        import bisect

        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.spans[i][1] >= end


# At each position, the longest of 4, 3, 2 or 1 Chinese characters that repeats right after itself;
# a lookahead, so that every position is tried (率率率 doubles at its first and its second character).
_DOUBLE = re.compile("(?=" + "|".join(f"([\u4e00-\u9fff]{{{n}}})\\{i}" for i, n in enumerate((4, 3, 2, 1), 1)) + ")")


def _doubles(line: str):
    """Start and size of each text that repeats right after itself (the longest, at each start)."""
    for m in _DOUBLE.finditer(line):
        yield m.start(), len(m.group(m.lastindex))


def _meetings(tokens) -> set:
    """Where two words of two characters or more meet on one: the position of the second's first character
    when it is the first's last (广东省|省长 → the second 省). The dictionary's words only (no new words
    guessed): 接种率|率|达 has no meeting."""
    out, pos, last = set(), 0, ""
    for t in tokens:
        if len(last) > 1 and len(t) > 1 and last[-1] == t[0]:
            out.add(pos)
        pos += len(t)
        last = t
    return out


def _titles(line: str) -> list:
    """The spans of the line's titles in 《》: a name as it was given (歌剧《柳柳州》)."""
    return [m.span() for m in _TITLE.finditer(line)] if "《" in line else []


_TITLE = re.compile("《[^《》]{1,40}》")


def _spans(tokens):
    out, pos = [], 0
    for t in tokens:
        out.append((pos, pos + len(t)))
        pos += len(t)
    return out
