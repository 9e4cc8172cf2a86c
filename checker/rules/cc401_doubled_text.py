"""Doubled text: a character or word printed twice by mistake (接种率率达99%, 复评复评, 年年度考核).

A character or a word of up to four characters that stands twice in a row is
reported unless it is ordinary Chinese: a word of the segmenter's
dictionary or a name it recognises (常常, 人人, 王琳琳), a reduplication
listed in rules/lint.yaml with the context it needs (年年提升 is fine,
年年度 is not; 大大 only before a verb such as 提高), or a compound listed
there where two words meet on one character (卒中中心, 重庆市市级). The fix
removes one copy.

Passing example::

    docs:
      d.txt: 居民健康素养水平年年提升，人人享有基本医疗卫生服务，服务能力大大提高。妇幼健康司司长介绍，其中中心346家。

Failing example::

    docs:
      d.txt: 适龄儿童免疫规划疫苗接种率率达99%以上。
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
    out = []
    for path, number, line in lines(ctx):
        tokens = None
        fine = [m.span() for m in compounds.finditer(line)]
        for start, size in _doubles(line):
            if any(s <= start + size < e for s, e in fine):
                continue
            word = line[start:start + 2 * size]
            after = line[start + 2 * size:]
            if word in allowed:
                if allowed[word].match(after):
                    continue
            else:
                tokens = tokens if tokens is not None else _spans(rjieba.cut(line))
                if any(s <= start and start + 2 * size <= e for s, e in tokens):
                    continue  # one dictionary word or name: 常常, 王琳琳
            shown, _ = excerpt(line, start, start + 2 * size)
            out.append(ctx.text_finding(CODE, f"`{line[start:start + size]}` is printed twice in “{shown}”",
                                        path, number, start + 1, word, word[:size]))
    return out


# At each position, the longest of 4, 3, 2 or 1 Chinese characters that repeats right after itself;
# a lookahead, so that every position is tried (率率率 doubles at its first and its second character).
_DOUBLE = re.compile("(?=" + "|".join(f"([\u4e00-\u9fff]{{{n}}})\\{i}" for i, n in enumerate((4, 3, 2, 1), 1)) + ")")


def _doubles(line: str):
    """Start and size of each text that repeats right after itself (the longest, at each start)."""
    for m in _DOUBLE.finditer(line):
        yield m.start(), len(m.group(m.lastindex))


def _spans(tokens):
    out, pos = [], 0
    for t in tokens:
        out.append((pos, pos + len(t)))
        pos += len(t)
    return out
