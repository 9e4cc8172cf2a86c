"""How `claimcheck check` scales with the number of claims, against the YAML parsing floor.

Run: python benchmarks/check_scale.py [--sizes 10000,100000,1000000] [--work DIR] [--engine spark]

For each size a synthetic corpus is generated (benchmarks/generate.py, with
planted problems) and checked in a fresh process. Printed per size: the time
PyYAML's CSafeLoader alone needs to parse the same files (the floor), the
time of claimcheck's load, table (validation reading), rules and total, the
ratio total/floor, peak memory, and whether every planted problem was
found. Peak memory is the larger of the check process's own peak RSS and
the sampled sum of the proportional set sizes of it and its helper
processes (parsing, checker.load.claims; the document rules, checker.run.document_rules). The
floor is measured in a process of its own, so that its garbage does not count.
Then one claim file is edited and `check` runs again with the cache the
first run filled (its pack and kept findings too): how many files were
parsed again, the load, table, rules and total times, the ratio to the
floor, peak memory, and whether the findings are the same.
Then the time to render the JSON and the HTML report of the cold run (the HTML report, every document
with its figures marked, must cost at most the JSON report's time again). Then the growth exponent
between sizes (1.0 is linear). With --noisy, every claim of the corpus also
carries four findings of its own (benchmarks/generate.py), as a first check of fresh drafts does, and the
vocabulary rules are not ignored: findings must be cheap too. Start-up time of
`claimcheck --version` and `--help` is compared with `python -c pass`.

With --engine spark, each corpus is checked by both engines instead, each in a process of its own and
without a cache: Spark on local[2] with spark.driver.memory=1g (Spark's settings may add to it). Printed: the
time of each, Spark's ratio to DuckDB (with --repeat N each engine runs N times, in turns, and the medians are
compared: a shared machine's load varies by half from one minute to the next), the peak memory of the
driver's Python process, of the JVM (driver and, in local mode, the executors) and of the executors' Python
workers, and whether the findings are identical. First: the class archive Spark's JVM starts from
(checker.table.spark_classes); when there is none yet, the first Spark run writes it as its process exits, which
the times (the check's own) leave out.
"""
from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLOOR = r"""
import json, sys, time
from pathlib import Path
import yaml
files = sorted((Path(sys.argv[1]) / "claims").glob("*.yaml"))
start = time.perf_counter()
for f in files:
    yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
print(json.dumps({"floor": time.perf_counter() - start, "files": len(files)}))
"""

# How memory is read, in the check's own process: proportional set sizes of it and the processes below it.
PROBES = r"""
import os

def pss(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
    except (OSError, StopIteration):
        return 0

def descendants(pid):
    out = []
    try:
        for t in os.listdir(f"/proc/{pid}/task"):
            for c in open(f"/proc/{pid}/task/{t}/children").read().split():
                out += [int(c)] + descendants(int(c))
    except OSError:
        pass
    return out
"""

# The check runs in a process of its own (the floor's garbage must not count): a cold run, then one after an edit.
CHECK = PROBES + r"""
import json, os, resource, shutil, sys, tempfile, threading, time
from pathlib import Path
from checker.load.settings import Settings
from checker.run import runner as engine
from checker.incremental.cache import Cache


# Memory of this process and of its helpers (parsing, the document rules), as proportional set sizes (shared
# pages split between them, so the sum is what they hold together), sampled ten times a second.
tree, stop = [0], threading.Event()  # the cold run's peak (kB), and when to stop sampling it


def sample_until(stop, peak):
    me = os.getpid()
    while not stop.wait(0.1):
        peak[0] = max(peak[0], sum(pss(p) for p in [me] + descendants(me)))


threading.Thread(target=sample_until, args=(stop, tree), daemon=True).start()
work = Path(sys.argv[1])
files = sorted((work / "claims").glob("*.yaml"))
folder = Path(tempfile.mkdtemp(prefix="claimcheck-cache-"))
# the corpus names made-up metrics and places: the vocabulary rules (CC130, CC131) are not what is measured
settings = Settings(claims=(str(work / "claims"),), docs=str(work / "docs"), rules=str(work / "rules"), select=SELECT,
                    ignore=IGNORE)
start = time.perf_counter()
result = engine.run(settings, cache=Cache(folder))  # cold: an empty cache, filled on the way
total = time.perf_counter() - start
stop.set()
codes = {}
for f in result.findings:
    codes[f.code] = codes.get(f.code, 0) + 1


def digest(findings):
    import hashlib

    made = hashlib.sha256()
    for f in findings:
        made.update(f"{f.code}\0{f.message}\0".encode("utf-8", "surrogatepass"))
    return made.hexdigest()


cold = {"findings": digest(result.findings), "timings": result.timings, "claims": result.claims}
from checker import report
reports = {}
for fmt in ("json", "html"):  # the HTML report renders every document with its claims: it must scale like JSON
    start = time.perf_counter()
    report.render(result, fmt)
    reports[fmt] = time.perf_counter() - start
del result  # the second run's memory is its own, not the first's findings and tables as well
import gc
gc.collect()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
edited = files[len(files) // 2]
original = edited.read_bytes()
edited.write_bytes(original + b"# edited\n")  # one file changes; its findings cannot
again_tree, stop = [0], threading.Event()  # the second run's memory, sampled alike
threading.Thread(target=sample_until, args=(stop, again_tree), daemon=True).start()
try:
    cache = Cache(folder)
    start = time.perf_counter()
    again = engine.run(settings, cache=cache)
    warm = time.perf_counter() - start
    stop.set()
finally:
    edited.write_bytes(original)
    shutil.rmtree(folder)
same = digest(again.findings) == cold["findings"]
print(json.dumps({"total": total, "timings": cold["timings"], "codes": codes, "claims": cold["claims"],
                  "peak_mb": max(rss, tree[0] / 1024), "rss_mb": rss, "warm": warm, "warm_mb": again_tree[0] / 1024,
                  "warm_timings": again.timings, "reparsed": cache.misses, "same": same, "reports": reports}))
"""


