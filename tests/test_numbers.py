"""The number normaliser on printed forms taken from the seed reports.

Each row was worked out by hand: surface → value, qualifier, unit, interval.
"""
from decimal import Decimal as D

import pytest

from checker.language.interval import Interval
from checker.language.numbers import NumberError, parse

INF = None

# surface, value, qualifier, unit, (lo, hi, lo_closed, hi_closed), integral
SEED_FORMS = [
    ("93.4%", "93.4", "exact", "percent", ("93.35", "93.45", True, False), False),
    ("88.6%", "88.6", "exact", "percent", ("88.55", "88.65", True, False), False),
    ("28.96%", "28.96", "exact", "percent", ("28.955", "28.965", True, False), False),
    ("95%以上", "95", "at_least", "percent", ("95", INF, True, False), False),
    ("65%以上", "65", "at_least", "percent", ("65", INF, True, False), False),
    ("99%以上", "99", "at_least", "percent", ("99", INF, True, False), False),
    ("85%以上", "85", "at_least", "percent", ("85", INF, True, False), False),
    ("100%", "100", "exact", "percent", ("99.5", "100.5", True, False), False),
    ("30%", "30", "exact", "percent", ("29.5", "30.5", True, False), False),
    ("12.18‰", "12.18", "exact", "permille", ("12.175", "12.185", True, False), False),
    ("10个百分点", "10", "exact", "percentage_point", ("9.5", "10.5", True, False), False),
    ("2.53个百分点", "2.53", "exact", "percentage_point", ("2.525", "2.535", True, False), False),
    ("1.6倍", "1.6", "exact", "times", ("1.55", "1.65", True, False), False),
    ("78.9岁", "78.9", "exact", "岁", ("78.85", "78.95", True, False), False),
    ("79.3岁", "79.3", "exact", "岁", ("79.25", "79.35", True, False), False),
    ("46.8万", "468000", "exact", None, ("467500", "468500", True, False), False),
    ("77.4万", "774000", "exact", None, ("773500", "774500", True, False), False),
    ("23万人", "230000", "exact", "人", ("225000", "235000", True, False), True),
    ("90万", "900000", "exact", None, ("895000", "905000", True, False), False),
    ("1300万平方米", "13000000", "exact", "平方米", ("12995000", "13005000", True, False), False),
    ("1.6亿人次", "160000000", "exact", "人次", ("155000000", "165000000", True, False), True),
    ("40亿元", "4000000000", "exact", "元", ("3950000000", "4050000000", True, False), False),
    ("突破42万", "420000", "more_than", None, ("420000", INF, False, False), False),
    ("突破1300万", "13000000", "more_than", None, ("13000000", INF, False, False), False),
    ("超10万人次", "100000", "more_than", "人次", ("100000", INF, False, False), True),
    ("超1.2万", "12000", "more_than", None, ("12000", INF, False, False), False),
    ("超过50", "50", "more_than", None, ("50", INF, False, False), False),
    ("近3", "3", "nearly", None, ("2.7", "3", True, False), False),
    ("近万人", "10000", "nearly", "人", ("9000", "10000", True, False), True),
    ("约8", "8", "about", None, ("7.5", "8.5", True, True), False),
    ("20余", "20", "plus", None, ("20", "30", True, False), False),
    ("10余名", "10", "plus", "名", ("10", "20", True, False), True),
    ("300余名", "300", "plus", "名", ("300", "400", True, False), True),
    ("180余人", "180", "plus", "人", ("180", "190", True, False), True),
    ("1000余人次", "1000", "plus", "人次", ("1000", "2000", True, False), True),
    ("170多", "170", "plus", None, ("170", "180", True, False), False),
    ("1.2万余人次", "12000", "plus", "人次", ("12000", "13000", True, False), True),
    ("两千多人", "2000", "plus", "人", ("2000", "3000", True, False), True),
    ("两万多人", "20000", "plus", "人", ("20000", "30000", True, False), True),
    ("千余名", "1000", "plus", "名", ("1000", "2000", True, False), True),
    ("百余面", "100", "plus", "面", ("100", "200", True, False), True),
    ("36家", "36", "exact", "家", ("36", "36", True, True), True),
    ("142个", "142", "exact", "个", ("142", "142", True, True), True),
    ("577234人", "577234", "exact", "人", ("577234", "577234", True, True), True),
    ("4.26个", "4.26", "exact", "个", ("4.255", "4.265", True, False), True),
    ("0.36个", "0.36", "exact", "个", ("0.355", "0.365", True, False), True),
    ("8.78吨", "8.78", "exact", "吨", ("8.775", "8.785", True, False), False),
    ("10~30分钟", "10", "range", "分钟", ("10", "30", True, True), False),
    ("5—10家", "5", "range", "家", ("5", "10", True, True), True),
    ("1—2个", "1", "range", "个", ("1", "2", True, True), True),
    ("两三个", "2", "range", "个", ("2", "3", True, True), True),
    ("３６家", "36", "exact", "家", ("36", "36", True, True), True),
    ("９５．６３％", "95.63", "exact", "percent", ("95.625", "95.635", True, False), False),
]


