"""Raw text → draft claim records that people confirm and correct.

One pass of one compiled pattern finds every written quantity; cheap tests
on the text around each match drop dates, names, labels and ages; the
number normaliser reads what is left; and small heuristics propose metric,
entity, period and kind from the registries and the cue words in
rules/extract.yaml. Nothing here knows a document or a place by name.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from checker.extract import naming, relations, subject, tables
from checker.extract.periods import PART, YEAR_PART, count_of, in_part
from checker.io import processes
from checker.io.gcpause import paused_gc
from checker.language import numbers, words
from checker.language.characters import (
    han_count,
    is_han,
    to_simplified,
    without_glosses,
)
from checker.language.units import numerator_of
from checker.load.registry import institution_at

DIGIT = "0-9０-９"
ARABIC = rf"[{DIGIT}]+(?:,[0-9]{{3}})*(?:[.．][{DIGIT}]+)?"
CN = "(?:[数几][十百千万]|(?:上(?=[百千万亿]))?[零〇一二两三四五六七八九十百千万亿]+几?)"  # 几十万, 上百万, 十几个
MAG = "(?:万亿|千万|百万|十万|亿|万|千|百(?!分))"
SPACE = "[ \u00a0\u3000]"  # one space a web page may print between a number and its 万 or %
PREFIXES = words.alternation(words.QUALIFIER_PREFIXES)
PER = "(?:/(?:人·年|人·次|人年|床日|人次|人|例|次|年|月|日|天|周))"  # 178元/月, 89元/人: a unit per person or time
SUFFIXES = words.alternation(words.QUALIFIER_SUFFIXES)
# signs and rates per population after a number: 93.4%, 5.6‰, 3个百分点, 9.52/10万, 1/10万人
PER_POPULATION = (f"/(?:{words.alternation(words.PER_POPULATION)})"
                  f"(?:{'|'.join(words.longest_first(words.POPULATION_WORDS))})?")
RATIO_UNITS = f"{words.alternation(words.UNIT_SIGNS)}|％|{PER_POPULATION}"
RANGE = f"[{re.escape(words.RANGE_MARKS)}]"
CLAUSE_END = words.CLAUSE_MARKS + words.LIST_MARK + "\n"  # a list item is a clause of its own here
SENTENCE_END = words.SENTENCE_MARKS + "；;\n"  # a figure's context stops at a semicolon too
_CLAUSE_RE = re.compile(f"[{re.escape(CLAUSE_END)}]")
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_SPAN = re.compile(rf"(?:19|20)\d\d(?:{RANGE}(?:19|20)\d\d)?年?")
YEAR = re.compile(rf"(?P<y>(?:19|20)\d{{2}}) ?年{PART}?")  # 2022 年: a web page's spacing too


# A short line with one of these is a sentence cut short by a line break (…5年来，医院从1个全国基层名), no heading.
_SENTENCE_MARK = re.compile("[。；;，,！？!?]")
# 5年来, 近三年来, 这十年间: a span of years up to the time of writing.
_YEARS_BACK = re.compile(r"(?<![0-9年])(?:(?:近|这|过去)?([0-9]{1,2}|[两二三四五六七八九十])年(?:来|以来|间)"
                         r"|过去([0-9]{1,2}|[两二三四五六七八九十])年)")  # 5年来, 过去五年
_COUNTED_YEARS = re.compile(r"(?:连续|过去|最近)$")  # 连续两年获得全市第一名: a count of years up to the text's
_COUNTED_THEN = re.compile(r"[^，,。；;！？!?、的（(“\"]{2,}")  # what held for those years: 获得全市第一名
COUNTED_THEN_MOST = 12  # characters of it a name takes
COUNTED_GUESS = 0.3  # a name made for a count of years (获得全市第一名连续年数): a guess to confirm
_NOW_PLANNED = re.compile(r"(?:今年|本年)[^，,。；;！？!?]{0,6}?(?:将|要|计划|目标)")  # 今年深圳将…: a plan
_YEARS_AHEAD = re.compile(r"(?:未来|今后)([0-9]{1,2}|[两二三四五六七八九十])年")  # 未来五年: the years to come
YEARS_BACK_MOST = 20  # longer spans (新中国成立75年来) are no reporting period
_SENTENCE_STOP = re.compile("[" + re.escape(SENTENCE_END) + "]")
WRAPPED_LINES = 3  # lines a sentence cut by line breaks is read across
_BARE_TO = ("到", "至")  # 从X到Y: where a starting value went, without a verb
_STARTED_IN = re.compile(r"[由从]((?:19|20)\d\d) ?年")
STARTED_IN_REACH = 40  # characters before a year searched for the year a change started from
_DAY = re.compile(r"[0-9]{1,2}日")
_ISSUED = re.compile(r"(?<![0-9.])(?:((?:19|20)[0-9]{2})([-/.])[0-9]{1,2}\2[0-9]{1,2}|[0-9]{1,2}([./])[0-9]{1,2}\3((?:19|20)[0-9]{2}))(?![0-9.])")  # 2015-02-27, 2017/2/18, 18.02.2017
SHORT_NAME = 2  # names this long are checked to be words where found (中国 in 其中国家级 is not)
WORD_WINDOW = 6  # characters either side of such a name segmented to see its words
PART_ROW_GUESS = 0.3  # a yearbook's # row named as its whole: a part of it, its name to confirm
TABLE_ROWS_BACK = 40  # rows of a table above a row of a grade read for the kind of institution it is of
SECTION_LOOK_BACK = 400  # lines above a figure searched for the heading of its section
SPAN = "span"  # a figure's time is a span of years the sentence names (十四五, 5年来): see _in_span
SINCE = "since"  # a span since a year the text names (2023年以来): see _in_span
CONTEXT = "context"  # a figure's time is a target year the text before it set (see _period and _kind)
BASELINE_GUESS = 0.3  # below CONFIDENT (checker.model.fields): a draft's period that is a guess
PER_EACH_GUESS = 0.3  # an average per village or household (平均每村): a name the vocabulary rarely has
_COMPARISON = re.compile(r"[比较][^，,。；;！？、]{1,12}?(?:多|少|高出|低出|高|低)了?$"
                         r"|(?:高出|低出|高于|低于|超出)(?!每)[^，,。；;！？、的]{1,16}?[)）]?$")  # 高出全国平均水平(79岁)4.62岁
_MEASURE_ENDS = ("率", "数", "比重", "占比", "比例", "量", "人次", "费用")  # how a name of a measure ends
_DIGIT_IN = re.compile(r"[0-9０-９]")
_AGE_GROUP = re.compile(r"[0-9０-９]+(?:[-~～][0-9０-９]+)?周?岁(?:及)?(?:以下|以上)?(?:儿童|老年人|老人|人口|人群|婴幼儿|妇女)?")
_SHARED_ENDS = ("占比", "比重", "比例")  # the last name of a 分别 list lends its end to the others
_BROKEN_DOWN = re.compile(r"([\u4e00-\u9fff]{2,8}?)按[\u4e00-\u9fff]{1,8}分")  # 医疗机构按经济类型分
CLASS_GUESS = 0.3  # a figure of a class the figure before it defines (超过20%的有23种): its name is a guess
_CLASS_OF_BEFORE = re.compile(r"(?:以上|以下|及以上|及以下)?的(?:有|是|为|占)?")
RANK_GUESS = 0.3  # a rank's name is made, not found in the vocabulary: a guess to confirm
_YEAR_WORD = re.compile(r"(?:19|20)\d{2} ?年度?|(?:连续|近|过去)?[0-9两二三四五六七八九十]{1,2}年(?:来|以来)?")
# 2023年度, 连续两年 before what is ranked: when, not what
_AFTER_FIGURES = re.compile(r"[、0-9０-９%％‰\s]")  # what is ranked is named after the figures of its clause
_RANKS_BEFORE = re.compile(r"(?:第|前)[0-9一二三四五六七八九十百]+[名位]?、")  # 全国第二、第七、第九
_RANK_FIELD = re.compile(r"[\u4e00-\u9fff]{0,10}")  # between a place and a rank: 同类医院, 排名, 区县
_ADDRESS = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_PER_EACH = re.compile(r"平均每(?:个|家|所)?(?:村|户|床|乡镇|医院|卫生院|机构|中心|站|家庭医生团队|团队)")
_NOT_SELF = re.compile(r"中心(?:城区|城市|区域|区|镇|村|地带)")  # 中心城区1小时抵达现场: a place, no 该中心
HOSPITAL_GOES_ON = 0.6  # a sentence naming no one, after one about a hospital: that hospital's
HOSPITAL_ABOVE = 0.3   # a paragraph naming no one, after one about a hospital: likely that hospital's, a guess
GROUP_GUESS = 0.3     # a figure of a group of places (8个省份): its entity names no one place
_STATES_WHEN = re.compile(r"以来|至今|(?:末|底|初|度|全年|上半年|下半年|第?[一二三四1-4]季度|[0-9]{1,2}(?:-[0-9]{1,2})?月(?:份|末|底)?)?"
                          r"(?:[0-9]{1,2}日)?[，,、：:]")  # a year that opens a clause: the time it states
_FROM_TO_YEARS = re.compile(r"((?:19|20)\d\d) ?年?(?:至|到|—|–|-|~|～)((?:19|20)\d\d) ?年")  # 2020年至2024年
# the unit a name's end says its figures count in, for a figure printed without one (a table's bare cells)
_UNIT_OF_NAME_END = (("人次数", "人次"), ("人次", "人次"), ("床日数", "床日"), ("人数", "人"), ("例数", "例"),
                     ("发病数", "例"), ("死亡数", "人"),
                     ("天数", "天"), ("日数", "天"), ("床位数", "张"), ("台数", "台"), ("家数", "家"))
_COUNTED_TYPES = ("event", "program", "programme", "route")  # entities counted as things (健康集市4场), owning none
_COUNT_OPENS = frozenset("0123456789０１２３４５６７８９一二两三四五六七八九十百千万数近约超逾")
_PREVIOUS_VALUE = re.compile(r"(?:比|较|与)(?:上年|去年|上一年)(?:同期)?的?$")  # 较上年9.87/10万下降了0.71%
_OWN_YEAR = re.compile(r"(?:19|20)\d{2} ?年(?:末|底|初)?的?$")
_ADDED = re.compile(r"\s*(?:全[省市区县州]|[我本][省市区县])?(?:将|要)?新增")  # a target of what is to be added
_SPAN_MARKS = ("—", "–", "-", "~", "～", "〜", "至")
RELATIVE_OPENS = 2  # characters (a quotation mark, a space) before a 今年 that opens a sentence
_PLACE_TYPES = ("country", "region", "province", "city", "county", "place", "phrase")  # entities that are no institution
_WHOLE_ENDS = ("院", "中心", "站", "所", "委", "委员会", "局")  # what 医院, 该中心, 我委 may stand for (not 消化内科)
SELF_NAMED = 0.6  # 医院 opening a sentence: the institution the sentences before named
COMPARED_SPAN = 0.5  # a starting value dated by the year its sentence compared with before it
LISTED_CHANGE = 0.8  # a change after 分别 named by the figure in its place of the list before it
RESTATED = 0.7  # a figure printed again takes the name it had, if that was at least this sure (see _restated)
RESTATED_DIGITS = 4  # … and when it has this many digits: 5家 may well count two things
LIMIT_GUESS = 0.3  # a time limit's name is made from the words after it (到达现场时限): to confirm
LIMIT_NAME_MOST = 8  # characters of what is to be done that name a time limit (完成核心信息调查)
_WITHIN = re.compile(r"(?:以内|之内|内)?")
_MANNER = re.compile(r"(?:立即|即刻|即|迅速|及时|快速)?")
ADDED_GUESS = 0.3  # a name the vocabulary lacks (新增床位数): to confirm
JOINT_ITEMS = 4  # names one figure is the sum of, at most: a longer list gives examples
CAPTION_LINES = 2  # a table's caption: its title and a line such as 单位：个
FUTURE_LOOK_BACK = 24  # lines above a figure searched for the target year a plan's list of items shares
CHUNK = 1 << 17  # characters of text per task when documents are shared out to processes


class ExtractError(ValueError):
    pass


@dataclass
class Language:
    """rules/extract.yaml, compiled."""

    not_quantities: re.Pattern
    qualifier_words: frozenset
    target_cues: tuple
    change_cues: tuple
    change_blockers: tuple
    baseline_cues: tuple
    to_cues: tuple
    share_cues: tuple
    trailing_words: tuple
    relative_years: dict
    named_periods: dict
    connectives: tuple = ()
    level_words: frozenset = frozenset()
    lead_change_cues: tuple = ()
    not_cues: tuple = ()
    present_words: tuple = ()
    caption_words: tuple = ()
    romanized_places: dict = field(default_factory=dict)
    count_names: dict = field(default_factory=dict)  # counter → the name's end: 次 → 次数 (教学查房次数)
    counted_heads: tuple = ()  # last words of names of things counted whole: 中心, 基地, 团队
    estimate_cues: tuple = ()  # 预计: a target only for a year ahead or after 将
    ahead_words: tuple = ()    # 将
    table_roles: tables.Roles = tables.Roles()  # header words of a table's indicator, unit and attribute columns
    campaign_words: tuple = ()  # 健康, 美丽: a place right after one names a campaign (健康荣昌建设)
    place_groups: re.Pattern = re.compile("(?!)")  # 8个省份: a count of places a figure after it is of
    honour_words: tuple = ()  # 示范, 先进: a place right before one ranks an honour (全国示范性…), names no place
    rank_words: tuple = ()  # 位居, 排名: between what is ranked, its field and the rank
    self_words: tuple = ()  # 医院, 我院: the document's own subject, no name of what is ranked
    place_end_words: tuple = ()  # 区域, 市场: a place's last character beginning a word is no place's end
    plan_words: tuple = ()  # 工作安排: after a year ahead, the text below plans that year (二、2026年工作安排)
    compared_words: tuple = ()  # 低于: the place after one is what a figure is compared with, not its entity
    now_words: tuple = ()  # 今年: the year the text is written in (当年, the same year, is the narrated one)
    limit_verbs: tuple = ()  # 响应, 到达: a span of time right before one is a time limit (1小时到达现场)
    time_taken_words: tuple = ()  # 仅用: a span of time after one was taken, no limit
    common_word_places: frozenset = frozenset()  # 城区, 矿区: in running text the word, not the place
    shared_heads: tuple = ()  # 基金: a name opening with one is of what the paragraph's first figure named
    dateline: re.Pattern = re.compile("(?!)")  # 新华社北京3月5日电（记者 …）: a news story's opening, no name
    action_verbs: tuple = ()  # 建设, 培育: a verb that opens a predicate, though tagged as a noun of action
    english_units: dict = field(default_factory=dict)  # person: 人, as bilingual yearbooks print units


def load_language(paths: Path | list[Path]) -> Language:
    """The extractor's word lists: the built-in extract.yaml and a project's, merged (checker.load.rulefiles)."""
    from checker.io.yamlfile import LoadError, check_regex
    from checker.load.rulefiles import read_word_lists

    def patterns_compile(data: dict, path: Path, text: str) -> None:
        for key in ("not_quantities", "datelines"):
            for p in data.get(key) or []:
                check_regex(p, path, text, key)

    try:
        data = read_word_lists([paths] if isinstance(paths, Path) else paths, patterns_compile, empty_allowed=True)
        patterns = "|".join(f"(?:{p})" for p in data.get("not_quantities") or []) or "(?!)"
        return Language(
            re.compile(patterns),
            frozenset(data.get("qualifier_words", [])),
            *(tuple(sorted(data.get(k, []), key=len, reverse=True)) for k in
              ("target_cues", "change_cues", "change_blockers", "baseline_cues", "to_cues", "share_cues",
               "trailing_words")),
            dict(data.get("relative_years", {})),
            dict(data.get("named_periods", {})),
            tuple(sorted(data.get("connectives", []), key=len, reverse=True)),
            frozenset(data.get("level_words", [])),
            tuple(data.get("lead_change_cues", [])),
            tuple(data.get("not_cues", [])),
            tuple(data.get("present_words", [])),
            tuple(data.get("caption_words", [])),
            {str(k).lower(): str(v) for k, v in (data.get("romanized_places") or {}).items()},
            {str(k): str(v) for k, v in (data.get("count_names") or {}).items()},
            tuple(map(str, data.get("counted_heads") or ())),
            tuple(map(str, data.get("estimate_cues") or ())),
            tuple(map(str, data.get("ahead_words") or ())),
            _table_roles(data.get("table_roles") or {}),
            tuple(map(str, data.get("campaign_words") or ())),
            _place_groups(data.get("place_groups") or ()),
            tuple(map(str, data.get("honour_words") or ())),
            *(tuple(sorted(map(str, data.get(k) or ()), key=len, reverse=True)) for k in ("rank_words", "self_words")),
            tuple(map(str, data.get("place_end_words") or ())),
            tuple(map(str, data.get("plan_words") or ())),
            tuple(map(str, data.get("compared_words") or ())),
            tuple(map(str, data.get("now_words") or ())),
            *(tuple(sorted(map(str, data.get(k) or ()), key=len, reverse=True))
              for k in ("limit_verbs", "time_taken_words")),
            frozenset(map(str, data.get("common_word_places") or ())),
            tuple(map(str, data.get("shared_heads") or ())),
            re.compile("|".join(f"(?:{p})" for p in data.get("datelines") or []) or "(?!)"),
            tuple(sorted(map(str, data.get("action_verbs") or ()), key=len, reverse=True)),
            {str(k).lower(): str(v) for k, v in (data.get("english_units") or {}).items()},
        )
    except LoadError as exc:
        raise ExtractError(str(exc)) from None
    except (re.error, TypeError, AttributeError) as exc:
        raise ExtractError(f"{paths}: {exc}") from None


def _place_groups(words) -> re.Pattern:
    """8个省份, 十二个区县: a count of places of the kinds listed, as one pattern; not one of institutions or
    offices named after such places (20个乡镇卫生院, 9个县直医疗卫生单位, 5个市级医院)."""
    if not words:
        return re.compile("(?!)")
    kinds = "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:[0-9]+|[一二两三四五六七八九十百]+)个?(?:{kinds})(?!{_OF_PLACES})")


_OF_PLACES = "卫生院|医院|直|级|属|域|中心|政府"  # after a kind of place: an institution or office of it, no place


def make_extractor(files) -> "Extractor":
    """The extractor of a run's rule files (checker.load.rulefiles.RuleFiles): word lists, vocabulary, units."""
    from checker.io.yamlfile import LoadError
    from checker.language.units import UnitError, units_of
    from checker.load.registry import breakdown_groups, load_registry

    try:
        registry, units = load_registry(files), units_of(files.units)
        return Extractor(load_language(files.extract), registry, units.words(), _dimensions(units, registry),
                         breakdown_groups(files.breakdowns))
    except (LoadError, UnitError) as exc:
        raise ExtractError(str(exc)) from None


