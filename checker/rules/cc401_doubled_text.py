"""Doubled text: a character or word printed twice by mistake (接种率率达99%, 复评复评, 年年度考核).

A character or a word of up to four characters that stands twice in a row is
reported unless it is ordinary Chinese: a word of the segmenter's
dictionary or a name it recognises (常常, 人人, 王琳琳), two words of its
dictionary that meet on one character (广东省 + 省长, 中国工程院 + 院士,
石化 + 化工; a meeting listed as a slip in rules/lint.yaml is still reported:
三甲甲等), a term the dictionary lacks before a word of it that the second
copy begins (徽学 + 学术, 中煤 + 煤炭; not a word of grammar or direction:
在在建, 送上上面), text inside a title's 《》 or a short term's quotation marks
(“宜荆荆恩”城市群), a reduplication listed in rules/lint.yaml with the context it
needs (年年提升 is fine, 年年度 is not; 大大 only before a verb such as 提高), a reduplication Chinese
makes of any word (拆拆装装, 一茬一茬), a place's level before a word it begins (皂李村 +
村民, 某县 + 县委),
or a compound listed there where two words meet on one character (卒中中心,
重庆市市级, 中国国家). The fix
removes one copy. A text in traditional characters is read with the
dictionary's simplified ones (中醫醫院 is 中医 + 医院). A text repeated many times over (a PDF's text layer can
hold a word a thousand times in a row) is reported once, with its count.

Passing example::

    docs:
      d.txt: 举办徽学学术大会，中煤煤炭深加工，马铃薯原原种产量提高。居民健康素养水平年年提升，人人享有基本医疗卫生服务，服务能力大大提高。妇幼健康司司长介绍，其中中心346家。中国国家卫生健康委员会发布公报。广东省省长、中国工程院院士出席。石化化工、全过程人民民主，一张张民生清单，歌剧《柳柳州》。皂李村村民把图纸拆拆装装，一茬一茬地种，扩大大宗商品进口，带动“宜荆荆恩”城市群。

Failing example::

    docs:
      d.txt: 适龄儿童免疫规划疫苗接种率率达99%以上，通过三甲甲等医院评审。
"""
import re

from checker.language.characters import to_simplified
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
    for path, number, printed in lines(ctx):
        line = to_simplified(printed)  # read with the dictionary's characters (中醫醫院 is 中医 + 医院), one for one
        tokens = words = None
        fine = _Spans(sorted([m.span() for m in compounds.finditer(line)] + _titles(line)))
        slipped = _Spans(m.span() for m in slips.finditer(line))
        reported = 0  # the end of the last run reported: a run is reported once, not at each of its positions
        for start, size in _doubles(line):
            if start < reported or fine.around(start + size, start + size + 1):
                continue
            word = line[start:start + 2 * size]
            tokens = tokens if tokens is not None else _Spans(_spans(rjieba.cut(line)))
            if word in allowed:
                if allowed[word].match(line, start + 2 * size) or tokens.around(start - 1, start + 2 * size) \
                        or tokens.around(start, start + 2 * size + 1) or _between_words(line, start, rjieba):
                    continue  # 大大提高; 大大小小, a word that holds it; 扩大 + 大宗
            else:
                if tokens.around(start, start + 2 * size):
                    continue  # one dictionary word or name: 常常, 王琳琳
                if size > 1 and not (tokens.starts_at(start) and tokens.starts_at(start + size)):
                    continue  # 构建|共建|共治: words that do not begin where the copies do
                words = words if words is not None else _meetings(rjieba.cut(line, False))
                if size == 1 and start + 1 in words and not slipped.around(start, start + 2):
                    continue  # two dictionary words on one character: 广东省 + 省长
                if _reduplicated(line, start, size, rjieba) or (size == 1 and not slipped.around(start, start + 2) and (
                        _between_words(line, start, rjieba) or _begins_word_only(line, start, rjieba))):
                    continue  # 拆拆装装, 一茬一茬, 皂李村村民; 扩大 + 大宗; 徽学 + 学术
            size = _root(word[:size])
            end = _run_end(line, start, size)
            reported = end
            times = (end - start) // size
            shown, _ = excerpt(printed, start, min(end, start + 2 * size))
            said = "twice" if times == 2 else f"{times:,} times in a row"
            out.append(ctx.text_finding(CODE, f"`{printed[start:start + size]}` is printed {said} in “{shown}”",
                                        path, number, start + 1, printed[start:end], printed[start:start + size]))
    return out


def _reduplicated(line: str, start: int, size: int, rjieba) -> bool:
    """Chinese doubles on purpose: a pair of doubled characters (拆拆装装, 走走停停), a measure said twice
    (一茬一茬), or a place's level before a word it begins (皂李村 + 村民, 某县 + 县委), which the dictionary
    does not know whole. A word of two characters said twice (复评复评, 急救急救) is a slip in a report."""
    if size == 1:
        pair = lambda at: 0 <= at and at + 1 < len(line) and line[at] == line[at + 1] and line[at] != line[start]
        if pair(start + 2) or pair(start - 2):
            return True
        if line[start] in _LEVELS:
            return any(w.startswith(line[start]) and len(w) > 1 and at == start + 1
                       for at, w in _starts(rjieba.cut(line[start + 1:start + 5], False), start + 1))
        return False
    if size == 2:
        tags = rjieba.tag(line[start:start + 4], False)
        return len(tags) == 2 and tags[0][0] == tags[1][0] and tags[0][1][:1] == "m"  # not 复评复评, a slip
    return False


_LEVELS = "村镇乡区县市省州旗盟湖河江海"  # 皂李村村民, 某县县委, 太湖湖体: a place the dictionary lacks, and a word


def _between_words(line: str, start: int, rjieba) -> bool:
    """The doubled character ends a word of the dictionary and begins another: 扩大|大宗, 培育|育种."""
    before, after = line[start - 1:start + 1], line[start + 1:start + 3]
    return start > 0 and len(after) == 2 and all(len(rjieba.cut(w, False)) == 1 for w in (before, after))


def _begins_word_only(line: str, start: int, rjieba) -> bool:
    """The second copy begins a word of the dictionary, and the first ends none: a term the dictionary lacks
    (徽学|学术, 中煤|煤炭, 马铃薯原|原种). Not a word of grammar said twice (在在建, 和和谐): those are slips."""
    before, after = line[start - 1:start + 1], line[start + 1:start + 3]
    return start > 0 and line[start] not in _GRAMMAR and len(after) == 2 and \
        len(rjieba.cut(after, False)) == 1 and len(rjieba.cut(before, False)) > 1


_GRAMMAR = "的了在和是与及对为有将把被等也都就而从以之于上下中里来去"  # words of grammar and direction (送上上面锦旗):
# doubled, a slip whatever follows


def _starts(tokens, at: int):
    for t in tokens:
        yield at, t
        at += len(t)


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

    def starts_at(self, pos: int) -> bool:
        import bisect
        i = bisect.bisect_left(self.starts, pos)
        return i < len(self.starts) and self.starts[i] == pos

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
    """The spans of the line's titles in 《》 and of its short terms in quotation marks: a name as it was given
    (歌剧《柳柳州》), a coined name or slogan (“宜荆荆恩”城市群, “届届见金”)."""
    return [m.span() for m in _TITLE.finditer(line)] if "《" in line or "“" in line else []


_TITLE = re.compile("《[^《》]{1,40}》|“[^“”，。]{2,8}”")


def _spans(tokens):
    out, pos = [], 0
    for t in tokens:
        out.append((pos, pos + len(t)))
        pos += len(t)
    return out