@pytest.mark.parametrize("surface,value,qualifier,unit,bounds,integral", SEED_FORMS, ids=[r[0] for r in SEED_FORMS])
def test_seed_form(surface, value, qualifier, unit, bounds, integral):
    p = parse(surface)
    assert p.value == D(value)
    assert p.qualifier == qualifier
    assert p.unit == unit
    lo, hi, lo_closed, hi_closed = bounds
    expected = Interval(None if lo is None else D(lo), None if hi is None else D(hi), lo_closed, hi_closed)
    assert p.interval(integral=integral) == expected


def test_table_is_large_enough():
    assert len(SEED_FORMS) >= 40


@pytest.mark.parametrize("surface,value", [
    ("一百零五", "105"), ("二十五", "25"), ("三万五千", "35000"), ("一亿二千万", "120000000"),
    ("十", "10"), ("两千", "2000"), ("万", "10000"), ("1,234", "1234"), ("1,234.5万", "12345000"),
    ("-2.3%", "-2.3"), ("10余万", "100000"),
])
def test_values_are_exact(surface, value):
    assert parse(surface).value == D(value)
    assert isinstance(parse(surface).value, D)


def test_range_shares_a_trailing_magnitude():
    p = parse("3-5万")
    assert (p.value, p.upper) == (D(30000), D(50000))


def test_ten_plus_wan_counts_in_wan():
    assert parse("10余万").interval() == Interval(D(100000), D(200000), True, False)


def test_percentage_points_are_not_percent_hundreds():
    # 百 in 百分点 is not a magnitude
    p = parse("10百分点")
    assert (p.value, p.unit) == (D(10), "percentage_point")


def test_about_is_at_least_the_rounding_interval():
    assert parse("约5%").interval() == Interval(D("4.5"), D("5.5"))
    assert parse("约1000人").interval(integral=True) == Interval(D(950), D(1050))


def test_nearly_and_about_tolerances_are_parameters():
    assert parse("近100").interval(nearly=D("0.2")) == Interval(D(80), D(100), True, False)
    assert parse("约100").interval(about=D("0.1"), integral=True) == Interval(D(90), D(110))


@pytest.mark.parametrize("surface", ["", "数百余名", "百分之", "约超10", "10~5", "超10余", "abc", "一一", "5~超10"])
def test_unreadable(surface):
    with pytest.raises(NumberError):
        parse(surface)


def test_chinese_fractions():
    p = parse("百分之九十五以上")
    assert (p.value, p.unit, p.qualifier) == (D(95), "percent", "at_least")
    assert parse("千分之12.18").unit == "permille"


def test_ordinal_rank():
    p = parse("第7")
    assert (p.value, p.unit, p.qualifier) == (D(7), "rank", "exact")
    assert p.interval(integral=True) == Interval(D(7), D(7))


def test_top_n_is_a_rank_range():
    p = parse("前三")
    assert (p.qualifier, p.unit, p.interval(integral=True)) == ("range", "rank", Interval(D(1), D(3)))
    for printed in ("前8位", "前10名"):  # 人均GDP进入全国前8位
        top = parse(printed)
        assert (top.qualifier, top.unit, top.interval(integral=True).hi) == ("range", "rank", D(printed[1:-1]))


def test_within_is_at_most():
    p = parse("4小时内")
    assert (p.value, p.unit, p.qualifier) == (D(4), "小时", "at_most")


def test_several_hundred():
    p = parse("数百项")
    assert (p.qualifier, p.unit, p.interval(integral=True)) == ("range", "项", Interval(D(200), D(900)))


@pytest.mark.parametrize("surface,lo,hi,unit", [
    ("几十万元", D(20), D(90), "万元"),      # 几 as 数: several tens of 万元
    ("几百人", D(200), D(900), "人"),
    ("十几个", D(11), D(19), "个"),          # a ten and a few: not 10 with the unit 几个
    ("二十几个", D(21), D(29), "个"),
    ("二十几万人", D(210000), D(290000), "人"),
])
def test_a_few_is_a_range(surface, lo, hi, unit):
    p = parse(surface)
    assert (p.qualifier, p.unit, p.interval(integral=True)) == ("range", unit, Interval(lo, hi))


def test_shang_before_a_power_of_ten_is_at_least_that_many():
    assert (parse("上百万元").value, parse("上百万元").qualifier, parse("上百万元").unit) == (D(10**6), "at_least", "元")
    assert (parse("上千家").value, parse("上千家").qualifier) == (D(1000), "at_least")


def test_ordinal_with_counter():
    assert (parse("第一名").value, parse("第一名").unit) == (D(1), "rank")
    assert parse("第四").value == D(4)