_RATIO_UNITS = ("percent", "permille", "per_10k", "per_100k", "percentage_point", "times", "ratio")


def _dimensions(units, registry) -> dict:
    """The dimension of every unit a figure or an indicator may be in: 张 and 床位 are [bed], 家 is [count]."""
    from checker.language.units import UnitError

    names = set(units.words()) | set(_RATIO_UNITS)
    names |= {str(t.extra["unit"]).split("/")[0] for t in registry.metrics.terms.values() if t.extra.get("unit")}
    out = {}
    for name in names:
        try:
            out[name] = units.info(name).dimension
        except UnitError:
            continue  # a unit only a project's own file may know
    return out


def quantity_pattern(counters) -> re.Pattern:
    """The one pattern that finds every written quantity (also the speed benchmark's baseline).

    A Chinese numeral is taken only when something quantifies it (a counter
    or unit, 余/多, 大 as in 四大专区, a qualifier before it, 百分之), and a
    lone 一 only as 唯一一家: otherwise 统一, 一体化 and 千家万户 would each
    cost a look.
    """
    units = "|".join(sorted({re.escape(c) for c in counters}, key=len, reverse=True))
    arabic = rf"{ARABIC}[余多]?(?:{SPACE}?{MAG}|{SPACE}(?=[%％‰]))?"  # 30.2 万张, 3.8 %: a web page's spacing
    quantified = rf"(?=[余多大]|{RATIO_UNITS}|{units}|{RANGE})"
    chinese = rf"(?:(?<=唯一)一|(?!一(?![零〇一二两三四五六七八九十百千万亿])){CN}){quantified}"
    tail = rf"(?:{RANGE}(?:{arabic}|{CN}))?[余多]?(?:{RATIO_UNITS}|(?:{units}){PER}?)?[余多]?(?:{SUFFIXES})?"
    ordinal = rf"第(?:{ARABIC}|[一二三四五六七八九十]+)(?:名|位)?|前[一二三四五六七八九十]+|前{ARABIC}(?:名|位)"  # 居全国前5位
    fraction = rf"(?:百分之|千分之)(?:{ARABIC}|{CN})(?:{SUFFIXES})?"
    sign = r"(?:(?<![0-9A-Za-z.．%‰)）\-])-(?=[0-9]))?"  # 自然增长率为-0.99‰; not the - of 2020-2025 or 5-10家
    plain = rf"{ordinal}|{fraction}|(?:{sign}{arabic}|{chinese}){tail}"
    qualified = rf"(?P<prefix>{PREFIXES})(?:{ordinal}|(?:{arabic}|{CN}){tail})"
    return re.compile(rf"{qualified}|{plain}")


@dataclass
class Draft:
    doc: str
    line: int
    surface: str
    parsed: numbers.Parsed
    quote: str
    start: int                 # character offset of the surface in its line
    metric: str = ""
    entity: str = ""
    period: str = ""
    kind: str = "actual"
    unit: str | None = None
    confidence: dict = field(default_factory=dict)
    wording: str = ""          # the printed words that named the metric
    links: relations.Links = field(default_factory=relations.Links, compare=False, repr=False)
    derived: tuple | None = None  # (expression with {0} {1}, draft, draft) for a figure the text implies

    def record(self, id_: str, id_of: dict | None = None) -> dict:
        """The draft as a claim record; id_of gives the ids of the drafts it relates to (by identity)."""
        ids = id_of or {}
        rec = {"id": id_, "status": "draft", "metric": self.metric}
        if self.wording and self.wording != self.metric:
            rec["wording"] = self.wording
        rec.update({"entity": self.entity, "period": self.period, "kind": self.kind})
        if self.derived is not None:
            template, *drafts = self.derived
            rec["derived"] = template.format(*(ids[id(d)] for d in drafts))
        else:
            p = self.parsed
            rec["surface"] = self.surface
            rec["value"] = [_num(p.value), _num(p.upper)] if p.qualifier == "range" else _num(p.value)
        if self.unit:
            rec["unit"] = self.unit
        if self.derived is None:
            rec["qualifier"] = self.parsed.qualifier
        rec["source"] = {"doc": self.doc, "line": self.line, "quote": self.quote}
        links = self.links
        stated = []
        parts = [ids[id(d)] for d in links.includes if id(d) in ids]
        if parts:
            stated.append({"includes": parts})
        if links.change_from is not None and id(links.change_from) in ids and id(links.change_to) in ids:
            change = {"from": ids[id(links.change_from)], "to": ids[id(links.change_to)]}
            if links.down:
                change["direction"] = "down"
            stated.append({"change": change})
        if stated:
            rec["relations"] = stated
        rec["confidence"] = self.confidence
        return rec


def _num(d: Decimal):
    return int(d) if d == d.to_integral_value() else float(d)  # float repr of a short decimal is exact text


def _table_roles(data: dict) -> tables.Roles:
    return tables.Roles(*(tuple(map(str, data.get(role) or ())) for role in
                          ("name", "unit", "planned", "serial", "value", "change")))


