"""docs/rules.md is the rules' own documentation, gathered: it must not drift from the code."""
from rules_page import OUTPUT, render


def test_the_rules_page_is_current():
    assert OUTPUT.read_text(encoding="utf-8") == render(), "run: python tests/rules_page.py"


def test_the_rules_page_shows_every_rule_and_its_examples():
    from checker.rules import all_rules, examples

    page = render()
    for code, module in all_rules().items():
        assert f"\n## {code}\n" in page
        assert page.count("```yaml") >= len(examples(module))
    assert "``" not in page.replace("```", "")
