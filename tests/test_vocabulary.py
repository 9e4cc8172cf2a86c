"""The field's vocabulary, built in: indicators, places, units as bulletins print them; a project extends it."""
from __future__ import annotations

import csv
import json

import pytest
import yaml
from helpers import ROOT, run, run_check, workspace

from checker.language.units import Units
from checker.load.registry import load_registry
from checker.load.rulefiles import BUILTIN, RuleFiles

BUILTIN_ONLY = RuleFiles(None)


@pytest.fixture(scope="module")
def registry():
    return load_registry(BUILTIN_ONLY, Units(BUILTIN_ONLY.units))


def test_the_indicators_cover_the_field_with_unit_group_definition_and_source():
    entries = yaml.safe_load((BUILTIN / "vocabulary" / "indicators.yaml").read_text(encoding="utf-8"))
    assert len(entries) >= 250
    assert {e["group"] for e in entries} == {"resources", "services", "outcomes", "public_health", "finance", "policy"}
    units = Units(BUILTIN_ONLY.units)
    for e in entries:
        assert e.get("definition") and e.get("source") and e.get("unit"), e["name"]
        units.info(str(e["unit"]))  # every unit is one the units file defines
    names = [n for e in entries for n in (e["name"], *e.get("aliases", []))]
    assert len(names) == len(set(names)), "a name may stand for one indicator only"


@pytest.mark.parametrize("name,canonical", [
    ("孕产妇死亡率", "孕产妇死亡率"), ("其中医院", None), ("医院", "医院数"), ("床位", None),
    ("执业（助理）医师", "执业(助理)医师数"), ("每千人口执业（助理）医师", "每千人口执业(助理)医师数"),
    ("婴儿死亡率", "婴儿死亡率"), ("每万人口全科医生数", "每万人口全科医生数"),
])
def test_standard_names_and_their_printed_forms_are_known(registry, name, canonical):
    if canonical is None:
        return  # clipped forms that only the extractor resolves from the sentence (其中医院) are not names here
    assert registry.metrics.canonical(name) == canonical


