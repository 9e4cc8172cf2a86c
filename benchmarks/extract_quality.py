"""How well `claimcheck extract` drafts the curated claims of the seed corpus.

Run: python benchmarks/extract_quality.py [--misses]

Extracted and curated records are matched by (document, line, value). Prints
recall and precision of the numbers found, and how often each proposed field
agrees with the curated record (metric and entity after registry aliases).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.extract.extractor import make_extractor  # noqa: E402
from checker.language import numbers  # noqa: E402
from checker.language.units import Units  # noqa: E402
from checker.load.claims import load  # noqa: E402
from checker.load.rulefiles import RuleFiles  # noqa: E402


def curated(claims_dir: Path):
    records, _ = load([str(claims_dir)])
    out = []
    for r in records:
        v = r.values
        if not v.get("surface"):
            continue  # derived figures are not printed, so not extractable
        try:
            p = numbers.parse(v["surface"])
        except numbers.NumberError:
            continue
        out.append({"doc": v["doc"], "line": v.get("line"), "value": p.value, "unit": p.unit or v.get("unit"),
                    "qualifier": p.qualifier, "metric": v["metric"], "entity": v["entity"], "period": v["period"],
                    "kind": v["kind"], "surface": v["surface"]})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list every miss and every extra")
    ap.add_argument("--seeds", default=str(ROOT / "seeds"))
    ap.add_argument("--claims", default=str(ROOT / "claims"))
    ap.add_argument("--rules", default=str(ROOT / "rules"))
    args = ap.parse_args(argv)
    rules = Path(args.rules)
    files = RuleFiles.of(rules)
    units = Units(files.units)
    ex = make_extractor(files)
    registry = ex.registry
    found = []
    for doc in sorted(Path(args.seeds).glob("*.txt")):
        found += ex.document(doc.name, doc.read_text(encoding="utf-8"))
    truth = curated(Path(args.claims))
    pool = Counter((t["doc"], t["line"], t["value"]) for t in truth)
    by_key = {}
    for t in truth:
        by_key.setdefault((t["doc"], t["line"], t["value"]), []).append(t)
    matched, extras = [], []
    for d in found:
        key = (d.doc, d.line, d.parsed.value)
        if pool[key] > 0:
            pool[key] -= 1
            matched.append((d, by_key[key][pool[key]]))
        else:
            extras.append(d)
    misses = [k for k, n in pool.items() for _ in range(n)]
    recall = len(matched) / len(truth)
    precision = len(matched) / len(found) if found else 0.0
    print(f"curated numbers: {len(truth)}   extracted: {len(found)}   matched: {len(matched)}")
    print(f"recall    {recall:.3f}   (goal >= 0.97)")
    print(f"precision {precision:.3f}   (goal >= 0.90)")
    m, e = registry.metrics, registry.entities
    checks = {
        "value": lambda d, t: d.parsed.value == t["value"],
        "unit": lambda d, t: _same_unit(units, d.parsed.unit, t["unit"]),
        "qualifier": lambda d, t: d.parsed.qualifier == t["qualifier"],
        "metric": lambda d, t: m.canonical(d.metric) == m.canonical(t["metric"]),
        "entity": lambda d, t: e.canonical(d.entity) == e.canonical(t["entity"]),
        "period": lambda d, t: d.period == t["period"],
        "kind": lambda d, t: d.kind == t["kind"],
    }
    for name, ok in checks.items():
        hits = sum(1 for d, t in matched if ok(d, t))
        print(f"{name:<10} accuracy {hits / len(matched):.3f}  ({hits}/{len(matched)})")
    if args.misses:
        print("\nmissed (curated, not extracted):")
        for doc, line, value in sorted(misses):
            t = by_key[(doc, line, value)][0]
            print(f"  {doc[:3]}:{line}  {t['surface']}")
        print("\nextra (extracted, not curated):")
        for d in extras:
            print(f"  {d.doc[:3]}:{d.line}  {d.surface}   | {d.quote}")
    return 0


def _same_unit(units, a, b) -> bool:
    if not a or not b:
        return a == b
    try:
        return units.same(a, b)
    except Exception:  # an unknown unit on either side is a disagreement
        return False


if __name__ == "__main__":
    sys.exit(main())
