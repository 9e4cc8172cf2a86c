"""Extraction throughput on the seeds repeated to at least 10 MB.

Run: python benchmarks/extract_speed.py [--mb 10]

Prints characters per second for `claimcheck extract`'s full pass (find,
filter, normalise, propose) next to a bare `re.finditer` scan with the same
quantity pattern, and their ratio, for one process and for one process per
core (`--jobs`, what `claimcheck extract` does by default on over a megabyte of
text; the bare scan stays one process). Goal: at least one third.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.extract.extractor import make_extractor  # noqa: E402
from checker.load.rulefiles import RuleFiles


def corpus(seeds: Path, megabytes: float) -> str:
    one = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    times = int(megabytes * 1_000_000 // len(one.encode("utf-8"))) + 1
    return "\n".join([one] * times)


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    rules = ROOT / "rules"
    ex = make_extractor(RuleFiles.of(rules))
    text = corpus(ROOT / "seeds", args.mb)
    chars = len(text)
    pattern: re.Pattern = ex.pattern
    bare = best_of(args.repeat, lambda: sum(1 for _ in pattern.finditer(text)))
    drafts = []
    full = best_of(args.repeat, lambda: drafts.append(len(ex.document("bench.txt", text))))
    jobs = os.cpu_count() or 1
    shared = best_of(args.repeat, lambda: drafts.append(len(ex.documents([("bench.txt", text)], jobs))))
    assert len(set(drafts)) == 1, "the processes found other drafts than one process"
    print(f"text: {chars:,} characters ({len(text.encode('utf-8')) / 1e6:.1f} MB), {drafts[-1]:,} drafts")
    print(f"bare re.finditer (1 process)  : {chars / bare:14,.0f} chars/s  ({bare:.2f} s)")
    print(f"claimcheck extract (1 process): {chars / full:14,.0f} chars/s  ({full:.2f} s)  ratio {bare / full:.2f}")
    print(f"claimcheck extract ({jobs} processes, the default on this machine): {chars / shared:11,.0f} chars/s  "
          f"({shared:.2f} s)  ratio {bare / shared:.2f}")
    print("goal: ratio >= 0.33")
    return 0


if __name__ == "__main__":
    sys.exit(main())
