"""Write docs/rules.md from the rule modules' docstrings: `python tests/rules_page.py`.

The docstrings are the documentation (`claimcheck explain CODE` prints the
same text); this page gathers them, and tests/test_rules_page.py fails when
the committed page and the rules differ.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "rules.md"

HEADER = """\
# Rules

Every rule of claimcheck: its stable code, name, default severity, what it
reads, and its documentation with a passing and a failing example (each
example is run by the tests). `claimcheck rules` lists them and
`claimcheck explain CODE` prints one; a project changes a severity with
`severity` in its configuration and silences a rule for one claim with
`ignore: {CODE: reason}` (see [cli.md](cli.md)).

Generated from `checker/rules/` by `python tests/rules_page.py`.

| reads | what the rule is given | run by |
| --- | --- | --- |
| records | each claim on its own, with what loading it met | check, validate |
| table | the claim table across claims and documents | check |
| texts | the documents' text alone | check, lint |
| suppressions | the suppressions in claims and the suppression file | check, validate, lint |
| baseline | the baseline file and what it accepted | check |

"""


def render() -> str:
    from checker.rules import RUN_BY, all_rules, summary

    modules = all_rules()
    out = [HEADER, "| code | name | severity | reads | summary |\n| --- | --- | --- | --- | --- |\n"]
    for code, module in modules.items():
        out.append(f"| [{code}](#{code.lower()}) | {module.NAME} | {module.SEVERITY} | {module.READS} | "
                   f"{_cell(summary(module))} |\n")
    for code, module in modules.items():
        commands = ", ".join(c for c, reads in RUN_BY.items() if module.READS in reads)
        scope = getattr(module, "SCOPE", None)
        out.append(f"\n## {code}\n\n**{module.NAME}** · {module.SEVERITY} · reads {module.READS} · run by {commands}"
                   + (f" · scope {_scope(scope)}" if scope else "") + "\n\n")
        out.append(_markdown(module.__doc__ or ""))
    return "".join(out)


def _cell(text: str) -> str:
    return text.replace("``", "`").replace("|", "\\|")


def _scope(scope) -> str:
    return " and ".join(f"`{s}`" for s in scope) if isinstance(scope, tuple) else f"`{scope}`"


_EXAMPLE = re.compile(r"^(Passing|Failing) example::\n\n((?:(?:    .*)?\n)+)", re.M)


def _markdown(doc: str) -> str:
    """The docstring with its reStructuredText examples as fenced YAML blocks."""
    import textwrap

    text = textwrap.dedent(doc).strip() + "\n"
    first, _, rest = text.partition("\n")
    text = textwrap.dedent(rest).strip() + "\n" if rest.strip() else ""
    text = first + "\n\n" + text if text else first + "\n"
    text = text.replace("``", "`")

    def fenced(m) -> str:
        return f"{m.group(1)} example:\n\n```yaml\n{textwrap.dedent(m.group(2)).strip()}\n```\n"

    return _EXAMPLE.sub(fenced, text)


if __name__ == "__main__":
    OUTPUT.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {OUTPUT}\n")