class Extractor:
    def __init__(self, language: Language, registry, counters, dimensions: dict | None = None,
                 breakdowns: dict | None = None):
        self.lang = language
        self.registry = registry
        self.pattern = quantity_pattern(counters)
        skip = (*language.trailing_words, *language.change_cues, *language.share_cues, *language.baseline_cues,
                *language.to_cues, *language.relative_years, *language.connectives, *language.target_cues,
                *language.level_words, *language.present_words)  # 全省, 目前: the place and time, not the name
        self.namer = naming.MetricNamer(registry, dimensions or {}, breakdowns or {}, skip, _segment,
                                        language.count_names, language.counted_heads, language.action_verbs)
        self._present = re.compile("|".join(map(re.escape, language.present_words)) or "(?!)")
        self.scope_words = (*language.level_words, "全国", "我国")  # a sentence opening with one sets its own place
        # 2023年全省卫生健康工作要点: a year a plan's name follows closely is the year planned
        self._plan_after = re.compile(r"[^，,。；;\n]{0,8}?(?:%s)" % "|".join(map(re.escape, language.plan_words))
                                      if language.plan_words else "(?!)")
        self._targets = re.compile("|".join(map(re.escape, language.target_cues)) or "(?!)")
        self.cues = _cue_automaton(language)
        spotted = {n: c for n, c in registry.entities.spotting_names().items()
                   if (registry.entities.get(c) is None or registry.entities.get(c).extra.get("type") != "area")
                   and n not in language.common_word_places}
        self.entity_names = _Names({**dict.fromkeys(language.level_words), **spotted},  # 农村 is a part, not a subject
                                   _words, language.level_words, registry.entities, language.campaign_words,
                                   language.honour_words, language.place_end_words)
        self.phrases = frozenset(n for n, c in spotted.items()
                                 if registry.entities.get(c).extra.get("type") == subject.PHRASE)
        self._stacked_memo: tuple = (None, ([], set()))

    def document(self, name: str, text: str) -> list[Draft]:
        return self.documents([(name, text)], chunk=len(text) + 1)  # one part: the whole text

    def documents(self, docs: list[tuple[str, str]], jobs: int = 1, chunk: int = CHUNK) -> list[Draft]:
        """The drafts of many documents, in order; with jobs > 1, lines are shared out to that many processes.

        Each document is cut at line ends into parts. Year and subject belong
        to the whole document, but both add up from the parts (the latest
        year of any part, the entity counts of all parts), and every line's
        drafts depend only on its text, the year and the subject: so the
        parts give exactly the drafts of the whole, in any process.
        """
        printed = [(name, text.replace("\r\n", "\n").replace("\r", "\n")) for name, text in docs]
        # read simplified, tables set with tabs or spaces as tables (same length): quoted as printed
        read = [(name, without_glosses(to_simplified(text))) for name, text in printed]  # 醫(yī)療: 医疗
        glossed = {name: where for name, (_, where) in read if where}
        texts = [(name, tables.pipe_view(text)) for name, (text, _) in read]
        parts = [(i, start, end, first) for i, (_, text) in enumerate(texts) for start, end, first in _chunks(text, chunk)]
        with paused_gc():
            titles = [subject.title_of(text, self.entity_names.hits, self.registry.entities, self.lang.level_words,
                                       self.lang.campaign_words) for _, text in texts]
            if jobs <= 1 or len(parts) <= 1:
                facts = [self._facts(texts[i][1], start, end, not titles[i]) for i, start, end, _ in parts]
                found = [d for (i, start, end, first), (year, about)
                         in zip(parts, self._of_documents(texts, titles, parts, facts))
                         for d in self._scan(texts[i][0], texts[i][1], start, end, first, year, about)]
            else:
                found = _in_processes(self, texts, titles, parts, jobs)
            drafts = _related(texts, found, self._adds_up, self.namer.measure_of)
            return _as_printed(drafts, printed, texts, glossed)

    def _plan_base_year(self, text: str) -> int | None:
        """A plan that prints no year of its own but names its period in its title (青海省“十四五”卫生健康事业
        发展规划) reports on the year before that period, its base (2020): its 至2020年底 is done, its 2025 ahead."""
        start = _named_period_start("\n".join(_title_lines(text)), self.lang.named_periods)
        return start - 1 if start else None

    def _adds_up(self, d: Draft) -> bool:
        """Figures of the draft's kind add up: counts do, but not an average of a count (医师日均担负诊疗6.7人次,
        其中公立医院7.2人次), which the vocabulary says is no whole number; nor ages and rates."""
        if self.namer.dimensions.get(d.unit or "") not in naming.COUNTED:
            return False
        self.registry.metrics.learn([d.metric])  # a name composed in a helper process
        term = self.registry.metrics.get(d.metric)
        return term is None or term.extra.get("integer") is not False

    def _facts(self, text: str, start: int, end: int, counted: bool = True) -> tuple:
        """What a part of a document says about the whole: its latest year, and the facts about its subject
        (the places it names counted only when its title names none)."""
        return year_facts(text, self.lang, start, end), subject.part_facts(
            text, start, end, self.entity_names.hits, self.registry.entities, self.lang.level_words, counted)

    def _of_documents(self, texts: list, titles: list, parts: list, facts: list) -> list[tuple]:
        """(year, subject) of each part's whole document, from its title and the facts of all its parts."""
        year_of: dict = {}
        found: dict = {}
        for (i, *_), (year, part) in zip(parts, facts):
            year_of.setdefault(i, YearFacts()).add(year)
            found.setdefault(i, []).append(part)
        years = {i: facts.year() for i, facts in year_of.items()}
        subjects = {i: subject.document_subject(texts[i][0], titles[i], found[i], self.registry.entities,
                                                self.lang.romanized_places) for i in found}
        for i in found:
            if i in year_of and year_of[i].plans_for:  # 今年 in a work report of 2026 is 2026
                subjects[i] = replace(subjects[i], now=year_of[i].plans_for)
            named = subject.year_of_file(texts[i][0])
            if years.get(i) is None or (i in year_of and year_of[i].only_issued() and named and named < years[i]):
                years[i] = named  # 示例市2024年统计公报.txt, issued 2025 年3月28日: on 2024
            if years.get(i) is None:
                years[i] = self._plan_base_year(texts[i][1])
            issued = year_of[i].issued if i in year_of else None
            if not subjects[i].now and issued and years[i] and issued > years[i]:
                subjects[i] = replace(subjects[i], now=issued)  # 去年 in a story of 2015-02-27 on 2014 is 2014
            part = _title_period(texts[i][1], years[i])
            if part:
                subjects[i] = replace(subjects[i], period=part)
        return [(years.get(i), subjects[i]) for i, *_ in parts]

    def _scan(self, name: str, text: str, part_start: int, part_end: int, first_line: int, year,
              about: subject.Subject, stacked: bool = True) -> list[Draft]:
        """The drafts of text[part_start:part_end]; the lines above the part are read for topics only. Tables
        pasted one cell per line are read as the rows they were (tables.stacked_tables)."""
        drafts: list[Draft] = []
        memo: dict = {}
        last_line = first_line + text.count("\n", part_start, part_end)
        found, serials = self._cell_per_line(text) if stacked else ([], set())
        pasted = [t for t in found if any(first_line <= n <= last_line for n in t.figure_lines())]
        cells = {n for t in pasted for n in t.figure_lines()}  # their figures are drafted from their rows
        cells |= serials  # 序号 | 1 | 人均期望寿命 …: 1 numbers the row
        # One scan of the part, then the matches are dealt out to their lines.
        line_no, line_start = first_line, part_start
        line_end = _line_end(text, part_start, part_end)
        pending: list = []
        for m in self.pattern.finditer(text, part_start, part_end):
            if m.start() > line_end:
                if pending and line_no not in cells:
                    drafts.extend(self._drafts(name, line_no, text, line_start, line_end, pending, year, about, memo))
                pending = []
                line_no += text.count("\n", line_end, m.start())
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = _line_end(text, m.start(), part_end)
            pending.append(m)
        if pending and line_no not in cells:
            drafts.extend(self._drafts(name, line_no, text, line_start, line_end, pending, year, about, memo))
        if not pasted:
            return drafts
        for table in pasted:
            drafts.extend(d for d in self._stacked_drafts(name, table, year, about) if first_line <= d.line <= last_line)
        return sorted(drafts, key=lambda d: d.line)  # stable: a line's drafts keep their order

    def _cell_per_line(self, text: str) -> tuple[list, set]:
        """The tables of the text pasted one cell per line, and the lines of their serial numbers and units
        (tables.stacked_tables, tables.serial_lines), read once for all the parts of a text."""
        if self._stacked_memo[0] is not text:
            self._stacked_memo = (text, (tables.stacked_tables(text), tables.serial_lines(text)))
        return self._stacked_memo[1]

    def _stacked_drafts(self, name: str, table: "tables.Stacked", year, about: subject.Subject) -> list[Draft]:
        """The drafts of a table pasted one cell per line: drafted from its rows, then placed back in the
        lines of their cells, each quoted as its cell is printed."""
        rows = "\n".join(table.lines)
        out = []
        for d in self._scan(name, rows, 0, len(rows), 1, year, about, stacked=False):
            spans = table.cells[d.line - 1]
            cell = next((span for span in reversed(spans) if span[0] <= d.start), None)
            if cell is None or cell is spans[0]:
                continue  # a figure in the caption, the header or a row's name
            at, line, indent = cell
            d.line, d.start = line, indent + d.start - at
            d.quote = d.surface  # the cell is all its line prints
            out.append(d)
        return out

    def _drafts(self, doc: str, number: int, text: str, base: int, line_end: int, matches, year,
                about: subject.Subject, memo: dict) -> list[Draft]:
        ctx = None
        out = []
        line = text[base:line_end]
        last_end = matches[-1].end() - base if matches else 0
        words, is_claim, named, parse = self.lang.qualifier_words, self._is_claim, self._named, numbers.parse
        for m in matches:
            start, end = m.start() - base, m.end() - base
            prefix = m.group(1) or (line[start] if line[start] == "上" else None)  # the qualifier, if any (上百万)
            if prefix and len(prefix) == 1 and start > 0 and line[start - 1] + prefix in words:
                start += 1  # 签约577234人: the 约 belongs to 签约
            surface = line[start:end]
            if not is_claim(line, start, end, surface) or named(line, start, end):
                continue
            try:
                parsed = parse(surface)
            except numbers.NumberError:
                continue
            if ctx is None:  # built once per line, and only for lines that hold a figure
                ctx = _LineContext(self, line, last_end, text, base, memo, about)
            if ctx.in_role_column(start):
                continue  # 孕产妇死亡率 | /10万 | 9.8, 3 | 孕产妇死亡率: the row's unit and serial number
            draft = Draft(doc, number, surface, parsed, ctx.quote(start, end), start)
            self._propose(draft, ctx, year, about)
            if out and _starting_list(out[-1], line, start):
                # 分别由2015年的20.1/10万、8.1‰、10.7‰下降到…: each item of the list starts as the first does
                draft.kind, draft.period = "baseline", out[-1].period
                draft.confidence.update(kind=out[-1].confidence["kind"], period=out[-1].confidence["period"])
            out.extend(self._sharing(draft, ctx))
            out.append(draft)
        if "分别" in line:
            self._pair_listed_changes(out, line)
        _parallel_spans(out, line)
        return out

    def _pair_listed_changes(self, drafts: list[Draft], line: str) -> None:
        """床位32.5万张、卫生人员101万人，分别比2020年末增长9.8%、8.8%: the changes listed after 分别 are of the
        figures listed before it in their sentence, in order (each named after the nearest figure, both were
        卫生人员's, and their two implied earlier figures contradicted each other)."""
        dims = self.namer.dimensions
        at = line.find("分别")
        while at >= 0:
            opened = words.sentence_start(line, at)  # the list may span a ；
            stop = _SENTENCE_STOP.search(line, at)
            closed = stop.start() if stop else len(line)
            changes = [d for d in drafts if at < d.start < closed and d.kind == "change"]
            levels = [d for d in drafts if opened <= d.start < at and d.kind == "actual"
                      and d.parsed.unit != "年"][-len(changes):]  # not 五年: a span, no level
            if len(changes) >= 2 and len(levels) == len(changes) and len({d.start for d in levels}) == len(levels) \
                    and not line[levels[-1].start + len(levels[-1].surface):at].strip("，,、 ") \
                    and all(c.parsed.unit == "percent" or dims.get(c.parsed.unit or "") == dims.get(v.parsed.unit or "")
                            for v, c in zip(levels, changes)):
                for level, change in zip(levels, changes):
                    change.metric, change.wording, change.entity = level.metric, level.wording, level.entity
                    change.confidence.update(metric=min(level.confidence["metric"], LISTED_CHANGE),
                                             entity=level.confidence["entity"])
            at = line.find("分别", at + 2)

    def _sharing(self, d: Draft, ctx: "_LineContext") -> list[Draft]:
        """The drafts of the other names of a list that shares the figure (高血压、糖尿病患者规范管理率达65%以上:
        高血压患者规范管理率 too), each a copy of d with its own metric."""
        clause = ctx.line[ctx.comma_start(d.start):d.start]
        if "、" not in clause or "分别" in clause or not d.wording or _DIGIT_IN.search(clause) \
                or self.namer.dimensions.get(d.parsed.unit or "") != "[ratio]" or d.kind in ("change", "share") \
                or any(word in clause for word in ("合计", "总计", "共计", "合并")) \
                or ctx.listed(d.start) is not None:
            return []  # a count after a list (医院、卫生院床位数达5000张), or 合计, is their sum, not each one's;
            # 高血压、糖尿病患者规范管理率达65%、60%: each figure has its own name
        names = [n for n in self.namer.trim(clause).split("、") if n.strip()]
        if len(names) < 2 or any(not 2 <= len(n) <= 10 for n in names[:-1]):
            return []  # 三、四级手术占比: grades of one name, not names
        if names[-1] != d.wording and self.namer.listed_name(names[-1])[0] != d.metric:
            return []  # the figure is not named by the list's last name
        out = []
        for name in shared_names(names, self.namer.segment)[:-1]:
            metric, confidence = self.namer.listed_name(name)
            if metric and metric != d.metric:
                out.append(replace(d, metric=metric, wording=name, links=relations.Links(),
                                   confidence={**d.confidence, "metric": min(confidence, d.confidence["metric"])}))
        return out

    def _named(self, line: str, start: int, end: int) -> bool:
        """Inside a name, grade, slogan or label from rules/extract.yaml (三级医院, 十四五, 1+8+1)."""
        search, at, hi = self.lang.not_quantities.search, max(0, start - 10), end + 8  # 2022-07-13 whole
        while (m := search(line, at, hi)) is not None and m.start() < end:
            if start < m.end():
                return True
            at = m.start() + 1  # overlapping: 2019-5-23Views: 1047 holds 23Views (a model's name) before Views: 1047
        return False

    def _is_claim(self, line: str, start: int, end: int, surface: str) -> bool:
        core = surface.lstrip(PREFIXES_CHARS).removeprefix("-")  # -0.99‰: a negative figure
        before, after = line[start - 1:start] if start else "", line[end:end + 3]
        if before.isascii() and before.isalnum():
            return False  # part of a code such as H7N9
        if _in_address(line, start):
            return False  # http://…/2020/0325/17020801.shtml
        if core[:1] in "第前":  # 第二名 is a rank; 第二党支部 and 第一时间 are names
            return core[0] == "前" or core.endswith(("名", "位")) or not (after[:1] and is_han(after[0]))
        if _is_date(core, after) or _is_label(line, start, end, core) or _in_short_quote(line, start, end):
            return False
        if core.isdigit() and 1 <= int(core) <= 31 and line[:start].endswith("月") and line[start - 2:start - 1].isdigit() \
                and not after.strip():
            return False  # 2020年8月19 ending a line: a date whose 日 was cut off
        if before == "每":
            return False  # 每1000名常住人口: a denominator
        if not core[:1].isdigit():
            only = line[start - 2:start] == "唯一"  # 唯一一家: "the only one" is a count
            return _chinese_is_quantity(core, surface != core or only, after)
        # a bare year names an event (2025中国武陵创伤学大会), or a table's row (1995 | 3182 | 416), but not
        # its cells: 医院 | 1926 | 378854
        return not _BARE_YEAR.fullmatch(core) or (_in_table_cell(line, start, end)
                                                   and not tables.is_years_row(tables.cells(line)))

    def _propose(self, d: Draft, ctx: "_LineContext", year: int | None, about: subject.Subject) -> None:
        clause, sentence = ctx.clause_start(d.start), ctx.sentence_start(d.start)
        column = ctx.table_column(d.start)
        dated = (column.period if column else None) or (tables.row_period(ctx.line) if "|" in ctx.line else None)
        if dated:  # a table's year column or row; a plan's goal under 2025年 in a row marked 预期性
            d.period, d.confidence["period"] = dated + (column.part if column and column.period else ""), 0.8
            future = bool((year and int(dated) > year) or (column is not None and column.planned))
        else:
            d.period, d.confidence["period"], future = self._period(ctx, sentence, d.start, year, about)
        d.kind, d.confidence["kind"] = self._kind(ctx, clause, sentence, d.start, future)
        if column is not None and column.change:  # 医院数 | 个 | 235 | 2.4 under 比上年增长(%)
            d.kind, d.confidence["kind"] = "change", 0.8
        if d.kind == "actual" and d.parsed.unit == "percent" and _share_said_after(ctx.line, clause, d):
            d.kind, d.confidence["kind"] = "share", 0.6  # 手术1.2万台，其中98%为四级手术: a part of the whole
        if future in (SPAN, SINCE) and not (d.kind == "change" and ctx.year_on_year(clause, d.start)):
            d.period = _in_span(d.period, d.kind, ctx.line[:d.start].endswith(self.lang.to_cues), future is SINCE)
        if d.kind == "baseline" and not dated and not _OWN_YEAR.search(ctx.line, max(0, d.start - 8), d.start):
            # 由2020年的77.93岁提高到2021年的78.2岁，孕产妇死亡率从16.9/10万下降到…: a starting value whose
            # year is not printed before it was from some earlier time; the sentence's year is a guess for it
            d.confidence["period"] = min(d.confidence["period"], BASELINE_GUESS)
        if column is None and self._year_before_value(ctx, d):
            # 死亡率为9.80/10万，较上年9.87/10万下降了0.71%: the figure after 较上年 is last year's, the change's start
            d.kind, d.period = "baseline", _year_before(d.period)
        d.metric, d.confidence["metric"] = self._metric(ctx, d, column)  # after the kind: a change may be in %
        self._restated(ctx, d, column)
        limit = "" if column is not None or d.kind == "change" else self._time_limit(ctx, d, clause)
        if limit:  # 30分钟快速响应, 1小时到达现场: a limit the text sets, whatever the tense around it
            d.metric, d.confidence["metric"] = limit, LIMIT_GUESS
            d.kind, d.confidence["kind"] = "target", 0.6
        if d.kind == "share":
            listed = self.namer.share_in(d.metric, ctx.lead(d.start))  # 卫生总费用…，其中个人卫生支出…，占27.7%
            if listed:
                d.metric = listed
            if future is CONTEXT and (listed or _names_a_share(d.metric)):
                d.kind = "target"  # 个人卫生支出占卫生总费用的比重降低到23%以下 under 到2025年: a goal for the share
        if d.kind == "target" and _ADDED.match(ctx.line, ctx.comma_start(d.start), d.start) \
                and not d.metric.startswith("新") and d.metric != "?":
            # 到2025年，新增床位500张，床位总数达到8000张: what is to be added, not the stock
            d.metric, d.confidence["metric"] = "新增" + d.metric, min(d.confidence["metric"], ADDED_GUESS)
        if column is None and d.kind == "actual" and d.period.isdigit() and self._years_counted(ctx, d):
            last = int(d.period)  # 连续两年 in 2022: 2021-2022
            d.period = f"{last - int(d.parsed.value) + 1}-{last}"
        d.entity, d.confidence["entity"] = self._entity(ctx, sentence, d.start, about, d.parsed.unit == "rank")
        place = self._column_place(column)
        if place:
            d.entity, d.confidence["entity"] = place, 0.7
        ctx.memo["figure_of"] = (ctx.base, d.entity, d.confidence["entity"])  # whose the last figure was
        d.unit, d.confidence["unit"] = self._unit(d, column, ctx.line)

    def _year_before_value(self, ctx: "_LineContext", d: Draft) -> bool:
        """The figure stands right after 较上年 (比去年同期的) and a change of it follows in its clause."""
        if not _PREVIOUS_VALUE.search(ctx.line, max(0, d.start - 8), d.start) or not _year_before(d.period):
            return False
        end = d.start + len(d.surface)
        return any(cue in ctx.line[end:ctx.clause_end(end)] for cue in self.lang.change_cues)

    @staticmethod
    def _restated(ctx: "_LineContext", d: Draft, column) -> None:
        """71479人与12884.28万人次，巨大的数字反差…: a figure printed again as it was printed before, with four
        digits or more, is what it was then when its words now name it less surely."""
        said = ctx.memo.setdefault("said", {})  # surface → (metric, confidence) of its surest statement so far
        before = said.get(d.surface)
        if before is not None and before[1] >= RESTATED and d.confidence["metric"] < before[1] and column is None \
                and d.kind == "actual" and len(_DIGIT_IN.findall(d.surface)) >= RESTATED_DIGITS:
            d.metric, d.confidence["metric"] = before[0], min(before[1], RESTATED)
        elif d.kind == "actual" and (before is None or d.confidence["metric"] > before[1]):
            said[d.surface] = (d.metric, d.confidence["metric"])

    def _time_limit(self, ctx: "_LineContext", d: Draft, clause: int) -> str:
        """The name of the time limit a span of time right before what is to be done sets (24小时完成流调 →
        完成流调时限), or "" for a span that is no limit (仅用40分钟便完成, 3年, 缩短至30分钟以内)."""
        if d.parsed.unit == "年" or self.namer.dimensions.get(d.parsed.unit or "") != "[time]":
            return ""
        within = _WITHIN.match(ctx.line, d.start + len(d.surface)).end()
        rest = ctx.line[within:ctx.clause_end(within)]
        if not rest.startswith(self.lang.limit_verbs, _MANNER.match(rest).end()) or \
                any(word in ctx.line[clause:d.start] for word in self.lang.time_taken_words):
            return ""
        return rest[:LIMIT_NAME_MOST].rstrip("的") + "时限"

    @staticmethod
    def _years_counted(ctx: "_LineContext", d: Draft) -> str:
        """连续两年获得全市第一名, 近3年年度考核均为一等奖: a count of years up to the sentence's year: "连续" for a
        run of years, "近" for the last few, "" for any other figure."""
        if d.parsed.unit != "年" or d.parsed.upper is not None or not 1 < d.parsed.value <= YEARS_BACK_MOST \
                or d.parsed.value != d.parsed.value.to_integral_value():
            return ""
        if _COUNTED_YEARS.search(ctx.line, ctx.clause_start(d.start), d.start):
            return "连续"
        return "近" if d.surface.startswith("近") else ""

    def _column_place(self, column) -> str:
        """The place a table's column is headed by (| | 东部地区 | 中部地区 |), as the vocabulary names it."""
        entities = self.registry.entities
        if column is None or not column.words or not entities.known(column.words) or column.words in entities.weak:
            return ""
        return entities.canonical(column.words)

    def _unit(self, d: Draft, column=None, line: str = "") -> tuple[str, float]:
        """The printed unit (the metric's rate when it prints the rate's counter); else the metric's declared
        unit; else a plain count, to be checked."""
        term = self.registry.metrics.get(d.metric)
        declared = str(term.extra["unit"]) if term and term.extra.get("unit") else None
        printed, confidence = d.parsed.unit, 0.9
        if not printed and column is not None:
            printed, confidence = column.unit or column.row_unit, 0.8  # 诊疗人次数 (万人次), or the row's 单位 cell
            if not printed:  # 执业(助理)医师数(万人) | 3.38 | 3.51, 1985年比重(%) | 60.3: the row's name gives it
                printed = tables.bracket_unit(self._in_chinese_units(line.split("|", 1)[0]), self.namer.dimensions)
        if printed:
            if declared and (numerator_of(declared, printed) or self._counts_alike(declared, printed)
                             or printed.startswith(declared + "/人")):
                # 每千人口床位数6.86张: 张 per 1,000 people; 千人医生数2.8名: 名 counts people as 人 does;
                # 人均…补助标准89元/人: the per head the name already says
                return declared, confidence
            return printed, confidence
        if declared:
            return declared, 0.6
        ends = self.namer.names(d.metric)  # 乡镇卫生院、村卫生室诊疗人次39.8亿: the unit of the name it ends with
        term = self.registry.metrics.get(ends[-1][3]) if ends and ends[-1][1] == len(d.metric) and ends[-1][3] else None
        if term is not None and term.extra.get("unit"):
            return str(term.extra["unit"]), 0.4
        said = next((unit for end, unit in _UNIT_OF_NAME_END if d.metric.endswith(end)), None)
        return (said, 0.3) if said else ("个", 0.2)  # 死亡人数 | 6346: people, though no unit is printed

    def _by_kind(self, ctx: "_LineContext", start: int) -> "naming.Naming | None":
        """A figure in a breakdown (医疗机构按经济类型分，国有3804个，集体16860个): its kind and the whole."""
        by = _last_match(_BROKEN_DOWN, ctx.line, 0, start)
        if by is None or self.namer.breakdowns.get(by.group(1)) != "institutions":
            return None
        kind = ctx.line[max(ctx.phrase_start(start), by.end()):start].strip(" ：:，,；;、")
        if not 1 <= len(kind) <= 6 or not all(is_han(c) for c in kind) or by.group(1) in kind:
            return None  # 按等级分：三级医院: the kind names the whole itself
        return naming.Naming(kind + by.group(1) + "数", CLASS_GUESS, kind)

    def _in_age(self, metric: str) -> bool:
        """An indicator given in years of age (人均预期寿命: 岁), which a span of years is never a value of."""
        term = self.registry.metrics.get(metric)
        return term is not None and str(term.extra.get("unit", "")) == "岁"

    def _counts_alike(self, rate: str, counter: str) -> bool:
        dims = self.namer.dimensions
        return "/" in rate and dims.get(counter) is not None and dims.get(rate.split("/", 1)[0]) == dims.get(counter)

    def _metric(self, ctx: "_LineContext", d: Draft, column) -> tuple[str, float]:
        start, end = d.start, d.start + len(d.surface)
        if column is not None:  # a table's cell: its column's headers name it, or its row's when they only date it
            first = tables.row_name(ctx.line)  # the row's name; a yearbook's # row is 其中, some of the row above
            part_row = first.startswith(("#", "＃"))
            first = first.lstrip("#＃")
            # | | 东部地区 | 中部地区 |: columns of places say whose the row's figures are, the row says what
            place = self._column_place(column)
            if first in TOTAL_ROWS:  # 合计 | 4757 | 4869 under years: the total the caption names (医疗卫生机构数)
                first = tables.caption_name(ctx.table_caption(), self.namer.dimensions) if not column.words else ""
            elif self.namer.breakdowns.get(first) in ("grades", "affiliations"):  # 政府办 | 2872 under 卫生院 | 2879
                first += next((n for n in ctx.row_names_above() if self.namer.breakdowns.get(n) == "institutions"), "")
            words = (column.words if not place else "") or column.row_name or \
                tables.without_unit(first, self.namer.dimensions)
            # what the caption measures, then the lines above: 医院 | 5090.67 under 表1 总诊疗人次数(万人次)
            topics = (lambda: self.namer.topics(ctx.table_caption()) + ctx.topics(0)) if not column.words else list
            unit = d.parsed.unit or column.unit or column.row_unit
            if column.change and self.namer.dimensions.get(unit or "") in naming.RATIOS:
                # 医院 | … | 4.36 under 增减百分比(%): a change of what the row's figures measure, as they are named
                unit = tables.caption_unit(ctx.table_caption(), self.namer.dimensions) or unit
            named = self.namer.name(words, self.namer.names(words), unit, [], topics, "", None,
                                    d.kind in ("change", "share"))
            if column.words and not column.row_name:  # 医院 | 1926 | 378854 under 机构数, 床位数: the hospitals'
                narrowed = self.namer.of_institutions(first, named.metric)
                if narrowed is None and named.confidence < ROW_NAMES_IT and _names_a_thing(first) \
                        and not ctx.row_entity() and not place:  # 原煤 | 13.61亿吨 under 产量
                    words = first + column.words
                    narrowed = self.namer.name(words, self.namer.names(words), d.parsed.unit or column.unit, [], list,
                                               "", None, d.kind in ("change", "share"))
                named = narrowed or named
            named = self._of_caption_kind(ctx, named) if not column.words else named
            d.wording = words
            ctx.previous_end = end
            if part_row and self._as_row_above(ctx, named.metric, unit):
                return named.metric, min(named.confidence, PART_ROW_GUESS)  # #出院病人数 under 本年出院人数: some of them
            return named.metric, min(named.confidence, 0.8)
        if ctx.line[start - 1:start] == "?" and is_han(ctx.line[start - 2:start - 1]):
            ctx.previous_end = end
            return "?", 0.0  # 居民医?;鸬逼诮岽?75.46亿元: its name lost to a wrong decoding (CC415), not the one above
        if not d.parsed.unit and ctx.line.strip() == d.surface:
            cell = self._cell_name_above(ctx)
            if cell:  # 人均期望寿命 / 83.16 / (市级测算) / ≥80: a table pasted a cell per line that is no row
                ctx.previous_end = end
                return cell, CELL_ABOVE_GUESS
        sentence, lo = ctx.sentence_start(start), ctx.phrase_start(start)
        if ctx.line[start - 2:start] in ("1:", "1∶"):
            lo = ctx.phrase_start(start - 2)  # 医护比为1:1.21: the ratio's name stands before its first term
        lo = next((h[1] for h in ctx.entities if h[0] == lo and h[1] < start), lo)  # 浙江省|医护比: whose, not what
        if d.parsed.unit == "rank":
            ranked = self._rank_name(ctx, sentence, start)
            if ranked:
                ctx.previous_end = end
                return ranked, RANK_GUESS
        running = self._years_counted(ctx, d) == "连续"
        if running:  # 粮食总产量连续9年稳定在…: what stands before 连续 is named (and names the figures after)
            start -= len("连续")
        listed = ctx.listed(start)
        if listed is not None:
            phrase, hits = listed, self.namer.names(listed)
        else:
            if self.namer.dimensions.get(d.parsed.unit or "") in naming.COUNTED or \
                    (not d.parsed.unit and d.surface[:1].isdigit()):  # 诊疗人次39.8亿; not 四大专区
                lo = ctx.joint_start(lo, start)  # a sum; a rate the names share is drafted for each (_sharing)
            phrase = ctx.line[lo:start]
            hits = [(s - lo, e - lo, *rest) for s, e, *rest in ctx.names if s >= lo and e <= start]
        rate = naming.RATE_PREFIX.search(ctx.line, ctx.comma_start(start), start)
        if rate is None and d.parsed.value != d.parsed.value.to_integral_value() and \
                self.namer.dimensions.get(d.parsed.unit or "") in naming.COUNTED:
            rate = naming.RATE_PREFIX.search(ctx.line, sentence, start)  # 13.87人 is no count: a rate of the list
        earlier = [m for at, m in ctx.mentions if at == sentence]
        after = next((h for h in ctx.names if h[0] >= end and h[1] <= ctx.clause_end(end) and h[3]
                      and not _opens_aside(ctx.line, end, h[0])), None)  # 168.2万人(其中卫生技术人员…): a part
        following = ctx.line[end:ctx.clause_end(end)]
        years = d.parsed.unit == "年"  # 近5年人均预期寿命增量…: a span of years measures nothing named around it
        if years:
            after, following = None, ""
        if d.parsed.unit and d.surface.endswith(d.parsed.unit) and len(d.parsed.unit) == 1 and following:
            word = self.namer.segment(ctx.line[end - 1:end + 5])[0][0]
            if len(word) >= 3:  # 396家庭医生队伍: 家 begins 家庭医生, the words after it name what is counted
                following = d.parsed.unit + following
        topics = (lambda: [t for t in ctx.topics(lo) if not self._in_age(t[1])]) if years \
            else (lambda: ctx.topics(lo))  # 在五年的发展历程中: a span of years, not the 人均预期寿命 (岁) above
        named = self.namer.name(phrase, hits, d.parsed.unit, earlier, topics,
                                naming.rate_of(rate) if rate else "", after, d.kind in ("change", "share"),
                                following, ctx.lead(start), ctx.list_mate(start), ctx.paragraph_lead(sentence))
        if named.confidence <= CLASS_GUESS and d.kind != "share":  # 医疗机构按经济类型分，国有3804个: a kind
            named = self._by_kind(ctx, start) or named
        if earlier and _CLASS_OF_BEFORE.fullmatch(ctx.line, ctx.previous_end, start):
            # 占比超过10%的有44种、超过20%的有23种: a class the figure before defines, unnamed
            named = naming.Naming(named.metric, min(named.confidence, CLASS_GUESS), named.wording)
        named = self._qualified_like(ctx.list_mate(start), named)
        ctx.mentions.append((sentence, naming.Mention(end, named.metric, self.namer.dimension_of(named.metric),
                                                      ctx.nested(start), named.confidence)))
        ctx.previous_end = end
        d.wording = named.wording
        named = self._of_paragraph_head(named, ctx.paragraph_lead(sentence))
        per = self._per_each(ctx, start)
        if per is not None and rate is None and not named.metric.startswith(per.group()):
            # 平均每村村卫生室人员2.32人: an average per village, not the count of the staff
            return per.group() + named.metric, min(named.confidence, PER_EACH_GUESS)
        if running:  # 连续两年获得全市第一名: what held for those years, after what it held of (医院连续 was no name)
            said = named.wording if named.wording and named.wording in ctx.line[ctx.clause_start(start):start] else ""
            of = (named.metric if named.metric != "?" else said) if said else ""
            return of + self._held(ctx.line, end) + "连续年数", COUNTED_GUESS
        return named.metric, named.confidence

    def _held(self, line: str, end: int) -> str:
        """The words after a count of years that say what held in them, whole words to COUNTED_THEN_MOST
        characters: 获得全市第一名 in 连续两年获得全市第一名的优异成绩."""
        then = _COUNTED_THEN.match(line, end)
        if not then:
            return ""
        held = ""
        for word, _ in self.namer.segment(then.group()):
            if len(held) + len(word) > COUNTED_THEN_MOST:
                break
            held += word
        return held

    def _of_paragraph_head(self, named: "naming.Naming", lead: str) -> "naming.Naming":
        """职工基本医疗保险基金总收入54.1亿元。基金总支出45.39亿元: a name opening with a head the paragraph's
        first figure qualified (基金) is of the same fund: 职工基本医疗保险基金总支出."""
        head = next((h for h in self.lang.shared_heads if named.metric.startswith(h)), None)
        at = lead.find(head) if head else -1
        if at <= 0 or lead == named.metric:
            return named
        return naming.Naming(lead[:at] + named.metric, named.confidence, named.wording)

    @staticmethod
    def _qualified_like(mate: "naming.Mention | None", named: "naming.Naming") -> "naming.Naming":
        """建成老年友善医疗机构的综合性医院15624个、基层医疗卫生机构39138个: the items after the first of a list
        of 、 share what qualifies it (…的)."""
        if mate is None or mate.confidence > CLASS_GUESS or "的" not in mate.metric or "的" in named.metric:
            return named
        qualifier = mate.metric[:mate.metric.rindex("的") + 1]
        return naming.Naming(qualifier + named.metric, CLASS_GUESS, named.wording)

    def _per_each(self, ctx: "_LineContext", start: int) -> re.Match | None:
        """平均每村…, in the figure's clause or, for a clause that goes on with the year's or day's figures
        (平均每个中心年诊疗量9.1万人次，年入院量531人次), in the clauses before it up to ；."""
        clause = ctx.comma_start(start)
        per = _PER_EACH.search(ctx.line, clause, start)
        if per is None and ctx.line.startswith(("年", "日"), clause):
            part = words.sentence_start(ctx.line, clause, words.SENTENCE_MARKS + "；;")
            per = _last_match(_PER_EACH, ctx.line, part, clause)
        return per

    def _entity(self, ctx: "_LineContext", sentence: int, start: int, about: subject.Subject,
                ranked: bool = False) -> tuple[str, float]:
        """The entity the figure's clause or sentence names (全省 and 我市 stand for the subject); else the
        document's subject. A rank's place just before it is the field it is ranked in."""
        row = ctx.row_entity()
        if row:
            return row, 0.7
        outside = [h for h in ctx.entities if not (ctx.nested(h[0]) and _closes(ctx.line, h[1], start))
                   and not self._counted_thing(ctx.line, h)]
        # 全省（不含武汉市）共报告…: the aside, closed before the figure, qualifies 全省; （全市共两家） is the figure's
        if ranked:  # 医院门急诊人次全市排名第四: 全市 is where it is ranked, not what
            outside = [h for h in outside if not self._ranks_within(ctx.line, h, start)]
        # 地区生产总值增长4.7%、低于全国0.3个百分点: the country is what the figure is compared with; 低于全国的
        # 5.11张 is the country's figure
        outside = [h for h in outside if not ctx.line.endswith(self.lang.compared_words, 0, h[0])
                   or "的" in ctx.line[h[1]:start]]
        hospitals = [h for h in outside if self._hospital(h[2])]  # not one compared with or gone to (赴)
        clause = ctx.comma_start(start)
        hit = ctx.last(outside, clause, start)
        group = None if hit else _last_match(self.lang.place_groups, ctx.line, clause, start)
        if group is not None:  # 有8个省份的人均预期寿命超过80岁: those provinces', not the country's
            return group.group(), GROUP_GUESS
        hit = hit or ctx.last(outside, sentence, start)
        entities = self.registry.entities
        if (not hit or hit in self.lang.level_words) and (self._names_itself(ctx.line, sentence, ctx)
                                                           or self._names_itself(ctx.line, clause, ctx)):
            # …助力重庆大学附属黔江医院呈现跨越式发展。医院分两批选派120名管理干部, 医院连续两年获得全市第一名:
            # the institution the text named last, not the place it ranks in
            heading = ctx.section_entity()
            named = ctx.last(hospitals, 0, clause) \
                or (heading if heading and self._hospital(heading) else self._hospital_named_above(ctx))
            if named:
                return _as_subject(entities.canonical(named), about), SELF_NAMED
        if hit and (hit not in self.lang.level_words or entities.known(hit)):  # a project may name 全市
            return _as_subject(entities.canonical(hit), about), 0.8
        if hit:  # 全省, 我市: the document's own place
            return (about.name, 0.8 if about.confidence >= 0.5 else 0.3) if about.name else (hit, 0.2)
        subject_above = self._hospital_above(ctx, outside, hospitals, sentence)
        if subject_above:  # 安徽医科大学第二附属医院,2019年门急诊180万人次。2020年,门急诊量则为176.48万人次
            return subject_above
        heading = ctx.section_entity()
        if heading:
            named = _as_subject(heading, about)
            return named, 0.8 if named == about.name and about.confidence >= 0.5 else 0.6
        return (about.name, about.confidence) if about.name else ("?", 0.0)

    def _of_caption_kind(self, ctx: "_LineContext", named: "naming.Naming") -> "naming.Naming":
        """A row of a table whose caption names a kind of institution (县及县以上医院工作状况 | 病床使用率 | 84.2) is
        that kind's indicator, when the vocabulary composes it and the row names no kind of its own."""
        caption = ctx.table_caption()
        kinds = [h[2] for h in self.namer.names(caption) if h[4] == "institutions"] if caption else []
        if not kinds or named.metric == "?" or any(named.metric.startswith(k) for k in self.namer.breakdowns):
            return named
        composed = kinds[-1] + named.metric
        self.registry.metrics.learn([composed])
        if not self.registry.metrics.known(composed):
            return named
        return naming.Naming(self.registry.metrics.canonical(composed), named.confidence, named.wording)

    def _as_row_above(self, ctx: "_LineContext", metric: str, unit: str | None) -> bool:
        """A yearbook's # row (其中) named as the row it is a part of, the nearest above without #."""
        parent = next((n for n in ctx.row_names_above() if not n.startswith(("#", "＃"))), "")
        words = tables.without_unit(parent, self.namer.dimensions)
        return bool(words) and self._of_caption_kind(
            ctx, self.namer.name(words, self.namer.names(words), unit, [], list, "")).metric == metric

    def _counted_thing(self, line: str, hit: tuple) -> bool:
        """An event, programme or route named right before a count of it (全市开展健康集市4场、区县级集市47场) is
        what is counted, not whose figures its sentence gives."""
        term = self.registry.entities.get(hit[2])
        return term is not None and term.extra.get("type") in _COUNTED_TYPES and line[hit[1]:hit[1] + 1] in _COUNT_OPENS

    def _in_chinese_units(self, cell: str) -> str:
        """cell with a unit printed in English in brackets written as its Chinese unit: Beds(unit) → Beds(个)."""
        if "(" not in cell or not self.lang.english_units:
            return cell
        return _ENGLISH_UNIT.sub(lambda m: "(" + self.lang.english_units.get(m.group(1).strip().lower(), m.group(1)) + ")",
                                 cell)

    def _cell_name_above(self, ctx: "_LineContext") -> str:
        """The indicator the nearest line above with words names, when the lines between hold only figures,
        units or notes in brackets: a bare figure's cell under its row's name."""
        for start, end in ctx.lines_above(CELL_LOOK_BACK):
            cell = ctx.text[start:end].strip()
            if not cell or _CELL_NOT_NAME.fullmatch(cell):
                continue
            self.registry.metrics.learn([cell])
            return self.registry.metrics.canonical(cell) if self.registry.metrics.known(cell) else ""
        return ""

    def _names_itself(self, line: str, at: int, ctx: "_LineContext | None" = None) -> bool:
        """医院, 该中心 or 我委 opens the clause at `at`, standing for an institution (中心城区 is no 中心); not
        医院 opening an indicator of hospitals (医院出院患者平均住院日为8.25日: a bulletin's, of all hospitals)."""
        if not line.startswith(self.lang.self_words, at) or _NOT_SELF.match(line, at):
            return False
        if ctx is not None:
            parts = {h[1] for h in ctx.names if h[0] == at and h[4] == "institutions"}
            if any(h[0] in parts and h[3] for h in ctx.names):
                return False
        return True

    def _hospital_named_above(self, ctx: "_LineContext") -> str:
        """The hospital the lines above that state figures named last, not one compared with or gone to (赴):
        what 医院 opening a paragraph stands for. Read from the text (each line once for the whole scan), so
        that a document cut into parts gives the drafts of the whole."""
        for start, end in ctx.lines_above(SECTION_LOOK_BACK):
            key = ("hospital named", id(ctx.text), start)
            if key not in ctx.memo:
                line = ctx.text[start:end]
                named = [h for h in self.entity_names.hits(line) if self._hospital(h[2])
                         and not line.endswith(self.lang.compared_words, 0, h[0])] if _DIGIT_IN.search(line) else []
                ctx.memo[key] = named[-1][2] if named else ""
            if ctx.memo[key]:
                return ctx.memo[key]
        return ""

    def _hospital_above(self, ctx: "_LineContext", outside: list, hospitals: list, sentence: int):
        """The hospital whose figures a sentence naming no one goes on with: the one the figures before it in
        its paragraph were of, or that opened a clause of the sentence before (…,中国科学技术大学附属第一医院的运营
        数据同样亮眼。年门诊增长80.7万人次); in a paragraph naming no one, the one the paragraph just above was
        about, as a guess (…手术台次13.48万。\n\n2021年,年度门诊人次582万). None when there is none."""
        line, above, sure = ctx.memo.get("figure_of", (None, "", 0.0))
        if line == ctx.base and self._hospital(above):
            return above, min(sure, HOSPITAL_GOES_ON)
        named = next((h for h in reversed(outside) if h[1] <= sentence), None)
        if named in hospitals and _opens_clause(ctx.line, named[0]):
            return self.registry.entities.canonical(named[2]), HOSPITAL_GOES_ON  # not 、长春中医药大学附属医院 in a list
        if not ctx.entities:
            start, paragraph = ctx.paragraph_above()
            key = ("paragraph subject", id(ctx.text), start)
            if key not in ctx.memo:  # read once, not for each figure of the lines below it that names no one
                ctx.memo[key] = self._subject_of(paragraph)
            if ctx.memo[key]:
                return ctx.memo[key], HOSPITAL_ABOVE
        return None

    def _subject_of(self, paragraph: str) -> str:
        """The hospital a paragraph gives figures of: the last place or institution it names outside brackets,
        a hospital opening a clause with a figure after it; else ""."""
        hits = [h for h in self.entity_names.hits(paragraph) if not _in_brackets(paragraph, h[0])]
        if not hits or not self._hospital(hits[-1][2]) or not _opens_clause(paragraph, hits[-1][0]):
            return ""
        return self.registry.entities.canonical(hits[-1][2]) if _DIGIT_IN.search(paragraph, hits[-1][1]) else ""

    def _institution(self, name: str) -> bool:
        """A name the entities hold as an institution, or know nothing of (重庆大学附属黔江医院), not a place."""
        term = self.registry.entities.get(name)
        return name not in self.lang.level_words and (term is None or term.extra.get("type") not in _PLACE_TYPES)

    def _hospital(self, name: str) -> bool:
        """An institution 医院, 该中心 or 我委 may stand for: not a department (消化内科), its party branch or a
        campaign (“健康中国巴渝行”)."""
        return self._institution(name) and name.endswith(_WHOLE_ENDS)

    def _rank_name(self, ctx: "_LineContext", sentence: int, start: int) -> str:
        """What a rank ranks and its field: 门急诊人次77.4万人次，全市排名第四 → 门急诊人次全市排名; 居民健康素养水平
        位居全国第三 → 居民健康素养水平全国排名; 位居重庆市区县第二 → 区县排名. Empty without a field."""
        clause = ctx.comma_start(start)
        pool = next((h for h in reversed(ctx.entities) if clause <= h[0] and h[1] <= start
                     and self._ranks_within(ctx.line, h, start)), None)
        if pool is None:
            return ""
        kind = _trimmed(_RANKS_BEFORE.sub("", ctx.line[pool[1]:start]), (), self.lang.rank_words)
        field = pool[2] + kind if pool[2] in self.lang.level_words or pool[2] == "全国" or not kind else kind
        ranked = ctx.line[clause:pool[0]]
        for at, end, _ in ctx.entities:
            if clause <= at and end <= pool[0]:
                ranked = ranked.replace(ctx.line[at:end], "")
        ranked = _trimmed(_AFTER_FIGURES.split(_YEAR_WORD.sub("", ranked))[-1], self.lang.self_words,
                          self.lang.rank_words)
        if ranked in self.namer.dimensions:  # 人均预期寿命达到80岁位列全国第七: 岁 is the figure's unit
            ranked = ""
        run = ctx.run_at(clause, start)
        earlier = [m for at, m in ctx.mentions if at == sentence]
        if not ranked and len(run) > 1 and len(earlier) >= len(run) and "分别" in ctx.line[clause:run[0]]:
            # 一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九: in the same order
            ranked = earlier[len(earlier) - len(run) + run.index(start)].metric.replace("?", "")
        if not ranked:  # …77.4万人次，全市排名第四; 研发投入强度2.61%、居中国西部第1: the figure just before
            ranked = next((m.metric for m in reversed(earlier) if m.metric != "?" and m.end >= clause - 1), "")
        return ranked + field + "排名"

    def _ranks_within(self, line: str, hit: tuple, start: int) -> bool:
        """The place named just before a rank (全市排名第四, 位居全国前三, 全省同类医院第一) is its field."""
        at, end, name = hit
        if not _RANK_FIELD.fullmatch(_RANKS_BEFORE.sub("", line[end:start])):
            return False
        return name in self.lang.level_words or subject.is_place(self.registry.entities, name)

    def _period(self, ctx: "_LineContext", sentence: int, start: int, year: int | None,
                about: subject.Subject) -> tuple[str, float, bool]:
        spanned = self._spanned_change(ctx, sentence, start, year)
        if spanned:
            return spanned
        found = None  # the last year of the sentence before the number (years come sorted and apart)
        for m in ctx.years:
            if m.end() > start:
                break
            if m.start() >= sentence and not _compared_with(ctx.line, m.start(), m.end()) \
                    and not self._of_baseline(ctx.line, m.start(), m.end(), start):
                found = m
        if found and ctx.line[:start].endswith(self.lang.to_cues) and \
                any(found.start() < at < start for at in ctx.baselines) and \
                not ctx.line[:found.start()].endswith(_UP_TO):
            found = None  # 由2020年的88.6%提升到93.4%: the year belongs to the starting value (not 至2020年底，…从…提高到)
        named = _last_between(ctx.named, sentence, start)
        if named and (not found or named[0] > found.start()):
            opening = ctx.line[:named[0]].rstrip("“\"「")
            closed = self._named_period_end(ctx.line, named[0])
            if opening.endswith(self.lang.baseline_cues) and self._after_to_cue(ctx, start):
                named = None  # 从“十二五”末的71.7岁提高到73.7岁: the period dates the starting figure only
            elif opening.endswith(("较", "比", "与", "和")) and start - named[0] > _NAMED_PERIOD_REACH:
                named = None  # 较“十三五”末的9323.1亿元增加4374.4亿元: the period compared with dates its own figure
            elif opening.endswith(("到", "至")):  # 到“十四五”期末: a target for its last year, unless it is past
                last = named[1].rpartition("-")[2]
                return last, 0.7, not (year and last.isdigit() and int(last) <= year)
            elif closed:
                return named[1].rpartition("-")[2], 0.7, False  # “十二五”末: its last year
            else:
                return named[1], 0.7, SPAN
        if found:
            m = found
            period = _period_of(m)
            since = _since(ctx.line, m, year)
            if since:
                return since, 0.7, SINCE
            ahead = int(m.group("y")) > year if year else ctx.line[:m.start()].endswith(("到", "至"))
            return period, 0.8, ahead  # a text with no year of its own: 到2025年 still sets a goal
        span = _years_back(ctx.line, sentence, start, year)
        if span:  # 5年来，医院累计下派专家463人次: the five years up to the document's
            return span, 0.6, SPAN
        ahead = _years_ahead(ctx.line, sentence, start, year)
        if ahead:  # 未来五年人均预期寿命超80岁: a goal for the span's last year
            return ahead, 0.6, True
        said = [r for r in ctx.relative if not _compared_with(ctx.line, r[0], r[0] + 2)
                and not self._of_baseline(ctx.line, r[0], r[0] + 2, start)]
        relative = _last_between(said, sentence, start)
        if relative is None:  # 今年上半年门诊急诊77.4万人次…；区外患者占比26.30%；…: it opens the whole sentence
            opened = words.sentence_start(ctx.line, start)
            relative = next((r for r in said if opened <= r[0] <= opened + RELATIVE_OPENS < sentence), None)
        if relative and year and not ctx.line[:start].endswith(self.lang.to_cues):
            part = YEAR_PART.match(ctx.line, relative[0] + 2)  # 今年上半年: the relative words are two characters
            said = (about.now or year) + relative[1]  # 今年 is the year the text speaks in
            return in_part(str(said), part), 0.7, said > year
        now = self._present.search(ctx.line, sentence, start)
        ahead = "" if now else ctx.future_context(sentence, year)
        if ahead:  # 到2025年底，建成全国健康城市。… 建成互联网医院3家。: the plan's items share its year
            return ahead, 0.5, CONTEXT
        stated = _last_between([(m.start(), m) for m in ctx.years if m.end() <= sentence and year
                                and int(m.group("y")) <= year and not _compared_with(ctx.line, m.start(), m.end())
                                and _STATES_WHEN.match(ctx.line, m.end())  # 2020年末，…; not 2021年度医改考核
                                and not ctx.line[:m.start()].endswith(self.lang.baseline_cues)],  # 由2017年的5.9次
                               0, sentence) if not (now and year) else None  # 目前…: the document's own year
        since = _since(ctx.line, stated[1], year) if stated else ""  # 2023年以来，…。据了解，…由9.87%提升至12.83%
        if since:
            return since, 0.5, SINCE
        part = _bare_part(ctx.line, sentence, ctx.comma_start(start), start) if year else None
        if part is not None:  # 1-11月，全市出院人数58.2万人; 前三季度，…: that part of the paragraph's or the text's year
            return in_part(stated[1].group("y") if stated else str(year), part), 0.5, False
        if stated:  # 2020年末，人均预期寿命82.25岁。…农村卫生户厕普及率达99.9%: the paragraph's year
            return _period_of(stated[1]), 0.5, False
        if about.period:
            return about.period, 0.4, False
        return (str(year), 0.4, False) if year else ("unknown", 0.0, False)

    def _spanned_change(self, ctx: "_LineContext", sentence: int, start: int, year: int | None) -> tuple | None:
        """2020年至2024年，…占比由29.38%下降至27.38%: the start of a change a span of years frames is of its first
        year, where it went of its last; None for any other figure."""
        span = _last_match(_FROM_TO_YEARS, ctx.line, sentence, start)
        cue = next((at for at in reversed(ctx.baselines) if span and span.end() <= at < start), None)
        if cue is None:
            return None
        first, last = span.group(1), span.group(2)
        if ctx.line[:start].endswith(self.lang.to_cues):
            return last, 0.7, bool(year and int(last) > year)
        if not any(word in ctx.line[cue:start] for word in self.lang.to_cues) and self._starts_a_change(ctx, cue, start):
            return first, 0.7, False
        return None

    def _time_frame(self, text: str, year: int, now: int | None = None) -> str | None:
        """What a stretch of text says of the time of the text after it: a target year ("2025"), the
        present or the past (""), or nothing (None). now: the year a work report speaks in, later than the
        year it reports on: its 今年 is a year ahead."""
        if now and now > year and any(word in text for word in self.lang.now_words):
            return str(now)  # 三、2026年工作安排 今年是“十五五”开局之年…: what follows plans 2026
        if _NOW_PLANNED.search(text):
            return str(now or year)  # 今年深圳将怎么做，有哪些新目标: what follows is this year's plan
        if self._present.search(text):
            return ""
        last, reported = None, False
        if "年" in text:
            for m in YEAR.finditer(text):
                if (text[m.start() - 1:m.start()] in _SPAN_MARKS and text[m.start() - 2:m.start() - 1].isdigit()) \
                        or text.rfind("《", 0, m.start()) > text.rfind("》", 0, m.start()):
                    continue  # 《健康中国行动(2019—2030年)》: the end of a span in a title, no time of the text
                last, reported = m, reported or int(m.group("y")) <= year
        if last is not None:
            y = int(last.group("y"))
            before = text[max(0, last.start() - 4):last.start()]
            aimed = y > year and (any(cue in before for cue in ("到", "至", *self.lang.target_cues))
                                  or text.startswith(("底", "年底", "目标"), last.end())
                                  or self._plan_after.match(text, last.end())
                                  or (y > max(year + 1, now or 0) and not reported))
            # 煤层气产量2030年达到300亿立方米: a year ahead of any now, in a line that reports no year of its own
            return str(y) if aimed else ""
        if self._targets.search(text):
            for word, span in self.lang.named_periods.items():
                if word in text and span[-4:].isdigit() and int(span[-4:]) > year:
                    return span[-4:]  # 奋进·“十四五”目标: the plan's last year
        return None

    def _after_to_cue(self, ctx: "_LineContext", start: int) -> bool:
        """The figure at start, or the first of the run of figures it is in, follows a to-cue (降至现在的2.05‰、3.04‰)."""
        run = ctx.run_at(ctx.comma_start(start), start)
        return _NOW_AFTER.sub("", ctx.line[:run[0] if run else start]).endswith(self.lang.to_cues)

    def _named_period_end(self, line: str, at: int) -> bool:
        """The named period at line[at:] is followed by 末 or 期末 (“十二五”末): its last year."""
        word = next((w for w in self.lang.named_periods if line.startswith(w, at)), "")
        return bool(word) and line[at + len(word):].lstrip("”’\"」』").startswith(("末", "期末", "时期末"))

    def _of_baseline(self, line: str, start: int, end: int, figure: int) -> bool:
        """由去年3.81张提高到4.25张: the year after 由 dates the starting figure only, not the figures after."""
        return line[:start].endswith(self.lang.baseline_cues) and figure - end > 3

    def _estimated(self, line: str, cue: int, start: int) -> bool:
        """The cue at cue is 预计 for the figure at start in a year not ahead (a year ahead made it a target
        before): the year's estimated figure, unless 将 says it is yet to come."""
        return line.startswith(self.lang.estimate_cues, cue) and not any(
            word in line[cue:start] for word in self.lang.ahead_words)

    def _starts_a_change(self, ctx: "_LineContext", cue: int, start: int) -> bool:
        """由/从 at cue makes the figure at start a starting value only when the sentence goes on to where it
        went (由88.6%提升到93.4%, 从2015年的X到2019年的Y), and not past it already (从两千多人增长到现在的两万多人):
        从全国3586个申报案例中突围 starts nothing."""
        if any(cue_word in ctx.line[cue:start] for cue_word in self.lang.to_cues):
            return False
        rest = ctx.sentence_rest(start)
        return any(word in rest for word in (*self.lang.to_cues, *_BARE_TO))

    def _kind(self, ctx: "_LineContext", clause: int, sentence: int, start: int, future) -> tuple[str, float]:
        """future: True for a year ahead in the sentence, CONTEXT for one the text before set (a change or a
        share stated under it stays one: 重大慢性病过早死亡率下降13.5% under “十四五”目标)."""
        if future is not True and not ctx.line[:start].endswith(self.lang.to_cues) and any(
                clause <= at < start and start - at <= 14 and self._starts_a_change(ctx, at, start) for at in ctx.baselines):
            return "baseline", 0.6  # 到2020年…从2015年的73.25岁增长到74岁: the start of a planned change is no goal
        if future is True and _DONE.search(ctx.line, max(0, start - 6), start):
            return "actual", 0.6  # 至十三五末,…达到了80.6岁: reached (了), not yet to come
        if future is True:
            return "target", 0.8
        for at in ctx.targets:
            if sentence <= at < start and not self._estimated(ctx.line, at, start) \
                    and not (ctx.nested(at) and _closes(ctx.line, at, start)):  # (全年任务62%) is its own
                return "target", 0.6
        comma = max(ctx.comma_start(start), ctx.previous_end)
        listed = ctx.line.find("分别", ctx.comma_start(start), start)
        for at, end in ctx.changes:
            if ctx.line.startswith(self.lang.change_blockers, end):
                continue
            if start - 3 <= end <= start or (listed >= 0 and listed < at < start):
                return "change", 0.7  # 分别增加3.29%、2.47%: the list shares its cue
        if any(comma <= at < start for at in ctx.leads) or self._goes_on_led(ctx, start):
            ctx.led_item = start  # 新增卒中中心6家、胸痛中心5家: the items listed after a lead are new too
            return "change", 0.6
        if _COMPARISON.search(ctx.line, comma, start):  # 民营医院比公立医院多0.8万个: a difference, no level
            return "change", 0.6
        for at, end in ctx.shares:
            if start - 2 <= end <= start or (comma <= at and end <= start):
                return "share", 0.6
        if future is CONTEXT:
            return "target", 0.5
        return "actual", 0.5

    def _goes_on_led(self, ctx: "_LineContext", start: int) -> bool:
        """The figure is the next item, after 、, of a list whose item before a lead made a change (新增A 6家、B 5家):
        a name and a bare figure, no verb before it (新增1700公里、突破7000公里, 新增就业522万人、…转移稳定在2500万人:
        levels)."""
        if ctx.led_item < 0 or not ctx.previous_end > ctx.led_item:
            return False
        led_end = min((m.end for _, m in ctx.mentions if m.end > ctx.led_item), default=-1)
        if led_end != ctx.previous_end:
            return False  # 新增医院3家，现有床位500张、医生200人: the item before was no new one
        between = ctx.line[ctx.previous_end:start]
        if between[:1] != words.LIST_MARK or any(mark in between for mark in words.CLAUSE_MARKS) \
                or _DIGIT_IN.search(between) or not ctx.line[start:start + 1].isdigit():
            return False
        tagged = [t for t in self.namer.segment(between[1:]) if t[0].strip()]
        return bool(tagged) and not (tagged[-1][1][:1] in ("v", "d", "p", "a", "u") and tagged[-1][1] != "vn")