# One engine's cold check, in a process of its own: its time, findings and the peak memory of the processes.
ENGINE_RUN = PROBES + r"""
import hashlib, json, os, sys, threading, time
from checker.load.settings import Settings
from checker.run import runner

def is_java(pid):
    try:
        return b"java" in open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")[0]
    except OSError:
        return False

peak = {"driver": 0, "jvm": 0, "workers": 0}
stop = threading.Event()

def sample():
    me = os.getpid()
    while not stop.wait(0.2):
        below = descendants(me)
        jvm = [p for p in below if is_java(p)]
        peak["driver"] = max(peak["driver"], pss(me))
        peak["jvm"] = max(peak["jvm"], sum(pss(p) for p in jvm))
        peak["workers"] = max(peak["workers"], sum(pss(p) for p in below if p not in jvm))

threading.Thread(target=sample, daemon=True).start()
work, engine = sys.argv[1], sys.argv[2]
spark = {"spark.driver.memory": "1g"} if engine == "spark" else {}
settings = Settings(claims=(work + "/claims",), docs=work + "/docs", rules=work + "/rules", ignore=("CC130", "CC131"),
                    engine=engine, spark=spark, cache_dir=None)
start = time.perf_counter()
result = runner.run(settings)
total = time.perf_counter() - start
stop.set()
made = hashlib.sha256()
for f in result.findings:
    made.update(f"{f.code}\0{f.message}\0{f.locations}\0{f.claims}\0".encode("utf-8", "surrogatepass"))
print(json.dumps({"total": total, "findings": len(result.findings), "digest": made.hexdigest(),
                  "claims": result.claims, **{k: v / 1024 for k, v in peak.items()}}))
"""


def engines_compared(sizes: list[int], work: Path, repeat: int = 1) -> int:
    """DuckDB against Spark on the same corpora (--engine spark): each engine run `repeat` times, in turns (a
    shared machine's load then weighs on both alike), its median time compared."""
    import statistics

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    from checker.table import spark_classes

    archive = spark_classes.archive_in_use()
    print(f"Spark's class archive (checker.table.spark_classes): {archive or 'none'}"
          + (" (written by the first Spark run, as it exits)" if archive and not archive.exists() else ""))
    print(f"{'claims':>9} {'duckdb s':>9} {'duckdb MB':>10} {'spark s':>8} {'ratio':>6} {'driver MB':>10} "
          f"{'JVM MB':>7} {'workers MB':>11} identical findings")
    for n in sizes:
        corpus = work / f"n{n}"
        if not (corpus / "planted.json").exists():
            generate(n, corpus)
        runs: dict = {"duckdb": [], "spark": []}
        for _ in range(repeat):
            for engine in runs:
                out = subprocess.run([sys.executable, "-c", ENGINE_RUN, str(corpus), engine], capture_output=True,
                                     text=True, cwd=ROOT)
                if out.returncode:
                    print(f"{n:>9} {engine} failed: {out.stderr.strip().splitlines()[-1:]}", flush=True)
                    return 1
                runs[engine].append(json.loads(out.stdout.strip().splitlines()[-1]))
        d, s = runs["duckdb"], runs["spark"]
        d_time, s_time = statistics.median(r["total"] for r in d), statistics.median(r["total"] for r in s)
        same = all(r["digest"] == d[0]["digest"] and r["claims"] == d[0]["claims"] for r in d + s)
        print(f"{n:>9} {d_time:>9.1f} {max(r['driver'] for r in d):>10.0f} {s_time:>8.1f} {s_time / d_time:>6.2f} "
              f"{max(r['driver'] for r in s):>10.0f} {max(r['jvm'] for r in s):>7.0f} "
              f"{max(r['workers'] for r in s):>11.0f} {same} ({s[0]['findings']} findings)", flush=True)
        if repeat > 1:
            times = {engine: ", ".join(f"{r['total']:.1f}" for r in rs) for engine, rs in runs.items()}
            print(f"{'':>9} each run, s: duckdb {times['duckdb']}; spark {times['spark']}", flush=True)
    return 0


