"""Findings kept from the last run (checker.run.kept) must be exactly what checking everything again gives."""
from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from generate import generate  # noqa: E402
from helpers import ROOT, run_check

from checker.incremental.cache import Cache
from checker.rules import all_rules, reads_only_texts
from checker.run import document_rules as aside


@pytest.fixture
def work(tmp_path):
    generate(2400, tmp_path, docs=12, seed=21)
    return tmp_path


def _run(work, cache=None, **options):
    result = run_check([str(work / "claims")], str(work / "docs"), str(work / "rules"), cache=cache, **options)
    return result.findings, result.suppressed


def _same_as_checking_everything(work, cache, **options):
    cached = _run(work, cache, **options)
    assert cached == _run(work, **options)
    return cached


def _blocks(path):
    """A generated claim file's records, each as its text (seven lines)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return ["".join(lines[at:at + 7]) for at in range(0, len(lines), 7)]


@pytest.mark.slow
def test_edits_of_every_kind_give_what_checking_everything_gives(work):
    cache = Cache(work / "cache")
    claims = work / "claims"
    files = sorted(claims.glob("*.yaml"))
    before = _same_as_checking_everything(work, cache)
    steps = []

    def step(what):
        nonlocal before
        after = _same_as_checking_everything(work, cache)
        steps.append((what, after != before))
        before = after

    # a claim moves into another file's metric and entity, with another value: a contradiction across files
    theirs = _blocks(files[1])[0]
    moved = theirs.replace("id: c", "id: moved-c").replace("surface: ", "surface: 1")
    files[4].write_text(files[4].read_text(encoding="utf-8") + moved, encoding="utf-8")
    step("a claim joins another file's key")
    files[4].write_text(files[4].read_text(encoding="utf-8").replace(moved, ""), encoding="utf-8")
    step("and leaves it again")
    files[2].unlink()
    step("a file deleted")
    files[3].rename(claims / "zz-renamed.yaml")
    step("a file renamed")
    shutil.copy(files[5], claims / "zz-copy.yaml")
    step("a file copied: its claims repeat, ids and all")
    doc = sorted((work / "docs").glob("*.txt"))[6]
    doc.write_text("插入的一行。\n" + doc.read_text(encoding="utf-8"), encoding="utf-8")
    step("a document edited: its quotes move a line down")
    # an id-less claim is named by its row; a claim added to an earlier file moves it
    blocks = _blocks(files[7])
    files[7].write_text("".join([blocks[0].replace(blocks[0].splitlines()[0], "- {}"), *blocks[1:]])
                        .replace("- {}\n  metric", "- metric"), encoding="utf-8")
    step("a claim loses its id")
    files[0].write_text(files[0].read_text(encoding="utf-8") + _blocks(files[1])[1].replace("id: c", "id: extra-c"),
                        encoding="utf-8")
    step("a claim added before it")
    assert all(changed for _, changed in steps), steps


@pytest.mark.slow
def test_after_one_edit_the_scoped_rules_check_only_the_keys_it_touches(work, monkeypatch):
    cache = Cache(work / "cache")
    _run(work, cache)
    seen = {}
    for code, module in all_rules().items():
        if isinstance(getattr(module, "SCOPE", None), tuple):  # scopes of the claim table's columns
            real = module.check

            def spy(ctx, real=real, code=code):
                seen.setdefault(code, ctx.arrow_of(ctx.table.count()).as_py())  # the cached run, not the one after
                return real(ctx)

            monkeypatch.setattr(module, "check", spy)
    path = sorted((work / "claims").glob("*.yaml"))[3]
    first = _blocks(path)[0]
    path.write_text(path.read_text(encoding="utf-8").replace(first, first.replace("kind: actual", "kind: target")),
                    encoding="utf-8")
    _same_as_checking_everything(work, cache)
    assert len(seen) == sum(isinstance(getattr(m, "SCOPE", None), tuple) for m in all_rules().values()) >= 8
    # the edited file's claims (its key changed, so all of them) and those sharing their keys; of 2,400
    edited = len(re.findall(r"^- ", path.read_text(encoding="utf-8"), re.M))
    assert all(edited <= rows < 2 * edited for rows in seen.values()), (edited, seen)
    seen.clear()
    _same_as_checking_everything(work, cache, tolerances={"about": Decimal("0.2")})
    assert all(rows > 2000 for rows in seen.values()), seen  # another setting: nothing is kept


def test_only_edited_documents_are_linted_again(work, monkeypatch):
    cache = Cache(work / "cache")
    _run(work, cache)
    linted = []
    real = aside.DocumentRules.__init__

    def spy(self, modules, ctx, jobs):
        linted.append(sorted(ctx.texts))
        real(self, modules, ctx, jobs)

    monkeypatch.setattr(aside.DocumentRules, "__init__", spy)
    doc = sorted((work / "docs").glob("*.txt"))[2]
    doc.write_text(doc.read_text(encoding="utf-8") + "本年度指标达到100%%以上以上。\n", encoding="utf-8")
    findings, _ = _same_as_checking_everything(work, cache)
    assert linted[0] == [str(doc)]
    assert linted[1] == sorted(str(p) for p in (work / "docs").glob("*.txt"))  # the run without a cache
    assert any(f.code.startswith("CC4") and f.locations[0].path == str(doc) for f in findings)


def test_a_rule_that_did_not_run_last_time_runs_in_full_and_is_kept_from_then_on(work, monkeypatch):
    cache = Cache(work / "cache")
    codes = set(all_rules())
    _run(work, cache, select=codes - {"CC201"})
    module = all_rules()["CC201"]
    seen = []
    real = module.check

    def spy(ctx):
        seen.append(ctx.arrow_of(ctx.table.count()).as_py())
        return real(ctx)

    monkeypatch.setattr(module, "check", spy)
    cached = _run(work, cache)
    assert seen == [2400]
    assert any(f.code == "CC201" for f in cached[0])
    seen.clear()
    assert _run(work, cache) == cached and seen == []  # kept: nothing it looks at changed
    assert _run(work) == cached and seen == [2400]


def test_a_relation_rule_checks_again_only_the_relations_an_edit_touches(work, monkeypatch):
    cache = Cache(work / "cache")
    ctx = run_check([str(work / "claims")], str(work / "docs"), str(work / "rules"), cache=cache).context
    files, ids = ctx.arrow.column("file").to_pylist(), ctx.arrow.column("id").to_pylist()
    edges = ctx.edges.to_pylist()
    total = edges[len(edges) // 2]
    path, part = Path(files[total["member"]]), ids[total["member"]]
    touched = {e["row"] for e in edges if path in (Path(files[e["row"]]), Path(files[e["member"]]))}
    seen = []
    module = all_rules()["CC301"]
    real = module.check
    monkeypatch.setattr(module, "check", lambda ctx: seen.append(ctx.arrow_of(ctx.relations.count()).as_py()) or real(ctx))
    block = next(b for b in _blocks(path) if f"id: {part}\n" in b)
    value = re.search(r"surface: (\d+)", block).group(1)
    path.write_text(path.read_text(encoding="utf-8").replace(block, block.replace(value, value + "0")),
                    encoding="utf-8")
    findings, _ = _same_as_checking_everything(work, cache)
    assert seen[0] == sum(e["row"] in touched for e in edges) < len(edges) / 5, (seen, len(edges))
    assert seen[1] == len(edges)  # the run without a cache
    assert any(f.code == "CC301" and f.claims[:1] == (ids[total["row"]],) and part in f.claims for f in findings)


@pytest.mark.slow
def test_the_schema_rule_checks_again_only_the_claim_files_an_edit_touches(work, monkeypatch):
    cache = Cache(work / "cache")
    _run(work, cache)
    seen = []
    module = all_rules()["CC100"]
    real = module.check
    monkeypatch.setattr(module, "check", lambda ctx: seen.append(ctx.arrow_of(ctx.table.count()).as_py()) or real(ctx))
    files = sorted((work / "claims").glob("*.yaml"))
    files[1].write_text(files[1].read_text(encoding="utf-8").replace("kind: actual", "kind: bogus", 1), encoding="utf-8")
    files[2].write_text(files[2].read_text(encoding="utf-8") + "- just a line of text\n", encoding="utf-8")
    findings, _ = _same_as_checking_everything(work, cache)
    records = sum(len(re.findall(r"^- id", path.read_text(encoding="utf-8"), re.M)) for path in files[1:3])
    assert seen == [records, 2400]  # the edited files' claims; then the run without a cache, every claim
    schema = {(f.locations[0].path, f.message.split()[1]) for f in findings if f.code == "CC100"}
    assert (str(files[1]), "`kind`") in schema and any(path == str(files[2]) for path, _ in schema), schema
    files[2].unlink()
    findings, _ = _same_as_checking_everything(work, cache)
    assert not any(f.code == "CC100" and f.locations[0].path == str(files[2]) for f in findings)


def test_a_rule_file_that_is_not_the_one_the_digests_name_is_not_used(work):
    """A run stopped after writing a rule's findings and before the digests leaves the two out of step."""
    cache = Cache(work / "cache")
    _run(work, cache)
    kept = next((work / "cache" / "findings").glob("*.CC201.arrow"))
    older = kept.read_bytes()
    files = sorted((work / "claims").glob("*.yaml"))
    before = _run(work, cache)
    moved = _blocks(files[1])[0].replace("id: c", "id: moved-c").replace("surface: ", "surface: 1")
    files[4].write_text(files[4].read_text(encoding="utf-8") + moved, encoding="utf-8")  # a contradiction
    changed = _same_as_checking_everything(work, cache)
    assert {f for f in changed[0] if f.code == "CC201"} != {f for f in before[0] if f.code == "CC201"}
    kept.write_bytes(older)  # the last run's digests, the run before's CC201 findings
    assert _run(work, cache) == changed


