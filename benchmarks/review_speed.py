"""How long `claimcheck review` takes from a save to the page's updated findings.

Run: python benchmarks/review_speed.py [--sizes 10000] [--work DIR]

For the seeds (their drafts, as `claimcheck extract` writes them) and for
synthetic corpora (benchmarks/generate.py: N claims in N/200 documents), a
review session is started (the first check, with an empty cache), then one
claim after another is confirmed with a corrected note, as the page does: each
save writes the claim file and runs the check again with the cache. Printed:
the first check's time, and the median and slowest of five saves, with the
time of the same check run once more without the cache for comparison.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from checker.load import settings as config  # noqa: E402
from checker.review.session import Review  # noqa: E402
from checker.run import runner  # noqa: E402


def seeds_corpus(work: Path) -> tuple[Path, Path, Path]:
    from checker.extract.drafts import HEADER, records, render_yaml
    from checker.extract.extractor import make_extractor
    from checker.load.rulefiles import RuleFiles

    docs, claims = work / "docs", work / "claims"
    shutil.copytree(ROOT / "seeds", docs)
    claims.mkdir()
    ex = make_extractor(RuleFiles.of(ROOT / "rules"))
    for doc in sorted(docs.glob("*.txt")):
        drafts = ex.document(doc.name, doc.read_text(encoding="utf-8"))
        (claims / f"{doc.stem}.yaml").write_text(HEADER + render_yaml(records(drafts)), encoding="utf-8")
    return claims, docs, ROOT / "rules"


def generated_corpus(n: int, work: Path) -> tuple[Path, Path, Path]:
    from generate import generate

    generate(n, work)
    return work / "claims", work / "docs", work / "rules"


def measure(name: str, claims: Path, docs: Path, rules: Path, cache: Path) -> None:
    settings = config.resolve({"claims": [str(claims)], "docs": str(docs), "rules": str(rules),
                               "cache_dir": str(cache)})
    review = Review(settings)
    start = time.perf_counter()
    review.refresh()
    first = time.perf_counter() - start
    doc = max(review.by_doc, key=lambda d: len(review.by_doc[d]))
    saves = []
    for i, rec in enumerate(review.by_doc[doc][:5]):
        shown = review.document(doc)
        start = time.perf_counter()
        review.save({"action": "correct", "id": rec.values["id"], "files": shown["files"],
                     "fields": {"note": f"checked {i}"}})
        saves.append(time.perf_counter() - start)
    start = time.perf_counter()
    runner.run(config.resolve({"claims": [str(claims)], "docs": str(docs), "rules": str(rules), "cache_dir": None}))
    uncached = time.perf_counter() - start
    print(f"{name:<22} {review.result.claims:>8,} claims  first check {first:6.2f} s  save → findings: median "
          f"{statistics.median(saves):5.2f} s, slowest {max(saves):5.2f} s  (a check without the cache: "
          f"{uncached:5.2f} s)", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        measure("the seeds' drafts", *seeds_corpus(work / "seeds"), work / "cache-seeds")
        for n in (int(s) for s in args.sizes.split(",") if s):
            measure(f"generated, {n:,}", *generated_corpus(n, work / f"n{n}"), work / f"cache-{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
