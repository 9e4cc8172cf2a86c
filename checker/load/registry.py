"""The vocabulary of the field: metrics (indicators) and entities (places, institutions) with their aliases.

Names are data so that the code never knows a document, a city or a metric.
The built-in vocabulary (checker/data/vocabulary: the indicators of China's
health statistics, every administrative division to county level) comes
first; a project's metrics.yaml and entities.yaml add entries and replace
built-in ones of the same name or alias. Two kinds of names are understood
without being listed: population rates composed from a known indicator
(每千人口X, 每万人口X, 每十万人口X) and institutions named after a known
place (X人民医院, X疾病预防控制中心 …), parented to that place.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from checker.io.yamlfile import LineDict, LoadError, Problem, read_yaml
from checker.language.characters import QUOTES
from checker.load.rulefiles import BUILTIN, read_rules_text

METRIC_FIELDS = {"unit", "range", "better", "integer", "group", "definition", "source"}
ENTITY_FIELDS = {"parent", "type", "code"}
OVERRIDE = "CC132"  # the code of the notes about project entries that change a built-in one


@dataclass(frozen=True)
class Term:
    name: str
    aliases: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()  # names seen in texts that are slips, not legitimate aliases
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    path: str = ""
    line: int = 0
    builtin: bool = False  # from claimcheck's own data rather than the project's


@dataclass
class Vocabulary:
    """Canonical names and their aliases; unknown names map to themselves."""

    terms: dict = field(default_factory=dict)   # canonical name → Term
    lookup: dict = field(default_factory=dict)  # any name, alias or variant → canonical name
    variants: dict = field(default_factory=dict)  # a slip seen in texts → canonical name
    builtin_names: set = field(default_factory=set)  # names given by the built-in data, which a project may take
    weak: set = field(default_factory=set)  # names that stand inside ordinary words (康保 in 健康保障): not spotted
    compose: object = None  # name → Term or None: a name understood without being listed (see learn)

    def canonical(self, name: str) -> str:
        return self.lookup.get(name, name)

    def known(self, name: str) -> bool:
        return name in self.lookup

    def get(self, name: str) -> Term | None:
        return self.terms.get(self.canonical(name))

    def add(self, term: Term, replacing: bool = False) -> list[str]:
        """Add a term. Within one file a name may stand for one term only; a project's term (replacing) takes
        its names from the built-in terms that had them. Returns the built-in terms it took names from."""
        taken = []
        for alias in (term.name, *term.aliases, *term.variants):
            other = self.lookup.get(alias)
            if other is not None and other != term.name:
                if not (replacing and alias in self.builtin_names):
                    raise LoadError(f"{term.path}:{term.line}: `{alias}` is already a name of `{other}`")
                taken.append(other)
            self.lookup[alias] = term.name
            if term.builtin:
                self.builtin_names.add(alias)
            else:  # a project's own name: it may take a built-in one, and is looked for in text
                self.builtin_names.discard(alias)
                self.weak.discard(alias)
        self.terms[term.name] = term
        self.variants.update({v: term.name for v in term.variants})
        return taken

    def spotting_names(self) -> dict:
        """The names to look for in running text (every name but the weak ones), with their canonical names."""
        return {name: canonical for name, canonical in self.lookup.items() if name not in self.weak}

    def learn(self, names) -> None:
        """Add the terms that names compose (a rate of a known indicator, an institution of a known place)."""
        if self.compose is None:
            return
        for name in names:
            if name and name not in self.lookup:
                term = self.compose(self, name)
                if term is None:
                    continue
                if term.name not in self.terms:  # a listed term of that name stays as it was listed
                    listed = next((self.lookup[a] for a in (term.name, *term.aliases) if a in self.lookup), None)
                    if listed is not None:  # 每千人托位 composes 每千人口托位数, a listed name of another term
                        self.lookup[name] = listed
                        continue
                    self.add(term)
                self.lookup[name] = term.name


@dataclass
class Registry:
    metrics: Vocabulary
    entities: Vocabulary
    notes: list[Problem] = field(default_factory=list)  # project entries that change a built-in one (CC132)

    def learn(self, metric_names, entity_names) -> None:
        self.metrics.learn(metric_names)
        self.entities.learn(entity_names)


def load_registry(files, units=None) -> Registry:
    """The vocabulary of a run (files: checker.load.rulefiles.RuleFiles). With units, a project metric that
    measures a built-in one in another dimension is noted (CC132)."""
    notes: list[Problem] = []
    metrics = Vocabulary(compose=_MetricNames(_breakdown_prefixes(files.breakdowns)))
    _layers(metrics, files.metrics, METRIC_FIELDS, notes, units)
    entities = Vocabulary(compose=_institution)
    for term in _places(files.places):
        entities.add(term)
        if term.extra.get("type") in ("city", "county"):
            # 荣昌 stands for 荣昌区 in a claim, but is not looked for in text: 中卫 sits in 机构中卫生人员
            entities.weak.update(term.aliases)
    _layers(entities, files.entities, ENTITY_FIELDS, notes, None)
    for term in entities.terms.values():
        parent = term.extra.get("parent")
        if parent is not None and not entities.known(str(parent)):
            raise LoadError(f"{term.path}:{term.line}: parent `{parent}` of `{term.name}` is not an entity")
    return Registry(metrics, entities, notes)


def _layers(vocab: Vocabulary, paths: list[Path], allowed: set, notes: list, units) -> None:
    """The built-in file first, then the project's, whose entries replace built-in ones by name."""
    for path in paths:
        builtin = _is_builtin(path)
        entries: set = set()
        for term in _terms(path, allowed, builtin):
            if term.name in entries:  # add() takes a name again silently: only another entry's names clash there
                raise LoadError(f"{term.path}:{term.line}: `{term.name}` is already an entry in this file")
            entries.add(term.name)
            same = vocab.terms.get(term.name)
            taken = dict.fromkeys(vocab.add(term, replacing=not builtin))
            replaced = [old for old in [same, *(vocab.terms.get(name) for name in taken)] if old is not None]
            if units is not None and not builtin:
                for old in replaced:
                    if old.builtin:
                        _note_dimension(old, term, units, notes)
            for name in taken:
                _drop_names(vocab, name, term)