def shared_names(names: list[str], segment, known=None) -> list[str]:
    """The names of a list whose last one ends in what they all measure (高血压、糖尿病患者规范管理率;
    孕产妇、婴儿死亡率): each earlier name that ends in no measure takes the last one's words after its first
    (糖尿病 | 患者规范管理率), so that each names an indicator; but not a name the vocabulary knows as it
    stands and not with those words (known(name)): 每千人托位、养老床位数 are two indicators."""
    age = _AGE_GROUP.match(names[-1])  # 新生儿、婴儿和5岁以下儿童死亡率: 5岁以下儿童 is one word here
    words = [names[-1][:age.end()], names[-1][age.end():]] if age and age.end() < len(names[-1]) else \
        [w for w, _ in segment(names[-1]) if w.strip()]
    tail = "".join(words[1:])
    if len(words) < 2 or not tail.endswith(_MEASURE_ENDS):
        return names

    def lent(n: str) -> str:
        if n.endswith(_MEASURE_ENDS) or _DIGIT_IN.search(n) or (known and known(n) and not known(n + tail)):
            return n
        return n + tail
    return [lent(n) for n in names[:-1]] + names[-1:]


def _since(line: str, m: re.Match, year: int | None) -> str:
    """The span from the year m matches to the document's, when the text says since (2023年以来, 至今)."""
    if year and line.startswith(("以来", "至今"), m.end()) and int(m.group("y")) < year:
        return f"{m.group('y')}-{year}"
    return ""


