"""Relations between claims, as written in `relations:`, turned into edges.

One edge per (claim, related claim): the table that the relation rules join
with the claim table. Malformed relations become problems for CC141.
"""
from __future__ import annotations

from checker.io.yamlfile import Problem
from checker.model.records import Records

TYPES = {
    "sum": "this claim is the total of exactly these parts: `sum: [id, ...]`",
    "includes": "these are some of this claim's parts (其中): `includes: [id, ...]`",
    "change": "this claim is the change from one claim to another: `change: {from: id, to: id}`",
    "share": "this claim is the share part/whole: `share: {part: id, whole: id}`",
    "series": "rose (or fell) every year for N years: `series: {years: 3, direction: up}`",
}
# entry: which of the claim's relations the edge belongs to (a total may be broken down two ways: by owner and by grade)
COLUMNS = ("row", "entry", "rel", "member", "role", "direction", "mode", "years")


def edges(records: Records, problems: list[Problem]) -> list[dict]:
    stating = list(records.stated_relations())
    if not stating:
        return []
    by_id = records.rows_by_id({str(name) for _, relations in stating for name in _names(relations)})
    out: list[dict] = []
    for row, relations in stating:
        for at, entry in enumerate(relations):
            (kind, body), = entry.items()
            try:
                out.extend(dict(e, entry=at) for e in _edges(row, kind, body, by_id))
            except ValueError as exc:
                rec = records[row]
                problems.append(Problem("CC141", rec.path, rec.line_of("relations"),
                                        f"relation `{kind}` of `{rec.values.get('id')}`: {exc}", row))
    return out


def _names(relations) -> list:
    """The claim ids the relations name (only these are looked up: a dict of every id cost a second at scale)."""
    out = []
    for entry in relations:
        for body in entry.values() if isinstance(entry, dict) else ():
            items = body if isinstance(body, list) else body.values() if isinstance(body, dict) else ()
            out.extend(name for name in items if isinstance(name, (str, int)))
    return out


def _edges(row: int, kind: str, body, by_id: dict) -> list[dict]:
    def edge(member=None, role=None, **extra):
        e = dict.fromkeys(COLUMNS)
        e.update(row=row, rel=kind, member=member, role=role, **extra)
        return e

    def row_of(name, role) -> int:
        if not isinstance(name, (str, int)) or str(name) not in by_id:
            raise ValueError(f"{role} `{name}` is not the id of a claim")
        if by_id[str(name)] == row:
            raise ValueError(f"{role} `{name}` is the claim itself")
        return by_id[str(name)]

    if kind not in TYPES:
        raise ValueError(f"unknown relation; known: {', '.join(TYPES)}")
    if kind in ("sum", "includes"):
        if not isinstance(body, list) or len(body) < 1:
            raise ValueError(f"expected a list of claim ids: {TYPES[kind]}")
        return [edge(row_of(name, "part"), "part") for name in body]
    if not isinstance(body, dict):
        raise ValueError(f"expected a mapping: {TYPES[kind]}")
    if kind == "change":
        _only(body, {"from", "to", "direction", "as"})
        direction = _choice(body.get("direction", "up"), ("up", "down"), "direction")
        mode = _choice(body.get("as", "growth"), ("growth", "multiple"), "as")
        return [edge(row_of(body.get(role), role), role, direction=direction, mode=mode) for role in ("from", "to")]
    if kind == "share":
        _only(body, {"part", "whole"})
        return [edge(row_of(body.get(role), role), role) for role in ("part", "whole")]
    _only(body, {"years", "direction"})
    years = body.get("years")
    if not isinstance(years, int) or isinstance(years, bool) or years < 2:
        raise ValueError("`years` must be a whole number of at least 2")
    return [edge(direction=_choice(body.get("direction", "up"), ("up", "down"), "direction"), years=years)]


def _only(body: dict, allowed: set) -> None:
    extra = set(body) - allowed
    if extra:
        raise ValueError(f"unknown key `{sorted(extra)[0]}` (allowed: {', '.join(sorted(allowed))})")


def _choice(value, choices, name):
    if value not in choices:
        raise ValueError(f"`{name}` must be one of {', '.join(choices)}, not {value!r}")
    return value


def arrow(edge_rows: list[dict]):
    import pyarrow as pa

    types = {"row": pa.int64(), "entry": pa.int64(), "member": pa.int64(), "years": pa.int64()}
    return pa.table({c: pa.array([e[c] for e in edge_rows], type=types.get(c, pa.string())) for c in COLUMNS})
