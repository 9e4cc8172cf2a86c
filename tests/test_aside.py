"""The document rules in a second process find exactly what they find in the main one."""
from __future__ import annotations

import multiprocessing

import pytest

from checker import aside, engine
from checker.rules import all_rules
from helpers import ROOT, run

ARGS = ([str(ROOT / "claims")], str(ROOT / "seeds"), str(ROOT / "rules"))


def test_seeds_give_identical_results_in_one_process_and_two():
    alone = engine.run(*ARGS, jobs=1)
    beside = engine.run(*ARGS, jobs=2)
    assert any(aside.reads_only_texts(f.code) for f in alone.findings)
    assert beside.findings == alone.findings
    assert beside.suppressed == alone.suppressed and beside.baselined == alone.baselined
    assert not multiprocessing.active_children()


def test_the_second_process_runs_only_when_asked_or_worth_it(monkeypatch):
    started = []
    real = aside.DocumentRules.__init__

    def spy(self, modules, ctx, jobs):
        real(self, modules, ctx, jobs)
        started.append(self._pending is not None)

    monkeypatch.setattr(aside.DocumentRules, "__init__", spy)
    engine.run(*ARGS)  # the seeds hold far less than a megabyte of text
    engine.run(*ARGS, jobs=2)
    engine.run(*ARGS, jobs=2, select=["CC201"])  # no document rule chosen: nothing to run beside
    engine.run([], None, ARGS[2], lint=[ARGS[1]], jobs=2)  # lint: no claims to check meanwhile
    assert started == [False, True, False, False]
    assert aside.auto_jobs({"a.txt": ["x" * 10]}) == 1
    assert aside.auto_jobs({"a.txt": ["长" * (aside.TEXT_BYTES + 1)]}) == (multiprocessing.cpu_count() or 1)


def test_an_error_in_the_second_process_reaches_the_caller(monkeypatch):
    def broken(ctx):
        raise RuntimeError("CC401 broke")

    monkeypatch.setattr(all_rules()["CC401"], "check", broken)
    with pytest.raises(RuntimeError, match="CC401 broke"):
        engine.run(*ARGS, jobs=2)
    assert not multiprocessing.active_children()


def test_check_takes_jobs_from_the_command_line():
    args = [str(ROOT / "claims"), "--docs", str(ROOT / "seeds"), "--rules", str(ROOT / "rules"), "--no-cache",
            "--format", "json"]
    one, two = run("check", *args, "--jobs", "1"), run("check", *args, "-j", "2")
    assert one.exit_code == two.exit_code == 1
    assert '"CC201"' in one.stdout and '"CC401"' in one.stdout
    assert one.stdout == two.stdout