def _share_said_after(line: str, clause: int, d: Draft) -> bool:
    """其中98%为四级手术: a percent that opens its clause (after 其中 at most) and says what part it is after."""
    return line[clause:d.start].strip(" ：:") in ("其中", "") and line.startswith(("为", "是"), d.start + len(d.surface))


def _opens_aside(line: str, end: int, at: int) -> bool:
    """A bracket opens between the figure's end and position at."""
    return "(" in line[end:at] or "（" in line[end:at]


def _starting_list(before: Draft, line: str, start: int) -> bool:
    """The figure at start is the next item of a list of starting values that before opens."""
    return before.kind == "baseline" and line[before.start + len(before.surface):start] == words.LIST_MARK


ROW_NAMES_IT = 0.5  # a column's name less sure than this is no indicator alone: the row's name goes before it


def _names_a_thing(cell: str) -> bool:
    """A row's first cell that names what its figures are of (原煤, 国有工业), not a number, year or blank."""
    return han_count(cell) >= 1 and not tables.YEAR_CELL.match(cell)


TOTAL_ROWS = ("合计", "总计", "总数", "全部", "总体")  # a table's row of the whole, named by its caption or column



def _in_table_cell(line: str, start: int, end: int) -> bool:
    """line[start:end] is a whole cell of a table row, and not its first."""
    return "|" in line[:start] and line[:start].rstrip().endswith("|") and line[end:].lstrip()[:1] in ("|", "")


