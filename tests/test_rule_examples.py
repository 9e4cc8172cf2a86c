"""Every rule's docstring examples run, so documentation cannot drift."""
from __future__ import annotations

import pytest
from helpers import check, codes, example_spec

from checker import rules

RULES = rules.all_rules()
CASES = [(code, i, passing, text) for code, m in RULES.items() for i, (passing, text) in enumerate(rules.examples(m))]


def test_every_rule_has_a_passing_and_a_failing_example():
    for code, module in RULES.items():
        kinds = {passing for passing, _ in rules.examples(module)}
        assert kinds == {True, False}, f"{code} needs both a passing and a failing example"


@pytest.mark.parametrize("code,i,passing,text", CASES, ids=[f"{c[0]}-{'pass' if c[2] else 'fail'}-{c[1]}" for c in CASES])
def test_docstring_example(tmp_path, code, i, passing, text):
    spec = example_spec(text)
    # A failing example needs only its own rule; a passing one must be clean under all of them.
    result = check(tmp_path, spec, select=None if passing else [code])
    if passing:
        # A passing example is clean: not this rule, and no error or warning from any other.
        assert code not in codes(result), [f.message for f in result.findings]
        assert [f.message for f in result.findings if f.severity != "info"] == []
    else:
        assert code in codes(result), [f.message for f in result.findings]


def test_every_rule_declares_what_it_reads_and_its_severity():
    all_rules = rules.all_rules
    from checker.model.findings import SEVERITIES
    from checker.rules import READS, RUN_BY

    for code, module in all_rules().items():
        assert module.READS in READS, code
        assert module.SEVERITY in SEVERITIES, code
        assert any(module.READS in reads for reads in RUN_BY.values()), code


def test_each_command_runs_the_rules_whose_input_it_has():
    all_rules = rules.all_rules
    from checker.rules import run_by

    assert "CC201" in run_by("check") and "CC201" not in run_by("validate") and "CC201" not in run_by("lint")
    assert "CC100" in run_by("validate") and "CC100" not in run_by("lint")
    assert "CC401" in run_by("lint") and "CC401" not in run_by("validate")
    assert {"CC105", "CC107"} <= set(run_by("lint"))  # the suppression file is the lint's as well
    assert set(run_by("check")) == set(all_rules())