def test_places_reach_every_county_with_codes_and_parents(registry):
    with (BUILTIN / "vocabulary" / "places.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    levels = [r["level"] for r in rows]
    assert levels.count("province") == 34 and levels.count("city") >= 300 and levels.count("county") >= 2800
    codes = {r["code"] for r in rows}
    assert all(r["parent"] in codes for r in rows if r["parent"])
    entities = registry.entities
    assert entities.canonical("荣昌") == "荣昌区" and entities.get("荣昌区").extra["parent"] == "重庆市"
    assert entities.canonical("重庆") == "重庆市" and entities.canonical("广西") == "广西壮族自治区"
    assert entities.canonical("我国") == "全国"
    # a name two divisions share is known, and each is named with its parent
    assert entities.known("朝阳区") and entities.get("北京市朝阳区").extra["code"] == "110105"
    assert "荣昌" in entities.weak and "荣昌" not in entities.spotting_names()  # not looked for inside words


def test_rates_per_population_are_composed_from_any_known_indicator(registry):
    registry.learn(["每十万人口注册护士", "每千人口卫生技术人员", "每千人口孕产妇死亡率", "每万人口不存在的指标"], [])
    metrics = registry.metrics
    assert metrics.get("每十万人口注册护士").extra["unit"] == "人/十万人"
    assert metrics.get("每千人口卫生技术人员").extra["unit"] == "人/千人"
    assert not metrics.known("每千人口孕产妇死亡率")  # a rate of a rate is not a thing
    assert not metrics.known("每万人口不存在的指标")


def test_breakdowns_by_institution_and_population_are_the_indicator_for_that_part(registry):
    registry.learn(["乡镇卫生院出院人次", "男性人均预期寿命", "省级疾病预防控制中心数", "某某人均预期寿命"], [])
    metrics = registry.metrics
    assert metrics.get("乡镇卫生院出院人次").extra["unit"] == "人次"
    assert metrics.get("男性人均预期寿命").extra["unit"] == metrics.get("人均预期寿命").extra["unit"]
    assert metrics.known("省级疾病预防控制中心数")
    assert not metrics.known("某某人均预期寿命")


def test_institutions_named_after_a_place_are_known_and_parented_to_it(registry):
    registry.learn([], ["黔江区人民医院", "重庆市荣昌区中医院", "无此地人民医院"])
    entities = registry.entities
    assert entities.get("黔江区人民医院").extra["parent"] == "黔江区"
    assert entities.get("重庆市荣昌区中医院").extra["parent"] == "荣昌区"
    assert not entities.known("无此地人民医院")


def test_beds_are_not_institutions_and_every_institution_counter_agrees():
    units = Units(BUILTIN_ONLY.units)
    assert units.info("个").dimension == units.info("家").dimension == units.info("所").dimension
    assert units.info("张").dimension != units.info("个").dimension
    assert units.info("人").dimension != units.info("人次").dimension != units.info("户").dimension
    assert units.info("1/10万").factor == units.info("per_100k").factor == units.info("/十万人").factor


def test_a_project_extends_and_overrides_the_builtin_vocabulary(tmp_path):
    claims = ("- {id: a, metric: 医院数, entity: 荣昌区, period: '2022', kind: actual, surface: 15张, "
              "source: {doc: d.txt, quote: 医院15张}}\n"
              "- {id: b, metric: 自编指标, entity: 荣昌区, period: '2022', kind: actual, surface: 3个, "
              "source: {doc: d.txt, quote: 自编指标3个}}\n")
    c, d, r = workspace(tmp_path, {"claims": claims, "docs": {"d.txt": "医院15张，自编指标3个。\n"},
                                   "metrics": [{"name": "医院数", "unit": "张"}, {"name": "自编指标", "unit": "个"}]})
    found = [(f.code, f.message) for f in run_check([str(c)], str(d), str(r)).findings]
    notes = [m for code, m in found if code == "CC132"]
    assert len(notes) == 1 and "医院数" in notes[0] and "[bed]" in notes[0]
    assert not [m for code, m in found if code in ("CC130", "CC131", "CC204")]


def test_vocabulary_command_lists_matches_with_their_origin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no rules folder: the built-in vocabulary alone
    out = run("vocabulary", "孕产妇死亡率")
    assert out.exit_code == 0 and "per_100k" in out.stdout and "built-in" in out.stdout
    assert "每十万人口注册护士数" in run("vocabulary", "每十万人口注册护士").stdout
    assert run("vocabulary", "没有这样的词").exit_code == 1
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "metrics.yaml").write_text("- {name: 自编指标, unit: 个}\n", encoding="utf-8")
    assert "project: rules/metrics.yaml:1" in run("vocabulary", "自编指标").stdout


def test_every_command_works_with_no_rules_folder(tmp_path, monkeypatch):
    """A new user's folder: one report, no rules/, no configuration."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text(
        "2020年末，全国医疗卫生机构总数达1022922个。孕产妇死亡率为16.9/10万，婴儿死亡率为5.4‰。\n", encoding="utf-8")
    extracted = run("extract", "report.txt", "-o", "claims/report.yaml")
    assert extracted.exit_code == 0, extracted.output
    drafts = yaml.safe_load((tmp_path / "claims" / "report.yaml").read_text(encoding="utf-8"))
    assert {d["unit"] for d in drafts} >= {"per_100k", "permille"}
    for args in (("lint", "report.txt"), ("check", "claims", "--docs", "."), ("validate", "claims", "--docs", ".")):
        out = run(*args)
        assert out.exit_code in (0, 1) and "Traceback" not in out.output, out.output
    assert run("check", "--rules", "missing").exit_code == 2


def test_the_development_set_checks_clean_of_unknown_names_and_units():
    """Hand-written claims for real official documents (benchmarks/data/real): the vocabulary knows them."""
    real = ROOT / "benchmarks" / "data" / "real"
    result = run_check([str(real / "claims")], str(real), str(real / "rules"))
    assert result.claims >= 400
    unknown = [f.message for f in result.findings if f.code in ("CC113", "CC130", "CC131")]
    assert unknown == []
    assert [f.message for f in result.findings if f.severity == "error"] == []


def test_a_project_that_kept_the_old_full_units_file_reads_as_it_did(tmp_path):
    """Before the units were built in, a project's rules/units.txt held them all, groups and defaults included."""
    (tmp_path / "units.txt").write_text("@defaults\n    group = root\n    system = claimcheck\n@end\n"
                                        "@group counters\n    count = [count] = 个 = 张\n@end\n", encoding="utf-8")
    units = Units(RuleFiles.of(tmp_path).units)
    assert units.info("张").dimension == units.info("个").dimension and units.info("张").counter
    assert units.info("人次").counter  # the built-in counters stay counters


