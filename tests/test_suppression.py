"""Per-claim suppression: with a reason, and only when every claim involved agrees."""
from helpers import check, codes

DOCS = {"d.txt": "区域内就诊率由2020年的88.6%提升到93.4%。\n医疗服务能力持续提升，区域内就诊率达95%以上。\n"}


def claims(ignore_a="", ignore_b=""):
    return f"""\
- {{id: a, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, {ignore_a} source: {{doc: d.txt, line: 1, quote: 提升到93.4%}}}}
- {{id: b, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 95%以上, {ignore_b} source: {{doc: d.txt, line: 2, quote: 区域内就诊率达95%以上}}}}
"""


def test_unsuppressed_contradiction(tmp_path):
    assert "CC201" in codes(check(tmp_path, {"claims": claims(), "docs": DOCS}))


def test_ignore_on_one_claim_does_not_hide_a_shared_finding(tmp_path):
    text = claims(ignore_a='ignore: {CC201: "checked with the statistics office"},')
    assert "CC201" in codes(check(tmp_path, {"claims": text, "docs": DOCS}))


def test_ignore_on_every_claim_suppresses_and_is_counted(tmp_path):
    reason = 'ignore: {CC201: "two definitions of the rate, explained in the text"},'
    result = check(tmp_path, {"claims": claims(reason, reason), "docs": DOCS})
    assert "CC201" not in codes(result)
    assert [f.code for f in result.suppressed] == ["CC201"]


def test_ignore_without_reason_suppresses_nothing_and_is_reported(tmp_path):
    empty = 'ignore: {CC201: ""},'
    result = check(tmp_path, {"claims": claims(empty, empty), "docs": DOCS})
    assert "CC201" in codes(result)
    assert codes(result).count("CC105") == 2


def test_ignore_of_unknown_code_is_reported(tmp_path):
    result = check(tmp_path, {"claims": claims('ignore: {CC999: "no such rule"},'), "docs": DOCS})
    assert any(f.code == "CC105" and "CC999" in f.message for f in result.findings)
