"""Draft records out: YAML or JSON, new files or appended to curated ones.

Merging never rewrites what a person wrote: the existing file is kept byte
for byte and the new drafts are appended after it.
"""
from __future__ import annotations

import json
import re

import yaml

from checker.extract.extractor import Draft, ids_for
from checker.io.yamlfile import LoadError
from checker.load.claimfile import load_text

HEADER = ("# Drafted by `claimcheck extract`. Review every record: correct metric, entity, period and kind,\n"
          "# then set `status: reviewed` (or delete the record if the number is not a claim).\n")


REJECTED_MARK = "# claimcheck: rejected"  # a figure a person said is no claim (claimcheck review): not drafted again
_REJECTED = re.compile(r"^\s*" + re.escape(REJECTED_MARK) + r" (?P<doc>.+?):(?P<line>\d+) (?P<surface>\S+)", re.M)


def rejected(text: str) -> set[tuple[str, int, str]]:
    """The figures a claim file says are no claims: (doc, line, surface)."""
    return {(m["doc"], int(m["line"]), m["surface"]) for m in _REJECTED.finditer(text)}


def records(drafts: list[Draft], taken: set = frozenset()) -> list[dict]:
    present = {id(d) for d in drafts}  # a figure implied by drafts already merged before is not drafted again
    drafts = [d for d in drafts if d.derived is None or all(id(x) in present for x in d.derived[1:])]
    ids = ids_for(drafts, taken)
    id_of = {id(d): i for d, i in zip(drafts, ids)}
    return [d.record(i, id_of) for d, i in zip(drafts, ids)]


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, text: str):
    # PyYAML writes NEL and the Unicode line/paragraph separators raw inside single quotes, where
    # reading folds them into a space; double quotes escape them (\N, \L, \P) and keep the quote verbatim.
    style = '"' if any(ch in text for ch in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _str)


def render_yaml(recs: list[dict]) -> str:
    if not recs:
        return ""
    # Nested mappings of plain values (source, confidence) stay on one line each.
    return yaml.dump(recs, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=None,
                     width=10_000)


def render_json(recs: list[dict]) -> str:
    return json.dumps(recs, ensure_ascii=False, indent=2) + "\n"


def merge(existing: str, path: str, drafts: list[Draft]) -> tuple[str, int, int]:
    """existing text + the drafts it does not hold yet (by doc, line and surface)."""
    found, problems = [], []
    try:
        load_text(existing, path, found, problems)
    except LoadError as exc:
        raise LoadError(f"cannot merge into it: {exc}") from None
    have = {(r.values.get("doc"), r.values.get("line"), r.values.get("surface")) for r in found} | rejected(existing)
    implied = {(r.values.get("doc"), r.values.get("line"), r.values.get("period")) for r in found
               if r.values.get("derived")}
    new = [d for d in drafts if (d.doc, d.line, d.surface) not in have
           and (d.derived is None or (d.doc, d.line, d.period) not in implied)]
    taken = {r.values.get("id") for r in found}
    written = records(new, taken)
    added = render_yaml(written)
    if not added:
        return existing, 0, len(drafts)
    indent = _list_indent(existing)
    if indent:  # a list written indented (`  - id: ...`): new records line up with it
        added = "".join(" " * indent + line if line.strip() else line for line in added.splitlines(True))
    newline = "\r\n" if "\r\n" in existing else "\n"  # new lines follow the file's line endings
    if existing and not existing.endswith("\n"):
        existing += newline
    merged = existing + added.replace("\n", newline)
    again: list = []
    try:
        load_text(merged, path, again, [])
    except LoadError:
        again = None
    if again is None or len(again) != len(found) + len(written):
        raise LoadError("cannot merge into it: new records can be appended only to a block list of records "
                        "(`- id: ...` lines, not `[...]`); write the drafts to another file") from None
    return merged, len(written), len(drafts) - len(written)


def _list_indent(text: str) -> int:
    """Column of the top-level list's dashes (0 for an empty or comment-only file)."""
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return 0
    return root.start_mark.column if isinstance(root, yaml.SequenceNode) and not root.flow_style else 0
