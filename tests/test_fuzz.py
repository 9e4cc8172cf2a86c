"""The fuzz harness (benchmarks/fuzz.py) on a small budget, and the crashes it found, kept fixed."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from checker.extract.drafts import render_yaml
from checker.io.yamlfile import LoadError
from checker.language import numbers
from checker.load.claimfile import load_text

ROOT = Path(__file__).resolve().parent.parent


def _harness():
    spec = importlib.util.spec_from_file_location("claimcheck_fuzz", ROOT / "benchmarks" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


fuzz = _harness()


@pytest.mark.parametrize("name", sorted(fuzz.TARGETS))
def test_each_target_runs_clean_on_a_small_budget(name):
    outcome = fuzz.run_target(fuzz.TARGETS[name], budget=500, seed=0)
    assert outcome.inputs >= 500
    assert not outcome.crashes, [(c.signature, c.error, c.example) for c in outcome.crashes]


def test_the_harness_reports_a_planted_crash_with_a_small_example():
    def check(text):
        if "7" in text:
            raise KeyError(text)

    outcome = fuzz.run_target(fuzz.Target("planted", fuzz.number_texts, check), budget=300, seed=0)
    [crash] = outcome.crashes
    assert crash.signature.startswith("KeyError") and crash.example == "7"


# Found by the harness: PyYAML's constructors raise ValueError, TypeError, IndexError or
# AttributeError on these; the loader must turn every one into LoadError with the place.
@pytest.mark.parametrize("text", [
    "- id: 2023-02-30\n", "- when: 2021-01-01 10:61:00\n", "!!int --", "!!int ", "!!float id: ", "!!float ",
    "!!timestamp ", "!!set id: ", "!!set \\", "!!set \r- ", "- !!map [a]\n",
    "- id: a\n  note: " + "[" * 900 + "]" * 900 + "\n",
])
def test_bad_yaml_values_are_load_errors(text):
    with pytest.raises(LoadError, match="cannot parse YAML"):
        load_text(text, "c.yaml", [], [])


def test_a_bad_date_names_its_line():
    with pytest.raises(LoadError, match=r"c\.yaml:2:.*2023-02-30.*day is out of range"):
        load_text("- id: a\n  period: 2023-02-30\n", "c.yaml", [], [])


# Found by the harness: parse() raised IndexError or ValueError, or gave a reading whose
# interval could not be built, instead of NumberError.
@pytest.mark.parametrize("surface", ["数", "前零", "前0", "近0", "近0.0", "近0万"])
def test_unreadable_numbers_are_number_errors(surface):
    with pytest.raises(numbers.NumberError):
        numbers.parse(surface)


@pytest.mark.parametrize("surface, lo, hi", [
    ("1000000000000000000000000002", "1000000000000000000000000001.5", "1000000000000000000000000002.5"),
    ("9999999999999999999999999999", "9999999999999999999999999998.5", "9999999999999999999999999999.5"),
    ("1" + "0" * 40 + ".5", "1" + "0" * 40 + ".45", "1" + "0" * 40 + ".55"),
])
def test_long_numbers_keep_every_digit_of_their_interval(surface, lo, hi):
    from decimal import Decimal

    iv = numbers.parse(surface).interval()
    assert (iv.lo, iv.hi) == (Decimal(lo), Decimal(hi))


# Found by the harness: a quote holding NEL or a Unicode line separator was written in single
# quotes, where reading folds the break into a space, so the draft's quote was no longer verbatim.
@pytest.mark.parametrize("quote", ["区域内就诊率\x850", "a\u2028b", "x\u2029"])
def test_draft_quotes_with_unicode_breaks_load_back_verbatim(quote):
    text = render_yaml([{"id": "d-001-a", "source": {"doc": "d.txt", "line": 1, "quote": quote}}])
    assert yaml.safe_load(text)[0]["source"]["quote"] == quote
    recs = []
    load_text(text, "d.yaml", recs, [])
    assert recs[0].values["quote"] == quote
