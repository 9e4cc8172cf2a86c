"""Terminal report: findings grouped by document, then a summary line."""
from __future__ import annotations

import io
import os
import sys

from checker.report.summary import summary_line

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def group_of(finding) -> str:
    """Findings are grouped by the source document they concern, else by file."""
    for loc in finding.locations:
        if loc.role == "source":
            return loc.path
    return finding.locations[0].path if finding.locations else "(no location)"


def render(result, color: bool | None = None) -> str:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    if color is None:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=_width(), highlight=False)
    groups: dict = {}
    for f in result.findings:
        groups.setdefault(group_of(f), []).append(f)
    for path, findings in groups.items():
        console.print(f"[bold underline]{escape(path)}[/]")
        table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold")
        for f in findings:
            where = "\n".join(escape(str(loc)) for loc in f.locations)
            table.add_row(f"[{STYLE[f.severity]}]{f.severity}[/]", f.code, "", f"{escape(f.message)}\n[dim]{where}[/]")
        console.print(table)
        console.print()
    console.print(f"[bold]{escape(summary_line(result))}[/]")
    return buffer.getvalue()


def _width() -> int:
    try:
        return max(80, os.get_terminal_size().columns)
    except OSError:
        return 120
