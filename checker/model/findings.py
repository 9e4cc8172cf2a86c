"""Findings: what a check reports, and where."""
from __future__ import annotations

from typing import NamedTuple

SEVERITIES = ("error", "warning", "info")
RANK = {"error": 3, "warning": 2, "info": 1}


class Location(NamedTuple):  # a tuple: a million places are made in a second, and kept findings are made again
    path: str
    line: int | None = None
    column: int | None = None
    role: str = ""  # "claim" (the YAML record) or "source" (the quoted text)
    page: int | None = None  # the page of a document with pages (PDF) the line is on

    def __str__(self) -> str:
        out = self.path
        if self.line is not None:
            out += f":{self.line}"
            if self.column is not None:
                out += f":{self.column}"
        if self.page is not None:
            out += f" (page {self.page})"
        return out

    def as_dict(self) -> dict:
        out = {"path": self.path, "line": self.line, "column": self.column, "role": self.role}
        if self.page is not None:
            out["page"] = self.page
        return out


class Finding(NamedTuple):  # a tuple, like Location: made by the hundred thousand when kept from the last run
    code: str
    severity: str
    message: str
    locations: tuple[Location, ...] = ()
    claims: tuple[str, ...] = ()  # claim ids involved, in order
    span: str = ""   # the exact text concerned, for findings about a document
    fix: str = ""    # the likely intended text, where there is one
    guess: str = ""  # the draft's guess it rests on ("<id>'s metric"): advice until a person confirms the draft

    def sort_key(self):
        """By the place in the source text when there is one: that is how people read."""
        for first in self.locations:  # a loop, not next() over a generator: made for every finding of a run
            if first.role == "source":
                break
        else:
            first = self.locations[0] if self.locations else _NOWHERE
        return (first.path, first.line or 0, first.column or 0, self.code, self.message)

    def _every_field(self):
        places = tuple((loc.path, loc.line or 0, loc.column or 0, loc.role) for loc in self.locations)
        return self.sort_key() + (self.claims, places, self.span, self.fix)

    def fingerprint(self) -> str:
        """Identity across runs: the rule and the claims or text concerned, not line numbers or wording."""
        import hashlib
        import re

        if self.claims:
            key = ",".join(sorted(self.claims))
        else:
            first = self.locations[0].path if self.locations else ""
            key = f"{first}|{self.span or re.sub(r'[0-9]+', '#', self.message)}"
        return hashlib.sha256(f"{self.code}|{key}".encode("utf-8")).hexdigest()[:32]

    def as_dict(self) -> dict:
        return {
            "fingerprint": self.fingerprint(),
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "claims": list(self.claims),
            "locations": [loc.as_dict() for loc in self.locations],
            **({"span": self.span} if self.span else {}),
            **({"fix": self.fix} if self.fix else {}),
            **({"guess": self.guess} if self.guess else {}),
        }


def in_order(findings) -> list:
    """Findings sorted by sort_key, and findings alike in it by every field: the order never depends on the order
    they were made in (checker.run.kept keeps some from the last run)."""
    from itertools import groupby

    findings = list(findings)
    keys = list(map(Finding.sort_key, findings))
    order = sorted(range(len(findings)), key=keys.__getitem__)
    out: list = []
    for _, alike in groupby(order, key=keys.__getitem__):
        members = [findings[at] for at in alike]
        if len(members) > 1:
            members.sort(key=Finding._every_field)
        out.extend(members)
    return out


_NOWHERE = Location("")


def at_or_above(findings, threshold: str) -> list[Finding]:
    return [f for f in findings if RANK[f.severity] >= RANK[threshold]]
