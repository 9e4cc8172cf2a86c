"""SARIF 2.1.0, as GitHub code scanning reads it."""
from __future__ import annotations

import json

from checker import __version__

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
URI = "https://claimcheck.invalid/rules/"


def render(result) -> str:
    from checker import rules as rule_modules

    modules = rule_modules.all_rules()
    severities = getattr(result.context, "severities", None) or {c: m.SEVERITY for c, m in modules.items()}
    codes = list(modules)
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for f in result.findings:
        primary, *related = f.locations or ()
        item = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVEL[f.severity],
            "message": {"text": f.message},
            "partialFingerprints": {"claimcheck/v1": f.fingerprint()},
        }
        if primary:
            item["locations"] = [_location(primary)]
        if related:
            item["relatedLocations"] = [dict(_location(loc), id=i) for i, loc in enumerate(related, start=1)]
        if f.fix:
            item["properties"] = {"span": f.span, "fix": f.fix}
        results.append(item)
    run = {
        "tool": {"driver": {
            "name": "claimcheck", "version": __version__, "informationUri": "https://claimcheck.invalid/",
            "rules": [_rule(code, modules[code], severities.get(code, modules[code].SEVERITY)) for code in codes],
        }},
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rule(code, module, severity) -> dict:
    doc = (module.__doc__ or "").strip()
    summary = doc.splitlines()[0] if doc else code
    return {
        "id": code,
        "name": module.NAME,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "helpUri": URI + code,
        "defaultConfiguration": {"level": LEVEL[severity]},
    }


def _location(loc) -> dict:
    region = {"startLine": loc.line or 1}
    if loc.column:
        region["startColumn"] = loc.column
    out = {"physicalLocation": {"artifactLocation": {"uri": loc.path.replace("\\", "/")}, "region": region},
           "message": {"text": {"claim": "claim record", "rules": "rules file"}.get(loc.role, "source text")}}
    if loc.page is not None:  # SARIF regions have no pages: a property, and the message says it
        out["properties"] = {"page": loc.page}
        out["message"]["text"] += f", page {loc.page}"
    return out
