"""The cache of parsed claim files must never change a result: cached runs equal uncached ones."""
import datetime
import shutil
import subprocess
import sys

import pytest
from helpers import ROOT, run_check

from checker.incremental import cache as cache_module
from checker.incremental.cache import Cache
from checker.load.claims import load

RULES = str(ROOT / "rules")


def corpus(tmp_path):
    claims, docs = tmp_path / "claims", tmp_path / "docs"
    shutil.copytree(ROOT / "claims", claims)
    shutil.copytree(ROOT / "seeds", docs)
    return claims, docs


def check(claims, docs, cache=None):
    result = run_check([str(claims)], str(docs), RULES, cache=cache)
    return result.findings, result.suppressed, result.baselined


def test_a_warm_run_reads_every_file_from_the_cache_and_finds_the_same(tmp_path):
    claims, docs = corpus(tmp_path)
    cache = Cache(tmp_path / "cache")
    plain = check(claims, docs)
    assert check(claims, docs, cache) == plain
    files = len(list(claims.glob("*.yaml")))
    assert (cache.hits, cache.misses) == (0, files)
    assert check(claims, docs, cache) == plain
    assert (cache.hits, cache.misses) == (files, files)


def test_an_edit_reparses_only_that_file_and_its_findings_change(tmp_path):
    claims, docs = corpus(tmp_path)
    cache = Cache(tmp_path / "cache")
    check(claims, docs, cache)
    target = sorted(claims.glob("*.yaml"))[2]
    text = target.read_text(encoding="utf-8")
    first_kind = text.index("kind: actual")
    target.write_text(text[:first_kind] + "kind: guess" + text[first_kind + len("kind: actual"):], encoding="utf-8")
    cache.hits = cache.misses = 0
    cached = check(claims, docs, cache)
    assert (cache.misses, cache.hits) == (1, len(list(claims.glob("*.yaml"))) - 1)
    assert cached == check(claims, docs)
    assert any(f.code == "CC100" and "guess" in f.message for f in cached[0])


def test_deleting_and_renaming_files_give_what_a_fresh_run_gives(tmp_path):
    claims, docs = corpus(tmp_path)
    cache = Cache(tmp_path / "cache")
    check(claims, docs, cache)
    files = sorted(claims.glob("*.yaml"))
    files[0].unlink()
    files[1].rename(claims / "renamed.yaml")
    cache.hits = cache.misses = 0
    cached = check(claims, docs, cache)
    assert cache.misses == 0  # a rename is the same content: the entry is found
    assert cached == check(claims, docs)
    paths = {loc.path for f in cached[0] for loc in f.locations}
    assert str(claims / "renamed.yaml") in paths and str(files[1]) not in paths


