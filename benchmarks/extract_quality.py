"""How well `claimcheck extract` drafts hand-curated claims, on the seeds and on a development set.

Run: python benchmarks/extract_quality.py [--misses] [--corpus DIR]

Two corpora, one table each: the seed reports against claims/ (with the
seeds' rules/), and the development set of real official texts in
benchmarks/data/real/ against its hand-written claims (with its rules/;
only the documents that have a claims file count). Extracted and curated
records are matched by (document, line, value). Prints recall and precision
of the numbers found, and how often each proposed field agrees with the
curated record (metric and entity after the registry's aliases).

--corpus DIR measures another annotated folder instead: its texts in DIR and
their hand-written claims in DIR/claims, with DIR/rules if there is one, else
the built-in vocabulary alone (a new set of real texts, before any tuning on it).
"""
from __future__ import annotations

import argparse
import re
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
from checker.rules.cc108_period_notation import as_written  # noqa: E402


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
        out.append({"doc": v["doc"], "line": v.get("line"), "value": p.value, "unit": v.get("unit") or p.unit,
                    "qualifier": p.qualifier, "metric": v["metric"], "entity": v["entity"], "period": v["period"],
                    "kind": v["kind"], "surface": v["surface"]})
    return out


CORPORA = {  # name: (documents, curated claims, the project's rules)
    "seeds": (ROOT / "seeds", ROOT / "claims", ROOT / "rules"),
    "development set": (ROOT / "benchmarks/data/real", ROOT / "benchmarks/data/real/claims",
                        ROOT / "benchmarks/data/real/rules"),
}
FIELDS = ("value", "unit", "qualifier", "metric", "entity", "period", "kind")
GOALS = {"recall": 0.97, "precision": 0.95, "metric": 0.90, "entity": 0.90, "period": 0.90, "kind": 0.95}


def measure(docs: Path, claims: Path, rules: Path | None) -> dict:
    """Extract the documents that have curated claims and pair each draft with the claim of its line and value."""
    files = RuleFiles.of(rules)
    units = Units(files.units)
    ex = make_extractor(files)
    truth = curated(claims)
    names = sorted({t["doc"] for t in truth})
    found = [d for name in names for d in ex.document(name, (docs / name).read_text(encoding="utf-8"))
             if d.derived is None]  # figures the text implies are not printed: not counted here
    by_key: dict = {}
    for t in truth:
        by_key.setdefault((t["doc"], t["line"], t["value"]), []).append(t)
    pool = Counter({k: len(v) for k, v in by_key.items()})
    matched, extras = [], []
    for d in found:
        key = (d.doc, d.line, d.parsed.value)
        if pool[key] > 0:  # figures of one value on one line pair in the order they are written
            matched.append((d, by_key[key][len(by_key[key]) - pool[key]]))
            pool[key] -= 1
        else:
            extras.append(d)
    m, e = ex.registry.metrics, ex.registry.entities
    ex.registry.learn([n for d, t in matched for n in (d.metric, t["metric"])],
                      [n for d, t in matched for n in (d.entity, t["entity"])])  # composed names, as `check` reads them
    same = {
        "value": lambda d, t: d.parsed.value == t["value"],
        "unit": lambda d, t: _same_unit(units, d.unit, t["unit"]),
        "qualifier": lambda d, t: d.parsed.qualifier == t["qualifier"],
        "metric": lambda d, t: m.canonical(d.metric) == m.canonical(t["metric"]),
        "entity": lambda d, t: e.canonical(d.entity) == e.canonical(t["entity"]),
        "period": lambda d, t: d.period == _as_written(t["period"]),
        "kind": lambda d, t: d.kind == t["kind"],
    }
    wrong = {f: [(d, t) for d, t in matched if not same[f](d, t)] for f in FIELDS}
    misses = [by_key[k][0] for k, n in sorted(pool.items(), key=str) for _ in range(n)]
    return {"truth": truth, "found": found, "matched": matched, "extras": extras, "misses": misses, "wrong": wrong}


def _as_written(period: str) -> str:
    """A hand-written period in the claim format's notation, for the notations annotators also use for the
    same period: months that make a quarter (2018-10~12 is 2018Q4, as CC108 says) and a span of years
    with a tilde (2016~2020 is 2016-2020)."""
    return re.sub(r"^((?:19|20)[0-9]{2})~((?:19|20)[0-9]{2})$", r"\1-\2", as_written(str(period)))


def table(name: str, result: dict) -> list[str]:
    truth, found, matched = result["truth"], result["found"], result["matched"]
    rows = [f"## {name}: {len(truth)} curated figures, {len(found)} drafts, {len(matched)} paired",
            f"{'measure':<10} {'score':>6}  {'right/of':>9}  goal"]
    scores = {"recall": (len(matched), len(truth)), "precision": (len(matched), len(found))}
    scores.update({f: (len(matched) - len(result["wrong"][f]), len(matched)) for f in FIELDS})
    for measure_, (hits, of) in scores.items():
        goal = GOALS.get(measure_)
        mark = "" if goal is None else f">= {goal:.2f} {'ok' if of and hits / of >= goal else 'MISSED'}"
        rows.append(f"{measure_:<10} {hits / of if of else 0:6.3f}  {hits:>4}/{of:<4}  {mark}")
    cells = [(d, t) for d, t in matched if "|" in d.quote]  # figures in a table's cells (rows of `|`)
    if cells:
        right = {f: sum(1 for pair in cells if pair not in result["wrong"][f]) for f in ("metric", "period", "unit")}
        rows.append(f"table cells: {len(cells)} paired; " + ", ".join(
            f"{f} {n / len(cells):.3f} ({n}/{len(cells)})" for f, n in right.items()))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list every miss and every extra")
    ap.add_argument("--wrong", choices=FIELDS, action="append", default=[],
                    help="list the drafts whose FIELD disagrees with the curated claim (repeatable)")
    ap.add_argument("--only", choices=sorted(CORPORA), help="measure one corpus")
    ap.add_argument("--corpus", type=Path, help="measure this folder of texts, with its claims/ (and rules/)")
    args = ap.parse_args(argv)
    corpora = {args.corpus.name: (args.corpus, args.corpus / "claims",
                                  args.corpus / "rules" if (args.corpus / "rules").is_dir() else None)} \
        if args.corpus else CORPORA
    for name, paths in corpora.items():
        if args.only and args.only != name:
            continue
        result = measure(*paths)
        print("\n".join(table(name, result)) + "\n")
        for field_ in args.wrong:
            print(f"{field_} disagrees ({len(result['wrong'][field_])}):")
            for d, t in result["wrong"][field_]:
                print(f"  {d.doc[:14]}:{d.line}  {d.surface:<10} drafted {getattr(d, field_, d.parsed)!s:<16} "
                      f"curated {t[field_]!s:<16} | {d.quote}")
        if args.misses:
            print("missed (curated, not extracted):")
            for t in result["misses"]:
                print(f"  {t['doc'][:14]}:{t['line']}  {t['surface']}")
            print("extra (extracted, not curated):")
            for d in result["extras"]:
                print(f"  {d.doc[:14]}:{d.line}  {d.surface}   | {d.quote}")
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
