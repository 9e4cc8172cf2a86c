"""Findings: what a check reports, and where."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True, order=True, slots=True)  # slots: a million claims can mean a million places
class Location:
    path: str
    line: int | None = None
    column: int | None = None
    role: str = ""  # "claim" (the YAML record) or "source" (the quoted text)

    def __str__(self) -> str:
        out = self.path
        if self.line is not None:
            out += f":{self.line}"
            if self.column is not None:
                out += f":{self.column}"
        return out

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "role": self.role}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: str
    message: str
    locations: tuple[Location, ...] = ()
    claims: tuple[str, ...] = field(default=())  # claim ids involved, in order
    span: str = ""   # the exact text concerned, for findings about a document
    fix: str = ""    # the likely intended text, where there is one

    def sort_key(self):
        """By the place in the source text when there is one: that is how people read."""
        sources = [loc for loc in self.locations if loc.role == "source"]
        first = sources[0] if sources else (self.locations[0] if self.locations else Location(""))
        places = tuple((loc.path, loc.line or 0, loc.column or 0, loc.role) for loc in self.locations)
        # every field: the order never depends on the order the findings were made in (checker.reuse)
        return (first.path, first.line or 0, first.column or 0, self.code, self.message, self.claims, places,
                self.span, self.fix)

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
        }


def at_or_above(findings, threshold: str) -> list[Finding]:
    return [f for f in findings if RANK[f.severity] >= RANK[threshold]]
