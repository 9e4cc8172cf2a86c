"""The data a run knows its field by: the built-in data of China's health statistics, extended by the project.

claimcheck ships its units (pint definitions), the vocabulary of indicators
and places, the extractor's and the document rules' word lists inside the
package (checker/data), so every command works in any folder. A project's
rules folder (`rules/` when it exists, or `--rules`, or `rules` in the
configuration) adds to them: its `units.txt` is read after the built-in
definitions (a unit it defines again replaces the built-in one), its
`metrics.yaml` and `entities.yaml` add entries and replace built-in ones of
the same name, and its `lint.yaml` and `extract.yaml` add words to the
built-in lists.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

BUILTIN = Path(__file__).resolve().parent.parent / "data"


class RulesFolderError(Exception):
    """A rules folder that was asked for and is not there."""


@dataclass(frozen=True)
class RuleFiles:
    folder: Path | None = None  # the project's rules folder; None: the built-in data alone

    @classmethod
    def of(cls, folder: str | Path | None) -> "RuleFiles":
        if folder is None:
            return cls(None)
        path = Path(folder)
        if not path.is_dir():
            raise RulesFolderError(f"{folder}: rules folder not found")
        return cls(path)

    def _layers(self, builtin: str, project: str) -> list[Path]:
        """The built-in file, then the project's when it has one."""
        out = [BUILTIN / builtin]
        if self.folder is not None and (self.folder / project).exists():  # a folder in its place is an error
            out.append(self.folder / project)
        return out

    @property
    def units(self) -> list[Path]:
        return self._layers("units.txt", "units.txt")

    @property
    def metrics(self) -> list[Path]:
        return self._layers("vocabulary/indicators.yaml", "metrics.yaml")

    @property
    def entities(self) -> list[Path]:
        return self._layers("vocabulary/entities.yaml", "entities.yaml")

    @property
    def places(self) -> Path:
        return BUILTIN / "vocabulary" / "places.csv"

    @property
    def breakdowns(self) -> Path:
        return BUILTIN / "vocabulary" / "breakdowns.yaml"

    @property
    def lint(self) -> list[Path]:
        return self._layers("lint.yaml", "lint.yaml")

    @property
    def extract(self) -> list[Path]:
        return self._layers("extract.yaml", "extract.yaml")

    def project_files(self) -> list[Path]:
        """Every file of the project's rules folder (for digests of what a run depended on)."""
        if self.folder is None:
            return []
        return sorted(p for p in self.folder.rglob("*") if p.is_file())

    def digest(self) -> str:
        """What the run's knowledge of its field depends on: the built-in data and the project's files."""
        digest = hashlib.sha256()
        for path in sorted(p for p in BUILTIN.rglob("*") if p.is_file()) + self.project_files():
            digest.update(f"\0{path.name}\0".encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()


def read_rules_text(path: Path) -> str:
    """A rules file's text: the built-in ones as shipped (the limits set for a user's inputs are not for them),
    a project's within the limits (checker.io.yamlfile.read_text)."""
    if path.resolve().is_relative_to(BUILTIN):
        return path.read_text(encoding="utf-8")
    from checker.io.yamlfile import read_text

    return read_text(path)


def merged(layers: list) -> dict:
    """Word lists read from several files as one: lists add up (each word once, in order), mappings merge with
    the later file's entries winning."""
    out: dict = {}
    for data in layers:
        for key, value in (data or {}).items():
            if isinstance(value, list) and isinstance(out.get(key), list):
                out[key] = out[key] + [v for v in value if v not in out[key]]
            elif isinstance(value, dict) and isinstance(out.get(key), dict):
                out[key] = {**out[key], **value}
            else:
                out[key] = value
    return out


def read_word_lists(paths: list[Path], check=None, empty_allowed: bool = False) -> dict:
    """Word-list files (lint.yaml, extract.yaml) read as one, built-in first: each must be a mapping (or, where
    empty_allowed, nothing at all); check(data, path, text) sees each before they are merged, so an error names
    its own file and line."""
    from checker.io.yamlfile import LoadError, read_yaml

    layers = []
    for path in paths:
        text = read_rules_text(path)
        data = read_yaml(text, str(path), [])
        if data is None and empty_allowed:
            data = {}
        if not isinstance(data, dict):
            raise LoadError(f"{path}:1: expected a mapping of word lists")
        if check is not None:
            check(data, path, text)
        layers.append(data)
    return merged(layers)


def lint_language(paths: list[Path]) -> dict:
    """The document rules' word lists: the built-in lint.yaml and a project's, merged."""
    return read_word_lists(paths, _check_lint_patterns)


def _check_lint_patterns(data: dict, path: Path, text: str) -> None:
    """Every regular expression in lint.yaml compiles, before any rule uses it."""
    from checker.io.yamlfile import LoadError, check_regex

    for pattern in (data.get("reduplications") or {}).values():
        check_regex(pattern or "", path, text, "reduplications")
    for key in ("compounds", "doubled_slips"):
        for pattern in data.get(key) or []:
            check_regex(pattern, path, text, key)
    for slip in data.get("slips") or []:
        if not isinstance(slip, dict) or "pattern" not in slip:
            raise LoadError(f"{path}:{getattr(slip, 'line', 1)}: each of `slips` needs a `pattern`")
        check_regex(slip["pattern"], path, text, "slips")
