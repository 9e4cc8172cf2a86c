"""Every rule's docstring examples run, so documentation cannot drift."""
from __future__ import annotations

import pytest

from checker import rules
from helpers import check, codes, example_spec

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
