"""GitHub Actions workflow commands: one annotation per finding, on its first location."""
from __future__ import annotations

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def render(result) -> str:
    out = []
    for f in result.findings:
        props = [f"title={_prop(f.code)}"]
        pages = [loc for loc in f.locations if loc.page is not None]
        if pages:  # an annotation has no page: its title says where in the PDF
            name = pages[0].path.replace("\\", "/").rsplit("/", 1)[-1]
            props = [f"title={_prop(f'{f.code} (page {pages[0].page} of {name})')}"]
        if f.locations:
            loc = f.locations[0]
            props = [f"file={_prop(loc.path)}"] + ([f"line={loc.line}"] if loc.line else []) + \
                    ([f"col={loc.column}"] if loc.column else []) + props
        out.append(f"::{COMMAND[f.severity]} {','.join(props)}::{_data(f.message)}")
    return "\n".join(out) + ("\n" if out else "")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
