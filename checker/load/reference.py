"""Reference sets: official figures to check claims against, as ordinary claim files with their documents.

A set is a folder holding `reference.yaml` (its name, publisher, where its
documents come from, their terms, and when each document was published),
`claims/` (reviewed claim files) and `docs/` (the official texts the claims
quote). claimcheck ships some under checker/data/reference (`national`); a
project names a folder of its own, or imports a table (`claimcheck
reference import`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from checker.io.yamlfile import LoadError, read_text, read_yaml

BUILTIN = "reference"  # under checker/data
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class ReferenceError(Exception):
    """A reference set that cannot be used; the message names its file and field."""


@dataclass(frozen=True)
class ReferenceSet:
    name: str
    folder: Path
    publisher: str = ""
    source: str = ""
    terms: str = ""
    published: dict = field(default_factory=dict)  # document → the date it was published (2024-08-29)
    preliminary: frozenset = frozenset()  # documents whose figures their publisher revises later (初步统计)

    @property
    def claims(self) -> Path:
        return self.folder / "claims"

    @property
    def docs(self) -> Path:
        return self.folder / "docs"


def _builtin_root() -> Path:
    return Path(str(resources.files("checker.data") / BUILTIN))


def builtin_names() -> list[str]:
    root = _builtin_root()
    return sorted(p.name for p in root.iterdir() if (p / "reference.yaml").is_file()) if root.is_dir() else []


def find(name_or_folder: str) -> ReferenceSet:
    """The set a name (built in) or a folder gives."""
    folder = Path(name_or_folder)
    if not (folder / "reference.yaml").is_file():
        builtin = _builtin_root() / name_or_folder
        if "/" in name_or_folder or not (builtin / "reference.yaml").is_file():
            known = ", ".join(builtin_names()) or "none"
            raise ReferenceError(f"{name_or_folder}: no reference set there (a folder with reference.yaml, or a "
                                 f"built-in name: {known})")
        folder = builtin
    return read(folder)


def read(folder: Path) -> ReferenceSet:
    path = folder / "reference.yaml"
    try:
        data = read_yaml(read_text(path), str(path), problems := [])
    except LoadError as exc:
        raise ReferenceError(str(exc)) from None
    if problems:
        raise ReferenceError(f"{path}:{problems[0].line}: {problems[0].message}")
    if not isinstance(data, dict) or not str(data.get("name") or "").strip():
        raise ReferenceError(f"{path}: needs `name:` (and publisher, source, terms, documents)")
    published = data.get("documents") or {}
    if not isinstance(published, dict):
        raise ReferenceError(f"{path}: `documents` maps each document to its publication date")
    dates, preliminary = {}, set()
    for doc, info in published.items():
        date = str((info or {}).get("published", "") if isinstance(info, dict) else info).strip()
        if not _DATE.match(date):
            raise ReferenceError(f"{path}: documents.{doc}: the publication date {date!r} is not YYYY-MM-DD")
        dates[str(doc)] = date
        flag = info.get("preliminary", False) if isinstance(info, dict) else False
        if not isinstance(flag, bool):
            raise ReferenceError(f"{path}: documents.{doc}: `preliminary` is true or false, not {flag!r}")
        if flag:
            preliminary.add(str(doc))
    for folder_name in ("claims", "docs"):
        if not (folder / folder_name).is_dir():
            raise ReferenceError(f"{folder / folder_name}: a reference set needs this folder")
    return ReferenceSet(str(data["name"]), folder, str(data.get("publisher") or ""), str(data.get("source") or ""),
                        str(data.get("terms") or ""), dates, frozenset(preliminary))


def coverage(found: ReferenceSet) -> dict[tuple[str, str], dict[str, int]]:
    """What a set holds: for each (entity, metric), the periods it gives and how many editions of each."""
    from checker.load.claims import load

    records, _ = load([str(found.claims)])
    out: dict[tuple[str, str], dict[str, int]] = {}
    for record in records:
        v = record.values
        periods = out.setdefault((str(v.get("entity") or ""), str(v.get("metric") or "")), {})
        periods[str(v.get("period") or "")] = periods.get(str(v.get("period") or ""), 0) + 1
    return out