def _drop_names(vocab: Vocabulary, name: str, by: Term) -> None:
    """A built-in term loses the names a project term took from it (it stays reachable by the rest)."""
    old = vocab.terms.get(name)
    if old is None or old.name == by.name:
        return
    kept = tuple(a for a in old.aliases if vocab.lookup.get(a) == old.name)
    if vocab.lookup.get(old.name) != old.name:
        del vocab.terms[old.name]
        if kept:
            vocab.terms[kept[0]] = Term(kept[0], kept[1:], old.variants, old.extra, old.path, old.line, True)
            for alias in kept:
                vocab.lookup[alias] = kept[0]
    else:
        vocab.terms[old.name] = Term(old.name, kept, old.variants, old.extra, old.path, old.line, True)


def _note_dimension(before: Term, term: Term, units, notes: list) -> None:
    old, new = before.extra.get("unit"), term.extra.get("unit")
    if not old or not new:
        return
    try:
        a, b = units.info(str(old)).dimension, units.info(str(new)).dimension
    except Exception:  # noqa: BLE001 - a bad unit is reported where the metric table is made
        return
    if a != b:
        notes.append(Problem(OVERRIDE, term.path, term.line,
                             f"`{term.name}` takes the place of the built-in metric `{before.name}`, measured in "
                             f"{old} ({a}), and measures it in {new} ({b}): claims under those names are compared "
                             f"in {b} now"))


def _terms(path: Path, allowed: set, builtin: bool) -> tuple[Term, ...]:
    """The entries of one vocabulary file, parsed once a process for each content the file has had: parsing
    took a fifth of a small check, and the review server and the tests check again and again."""
    if not path.exists():
        return ()
    text = read_rules_text(path)
    return _parsed_terms(str(path), text, frozenset(allowed), builtin)


def _is_builtin(path: Path) -> bool:
    return path.resolve().is_relative_to(BUILTIN)


