"""Whom a document speaks of: the entity of every figure that names none.

A national bulletin's figures are 全国's, a province's bulletin says 全省 and means itself. The subject is
read, most trusted first, from the title (a place or institution in the first short lines), from the
places the text names most often, and from the file name (湖北省2019年卫生资源.pdf, hubei-2019.txt). A
text that names no place at all and came in a file that does not either is about "全省" or "全市", as it
says: the draft keeps that word, unconfident, for a person to replace.

The facts are gathered per part of a text and added up, so a document cut into parts for many processes
gets the subject it gets whole (checker.extract.extractor).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.language.words import longest_first
from checker.load.registry import place_spellings

PHRASE = "phrase"  # an entity type: words holding a place's name that name no place (健康中国)
TITLE_LINES = 3       # the title and the lines under it (a date line, a subtitle)
TITLE_LENGTH = 60     # longer lines are text, not a title
# Entities a document is not about as a whole: parts of a population, departments, programmes, events.
GOVERNMENTS = ("人民政府", "政府", "卫生健康委员会", "卫生健康委", "卫健委", "卫生局", "统计局")  # a government's or
# its office's name ends so: its report gives its place's figures
NOT_SUBJECTS = ("area", "department", "program", "programme", "event", "route", "team", "body", "agency", PHRASE)
# A title that names a place and an institution in it (荣昌 … 荣昌区人民医院规划效果图) is about the place.
PLACE_TYPES = ("country", "region", "province", "city", "county", "district", "town", "township", "place")


@dataclass(frozen=True)
class Subject:
    name: str = ""
    confidence: float = 0.0
    period: str = ""  # when the title says the document reports on part of a year (2022年1-8月): that part
    now: int | None = None  # the year the text speaks in, when it reports on an earlier one (a work report)


@dataclass
class PartFacts:
    """What one part of a document says about its subject."""

    counts: dict = field(default_factory=dict)      # entity → times named
    levels: dict = field(default_factory=dict)      # 全省, 全市 … → times written


def part_facts(text: str, start: int, end: int, hits, entities, level_words: frozenset,
               counted: bool = True) -> PartFacts:
    """The facts of text[start:end]; hits(text) gives (start, end, name) of the names in a text. Without
    counted, the places it names are not counted (its title names the subject: see title_of)."""
    facts = PartFacts()
    for _, _, name in hits(text[start:end]) if counted else ():
        if name in level_words:
            facts.levels[name] = facts.levels.get(name, 0) + 1
            continue
        canonical = entities.canonical(name)
        if _can_be_subject(entities, canonical):
            facts.counts[canonical] = facts.counts.get(canonical, 0) + 1
    return facts


def year_of_file(file_name: str) -> int | None:
    """The year a file's name gives (2021年卫生健康统计公报.pdf, bulletin-2021.txt), for texts that give none."""
    m = re.search(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])", Path(file_name).stem)
    return int(m.group(1)) if m else None


def document_subject(file_name: str, title: str, facts: list[PartFacts], entities, romanized: dict) -> Subject:
    """The subject of a document: the one its title names (title_of), else from the facts of all its parts,
    in order."""
    if title:
        return Subject(_governed(entities, title), 0.9)
    counts: dict = {}
    levels: dict = {}
    for part in facts:
        for key, n in part.counts.items():  # in order of first mention, which breaks ties as one pass would
            key = _governed(entities, key)
            counts[key] = counts.get(key, 0) + n
        for key, n in part.levels.items():
            levels[key] = levels.get(key, 0) + n
    named = _from_file_name(file_name, entities, romanized)
    if levels:  # a text that says 全省 or 我市 is not about the whole country, whatever it compares itself with
        counts = {k: n for k, n in counts.items() if _type(entities, k) != "country"}
    if counts:
        best = max(counts, key=lambda k: (counts[k], len(k)))
        if named and (named in counts or levels):
            # panyu-2022.txt names 广东省, its text says 全区 and 番禺区 most: 番禺区 lies in 广东省 and is the 区
            return Subject(_said_within(entities, named, counts, levels) or named, 0.8)
        if counts[best] == 1 and _type(entities, best) == "country":
            return Subject(best, 0.3)  # 全国卫生健康工作会议, 全国首个: the country named once in passing
        return Subject(best, 0.7 if counts[best] > 1 else 0.5)
    if named:
        return Subject(named, 0.6)
    if levels:
        return Subject(max(levels, key=lambda k: levels[k]), 0.2)
    return Subject()


