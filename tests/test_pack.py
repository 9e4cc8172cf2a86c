"""The pack: a run's claim files in one file, giving the next run exactly what parsing them would."""
from __future__ import annotations

import shutil

import pytest
from generate import generate  # noqa: E402
from helpers import ROOT, run_check

from checker.incremental import pack
from checker.incremental.cache import Cache
from checker.language.units import Units
from checker.load.claims import load
from checker.load.documents import Documents
from checker.load.rulefiles import RuleFiles
from checker.table.readings import ReadingColumns


def _meaning(work):
    return ReadingColumns(Units(RuleFiles.of(work / "rules").units), Documents(str(work / "docs")))


def _entries_opened(monkeypatch) -> list:
    opened = []
    real = Cache.get

    def spy(self, key, *args, **kwargs):
        opened.append(key)
        return real(self, key, *args, **kwargs)

    monkeypatch.setattr(Cache, "get", spy)
    return opened


def _writes(monkeypatch) -> list:
    written = []
    real = pack.write

    def spy(*args, **kwargs):
        written.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(pack, "write", spy)
    return written


def test_a_warm_load_takes_every_file_from_the_pack_and_equals_parsing(tmp_path, monkeypatch):
    claims = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", claims)
    work = tmp_path
    shutil.copytree(ROOT / "rules", work / "rules")
    shutil.copytree(ROOT / "seeds", work / "docs")
    meaning = _meaning(work)
    plain = load([str(claims)], None, 1, meaning)
    cache = Cache(tmp_path / "cache")
    assert load([str(claims)], cache, 1, meaning) == plain
    opened = _entries_opened(monkeypatch)
    warm = load([str(claims)], cache, 1, meaning)
    assert warm == plain and opened == []  # records (values, lines, layouts, ignore, relations) and problems
    assert cache.hits == len(list(claims.glob("*.yaml")))
    assert warm[0].with_ignore() and list(warm[0].stated_relations()) == list(plain[0].stated_relations())


@pytest.mark.slow
def test_one_edit_reads_one_file_and_keeps_the_pack_until_a_tenth_has_changed(tmp_path, monkeypatch):
    generate(3000, tmp_path, docs=30, seed=9)
    claims = tmp_path / "claims"
    files = sorted(claims.glob("*.yaml"))
    args = ([str(claims)], str(tmp_path / "docs"), str(tmp_path / "rules"))
    cache = Cache(tmp_path / "cache")
    run_check(*args, cache=cache)
    written, opened = _writes(monkeypatch), _entries_opened(monkeypatch)

    def edit(path, old, new):
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    edit(files[7], "kind: actual", "kind: target")
    cached = run_check(*args, cache=cache)
    assert len(opened) == 1 and written == []
    assert cached.findings == run_check(*args).findings
    for path in files[10:13]:  # four files of thirty, counting the first: over a tenth of the rows
        edit(path, "kind: actual", "kind: target")
    opened.clear()
    cached = run_check(*args, cache=cache)
    assert len(opened) == 4 and written == [True]
    assert cached.findings == run_check(*args).findings
    opened.clear()
    run_check(*args, cache=cache)
    assert opened == []  # the new pack holds them all


def test_moved_renamed_and_new_files_take_their_own_paths_and_rows(tmp_path):
    generate(2000, tmp_path, docs=12, seed=10)
    claims = tmp_path / "claims"
    meaning = _meaning(tmp_path)
    cache = Cache(tmp_path / "cache")
    load([str(claims)], cache, 1, meaning)
    files = sorted(claims.glob("*.yaml"))
    files[3].rename(claims / "zz-last.yaml")  # its rows now come last
    files[5].rename(claims / "a-first.yaml")
    shutil.copy(files[6], claims / "m-copy.yaml")  # the same content twice, at two paths
    files[8].unlink()
    cache.hits = cache.misses = 0
    records, problems = load([str(claims)], cache, 1, meaning)
    assert (records, problems) == load([str(claims)], None, 1, meaning)
    assert cache.misses == 0
    assert {path for path, _ in records.files} == {str(p) for p in sorted(claims.glob("*.yaml"))}


def test_a_pack_of_many_batches_gives_rows_across_their_edges(tmp_path, monkeypatch):
    from checker.model.records import Records

    monkeypatch.setattr(Records, "CHUNK", 64)  # a chunk, and so a batch, per file: a run of files crosses them
    generate(1500, tmp_path, docs=7, seed=12)
    claims = tmp_path / "claims"
    meaning = _meaning(tmp_path)
    plain = load([str(claims)], None, 1, meaning)
    cache = Cache(tmp_path / "cache")
    load([str(claims)], cache, 1, meaning)
    import pyarrow as pa

    packed = next((tmp_path / "cache" / "packs").glob("*.arrow"))
    assert pa.ipc.open_file(str(packed)).num_record_batches == 7
    files = sorted(claims.glob("*.yaml"))
    files[2].write_text(files[2].read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    plain = load([str(claims)], None, 1, meaning)
    assert load([str(claims)], cache, 1, meaning) == plain and (cache.hits, cache.misses) == (6, 7 + 1)
