"""What files held when last read, known by their status (checker.incremental.filestatus), must never change a result."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from generate import generate  # noqa: E402
from helpers import run_check

from checker.incremental import filestatus as known
from checker.incremental.cache import Cache
from checker.io import reading as inputs


@pytest.fixture
def work(tmp_path, monkeypatch):
    generate(1200, tmp_path, docs=8, seed=5)
    monkeypatch.setattr(known, "MARGIN", 0.05)  # the files were written just now; the tests wait this long
    time.sleep(0.1)
    return tmp_path


def _run(work, cache=None):
    result = run_check([str(work / "claims")], str(work / "docs"), str(work / "rules"), cache=cache)
    return result.findings, result.suppressed


def _reads(monkeypatch, work) -> list:
    """The claim files and documents read from now on (paths relative to work)."""
    read, real = [], inputs.read_bytes

    def spy(path):
        if Path(path).parent.name in ("claims", "docs"):
            read.append(Path(path).relative_to(work).as_posix())
        return real(path)

    monkeypatch.setattr(inputs, "read_bytes", spy)
    return read


def _aged():
    """Wait until the files' statuses are older than the margin, as files are between real runs."""
    time.sleep(known.MARGIN * 2)


def test_a_run_after_no_change_reads_no_claim_file_and_no_document(work, monkeypatch):
    cache = Cache(work / "cache")
    plain = _run(work)
    assert _run(work, cache) == plain
    read = _reads(monkeypatch, work)
    assert _run(work, cache) == plain
    assert read == []


def test_an_edit_is_seen_even_when_it_keeps_the_size_and_the_modification_time(work, monkeypatch):
    cache = Cache(work / "cache")
    before = _run(work, cache)
    claim = sorted((work / "claims").glob("*.yaml"))[2]
    doc = sorted((work / "docs").glob("*.txt"))[1]
    for path, old, new in ((claim, "kind: actual", "kind: actua1"), (doc, "达", "为")):
        text = path.read_bytes()
        assert old.encode() in text and len(old.encode()) == len(new.encode())
        st = os.stat(path)
        path.write_bytes(text.replace(old.encode(), new.encode(), 1))
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # as cp -p or rsync -t would leave it
        assert (os.stat(path).st_size, os.stat(path).st_mtime_ns) == (st.st_size, st.st_mtime_ns)
    _aged()
    read = _reads(monkeypatch, work)
    after = _run(work, cache)
    assert {p for p in read if p.startswith("claims/")} == {claim.relative_to(work).as_posix()}
    assert doc.relative_to(work).as_posix() in read  # and the documents the edited claims cite, for their quotes
    assert after == _run(work)
    assert {f.code for f in set(after[0]) - set(before[0])} >= {"CC100", "CC121"}  # a bad kind, a quote not found


def test_a_file_replaced_by_another_of_the_same_size_and_time_is_read(work, monkeypatch):
    cache = Cache(work / "cache")
    _run(work, cache)
    doc = sorted((work / "docs").glob("*.txt"))[3]
    st = os.stat(doc)
    other = doc.with_suffix(".new")
    other.write_bytes(doc.read_bytes().replace("。".encode(), "，".encode(), 1))
    os.utime(other, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(other, doc)  # another inode where the file was
    _aged()
    read = _reads(monkeypatch, work)
    assert _run(work, cache) == _run(work)
    assert doc.relative_to(work).as_posix() in read


def test_files_changed_just_before_a_run_are_read_again_next_time(work, monkeypatch):
    monkeypatch.setattr(known, "MARGIN", 3600.0)  # every file is younger than the margin: none can be trusted
    cache = Cache(work / "cache")
    plain = _run(work, cache)
    read = _reads(monkeypatch, work)
    assert _run(work, cache) == plain
    files = len(list((work / "claims").glob("*.yaml"))) + len(list((work / "docs").glob("*.txt")))
    assert len(set(read)) == files


@pytest.mark.parametrize("damage", [b"", b"not arrow at all", None])
def test_a_damaged_or_foreign_memo_means_every_file_is_read(work, monkeypatch, damage):
    cache = Cache(work / "cache")
    plain = _run(work, cache)
    memo = next((work / "cache" / "known").glob("*.arrow"))
    if damage is None:  # a memo of another setting: another claimcheck version
        monkeypatch.setattr("checker.incremental.filestatus.known_setting", lambda: "claimcheck 0.0.0 elsewhere")
    else:
        memo.write_bytes(damage)
    read = _reads(monkeypatch, work)
    assert _run(work, cache) == plain
    assert len(set(read)) == len(list((work / "claims").glob("*.yaml"))) + len(list((work / "docs").glob("*.txt")))


def test_deleted_and_new_files_give_what_a_fresh_run_gives(work):
    cache = Cache(work / "cache")
    _run(work, cache)
    files = sorted((work / "claims").glob("*.yaml"))
    files[0].unlink()
    (work / "claims" / "zz-new.yaml").write_bytes(files[1].read_bytes().replace(b"id: c", b"id: new-c"))
    docs = sorted((work / "docs").glob("*.txt"))
    docs[0].unlink()
    _aged()
    assert _run(work, cache) == _run(work)
