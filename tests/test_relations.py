"""Relations between claims: edge cases beyond the rules' own examples."""
from helpers import check, codes, run_check

DOC = {"d.txt": "x\n"}


def claim(id_, surface, kind="actual", period="2022", metric="m", extra="", unit=""):
    unit = f"unit: {unit}, " if unit else ""
    return (f'- {{id: {id_}, metric: {metric}, entity: e, period: "{period}", kind: {kind}, surface: "{surface}", '
            f'{unit}{extra} source: {{doc: d.txt, line: 1, quote: x}}}}\n')


def run(tmp_path, text):
    # quotes are not the point here: the document has no figures, so select the relation rules
    return check(tmp_path, {"claims": text, "docs": DOC},
                 select=["CC141", "CC301", "CC302", "CC303", "CC304", "CC305", "CC306", "CC307"])


def test_a_fall_is_a_negative_change(tmp_path):
    text = (claim("a", "10%", period="2021") + claim("b", "8%") +
            claim("c", "2个百分点", kind="change", extra="relations: [{change: {from: a, to: b, direction: down}}],"))
    assert codes(run(tmp_path, text)) == []
    wrong = text.replace("direction: down", "direction: up")
    assert codes(run(tmp_path / "w", wrong)) == ["CC303"]


def test_a_change_in_a_counter_is_a_difference(tmp_path):
    text = (claim("a", "100家", period="2021") + claim("b", "130家") +
            claim("c", "30家", kind="change", extra="relations: [{change: {from: a, to: b}}],"))
    assert codes(run(tmp_path, text)) == []
    assert codes(run(tmp_path / "w", text.replace('"30家"', '"20家"'))) == ["CC303"]


def test_multiple_reading_with_as_multiple(tmp_path):
    text = (claim("a", "10万", period="2021", unit="人次") + claim("b", "16万", unit="人次") +
            claim("c", "1.6倍", kind="change", extra="relations: [{change: {from: a, to: b, as: multiple}}],"))
    assert codes(run(tmp_path, text)) == []
    assert codes(run(tmp_path / "w", text.replace(", as: multiple", ""))) == ["CC305"]


def test_includes_with_an_open_ended_part(tmp_path):
    text = (claim("w", "100人", extra="relations: [{includes: [p]}],") + claim("p", "超100人"))
    assert codes(run(tmp_path, text)) == ["CC302"]
    assert codes(run(tmp_path / "ok", text.replace('"超100人"', '"近100人"'))) == []


def test_parts_in_another_dimension(tmp_path):
    text = claim("w", "100人", extra="relations: [{sum: [p]}],") + claim("p", "100人次")
    result = run(tmp_path, text)
    assert codes(result) == ["CC301"] and "parts are in" in result.findings[0].message


def test_malformed_relations(tmp_path):
    for body in ("{sum: a}", "{change: {from: a}}", "{series: {years: 1}}", "{merge: [a]}", "{change: {from: a, to: a, via: b}}"):
        text = claim("a", "1人") + claim("b", "2人", extra=f"relations: [{body}],")
        assert "CC141" in codes(run(tmp_path / str(abs(hash(body))), text)), body


def test_a_relation_to_itself(tmp_path):
    text = claim("a", "1人", extra="relations: [{sum: [a]}],")
    result = run(tmp_path, text)
    assert codes(result) == ["CC141"] and "the claim itself" in result.findings[0].message


def test_series_down(tmp_path):
    text = (claim("a", "5‰", period="2020") + claim("b", "4.0‰", period="2021") +
            claim("c", "4.5‰", extra="relations: [{series: {years: 2, direction: down}}],"))
    result = run(tmp_path, text)
    assert codes(result) == ["CC307"]
    assert "4.0‰" in result.findings[0].message


def test_duplicate_claims_without_a_kind_are_still_found_as_duplicates(tmp_path):
    """CC205 matches groups null-safely: two claims that both lack a kind are the same claim twice."""
    from helpers import small_project

    claims = "".join(
        f"- {{id: rc-{i}, metric: 区域内就诊率, entity: 荣昌区, period: \"2022\", surface: 93.4%, "
        f"source: {{doc: d.txt, line: {i}, quote: 93.4%}}}}\n" for i in (1, 2))
    small_project(tmp_path, claims, "就诊率93.4%。\n就诊率93.4%。\n")
    found = run_check([str(tmp_path / "claims")], str(tmp_path / "docs"), str(tmp_path / "rules"),
                       select=["CC205"]).findings
    assert [f.code for f in found] == ["CC205"]
    assert "stated 2 times" in found[0].message


def test_an_implied_figure_equal_to_a_printed_one_is_no_duplicate(tmp_path):
    text = (claim("a", "100家", period="2021") + claim("b", "130家") +
            claim("c", "30家", kind="change", extra="relations: [{change: {from: d, to: b}}],") +
            '- {id: d, metric: m, entity: e, period: "2021", kind: actual, derived: "b - c", unit: 家, '
            'source: {doc: d.txt, line: 1, quote: x}}\n')
    found = check(tmp_path, {"claims": text, "docs": DOC}, select=["CC205"])
    assert codes(found) == []  # the arithmetic working out is not a second statement
    again = text + claim("e", "100家", period="2021")
    assert codes(check(tmp_path / "w", {"claims": again, "docs": DOC}, select=["CC205"])) == ["CC205"]
