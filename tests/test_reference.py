"""Reference statistics (issue #25): claims checked against official figures, and official figures imported."""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from helpers import ROOT, reference_set, run, run_check, workspace

LE_DOC = "2020年，我国居民人均预期寿命达到77.3岁，全国医院35394个。\n"
LE_CLAIMS = """\
- {id: le, metric: 人均预期寿命, entity: 全国, period: "2020", kind: actual, surface: 77.3岁, source: {doc: r.txt, line: 1, quote: 人均预期寿命达到77.3岁}}
- {id: hosp, metric: 医院数, entity: 全国, period: "2020", kind: actual, surface: 35394个, source: {doc: r.txt, line: 1, quote: 全国医院35394个}}
"""


def test_the_built_in_national_set_corrects_a_life_expectancy_and_verifies_a_hospital_count(tmp_path):
    c, d, r = workspace(tmp_path, {"claims": LE_CLAIMS, "docs": {"r.txt": LE_DOC}})
    result = run_check([str(c)], str(d), str(r), reference=("national",))
    wrong = [f for f in result.findings if f.code == "CC501"]
    assert len(wrong) == 1 and wrong[0].claims == ("le",)
    assert "77.93岁" in wrong[0].message and "2021年我国卫生健康事业发展统计公报" in wrong[0].message
    assert "published 2022-07-12" in wrong[0].message and wrong[0].severity == "error"
    assert any(loc.role == "reference" for loc in wrong[0].locations)
    assert [v["claim"] for v in result.verified] == ["hosp"]
    assert result.verified[0]["value"] == "35394个" and result.verified[0]["reference"] == "national"


def test_the_json_report_lists_verified_claims_and_the_summary_counts_them(tmp_path):
    c, d, r = workspace(tmp_path, {"claims": LE_CLAIMS, "docs": {"r.txt": LE_DOC}})
    out = run("check", str(c), "--docs", str(d), "--rules", str(r), "--reference", "national", "-f", "json",
              "--no-cache")
    assert out.exit_code == 1
    report = json.loads(out.stdout)
    assert report["summary"]["verified"] == 1 and report["verified"][0]["claim"] == "hosp"
    import jsonschema

    jsonschema.validate(report, json.loads((ROOT / "checker" / "data" / "report.schema.json").read_text()))


def test_a_revised_figure_is_checked_against_the_newest_edition_and_names_the_earlier(tmp_path):
    ref = _two_editions(tmp_path / "ref", ("2020年医院35394个。", "35394个", "医院35394个"), "2021-07-13",
                        ("2020年医院数修订为35400个。", "35400个", "修订为35400个"), "2022-07-12")
    c, d, r = workspace(tmp_path / "w", {"claims": LE_CLAIMS, "docs": {"r.txt": LE_DOC}})
    result = run_check([str(c)], str(d), str(r), reference=(str(ref),), select=["CC501"])
    wrong = [f for f in result.findings if f.claims == ("hosp",)]
    # the claim holds the first edition: out of date, a warning naming both
    assert len(wrong) == 1 and "is the earlier figure 35394个" in wrong[0].message and "now 35400个" in wrong[0].message
    assert wrong[0].severity == "warning" and result.verified == []
    c, d, r = workspace(tmp_path / "x", {"claims": LE_CLAIMS.replace("35394", "35390"),
                                         "docs": {"r.txt": LE_DOC.replace("35394", "35390")}})
    result = run_check([str(c)], str(d), str(r), reference=(str(ref),), select=["CC501"])
    wrong = [f for f in result.findings if f.claims == ("hosp",)]  # neither edition: wrong, naming both
    assert len(wrong) == 1 and "35400个" in wrong[0].message and "earlier editions: 35394个" in wrong[0].message
    assert wrong[0].severity == "error"