def test_problems_keep_their_rows_when_files_move_in_the_order(tmp_path):
    (tmp_path / "b.yaml").write_text("- id: b-1\n  id: b-2\n  metric: m\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("- {id: c-1, metric: m}\n- {id: c-2, metric: m, colour: red}\n",
                                     encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    load([str(tmp_path / "b.yaml"), str(tmp_path / "c.yaml")], cache)
    order = [str(tmp_path / "c.yaml"), str(tmp_path / "b.yaml")]
    assert load(order, cache) == load(order)
    assert cache.hits == 2


def test_values_json_cannot_keep_exactly_are_parsed_every_time(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("- {id: d-1, metric: m, relations: [{sum: [2023-05-01]}]}\n", encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    records, _ = load([str(path)], cache)
    assert records[0].relations == [{"sum": [datetime.date(2023, 5, 1)]}]
    assert load([str(path)], cache) == load([str(path)])
    assert cache.hits == 0  # not stored, so never read back as text


def test_a_damaged_or_planted_entry_is_a_miss_not_a_crash(tmp_path):
    claims, docs = corpus(tmp_path)
    cache = Cache(tmp_path / "cache")
    plain = check(claims, docs, cache)
    packs = list((tmp_path / "cache" / "packs").glob("*.arrow"))
    stores = list((tmp_path / "cache" / "findings").glob("*.arrow"))  # the last run's findings (checker.run.kept)
    digests = [store for store in stores if "." not in store.stem]  # beside them, one file per rule's findings
    assert len(packs) == len(digests) == 1 and len(stores) > 10
    for entry in [*(tmp_path / "cache").rglob("*.parquet"), *packs, *stores]:
        entry.write_bytes(b"PAR1 not really parquet")
    cache.hits = cache.misses = 0
    assert check(claims, docs, cache) == plain
    assert cache.hits == 0
    assert check(claims, docs, cache) == plain  # the damaged entries and pack were replaced
    assert cache.misses == cache.hits > 0
    for cut in (packs[0], digests[0], next(store for store in stores if store.stem.endswith(".CC201"))):
        cut.write_bytes(cut.read_bytes()[:-100])  # cut short while entries stay whole
    cache.hits = cache.misses = 0
    assert check(claims, docs, cache) == plain and cache.hits > 0 and cache.misses == 0


def test_another_claimcheck_version_does_not_read_these_entries(tmp_path, monkeypatch):
    cache = Cache(tmp_path / "cache")
    key = cache.key(b"- {id: a}\n")
    monkeypatch.setattr(cache_module, "__version__", "999.0")
    assert cache.key(b"- {id: a}\n") != key


def run_cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.slow
def test_the_cli_caches_by_default_and_not_with_no_cache(tmp_path):
    claims, docs = corpus(tmp_path)
    args = ["check", str(claims), "--docs", str(docs), "--rules", RULES, "--format", "json"]
    first = run_cli(*args, "--no-cache", cwd=tmp_path)
    assert not (tmp_path / ".claimcheck-cache").exists()
    second = run_cli(*args, cwd=tmp_path)
    third = run_cli(*args, cwd=tmp_path)
    folder = tmp_path / ".claimcheck-cache"
    assert (folder / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert len(list(folder.rglob("*.parquet"))) == len(list(claims.glob("*.yaml")))
    assert first.returncode == second.returncode == third.returncode == 1
    assert first.stdout == second.stdout == third.stdout


def test_a_change_to_the_reading_code_does_not_read_older_entries(tmp_path, monkeypatch):
    cache = Cache(tmp_path / "cache")
    key = cache.key(b"- {id: a}\n")
    monkeypatch.setattr(cache_module, "reader_code", lambda: "edited")
    assert cache.key(b"- {id: a}\n") != key


def _counting_readings(monkeypatch) -> list:
    """The rows whose readings are made (not taken from the cache), one list entry per file's batch."""
    from checker.table import readings as table

    made: list = []
    real = table.ReadingColumns.__call__

    def spy(self, records):
        made.append({rec.path for rec in records})
        return real(self, records)

    monkeypatch.setattr(table.ReadingColumns, "__call__", spy)
    return made


def test_readings_come_from_the_cache_until_a_cited_document_changes(tmp_path, monkeypatch):
    claims, docs = corpus(tmp_path)
    made = _counting_readings(monkeypatch)
    cache = Cache(tmp_path / "cache")
    check(claims, docs, cache)
    files = len(list(claims.glob("*.yaml")))
    assert len(made) == files
    made.clear()
    warm = check(claims, docs, cache)
    assert made == [] and warm == check(claims, docs)
    made.clear()
    doc = sorted(docs.glob("*.txt"))[1]
    lines = doc.read_text(encoding="utf-8").splitlines(keepends=True)
    doc.write_text("".join(["新的一行。\n"] + lines), encoding="utf-8")  # every quote in it moves down a line
    citing = {str(path) for path in claims.glob("*.yaml") if doc.name in path.read_text(encoding="utf-8")}
    made.clear()
    moved = check(claims, docs, cache)
    assert citing and set().union(*made) == citing and len(made) < files
    assert moved == check(claims, docs) and moved != warm
    made.clear()
    assert check(claims, docs, cache) == moved and made == []  # the new readings were stored


@pytest.mark.slow
def test_readings_are_made_again_when_the_units_or_tolerances_change(tmp_path, monkeypatch):
    claims, docs = corpus(tmp_path)
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    made = _counting_readings(monkeypatch)
    cache = Cache(tmp_path / "cache")

    def run(**options):
        made.clear()
        result = run_check([str(claims)], str(docs), str(rules), cache=cache, **options)
        count = len(made)
        plain = run_check([str(claims)], str(docs), str(rules), **options)
        assert (result.findings, result.suppressed) == (plain.findings, plain.suppressed)
        return count

    files = len(list(claims.glob("*.yaml")))
    assert run() == files and run() == 0
    from decimal import Decimal

    assert run(tolerances={"about": Decimal("0.2")}) == files
    with (rules / "units.txt").open("a", encoding="utf-8") as f:
        f.write("\n# a comment changes nothing a reading says, but the file is another\n")
    assert run() == files and run() == 0
