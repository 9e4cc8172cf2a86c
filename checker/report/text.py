"""Terminal report: findings grouped by document, then a summary line."""
from __future__ import annotations

import io
import os
import sys

from checker.report.summary import fix_shown, held_line, listed, summary_line

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def group_of(finding) -> str:
    """Findings are grouped by the source document they concern, else by file."""
    for loc in finding.locations:
        if loc.role == "source":
            return loc.path
    return finding.locations[0].path if finding.locations else "(no location)"


def _position(finding, path: str) -> str:
    for loc in finding.locations:
        if loc.path == path and loc.line is not None:
            return f"{loc.line}:{loc.column}" if loc.column else f"{loc.line}"
    return "-"


def render(result, color: bool | None = None, verbose: bool = False) -> str:
    from rich.console import Console
    from rich.markup import escape

    if color is None:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=_width(),
                      highlight=False, soft_wrap=not color, emoji=False)  # :100: is a place, not 💯
    groups: dict = {}
    for f in result.findings:
        groups.setdefault(group_of(f), []).append(f)
    for path, findings in groups.items():
        console.print(f"[bold underline]{escape(path)}[/]")
        findings, held = listed(findings, verbose)
        for f in findings:
            sev = f"[{STYLE[f.severity]}]{f.severity:<7}[/]"
            console.print(f"  {_position(f, path):>7}  {sev}  [bold]{f.code}[/]  {escape(f.message)}")
            others = [str(loc) for loc in f.locations]
            console.print(f"           [dim]at {escape(', '.join(others))}[/]")
            if f.fix:
                console.print(f"           [green]fix:[/] {escape(fix_shown(f))}")
        if held:
            console.print(f"  [dim]{escape(held_line(held))}[/]")
        console.print()
    console.print(f"[bold]{escape(summary_line(result))}[/]")
    return buffer.getvalue()


def _width() -> int:
    try:
        return max(80, os.get_terminal_size().columns)
    except OSError:
        return 120