def _said_within(entities, named: str, counts: dict, levels: dict) -> str:
    """The place within `named` the text names most, when its name ends as the level word the text writes most
    says (全区 and 番禺区, 全市 and 三河市): the place the text itself is about; else ""."""
    if not levels:
        return ""
    level = max(levels, key=lambda k: levels[k])[-1]  # 全区 → 区
    if named.endswith(level):
        return ""  # 全区 in xinjiang-2025.txt is 新疆维吾尔自治区 itself, not 和田地区
    inside = [k for k in counts if k.endswith(level) and named in _ancestors(entities, k)]
    return max(inside, key=lambda k: counts[k], default="")


def _governed(entities, name: str) -> str:
    """The place a government stands for (四川省人民政府 → 四川省): a government's report gives its place's
    figures."""
    term = entities.get(name)
    if term is not None and name.endswith(GOVERNMENTS) and term.extra.get("parent"):
        return entities.canonical(str(term.extra["parent"]))
    return name


def _type(entities, name: str) -> str | None:
    term = entities.get(name)
    return term.extra.get("type") if term is not None else None


def is_place(entities, name: str) -> bool:
    return _type(entities, name) in PLACE_TYPES


def _can_be_subject(entities, name: str) -> bool:
    return entities.get(name) is not None and _type(entities, name) not in NOT_SUBJECTS


def _ancestors(entities, name: str):
    """The entities an entity lies within, nearest first (a parent named twice ends the walk)."""
    seen = {name}
    term = entities.get(name)
    while term is not None and term.extra.get("parent"):
        parent = entities.canonical(str(term.extra["parent"]))
        if parent in seen:
            return
        seen.add(parent)
        yield parent
        term = entities.get(parent)


def _related(entities, name: str, place: str) -> bool:
    """One place lies within the other, or they are one."""
    return name == place or place in _ancestors(entities, name) or name in _ancestors(entities, place)


def _depth(entities, name: str) -> int:
    """How many entities an entity lies within (全国 0, a province 1, its city 2): the more, the more particular."""
    return sum(1 for _ in _ancestors(entities, name))


def title_of(text: str, hits, entities, level_words: frozenset, campaigns: tuple = ()) -> str:
    """The most particular entity the title names (涪陵 in 出彩新重庆 … 涪陵 卫生健康事业取得长足发展), if it
    names one: then the document's text need not be counted for its subject. A campaign named after a city or
    county in the title (请查收这份“健康上饶”答卷) names it too: campaigns bear their own place's name."""
    found = []
    seen = 0
    for line in text.split("\n", 12)[:12]:
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > TITLE_LINES or len(line) > TITLE_LENGTH:
            break
        if _is_sentence(line):
            found += _place_heading(line, hits, entities, level_words)  # 长春市：积极推进…，全力守护…
            break
        found += _entities_in(line, hits, entities, level_words) + _campaign_places(line, entities, campaigns)
    return max(found, key=lambda n: (_type(entities, n) in PLACE_TYPES, _depth(entities, n)), default="")


def _campaign_places(line: str, entities, campaigns: tuple) -> list[str]:
    """The cities and counties campaigns in a title are named after (健康上饶 → 上饶市)."""
    found, ordered = [], longest_first(campaigns)
    for word in re.split(r"[\s·—\-|｜:：,，“”\"「」『』《》?？!！]+", line) if campaigns else ():
        head = next((c for c in ordered if word.startswith(c)), "")
        place = entities.canonical(word[len(head):]) if head else ""
        if place and _type(entities, place) in ("city", "county", "district"):
            found.append(place)
    return found


def _place_heading(line: str, hits, entities, level_words: frozenset) -> list[str]:
    """The place a headline opens with before a colon (长春市：积极推进…，全力守护…): a news headline's subject,
    though the headline runs on with a comma as a sentence does."""
    head, colon, _ = line.partition("：") if "：" in line else line.partition(":")
    if not colon or len(head) > _HEADING_PLACE_MOST:
        return []
    return [n for n in _entities_in(head, hits, entities, level_words) if is_place(entities, n)]