@lru_cache(maxsize=64)
def _parsed_terms(path: str, text: str, allowed: frozenset, builtin: bool) -> tuple[Term, ...]:
    data = read_yaml(text, path, problems := [])
    if problems:
        p = problems[0]
        raise LoadError(f"{p.path}:{p.line}: {p.message}")
    if data is None:
        return ()
    if not isinstance(data, list):
        raise LoadError(f"{path}:1: expected a list of entries with `name:`")
    return tuple(_term(item, Path(path), allowed, builtin) for item in data)


def _term(item, path: Path, allowed: set, builtin: bool = False) -> Term:
    if not isinstance(item, LineDict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        line = getattr(item, "line", "?")
        raise LoadError(f"{path}:{line}: each entry needs a `name:` text")
    unknown = set(item) - allowed - {"name", "aliases", "variants", "note"}
    if unknown:
        key = sorted(unknown)[0]
        raise LoadError(f"{path}:{item.key_lines[key]}: unknown field `{key}` "
                        f"(allowed: name, aliases, variants, note, {', '.join(sorted(allowed))})")
    names = {}
    for key in ("aliases", "variants"):
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
            raise LoadError(f"{path}:{item.key_lines.get(key, item.line)}: `{key}` must be a list of names")
        names[key] = tuple(a.strip() for a in value)
    extra = {k: v for k, v in item.items() if k in allowed}
    return Term(item["name"].strip(), names["aliases"], names["variants"], extra, str(path), item.line, builtin)


# Places ---------------------------------------------------------------------------------------------------

_SHORT_PROVINCE = re.compile(r"^(.+?)(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
_SHORT_PLACE = re.compile(r"^(.{2,}?)(?:市|区|县|地区|盟)$")


def _places(path: Path) -> tuple[Term, ...]:
    """Every division of places.csv as a term, parsed once a process for each content (as _terms)."""
    return _parsed_places(str(path), path.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def _parsed_places(where: str, text: str) -> tuple[Term, ...]:
    """Every division as a term: canonical name, short forms that are unique (重庆 → 重庆市, 荣昌 → 荣昌区),
    parent and code. A name that several divisions share (朝阳区) is known, but only the name with its parent
    (北京市朝阳区) says which one."""
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    by_code = {r["code"]: r for r in rows}
    count: dict = {}
    for r in rows:
        count[r["name"]] = count.get(r["name"], 0) + 1
    names = {}
    for r in rows:
        parent = by_code.get(r["parent"])
        unique = count[r["name"]] == 1
        names[r["code"]] = r["name"] if unique else (parent["name"] if parent else "") + r["name"]
    shorts: dict = {}
    for r in rows:
        short = _short(r)
        if short and short not in count:
            shorts.setdefault(short, []).append(r["code"])
    unique_short = {codes[0]: short for short, codes in shorts.items() if len(codes) == 1}
    terms, ambiguous = [], {}
    for line, r in enumerate(rows, start=5):
        aliases = [unique_short[r["code"]]] if r["code"] in unique_short else []
        if names[r["code"]] != r["name"]:
            ambiguous.setdefault(r["name"], []).append(names[r["code"]])
        parent = names.get(r["parent"])
        extra = {"type": r["level"], "code": r["code"], **({"parent": parent} if parent else {})}
        terms.append(Term(names[r["code"]], tuple(aliases), (), extra, where, line, True))
    for name, choices in ambiguous.items():
        terms.append(Term(name, (), (), {"type": "place", "note": "one of " + "、".join(choices)}, where, 0, True))
    return tuple(terms)


def place_spellings() -> dict:
    """spelling → the canonical names of the built-in cities and counties of that short name (余姚市 is yuyao:
    vocabulary/place_pinyin.csv beside places.csv, written by tests/places_pinyin.py)."""
    return _place_spellings(str(BUILTIN / "vocabulary" / "places.csv"))


@lru_cache(maxsize=1)
def _place_spellings(where: str) -> dict:
    path = Path(where)
    names = {str(t.extra["code"]): t.name for t in _places(path) if t.extra.get("code")}
    text = (path.parent / "place_pinyin.csv").read_text(encoding="utf-8")
    out: dict = {}
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        if row["code"] in names:
            out.setdefault(row["pinyin"], []).append(names[row["code"]])
    return out


def _short(row: dict) -> str | None:
    pattern = _SHORT_PROVINCE if row["level"] == "province" else _SHORT_PLACE
    m = pattern.match(row["name"])
    return m.group(1) if m and len(m.group(1)) >= 2 else None


# Names understood without being listed --------------------------------------------------------------------

_PER_POPULATION = re.compile(r"^每?(千|万|十万)(?:人口|人|名居民|常住人口)(.+)$")
_DENOMINATOR = {"千": "千人", "万": "万人", "十万": "十万人"}


def _population_rate(vocab: Vocabulary, name: str) -> Term | None:
    """每千人口执业(助理)医师数 is 执业(助理)医师数 per 1,000 people, for any known indicator counted in people,
    beds or institutions."""
    m = _PER_POPULATION.match(name)
    if not m:
        return None
    base = vocab.get(m.group(2)) or vocab.get(m.group(2) + "数")
    unit = base.extra.get("unit") if base else None
    if base is None or not unit or "/" in str(unit) or str(unit) in ("percent", "permille", "per_100k", "元"):
        return None
    canonical = f"每{m.group(1)}人口{base.name}"
    extra = {"unit": f"{unit}/{_DENOMINATOR[m.group(1)]}", "range": [0, None], "group": base.extra.get("group"),
             "definition": f"{base.name}除以常住人口（每{m.group(1)}人）。"}
    if base.extra.get("better"):
        extra["better"] = base.extra["better"]
    return Term(canonical, (), (), extra, base.path, base.line, True)


@dataclass(frozen=True)
class _MetricNames:
    """The metric names understood without being listed: rates per population and breakdowns (a class, not a
    closure, so that a registry can be sent to a helper process)."""

    prefixes: list

    def __call__(self, vocab: Vocabulary, name: str) -> Term | None:
        return _population_rate(vocab, name) or _breakdown(vocab, name, self.prefixes) or _written_form(vocab, name)


def _written_form(vocab: Vocabulary, name: str) -> Term | None:
    """A listed indicator written another way: in quotation marks (“智慧医院”数量), with 数量 for 数 and the
    other way round (智慧医院数 for 智慧医院数量), which name the same count, or with its kinds after slashes
    (妇幼保健院/所/站数 for 妇幼保健院(所、站)数, 社区卫生服务中心/站床位数)."""
    bare = QUOTES.sub("", name)
    forms = [bare, *_bracketed(bare)]
    if bare.endswith("数量"):
        forms.append(bare[:-1])
    elif bare.endswith("数"):
        forms.append(bare + "量")
    return next((vocab.get(form) for form in forms if form != name and vocab.known(form)), None)


def _bracketed(name: str) -> list[str]:
    """The forms of a name with its kinds after slashes written in brackets, as bulletins list them: the last
    kind may be one to four characters long, the rest of the name follows the bracket."""
    head, *kinds = name.split("/")
    if not kinds or not head or any(not k for k in kinds) or any(c.isdigit() for c in name):
        return []
    *middle, last = kinds
    return [f"{head}({'、'.join([*middle, last[:size]])}){last[size:]}" for size in range(1, min(4, len(last)) + 1)]


def breakdown_groups(path: Path) -> dict[str, str]:
    """Each word an indicator is broken down by (医院, 省级, 男性) and its group (institutions, levels, ...)."""
    data = read_yaml(read_rules_text(path), str(path), []) or {}
    return {str(word): str(group) for group, items in data.items() if isinstance(items, list) for word in items}


def _breakdown_prefixes(path: Path) -> list[str]:
    """The kinds of institution and parts of the population an indicator is broken down by, longest first."""
    return sorted(breakdown_groups(path), key=len, reverse=True)


def _breakdown(vocab: Vocabulary, name: str, prefixes: list[str]) -> Term | None:
    """乡镇卫生院出院人次, 城市孕产妇死亡率, 男性人均预期寿命: a known indicator for one kind of institution or one
    part of the population, with its unit, range and direction."""
    known = _prefix_set(tuple(prefixes))
    for size in range(min(len(name) - 1, known[1]), 0, -1):  # the longest prefix first, by its length
        prefix = name[:size]
        if prefix in known[0]:
            rest = name[size:]
            base = vocab.get(rest) or vocab.get(rest.removeprefix(_EVERY_INSTITUTION)) or vocab.get(_ONE_DISEASE + rest)
            if base is not None and base.extra.get("unit"):
                extra = {k: v for k, v in base.extra.items() if k in ("unit", "range", "better", "group", "integer")}
                extra["definition"] = f"{prefix}的{base.name.removeprefix(_ONE_DISEASE)}。"
                extra["base"] = base.name  # the whole this part is of (extract names other parts of it)
                return Term(prefix + base.name.removeprefix(_ONE_DISEASE), (), (), extra, base.path, base.line, True)
    return None


# 中医类医疗卫生机构出院人次: the branch's share of every institution's 出院人次.
_EVERY_INSTITUTION = "医疗卫生机构"
# 病种发病数 (indicators.yaml): one disease's cases, named with the disease in its place (鼠疫发病数).
_ONE_DISEASE = "病种"


@lru_cache(maxsize=8)
def _prefix_set(prefixes: tuple) -> tuple[frozenset, int]:
    """The prefixes as a set, and the longest one's length: a name is looked up by its own prefixes, not
    tested against every prefix (a million unknown names cost a million times a hundred startswith)."""
    return frozenset(prefixes), max(map(len, prefixes), default=0)


_INSTITUTION_END = (
    r"(?:第[一二三四五六七八九十0-9]+)?(人民医院|中医院|中医医院|中西医结合医院|妇幼保健院|妇幼保健计划生育服务中心|"
    r"疾病预防控制中心|疾控中心|精神卫生中心|急救中心|血液中心|中心血站|卫生健康委员会|卫生健康委|卫健委|中心医院|"
    r"社区卫生服务中心|卫生院|人民政府)")
PART_MOST = 4  # characters of a name's own words between its place and its kind
_NAMED_PART = r"(?P<part>[\u4e00-\u9fff]{1,4}?)??"  # 惠州市|中心|人民医院, 北京市|朝阳区|人民医院: a name's own words
_INSTITUTION = re.compile(rf"^(.{{2,}}?){_NAMED_PART}{_INSTITUTION_END}$")
_INSTITUTION_AFTER = re.compile(_NAMED_PART + _INSTITUTION_END)


def institution_at(vocab: Vocabulary, text: str, start: int, end: int, named=None) -> tuple[str, int]:
    """The institution named after the place text[start:end] names, when the words after it make one
    (宜宾市 + 第一人民医院, 惠州市 + 中心人民医院): its canonical name, learnt, and where its name ends; else
    ("", end). named(words) says whether words between the place and the kind of institution are a name's
    (中心, 朝阳区), not a verb's (湖南省新增中医院3家); without it there may be none."""
    m = _INSTITUTION_AFTER.match(text, end)
    if not m or (m.group("part") and (named is None or not named(m.group("part")))):
        return "", end
    name = text[start:m.end()]
    vocab.learn([name])
    return (vocab.canonical(name), m.end()) if vocab.known(name) else ("", end)


def _institution(vocab: Vocabulary, name: str) -> Term | None:
    """重庆市荣昌区人民医院, 荣昌区中医院, 万州区疾病预防控制中心: an institution of the place it is named after."""
    m = _INSTITUTION.match(name)
    if not m:
        return None
    before = m.group(1) + (m.group("part") or "")  # 重庆市荣昌区: the nearest place; 惠州市中心: 惠州市
    place = next((found for cut in range(len(before), max(1, len(before) - PART_MOST - 1), -1)
                  if (found := _place_in(vocab, before[:cut])) is not None), None)
    if place is None:
        return None
    return Term(name, (), (), {"parent": place, "type": "institution"}, "", 0, True)


def _place_in(vocab: Vocabulary, text: str) -> str | None:
    """The place a name starts with: the whole text, or its last known place (重庆市荣昌区 → 荣昌区)."""
    for start in range(len(text) - 1):
        term = vocab.get(text[start:])
        if term is not None and term.extra.get("type") in ("province", "city", "county", "place"):
            return term.name
    return None
