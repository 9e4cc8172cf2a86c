"""How much of real documents' vocabulary claimcheck knows out of the box.

Run: python benchmarks/vocabulary_coverage.py

For the hand-written claims of the development set (benchmarks/data/real:
real official documents that are not seeds) and for the seeds' curated
claims, the share of claims, and of distinct names, whose metric and entity
the built-in vocabulary knows with no project rules folder, and whose unit
the built-in units read. Names are looked up as claims use them, composed
rates and breakdowns included.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.language.numbers import NumberError, parse  # noqa: E402
from checker.language.units import UnitError, Units  # noqa: E402
from checker.load.registry import load_registry  # noqa: E402
from checker.load.rulefiles import RuleFiles  # noqa: E402

SETS = {"development set (real documents)": ROOT / "benchmarks" / "data" / "real" / "claims",
        "seeds (curated claims)": ROOT / "claims"}


def claims_of(folder: Path) -> list[dict]:
    return [c for path in sorted(folder.glob("*.yaml")) for c in yaml.safe_load(path.read_text(encoding="utf-8"))]


def unit_of(claim: dict) -> str | None:
    if claim.get("unit"):
        return str(claim["unit"])
    try:
        return parse(str(claim.get("surface", ""))).unit
    except NumberError:
        return None


def coverage(claims: list[dict]) -> dict:
    files = RuleFiles(None)
    units = Units(files.units)
    registry = load_registry(files, units)
    registry.learn({c["metric"] for c in claims}, {c["entity"] for c in claims})

    def readable(unit):
        try:
            return unit is None or bool(units.info(unit))
        except UnitError:
            return False

    out = {}
    for field, known in (("metric", registry.metrics.known), ("entity", registry.entities.known)):
        names = {c[field] for c in claims}
        out[field] = (sum(known(c[field]) for c in claims) / len(claims), sum(map(known, names)) / len(names),
                      len(names))
    out["unit"] = (sum(readable(unit_of(c)) for c in claims) / len(claims), None, None)
    return out


def main() -> int:
    print(f"{'set':<36} {'claims':>6}  {'metric: claims / names':>24}  {'entity: claims / names':>24}  "
          f"{'unit: claims':>12}")
    for name, folder in SETS.items():
        claims = claims_of(folder)
        c = coverage(claims)
        m, e = c["metric"], c["entity"]
        print(f"{name:<36} {len(claims):>6}  {m[0]:>9.1%} / {m[1]:>6.1%} of {m[2]:<4}  "
              f"{e[0]:>9.1%} / {e[1]:>6.1%} of {e[2]:<4}  {c['unit'][0]:>12.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
