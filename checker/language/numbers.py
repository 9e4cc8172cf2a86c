"""Read a printed number (``46.8万``, ``95%以上``, ``两千多``, ``10~30``) exactly.

Written by hand because no library reads Chinese quantities with their
qualifiers (see docs/claim-format.md). Everything is Decimal: ``46.8万`` is exactly
468000, and the tolerance of the printed text lives in the interval.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    Context,
    Decimal,
    InvalidOperation,
    localcontext,
)

from checker.language import words
from checker.language.characters import to_simplified
from checker.language.interval import Interval, tidy

# Character by character, so positions in the text never shift (NFKC would
# also rewrite "…" and other punctuation).
FULL_WIDTH = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "．": ".", "％": "%", "～": "~", "〜": "~", "－": "-", "—": "-", "–": "-",
    "﹪": "%", "，": ",", "＋": "+",
})

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10**4, "亿": 10**8}
MAGNITUDES = {"万亿": Decimal(10**12), "千万": Decimal(10**7), "百万": Decimal(10**6),
              "十万": Decimal(10**5), "亿": Decimal(10**8), "万": Decimal(10**4),
              "千": Decimal(10**3), "百": Decimal(10**2)}

# Qualifier words, longest first so that 超过 wins over 超.
PREFIXES = sorted(words.QUALIFIER_PREFIXES, key=lambda pair: -len(pair[0]))
SUFFIXES = sorted(words.QUALIFIER_SUFFIXES, key=lambda pair: -len(pair[0]))
PLUS_WORDS = words.PLUS_WORDS
UNIT_TOKENS = words.UNIT_SIGNS
RANGE_SEPS = "~-至到"
ORDINAL_COUNTERS = ("个", "家", "例", "台", "次", "项", "批", "位", "款", "座", "所")
FRACTIONS = words.FRACTION_WORDS
_DOUBLINGS = re.compile(r"翻了?(一|两|二|三|四|[1-4])?番")  # 翻一番 is twice as much, 翻两番 four times
_TENTHS = re.compile(r"([一二两三四五六七八九十]|10|[1-9])成(半)?")  # 七成 is 70%: a tenth, as people say it
_FRACTION = re.compile(r"(.+?)分之(.+)")  # 三分之一


_ARABIC = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_CN_RUN = re.compile("[零〇一二两三四五六七八九十百千万亿]+")
# 百 before 分 is 百分点 (percentage point), not a hundredfold.
_MAG = re.compile("万亿|千万|百万|十万|亿|万|千|百(?!分)")
_TENS_AND_SOME = re.compile("([一二两三四五六七八九]?十)几")  # 十几, 二十几: a ten and a few more


class NumberError(ValueError):
    """The text is not a number this module can read."""


@dataclass(slots=True)
class Parsed:
    """A printed number, normalised.

    ``value`` is exact (magnitudes applied); ``upper`` is set for ranges.
    ``step`` is one unit of the last printed digit, ``plus_step`` the width
    that 余/多 adds, both in the same scale as ``value``.
    """

    value: Decimal
    qualifier: str = "exact"
    unit: str | None = None
    upper: Decimal | None = None
    step: Decimal = Decimal(1)
    plus_step: Decimal | None = None  # only 余/多 readings have one
    rounded: bool = False  # printed with decimals or a magnitude

    def interval(self, integral: bool = False, about: Decimal = Decimal("0.05"),
                 nearly: Decimal = Decimal("0.1")) -> Interval:
        with localcontext(_EXACT):  # 28 digits would round 1000000000000000000000000002 ± 0.5 to itself
            return self._interval(integral, about, nearly)

    def _interval(self, integral: bool, about: Decimal, nearly: Decimal) -> Interval:
        v, q = self.value, self.qualifier
        if q == "range":
            return Interval(v, self.upper)
        if q == "at_least":
            return Interval(v, None, True, False)
        if q == "more_than":
            return Interval(v, None, False, False)
        if q == "at_most":
            return Interval(None, v, False, True)
        if q == "less_than":
            return Interval(None, v, False, False)
        if q == "plus":
            return Interval(v, tidy(v + self.plus_step), True, False)
        if q == "nearly":
            return Interval(tidy(v - abs(v) * nearly), v, True, False)
        exact = self._exact(integral)
        if q == "about":
            lo, hi = tidy(v - abs(v) * about), tidy(v + abs(v) * about)
            return Interval(min(lo, exact.lo), max(hi, exact.hi))
        return exact

    def _exact(self, integral: bool) -> Interval:
        if integral and not self.rounded:
            return Interval.point(self.value)
        half = self.step / 2
        return Interval(tidy(self.value - half), tidy(self.value + half), True, False)


# Sums and products of exact decimals, never rounded (interval() does no division).
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def to_halfwidth(text: str) -> str:
    return text.translate(FULL_WIDTH)


# The common case, 93.4% or 36家, read without the general machinery: the
# extractor calls parse() for every figure in a document.
_PLAIN = re.compile(r"(\d+)(?:\.(\d+))?(%|‰|[\u4e00-\u9fff]{1,3})?")
_SPACE_AFTER_DIGIT = re.compile("(?<=[0-9０-９])[ \u00a0\u3000]+(?=[^0-9０-９ \u00a0\u3000])")
_NOT_PLAIN = set("余多万亿千百以上下内左右约超近倍至到分之第前首数几")


def parse(surface: str) -> Parsed:
    """Parse a printed number with its qualifier and unit; raise NumberError."""
    surface = to_simplified(surface)  # 1124.2萬人, 1030935個
    if " " in surface or "\u00a0" in surface or "\u3000" in surface:
        surface = _SPACE_AFTER_DIGIT.sub("", surface)  # 30.2 万张, as text copied from a web page prints it
    m = _PLAIN.fullmatch(surface)
    if m and not (m.group(3) and _NOT_PLAIN.intersection(m.group(3))):
        return _plain(m)
    return _parse(surface)


_STEPS = [Decimal(1).scaleb(-n) for n in range(30)]
_RATIO = {"%": "percent", "‰": "permille"}


def _plain(m) -> Parsed:
    whole, frac, unit = m.groups()
    if frac:
        step = _STEPS[len(frac)] if len(frac) < len(_STEPS) else Decimal(1).scaleb(-len(frac))
        return Parsed(Decimal(f"{whole}.{frac}"), "exact", _RATIO.get(unit, unit), None, step, None, True)
    return Parsed(Decimal(whole), "exact", _RATIO.get(unit, unit), None, _STEPS[0], None, False)


def _parse(surface: str) -> Parsed:
    s = to_halfwidth(surface).strip()
    if not s:
        raise NumberError("empty number")
    qualifier, s = _strip_prefix(s)
    suffix_q, s = _strip_suffix(s)
    qualifier = _combine(qualifier, suffix_q, surface)
    spoken = _spoken(s, qualifier, surface)
    if spoken is not None:
        return spoken
    fraction = next((name for word, name in FRACTIONS if s.startswith(word)), None)
    if fraction:  # 百分之九十五 is 95%: the unit comes first
        s = s[len("百分之"):]
    elif s.startswith("第") and len(s) > 1:  # 位列全区第7: an ordinal rank
        fraction, s = "rank", s[1:]
    elif s.startswith("前") and len(s) > 1:  # 排名前三: ranks 1 to 3
        top, rest = _number(s[1:], surface)
        if rest not in ("", "名", "位") or top.plus or qualifier != "exact" or top.value < 1:  # 前零 ranks nothing
            raise NumberError(f"cannot read {surface!r}")
        return Parsed(Decimal(1), "range", "rank", top.value)
    elif s[:1] in "数几" and len(s) > 1 and s[1] in "十百千万":  # 数百, 几十万: several of the unit, 2 to 9
        unit_size = Decimal(CN_SMALL.get(s[1], CN_BIG.get(s[1], 1)))
        rest = s[2:]
        if rest[:1] in PLUS_WORDS or qualifier != "exact":
            raise NumberError(f"cannot read {surface!r}")
        rest, unit = _unit(rest)
        return Parsed(2 * unit_size, "range", unit or (rest or None), 9 * unit_size)
    elif s.startswith("首") and (len(s) == 1 or s[1:] in ORDINAL_COUNTERS):  # 全国首个: rank 1
        return Parsed(Decimal(1), qualifier, "rank")
    elif s.startswith("上") and s[1:2] in ("百", "千", "万", "亿") and qualifier == "exact":
        qualifier, s = "at_least", s[1:]  # 上百万元, 上千家: as many or more
    some = _TENS_AND_SOME.match(s)
    if some and qualifier == "exact":  # 十几个: 11 to 19; 二十几万人: 21万 to 29万
        tens = Decimal(_cn_int(some.group(1), surface))
        rest = s[some.end():]
        mag = _MAG.match(rest)
        size = MAGNITUDES[mag.group()] if mag else Decimal(1)
        rest, unit = _unit(rest[mag.end():] if mag else rest)
        return Parsed((tens + 1) * size, "range", unit or (rest or None), (tens + 9) * size)
    first, rest = _number(s, surface)
    second = None
    if rest[:1] in RANGE_SEPS and rest[:1]:
        second, rest = _number(rest[1:], surface)
    rest, unit = _unit(rest)
    if fraction == "rank" and rest in ORDINAL_COUNTERS + ("名",):  # 第一名, 第二位
        rest = ""
    if fraction:
        if unit is not None:
            raise NumberError(f"two units in {surface!r}")
        unit = fraction
    if rest in PLUS_WORDS and first.plus is None and second is None:
        first = first.with_plus()
        rest = ""
    if rest and unit is None:
        unit = rest  # a counter or measure word such as 人次, 家, 平方米
    elif rest:
        raise NumberError(f"unexpected text {rest!r} after the unit in {surface!r}")
    if second is not None:
        return _range(first, second, qualifier, unit, surface)
    if first.upper is not None:  # 两三个: adjacent Chinese digits
        return _range(first, first.upper_part(), qualifier, unit, surface)
    if first.plus is not None:
        if qualifier not in ("exact", "plus"):
            raise NumberError(f"余/多 cannot be combined with another qualifier in {surface!r}")
        qualifier = "plus"
    if qualifier == "nearly" and first.value == 0:
        raise NumberError(f"nothing is just below zero: {surface!r}")  # 近0 would be an empty interval
    plus_step = first.plus_step if qualifier == "plus" else None
    return Parsed(first.value, qualifier, unit, None, first.step, plus_step, first.rounded)


def _spoken(s: str, qualifier: str, surface: str) -> Parsed | None:
    """Amounts said in words rather than digits and a unit: 翻一番 (×2), 七成 (70%), 三分之一 (1/3)."""
    m = _DOUBLINGS.fullmatch(s)
    if m:
        times = _cn_int(m.group(1), surface) if m.group(1) and m.group(1) in CN_DIGITS else int(m.group(1) or 1)
        return Parsed(Decimal(2 ** times), qualifier, "times")
    m = _TENTHS.fullmatch(s)
    if m:  # 三成 is 30% said to the nearest tenth: [25%, 35%)
        tenths = Decimal(_cn_int(m.group(1), surface) if not m.group(1).isdigit() else int(m.group(1)))
        value = tenths * 10 + (5 if m.group(2) else 0)
        return Parsed(value, qualifier, "percent", None, Decimal(5 if m.group(2) else 10), None, True)
    m = _FRACTION.fullmatch(s)
    if m and not any(s.startswith(word) for word, _ in FRACTIONS):
        (below, rest_b), (above, rest_a) = _number(m.group(1), surface), _number(m.group(2), surface)
        if rest_b or rest_a or below.value == 0 or below.plus or above.plus:
            raise NumberError(f"cannot read {surface!r}")
        with localcontext(_EXACT) as ctx:
            ctx.prec = 30
            value = above.value / below.value
        # The fraction is exact; its decimal is not: a step far below any printed precision covers the rest.
        return Parsed(value, qualifier, "ratio", None, Decimal("1e-24"), None, True)
    return None


def _strip_prefix(s: str) -> tuple[str, str]:
    for word, q in PREFIXES:
        if s.startswith(word) and len(s) > len(word):
            return q, s[len(word):]
    return "exact", s


def _strip_suffix(s: str) -> tuple[str, str]:
    for word, q in SUFFIXES:
        if s.endswith(word) and len(s) > len(word):
            return q, s[: -len(word)]
    return "exact", s


def _combine(prefix: str, suffix: str, surface: str) -> str:
    if prefix == "exact":
        return suffix
    if suffix == "exact" or suffix == prefix:
        return prefix
    raise NumberError(f"conflicting qualifiers in {surface!r}")


@dataclass(frozen=True)
class _Num:
    value: Decimal
    step: Decimal
    plus_step: Decimal
    rounded: bool
    plus: str | None = None
    magnitude: Decimal | None = None
    upper: Decimal | None = None  # 两三 → upper bound 3

    def with_plus(self) -> "_Num":
        return _Num(self.value, self.step, self.plus_step, self.rounded, "余", self.magnitude, self.upper)

    def with_magnitude(self, mag: Decimal) -> "_Num":
        up = None if self.upper is None else tidy(self.upper * mag)
        return _Num(tidy(self.value * mag), self.step * mag, self.plus_step * mag, True, self.plus, mag, up)

    def upper_part(self) -> "_Num":
        return _Num(self.upper, self.step, self.plus_step, self.rounded, None, self.magnitude)


def _number(s: str, surface: str) -> tuple[_Num, str]:
    m = _ARABIC.match(s)
    if m:
        num, rest = _arabic(m.group()), s[m.end():]
    else:
        m = _CN_RUN.match(s)
        if not m:
            raise NumberError(f"no number in {surface!r}")
        num, rest = _chinese(m.group(), surface), s[m.end():]
    if rest[:1] in PLUS_WORDS and rest[1:2] and _MAG.match(rest[1:]):  # 10余万
        num, rest = num.with_plus(), rest[1:]
    mag = _MAG.match(rest) if m.re is _ARABIC else None
    if mag:
        num, rest = num.with_magnitude(MAGNITUDES[mag.group()]), rest[mag.end():]
    if rest[:1] in PLUS_WORDS and num.plus is None and (rest[1:2] == "" or not _starts_unit_only(rest[1:])):
        num, rest = num.with_plus(), rest[1:]
    return num, rest


def _starts_unit_only(rest: str) -> bool:
    """多 followed by a range separator is not a 多 qualifier."""
    return rest[:1] in RANGE_SEPS


def _arabic(text: str) -> _Num:
    try:
        d = Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid text
        raise NumberError(text) from exc
    exp = d.as_tuple().exponent
    step = Decimal(1).scaleb(exp)
    return _Num(d, step, _last_nonzero_step(d), exp < 0)


def _last_nonzero_step(d: Decimal) -> Decimal:
    if d == 0:
        return Decimal(1)
    return Decimal(1).scaleb(d.normalize().as_tuple().exponent)


def _chinese(run: str, surface: str) -> _Num:
    upper = None
    if len(run) >= 2 and run[0] in CN_DIGITS and run[1] in CN_DIGITS and run[0] not in "零〇":
        # 两三个, 七八百: two adjacent digits are a range, not 23.
        tail = run[2:]
        if tail and any(ch not in CN_SMALL and ch not in CN_BIG for ch in tail):
            raise NumberError(f"cannot read {run!r} in {surface!r}")
        lo, hi = _cn_int(run[0] + tail, surface), _cn_int(run[1] + tail, surface)
        if hi <= lo:
            raise NumberError(f"cannot read {run!r} in {surface!r}")
        upper = Decimal(hi)
        value = Decimal(lo)
    else:
        value = Decimal(_cn_int(run, surface))
    # The smallest named place is the printed precision: 三万 is rounded to 万.
    step = _last_nonzero_step(value)
    return _Num(value, step, step, run[-1] in CN_BIG, None, None, upper)


def _cn_int(run: str, surface: str) -> int:
    total, section, digit = 0, 0, None
    for ch in run:
        if ch in CN_DIGITS:
            if digit is not None and digit != 0:
                raise NumberError(f"cannot read {run!r} in {surface!r}")
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL:
            section += (1 if digit is None else digit) * CN_SMALL[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0) or 1) * CN_BIG[ch]
            section, digit = 0, None
        else:  # 亿 scales everything before it: 一万亿
            total = (total + section + (digit or 0) or 1) * CN_BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def _unit(rest: str) -> tuple[str, str | None]:
    for token, name in UNIT_TOKENS:
        if rest.startswith(token):
            return rest[len(token):], name
    rate = words.per_population(rest)  # 9.52/10万
    if rate is not None:
        return rest[rate[1]:], rate[0]
    return rest, None


def _range(a: _Num, b: _Num, qualifier: str, unit: str | None, surface: str) -> Parsed:
    if qualifier != "exact" or a.plus or b.plus:
        raise NumberError(f"a range cannot carry another qualifier in {surface!r}")
    if a.magnitude is None and b.magnitude is not None:  # 3-5万: the magnitude is shared
        a = a.with_magnitude(b.magnitude)
    if a.value > b.value:
        raise NumberError(f"range runs backwards in {surface!r}")
    return Parsed(a.value, "range", unit, b.value, min(a.step, b.step), None, a.rounded or b.rounded)