def _names_a_share(metric: str) -> bool:
    """An indicator that is itself a share (个人卫生支出占卫生总费用比重, 药占比): its figure is its value."""
    return "占" in metric or metric.endswith(("比重", "比例", "占比", "构成比"))


def _closes(line: str, start: int, end: int) -> bool:
    """A bracket closes in line[start:end]."""
    return ")" in line[start:end] or "）" in line[start:end]


def _in_span(period: str, kind: str, reached: bool, since: bool = False) -> str:
    """The time of a figure in a sentence about a span of years (十四五期间，门急诊人次从46.8万增至65.1万): a
    starting value is of the year before the span (of its first year for a span since a year: 2023年以来…由9.87%),
    the value it reached and a target of the span's last year, the change between them of both; other figures
    (累计下派专家463人次) of the whole span."""
    first, _, last = period.partition("-")
    if not (first.isdigit() and last.isdigit()):
        return period
    start = int(first) if since else int(first) - 1
    if kind == "baseline":
        return str(start)
    if kind == "change":
        return f"{start}-{last}"
    return last if reached or kind == "target" else period  # 到“十四五”期末: a target is for the span's end


def _as_printed(drafts: list[Draft], printed: list, read: list, glossed: dict) -> list[Draft]:
    """The drafts of texts read simplified and without pinyin glosses, with their surface, quote and place as
    the text prints them (1030935個, not 1030935个; 醫(yī)療機(jī)構…, glosses and all): the quote of a claim is
    verbatim. glossed: for each text read without glosses, where each character of its changed lines stands."""
    changed = {name: (text.split("\n"), simple.split("\n"), glossed.get(name, {}))
               for (name, text), (_, simple) in zip(printed, read) if text != simple}
    for d in drafts if changed else ():
        if d.doc not in changed or not d.line:
            continue
        lines, simple_lines, where = changed[d.doc]
        line, simple, at = lines[d.line - 1], simple_lines[d.line - 1], where.get(d.line - 1)
        if d.surface and simple.startswith(d.surface, d.start):
            first, end = _printed_span(at, d.start, len(d.surface))
            d.surface, d.start = line[first:end], first
        d.quote = _printed_part(line, simple, d.quote, at)
        d.wording = _printed_part(line, simple, d.wording, at) if at is None else d.wording
    return drafts


def _printed_span(where: list | None, start: int, size: int) -> tuple[int, int]:
    """Where text[start:start + size] of a line read without glosses stands in the line as printed."""
    if where is None:
        return start, start + size
    return where[start], where[start + size - 1] + 1 if size else where[start]


def _printed_part(line: str, simple: str, part: str, where: list | None = None) -> str:
    at = simple.find(part) if part else -1
    if at < 0:
        return part
    first, end = _printed_span(where, at, len(part))
    return line[first:end]


def _years_back(line: str, lo: int, hi: int, year: int | None) -> str:
    """The span 5年来 or 近三年来 in line[lo:hi] names, ending in the document's year (2021-2025 in 2025)."""
    found = _last_between([(m.start(), m) for m in _YEARS_BACK.finditer(line, lo, hi)], lo, hi) if year else None
    if not found:
        return ""
    count = count_of(found[1].group(1) or found[1].group(2))
    return f"{year - count + 1}-{year}" if 1 < count <= YEARS_BACK_MOST else ""


def _years_ahead(line: str, lo: int, hi: int, year: int | None) -> str:
    """The last year of the span 未来五年 or 今后三年 in line[lo:hi] names, after the document's (2025 in 2020)."""
    found = _last_between([(m.start(), m) for m in _YEARS_AHEAD.finditer(line, lo, hi)], lo, hi) if year else None
    count = count_of(found[1].group(1)) if found else 0
    return str(year + count) if 1 <= count <= YEARS_BACK_MOST else ""


def _parallel_spans(drafts: list[Draft], line: str) -> None:
    """从2020年的6.46张增加到2023年的7.23张；每千人口执业(助理)医师由2.90人提高到3.40人: a change from X to Y
    that prints no year of its own, in the sentence of one that did, spans the same years."""
    spans = []  # (starting draft, the draft it went to) of the line, in order
    for at, d in enumerate(drafts):
        if d.kind == "baseline":
            reached = next((r for r in drafts[at + 1:] if r.kind != "baseline"), None)
            spans.append((d, reached if reached is not None and reached.kind == "actual" else None))
    for at, (start, reached) in enumerate(spans):
        if start.confidence["period"] > BASELINE_GUESS or _OWN_YEAR.search(line, max(0, start.start - 8), start.start):
            continue
        opened = words.sentence_start(line, start.start)
        first, went = spans[at - 1] if at else (None, None)
        if first is not None and first.start >= opened and first.confidence["period"] > BASELINE_GUESS:
            start.period, start.confidence["period"] = first.period, first.confidence["period"]
            if went is not None and reached is not None and not YEAR.search(line, start.start, reached.start):
                reached.period, reached.confidence["period"] = went.period, went.confidence["period"]
            continue
        compared = [m.group("y") for m in relations.COMPARED_YEAR.finditer(line, opened, start.start)]
        if compared and compared[-1] < start.period[:4]:  # 分别比2020年末增长9.8%、8.8%；…从6.56人提高到7.15人
            start.period, start.confidence["period"] = compared[-1], COMPARED_SPAN


def _quoted_at(line: str, pos: int) -> bool:
    """Position pos is inside a quotation “…” that closes later on the line."""
    opened = line.rfind("“", 0, pos)
    return opened >= 0 and line.rfind("”", 0, pos) < opened and line.find("”", pos) >= 0


def _year_before(period: str) -> str:
    """The same part of the year before (2018 → 2017, 2018Q4 → 2017Q4); "" for a span or a named period."""
    return f"{int(period[:4]) - 1}{period[4:]}" if re.fullmatch(r"\d{4}(?:H[12]|Q[1-4]|-\d{2}(?:~\d{2})?)?", period) \
        else ""


def _compared_with(line: str, start: int, end: int) -> bool:
    """比上年, 较2019年, 与2014年比较, 同比: a year the figure is compared with, not the figure's own."""
    return line[start - 1:start] in ("比", "较", "与", "和") or line.startswith(("比较", "相比", "同期"), end)


def _named_period_start(title: str, named_periods: dict) -> int | None:
    """The first year of the named period a title names first (“十四五”卫生健康规划: 2021), if any."""
    named = sorted((title.find(word), str(span)) for word, span in named_periods.items() if word in title)
    first = named[0][1].split("-")[0] if named else ""
    return int(first) if first.isdigit() else None


def _title_lines(text: str) -> list[str]:
    """The lines of text that may hold its title: its first lines with words, subject.TITLE_LINES of them."""
    return [line for line in text.split("\n", 6)[:6] if line.strip()][:subject.TITLE_LINES]


def _title_period(text: str, year: int | None) -> str:
    """A part of the document's year its title names (2022年1-8月全国医疗服务情况), as a period."""
    for line in _title_lines(text):
        m = YEAR.search(line)
        if m and year and int(m.group("y")) == year and m.group("part") and not _DAY.match(line, m.end()):
            return _period_of(m)  # not 2023年4月3日: the day it was issued
    return ""


def _bare_part(line: str, sentence: int, clause: int, hi: int) -> re.Match | None:
    """The last part of a year printed without its year that opens the sentence or stands in the figure's clause
    (1-11月，…; 前三季度，…; 全市上半年…), not a date (5月1日) nor the part of a year printed before it
    (2024年1-5月, which the year's match reads). Not one an earlier clause names in passing (针对三季度经济增速回落
    的情况，…，全年地区生产总值增长4.9%)."""
    found = None
    for m in YEAR_PART.finditer(line, sentence, hi):
        before, after = line[m.start() - 1:m.start()], line[m.end():m.end() + 1]
        if (m.start() >= clause or not line[sentence:m.start()].strip()) and not (after.isdigit() or after == "日") \
                and not (before and (before.isdigit() or before in _PART_JOINS)):
            found = m
    return found


_PART_JOINS = "年-—–~～至"


def _period_of(m: re.Match) -> str:
    """The period a YEAR match names: 2022, 2022H1, 2022Q3, 2022-06, 2022-01~08."""
    return in_part(m.group("y"), m)


def _related(texts: list, drafts: list[Draft], additive, measure) -> list[Draft]:
    """The drafts with the relations their lines state, and the figures those imply drafted after each line."""
    lines: dict = {}
    out: list[Draft] = []
    group: list[Draft] = []
    for d in drafts + [None]:
        if group and (d is None or (d.doc, d.line) != (group[0].doc, group[0].line)):
            first = group[0]
            if first.doc not in lines:
                lines[first.doc] = next(text for name, text in texts if name == first.doc).split("\n")
            out.extend(group)
            out.extend(relations.relate(lines[first.doc][first.line - 1], group, _implied, additive, measure))
            group = []
        if d is not None:
            group.append(d)
    return out


def _implied(current: Draft, expression: tuple, period: str) -> Draft:
    """A figure the line implies (last year's, from this year's and the change), drafted as derived."""
    change = expression[2]
    confidence = {k: min(v, change.confidence.get(k, v)) for k, v in current.confidence.items()}
    return Draft(current.doc, current.line, "", current.parsed, change.quote, change.start, current.metric,
                 current.entity, period, "actual", current.unit, confidence, current.wording,
                 derived=expression)


def _in_address(line: str, start: int) -> bool:
    """Within a web or mail address of the line."""
    if "://" not in line and "www." not in line and "@" not in line:
        return False
    return any(m.start() <= start < m.end() for m in _ADDRESS.finditer(line))


def _trimmed(text: str, leading: tuple, trailing: tuple) -> str:
    """The text without marks, the leading words at its start nor the trailing ones at its end (医院荣获 → "")."""
    text = text.strip("，,、：: “”\"")
    for w in leading:
        if text.startswith(w):
            text = text[len(w):]
            break
    cut = True
    while cut and text:
        cut = next((w for w in trailing if text.endswith(w)), "")
        text = text[:len(text) - len(cut)]
    return text


def _as_subject(place: str, about: subject.Subject) -> str:
    """The document's subject when the place is its short name: 西湖区 in 杭州市西湖区's plan is that district,
    not another 西湖区."""
    name = about.name or ""
    return name if len(place) >= 2 and name != place and name.endswith(place) and about.confidence >= 0.5 else place


