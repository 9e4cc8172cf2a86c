"""The vocabulary in rules/: metrics and entities with their aliases.

Names are data so the code never knows a document, a city or a metric.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.io.yamlfile import LineDict, LoadError, read_text, read_yaml


@dataclass(frozen=True)
class Term:
    name: str
    aliases: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()  # names seen in texts that are slips, not legitimate aliases
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    path: str = ""
    line: int = 0


@dataclass
class Vocabulary:
    """Canonical names and their aliases; unknown names map to themselves."""

    terms: dict = field(default_factory=dict)   # canonical name → Term
    lookup: dict = field(default_factory=dict)  # any name, alias or variant → canonical name
    variants: dict = field(default_factory=dict)  # a slip seen in texts → canonical name

    def canonical(self, name: str) -> str:
        return self.lookup.get(name, name)

    def known(self, name: str) -> bool:
        return name in self.lookup

    def get(self, name: str) -> Term | None:
        return self.terms.get(self.canonical(name))

    def add(self, term: Term) -> None:
        for alias in (term.name, *term.aliases, *term.variants):
            other = self.lookup.get(alias)
            if other is not None and other != term.name:
                raise LoadError(f"{term.path}:{term.line}: `{alias}` is already a name of `{other}`")
            self.lookup[alias] = term.name
        self.terms[term.name] = term
        self.variants.update({v: term.name for v in term.variants})


@dataclass
class Registry:
    metrics: Vocabulary
    entities: Vocabulary
    folder: Path


def load_vocabulary(path: Path, allowed: set) -> Vocabulary:
    vocab = Vocabulary()
    if not path.exists():
        return vocab
    data = read_yaml(read_text(path), str(path), problems := [])
    if problems:
        p = problems[0]
        raise LoadError(f"{p.path}:{p.line}: {p.message}")
    if data is None:
        return vocab
    if not isinstance(data, list):
        raise LoadError(f"{path}:1: expected a list of entries with `name:`")
    for item in data:
        vocab.add(_term(item, path, allowed))
    return vocab


def _term(item, path: Path, allowed: set) -> Term:
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
    return Term(item["name"].strip(), names["aliases"], names["variants"], extra, str(path), item.line)


METRIC_FIELDS = {"unit", "range", "better", "integer"}
ENTITY_FIELDS = {"parent", "type"}


def load_registry(folder: Path) -> Registry:
    entities = load_vocabulary(folder / "entities.yaml", ENTITY_FIELDS)
    for term in entities.terms.values():
        parent = term.extra.get("parent")
        if parent is not None and not entities.known(str(parent)):
            raise LoadError(f"{term.path}:{term.line}: parent `{parent}` of `{term.name}` is not an entity in this file")
    return Registry(
        metrics=load_vocabulary(folder / "metrics.yaml", METRIC_FIELDS),
        entities=entities,
        folder=folder,
    )
