"""The arithmetic a sentence states between its figures, drafted as relations (checker.extract.drafts).

- `其中` after a total: the figures it lists, at its own depth of brackets, are parts of that total
  (`includes`: they cannot add up to more). 医院35394个(其中:三级医院2996个) nests: 三级医院 is a part of
  医院, not of the total before. Unbracketed, 其中医院39家,其中三级医院4家,基层医疗卫生机构722家 nests
  only the kinds of 医院 named right after it: 基层医疗卫生机构 is the outer total's again.
- `比上年增加N` (or 同比增长x%) after a figure of the same metric: a change from last year's figure (or
  the year it names: 比2020年提高1.1岁; for a quarter or months, 同比 names the same part of last year),
  which the text implies without printing; that figure is drafted as `derived` (this year's − N, or this
  year's ÷ (1 + x%)), so that it takes part in every cross-check like a printed one.
- `由X提高到Y，提高N`: the change from the starting figure to the one it reached.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.language import words

COMPARED_YEAR = re.compile(r"(?:比|较|与|和|同)(?P<y>(?:19|20)\d\d) ?年")  # 比2020年提高1.1岁: the year compared with
_OTHER_THING = re.compile(r"[比较](?!上年|去年|前年|上一年|同期|(?:19|20)\d\d ?年|较|上期)[^，,。；;]{1,12}?(?:多|少|高|低)"
                          r"|(?:高出|低出|高于|低于|超出)(?!上年|去年|前年|上一年|同期|(?:19|20)\d\d ?年)[^，,。；;]")
# 高出全国平均水平(79岁)4.62岁: a difference from another place's figure, not a change over time
_OWN_BASE = re.compile(r"上年|去年|前年|上一年|同比|同期|环比|[比较与]")  # a change that says what it is compared with
DOWN = ("减少", "下降", "降低", "缩短", "降幅", "下跌")
# A change at comparable prices or on a comparable basis (按可比价格下降5.2%, 扣除价格因素实际增长3.1%) is no
# change between the printed figures: last year's figure cannot be reckoned from it.
_NOT_AS_PRINTED = re.compile(r"可比价格|可比口径|不变价|扣除价格因素|实际增长|实际下降")
WITHIN = "其中"


@dataclass
class Links:
    """What one draft states about others (drafts, not ids: ids are given when records are written)."""

    includes: list = field(default_factory=list)
    change_from: object = None   # the derived draft of last year's figure
    change_to: object = None
    down: bool = False


def relate(line: str, drafts: list, derived_draft, additive, measure) -> list:
    """Links for the drafts of one line, in place; returns the derived drafts to add after them.
    derived_draft(template, expression parts, period) makes a draft for an implied figure; additive(draft)
    says whether figures of its kind add up (counts do; averages, ages and rates do not); measure(metric) is what a
    metric measures whoever it is of (医院编制床位数 and 床位数 are not parts of one whole)."""
    _parts(line, [d for d in drafts if additive(d)], measure)
    return _changes(line, drafts, derived_draft)


def _depths(line: str) -> list[int]:
    depth, out = 0, []
    for ch in line:
        if ch in "(（":
            depth += 1
        out.append(depth)
        if ch in ")）":
            depth = max(0, depth - 1)
    return out


def _parts(line: str, drafts: list, measure) -> None:
    at = line.find(WITHIN)
    if at < 0:
        return
    depths = _depths(line)
    while at >= 0:
        depth = depths[at]
        whole = _whole_before(drafts, at, depth, depths)
        if whole is not None:
            end = _end_of_list(line, at, depth, depths)
            parts = [d for d in drafts if at < d.start < end and depths[d.start] == depth
                     and d.kind == "actual" and d.unit == whole.unit and d.metric != whole.metric
                     and measure(d.metric) == measure(whole.metric)]
            outer = [d for d in drafts if whole in d.links.includes and depths[d.start] == depth]
            if outer:  # 其中医院39家,其中三级医院4家,基层医疗卫生机构722家: a 其中 in a 其中's list, not bracketed
                parts = _kinds_of(whole, parts)
                for d in outer:
                    d.links.includes[:] = [p for p in d.links.includes if p not in parts]
            if len(parts) >= 1:
                whole.links.includes.extend(p for p in parts if p not in whole.links.includes)
        at = line.find(WITHIN, at + len(WITHIN))


def _kinds_of(whole, parts: list) -> list:
    """The parts of a list that name kinds of the whole (三级医院 of 医院), up to the first that does not: with no
    brackets to close it, the list of a 其中 within a 其中 goes back to the outer list there (基层医疗卫生机构 is no
    kind of 医院)."""
    stem = whole.metric.removesuffix("数")
    out = []
    for p in parts:
        if not stem or stem not in p.metric:
            break
        out.append(p)
    return out


def _whole_before(drafts: list, at: int, depth: int, depths: list[int]):
    """The last actual figure before 其中, outside the brackets 其中 stands in."""
    for d in reversed([d for d in drafts if d.start < at]):
        if d.kind == "actual" and depths[d.start] <= depth:
            return d
    return None


def _end_of_list(line: str, at: int, depth: int, depths: list[int]) -> int:
    """Where the list 其中 opens ends: its closing bracket, or the end of its sentence."""
    for i in range(at, len(line)):
        if depths[i] < depth or (line[i] in ")）" and depths[i] == depth and depth > 0):
            return i
        if line[i] in "。；;!?！？" and depths[i] == depth:
            return i
    return len(line)


def _compared_period(line: str, current, change) -> str | None:
    """The period a change is reckoned from: the year printed after 比/较 between the figure and its change
    (人均预期寿命79岁，比2020年提高1.1岁 implies 2020's figure), else the year before; for a part of a year
    (2023年第四季度…同比增加7.29% implies 2022Q4's figure) the same part, when the line says 同比 or 同期.
    None when it cannot be told (环比: the part before, of whatever length)."""
    if _OTHER_THING.search(line, current.start, change.start):
        return None  # 民营医院比公立医院多0.8万个: compared with another thing, not with an earlier time
    period = re.fullmatch(r"((?:19|20)\d\d)(Q[1-4]|-\d\d(?:~\d\d)?|H[12])?", change.period)
    if period is None:
        return None
    year, part = period.group(1), period.group(2) or ""
    if part and not re.search(r"同比|同期", line[current.start:change.start + len(change.surface)]):
        return None
    named = [m.group("y") for m in COMPARED_YEAR.finditer(line, current.start, change.start) if m.group("y") < year]
    if not named and not _OWN_BASE.search(line, current.start, change.start):
        # 总诊疗人次95.5亿人次，比2020年增长23.4%；入院人次3.0亿人次，增长31.2%: a bare change shares the year
        # its sentence compared with before it
        opened = words.sentence_start(line, current.start)
        named = [m.group("y") for m in COMPARED_YEAR.finditer(line, opened, current.start) if m.group("y") < year]
    return (named[-1] if named else str(int(year) - 1)) + part  # 比2021年同期: that year's


def _changes(line: str, drafts: list, derived_draft) -> list:
    added = []
    for i, change in enumerate(drafts):
        if change.kind != "change" or change.parsed.qualifier != "exact":
            continue
        current = next((d for d in reversed(drafts[:i]) if d.kind == "actual" and d.metric == change.metric
                        and d.entity == change.entity and d.period == change.period
                        and d.parsed.qualifier == "exact"), None)
        if current is None:
            continue
        down = any(cue in line[max(current.start, change.start - 6):change.start] for cue in DOWN)
        start = next((d for d in reversed(drafts[:drafts.index(current)]) if d.kind == "baseline"
                      and d.metric == current.metric and d.entity == current.entity), None)
        if start is not None:  # 由88.6%提升到93.4%，提高4.8个百分点: the change between the two printed values
            change.links.change_from, change.links.change_to, change.links.down = start, current, down
            continue
        if change.unit in ("percentage_point", "times") or \
                _NOT_AS_PRINTED.search(line, current.start, change.start + len(change.surface)):
            continue
        before = _compared_period(line, current, change)
        if before is None:
            continue
        if change.unit == "percent":
            expression = ("{0} / (1 - {1})" if down else "{0} / (1 + {1})", current, change)
        elif current.unit == change.unit:
            expression = ("{0} + {1}" if down else "{0} - {1}", current, change)
        else:
            continue
        previous = derived_draft(current, expression, before)
        change.links.change_from, change.links.change_to, change.links.down = previous, current, down
        added.append(previous)
    return added