def _outside_brackets(text: str, marks: str) -> list[str]:
    """text split at the marks that stand outside brackets: 养老（不含机关、含离退休退职）、医疗 is two."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
        elif ch in marks and not depth:
            out.append(text[start:i])
            start = i + 1
    return out + [text[start:]]


def _last_match(pattern: re.Pattern, line: str, lo: int, hi: int):
    """The last match of pattern wholly within line[lo:hi]."""
    last = None
    for m in pattern.finditer(line, lo, hi):
        last = m
    return last


def _last_between(items: list, lo: int, hi: int):
    """The last (position, value) with lo <= position < hi; items come sorted by position."""
    best = None
    for item in items:
        if item[0] >= hi:
            break
        if item[0] >= lo:
            best = item
    return best


class _LineContext:
    """Everything about one line that its figures share, computed once."""

    def __init__(self, ex: Extractor, line: str, last: int, text: str, base: int, memo: dict,
                 about: subject.Subject):
        self.line, self.text, self.base, self.namer = line, text, base, ex.namer
        self.memo = memo  # what the scan has read of the lines above: headings, table headers, time frames
        self.about = about  # the document's subject (a table's short row names lie within it)
        head = line[:_clause_end(line, last)]  # nothing after the last figure's clause matters
        self.head_end = len(head)
        self.clauses = [m.start() for m in _CLAUSE_RE.finditer(head)]
        opening = ex.lang.dateline.match(head)
        if opening and opening.end():  # the story's words start after its dateline, as after a comma
            self.clauses = [opening.end() - 1] + [i for i in self.clauses if i >= opening.end()]
        self.sentences = [i for i in self.clauses if line[i] in SENTENCE_END]
        self.commas = [i for i in self.clauses if line[i] != words.LIST_MARK]
        self.names = ex.namer.names(head)
        self.entities = [h for h in ex.entity_names.hits(head) if h[2] not in ex.phrases]  # 健康中国 is no place
        self.years = [m for m in YEAR.finditer(head) if not head.endswith(_FOUNDED, 0, m.start())] \
            if "年" in head else []  # 始建于1958年: when it was founded, no time of the figures
        self.named, self.relative = [], []
        self.targets, self.changes, self.baselines, self.shares, self.leads = [], [], [], [], []
        self.mentions: list = []  # (sentence start, naming.Mention) of the figures named so far
        self.previous_end = 0     # where the last figure of the line ended
        self.led_item = -1        # where the last figure a lead word made a change starts (新增A 6家、B 5家)
        self._above: list | None = None
        self._section: str | None = None
        self._future: str | None = None
        self.ex = ex
        for end, (kind, word, value) in ex.cues.iter_long(head) if len(ex.cues) else ():
            start = end + 1 - len(word)
            if kind == "none":
                continue
            if kind == "lead":
                self.leads.append(start)
            elif kind == "named":
                self.named.append((start, value))
            elif kind == "relative":
                self.relative.append((start, value))
            elif kind == "target":
                self.targets.append(start)
            elif kind == "baseline":
                self.baselines.append(start)
            else:
                (self.changes if kind == "change" else self.shares).append((start, end + 1))

    def topics(self, before: int) -> list:
        """The indicators named in the few lines above this one, then in this line before position before."""
        if self._above is None:
            start = self.base
            for start, _ in self.lines_above(naming.LOOK_BACK_LINES):
                pass  # to the farthest of the lines looked back at
            self._above = self.namer.topics(self.text[start:self.base]) if start < self.base else []
        return self._above + [(e, c, self.namer.dimension_of(c)) for s, e, w, c, g in self.names if c and e <= before]

    def future_context(self, sentence: int, year: int | None) -> str:
        """The target year the text before this sentence set and nothing since has left (到2025年 in the
        sentences or lines above, or a heading such as “十四五”目标): the year its figures are for. A
        document that gives no year of its own (a plan's text without its date) has every such year ahead."""
        year = year or 0
        found = self.ex._time_frame(self.line[:sentence], year, self.about.now)
        if found is not None:
            return found
        if self._future is None:
            self._future = ""
            for start, end in self.lines_above(FUTURE_LOOK_BACK):
                key = ("frame", id(self.text), start)
                if key not in self.memo:  # each line's frame read once for the whole scan
                    self.memo[key] = self._carried_frame(self.text[start:end], year)
                if self.memo[key] is not None:
                    self._future = self.memo[key]
                    break
        return self._future

    def _carried_frame(self, line: str, year: int) -> str | None:
        """The time frame a line above sets for the lines below it. A target year inside a goal quoted whole
        (荣昌正朝着“2025年区域内就诊率达95%以上，…”的目标迈进) is that quotation's own: the reporting below it is
        no plan for that year."""
        frame = self.ex._time_frame(line, year, self.about.now)
        if not frame:
            return frame
        last = None
        for m in YEAR.finditer(line):
            last = m
        if last is not None and last.group("y") == frame and _quoted_at(line, last.start()):
            return ""
        return frame

    def table_column(self, pos: int) -> "tables.Column | None":
        """The column of the table cell at pos, named by the table's header rows and caption."""
        if "|" not in self.line:
            return None
        rows, caption = self._table_headers()
        return tables.column_at(self.line, pos, rows, self.namer.dimensions, caption, self.ex.lang.table_roles)

    def in_role_column(self, pos: int) -> bool:
        return "|" in self.line and tables.in_role_column(self.line, pos, self._table_headers()[0],
                                                          self.ex.lang.table_roles)

    def table_caption(self) -> str:
        """The lines above the table's header rows (表1 2023年末医疗卫生机构数（单位：个）)."""
        return self._table_headers()[1]

    def _table_headers(self) -> tuple[list[str], str]:
        """The header rows of the table this line is a row of, and the lines of its caption (kept for the table's
        other rows)."""
        walked, start, found = [], self.base, None
        while start > 0:
            key = ("table", id(self.text), start)
            if key in self.memo:
                found = self.memo[key]
                break
            walked.append(key)
            above = self.text.rfind("\n", 0, start - 1) + 1
            line = self.text[above:start - 1]
            if "|" not in line or not tables.is_figures_row(tables.cells(line)):
                found = self._header_lines(above)
                break
            start = above
        found = found or ([], "")
        for key in walked:
            self.memo[key] = found
        return found

    def _header_lines(self, start: int) -> tuple[list[str], str]:
        """The table's header rows ending with the line at start, top to bottom, and the two lines above them
        (表1 全国医疗卫生机构数, 单位：个)."""
        rows: list[str] = []
        caption: list[str] = []
        while start >= 0 and len(caption) < CAPTION_LINES:
            end = self.text.find("\n", start)
            line = self.text[start:end if end >= 0 else len(self.text)]
            if caption or "|" not in line or tables.is_figures_row(tables.cells(line)) \
                    or len(rows) == tables.HEADER_ROWS:
                if "|" in line:
                    break
                caption.insert(0, line)
            else:
                rows.insert(0, line)
            if start == 0:
                break
            start = self.text.rfind("\n", 0, start - 1) + 1
        return rows, " ".join(caption)

    def row_names_above(self) -> list[str]:
        """The first cells of the table's rows above this one, nearest first (a row of a grade, 政府办, is one of
        the kind of institution the nearest of them names)."""
        names = []
        for start, end in self.lines_above(TABLE_ROWS_BACK):
            line = self.text[start:end - 1]
            if "|" not in line or not tables.is_figures_row(tables.cells(line)):
                break
            names.append(tables.row_name(line))
        return names

    def row_entity(self) -> str:
        """A table row's first cell, when it names an entity (北 京 | 9111.1 | 221.8 |)."""
        if "|" not in self.line:
            return ""
        cell = tables.row_name(self.line)
        entities = self.ex.registry.entities
        if entities.known(cell) and cell not in entities.weak:
            return entities.canonical(cell)
        return subject.short_place(cell, entities, self.about.name) if 2 <= len(cell) <= 4 else ""

    def section_entity(self) -> str:
        """The entity the nearest heading above names (重庆大学附属涪陵医院：打造区域医疗中心), if any: a heading
        that names none (党建引领) opens a part of the same section."""
        if self._section is None:
            walked, found = [], ""
            title_end = self._title_end()
            for start, end in self.lines_above(SECTION_LOOK_BACK):
                if end <= title_end:
                    break  # the title block names the document's subject, read already, or its issuer
                key = ("section", id(self.text), start)  # the section a line lies in, itself included
                if key in self.memo:
                    found = self.memo[key]
                    break
                walked.append(key)
                found = self._heading_entity(start, end)
                if found:
                    break
            self.memo.update(dict.fromkeys(walked, found))  # the next line's walk stops where this one did
            self._section = found
        return self._section

    def _title_end(self) -> int:
        """Where the title block ends: its first few lines that are not blank."""
        key = ("title end", id(self.text))
        if key not in self.memo:
            end, seen = 0, 0
            while seen < subject.TITLE_LINES and end < len(self.text):
                stop = self.text.find("\n", end)
                stop = len(self.text) if stop < 0 else stop
                seen += bool(self.text[end:stop].strip())
                end = stop + 1
            self.memo[key] = end
        return self.memo[key]

    def _heading_entity(self, start: int, end: int) -> str:
        """What the line text[start:end] names if it is a heading; kept for the lines below it."""
        key = ("heading", id(self.text), start)
        if key not in self.memo:
            heading = self.text[start:end].strip()
            if heading and len(heading) <= subject.TITLE_LENGTH and not _SENTENCE_MARK.search(heading) \
                    and "|" not in heading and "\t" not in heading \
                    and not any(word in heading for word in self.ex.lang.caption_words):  # no table row, no caption
                self.memo[key] = subject.heading_entity(heading, self.ex.entity_names.hits, self.ex.registry.entities,
                                                            self.ex.lang.level_words, self.about.name)
            else:
                self.memo[key] = ""
        return self.memo[key]

    def year_on_year(self, lo: int, hi: int) -> bool:
        """line[lo:hi] compares with the year before (比上年, 较去年, 同比)."""
        return "同比" in self.line[lo:hi] or any(lo <= at < hi and offset == -1 for at, offset in self.relative)

    def sentence_rest(self, pos: int) -> str:
        """The sentence from pos to its end, read on into the next line when a line break cuts it (a line
        that stops without a sentence mark, as text copied from a PDF does)."""
        text, at = self.text, self.base + pos
        for _ in range(WRAPPED_LINES):
            end = _SENTENCE_STOP.search(text, at)
            if end is None or text[end.start()] != "\n" or text[max(0, end.start() - 1)] in SENTENCE_END:
                return text[self.base + pos:end.start() if end else len(text)]
            at = end.end()
            while text.startswith("\n", at):
                at += 1  # the blank lines between the parts of a cut sentence
        return text[self.base + pos:at]

    def nested(self, pos: int) -> bool:
        """The position is inside brackets opened in this line."""
        return _in_brackets(self.line, pos)

    def lines_above(self, most: int | None = None):
        """(start, end) of each line above this one, nearest first, `most` of them at most (end: past its \\n)."""
        end, walked = self.base, 0
        while end > 0 and (most is None or walked < most):
            start = self.text.rfind("\n", 0, end - 1) + 1
            yield start, end
            end, walked = start, walked + 1

    def paragraph_above(self) -> tuple[int, str]:
        """The nearest line above this one that is not blank and where it starts; (-1, "") when there is none."""
        return next(((start, self.text[start:end]) for start, end in self.lines_above()
                     if self.text[start:end].strip()), (-1, ""))

    def list_mate(self, pos: int) -> "naming.Mention | None":
        """The figure before pos when pos opens an item of a list of 、 (医院编制28671张、实有30181张)."""
        clause = self.clause_start(pos)
        if clause == 0 or self.line[clause - 1] != words.LIST_MARK or not self.mentions:
            return None
        return self.mentions[-1][1]

    def lead(self, pos: int) -> str:
        """What the first figure of the full sentence (up to 。, across ；) measures: its subject."""
        opened = words.sentence_start(self.line, pos)
        return next((m.metric for _, m in self.mentions if m.end >= opened), "")

    def paragraph_lead(self, sentence: int) -> str:
        """What the line's first figure measures, unless the sentence at `sentence` opens with a place of its own
        (…次均住院费用10315.8元…。2023年全国卫生总费用…: a new subject, not the hospitals'; 2024年，医师日均担负…
        goes on about the 乡镇卫生院 of the sentence before)."""
        if sentence:
            year = YEAR.match(self.line, sentence)
            opening = year.end() if year else sentence
            if self.line[opening:].lstrip("，, ").startswith(self.ex.scope_words):
                return ""
        return self.mentions[0][1].metric if self.mentions else ""

    def comma_start(self, pos: int) -> int:
        i = bisect_left(self.commas, pos)
        return self.commas[i - 1] + 1 if i else 0

    def phrase_start(self, pos: int) -> int:
        """Where the words that name the figure at pos begin: after the clause mark, the figure before, or an
        opening bracket not closed before it (医疗机构10958家(含三级医疗机构115家)."""
        lo = max(self.clause_start(pos), self.previous_end)
        closing = max(self.line.rfind(")", lo, pos), self.line.rfind("）", lo, pos))
        if closing >= 0 and max(self.line.rfind("(", lo, closing), self.line.rfind("（", lo, closing)) < 0:
            # 妇幼保健院(所、站)24个: the list mark inside the brackets does not end the clause
            opening = max(self.line.rfind("(", 0, lo), self.line.rfind("（", 0, lo))
            if opening >= 0:
                lo = max(self.clause_start(opening), self.previous_end)
        opening = max(self.line.rfind("(", lo, pos), self.line.rfind("（", lo, pos))
        if opening >= 0 and max(self.line.rfind(")", opening, pos), self.line.rfind("）", opening, pos)) < 0:
            lo = opening + 1
        label = _ITEM_LABEL.match(self.line, lo, pos)
        return label.end() if label else lo  # 。 4.乡镇卫生院675个: the item's number names nothing

    def joint_start(self, lo: int, start: int) -> int:
        """Where the names the figure's own name is listed with begin: 乡镇卫生院、社区卫生服务中心（站）、村卫生室
        诊疗人次39.8亿 is one figure for the three; not after a figure (医院10个、诊所20个: items), nor a list
        of examples (A、B等高层次人才12名, 黄煌等5名) or a long one."""
        clause = self.comma_start(lo)
        if lo - 1 <= clause or self.line[lo - 1] != words.LIST_MARK or self.previous_end > clause:
            return lo
        label = _ITEM_LABEL.match(self.line, clause)
        if label and label.end() == lo:
            return lo  # 。 3、疾病预防控制中心82个: an item's number, no name listed
        if "等" in self.line[lo:start] or self.line.count(words.LIST_MARK, clause, lo) > JOINT_ITEMS - 1:
            return lo
        listed = self.ex.namer.segment(self.line[clause:lo - 1])
        if listed and listed[-1][1].startswith("v"):
            return lo  # 制定、修改、废止政府规章70件: verbs that share one object, which names the figure
        return clause

    def listed(self, pos: int) -> str | None:
        """A 分别 list: in 执业(助理)医师、注册护士分别为2.77人、3.41人 the second figure names 注册护士; so does
        a list of as many figures as names, joined by 、 (农村自来水、卫生户厕普及率超过98%、85%)."""
        clause = self.comma_start(pos)
        at = self.line.find("分别", clause, pos)
        if at < 0:
            return self._paired(clause, pos)
        names = self._list_names(self.line[clause:at])
        if len(names) < 2 and clause > 1 and self.line[clause - 1] in "，,":
            # 孕产妇死亡率、婴儿死亡率和5岁以下儿童死亡率持续下降,分别降至…: the names open the clause before
            names = self._list_names(self.line[self.comma_start(clause - 1):clause - 1])
            names[-1:] = [self._known_head(n) for n in names[-1:]]
            if not all(names):
                return None
        if len(names) < 2:
            return None
        shared = next((end for end in _SHARED_ENDS if names[-1].endswith(end)), "")
        names = [n if n.endswith(shared) else n + shared for n in names]  # 门诊量和住院量占比: both are 占比
        names = shared_names(names, self.namer.segment, self.namer.knows)  # 孕产妇、婴儿死亡率: 孕产妇死亡率
        index = sum(1 for m in self.mentions_after(at) if m < pos)
        return names[index % len(names)]  # 分别由14.2%和17.6%提高到14.8%和18.3%: the names again, in order

    def _list_names(self, text: str) -> list[str]:
        """The names a list joins: at 、 outside brackets, and at 和, 及, 与 standing as words (not the 及 of
        普及率: 农村自来水普及率和农村卫生厕所普及率 is two)."""
        out = []
        for piece in _outside_brackets(text, words.LIST_MARK):
            name = ""
            for word, _ in self.namer.segment(piece) if any(j in piece for j in _LIST_JOINS) else [(piece, "")]:
                if word in _LIST_JOINS:
                    out.append(name)
                    name = ""
                else:
                    name += word
            out.append(name)
        return [n for n in out if n.strip()]

    def _known_head(self, name: str) -> str:
        """The longest start of name the vocabulary knows (5岁以下儿童死亡率持续 → 5岁以下儿童死亡率), else ""."""
        return next((name[:size] for size in range(len(name), 1, -1) if self.namer.knows(name[:size])), "")

    def _paired(self, clause: int, pos: int) -> str | None:
        """The name a figure of a run of figures joined by 、 takes from a list of as many names before the run."""
        if words.LIST_MARK not in self.line[clause:pos]:
            return None  # no list of names before the figure: its run need not be found (every figure asks)
        starts = self.run_at(clause, pos)
        if len(starts) < 2:
            return None
        names = self.line[clause:starts[0]].split(words.LIST_MARK)
        names[-1] = self.namer.trim(names[-1])
        if len(names) != len(starts) or not all(2 <= len(n.strip()) <= 12 for n in names):
            return None
        return shared_names(names, self.namer.segment, self.namer.knows)[starts.index(pos)]

    def run_at(self, clause: int, pos: int) -> list[int]:
        """Where the figures of the run joined by 、 that holds the figure at pos start (第二、第七、第九), or []."""
        run: list = []
        i = bisect_left(self.commas, pos)
        for m in self.ex.pattern.finditer(self.line, clause, self.commas[i] if i < len(self.commas) else self.head_end):
            if run and self.line[run[-1][1]:m.start()] == words.LIST_MARK:
                run[-1][1] = m.end()
                run[-1][2].append(m.start())
            elif m.start() > pos:
                break
            else:
                run.append([m.start(), m.end(), [m.start()]])
        starts = next((r[2] for r in run if r[0] <= pos < r[1]), [])
        return starts if pos in starts else []

    def mentions_after(self, at: int) -> list:
        return [m.end for _, m in self.mentions if m.end > at]

    def clause_start(self, pos: int) -> int:
        i = bisect_left(self.clauses, pos)
        return self.clauses[i - 1] + 1 if i else 0

    def clause_end(self, pos: int) -> int:
        i = bisect_left(self.clauses, pos)
        return self.clauses[i] if i < len(self.clauses) else self.head_end

    def sentence_start(self, pos: int) -> int:
        i = bisect_left(self.sentences, pos)
        return self.sentences[i - 1] + 1 if i else 0

    def last(self, hits, lo: int, hi: int) -> str | None:
        """The last name that lies wholly in line[lo:hi]."""
        best = None
        for s, e, text in hits:
            if s >= lo and e <= hi:
                best = text
            elif s >= hi:
                break
        return best

    def quote(self, start: int, end: int) -> str:
        """The clause around the number, at most about 60 characters, verbatim."""
        left = max(self.clause_start(start), start - 40)
        right = min(self.clause_end(end), end + 20)
        return self.line[left:right].strip() or self.line[start:end]


def _line_end(text: str, pos: int, limit: int) -> int:
    end = text.find("\n", pos, limit)
    return limit if end < 0 else end


def _segment(text: str) -> list[tuple[str, str]]:
    """Words and their parts of speech (jieba's dictionary, built into rjieba: nothing is downloaded)."""
    import rjieba

    return rjieba.tag(text)


def _words(text: str) -> list[str]:
    import rjieba

    return rjieba.cut(text)


def _clause_end(line: str, pos: int) -> int:
    m = _CLAUSE_RE.search(line, pos)
    return m.start() if m else len(line)


def _cue_automaton(lang: Language):
    """The cue words of every kind in one automaton: a line's cues are found in one pass, longest first."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    groups = [("none", dict.fromkeys(lang.not_cues)), ("lead", dict.fromkeys(lang.lead_change_cues)),
              ("named", lang.named_periods), ("relative", lang.relative_years),
              ("target", dict.fromkeys(lang.target_cues)), ("change", dict.fromkeys(lang.change_cues)),
              ("share", dict.fromkeys(lang.share_cues)), ("baseline", dict.fromkeys(lang.baseline_cues))]
    for kind, cues in reversed(groups):  # a word in two lists keeps the first list's kind
        for word, value in cues.items():
            if word:
                automaton.add_word(word, (kind, word, value))
    if len(automaton):
        automaton.make_automaton()
    return automaton


PREFIXES_CHARS = "".join(sorted({ch for word, _ in words.QUALIFIER_PREFIXES for ch in word}))


class _Names:
    """Many names found at once, longest first and without overlaps (Aho-Corasick). A name of two characters
    counts only where it is a word of its own: 中国 in 其中国家级 straddles two words (其中, 国家级)."""

    def __init__(self, names, segment=None, exempt=frozenset(), vocabulary=None, campaigns: tuple = (),
                 honours: tuple = (), end_words: tuple = ()):
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        for name in names:
            if name:
                self.automaton.add_word(name, name)
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()
        self.segment = segment  # text → words, to tell a word from two characters inside other words
        self.exempt = exempt    # short names taken wherever they stand (全市)
        self.vocabulary = vocabulary  # to name an institution after the place found (宜宾市 + 第一人民医院)
        self.campaigns = campaigns    # words that make a place after them a campaign's name (健康荣昌, 美丽重庆)
        self.honours = honours        # words that make a place before them an honour's rank (全国示范性, 全国名中医)
        self.end_words = frozenset(end_words)  # words a place's last character may begin (新建区 in 新建区域)

    def hits(self, text: str) -> list:
        if self.empty:
            return []
        found = [(end - len(name) + 1, end + 1, name) for end, name in self.automaton.iter_long(text)]
        if self.segment is not None:
            found = [h for h in found if len(h[2]) > SHORT_NAME or h[2] in self.exempt or self._is_word(text, *h[:2])]
        if self.campaigns:
            found = [h for h in found if not text.endswith(self.campaigns, 0, h[0])]  # 健康中国重庆行动
        if self.honours:
            found = [h for h in found if not text.startswith(self.honours, h[1])]  # 全国示范性老年友好型社区
        if self.end_words:
            found = [h for h in found if text[h[1] - 1:h[1] + 1] not in self.end_words]  # 新建区域养老服务中心
        if self.vocabulary is None:
            return found
        schools = _university_hospitals(text) if "医院" in text else []
        if schools:  # 中国科学技术大学附属第一医院: one hospital, not 全国 (中国) and a hospital
            found = sorted([h for h in found if not any(s <= h[0] < e for s, e, _ in schools)] + schools)
        return self._institutions(text, found)

    def _institutions(self, text: str, found: list) -> list:
        """Each place followed by the rest of an institution's name (宜宾市第一人民医院) as that institution."""
        out: list = []
        for start, end, name in found:
            if out and start < out[-1][1]:
                continue  # a name inside the institution just read
            institution, stop = institution_at(self.vocabulary, text, start, end, _names_a_part)
            out.append((start, stop, institution) if institution else (start, end, name))
        return out

    def _is_word(self, text: str, start: int, end: int) -> bool:
        lo = max(0, start - WORD_WINDOW)
        bounds, at = set(), lo
        for word in self.segment(text[lo:end + WORD_WINDOW]):
            bounds.add(at)
            at += len(word)
        return start in bounds and (end in bounds or end >= at)


_SCHOOL_HOSPITAL = re.compile(r"(?:大学|学院)[\u4e00-\u9fff]{0,10}?医院")  # 安徽医科大学第一附属医院, 四川大学华西医院
_SCHOOL_ENDS = ("大学", "学院")
_BARE_SCHOOL = ("大学", "医科大学", "中医药大学", "军医大学", "科技大学", "学院", "医学院")  # 中国|科学技术|大学
_NAME_TAGS = ("n", "f", "j")  # parts of speech (jieba's) of the words a school's name begins with: nouns, places
SCHOOL_LEAD_WORDS = 2  # words before a bare 大学 that belong to its name (中国 科学技术 大学)


def _university_hospitals(text: str) -> list[tuple[int, int, str]]:
    """The hospitals of universities the text names, as (start, end, name): 安徽医科大学第一附属医院,
    中国科学技术大学附属第一医院, 南方医科大学南方医院. A school's name is its words (jieba), not 其中 or 赴 before it."""
    out = []
    for m in _SCHOOL_HOSPITAL.finditer(text):
        lo = max(0, m.start() - 12)
        tokens, at = [], lo
        for word, tag in _segment(text[lo:m.end()]):
            tokens.append((at, word, tag))
            at += len(word)
        school = next((i for i, (pos, word, _) in enumerate(tokens) if pos + len(word) == m.start() + 2), None)
        if school is None or not tokens[school][1].endswith(_SCHOOL_ENDS) or at != m.end() or \
                any(tag.startswith("v") for _, _, tag in tokens[school + 1:]):
            continue  # 大学生到医院: no school's name; 大学举办医院: no hospital's
        first = school
        if tokens[school][1] in _BARE_SCHOOL:
            while first > 0 and school - first < SCHOOL_LEAD_WORDS and tokens[first - 1][2].startswith(_NAME_TAGS):
                first -= 1
            if first == school:
                continue  # 医科大学附属医院 with no name of its own
        start = tokens[first][0]
        if not out or start >= out[-1][1]:
            out.append((start, m.end(), text[start:m.end()]))
    return out


def _names_a_part(words: str) -> bool:
    """Words that are nouns or names (jieba's tags n…, j): 中心, 朝阳区, 协和; not 新增, 现有, 三级."""
    return all(tag.startswith(("n", "j")) for _, tag in _segment(words))


def _opens_clause(line: str, at: int) -> bool:
    """Nothing but quotation marks stands between the position and the start of its clause or line."""
    head = line[:at].rstrip("“\"「 ")
    return not head or head.endswith(tuple(words.CLAUSE_MARKS))


def _in_brackets(line: str, pos: int) -> bool:
    head = line[:pos]
    return head.count("(") + head.count("（") > head.count(")") + head.count("）")


def _is_date(core: str, after: str) -> bool:
    """2023年, 5月, 30日, 2019—2030年, and 5年来 as a time reference."""
    if _YEAR_SPAN.fullmatch(core) and (core.endswith("年") or after[:1] == "年" or _years_apart(core)):
        return True  # 2019—2030年, and 1995-2010 in a table's title: a span of years, not a range of values
    bare = core.rstrip("多余")  # 较2017年多1009个, 1年多来: 多 is the comparison's or the span's
    if _YEAR_SPAN.fullmatch(bare) and bare.endswith("年"):
        return True
    if core.endswith(("月", "日", "号")) and not core.endswith(("个月", "床日")) and "/" not in core \
            and not _DECIMAL.search(core):  # not 178元/月 either: a rate per month
        return True  # not 平均住院日8.6日 nor 住院1.3床日: a day of the month is a whole number
    return bare.endswith("年") and after[:1] in ("来", "以", "间", "前", "后", "底", "初", "末", "度", "代")


_DECIMAL = re.compile(r"\d[.．]\d")


def _years_apart(core: str) -> bool:
    years = re.findall(r"(?:19|20)\d\d", core)
    return len(years) == 2 and years[0] < years[1]


def _is_label(line: str, start: int, end: int, core: str) -> bool:
    """List numbering: a bare number opening the line, or (1), or one opening an item of a list run into one
    line (…82个。    4.乡镇卫生院675个: 4 numbers the item)."""
    if not line[:start].strip() and core.isdigit() and line[end:end + 1] in (" ", "\u3000", "、", ".", "．", ")", "）"):
        return True
    if core.isdigit() and len(core) <= 2 and line[end:end + 1] in (".", "．", "、") and is_han(line[end + 1:end + 2]) \
            and (line[start - 1:start].isspace() or line[:start].rstrip()[-1:] in _ITEM_OPENERS):
        return True
    return line[start - 1:start] in ("(", "（") and line[end:end + 1] in (")", "）")


_NAMED_PERIOD_REACH = 9  # “十三五”末期的: a named period and its words up to the figure it dates
_FOUNDED = ("始建于", "始创于", "建于", "成立于", "创建于", "创办于", "组建于", "建院于", "开院于", "始于")  # before a year: when
# an institution began, which dates none of its figures
_ENGLISH_UNIT = re.compile(r"\(([A-Za-z][A-Za-z0-9 -]*)\)")  # (person), (10 000 persons)
CELL_LOOK_BACK = 8  # lines above a bare figure searched for its row's name (blank lines between cells)
CELL_ABOVE_GUESS = 0.3  # a bare figure named after the indicator a line above names: to confirm
_CELL_NOT_NAME = re.compile(r"[<>≤≥＜＞]?[-+]?[0-9][0-9,.%‰]*(?:个百分点)?|[(（][^()（）]*[)）]|[0-9]*/?[0-9]*[万千]?|[岁‰%％]|\|+")
_DONE = re.compile(r"(?:达到|达|提高到|提升到|提升至|提高至|增加到|增长到|增至|升至|降至|降到|下降到|降低到|减少到)了$")
_LIST_JOINS = ("和", "及", "与", "以及")  # between the names of a list, as words
_NOW_AFTER = re.compile(r"(?:现在|目前|当前|如今)?的?$")  # 降至现在的2.05‰: the to-cue before them
_UP_TO = ("截至", "截止到", "截止", "至", "到")  # before a year: the time the sentence's end value is of
_ITEM_OPENERS = "。；;：:"  # after one, a number followed by . or 、 and words opens the next item
_ITEM_LABEL = re.compile(r"\s*(?:[0-9]{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)\s*(?=[\u4e00-\u9fff])(?![一二三四五六七八九十两])")


def _in_short_quote(line: str, start: int, end: int) -> bool:
    """“12345”, “159”, “四个100”, 《哪吒2》: digits in a short quoted name or title."""
    for opening, closing in (("“", "”"), ("《", "》")):
        open_at = line.rfind(opening, max(0, start - 12), start)  # a farther quote cannot be short
        if open_at >= 0 and line.find(closing, open_at, start) < 0 and line.find(closing, end, open_at + 13) >= 0:
            return True
    return False


def _chinese_is_quantity(core: str, qualified: bool, after: str) -> bool:
    """两千多人, 百余面, 近万, 四大专区: yes. 一个, 统一, 千家万户, 零门槛: no."""
    digits = re.match(CN, core)
    if not digits:
        return False
    run, rest = digits.group(), core[digits.end():]
    if run in ("零", "〇") or (run == "一" and rest[:1] in ("年", "天", "日", "月")):
        return False  # 零门槛, 近一年: words and time references
    if not rest and not qualified:
        return after[:1] == "大" and run != "一"  # 四大专区 counts four; any other bare numeral is a word
    if run == "一" and not qualified:
        return False  # 一名, 一次, 一份: an article
    if run in ("十", "百", "千", "万", "亿") and not qualified and not rest.startswith(("余", "多")):
        return False  # 千家万户
    return True


def _chunks(text: str, size: int):
    """(start, end, number of the first line): the text cut at line ends into parts of about size characters."""
    start, first = 0, 1
    while start < len(text):
        end = text.find("\n", start + size) if start + size < len(text) else -1
        end = len(text) if end < 0 else end + 1
        yield start, end, first
        first += text.count("\n", start, end)
        start = end
    if not text:
        yield 0, 0, 1


_WORKER: tuple | None = None  # in a helper process only: the extractor and texts it was started with


def _in_processes(extractor: "Extractor", texts: list, titles: list, parts: list, jobs: int) -> list[Draft]:
    """Find the facts, then the drafts, of the parts in helper processes; drafts travel back as plain tuples.

    The helpers are spawned, as all of claimcheck's are (checker.io.processes): each receives the
    extractor and the texts once, when it starts, and then only the bounds of its parts."""
    with processes.context().Pool(jobs, initializer=_start_worker, initargs=(extractor, texts)) as pool:
        facts = pool.map(_facts_of, [(part, not titles[part[0]]) for part in parts])
        tasks = [(texts[part[0]][0], part[3], year, about, part)
                 for part, (year, about) in zip(parts, extractor._of_documents(texts, titles, parts, facts))]
        # imap: rebuild each part's drafts while the workers scan the next parts
        return [_unpack(name, row) for (name, *_), rows in zip(tasks, pool.imap(_scan_packed, tasks))
                for row in rows]


def _start_worker(extractor: "Extractor", texts: list) -> None:
    global _WORKER
    _WORKER = extractor, texts


def _facts_of(task: tuple) -> tuple:
    extractor, texts = _WORKER
    (i, start, end, _), counted = task
    return extractor._facts(texts[i][1], start, end, counted)


def _scan_packed(task: tuple) -> list[tuple]:
    extractor, texts = _WORKER
    name, first, year, about, (i, start, end, _) = task
    return [_pack(d) for d in extractor._scan(name, texts[i][1], start, end, first, year, about)]


def _pack(d: Draft) -> tuple:
    p = d.parsed
    return (d.line, d.surface, d.quote, d.start, d.metric, d.entity, d.period, d.kind, d.unit, d.confidence, d.wording,
            str(p.value), p.qualifier, p.unit, _text(p.upper), str(p.step), _text(p.plus_step), p.rounded)


def _unpack(doc: str, row: tuple) -> Draft:
    line, surface, quote, start, metric, entity, period, kind, unit, confidence, wording, *number = row
    value, qualifier, number_unit, upper, step, plus_step, rounded = number
    parsed = numbers.Parsed(Decimal(value), qualifier, number_unit, _decimal(upper), Decimal(step),
                            _decimal(plus_step), rounded)
    return Draft(doc, line, surface, parsed, quote, start, metric, entity, period, kind, unit, confidence, wording)


def _text(d: Decimal | None) -> str | None:
    return None if d is None else str(d)


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


@dataclass
class YearFacts:
    """What a part of a text says about the year its document reports on; the parts' facts add up."""

    reported: int | None = None                    # the latest year stated as a time of the figures
    in_headers: set = field(default_factory=set)   # years heading a table's columns (指标 | 2025年)
    goals: set = field(default_factory=set)        # years named as goals (到2025年)
    issued: int | None = None                      # the latest date it was issued on (生成日期 2022-01-18)
    planning: int | None = None                    # the latest year the text plans in (2023年，我区将…)
    plans_for: int | None = None                   # a government work report's year (2026年…政府工作报告)

    def add(self, other: "YearFacts") -> None:
        self.reported = _latest(self.reported, other.reported)
        self.in_headers |= other.in_headers
        self.goals |= other.goals
        self.issued = _latest(self.issued, other.issued)
        self.planning = _latest(self.planning, other.planning)
        self.plans_for = _latest(self.plans_for, other.plans_for)

    def only_issued(self) -> bool:
        """The text gives no year but the day it came out."""
        return self.issued is not None and self.year() == self.issued and not self.reported and not self.planning

    def year(self) -> int | None:
        """The latest reported year, or the year before the one the text plans in (a report written early in
        2023 that plans 2023 reports 2022's figures); else a year heading a column that is no goal year of the
        text (a plan's 2025年 column is its goal); else the year it was issued. A government work report
        of 2026 reviews 2025 (its figures) and plans 2026."""
        if self.plans_for:
            return self.plans_for - 1
        headed = [y for y in self.in_headers if y not in self.goals]
        done = _latest(self.reported, self.planning - 1 if self.planning else None)
        year = _latest(done, max(headed, default=None)) or self.issued
        if year and self.issued and year > self.issued:
            return self.issued  # issued on 2023年12月27日: its 2025年，人均预期寿命达到81.8岁 is a goal, not a report
        return year


def _latest(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def year_facts(text: str, lang: Language, start: int = 0, end: int | None = None) -> YearFacts:
    """The year facts of the years that begin in text[start:end].

    Years that name a goal (到2025年, 2030年规划目标, 2027年建成), bound a span
    (2019—2030年) or follow target words are no reported year. The words around a
    year are read from the whole text, so a part gives what the whole gives.
    """
    facts = YearFacts()
    stop = len(text) if end is None else end
    for m in YEAR.finditer(text, start, stop):
        year = int(m.group(1))
        if _in_table_row(text, m):
            facts.in_headers.add(year)  # 2020年 | 2025年: a table's columns, a plan's base and goal or a series
            continue
        before, after = text[max(0, m.start() - 4):m.start()], text[m.end():m.end() + 6]
        as_of = before.endswith(("截至", "截止", "截止到")) or _year_after_year(text, m)
        clause = text[_clause_start(text, m.start()):m.start()]
        if not as_of and (any(cue in before for cue in ("到", "至", "前")) or
                          any(cue in clause for cue in lang.target_cues)):  # 力争区人民医院2023年通过…评审
            facts.goals.add(year)
            continue
        if _WORK_REPORT.match(text, m.end()) or _SPEECH.match(text, m.start()):
            # 2026年四川省人民政府工作报告, （2026年1月27日在…人民代表大会…会议上）: given early in 2026, on 2025
            facts.plans_for = _latest(facts.plans_for, year)
            continue
        if _DATE_LINE.match(text, m.start()) and (text[max(0, m.start() - 2):m.start()].rstrip("(（")[-1:] in ("", "\n")
                                                   or _DATE_LABEL.search(text, max(0, m.start() - 8), m.start())):
            facts.issued = _latest(facts.issued, year)  # a line of its own, 2025 年3月28日: the day it came out
            continue
        if _EDITION.search(before):  # 江苏年鉴2020: the yearbook of 2020 reports 2019
            facts.reported = _latest(facts.reported, year - 1)
            continue
        if _PLANS.match(text, m.end()):  # 2023年，荣昌区提出…: the year being planned, not yet reported
            facts.planning = _latest(facts.planning, year)
            continue
        if (before and before[-1] in "—–-~～〜") or re.match(rf"{RANGE}(?:19|20)\d\d", text[m.start() + 4:m.start() + 9]):
            continue
        if before.endswith(tuple(lang.baseline_cues)) or before.endswith(_FOUNDED):
            continue  # 由2015年的71.7岁提高到…, 始建于1958年: not the year the text reports on
        if any(word in after for word in ("规划", "目标", "建成", "年前", "底前", "远景")):
            facts.goals.add(year)
            continue
        facts.reported = _latest(facts.reported, year)
    for m in _ISSUED.finditer(text, start, stop):
        facts.issued = _latest(facts.issued, int(m.group(1) or m.group(4)))
    for m in _SPEECH_IN_WORDS.finditer(text, start, stop):  # 二〇二六年一月二十七日在…人民代表大会…会议上
        facts.plans_for = _latest(facts.plans_for, int(m.group(1).translate(_YEAR_DIGITS)))
    return facts


_SPEECH_IN_WORDS = re.compile(r"([〇○零一二三四五六七八九]{4})年[一二三]月[一二三四五六七八九十]{1,3}日在[^，。；\n]{2,40}?(?:大会|会议)")
_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_SPEECH = re.compile(r"(?:19|20)\d{2} ?年[1-3]月\d{1,2}日在[^，。；\n]{2,40}?(?:大会|会议)")  # a report to a session
_DATE_LINE = re.compile(r"(?:19|20)\d{2} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日[)）]?[ \t]*(?:\n|$)")  # (2018年1月26日) too
_DATE_LABEL = re.compile(r"(?:发布时间|发布日期|发文日期|成文日期|更新时间|时间|日期)[:：] ?$")  # 发布时间：2024年08月30日
_WORK_REPORT = re.compile(r"[^，。；\n]{0,16}?政府工作报告")
_EDITION = re.compile(r"(?:年鉴|年鑒)[》」』\s]*(?:（|\()?$")
_PLANS = re.compile(r"[，,]?[^，,。；;\n]{0,8}?(?:提出|部署|将(?!来|军)|计划(?!生育|免疫|单列)|工作安排|工作打算|工作思路|工作要点|力争|争取)")


def _clause_start(text: str, pos: int) -> int:
    # the other marks are looked for after the line's start only: a mark the text lacks would scan it all
    line = text.rfind("\n", 0, pos)
    return max(line, *(text.rfind(mark, line + 1, pos) for mark in "，,。；;！？")) + 1


def _in_table_row(text: str, m: re.Match) -> bool:
    """The year is a cell of a table row (指标 | 2020年 | 2025年): it heads a column or a row."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return "|" in line and any(tables.YEAR_CELL.match(re.sub(r"\s+", "", c)) for c in line.split("|"))


def _year_after_year(text: str, m: re.Match) -> bool:
    """由2020年的77.93岁提高到2021年的78.2岁: the year reached is the year after the one started from, as a
    bulletin reports its year; a plan's 由2020年…提高到2025年 spans years to a goal."""
    started = _STARTED_IN.search(text, max(0, m.start() - STARTED_IN_REACH), m.start())
    return bool(started) and int(started.group(1)) == int(m.group("y")) - 1


def ids_for(drafts: list[Draft], taken: set) -> list[str]:
    """doc-line-letter ids, skipping any already taken."""
    out, used, stems = [], set(taken), {}
    for d in drafts:
        if d.doc not in stems:
            stems[d.doc] = _id_stem(Path(d.doc).stem)
        stem = stems[d.doc]
        for n in range(1000):
            candidate = f"{stem}-{d.line:03d}-{_letters(n)}"
            if candidate not in used:
                break
        used.add(candidate)
        out.append(candidate)
    return out


def _id_stem(name: str) -> str:
    """The ASCII an id is made of, from a file's name: its own letters and digits, and for a name mostly in
    Chinese (2020年我国卫生健康统计公报) a short digest of it, so that ids of two such files differ and a
    derivation can name them (an id starts and ends with a letter or digit)."""
    import hashlib

    ascii_ = re.sub(r"[^A-Za-z0-9_.]+", "-", name).strip("-._")
    if len(ascii_) >= max(3, len(name) // 2):
        return ascii_
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    return f"{ascii_}-{digest}" if ascii_ else f"doc-{digest}"


def _letters(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s