def test_a_composed_name_of_a_listed_indicator_finds_it_as_listed():
    """专业公共卫生机构实有床位 composes to 专业公共卫生机构床位数, which the list has with its own definition."""
    registry = load_registry(BUILTIN_ONLY)
    listed = registry.metrics.get("专业公共卫生机构床位数")
    registry.learn(["专业公共卫生机构实有床位"], [])
    assert registry.metrics.canonical("专业公共卫生机构实有床位") == "专业公共卫生机构床位数"
    assert registry.metrics.get("专业公共卫生机构床位数") is listed


def test_a_rate_printed_with_its_counter_is_drafted_in_the_rate_and_checks_clean(tmp_path, monkeypatch):
    """Bulletins print 每千人口床位数6.86张 and 每千人口执业(助理)医师2.77人: the counter of a rate per population."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text("2019年，全国每千人口床位数6.86张，每千人口执业（助理）医师2.77人。\n",
                                         encoding="utf-8")
    assert run("extract", "report.txt", "-o", "claims/report.yaml").exit_code == 0
    drafts = yaml.safe_load((tmp_path / "claims" / "report.yaml").read_text(encoding="utf-8"))
    assert [(d["surface"], d["unit"]) for d in drafts] == [("6.86张", "张/千人"), ("2.77人", "人/千人")]
    out = run("check", "claims", "--docs", ".", "-f", "json")
    codes = {f["code"] for f in json.loads(out.stdout)["findings"]}
    assert not codes & {"CC114", "CC204", "CC310"}, out.stdout


def test_short_place_names_are_not_spotted_inside_words_unless_a_project_names_them(tmp_path):
    registry = load_registry(BUILTIN_ONLY)
    assert "中卫" in registry.entities.weak and "重庆" not in registry.entities.weak  # 中卫市 in 机构中卫生人员
    (tmp_path / "entities.yaml").write_text("- {name: 荣昌区, aliases: [荣昌], parent: 重庆市}\n", encoding="utf-8")
    project = load_registry(RuleFiles.of(tmp_path))
    assert "荣昌" in project.entities.spotting_names() and "荣昌" not in registry.entities.spotting_names()


def test_a_claim_in_another_dimension_than_its_metric_is_no_range_error(tmp_path):
    """1.65人 of 每千人口卫生技术人员数 (人/千人) is in the wrong unit, which CC204 reports; CC310 said it was outside
    [0, 50], a number in no unit the range is in. 65 人/千人 is outside."""
    claims = tmp_path / "c.yaml"
    claims.write_text("- {id: a, metric: 每千人口卫生技术人员数, entity: 环县, period: '2011', kind: actual, surface: 1.65人}\n"
                      "- {id: b, metric: 每千人口卫生技术人员数, entity: 环县, period: '2012', kind: actual, surface: 65人, "
                      "unit: 人/千人}\n", encoding="utf-8")
    found = run_check([str(claims)], None, None, select=["CC310", "CC204"]).findings
    assert [f.claims for f in found if f.code == "CC310"] == [("b",)]
    assert any(f.code == "CC204" and "a" in f.claims for f in found)
