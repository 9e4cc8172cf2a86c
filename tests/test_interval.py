from decimal import Decimal as D

import pytest

from checker.language.interval import Interval


def iv(lo, hi, lc=True, hc=True):
    return Interval(None if lo is None else D(lo), None if hi is None else D(hi), lc, hc)


def test_touching_closed_ends_overlap():
    assert iv(1, 2).overlaps(iv(2, 3))


def test_touching_open_end_does_not_overlap():
    # [93.35, 93.45) and [93.45, 93.55) share no number
    assert not iv("93.35", "93.45", True, False).overlaps(iv("93.45", "93.55", True, False))


def test_more_than_excludes_its_bound():
    assert not iv(95, None, False, False).overlaps(iv(94, 95))
    assert iv(95, None, True, False).overlaps(iv(94, 95))


def test_unbounded_intervals_overlap_everything_on_their_side():
    assert iv(None, None, False, False).overlaps(iv(1, 1))
    assert not iv(None, 1, False, False).overlaps(iv(1, None))


def test_overlap_is_symmetric():
    pairs = [(iv(1, 2), iv(3, 4)), (iv(1, 3), iv(2, 4)), (iv(1, 2, True, False), iv(2, 3))]
    for a, b in pairs:
        assert a.overlaps(b) == b.overlaps(a)


def test_contains_respects_open_ends():
    assert iv(95, None, True, False).contains(iv("95.5", "96.5", True, False))
    assert iv(95, None, True, False).contains(iv(95, 95))
    assert not iv(95, None, False, False).contains(iv(95, 96))
    assert not iv(1, 2).contains(iv(1, None, True, False))


def test_empty_interval_is_refused():
    with pytest.raises(ValueError):
        iv(2, 1)
    with pytest.raises(ValueError):
        iv(1, 1, True, False)


def test_scale_is_exact():
    assert iv("93.35", "93.45", True, False).scale(D("0.01")) == iv("0.9335", "0.9345", True, False)


def test_sum_of_intervals_keeps_exact_values():
    total = iv(180, 190, True, False) + iv(130, 140, True, False)
    assert total == iv(310, 330, True, False)
    assert not total.overlaps(iv(300, 310, True, False))


def test_text_form():
    assert str(iv("93.35", "93.45", True, False)) == "[93.35, 93.45)"
    assert str(iv(95, None, True, False)) == "[95, +inf)"


def test_difference_of_rounded_values():
    from checker.language.interval import sub
    # 93.4% − 88.6%: the printed values allow [4.7, 4.9]
    assert sub(iv("93.35", "93.45", True, False), iv("88.55", "88.65", True, False)) == iv("4.7", "4.9", False, False)


def test_division_terminating_and_not():
    from checker.language.interval import div
    assert div(iv(4650, 4650), iv(2, 4)) == iv("1162.5", "2325")
    from fractions import Fraction
    q = div(iv(1, 1), iv(3, 3))
    assert Fraction(q.lo) <= Fraction(1, 3) <= Fraction(q.hi) and q.hi - q.lo < D("1e-30")


def test_division_by_interval_with_zero_is_unbounded():
    from checker.language.interval import div
    assert div(iv(1, 1), iv(-1, 1)) == Interval(None, None, False, False)


def test_product_closedness():
    from checker.language.interval import mul
    assert mul(iv(2, 3, True, False), iv(10, 10)) == iv(20, 30, True, False)


def test_short_rounds_outwards():
    assert iv("0.213249999999999", "0.2133499999999", True, False).short(4) == "[0.2132, 0.2134)"
