"""What a figure measures, read from its sentence rather than from the characters before it.

Bulletins name a figure in one of four ways, and the namer tries them in turn:
1. the clause names an indicator of the vocabulary (床位使用率81.5%, 户籍人口孕产妇死亡率11.03/10万);
2. the clause names a part, and the sentence or the lines above name the whole: 医院713.1万张 in a sentence
   about 床位 is 医院床位数, 省级31个 after 疾病预防控制中心3384个 is 省级疾病预防控制中心数;
3. the clause names nothing (比上年增加15377个, 同比增长0.2%, 占78.4%): the figure speaks of the one before;
4. the clause names something the vocabulary does not know (长者照护之家54家): its words, segmented, with
   a low confidence.
A part and a whole fit together only when the whole is counted in the figure's unit (张 is beds, 个 is
institutions, 人次 is visits), which is what tells 医院 as a count of hospitals from 医院 as a part of the beds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.language.characters import QUOTES, han_count, is_han
from checker.language.words import LIST_MARK, longest_first

_DIGIT = re.compile(r"[0-9０-９]")
_SPAN = r"(?:过去|最近|近)?[0-9一二三四五六七八九十两]+年(?:中|间|来|以来|里)|(?:过去|最近)[0-9一二三四五六七八九十两]+年"
_BARE_SPAN = r"(?:近|连续)?[0-9一二三四五六七八九十两]+年$"  # 常住人口城镇化率五年|提高3.89个百分点: the span, no name
_FOOTNOTE = r"\[[0-9]{1,2}\]|［[0-9０-９]{1,2}］"  # 生产总值（GDP）[2]13507.69亿元: a footnote's mark
_AVERAGE = r"(?:全国|全省|全市|全区|全县|同级|同类)?平均水平(?:[(（][^()（）]*[)）])?"  # 高出全国平均水平(79岁)4.62岁: the
# level compared with, no name
_RATIO_ONE = r"1[∶:]"  # 医护比为1:1.21: the ratio's first term, before its figure
_WHEN = r"(?:19|20)[0-9]{2} ?年(?:度|末|底|初|上半年|下半年|第?[一二三四1-4]季度|[0-9]{1,2}(?:[-—~至][0-9]{1,2})?月)?的?"
_COMPARED_YEAR = r"(?:比|较|与)(?:19|20)[0-9]{2} ?年(?:同期)?(?:相比|比较)?"
_PROPORTION_WORDS = ("比例", "比重", "占比")
_DATE = re.compile(r"(?:19|20)[0-9]{2} ?年(?:[0-9]{1,2}(?:[-—~至][0-9]{1,2})?月(?:[0-9]{1,2}日)?)?")  # 2021年末: no class
_ASIDE = re.compile(r"[(（][^()（）]*[)）]")
_SHARE_VERB = re.compile(r"(?:约为|为|达到|达|是|已达)$")  # 占GDP的比例为: the share's name ends before it
_DIED_OF = re.compile(r"^(?:死于|因)(?:各类|各种)?(.+?)(?:死亡)?$")  # 218人死于各类传染病, 12人因交通事故死亡
_PERIOD_AT_END = re.compile(r"(?:[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期|期间)?(?:末|期末|初)?|(?<=[从由])(?:上半年|下半年|年初|前三季度|一季度))的?$")
_ASIDE_AT_END = re.compile(r"[(（][^()（）]*[)）]$")
_SCOPE_ASIDE = re.compile(r"[(（](?:不含|不包括|含|包括|除)[^()（）]*[)）]")  # (不含武汉市): what a place takes in
# Ends of indicator names that bulletins print after the figure instead (医院35394个, 诊疗7.0人次), or drop.
_PRINTED_AFTER = ("人次数", "数", "人次", "床日")
# 每千人口, 每万名居民, and as plans and news also write it: 千人均, 常住人口千人, 千人 before a name of a count
RATE_PREFIX = re.compile(r"每(?P<a>千|万|十万)(?:常住人口|户籍人口|人口|名居民|居民|人)"
                         r"|每(?P<e>1000|10000|100000|1万|10万) ?名?(?:常住人口|户籍人口|人口|居民|人)"
                         r"|(?:常住人口|户籍人口|人口)?(?P<b>千|万|十万)人均"
                         r"|(?:常住人口|户籍人口)(?P<c>千|万|十万)人口?"
                         r"|(?<![0-9０-９零〇一二两三四五六七八九十百千万几数近上余多每])(?P<d>千|万)人口?(?=[^0-9，,。；;]{1,10}数)")

LOOK_BACK_LINES = 3  # a heading or lead sentence names the topic of the few lines under it
COUNTED = ("[person]", "[bed]", "[count]", "[person_time]")  # dimensions of things counted whole
RATIOS = ("[ratio]", "[percentage_point]")  # a change or a share may be one of anything
_SLIPPED = {"[person]", "[person_time]"}  # 人 printed for 人次: the counters a text most often confuses
SLIP_GUESS = 0.3
VISITS_GUESS = 0.5  # 出院人数 printed in 人次 read as 出院人次 (see _counted_in_visits)
RATE_BASES = ("percent", "permille", "per_10k", "per_100k")  # units.txt: how bulletins state a rate


def rate_of(m: re.Match) -> str:
    """The rate a RATE_PREFIX match names, as the vocabulary writes it: 每千人口."""
    digits = {"1000": "千", "10000": "万", "1万": "万", "100000": "十万", "10万": "十万"}.get(m.group("e") or "")
    return f"每{m.group('a') or m.group('b') or m.group('c') or m.group('d') or digits}人口"


@dataclass(frozen=True)
class Naming:
    metric: str
    confidence: float
    wording: str  # the printed words that named it, for people


@dataclass
class Mention:
    """A figure already named in this sentence: where it ends and what it measures."""

    end: int
    metric: str
    dimension: str | None
    nested: bool = False  # stated in brackets, as an aside
    confidence: float = 1.0  # of its name: a figure that takes the name is no surer of it


class MetricNamer:
    """Names figures with the vocabulary of a run (checker.load.registry.Registry)."""

    def __init__(self, registry, dimensions: dict, breakdowns: dict, skip_words: tuple, segment,
                 count_names: dict | None = None, counted_heads: tuple = (), action_verbs: tuple = ()):
        import ahocorasick

        self.metrics = registry.metrics
        self.dimensions = dimensions          # unit text → dimension ("[bed]"), for every unit the run knows
        self.segment = segment                # text → [(word, part of speech)], Chinese segmentation
        words = [re.escape(w) for w in sorted(skip_words, key=len, reverse=True)]
        # 比2020年 as 比上年, 5年中, 2025年上半年的: name nothing
        self.skip = re.compile("|".join([_COMPARED_YEAR, _SPAN, _BARE_SPAN, _WHEN, _FOOTNOTE, _RATIO_ONE, _AVERAGE,
                                         *words]))
        self.breakdowns = breakdowns
        self.count_names = count_names or {}  # counter → the end of a name of things it counts (checker/data/extract.yaml)
        # those ends that name a count of things, longest first (例数, 种数; not 人次, a count of visits)
        self._count_ends = longest_first(set(self.count_names.values()) - {"人次", "台次", "批次", "场次"})
        self.counted_heads = counted_heads    # last words of names of things counted whole (中心, 基地, 团队)
        self.action_verbs = frozenset(action_verbs)  # verbs no name opens with, whatever the tagger says (建设)
        self._dimension_of: dict = {}
        self.automaton = ahocorasick.Automaton()  # of names written backwards: see names()
        names = {n: c for n, c in self.metrics.spotting_names().items() if len(n) >= 2}
        self.clipped: set = set()
        for name, canonical in list(names.items()):
            if name.endswith("数") and name + "量" not in names:
                names[name + "量"] = canonical  # 基层医疗卫生机构数量, not 基层 + 医疗卫生机构数量
            stem = next((name[:-len(end)] for end in _PRINTED_AFTER if name.endswith(end)), "")
            if len(stem) >= 2 and stem not in names:
                names[stem] = canonical  # printed clipped: 医院35394个 for 医院数, 医师日均担负诊疗7.0人次
                self.clipped.add(stem)
        for name, canonical in names.items():
            self.automaton.add_word(name[::-1], (name, canonical, breakdowns.get(name)))
        for word, group in breakdowns.items():
            if word not in names:
                self.automaton.add_word(word[::-1], (word, None, group))
        self.automaton.make_automaton()

    # -- what a line names -------------------------------------------------------------------------------

    def names(self, text: str) -> list[tuple]:
        """(start, end, word, indicator or None, breakdown group or None) for the names in text, without
        overlaps: the longest that ends last first, as Chinese puts a phrase's head at its end (实有床位使用率
        is 床位使用率, not 实有床位)."""
        size = len(text)  # leftmost-longest in the reversed text is rightmost-longest in the text
        found = [(size - 1 - end, size - 1 - end + len(word), word, canonical, group)
                 for end, (word, canonical, group) in self.automaton.iter_long(text[::-1])][::-1]
        # 丙类传染病报告发病率 holds 丙类传染病报告发病(数) clipped: a rate, not the count
        return [h for h in found if text[h[1]:h[1] + 1] != "率" or h[2] not in self.clipped]

    def topics(self, text: str) -> list[tuple]:
        """(end, indicator, dimension) of every indicator text names."""
        return [(e, c, self.dimension_of(c)) for s, e, w, c, g in self.names(text) if c]

    def dimension_of(self, metric: str) -> str | None:
        if metric not in self._dimension_of:
            self._dimension_of[metric] = self._dimension(metric)
        return self._dimension_of[metric]

    def _dimension(self, metric: str) -> str | None:
        term = self.metrics.get(metric)
        unit = term.extra.get("unit") if term is not None else None
        return self.dimensions.get(str(unit).split("/")[0]) if unit else None

    # -- one figure ----------------------------------------------------------------------------------------

    def name(self, phrase: str, hits: list, unit: str | None, earlier: list[Mention], topics,
             rate: str, after: tuple | None = None, relative: bool = False, following: str = "",
             lead: str = "", mate: Mention | None = None, opening: str = "") -> Naming:
        """phrase: the words between the clause's start and the figure; hits: names(phrase); earlier: the
        figures named before in the sentence; topics(): indicators named above it, nearest last (asked for
        only when needed: it reads the lines above); rate: the
        每千人口 the list it stands in began with; after: the first indicator named after the figure in its
        clause (454家尚未定级); relative: the figure is a change or a share (a % of anything); following: the
        rest of its clause; lead: what the sentence's first figure measures (its subject); mate: the figure
        before it in a list of 、; opening: what the paragraph's first figure measures. A name whose unit cannot
        be the figure's is never proposed."""
        dim = self.dimensions.get(unit) if unit else None
        named = self._counted_after(following, dim, unit, rate) or self._share_of(phrase, hits, dim) or \
            self._share_of_last(phrase, dim, earlier) or \
            self._name(phrase, hits, dim, earlier, topics, rate, after, following, lead, mate, unit, opening, relative)
        if self._slip(named.metric, dim, earlier):
            # 诊疗量85.78万人次(比2022年同期增加9.43万人): the figure before's, with 人 for 人次; check shows it
            return Naming(named.metric, SLIP_GUESS, named.wording)
        if not self._fits(named.metric, dim, relative) or named.metric == "?" or "|" in named.metric:
            # nothing named, whatever it was taken from (a table's pieces); or a sibling of the figure before
            return self._counted_in_visits(named, dim) or self._sibling(phrase, earlier, unit, dim) or \
                Naming("?", 0.0, named.wording)
        if named.confidence < 0.5 and not self.metrics.known(named.metric):
            # 共报告法定传染病发病588543例，死亡2539人: a guess (死亡人数) yields to the name the vocabulary knows for
            # the figure before's subject (法定报告传染病死亡人数)
            named = self._sibling(phrase, earlier, unit, dim, shared=3) or named  # not 医疗旅游人次 → 医疗 + 收入
        if not relative and self._other_base(named.metric, unit):
            # 死亡率为0.0020/10万 after 丙类传染病报告发病率: not the population's 死亡率, which is stated in ‰
            named = Naming(named.metric, min(named.confidence, SLIP_GUESS), named.wording)
        named = self._listed_form(named)
        if phrase.lstrip(" :：").startswith("其中") and earlier:
            if named.metric == earlier[-1].metric:  # 27家…，其中12家被评为甲级…: a part, whatever its name
                return Naming(named.metric, min(named.confidence, 0.3), named.wording)
            if named.confidence >= 0.7:
                return Naming(self._inherit(earlier[-1].metric, named.metric), named.confidence, named.wording)
        return named

    def _name(self, phrase: str, hits: list, dim: str | None, earlier: list[Mention], topics,
              rate: str, after: tuple | None, following: str, lead: str, mate: Mention | None,
              unit: str | None = None, opening: str = "", relative: bool = True) -> Naming:
        trimmed = self._trim(_SCOPE_ASIDE.sub("", phrase))  # 全省（不含武汉市）共报告…: the aside scopes the place
        for aside in _SCOPE_ASIDE.finditer(phrase):  # 医疗卫生机构（含村卫生室）4159个: no name of the figure's
            hits = [h for h in hits if not (aside.start() <= h[0] and h[1] <= aside.end())]
        own_rate = RATE_PREFIX.search(phrase)
        if own_rate:
            rate = rate_of(own_rate)
            rest = self._trim(phrase[own_rate.end():])
            written = rate + rest  # 每1000名常住人口拥有3岁以下婴幼儿托位数
            self.metrics.learn([written])
            if self.metrics.known(written):
                return Naming(self.metrics.canonical(written), 0.9, own_rate.group() + rest)
            hits = [h for h in hits if not (own_rate.start() <= h[0] and h[1] <= own_rate.end())]  # 常住人口 in it
        # 其中：公立医院84.8% after 医院病床使用率78.8%: a kind of institution counted is no whole of a rate;
        # nor is it of a bare number that goes on a list of another measure (三级医院诊疗人次2.31亿，二级医院1.45亿)
        goes_on = unit is None and earlier and earlier[-1].dimension not in ("[count]", None)
        whole = _last(h for h in hits if h[3] and (h[4] is None or (self._fits(h[3], dim, relative) and not goes_on)))
        parts = [h for h in hits if (h[4] is not None or (whole is not None and h[1] == whole[0] and h[3]
                                                           and self.dimension_of(h[3]) == "[count]"))
                 and (whole is None or h[1] <= whole[0])]  # 社区卫生服务机构 before 床位 is a part of the beds
        if whole is not None and _DIGIT.search(_DATE.sub("", phrase[own_rate.end() if own_rate else 0:whole[0]])):
            # 100张以下床位医院: a class of hospitals the vocabulary does not name
            return Naming(trimmed + self._counted(trimmed, dim, unit), 0.3, trimmed)
        if whole is not None and self._joint(phrase, whole, parts, dim):
            # 乡镇卫生院、社区卫生服务中心（站）、村卫生室诊疗人次39.8亿: one figure for all the kinds listed
            return self._guessed(trimmed, dim, unit)
        if whole is not None and (_has_words(self._trim(_ASIDE.sub("", phrase[whole[1]:])))
                                  or self._narrowed(phrase, whole, parts, hits)
                                  or self._proportion_of_some(phrase, whole, parts, dim)):
            # 到医疗卫生机构就诊6.0次, 新冠肺炎定点医院800余家: the name is not the figure's, or not all of it
            guessed = self._guessed(trimmed, dim, unit)
            return guessed if guessed.wording else Naming("?", 0.0, "")
        if whole is not None and phrase[:whole[0]].endswith(("其他", "其它")):
            return Naming("其他" + whole[3], 0.3, phrase[whole[0] - 2:whole[1]])  # the rest of them, unnamed
        if whole is not None:
            prefix = "".join(h[2] for h in _adjacent(parts, whole[0], phrase))
            if self._part_of(whole[3]):
                mate = lead = None  # 基层医疗卫生机构诊疗人次 after 医院诊疗…: it names its own institutions
            if not prefix and mate and mate.dimension != "[count]" != self.dimension_of(whole[3]):
                # 医院编制28671张、实有30181张: both the hospitals'; 专业公共卫生机构床位32.5万张、卫生人员101万人
                prefix = self._part_of(mate.metric)
            if not prefix and lead and self.dimension_of(whole[3]) != "[count]":
                counted = next((m.metric for m in reversed(earlier) if self._institution_of(m.metric)), lead)
                prefix = self._institution_of(counted)  # 乡镇卫生院3.5万个,床位139.0万张: the nearest count's
                if not prefix and (whole[1] - whole[0] <= 3 or lead[:-1].endswith(_INSTITUTION_ENDS)) \
                        and lead.endswith("数") and not self.metrics.known(lead) \
                        and self.dimension_of(whole[3]) in _HELD and self._is_resource(whole[3]):
                    # 社会工作机构176个，床位3.24万张: the beds of what the sentence counts, which the
                    # vocabulary does not know; no health institution's
                    return Naming(self._compose(lead[:-1], whole[3], rate), 0.3, phrase[whole[0]:whole[1]])
            if not prefix and lead and self.dimension_of(lead) == self.dimension_of(whole[3]) != "[count]":
                prefix = self._part_of(lead)  # 二级以上公立医院门诊患者次均医药费…;住院患者人均医药费用: theirs too
            if not prefix and self._of_services(whole[3]) and not self._part_of(whole[3]):
                prefix = next((self._part_of(m) for m in (lead, opening) if m and self._of_services(m)
                               and self._part_of(m)), "")  # 县级医院诊疗人次…；病床使用率75.6%: theirs
            return Naming(self._compose(prefix, whole[3], rate), 0.9, phrase[whole[0]:whole[1]])
        if parts and not _has_words(self._trim(_ASIDE.sub("", phrase[parts[-1][1]:]))):
            # 医院713.1万张; not 农村无害化卫生户厕普及率达99.9%: words after 农村 name something else
            part = _adjacent(parts, parts[-1][1])
            if self._joint(phrase, parts[-1], parts, dim) or self._narrowing(phrase, part[0][0]):
                return self._guessed(trimmed, dim, unit)  # 一级、二级医院和基层医疗卫生机构67.6亿人次: their sum
            prefix = "".join(h[2] for h in part)
            base = self._topic(earlier[-1].dimension if goes_on else dim, earlier, topics, part[-1][4])
            if base:
                return Naming(self._compose(prefix, base, rate), 0.8, prefix)
            counted = self.metrics.canonical(prefix) if self.metrics.known(prefix) else None
            if counted and self._fits(counted, dim):
                return Naming(self._compose("", counted, rate), 0.7, prefix)
        if not _any_words(trimmed):  # 实有 keeps its 有: one character left was part of a word
            following = _DIGIT.split(_ASIDE.sub("", following), 1)[0].strip(" 。；;")  # up to the next figure
            if not after and _has_words(self._trim(following)):
                guessed = self._guessed(self._trim(following), dim, unit)  # 454家尚未定级: named after the figure
                return guessed if guessed.wording else Naming("?", 0.0, "")
            if after:
                return Naming(self._compose("", after[3], rate), 0.6, after[2])
            before = [m for m in earlier if not m.nested] or earlier  # not the aside in brackets: 床位38653张(编制37151张)
            if before and _TOTAL_WORDS.search(phrase) and len({m.metric for m in before}) > 1:
                # 门急诊34.57万人次,体检8.07万人次,总计42.64万人次: the sum of the figures before, no one of them
                return Naming(before[-1].metric, min(TOTAL_GUESS, before[-1].confidence), "")
            if before:
                recounted = self._recounted(before[-1].metric, dim, unit)
                if recounted:  # 报告法定传染病19种9742例: the same thing counted in cases after its kinds
                    return recounted
                return Naming(before[-1].metric, min(0.7, before[-1].confidence), "")
            base = self._topic(dim, [], topics)
            if base:  # 体检人次…\n2016年18197人次: what the lines above named, unsaid here: to confirm
                return Naming(self._compose("", base, rate), TOPIC_GUESS, "")
            return Naming("?", 0.0, "")
        words = self._noun_phrase(trimmed)
        if words != trimmed:
            composed = self._composed(trimmed, dim)
            if composed is not None:
                return composed
        component = (self._component(words, earlier[-1].metric)
                     or next(filter(None, (self._rate_of(words, m.metric) for m in reversed(earlier))), "")
                     or next(filter(None, (self._kind_within(trimmed, m.metric) for m in reversed(earlier))), "")
                     ) if earlier and trimmed else ""
        if component:
            return Naming(component, 0.8, words)
        if not words:
            return Naming(earlier[-1].metric if earlier else "?", 0.3 if earlier else 0.0, "")
        return Naming(self._compose("", words + self._counted(words, dim, unit), rate), 0.3, words)

    def _share_of(self, phrase: str, hits: list, dim: str | None = None) -> Naming | None:
        """个人卫生支出占卫生总费用27.7%: the share the vocabulary names for one indicator in another; else, for a
        ratio, the part's own indicator (民营医院占医院总数的63.5% is a share of 民营医院数, not of 医院数)."""
        for a in hits:  # 卫生总费用占GDP的比例为6.5%: the name as written, without its 的
            if a[3] and phrase.startswith("占", a[1]):
                written = a[3] + _SHARE_VERB.sub("", phrase[a[1]:]).replace("的", "")
                for name in (written, written.replace("比例", "比重")):
                    self.metrics.learn([name])
                    if self.metrics.known(name):
                        return Naming(self.metrics.canonical(name), 0.8, phrase[a[0]:])
        for a, b in zip(hits, hits[1:]):
            if a[3] and b[3] and phrase[a[1]:b[0]] == "占":
                for name in (f"{a[2]}占{b[2]}比重", f"{a[3]}占{b[3]}比重"):
                    self.metrics.learn([name])
                    if self.metrics.known(name):
                        return Naming(self.metrics.canonical(name), 0.8, phrase[a[0]:b[1]])
                if dim in RATIOS and not _has_words(self._trim(phrase[b[1]:])):
                    return Naming(a[3], 0.7, phrase[a[0]:a[1]])
        return None

    def _share_of_last(self, phrase: str, dim: str | None, earlier: list[Mention]) -> Naming | None:
        """营利性医疗机构9728个，占医疗机构总数的28.57%: the share of the count before it, named as that count
        (as 民营医院占医院总数的63.5% is), not as the whole it is a share of."""
        if dim not in RATIOS or not earlier or not phrase.strip(" ，,、").startswith(("占", "约占", "分别占")):
            return None
        before = [m for m in earlier if not m.nested] or earlier
        if before[-1].metric == "?" or before[-1].dimension not in (*COUNTED, None):
            return None  # 占 after a rate or an amount: what it is a share of is no count's
        return Naming(before[-1].metric, min(0.7, before[-1].confidence), "")

    def of_institutions(self, kind: str, metric: str) -> Naming | None:
        """A table row of a kind of institution (医院 | 1926 | 378854) or of a disease (鼠疫 | 0 | 0) under a
        column that names what is measured (床位数, 发病数): 医院床位数, 鼠疫发病数; under 机构数, the count of
        that kind of institution itself (医院数)."""
        group = self.breakdowns.get(kind)
        if group not in ("institutions", "diseases") or metric in ("?", ""):
            return None  # 鼠疫 | 0 | 0 under 发病数, 死亡数: the disease's (鼠疫发病数)
        name = f"{kind}数" if metric.endswith("机构数") and group == "institutions" else self._compose(kind, metric, "")
        self.metrics.learn([name])
        known = self.metrics.known(name)
        return Naming(self.metrics.canonical(name) if known else name, 0.8 if known else 0.3, kind)

    def trim(self, phrase: str) -> str:
        """The phrase without the connectives and cue words at either end (其中, 达到, 均为)."""
        return self._trim(phrase)

    def knows(self, name: str) -> bool:
        """The vocabulary names an indicator so (printed whole: 每千人托位)."""
        return self.listed_name(name)[1] >= 0.9

    def listed_name(self, name: str) -> tuple[str, float]:
        """A name printed whole (高血压患者规范管理率): the vocabulary's, confident, or itself, a guess."""
        self.metrics.learn([name])
        return (self.metrics.canonical(name), 0.9) if self.metrics.known(name) else (name, 0.3)

    def share_in(self, part: str, whole: str) -> str:
        """The indicator the vocabulary lists for part as a share of whole (政府卫生支出 in 卫生总费用:
        政府卫生支出占卫生总费用比重), if any."""
        if not part or not whole or part == whole or "?" in (part, whole):
            return ""
        name = f"{part}占{whole}比重"
        self.metrics.learn([name])
        return self.metrics.canonical(name) if self.metrics.known(name) else ""

    def _listed_form(self, named: Naming) -> Naming:
        """An unlisted name that is a listed indicator written another way (“智慧医院”数 for 智慧医院数量) is
        that indicator, as confident as the vocabulary makes it."""
        if named.metric == "?":
            return named
        self.metrics.learn([named.metric])
        listed = self.metrics.canonical(named.metric)
        if listed == named.metric:
            return named
        return Naming(listed, max(named.confidence, 0.7), named.wording)

    def _counted_after(self, following: str, dim: str | None, unit: str | None, rate: str) -> Naming | None:
        """建成6个农村区域性医疗卫生中心, 派驻了9名医务人员, 3.5万个乡镇卫生院: a counter followed at once by a
        noun phrase counts the things it names, whatever the words before the figure say."""
        if dim not in COUNTED or not unit or rate:
            return None
        died = _DIED_OF.match(following.removeprefix(unit))
        if died and dim == "[person]":  # 218人死于各类传染病: the deaths from them
            cause = self._trim(self._head_nouns(died.group(1)))
            if _has_words(cause):
                name = cause + "死亡人数"
                self.metrics.learn([name])
                known = self.metrics.known(name)
                return Naming(self.metrics.canonical(name) if known else name, 0.8 if known else 0.3, cause)
        words = self._trim(self._head_nouns(QUOTES.sub("", following)))
        if not _has_words(words):
            return None
        name = words + self._counted(words, dim, unit)
        self.metrics.learn([name])
        if self.metrics.known(name) and self._fits(self.metrics.canonical(name), dim):
            return Naming(self.metrics.canonical(name), 0.8, words)
        return Naming(name, 0.3, words)

    def _head_nouns(self, text: str) -> str:
        """The noun phrase text opens with: 区域妇幼保健中心 of 区域妇幼保健中心，提升…, 医养结合示范基地 of
        医养结合示范基地。, 管理干部 of 管理干部赴华西医院开展专项实训. Words that qualify a noun (国家级, 临床,
        申报) may come first; a verb after the first noun ends it unless the phrase ends in a counted head."""
        if not text or not is_han(text[0]):
            return ""
        words, nouns_only, last_noun = [], 0, 0  # lengths (in words): the phrase of nouns, and up to its last noun
        verbs_after_nouns = 0  # runs of verbs after a noun: one may stand inside a name (签约服务), two make a clause
        for word, tag in self.segment(_DIGIT.split(text, 1)[0][:_NOUN_PHRASE_CHARS]):
            if words and word in _JOINS:  # 公立医院改革与高质量发展示范项目: one name joins two
                words.append(word)
                verbs_after_nouns = 0
                continue
            noun = tag[:1] == "n" or tag in _NOUN_TAGS
            if not noun and (tag not in _QUALIFIER_TAGS or (tag == "q" and not words)):
                break
            if not noun and last_noun == len(words) and last_noun:
                verbs_after_nouns += 1
            clause = tag in _PROPER_NOUN_TAGS or (len(word) == 1 and not noun)  # 赴省级医院, 担任荣昌区…主任
            if verbs_after_nouns > 1 or (verbs_after_nouns and clause):
                break  # 职工凝聚成推动医院发展: a clause about the things counted, not their name
            words.append(word)
            if noun:
                last_noun = len(words)
                nouns_only = last_noun if not verbs_after_nouns else nouns_only
        whole = "".join(words[:last_noun])
        if whole.endswith(self.counted_heads):
            return whole
        return "".join(words[:nouns_only])

    def _rate_of(self, words: str, count: str) -> str:
        """报告发病率 after 甲乙类法定报告传染病发病数: the rate of what was just counted."""
        if not words.endswith("率") or not count.endswith("数"):
            return ""
        name = count[:-1] + "率"
        return self.metrics.canonical(name) if name.endswith(words[-3:]) and self.metrics.known(name) else ""

    def _kind_within(self, words: str, count: str) -> str:
        """其中中心341家、站1738家 after 社区卫生服务中心(站)2069家: the kinds a bracketed name joins."""
        joined = re.match(r"^(.+?)[(（](.+?)[)）]数$", count)
        if not joined or len(words) > 2:
            return ""
        first, second = joined.groups()
        if first.endswith(words):
            names = [first + "数"]
        elif words == second:  # 站 takes the place of the last word of 社区卫生服务中心: one or two characters
            names = [first[:-size] + second + "数" for size in (1, 2)]
        else:
            names = []
        return next((self.metrics.canonical(n) for n in names if self.metrics.known(n)), "")

    def _component(self, words: str, whole: str) -> str:
        """A part of an expense the figure before is the whole of: 其中药费 after 次均门诊费用 is 次均门诊药费."""
        if not words.endswith("费") or len(words) > 4:
            return ""
        for end in _EXPENSE_ENDS:
            if whole.endswith(end):
                name = whole[:-len(end)] + words
                self.metrics.learn([name])
                return self.metrics.canonical(name) if self.metrics.known(name) else ""
        return ""

    def _counted(self, words: str, dim: str | None, unit: str | None) -> str:
        """数 for a name of things counted (长者照护之家54家 is 长者照护之家数), or what the figure's counter
        counts (专题讲座160次 is 专题讲座次数); nothing for a rate or an amount."""
        counted = dim in COUNTED and not words.endswith(("数", "量", "率", "人次", "费", "额", "比", "台次", "场次"))
        if not counted:
            return ""
        end = self.count_names.get(unit or "", "数")
        if words.endswith(end[0]) or (end == "人数" and words[-2:-1] == "人"):
            return end[1:]  # 派出专家69名: 派出专家人数, not 派出专家人人数; 城镇人口51万人: 城镇人口数, not 人口人数
        return end

    def _recounted(self, metric: str, dim: str | None, unit: str | None) -> Naming | None:
        """The name of the thing metric counts, in the counter unit (种数 → 例数), when metric ends with
        another counter's name; None when it ends with this one's or names no count."""
        if dim not in COUNTED or unit not in self.count_names:
            return None
        end = next((e for e in self._count_ends if metric.endswith(e)), None)
        if end is None or end == self.count_names[unit]:
            return None
        stem = metric[:-len(end)]
        name = stem + self._counted(stem, dim, unit)
        self.metrics.learn([name])
        return Naming(self.metrics.canonical(name), 0.7 if self.metrics.known(name) else 0.3, "")

    def _slip(self, metric: str, dim: str | None, earlier: list) -> bool:
        """The figure is named after the one before it, in people where that counts visits or the other way
        round: a slip of the counter, not another indicator."""
        return bool(earlier) and metric == earlier[-1].metric and {dim, self.dimension_of(metric)} == _SLIPPED

    def _fits(self, metric: str, dim: str | None, relative: bool = True) -> bool:
        """A figure in unit dim can be a value of metric: the same dimension, or a ratio of anything when the
        figure is a change or a share."""
        own = self.dimension_of(metric)
        return dim is None or own is None or dim == own or (relative and dim in RATIOS)

    def _counted_in_visits(self, named: Naming, dim: str | None) -> Naming | None:
        """出院人数564.22万人次: a count of people printed in person-times is the indicator of person-times of the
        same name (出院人次), which the unit says it is; a guess to confirm. The other way round too, and then
        surely when the words named neither (出院460万人: 出院人数)."""
        other = self._twin(named.metric, dim)
        if other is None:
            return None
        said_either = named.wording.endswith(("人数", "人次"))
        return Naming(other, VISITS_GUESS if said_either else named.confidence, named.wording)

    def _twin(self, metric: str, dim: str | None) -> str | None:
        """The indicator of people for one of person-times, or the other way round (出院人次, 出院人数), that the
        vocabulary knows in dim, if any."""
        if dim == "[person_time]" and metric.endswith("人数"):
            other = metric[:-2] + "人次"
        elif dim == "[person]" and metric.endswith("人次"):
            other = metric[:-2] + "人数"
        else:
            return None
        self.metrics.learn([other])
        return self.metrics.canonical(other) if self.metrics.known(other) and \
            self._fits(self.metrics.canonical(other), dim, False) else None

    def _sibling(self, phrase: str, earlier: list[Mention], unit: str | None, dim: str | None,
                 shared: int = 2) -> Naming | None:
        """医师日均担负诊疗9.9人次和住院1.0床日: the figure before's name with these words in place of its last
        ones (医师日均担负 + 住院 + 床日), when the vocabulary knows it; at least `shared` characters of it kept."""
        words = self._trim(phrase).lstrip("和及与、")
        if not earlier or not 1 <= len(words) <= 6:
            return None
        before = earlier[-1].metric
        for cut in range(len(before) - 1, shared - 1, -1):
            for name in (before[:cut] + words + (unit or "") + "数", before[:cut] + words + (unit or ""),
                         before[:cut] + words + "数", before[:cut] + words):  # 死亡 + 人 + 数, 死亡 + 数
                self.metrics.learn([name])  # 公立医院 + 医师日均担负住院床日
                if self.metrics.known(name) and self._fits(self.metrics.canonical(name), dim, False):
                    return Naming(self.metrics.canonical(name), 0.7, words)
        return None

    def _other_base(self, metric: str, unit: str | None) -> bool:
        """A rate printed per another base than its indicator is stated in (‰ for a rate per 100,000)."""
        term = self.metrics.get(metric)
        declared = str(term.extra.get("unit")) if term is not None else ""
        return unit in RATE_BASES and declared in RATE_BASES and unit != declared

    def _narrowed(self, phrase: str, whole: tuple, parts: list, hits: list) -> bool:
        """A short name (医院, 床位) with words of no known kind right before it (定点医院 is some hospitals),
        or a name a level or grade narrows from afar."""
        adjacent = _adjacent(parts, whole[0], phrase)
        if any(h[4] in ("levels", "grades", "affiliations") and h not in adjacent for h in parts):
            return True  # 县级(含县级市)医疗卫生机构共有卫生人员: the level narrows a whole it does not touch
        start = adjacent[0][0] if adjacent else whole[0]
        before = self._trim(RATE_PREFIX.sub("", _ASIDE.sub("", phrase[:start])))
        if any(before.endswith(h[2]) for h in hits if h[1] <= start):
            return False  # 医疗机构共诊疗: what stands before is a name too
        if self._narrowing(phrase, start):
            return True
        if whole[1] - whole[0] > 3:
            return False
        return _has_words(before[-2:]) and not self.skip.search(before[-2:])

    def _proportion_of_some(self, phrase: str, whole: tuple, parts: list, dim: str | None) -> bool:
        """供水工程覆盖农村人口比例达53%: a proportion printed after a count's name with words before it is of
        some of them (those the words say), not the count's own share."""
        if dim not in RATIOS or not phrase.startswith(_PROPORTION_WORDS, whole[1]) \
                or self.dimension_of(whole[3]) not in COUNTED:
            return False
        adjacent = _adjacent(parts, whole[0], phrase)
        return _has_words(self._trim(_ASIDE.sub("", phrase[:adjacent[0][0] if adjacent else whole[0]])))

    def _joint(self, phrase: str, whole: tuple, parts: list, dim: str | None) -> bool:
        """The name is the last of a list of names joined by 、, 和 or 及 that shares the one figure, their sum
        (a figure of things counted)."""
        if dim is not None and dim not in COUNTED:
            return False
        adjacent = _adjacent(parts, whole[0], phrase)
        start = adjacent[0][0] if adjacent else whole[0]
        return _ASIDE.sub("", phrase[:start]).endswith((LIST_MARK, *_JOINS))

    def _composed(self, text: str, dim: str | None) -> Naming | None:
        """The name the vocabulary composes of the words text holds (手足口病发病数: a disease's cases), before
        the tagger cuts them (it reads 手足 as a verb)."""
        whole = text.strip()
        if not whole:
            return None
        self.metrics.learn([whole])
        if self.metrics.known(whole) and self._fits(self.metrics.canonical(whole), dim, False):
            return Naming(self.metrics.canonical(whole), 0.8, whole)
        return None

    def _guessed(self, text: str, dim: str | None, unit: str | None) -> Naming:
        """The figure named after the noun phrase text holds, a guess to confirm (长者照护之家 → 长者照护之家数)."""
        words = _ASIDE_AT_END.sub("", self._noun_phrase(text)) or self._noun_phrase(text)  # 手术人数(住院病人…)
        return Naming(words + self._counted(words, dim, unit), 0.3, words)

    def _narrowing(self, phrase: str, start: int) -> bool:
        """Right before phrase[start:], a word that narrows it: 非公立医疗机构 (its complement), 营利性医疗机构;
        or a clause with a verb and 的 (进行养老机构备案的医疗卫生机构: some of them; not 全国的)."""
        before = _ASIDE.sub("", phrase[:start])
        if before.endswith("的"):
            return any(tag.startswith("v") for _, tag in self.segment(self._trim(before[:-1])))
        return self._trim(before).endswith(_NARROWING_ENDS)

    def measure_of(self, metric: str) -> str:
        """What a name measures without whose it is: 医院编制床位数 → 编制床位数, 公立医院数 → 数 (a count of
        institutions): parts of a whole measure what the whole measures."""
        if not metric:
            return metric
        self.metrics.learn([metric])  # a name composed in a helper process is learnt here too
        return self._base(metric, "institutions")

    def _part_of(self, metric: str) -> str:
        """The kind of institution a name begins with (医院编制床位数 → 医院), if any."""
        for size in range(len(metric) - 1, 1, -1):
            if self.breakdowns.get(metric[:size]) == "institutions" and metric[:size] not in _PART_WORDS:
                return metric[:size]
        return ""

    def _of_services(self, metric: str) -> bool:
        """An indicator of the work or the costs of institutions (诊疗人次, 病床使用率, 次均门诊费用): one stated
        after another's of a kind of institution is that kind's too (县级医院诊疗人次…；病床使用率75.6%)."""
        term = self.metrics.get(metric)
        return term is not None and term.extra.get("group") in _SERVICE_GROUPS

    def _is_resource(self, metric: str) -> bool:
        """Beds and staff, which an institution holds (not 死亡数, an outcome also counted in people)."""
        term = self.metrics.get(metric)
        return term is None or term.extra.get("group") in (None, "resources")

    def _institution_of(self, metric: str) -> str:
        """The kind of institution a count of institutions counts (乡镇卫生院数 → 乡镇卫生院), if it is one."""
        term = self.metrics.get(metric)
        if term is None or self.dimension_of(metric) != "[count]":
            return ""
        for name in (term.name, *term.aliases):
            kind = name[:-1] if name.endswith("数") else name
            if self.breakdowns.get(kind) == "institutions" and kind not in _PART_WORDS:
                return kind
        return ""

    def _inherit(self, whole: str, metric: str) -> str:
        """其中医院640家 after 民营医疗机构14570家: the owner, grade or level of the whole stays (民营医院数)."""
        for size in range(len(whole) - 1, 0, -1):
            group = self.breakdowns.get(whole[:size])
            if group in ("grades", "levels", "affiliations"):  # an owner or a level; a population part is the figure's own
                if metric.startswith(whole[:size]) or not self.breakdowns.get(metric[:2], "institutions"):
                    return metric
                name = whole[:size] + metric
                self.metrics.learn([name])
                return self.metrics.canonical(name)
        return metric

    def _topic(self, dim: str | None, earlier: list[Mention], topics, group: str | None = None) -> str | None:
        """The whole a part belongs to: the last figure or indicator before it measured in the same unit."""
        for m in reversed(earlier):
            if dim is not None and m.dimension == dim:
                return self._base(m.metric, group)
        if dim is None:
            return None
        for _, metric, own in reversed(topics()):
            if own == dim:
                return self._base(metric, group)
            twin = self._twin(metric, dim)  # 出院460万人。其中：医院327.43万人: 出院 names 出院人次 first
            if twin:
                return self._base(twin, group)
        return None

    def _base(self, metric: str, group: str | None) -> str:
        """The whole without its part of the new part's kind: 医院床位数 with 公立医院 → 床位数, 医疗卫生机构总数
        with 医院 → 数, 总诊疗人次 → 诊疗人次; a part of another kind narrows the whole (省级 +
        疾病预防控制中心数, 三级 + 医院数)."""
        term = self.metrics.get(metric)
        if term is not None and term.extra.get("base") and group == self.breakdowns.get(metric[:len(metric) - len(str(term.extra["base"]))]):
            metric = str(term.extra["base"])
        for size in range(len(metric) - 1, 0, -1):
            if metric[:size] in _PART_WORDS or (group and self.breakdowns.get(metric[:size]) == group):
                metric = metric[size:]
                break
        if metric in ("数", "总数", "数量", ""):
            return "数"
        return metric[1:] if metric.startswith("总") and len(metric) > 2 else metric

    def _trim(self, phrase: str) -> str:
        """The phrase without the connectives at either end (其中, 比上年, 达, 共有), nor a named period at its
        end (人均预期寿命从“十二五”末的: when the figure is, not what)."""
        phrase = _PERIOD_AT_END.sub("", phrase)
        while True:
            m = self.skip.match(phrase)
            if m and m.end() and not (m.end() == 1 and self._begins_word(phrase)):
                phrase = phrase[m.end():]
                continue
            ends = [m for m in self.skip.finditer(phrase) if m.end() == len(phrase) and m.start()]
            if not ends:
                return phrase
            phrase = phrase[:ends[-1].start()]

    def _begins_word(self, phrase: str) -> bool:
        """A one-character connective that begins a word instead (从业人员, 在岗职工, 和谐): kept."""
        return len(self.segment(phrase[:4])[0][0]) > 1

    def _compose(self, prefix: str, base: str, rate: str) -> str:
        """prefix + base (医院 + 床位数), as a rate when the clause or its list said so (每千人口 + 注册护士数);
        the canonical name when the vocabulary composes it."""
        if prefix in _PART_WORDS:
            prefix = ""  # 医疗卫生机构 + 床位数 is all the beds: 床位数
        if prefix and base.startswith("总") and len(base) > 2:
            base = base[1:]  # 医院 + 总诊疗人次: the hospitals' 诊疗人次, not a total of theirs
        name = prefix + base
        if prefix:
            self.metrics.learn([name])
            name = self.metrics.canonical(name)
        if rate and not name.startswith("每"):
            rated = rate + name
            self.metrics.learn([rated])
            if self.metrics.known(rated):
                return self.metrics.canonical(rated)
        return name

    def _noun_phrase(self, text: str) -> str:
        """The phrase without the verb and particles that open it (segmented): 开展长者照护之家 → 长者照护之家."""
        tokens = [(w, t) for w, t in self.segment(text) if w.strip()]  # the closing verbs went with _trim
        while len(tokens) > 1 and tokens[1][0] not in _SUFFIXES and (tokens[0][0] in self.action_verbs or (
                tokens[0][1][:1] in ("v", "p", "d", "c", "u") and tokens[0][1] != "vn")):
            tokens.pop(0)  # 领取了农村…扶助金: the verb and its particle; not 参保 of 参保率, nor 经营 (vn) of 经营主体
        joined = _balanced("".join(w for w, _ in tokens).strip(" ：:，,、").lstrip("-*+•· "))  # - 娱乐场所: a list's bullet
        return joined if _has_words(joined) else ""


