"""Markdown report, for pull-request comments and reviewed reports in a repository."""
from __future__ import annotations

import re

from checker import __version__
from checker.report.summary import fix_shown, held_line, listed, summary, summary_line
from checker.report.text import group_of

ICON = {"error": "🔴", "warning": "🟡", "info": "🔵"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")


def escape(text: str) -> str:
    """Escape what Markdown would read as markup; also stops HTML from documents."""
    return _SPECIAL.sub(r"\\\1", text)


def render(result, verbose: bool = False) -> str:
    s = summary(result)
    out = ["# claimcheck report", "", f"**{escape(summary_line(result))}**", ""]
    out += ["| severity | findings |", "| --- | ---: |"]
    out += [f"| {ICON[sev]} {sev} | {n} |" for sev, n in s["by_severity"].items()]
    out += ["", "| rule | findings |", "| --- | ---: |"]
    out += [f"| {code} | {n} |" for code, n in s["by_code"].items()]
    groups: dict = {}
    for f in result.findings:
        groups.setdefault(group_of(f), []).append(f)
    for path, findings in groups.items():
        out += ["", f"## {escape(path)}", ""]
        findings, held = listed(findings, verbose)
        for f in findings:
            where = ", ".join(f"`{loc}`" for loc in f.locations)
            out.append(f"- {ICON[f.severity]} **{f.code}** {f.severity}: {escape(f.message)}  ")
            out.append(f"  {where}" + (f"  \n  fix: {escape(fix_shown(f))}" if f.fix else ""))
        if held:
            out.append(f"- {ICON['info']} {escape(held_line(held))}")
    verified = getattr(result, "verified", None) or []
    if verified:
        out += ["", f"## ✅ Verified against the reference figures ({len(verified)})", "",
                "| claim | official figure | document | published | quote |", "| --- | --- | --- | --- | --- |"]
        out += [f"| {escape(str(v['claim']))} | {escape(v['value'])} | {escape(v['reference'])}: {escape(v['document'])} "
                f"| {escape(v['published'])} | {escape(v['quote'])} |" for v in verified]
    out += ["", f"<sub>claimcheck {__version__}</sub>", ""]
    return "\n".join(out)
