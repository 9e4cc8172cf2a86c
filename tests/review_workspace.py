"""A copy of a seed with fresh drafts, for the review page's tests: the claim file as extract writes it,
one record commented by hand (it must survive every save), one figure's draft removed (not captured)."""
from __future__ import annotations

import shutil
from pathlib import Path

from helpers import ROOT, run

SEED = "004_cb7ca5bcc72a2d7d"
COMMENT = "# checked by hand against the printed report"


def make(tmp: Path) -> tuple[Path, Path]:
    docs, claims = tmp / "docs", tmp / "claims"
    docs.mkdir()
    claims.mkdir()
    shutil.copy(ROOT / "seeds" / f"{SEED}.txt", docs / f"{SEED}.txt")
    made = run("extract", str(docs / f"{SEED}.txt"), "--docs", str(docs), "-o", str(claims / f"{SEED}.yaml"),
               "--rules", str(ROOT / "rules"))
    assert made.exit_code == 0, made.output
    path = claims / f"{SEED}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(True)
    starts = [i for i, line in enumerate(lines) if line.startswith("- id:")]
    middle = starts[len(starts) // 2]  # a record the tests leave alone
    lines[middle] = lines[middle].rstrip("\n") + f"  {COMMENT}\n"
    del lines[starts[-1]:]  # the last figure has no claim now
    path.write_text("".join(lines), encoding="utf-8")
    return claims, docs


def settings_for(claims: Path, docs: Path, cache: Path):
    from checker.load import settings

    return settings.resolve({"claims": [str(claims)], "docs": str(docs), "rules": str(ROOT / "rules"),
                             "cache_dir": str(cache)})


def started(tmp: Path):
    """A review session of make(tmp)'s workspace, checked once, and the path of its claim file."""
    from checker.review.session import Review

    claims, docs = make(tmp)
    review = Review(settings_for(claims, docs, tmp / "cache"))
    review.refresh()
    return review, claims / f"{SEED}.yaml"
