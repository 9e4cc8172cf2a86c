"""The document rules in a second process find exactly what they find in the main one."""
from __future__ import annotations

import multiprocessing
import os

import pytest
from helpers import ROOT, run, run_check

from checker.rules import all_rules, reads_only_texts
from checker.run import document_rules as aside

ARGS = ([str(ROOT / "claims")], str(ROOT / "seeds"), str(ROOT / "rules"))


def test_seeds_give_identical_results_in_one_process_and_two(monkeypatch):
    started = []
    real = aside.DocumentRules.__init__

    def spy(self, modules, ctx, jobs):
        real(self, modules, ctx, jobs)
        started.append(self._process is not None)

    monkeypatch.setattr(aside.DocumentRules, "__init__", spy)
    beside = run_check(*ARGS, jobs=2)
    alone = run_check(*ARGS, jobs=1)
    assert started == [True, False]
    assert any(reads_only_texts(all_rules()[f.code]) for f in alone.findings)
    assert beside.findings == alone.findings
    assert beside.suppressed == alone.suppressed and beside.baselined == alone.baselined
    assert not multiprocessing.active_children()


def test_a_second_process_is_asked_for_only_when_it_pays(monkeypatch):
    asked = []
    real = aside.DocumentRules.__init__

    def spy(self, modules, ctx, jobs):
        real(self, modules, ctx, jobs)
        asked.append((len(modules), jobs))

    monkeypatch.setattr(aside.DocumentRules, "__init__", spy)
    run_check(*ARGS)  # the seeds hold far less than a megabyte of text
    run_check(*ARGS, jobs=2, select=["CC201"])  # no document rule chosen
    run_check([], None, ARGS[2], lint=[ARGS[1]], jobs=2)  # lint: no claims to check meanwhile
    run_check(*ARGS, jobs=3)
    texts = len([m for m in all_rules().values() if reads_only_texts(m)])
    assert asked == [(texts, 1), (0, 2), (texts, 1), (texts, 3)]


def test_an_error_in_the_second_process_reaches_the_caller():
    ctx = run_check(*ARGS, select=["CC201"]).context
    ctx.lint = {"reduplications": 5}  # CC401 reads a mapping there
    doubled = all_rules()["CC401"]
    with aside.DocumentRules([doubled], ctx, 2) as rules, pytest.raises(AttributeError, match="items"):
        rules.findings(doubled)
    assert not multiprocessing.active_children()


class _Bomb:
    """Ends the process that unpickles it."""

    def __reduce__(self):
        return os._exit, (9,)


class _MadeHere:
    CODE = "CC402"

    @staticmethod
    def check(ctx):
        return ["made here"]


def test_a_second_process_that_dies_leaves_the_rules_to_the_main_one():
    ctx = run_check(*ARGS, select=["CC201"]).context
    ctx.texts = {"bomb.txt": _Bomb()}
    with aside.DocumentRules([_MadeHere], ctx, 2) as rules:
        assert rules._process is not None
        assert rules.findings(_MadeHere) == ["made here"]
    assert not multiprocessing.active_children()


def test_check_takes_jobs_from_the_command_line():
    args = [str(ROOT / "claims"), "--docs", str(ROOT / "seeds"), "--rules", str(ROOT / "rules"), "--no-cache",
            "--format", "json"]
    one, two = run("check", *args, "--jobs", "1"), run("check", *args, "-j", "2")
    assert one.exit_code == two.exit_code == 1
    assert '"CC201"' in one.stdout and '"CC401"' in one.stdout
    assert one.stdout == two.stdout


@pytest.mark.parametrize("size,expected", [(10, 1), (aside.TEXT_BYTES + 1, None)])
def test_the_second_process_is_worth_it_only_on_large_texts(size, expected):
    import os

    assert aside.auto_jobs({"a.txt": ["长" * size]}) == (expected or os.cpu_count() or 1)



def test_a_second_process_that_dies_before_reading_its_texts_does_not_leave_the_main_one_waiting():
    """A megabyte after the bomb: far more than a pipe holds, so the sender must learn that nobody reads."""
    ctx = run_check(*ARGS, select=["CC201"]).context
    ctx.texts = {"bomb.txt": _Bomb(), "long.txt": ["长" * (1 << 20)]}
    with aside.DocumentRules([_MadeHere], ctx, 2) as rules:
        assert rules.findings(_MadeHere) == ["made here"]
    assert not multiprocessing.active_children()
