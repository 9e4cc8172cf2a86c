"""The benchmark's corpus generator plants problems that the checker must find, exactly."""

from generate import generate  # noqa: E402
from helpers import run_check


def test_planted_problems_are_found(tmp_path):
    planted = generate(600, tmp_path, docs=3, seed=3)
    result = run_check([str(tmp_path / "claims")], str(tmp_path / "docs"), str(tmp_path / "rules"),
                        select=["CC100", "CC121", "CC201", "CC205", "CC301"])
    codes = [f.code for f in result.findings]
    assert result.claims == planted["claims"] == 600
    assert codes.count("CC201") == planted["contradictions"] > 0
    assert codes.count("CC301") == planted["parts"]
    assert codes.count("CC205") == planted["duplicates"] > 0
    assert "CC100" not in codes and "CC121" not in codes  # the records are valid and their quotes real
