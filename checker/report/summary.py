"""Counts shared by every report format."""
from __future__ import annotations

from collections import Counter

from checker.model.findings import SEVERITIES


def summary(result) -> dict:
    by_severity = Counter(f.severity for f in result.findings)
    return {
        "claims": result.claims,
        "files": result.files,
        "findings": len(result.findings),
        "by_severity": {s: by_severity.get(s, 0) for s in SEVERITIES},
        "by_code": dict(sorted(Counter(f.code for f in result.findings).items())),
        "suppressed": len(result.suppressed),
        "documents": result.documents,
        "baselined": len(result.baselined),
        "waiting_on_drafts": getattr(result, "waiting", 0),
        "verified": len(getattr(result, "verified", None) or ()),
    }


def summary_line(result) -> str:
    s = summary(result)
    counts = ", ".join(f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in s["by_severity"].items())
    extra = f", {s['suppressed']} suppressed" if s["suppressed"] else ""
    extra += f", {s['baselined']} in the baseline" if s["baselined"] else ""
    if s["verified"]:
        extra += f"; {s['verified']} verified against the reference figures"
    if s["waiting_on_drafts"]:
        extra += f"; {s['waiting_on_drafts']} rest on drafts' guesses: confirm those drafts"
    scope = []
    if s["files"] or not s["documents"]:
        scope.append(f"{_n(s['claims'], 'claim')} from {_n(s['files'], 'file')}")
    if s["documents"]:
        scope.append(f"{_n(s['documents'], 'document')} linted")
    return f"{counts}{extra} in {', '.join(scope)}"


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def listed(findings, verbose: bool) -> tuple[list, list]:
    """(listed, held back): a report for people lists the info that rests on drafts' guesses only when asked
    (--verbose); a first run over a report's drafts makes thousands of them."""
    if verbose:
        return list(findings), []
    shown, held = [], []
    for f in findings:
        (held if f.guess and f.severity == "info" else shown).append(f)
    return shown, held


def held_line(held: list) -> str:
    """One line for the findings held back: how many, by rule, and how to list them."""
    by_code = Counter(f.code for f in held).most_common()
    codes = ", ".join(f"{code} {n}" for code, n in by_code)
    return f"+ {len(held)} info resting on drafts' guesses ({codes}): --verbose lists them"


SHOWN_SPAN = 40  # characters of a fix's span shown; a PDF's degenerate line can make it thousands long


def fix_shown(finding) -> str:
    """The fix as people read it: the span, cut short when long, and what it becomes."""
    span = finding.span
    if len(span) > SHOWN_SPAN:
        span = f"{span[:SHOWN_SPAN]}… ({len(span):,} characters)"
    return f"{span} → {finding.fix}"
