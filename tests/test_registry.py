"""rules/: metric and entity registries and unit definitions."""
import pytest
from helpers import ROOT, run_check, workspace

from checker.run import runner as engine

CLAIM = "- {id: a, metric: m, entity: e, period: '2022', kind: actual, surface: 1人, source: {doc: d.txt, quote: 1人}}\n"


def run_with(tmp_path, metrics=None, entities=None, units=None):
    c, d, r = workspace(tmp_path, {"claims": CLAIM, "docs": {"d.txt": "1人\n"}})
    for name, text in (("metrics.yaml", metrics), ("entities.yaml", entities), ("units.txt", units)):
        if text is not None:
            (r / name).write_text(text, encoding="utf-8")
    return run_check([str(c)], str(d), str(r))


@pytest.mark.parametrize("entities,message", [
    ("- {name: 荣昌区, parent: 没有这个市}\n", "parent `没有这个市`"),
    ("- {name: 甲, aliases: [乙]}\n- {name: 丙, aliases: [乙]}\n", "`乙` is already a name of `甲`"),
    ("- {name: 甲}\n- {name: 甲, aliases: [乙]}\n", "`甲` is already an entry in this file"),
    ("- {name: 甲, colour: red}\n", "unknown field `colour`"),
    ("- {aliases: [x]}\n", "needs a `name:`"),
    ("name: 甲\n", "expected a list"),
])
def test_bad_entities_file_names_file_and_line(tmp_path, entities, message):
    with pytest.raises(engine.InputError, match=message) as exc:
        run_with(tmp_path, entities=entities)
    assert "entities.yaml:" in str(exc.value)


@pytest.mark.parametrize("metrics,message", [
    ("- {name: m, unit: 斤斤}\n", "unknown unit"),
    ("- {name: m, range: [0, 100]}\n", "needs the metric's `unit`"),
    ("- {name: m, unit: percent, range: [0]}\n", "must be \\[low, high\\]"),
    ("- {name: m, unit: percent, better: more}\n", "higher or lower"),
])
def test_bad_metrics_file(tmp_path, metrics, message):
    with pytest.raises(engine.InputError, match=message) as exc:
        run_with(tmp_path, metrics=metrics)
    assert "metrics.yaml:1" in str(exc.value)


def test_bad_unit_definitions(tmp_path):
    with pytest.raises(engine.InputError, match="units.txt"):
        run_with(tmp_path, units="person = [person] = 人\nfoo = 3 * bar\n")


def test_variants_are_compared_as_their_entity(tmp_path):
    ents = "- {name: 涪陵区中医院, variants: [涪陵市中医院]}\n"
    result = run_with(tmp_path, entities=ents)
    assert result.claims == 1


def test_project_registries_load():
    from checker.load.registry import load_registry
    from checker.load.rulefiles import RuleFiles

    reg = load_registry(RuleFiles.of(ROOT / "rules"))
    assert reg.entities.canonical("全市") == "重庆市"
    assert reg.metrics.canonical("区域就诊率") == "区域内就诊率"
    assert reg.entities.variants["涪陵市中医院"] == "涪陵区中医院"


def test_registry_columns_are_what_the_lookups_say_name_by_name():
    import pyarrow as pa

    from checker.table.arrow import _known, _looked_up

    table = {"区域就诊率": "区域内就诊率", "区域内就诊率": "区域内就诊率"}
    names = ["区域就诊率", "区域内就诊率", "别的指标", "", None, "区域就诊率"]
    column = pa.array(names, pa.string())
    assert _looked_up(column, table, keep=True).to_pylist() == [table.get(n, n) if n else None for n in names]
    assert _looked_up(column, table, keep=False).to_pylist() == [table.get(n) if n else None for n in names]
    assert _known(column, table).to_pylist() == [bool(n) and n in table for n in names]
    assert _looked_up(column, {}, keep=True).to_pylist() == [n or None for n in names]


def test_vocabulary_and_units_edited_between_runs_are_read_again_even_at_the_same_size_and_time(tmp_path):
    """The parsed vocabulary and units are kept for each content a file has had, never by its size and
    modification time: an edit that keeps both is seen, and each run gets a registry of its own."""
    import os

    from checker.language.units import units_of
    from checker.load.registry import load_registry
    from checker.load.rulefiles import RuleFiles

    rules = tmp_path / "rules"
    rules.mkdir()
    metrics, units = rules / "metrics.yaml", rules / "units.txt"
    metrics.write_text("- {name: 甲指标, unit: 张}\n", encoding="utf-8")
    units.write_text("@group counters\n    widget = [widget] = 甲件\n@end\n", encoding="utf-8")
    first, first_units = load_registry(RuleFiles.of(rules)), units_of(RuleFiles.of(rules).units)
    first.metrics.learn(["学来的指标"])
    assert units_of(RuleFiles.of(rules).units) is first_units  # the same content: made once
    for path, old, new in ((metrics, "甲指标", "乙指标"), (units, "甲件", "乙件")):
        stat = path.stat()
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        assert path.stat().st_size == stat.st_size
    second, second_units = load_registry(RuleFiles.of(rules)), units_of(RuleFiles.of(rules).units)
    assert first.metrics.known("甲指标") and not second.metrics.known("甲指标") and second.metrics.known("乙指标")
    assert not second.metrics.known("学来的指标")  # what one run learnt stays in its own registry
    assert first_units.info("甲件").dimension == "[widget]" and second_units.info("乙件").dimension == "[widget]"
    assert second_units is not first_units


def test_a_learnt_name_whose_composed_term_another_term_already_lists_maps_to_that_term():
    from checker.load.registry import Term, Vocabulary

    vocab = Vocabulary()
    vocab.add(Term("每千人口3岁以下婴幼儿托位数", aliases=("每千人口托位数",)))
    vocab.compose = lambda v, name: Term("每千人口托位数", aliases=(name,)) if name == "每千人托位" else None
    vocab.learn(["每千人托位"])  # composes a term whose name is already another's: no error, that term
    assert vocab.canonical("每千人托位") == "每千人口3岁以下婴幼儿托位数"
    assert vocab.known("每千人托位") and "每千人口托位数" not in vocab.terms


def test_a_name_with_its_kinds_after_slashes_is_the_listed_name_with_them_in_brackets(tmp_path):
    """Bulletins write 妇幼保健院/所/站 for 妇幼保健院(所、站): the same indicator, whatever follows the last kind."""
    from checker.load.registry import load_registry
    from checker.load.rulefiles import RuleFiles

    (tmp_path / "metrics.yaml").write_text("- {name: 示例院(所、站)数, unit: 个}\n- {name: 示例中心(站)床位数, unit: 张}\n",
                                           encoding="utf-8")
    metrics = load_registry(RuleFiles.of(tmp_path)).metrics
    metrics.learn(["示例院/所/站数", "示例中心/站床位数", "示例院/所/站/数", "示例院/所"])
    assert metrics.canonical("示例院/所/站数") == "示例院(所、站)数"
    assert metrics.canonical("示例中心/站床位数") == "示例中心(站)床位数"
    assert not metrics.known("示例院/所/站/数") and not metrics.known("示例院/所")
