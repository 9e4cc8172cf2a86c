"""Living with findings: per-claim `ignore`, a sidecar file for documents, and a baseline.

A suppression always carries a written reason, and one that no longer
matches anything is reported, so suppressions cannot quietly pile up.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from checker.io.yamlfile import LineDict, LoadError, read_text, read_yaml


@dataclass(frozen=True)
class DocIgnore:
    """One entry of the sidecar file: a rule silenced at one line of one document."""

    doc: str
    line: int
    code: str
    reason: str
    path: str       # the sidecar file
    at: int         # its line there


@dataclass
class Outcome:
    kept: list
    suppressed: list
    baselined: list = field(default_factory=list)
    unused: list = field(default_factory=list)    # (path, line, text) of suppressions that matched nothing
    stale: list = field(default_factory=list)     # baseline entries no finding matches any more


def load_sidecar(path: Path | None) -> list[DocIgnore]:
    """Document suppressions: a YAML list of {doc, line, code, reason}; no file, no entries."""
    if path is None or not path.exists():
        return []
    data = read_yaml(read_text(path), str(path), problems := [])
    if problems:
        raise LoadError(f"{problems[0].path}:{problems[0].line}: {problems[0].message}")
    if data is None:
        return []
    if not isinstance(data, list):
        raise LoadError(f"{path}:1: expected a list of {{doc, line, code, reason}} entries")
    out = []
    for item in data:
        if not isinstance(item, LineDict) or not {"doc", "line", "code"} <= set(item):
            raise LoadError(f"{path}:{getattr(item, 'line', 1)}: each entry needs doc, line, code and reason")
        if not isinstance(item["line"], int) or isinstance(item["line"], bool):
            raise LoadError(f"{path}:{item.key_lines['line']}: `line` must be a whole number")
        out.append(DocIgnore(str(item["doc"]), item["line"], str(item["code"]), str(item.get("reason") or ""),
                             str(path), item.line))
    return out


def apply(findings, records, sidecar: list[DocIgnore], baseline: dict | None) -> Outcome:
    by_id = _ignores(findings, records)
    used_claim, used_doc = set(), set()
    free = not by_id and not sidecar and baseline is None  # nothing can suppress or accept a finding
    out = Outcome(list(findings) if free else [], [])
    for f in () if free else findings:
        if _claim_ignored(f, by_id, used_claim) or _doc_ignored(f, sidecar, used_doc):
            out.suppressed.append(f)
        elif baseline is not None and f.fingerprint() in baseline:
            out.baselined.append(f)
        else:
            out.kept.append(f)
    if baseline:
        seen = {f.fingerprint() for f in findings}
        out.stale = [entry for fp, entry in baseline.items() if fp not in seen]
    for rec in records.with_ignore():
        for code in rec.ignore:
            if (rec.values.get("id"), code) not in used_claim:
                out.unused.append((rec.path, rec.line_of("ignore"), f"`{rec.values.get('id')}` ignores {code}"))
    for entry in sidecar:
        if entry not in used_doc:
            out.unused.append((entry.path, entry.at, f"{entry.code} at {entry.doc}:{entry.line}"))
    return out


def _ignores(findings, records) -> dict:
    """Claim id → what its claim ignores (of the last claim with that id), for the ids findings name.

    Only the named ids, read from the id column: a dict of every record cost
    a million records' worth of objects at scale.
    """
    ignoring = {rec.row: rec.ignore for rec in records.with_ignore()}
    if not ignoring:
        return {}  # no claim ignores anything: no finding is suppressed by its claims
    last = records.rows_by_id({c for f in findings for c in f.claims})
    return {name: ignoring.get(row, {}) for name, row in last.items()}


def _claim_ignored(f, by_id, used: set) -> bool:
    """Every claim the finding concerns must ignore its code, each with a reason."""
    reasons = [(c, (by_id[c].get(f.code) or "").strip()) for c in f.claims if c in by_id]
    for c, _ in reasons:
        if f.code in by_id[c]:
            used.add((c, f.code))
    return bool(reasons) and all(reason for _, reason in reasons)


def _doc_ignored(f, sidecar, used: set) -> bool:
    if not sidecar or not f.locations:
        return False
    loc = f.locations[0]
    for entry in sidecar:
        if entry.code == f.code and entry.line == loc.line and _same_path(loc.path, entry.doc):
            used.add(entry)
            return bool(entry.reason.strip())
    return False


def _same_path(reported: str, written: str) -> bool:
    a, b = Path(reported).as_posix(), Path(written).as_posix()
    return a == b or a.endswith("/" + b)


BASELINE_VERSION = 1


def load_baseline(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LoadError(f"{path}: cannot read the baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("findings"), list):
        raise LoadError(f"{path}: not a claimcheck baseline (version {BASELINE_VERSION})")
    return {e["fingerprint"]: e for e in data["findings"] if isinstance(e, dict) and "fingerprint" in e}


def render_baseline(findings) -> str:
    entries = sorted(({"fingerprint": f.fingerprint(), "code": f.code, "message": f.message} for f in findings),
                     key=lambda e: (e["code"], e["fingerprint"]))
    return json.dumps({"version": BASELINE_VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"