def _child(script: str, corpus: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", script, str(corpus)], capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(n: int, work: Path, select: list[str] | None, noisy: bool = False) -> dict:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    corpus = work / (f"n{n}-noisy" if noisy else f"n{n}")
    if not (corpus / "planted.json").exists():
        generate(n, corpus, noisy=noisy)
    planted = json.loads((corpus / "planted.json").read_text())
    row = _child(FLOOR, corpus)
    ignore = () if noisy else ("CC130", "CC131")
    row.update(_child(CHECK.replace("SELECT", repr(select)).replace("IGNORE", repr(ignore)), corpus))
    row["planted"] = planted
    found = row["codes"]
    row["all_found"] = (found.get("CC201", 0) == planted["contradictions"] and found.get("CC301", 0) == planted["parts"]
                        and found.get("CC205", 0) >= planted["duplicates"])
    return row


def startup() -> dict:
    def best(cmd):
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, cwd=ROOT, check=True)
            times.append(time.perf_counter() - start)
        return min(times)

    exe = [sys.executable, "-m", "checker"]
    return {"python -c pass": best([sys.executable, "-c", "pass"]),
            "claimcheck --version": best(exe + ["--version"]), "claimcheck --help": best(exe + ["--help"])}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--work", type=Path, default=Path("/tmp/claimcheck-scale"))
    ap.add_argument("--claims-only", action="store_true", help="skip the document rules (CC4xx)")
    ap.add_argument("--noisy", action="store_true", help="four findings on every claim (a first run over drafts)")
    ap.add_argument("--repeat", type=int, default=1, help="with --engine spark: runs of each engine, in turns; "
                    "the medians are compared")
    ap.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb",
                    help="spark: compare both engines on each corpus (time, memory, identical findings)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.engine == "spark":
        return engines_compared(sizes, args.work, args.repeat)
    select = None
    if args.claims_only:
        sys.path.insert(0, str(ROOT))
        from checker import rules

        select = [c for c, m in rules.all_rules().items() if not rules.reads_only_texts(m)]
    rows = []
    print(f"{'claims':>9} {'floor s':>8} {'load s':>7} {'table s':>8} {'rules s':>8} {'total s':>8} "
          f"{'ratio':>6} {'peak MB':>8}  planted found | one file edited: {'reparsed':>8} {'load s':>7} "
          f"{'table s':>8} {'rules s':>8} {'total s':>8} {'ratio':>6} {'peak MB':>8} same findings  findings")
    for n in sizes:
        r = measure(n, args.work, select, args.noisy)
        rows.append((n, r))
        t, w = r["timings"], r["warm_timings"]
        print(f"{n:>9} {r['floor']:>8.2f} {t['load']:>7.2f} {t['table']:>8.2f} {t['rules']:>8.2f} "
              f"{r['total']:>8.2f} {r['total'] / r['floor']:>6.2f} {r['peak_mb']:>8.0f}  {str(r['all_found']):<13} | "
              f"{'':>16}{r['reparsed']:>3}/{r['files']:<4} {w['load']:>7.2f} {w['table']:>8.2f} {w['rules']:>8.2f} "
              f"{r['warm']:>8.2f} {r['warm'] / r['floor']:>6.2f} {r['warm_mb']:>8.0f} {str(r['same']):<13} "
              f"{sum(r['codes'].values())}", flush=True)
    for n, r in rows:
        rep = r["reports"]
        print(f"{n:>9} claims: JSON report {rep['json']:.2f} s, HTML report {rep['html']:.2f} s "
              f"(HTML/JSON {rep['html'] / rep['json']:.2f}; goal: at most 2)")
    for (n1, a), (n2, b) in zip(rows, rows[1:]):
        print(f"growth exponent {n1} -> {n2}: {math.log(b['total'] / a['total']) / math.log(n2 / n1):.2f}")
    for name, seconds in startup().items():
        print(f"{name:<22} {seconds:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
