"""JUnit XML: one test case per rule; its findings are the failure (errors and warnings) or output (info)."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr


def render(result) -> str:
    from checker import rules as rule_modules

    modules = rule_modules.all_rules()
    by_code: dict = {}
    for f in result.findings:
        by_code.setdefault(f.code, []).append(f)
    cases, failures = [], 0
    for code, module in modules.items():
        found = by_code.get(code, [])
        failing = [f for f in found if f.severity != "info"]
        body = ""
        if failing:
            failures += 1
            text = "\n".join(_line(f) for f in failing)
            body += (f"<failure message={quoteattr(f'{len(failing)} finding(s) of {code} {module.NAME}')} "
                     f"type={quoteattr(code)}>{escape(text)}</failure>")
        infos = [f for f in found if f.severity == "info"]
        if infos:
            body += f"<system-out>{escape(chr(10).join(_line(f) for f in infos))}</system-out>"
        cases.append(f'  <testcase classname="claimcheck" name={quoteattr(f"{code} {module.NAME}")}>{body}</testcase>')
    head = (f'<testsuite name="claimcheck" tests="{len(cases)}" failures="{failures}" errors="0" skipped="0">')
    return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n' + head + "\n" + "\n".join(cases) + \
        "\n</testsuite>\n</testsuites>\n"


def _line(f) -> str:
    where = ", ".join(str(loc) for loc in f.locations)
    return f"{f.severity} {f.code}: {f.message} [{where}]"