# Parts of speech (jieba's) of the words a counted noun phrase is made of: nouns, and before the first of
# them the words that qualify it (国家级 b, 临床 vn, 申报 v, 新 a, 名 q as in 县级名中医工作室).
_NOUN_TAGS = ("j", "zg", "l")  # l: set phrases jieba keeps whole (控制中心, 临床医学)
_QUALIFIER_TAGS = ("b", "vn", "v", "a", "an", "q")
_TOTAL_WORDS = re.compile("总计|合计|共计|总共|累计")
TOTAL_GUESS = 0.3  # a total of figures named apart: named after the last of them, to confirm
TOPIC_GUESS = 0.3  # a figure whose own words name nothing, named after the lines above
_JOINS = ("与", "和", "及", "暨", "或")
_SUFFIXES = ("率", "数", "量", "额", "人数", "次数")  # what a verb before one names: 参保率, 就诊人数
_PROPER_NOUN_TAGS = ("ns", "nr", "nt")  # places, people, organisations
_NOUN_PHRASE_CHARS = 16

# How the name of an expense ends where the name of one of its parts (药费, 检查费) goes.
_EXPENSE_ENDS = ("医药费用", "医药费", "费用")

# How a word that narrows the name right after it ends: 非 (非公立) makes its complement, 性 (营利性) a class.
_NARROWING_ENDS = ("非", "性")

