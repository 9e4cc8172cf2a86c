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
        def row_of(name, role, row=row) -> int:
            if str(name) not in by_id:
                raise ValueError(not_an_id(role, name))
            if by_id[str(name)] == row:
                raise ValueError(the_claim_itself(role, name))
            return by_id[str(name)]

        for at, entry in enumerate(relations):
            (kind, body), = entry.items()
            try:
                out.extend(dict(e, entry=at) for e in _edges(row, kind, body, row_of))
            except ValueError as exc:
                problems.append(relation_problem(records[row], kind, exc, row))
    return out


def unresolved(records: Records, problems: list[Problem]) -> list[dict]:
    """The edges as written, their members still named by id (member_name) and numbered in the order they are
    named (order): for an engine that looks the ids up itself, over claim files it never holds at once. A
    relation of the wrong shape is a problem here already; one naming no claim is found where the ids are."""
    out: list[dict] = []
    for row, relations in records.stated_relations():
        for at, entry in enumerate(relations):
            named: list = []

            def row_of(name, role, named=named) -> int:
                if not isinstance(name, (str, int)):
                    raise ValueError(not_an_id(role, name))
                named.append(str(name))
                return -len(named)  # a stand-in, replaced once the id is looked up

            (kind, body), = entry.items()
            try:
                found = _edges(row, kind, body, row_of)
            except ValueError as exc:
                problems.append(relation_problem(records[row], kind, exc, row))
                continue
            for e in found:
                name = named[-e["member"] - 1] if e["member"] is not None else None
                out.append(dict(e, entry=at, member=None, member_name=name,
                                order=-e["member"] if e["member"] is not None else 0))
    return out


def not_an_id(role: str, name) -> str:
    return f"{role} `{name}` is not the id of a claim"


def the_claim_itself(role: str, name) -> str:
    return f"{role} `{name}` is the claim itself"


def relation_problem(rec, kind: str, exc, row: int) -> Problem:
    return Problem("CC141", rec.path, rec.line_of("relations"), f"relation `{kind}` of `{rec.values.get('id')}`: {exc}",
                   row)


def _names(relations) -> list:
    """The claim ids the relations name (only these are looked up: a dict of every id cost a second at scale)."""
    out = []
    for entry in relations:
        for body in entry.values() if isinstance(entry, dict) else ():
            items = body if isinstance(body, list) else body.values() if isinstance(body, dict) else ()
            out.extend(name for name in items if isinstance(name, (str, int)))
    return out


def _edges(row: int, kind: str, body, row_of) -> list[dict]:
    """The edges of one relation; row_of(name, role) gives a member's row (ValueError: no such claim)."""
    def edge(member=None, role=None, **extra):
        e = dict.fromkeys(COLUMNS)
        e.update(row=row, rel=kind, member=member, role=role, **extra)
        return e

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