_HEADING_PLACE_MOST = 12  # characters of the place a headline opens with


def _is_sentence(line: str) -> bool:
    """Text rather than a title: it ends as a sentence does or runs on with commas."""
    return line[-1] in "。；;" or any(mark in line for mark in "，,")


def heading_entity(line: str, hits, entities, level_words: frozenset, within: str = "") -> str:
    """The entity a section's heading names first (重庆大学附属黔江医院 跨域牵手华西医院 is about the first):
    that section's figures are about it. A short name standing alone (涪陵) counts only for a place related to
    the document's own (within): 资源 heading a section of 呼兰区's bulletin is no 资源县."""
    return _governed(entities, next(iter(_entities_in(line, hits, entities, level_words, within)), ""))


def _entities_in(line: str, hits, entities, level_words: frozenset, within: str = "") -> list[str]:
    short = _standalone_short_names(line, entities)
    if is_place(entities, within) and _type(entities, within) != "country":  # the country holds every place
        short = [n for n in short if _related(entities, entities.canonical(n), within)]
    names = [name for _, _, name in hits(line)] + short
    found = [entities.canonical(n) for n in names if n not in level_words]
    return [n for n in found if _can_be_subject(entities, n)]


def _standalone_short_names(line: str, entities) -> list[str]:
    """Short names (涪陵 for 涪陵区) standing alone between spaces in a title: not looked for in running text,
    where they hide inside words, but a title sets them apart."""
    return [word for word in re.split(r"[\s·—\-|｜:：,，]+", line) if word in entities.weak]


def _from_file_name(file_name: str, entities, romanized: dict) -> str:
    """A place the file's name gives, in characters (湖北省…) or romanized (hubei-2019.txt)."""
    stem = Path(file_name).stem
    found = []
    for size in range(min(len(stem), 12), 1, -1):  # the longest name in characters first
        for at in range(len(stem) - size + 1):
            piece = stem[at:at + size]
            if entities.known(piece) and piece not in entities.weak and _can_be_subject(entities, entities.canonical(piece)):
                found.append(entities.canonical(piece))
    if found:  # 甘肃省环县2011年统计公报: the county, which lies in the province
        return max(found, key=lambda n: sum(1 for other in found if other in _ancestors(entities, n)))
    tokens = [t for t in re.split(r"[^a-z]+", stem.lower()) if t]
    province = next((romanized[t] for t in tokens if t in romanized), "")
    local = [place for t in tokens if t not in romanized and (place := _romanized_local(t, province, entities))]
    return local[-1] if local else province  # zhejiang-yuyao-2023: 余姚市, in 浙江省


def _romanized_local(token: str, province: str, entities) -> str:
    """The city or county whose short name a file name's token spells (yuyao: 余姚市), within the province the
    name gives when several share the spelling; "" when none, or when several do still."""
    spelt = place_spellings().get(token, ()) if len(token) >= ROMANIZED_MOST_SHORT else ()
    names = [n for n in spelt if entities.known(n)]
    if len(names) > 1 and province:
        names = [n for n in names if province in _ancestors(entities, n)]
    return names[0] if len(names) == 1 else ""


ROMANIZED_MOST_SHORT = 4  # letters of the shortest spelling read as a place (not an, he, …)


_SUFFIXES = ("省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "区", "县", "自治州", "盟")


def short_place(label: str, entities, within: str) -> str:
    """The place a short name in a table's row stands for (吉林 | 3626.9 |): of the places it can be short for,
    the one that lies in the document's subject, the larger one when both do (吉林省 over 吉林市 in 全国)."""
    found = [entities.canonical(label + end) for end in _SUFFIXES if entities.known(label + end)]
    found = [name for name in dict.fromkeys(found) if _can_be_subject(entities, name)]
    inside = [name for name in found if within and _lies_in(entities, name, within)] or found
    return min(inside, key=lambda n: _depth(entities, n), default="")


def _lies_in(entities, name: str, within: str) -> bool:
    return _type(entities, within) == "country" or within in _ancestors(entities, name)