def _two_editions(ref: Path, first: tuple, first_published, second: tuple, second_published) -> Path:
    """A reference set holding two editions of the national hospital count for 2020: (text, surface, quote) of
    each, a.txt then b.txt, with each document's publication (a date, or a mapping with `preliminary`)."""
    def claim(doc: str, surface: str, quote: str) -> dict:
        return {"id": doc[0] + "20", "metric": "医院数", "entity": "全国", "period": "2020", "kind": "actual",
                "surface": surface, "status": "reviewed", "source": {"doc": doc, "line": 1, "quote": quote}}

    reference_set(ref, {"a.txt": first[0], "claims": [claim("a.txt", *first[1:])]})
    (ref / "docs" / "b.txt").write_text(second[0] + "\n", encoding="utf-8")
    (ref / "claims" / "b.yaml").write_text(yaml.safe_dump([claim("b.txt", *second[1:])], allow_unicode=True),
                                           encoding="utf-8")
    meta = yaml.safe_load((ref / "reference.yaml").read_text(encoding="utf-8"))
    meta["documents"].update({"a.txt": first_published, "b.txt": second_published})
    (ref / "reference.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    return ref


def test_a_change_is_checked_through_the_last_years_value_it_implies(tmp_path):
    ref = reference_set(tmp_path / "ref", {"a.txt": "2022年末，全国医院36976个。", "claims": [
        {"id": "r22", "metric": "医院数", "entity": "全国", "period": "2022", "kind": "actual", "surface": "36976个",
         "status": "reviewed", "source": {"doc": "a.txt", "line": 1, "quote": "全国医院36976个"}}]})
    for change, agrees in (("1379", True), ("1380", False)):
        doc = f"2023年末，全国医院38355个，比上年增加{change}个。\n"
        claims = f"""\
- {{id: h23, metric: 医院数, entity: 全国, period: "2023", kind: actual, surface: 38355个, source: {{doc: r.txt, line: 1, quote: 全国医院38355个}}}}
- {{id: ch, metric: 医院数, entity: 全国, period: "2022-2023", kind: change, surface: {change}个, source: {{doc: r.txt, line: 1, quote: 比上年增加{change}个}}, relations: [{{change: {{from: h22, to: h23}}}}]}}
- {{id: h22, metric: 医院数, entity: 全国, period: "2022", kind: actual, derived: "h23 - ch", unit: 个, source: {{doc: r.txt, line: 1, quote: 比上年增加{change}个}}}}
"""
        c, d, r = workspace(tmp_path / change, {"claims": claims, "docs": {"r.txt": doc}})
        result = run_check([str(c)], str(d), str(r), reference=(str(ref),))
        assert [f.code for f in result.findings if f.severity == "error"] == []
        # an implied figure may rest on last year's figure as revised since: a warning, naming what it implies
        implied = [f for f in result.findings if f.code == "CC501"]
        assert [(f.severity, "36975个 (derived)" in f.message) for f in implied] == ([] if agrees else [("warning", True)])
        assert ([v["claim"] for v in result.verified] == ["h22"]) == agrees


def test_an_implied_figure_that_is_the_bulletins_own_arithmetic_is_verified_not_a_warning(tmp_path):
    # the 2022 bulletin says 975.0万张, 增加30.0万张 (945.0 for 2021); the 2021 bulletin printed 944.8万张
    ref = reference_set(tmp_path / "ref", {
        "a.txt": "2021年末，全国床位944.8万张。", "b.txt": "2022年末，全国床位975.0万张，比上年增加30.0万张。", "claims": [
            {"id": "r21", "metric": "床位数", "entity": "全国", "period": "2021", "kind": "actual",
             "surface": "944.8万张", "status": "reviewed", "source": {"doc": "a.txt", "line": 1, "quote": "床位944.8万张"}},
            {"id": "r22", "metric": "床位数", "entity": "全国", "period": "2022", "kind": "actual",
             "surface": "975.0万张", "status": "reviewed", "source": {"doc": "b.txt", "line": 1, "quote": "床位975.0万张"}},
            {"id": "r22c", "metric": "床位数", "entity": "全国", "period": "2022", "kind": "change",
             "surface": "30.0万张", "status": "reviewed", "source": {"doc": "b.txt", "line": 1, "quote": "增加30.0万张"}},
            {"id": "r21i", "metric": "床位数", "entity": "全国", "period": "2021", "kind": "actual", "unit": "张",
             "derived": "r22 - r22c", "status": "reviewed", "source": {"doc": "b.txt", "line": 1, "quote": "增加30.0万张"}}]},
        published={"a.txt": "2022-07-12", "b.txt": "2023-10-12"})
    for change, verified in (("30.0", True), ("30.5", False)):
        doc = f"2022年末，全国床位975.0万张，比上年增加{change}万张。\n"
        claims = f"""\
- {{id: b22, metric: 床位数, entity: 全国, period: "2022", kind: actual, surface: 975.0万张, source: {{doc: r.txt, line: 1, quote: 全国床位975.0万张}}}}
- {{id: ch, metric: 床位数, entity: 全国, period: "2022", kind: change, surface: {change}万张, source: {{doc: r.txt, line: 1, quote: 比上年增加{change}万张}}, relations: [{{change: {{from: b21, to: b22}}}}]}}
- {{id: b21, metric: 床位数, entity: 全国, period: "2021", kind: actual, derived: "b22 - ch", unit: 张, source: {{doc: r.txt, line: 1, quote: 比上年增加{change}万张}}}}
"""
        c, d, r = workspace(tmp_path / change, {"claims": claims, "docs": {"r.txt": doc}})
        result = run_check([str(c)], str(d), str(r), reference=(str(ref),), select=["CC501"])
        assert [f.claims for f in result.findings] == ([] if verified else [("b21",)])
        assert sorted(v["claim"] for v in result.verified) == (["b21", "b22"] if verified else ["b22"])
        if verified:  # the printed 944.8万张 stays the official figure of 2021 for everything else
            assert next(v for v in result.verified if v["claim"] == "b21")["value"] == "implied"


def test_a_claim_that_differs_from_a_preliminary_figure_only_gets_a_warning(tmp_path):
    ref = reference_set(tmp_path / "ref", {"a.txt": "年末全国共有医院3.6万个。", "claims": [
        {"id": "p20", "metric": "医院数", "entity": "全国", "period": "2020", "kind": "actual", "surface": "3.6万个",
         "status": "reviewed", "source": {"doc": "a.txt", "line": 1, "quote": "医院3.6万个"}}]})
    c, d, r = workspace(tmp_path / "w", {"claims": LE_CLAIMS, "docs": {"r.txt": LE_DOC}})
    final = run_check([str(c)], str(d), str(r), reference=(str(ref),), select=["CC501"])
    assert [f.severity for f in final.findings if f.claims == ("hosp",)] == ["error"]
    meta = yaml.safe_load((ref / "reference.yaml").read_text(encoding="utf-8"))
    meta["documents"]["a.txt"] = {"published": "2021-02-28", "preliminary": True}
    (ref / "reference.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    early = run_check([str(c)], str(d), str(r), reference=(str(ref),), select=["CC501"])
    found = [f for f in early.findings if f.claims == ("hosp",)]
    assert [f.severity for f in found] == ["warning"] and "(preliminary, example: a.txt" in found[0].message
    meta["documents"]["a.txt"]["preliminary"] = "yes"
    (ref / "reference.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    out = run("check", str(c), "--docs", str(d), "--rules", str(r), "--reference", str(ref), "--no-cache")
    assert out.exit_code == 2 and "documents.a.txt: `preliminary` is true or false" in out.output


def test_the_built_in_sets_claims_pass_their_own_check():
    """Every rule of check, with what the set holds on purpose suppressed with a reason (editions that differ,
    a later bulletin restating the year before, press pages repeating their lead)."""
    folder = ROOT / "checker" / "data" / "reference" / "national"
    result = run_check([str(folder / "claims")], str(folder / "docs"), None,
                       suppressions=str(folder / ".claimcheck-ignore.yaml"))
    assert result.claims >= 300
    assert [f.message for f in result.findings] == []
    suppressed = {f.code for f in result.suppressed}
    assert "CC201" in suppressed  # the statistics bureau's preliminary figures differ from the final ones


def test_the_national_set_covers_at_least_eight_years_of_fifteen_indicators():
    out = run("reference", "show", "national")
    assert out.exit_code == 0, out.output
    years = re.search(r"(\d+) years with at least 15 indicators: ([\d, ]+)", out.output)
    assert years and int(years.group(1)) >= 8, out.output
    assert "| 全国 | 人均预期寿命 |" in out.output and "国家统计局" in out.output


def test_showing_an_unknown_set_is_a_clear_error(tmp_path):
    out = run("reference", "show", str(tmp_path / "none"))
    assert out.exit_code == 2 and "no reference set there" in out.output


def test_an_imported_table_reports_every_bad_row_then_imports_the_good_one(tmp_path):
    table = tmp_path / "figures.csv"
    table.write_text("metric,entity,period,value,unit,source,published\n"
                     "人均预期寿命,全国,2020,77.93,岁,2021年统计公报,2022-07-12\n"
                     "医院数,全国,202x,35394,个,公报,2021-07-13\n"
                     "床位数,全国,2020,abc,张,公报,2021-07-13\n"
                     "医院数,全国,2021,36570,公斤人,,2021-13-01\n", encoding="utf-8")
    out = run("reference", "import", str(table), "--name", "mine", "-o", str(tmp_path / "mine"))
    assert out.exit_code == 2 and "Traceback" not in out.output
    for expected in ("figures.csv:3: period: '202x'", "figures.csv:4: value: 'abc'", "figures.csv:5: source: ''",
                     "figures.csv:5: unit: '公斤人'", "figures.csv:5: published: '2021-13-01'"):
        assert expected in out.output, out.output
    assert not (tmp_path / "mine").exists()
    table.write_text("\n".join(table.read_text(encoding="utf-8").splitlines()[:2]) + "\n", encoding="utf-8")
    assert run("reference", "import", str(table), "--name", "mine", "-o", str(tmp_path / "mine")).exit_code == 0
    c, d, r = workspace(tmp_path / "w", {"claims": LE_CLAIMS, "docs": {"r.txt": LE_DOC}})
    result = run_check([str(c)], str(d), str(r), reference=(str(tmp_path / "mine"),), select=["CC501"])
    assert [f.claims for f in result.findings] == [("le",)] and "77.93" in result.findings[0].message


def test_an_unknown_reference_set_is_a_clear_error(tmp_path):
    c, d, r = workspace(tmp_path, {"claims": LE_CLAIMS, "docs": {"r.txt": LE_DOC}})
    out = run("check", str(c), "--docs", str(d), "--rules", str(r), "--reference", "nowhere")
    assert out.exit_code == 2 and "no reference set there" in out.output and "national" in out.output


def test_a_reference_set_whose_quote_is_not_in_its_document_is_refused(tmp_path):
    ref = reference_set(tmp_path / "ref", {"a.txt": "2020年医院35394个。", "claims": [
        {"id": "r", "metric": "医院数", "entity": "全国", "period": "2020", "kind": "actual", "surface": "35394个",
         "status": "reviewed", "source": {"doc": "a.txt", "line": 1, "quote": "全国医院35394个"}}]})
    c, d, r = workspace(tmp_path / "w", {"claims": LE_CLAIMS, "docs": {"r.txt": LE_DOC}})
    out = run("check", str(c), "--docs", str(d), "--rules", str(r), "--reference", str(ref))
    assert out.exit_code == 2 and "does not pass its own check" in out.output and "a.txt" in out.output


def test_a_drafts_starting_value_without_its_year_is_only_advice_against_the_reference(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "2021年公报新闻.txt").write_text(
        "新华社北京7月12日电 国家卫生健康委员会12日发布的《2021年我国卫生健康事业发展统计公报》显示,"
        "我国居民人均预期寿命由2020年的77.93岁提高到2021年的78.2岁。孕产妇死亡率从16.9/10万下降到16.1/10万。\n",
        encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    assert run("extract", str(docs / "2021年公报新闻.txt"), "--docs", str(docs), "-o", str(claims)).exit_code == 0
    drafts = {r["surface"]: r for r in yaml.safe_load(claims.read_text(encoding="utf-8"))}
    from checker.model.fields import CONFIDENT

    assert drafts["16.9/10万"]["kind"] == "baseline" and drafts["16.9/10万"]["confidence"]["period"] < CONFIDENT
    assert drafts["78.2岁"]["confidence"]["period"] >= CONFIDENT  # 提高到2021年的78.2岁: its year is printed
    out = run("check", str(claims), "--docs", str(docs), "--reference", "national", "-f", "json", "--no-cache")
    found = [f for f in json.loads(out.stdout)["findings"] if f["code"] == "CC501"]
    assert out.exit_code == 0 and found and all(f["severity"] == "info" for f in found)


def test_a_claim_that_holds_an_earlier_edition_is_out_of_date_not_wrong(tmp_path):
    ref = _two_editions(tmp_path / "ref", ("年末全国共有医院3.5万个。", "3.5万个", "医院3.5万个"),
                        {"published": "2021-02-28", "preliminary": True},
                        ("2020年末全国医院35700个。", "35700个", "全国医院35700个"), "2021-07-13")
    c, d, r = workspace(tmp_path / "w", {"claims": LE_CLAIMS, "docs": {"r.txt": LE_DOC}})
    result = run_check([str(c)], str(d), str(r), reference=(str(ref),), select=["CC501"])
    [found] = [f for f in result.findings if f.claims == ("hosp",)]  # 35394个 lies in 3.5万个, not 35700个
    assert found.severity == "warning"
    assert "is the earlier figure 3.5万个" in found.message and "now 35700个" in found.message


def test_two_texts_each_holding_an_official_edition_disagree_as_a_warning_naming_both(tmp_path):
    ref = _two_editions(tmp_path / "ref", ("2020年医院3.6万个。", "3.6万个", "医院3.6万个"),
                        {"published": "2021-02-28", "preliminary": True},
                        ("2020年医院35394个。", "35394个", "医院35394个"), "2021-07-13")
    two = """\
- {id: feb, metric: 医院数, entity: 全国, period: "2020", kind: actual, surface: 3.6万个, source: {doc: r.txt, line: 1, quote: 全国医院3.6万个}}
- {id: jul, metric: 医院数, entity: 全国, period: "2020", kind: actual, surface: 35394个, source: {doc: r.txt, line: 2, quote: 全国医院35394个}}
"""
    doc = "2020年全国医院3.6万个。\n2020年末全国医院35394个。\n"
    c, d, r = workspace(tmp_path / "w", {"claims": two, "docs": {"r.txt": doc}})
    with_ref = run_check([str(c)], str(d), str(r), reference=(str(ref),), select=["CC201"])
    assert [(f.code, f.severity) for f in with_ref.findings] == [("CC201", "warning")]
    assert "each is an official figure as published: 3.6万个 (preliminary" in with_ref.findings[0].message
    from checker.incremental.cache import Cache

    cache = Cache(tmp_path / "cache")  # the findings kept from the run with the set are not this run's
    assert run_check([str(c)], str(d), str(r), reference=(str(ref),), select=["CC201"], cache=cache).findings[0] \
        .severity == "warning"
    plain = run_check([str(c)], str(d), str(r), select=["CC201"], cache=cache)  # without it, they just disagree
    assert [(f.code, f.severity) for f in plain.findings] == [("CC201", "error")]
    wrong = two.replace("35394个, source", "35000个, source").replace("全国医院35394个}", "全国医院35000个}")
    c, d, r = workspace(tmp_path / "x", {"claims": wrong, "docs": {"r.txt": doc.replace("35394", "35000")}})
    neither = run_check([str(c)], str(d), str(r), reference=(str(ref),), select=["CC201"])
    assert [(f.code, f.severity) for f in neither.findings] == [("CC201", "error")]  # 35000 is no edition


def test_the_2024_bulletins_own_figures_are_verified_not_warned_against_the_bureaus_preliminary_ones(tmp_path):
    doc = "2024年末，全国专业公共卫生机构10547个，医疗卫生机构床位1029.8万张，医院病床使用率78.8%。\n"
    claims = """\
- {id: pub, metric: 专业公共卫生机构数, entity: 全国, period: "2024", kind: actual, surface: 10547个, source: {doc: r.txt, line: 1, quote: 专业公共卫生机构10547个}}
- {id: beds, metric: 床位数, entity: 全国, period: "2024", kind: actual, surface: 1029.8万张, source: {doc: r.txt, line: 1, quote: 床位1029.8万张}}
- {id: use, metric: 医院病床使用率, entity: 全国, period: "2024", kind: actual, surface: 78.8%, source: {doc: r.txt, line: 1, quote: 医院病床使用率78.8%}}
"""
    c, d, r = workspace(tmp_path, {"claims": claims, "docs": {"r.txt": doc}})
    result = run_check([str(c)], str(d), str(r), reference=("national",), select=["CC501"])
    assert result.findings == [] and sorted(v["claim"] for v in result.verified) == ["beds", "pub", "use"]
