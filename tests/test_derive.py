"""Derived figures: exact interval arithmetic with units."""
from decimal import Decimal as D

import pytest
from helpers import check, codes

from checker.language.expressions import DeriveError, Value, evaluate, tokens
from checker.language.interval import Interval

PERCENT = ()
PP = (("[percentage_point]", 1),)
COUNT = (("[count]", 1),)
PERSON = (("[person]", 1),)


def value(lo, hi, dims, lc=True, hc=False):
    return Value(Interval(D(lo), D(hi), lc, hc), dims)


TABLE = {
    "a": value("0.6585", "0.6595", PERCENT),          # 65.9%
    "b": value("9.5", "10.5", PP),                    # 10个百分点
    "n": value("4650", "4650", COUNT, True, True),    # 4650个
    "r": value("0.004255", "0.004265", (("[count]", 1), ("[person]", -1))),  # 4.26个/千人
}


def test_percentage_points_subtract_from_a_percent():
    v = evaluate("a - b", TABLE.get)
    assert v.dims == ()
    assert v.interval.lo == D("0.5535") and v.interval.hi == D("0.5645")


def test_count_over_rate_is_a_population():
    v = evaluate("n / r", TABLE.get)
    assert v.dims == PERSON
    assert v.interval.lo <= D(4650) / D("4.26") * 1000 <= v.interval.hi
    assert D(1090000) < v.interval.lo and v.interval.hi < D(1093000)


def test_numbers_and_parentheses():
    v = evaluate("(n + n) / 1000 * -1", TABLE.get)
    assert v.interval == Interval(D("-9.3"), D("-9.3")) and v.dims == COUNT


def test_a_bare_number_is_not_silently_given_a_unit():
    with pytest.raises(DeriveError, match="cannot add"):
        evaluate("n + 350", TABLE.get)


def test_adding_different_dimensions_is_refused():
    with pytest.raises(DeriveError, match="cannot add"):
        evaluate("n + r", TABLE.get)


def test_unknown_name_and_syntax_errors():
    with pytest.raises(DeriveError, match="neither a claim id nor a number"):
        evaluate("n + zz", TABLE.get)
    with pytest.raises(DeriveError):
        evaluate("(n + 1", TABLE.get)
    with pytest.raises(DeriveError):
        evaluate("n +", TABLE.get)


def test_ids_with_dashes_need_spaces_around_minus():
    assert [t for _, t in tokens("002-083-c - 002-083-d")] == ["002-083-c", "-", "002-083-d"]


DOC = {"d.txt": "基层医疗卫生机构就诊率65.9%，高于全市10个百分点。\n"}
BASE = """\
- {id: x-1, metric: 基层就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 65.9%, source: {doc: d.txt, line: 1, quote: 就诊率65.9%}}
- {id: x-2, metric: 基层就诊率差距, entity: 荣昌区, period: "2022", kind: change, surface: 10个百分点, source: {doc: d.txt, line: 1, quote: 高于全市10个百分点}}
"""


def derived(expr, unit="percent", id_="x-3"):
    return (f'- {{id: {id_}, metric: 基层就诊率, entity: 重庆市, period: "2022", kind: actual, derived: "{expr}", '
            f'unit: {unit}, source: {{doc: d.txt, line: 1, quote: 高于全市10个百分点}}}}\n')


def test_derived_claim_takes_part_in_contradictions(tmp_path):
    other = ('- {id: x-4, metric: 基层就诊率, entity: 重庆市, period: "2022", kind: actual, surface: 60%, '
             'source: {doc: d.txt, line: 1, quote: 65.9%}}\n')
    result = check(tmp_path, {"claims": BASE + derived("x-1 - x-2") + other, "docs": DOC})
    assert "CC201" in codes(result)


def test_derivation_cycle_is_reported(tmp_path):
    text = BASE + derived("x-5 - x-2", id_="x-3") + derived("x-3 + x-2", id_="x-5")
    result = check(tmp_path, {"claims": text, "docs": DOC})
    assert codes(result).count("CC140") >= 1
    assert any("depends on itself" in f.message for f in result.findings)


def test_derivation_in_the_wrong_unit_is_reported(tmp_path):
    result = check(tmp_path, {"claims": BASE + derived("x-1 - x-2", unit="人"), "docs": DOC})
    assert any(f.code == "CC140" and "[person]" in f.message for f in result.findings)