# How the name of a kind of institution ends: what a sentence counts of one, the vocabulary lacking it, holds
# the staff and beds the sentence goes on to (卫生监督检验机构154个,卫生技术人员0.3万人).
_INSTITUTION_ENDS = ("机构", "中心", "医院", "卫生院", "站", "所")

# What a place holds, which a count of places before it in the sentence owns (社会工作机构176个，床位3.24万张).
_HELD = ("[bed]", "[person]")

# The groups of indicators (checker/data/vocabulary/indicators.yaml) of what institutions do and cost.
_SERVICE_GROUPS = ("services", "finance")

# Words that name every institution: a whole with one of them is the whole itself (医疗卫生机构床位数).
_PART_WORDS = ("医疗卫生机构", "医疗机构", "卫生机构")


_HAVING = ("有", "拥有", "设有", "的")  # between a kind of institution and what it has


def _adjacent(parts: list, end: int, phrase: str = "") -> list:
    """The parts that run up to position end without a gap but an aside in brackets, in order: 公立 + 医院,
    县级 + (含县级市) + 医院."""
    out: list = []
    for h in reversed(parts):
        aside = _ASIDE_AT_END.search(phrase, 0, end) if phrase else None
        if aside and h[1] == aside.start():
            end = aside.start()
        if h[1] == end or (not out and phrase[h[1]:end] in _HAVING):  # 乡镇卫生院有床位240张: the kind's beds
            out.insert(0, h)
            end = h[0]
        elif h[1] < end:
            break
    return out


def _balanced(words: str) -> str:
    """The words without a bracket at either end that the words do not close or open: 县（市、区） keeps its
    brackets, （全市 and 床位） lose theirs."""
    while words and words[0] in "（(" and words.count(")") + words.count("）") < words.count("(") + words.count("（"):
        words = words[1:].strip()
    while words and words[-1] in "）)" and words.count("(") + words.count("（") < words.count(")") + words.count("）"):
        words = words[:-1].strip()
    return words


def _last(items):
    best = None
    for item in items:
        best = item
    return best


def _any_words(text: str) -> bool:
    return any(map(is_han, text))


def _has_words(text: str) -> bool:
    return han_count(text) >= 2