def test_variant_spellings_in_documents_are_kept_per_cited_document(tmp_path):
    """CC320's scope is the cited document: its text findings follow that document's text and its citing claims."""
    claims, docs = tmp_path / "claims", tmp_path / "docs"
    shutil.copytree(ROOT / "claims", claims)
    shutil.copytree(ROOT / "seeds", docs)
    cache = Cache(tmp_path / "cache")

    def variants():
        result = run_check([str(claims)], str(docs), str(ROOT / "rules"), cache=cache)
        plain = run_check([str(claims)], str(docs), str(ROOT / "rules"))
        assert (result.findings, result.suppressed) == (plain.findings, plain.suppressed)
        return sorted((f.locations[0].path, f.locations[0].line, f.message) for f in result.findings
                      if f.code == "CC320")

    first = variants()
    assert {Path(path).name[:3] for path, _, _ in first} == {"002", "003"}
    cited = next(docs.glob("000_*.txt"))
    cited.write_text("涪陵市中医院\n" + cited.read_text(encoding="utf-8"), encoding="utf-8")  # quotes move a line
    added = variants()
    assert set(added) - set(first) == {(str(cited), 1, "`涪陵市中医院` in the text is a variant spelling of `涪陵区中医院`")}
    next(claims.glob("003_*.yaml")).unlink()  # no claim cites that document any more: its text is not looked at
    assert {Path(path).name[:3] for path, _, _ in variants()} == {"000", "002"}


def test_after_an_edit_to_claims_alone_no_document_rule_runs(work, monkeypatch):
    cache = Cache(work / "cache")
    _run(work, cache)
    ran = []
    for code, module in all_rules().items():
        if reads_only_texts(module):
            monkeypatch.setattr(module, "check", lambda ctx, real=module.check, code=code: ran.append(code) or real(ctx))
    path = sorted((work / "claims").glob("*.yaml"))[1]
    path.write_text(path.read_text(encoding="utf-8").replace("kind: actual", "kind: target", 1), encoding="utf-8")
    cached = _run(work, cache)
    assert ran == []  # every document unchanged: their findings are kept, their rules not even started
    assert cached == _run(work)
    assert ran and all(code.startswith("CC4") for code in ran)  # the run without a cache lints every document
