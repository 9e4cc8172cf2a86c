"""Synthetic corpora in the real claim format, with planted problems whose count is known.

Run: python benchmarks/generate.py N OUT_DIR [--docs M] [--seed S]

Writes OUT_DIR/claims/*.yaml, OUT_DIR/docs/*.txt and OUT_DIR/rules/ (the
project's units and lint data with a generated metric and entity registry),
and OUT_DIR/planted.json with what a correct check must find:
- contradictions: pairs of actual claims of one key whose values cannot both hold (CC201),
- parts: totals that are not the sum of their parts (CC301),
- duplicates: keys stated twice with the same value (CC205, info).
With --noisy, every claim also carries four findings of its own, as a first run over fresh drafts does:
an entity the registry lacks (CC131), a metric it lacks (CC130), a value and a qualifier that disagree
with the surface (CC111, CC112).
About a fifth of the claims share a key with another, a tenth are targets,
and every twentieth total has parts.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PER_DOC_LINES = 400
COUNTERS = ["人", "家", "个", "人次", "张", "项"]


def generate(n: int, out: Path, docs: int | None = None, seed: int = 7, noisy: bool = False) -> dict:
    rnd = random.Random(seed)
    _noisy[0] = noisy
    docs = docs or max(1, n // 200)
    metrics = [f"指标{i:04d}" for i in range(max(20, n // 500))]
    entities = [f"示例区{i:03d}" for i in range(max(10, n // 2000))]
    for sub in ("claims", "docs", "rules"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    _rules(out / "rules", metrics, entities)
    planted = {"contradictions": 0, "parts": 0, "duplicates": 0, "claims": 0}
    records_by_doc: list[list[str]] = [[] for _ in range(docs)]
    lines_by_doc: list[list[str]] = [[] for _ in range(docs)]
    made = 0
    while made < n:
        d = rnd.randrange(docs)
        roll = rnd.random()
        # every group gets a key of its own, so the planted problems are the only ones
        metric, entity = f"{rnd.choice(metrics)}-{made}", rnd.choice(entities)
        unit = COUNTERS[hash(metric) % len(COUNTERS)]
        year = rnd.randrange(2015, 2025)
        base = rnd.randrange(100, 100000)
        if roll < 0.02 and n - made >= 2:  # a planted contradiction: two actuals far apart
            for value in (base, base * 2 + 7):
                _claim(records_by_doc[d], lines_by_doc[d], metric, entity, year, "actual", f"{value}{unit}")
            planted["contradictions"] += 1
            made += 2
        elif roll < 0.20 and n - made >= 2:  # a repeated key with the same value (a duplicate)
            for _ in range(2):
                _claim(records_by_doc[d], lines_by_doc[d], metric, entity, year, "actual", f"{base}{unit}")
            planted["duplicates"] += 1
            made += 2
        elif roll < 0.25 and n - made >= 3:  # a total with parts; one in five does not add up
            parts = [rnd.randrange(1, 1000) for _ in range(2)]
            wrong = rnd.random() < 0.2
            total = sum(parts) + (rnd.randrange(5, 50) if wrong else 0)
            ids = [_claim(records_by_doc[d], lines_by_doc[d], f"{metric}分项{k}", entity, year, "actual",
                          f"{p}{unit}") for k, p in enumerate(parts)]
            _claim(records_by_doc[d], lines_by_doc[d], metric, entity, year, "actual", f"{total}{unit}",
                   relation=f"[{{sum: [{ids[0]}, {ids[1]}]}}]")
            planted["parts"] += wrong
            made += 3
        elif roll < 0.35:
            _claim(records_by_doc[d], lines_by_doc[d], metric, entity, 2030, "target", f"{base}{unit}以上")
            made += 1
        else:
            _claim(records_by_doc[d], lines_by_doc[d], metric, entity, year, "actual",
                   f"{base % 100}.{rnd.randrange(10)}%" if roll > 0.9 else f"{base}{unit}")
            made += 1
    for d in range(docs):
        name = f"doc{d:05d}"
        (out / "docs" / f"{name}.txt").write_text("\n".join(lines_by_doc[d]) + "\n", encoding="utf-8")
        (out / "claims" / f"{name}.yaml").write_text("".join(records_by_doc[d]).replace("DOC", name), encoding="utf-8")
    planted["claims"] = made
    (out / "planted.json").write_text(json.dumps(planted), encoding="utf-8")
    return planted


_counter = [0]
_noisy = [False]  # every claim with four findings of its own (see the module's docstring)


def _claim(records, lines, metric, entity, year, kind, surface, relation=None) -> str:
    _counter[0] += 1
    cid = f"c{_counter[0]}"
    quote = f"{year}年{entity}{metric}达{surface}"
    lines.append(quote + "。")
    rec = (f"- id: {cid}\n  metric: {metric}\n  entity: {entity}{'外' if _noisy[0] else ''}\n  period: \"{year}\"\n"
           f"  kind: {kind}\n  surface: {surface}\n  source: {{doc: DOC.txt, line: {len(lines)}, quote: {quote}}}\n")
    if _noisy[0]:  # CC111 and CC112: a value and a qualifier the surface does not have
        rec += "  value: 1\n  qualifier: nearly\n"
    if relation:
        rec += f"  relations: {relation}\n"
    records.append(rec)
    return cid


def _rules(folder: Path, metrics, entities) -> None:
    # metrics are left out of the registry on purpose: CC130 warnings are not what is measured
    lines = ["- {name: 重庆市}"] + [f"- {{name: {e}, parent: 重庆市}}" for e in entities]
    (folder / "entities.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    del metrics


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--noisy", action="store_true", help="four findings on every claim")
    args = ap.parse_args(argv)
    print(json.dumps(generate(args.n, args.out, args.docs, args.seed, args.noisy)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
