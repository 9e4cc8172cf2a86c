"""Records held as columns give back exactly the records the loader made, and the same findings."""
from __future__ import annotations

import random

import pytest
from generate import generate  # noqa: E402
from helpers import ROOT, run_check

from checker.load.claimfile import load_text
from checker.model.records import Records, make_record

WITH_VALUES = """\
- {id: v-1, metric: m, entity: e, period: "2023", kind: actual, surface: 3.5%, value: 3.5,
   source: {doc: d.txt, quote: 3.5%}}
- {id: v-2, metric: m, entity: e, period: "2023", kind: target, surface: 1至2成, value: [10, 20],
   source: {doc: d.txt, line: 4, quote: 1至2成}}
"""


def _plain_records() -> list:
    """The seeds' claims as the loader makes them, one object each, and two with values as written."""
    out: list = []
    for path in sorted((ROOT / "claims").glob("*.yaml")):
        load_text(path.read_text(encoding="utf-8"), str(path), out, [])
    load_text(WITH_VALUES, "values.yaml", out, [])
    return out


@pytest.fixture(scope="module")
def plain():
    made = _plain_records()
    assert len(made) > 250
    assert any(r.ignore for r in made) and any(r.relations for r in made)
    return made


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 16])
def test_every_row_comes_back_as_it_went_in(plain, chunk, monkeypatch):
    monkeypatch.setattr(Records, "CHUNK", chunk)
    held = Records(plain)
    assert len(held) == len(plain)
    assert list(held) == plain
    assert [held[i] for i in range(len(plain))] == plain
    assert held[-1] == plain[-1]
    for name in ("id", "surface", "line", "derived", "quote"):
        assert list(held.column(name)) == [r.values.get(name) for r in plain]
    assert list(held.with_ignore()) == [r for r in plain if r.ignore]
    assert list(held.stated_relations()) == [(r.row, r.relations) for r in plain if r.relations]
    assert held.paths() == {r.path for r in plain}
    assert held == plain and held != plain[:-1]


@pytest.mark.parametrize("chunk", [3, 50])
def test_slices_across_chunks(plain, chunk, monkeypatch):
    monkeypatch.setattr(Records, "CHUNK", chunk)
    held = Records(plain)
    rnd = random.Random(5)
    for _ in range(200):
        a, b = sorted(rnd.randrange(-10, len(plain) + 10) for _ in range(2))
        assert held[a:b] == plain[a:b], (a, b)
    assert held[::7] == plain[::7]


def test_rows_made_ahead_are_the_same_rows(plain, monkeypatch):
    monkeypatch.setattr(Records, "CHUNK", 16)
    monkeypatch.setattr(Records, "RECENT", 32)
    held = Records(plain)
    rnd = random.Random(9)
    for _ in range(20):
        rows = [rnd.randrange(len(plain)) for _ in range(rnd.randrange(1, 60))]
        held.prefetch(rows + [-1, len(plain) + 5])  # rows that do not exist are no one's business here
        assert len(held._recent) <= 32
        assert [held[r] for r in rows] == [plain[r] for r in rows]


def test_arrow_columns_hold_every_field(plain, monkeypatch):
    monkeypatch.setattr(Records, "CHUNK", 40)
    columns = Records(plain).arrow_columns()
    assert columns["quote"].num_chunks == -(-len(plain) // 40)
    assert columns["line"].to_pylist() == [r.values.get("line") for r in plain]
    assert columns["id"].to_pylist() == [r.values.get("id") for r in plain]
    assert Records().arrow_columns()["id"].to_pylist() == []


def test_values_the_columns_cannot_hold_stay_whole(monkeypatch):
    """A line beyond 64 bits, a lone surrogate, a value the layout does not list: all come back exactly."""
    monkeypatch.setattr(Records, "CHUNK", 2)
    lines = {"id": 1, "quote": 1, "line": 1}
    made = [
        make_record(0, "a.yaml", 1, 3, {"id": "a", "line": 10 ** 30, "quote": "q"}, lines),
        make_record(1, "a.yaml", 2, 3, {"id": "b\ud800", "line": 2, "quote": "q"}, lines),
        make_record(2, "a.yaml", 3, 3, {"quote": "q", "id": "c", "line": 3}, lines),  # not in layout order
        make_record(3, "a.yaml", 4, 3, {"id": "d", "line": 4, "quote": "q", "extra": 1}, lines),
        make_record(4, "a.yaml", 5, 3, {"id": "e", "line": True, "quote": "q"}, lines),
        make_record(5, "a.yaml", 6, 3, {"id": "f", "line": 6, "quote": "q"}, lines),
        make_record(6, "a.yaml", 7, 3, {"id": "g", "line": 7.0, "quote": b"q"}, lines),  # Arrow would make 7, "q"
        make_record(7, "a.yaml", 8, 3, {"id": "h", "line": 8, "quote": "q"}, lines),
    ]
    held = Records(made)
    assert list(held) == made and [held[i] for i in range(8)] == made
    assert [[(k, type(v)) for k, v in held[i].values.items()] for i in range(8)] == [
        [(k, type(v)) for k, v in r.values.items()] for r in made]
    assert list(held.column("line")) == [10 ** 30, 2, 3, 4, True, 6, 7.0, 8]


def test_rows_are_appended_in_order():
    held = Records()
    with pytest.raises(ValueError, match="row 1 appended at row 0"):
        held.append(make_record(1, "a.yaml", 1, 1, {"id": "a"}, {"id": 1}))


def test_small_chunks_give_the_same_findings_on_the_seeds(monkeypatch):
    args = ([str(ROOT / "claims")], str(ROOT / "seeds"), str(ROOT / "rules"))
    whole = run_check(*args)
    monkeypatch.setattr(Records, "CHUNK", 5)
    chunked = run_check(*args)
    assert len(whole.findings) > 50
    assert chunked.findings == whole.findings and chunked.suppressed == whole.suppressed
    assert (chunked.claims, chunked.files) == (whole.claims, whole.files)


def test_small_chunks_give_the_same_findings_on_a_generated_corpus(tmp_path, monkeypatch):
    planted = generate(900, tmp_path, docs=3, seed=4)
    args = ([str(tmp_path / "claims")], str(tmp_path / "docs"), str(tmp_path / "rules"))
    whole = run_check(*args)
    monkeypatch.setattr(Records, "CHUNK", 64)
    chunked = run_check(*args)
    assert [f.code for f in chunked.findings].count("CC201") == planted["contradictions"] > 0
    assert chunked.findings == whole.findings