def test_first_is_rank_one():
    assert (parse("首个").value, parse("首个").unit) == (D(1), "rank")
    assert parse("首家").unit == "rank"


def test_full_width_conversion_is_per_character():
    # NFKC would turn "…" into "..."; the normaliser never touches text outside digits and signs
    from checker.language.numbers import to_halfwidth
    assert to_halfwidth("提升…９５％") == "提升…95%"
    assert len(to_halfwidth("提升…９５％")) == len("提升…９５％")


@pytest.mark.parametrize("surface", ["93.4%", "36家", "12.18‰", "０.５%", "７８.９岁", "100", "0.36个", "1300人次",
                                     "007个", "2.50%", "５%", "8796"])
def test_fast_path_agrees_with_the_general_reader(surface):
    from checker.language.numbers import _parse
    assert parse(surface) == _parse(surface)


# Forms health bulletins print, worked out by hand (docs/claim-format.md lists each).
BULLETIN_FORMS = [
    ("9.52/10万", "9.52", "exact", "per_100k", ("9.515", "9.525", True, False)),
    ("1/10万", "1", "exact", "per_100k", ("0.5", "1.5", True, False)),
    ("2.1/10万人", "2.1", "exact", "per_100k", ("2.05", "2.15", True, False)),
    ("16.9/十万", "16.9", "exact", "per_100k", ("16.85", "16.95", True, False)),
    ("3.28/万", "3.28", "exact", "per_10k", ("3.275", "3.285", True, False)),
    ("3‱", "3", "exact", "per_10k", ("2.5", "3.5", True, False)),
    ("万分之三", "3", "exact", "per_10k", ("2.5", "3.5", True, False)),
    ("5.6/千", "5.6", "exact", "permille", ("5.55", "5.65", True, False)),
    ("千分之五", "5", "exact", "permille", ("4.5", "5.5", True, False)),
    ("三成", "30", "exact", "percent", ("25", "35", True, False)),
    ("三成半", "35", "exact", "percent", ("32.5", "37.5", True, False)),
    ("七成以上", "70", "at_least", "percent", ("70", INF, True, False)),
    ("超三成", "30", "more_than", "percent", ("30", INF, False, False)),
    ("翻一番", "2", "exact", "times", ("1.5", "2.5", True, False)),
    ("翻两番", "4", "exact", "times", ("3.5", "4.5", True, False)),
    ("翻了一番", "2", "exact", "times", ("1.5", "2.5", True, False)),
    ("五分之二", "0.4", "exact", "ratio", ("0.3999999999999999999999995", "0.4000000000000000000000005", True, False)),
    ("30分钟内", "30", "at_most", "分钟", (INF, "30", False, True)),
    ("高于90%", "90", "more_than", "percent", ("90", INF, False, False)),
    ("不高于5%", "5", "at_most", "percent", (INF, "5", False, True)),
]


@pytest.mark.parametrize("surface,value,qualifier,unit,bounds", BULLETIN_FORMS, ids=[r[0] for r in BULLETIN_FORMS])
def test_bulletin_form(surface, value, qualifier, unit, bounds):
    p = parse(surface)
    assert (p.value, p.qualifier, p.unit) == (D(value), qualifier, unit)
    lo, hi, lo_closed, hi_closed = bounds
    expected = Interval(None if lo is None else D(lo), None if hi is None else D(hi), lo_closed, hi_closed)
    assert p.interval() == expected


def test_a_third_is_a_third_within_any_printed_precision():
    third = parse("三分之一").interval()
    assert third.lo < D(1) / D(3) < third.hi and third.hi - third.lo < D("1e-20")
    assert parse("近三分之一").qualifier == "nearly"
    with pytest.raises(NumberError):
        parse("零分之一")


@pytest.mark.parametrize("surface,value,unit", [
    ("1124.2萬人", D("11242000"), "人"),   # traditional 萬
    ("75593.6億元", D("7559360000000"), "元"),
    ("1030935個", D("1030935"), "个"),
    ("30.2 万张", D("302000"), "张"),      # a web page's space before 万
    ("3.8 %", D("3.8"), "percent"),
])
def test_traditional_characters_and_a_space_before_the_magnitude_read_as_written_simplified(surface, value, unit):
    p = parse(surface)
    assert (p.value, p.unit) == (value, unit)


def test_reading_simplified_leaves_simplified_text_and_place_names_as_they_are():
    import csv

    from checker.language.characters import to_simplified

    assert to_simplified("醫療衛生機構1030935個") == "医疗卫生机构1030935个"
    from helpers import ROOT

    places = (ROOT / "checker" / "data" / "vocabulary" / "places.csv").read_text(encoding="utf-8")
    names = {cell for row in csv.reader(places.splitlines()) for cell in row}
    assert [n for n in names if to_simplified(n) != n] == []  # 乾县 stays 乾县
