"""Cache keys follow the code by package: moving a helper cannot leave an entry that looks valid."""
from __future__ import annotations

import shutil

from helpers import ROOT

from checker.incremental.fingerprint import code_digest, up_to


def _copy(tmp_path):
    root = tmp_path / "checker"
    shutil.copytree(ROOT / "checker", root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_moving_a_helper_into_a_new_module_changes_the_loaders_key(tmp_path):
    root = _copy(tmp_path)
    before = code_digest(*up_to("load"), root=root)
    claimfile = root / "load" / "claimfile.py"
    text = claimfile.read_text(encoding="utf-8")
    start = text.index("def _kind_of(")
    end = text.find("\n\n\n", start) + 3 if "\n\n\n" in text[start:] else len(text)
    claimfile.write_text(text[:start] + text[end:] + "from checker.io.kinds import _kind_of  # noqa\n",
                         encoding="utf-8")
    (root / "io" / "kinds.py").write_text(text[start:end], encoding="utf-8")  # a module no list names
    assert code_digest(*up_to("load"), root=root) != before


def test_editing_any_module_below_the_loader_changes_its_key_and_one_above_does_not(tmp_path):
    root = _copy(tmp_path)
    before = code_digest(*up_to("load"), root=root)
    report = root / "report" / "text.py"
    report.write_text(report.read_text(encoding="utf-8") + "\n# an edit to a report\n", encoding="utf-8")
    assert code_digest(*up_to("load"), root=root) == before  # reports cannot change what the loader made
    words = root / "language" / "words.py"
    words.write_text(words.read_text(encoding="utf-8").replace('("内", "at_most"),', ""), encoding="utf-8")
    assert code_digest(*up_to("load"), root=root) != before


def test_the_layers_below_a_package_are_the_ones_it_may_import():
    assert up_to("io") == ("io",)
    assert up_to("load")[-1] == "load" and "report" not in up_to("load") and "table" not in up_to("load")
