"""Property tests (hypothesis): the number reader and interval arithmetic on many generated inputs."""
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.language.interval import Interval, div, mul, sub
from checker.language.numbers import NumberError, parse

decimals = st.decimals(min_value=D("-1e6"), max_value=D("1e6"), places=3, allow_nan=False, allow_infinity=False)


@st.composite
def intervals(draw):
    a, b = sorted([draw(decimals), draw(decimals)])
    closed = draw(st.booleans()) if a != b else True
    return Interval(a, b, True if a == b else closed, True if a == b else draw(st.booleans()))


def member(draw, iv: Interval) -> D:
    """A number inside iv (the midpoint, or an end when it is closed)."""
    choices = [(iv.lo + iv.hi) / 2]
    if iv.lo_closed:
        choices.append(iv.lo)
    if iv.hi_closed:
        choices.append(iv.hi)
    return draw(st.sampled_from(choices))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_arithmetic_never_loses_an_exact_value(data):
    a, b = data.draw(intervals()), data.draw(intervals())
    x, y = member(data.draw, a), member(data.draw, b)
    assert (a + b).contains(Interval.point(x + y))
    assert sub(a, b).contains(Interval.point(x - y))
    assert mul(a, b).contains(Interval.point(x * y))
    if not (b.lo <= 0 <= b.hi):
        from fractions import Fraction

        q, exact = div(a, b), Fraction(x) / Fraction(y)
        assert q.lo is None or Fraction(q.lo) <= exact
        assert q.hi is None or exact <= Fraction(q.hi)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_overlap_is_symmetric_and_contains_implies_overlap(data):
    a, b = data.draw(intervals()), data.draw(intervals())
    assert a.overlaps(b) == b.overlaps(a)
    if a.contains(b):
        assert a.overlaps(b)


QUALIFIED = [("", "exact"), ("超", "more_than"), ("近", "nearly"), ("约", "about"), ("不低于", "at_least")]
SUFFIXED = [("以上", "at_least"), ("左右", "about"), ("余", "plus")]
UNITS = ["", "%", "人", "人次", "家", "个百分点", "万人", "亿元"]


@settings(max_examples=400, deadline=None)
@given(value=st.decimals(min_value=D("0.1"), max_value=D("99999"), places=2),
       prefix=st.sampled_from(QUALIFIED), suffix=st.sampled_from([("", None)] + SUFFIXED),
       unit=st.sampled_from(UNITS), full_width=st.booleans())
def test_printed_forms_read_back(value, prefix, suffix, unit, full_width):
    text = format(value.normalize(), "f")
    if full_width:
        text = text.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    if suffix[0] == "余" and "." in text:
        return  # 1.5余 is not printed Chinese
    surface = prefix[0] + text + (unit if suffix[0] != "余" else "") + suffix[0] + (unit if suffix[0] == "余" else "")
    try:
        p = parse(surface)
    except NumberError:
        assert prefix[0] and suffix[1] and prefix[1] != suffix[1], surface  # only conflicting qualifiers fail
        return
    scale = D(10000) if unit.startswith("万") else D(100000000) if unit.startswith("亿") else D(1)
    assert p.value == value * scale
    expected = suffix[1] or prefix[1]
    assert p.qualifier == expected
    iv = p.interval()
    assert iv.contains(Interval.point(p.value)) or expected in ("more_than", "nearly")
