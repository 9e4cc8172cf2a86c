"""Schema and YAML problems are findings that name file, line and field."""
from __future__ import annotations

import textwrap

import pytest
from helpers import GOOD_RECORD as GOOD
from helpers import check, run_check

from checker.run import runner as engine

DOC = {"d.txt": "区域内就诊率由2020年的88.6%提升到93.4%。\n"}



def run(tmp_path, claims: str):
    return check(tmp_path, {"claims": claims, "docs": DOC})


def only(result, code):
    found = [f for f in result.findings if f.code == code]
    assert found, [f"{f.code} {f.message}" for f in result.findings]
    return found


def test_good_record_is_clean(tmp_path):
    assert run(tmp_path, GOOD).findings == []


def test_bad_kind_is_reported_at_its_line(tmp_path):
    f = only(run(tmp_path, GOOD.replace("kind: actual", "kind: achieved")), "CC100")[0]
    assert f.locations[0].line == 5
    assert f.locations[0].path.endswith("example.yaml")
    assert "`kind`" in f.message and "achieved" in f.message


def test_missing_required_field_is_reported_at_the_record(tmp_path):
    f = only(run(tmp_path, GOOD.replace("  metric: 区域内就诊率\n", "")), "CC100")[0]
    assert f.locations[0].line == 1
    assert "`metric` is required" in f.message


def test_bad_period_names_the_field(tmp_path):
    f = only(run(tmp_path, GOOD.replace('period: "2022"', 'period: "22年"')), "CC100")[0]
    assert f.locations[0].line == 4 and "`period`" in f.message


def test_wrong_type_is_reported_once_at_its_line(tmp_path):
    found = only(run(tmp_path, GOOD.replace("line: 1", "line: first")), "CC100")
    assert len(found) == 1
    assert found[0].locations[0].line == 9
    assert "`source.line` must be a whole number" in found[0].message


def test_boolean_and_nan_values_are_refused(tmp_path):
    found = only(run(tmp_path, GOOD.replace("surface: 93.4%", "surface: 93.4%\n  value: .nan")), "CC100")
    assert "finite" in found[0].message
    found = only(run(tmp_path / "b", GOOD.replace("kind: actual", "kind: yes")), "CC100")
    assert "`kind` must be text" in found[0].message


def test_duplicate_key_names_both_lines(tmp_path):
    f = only(run(tmp_path, GOOD.replace('period: "2022"\n', 'period: "2022"\n  period: "2020"\n')), "CC101")[0]
    assert f.locations[0].line == 5 and "line 4" in f.message


def test_unknown_field_suggests_the_nearest(tmp_path):
    f = only(run(tmp_path, GOOD.replace("kind: actual", "kind: actual\n  qualifer: exact")), "CC103")[0]
    assert "did you mean `qualifier`" in f.message and f.locations[0].line == 6


def test_unknown_source_field(tmp_path):
    f = only(run(tmp_path, GOOD.replace("    line: 1\n", "    lines: 1\n")), "CC103")[0]
    assert "`source.lines`" in f.message and "source.line" in f.message


def test_duplicate_ids_across_files_list_both(tmp_path):
    result = check(tmp_path, {"claims": GOOD, "docs": DOC})
    (tmp_path / "claims" / "other.yaml").write_text(GOOD, encoding="utf-8")
    result = run_check([str(tmp_path / "claims")], str(tmp_path / "docs"), str(tmp_path / "rules"))
    f = only(result, "CC102")[0]
    paths = {loc.path.rsplit("/", 1)[-1] for loc in f.locations if loc.role == "claim"}
    assert paths == {"example.yaml", "other.yaml"}


@pytest.mark.parametrize("text,where", [
    ("- id: a\n  metric: [unclosed\n", ":3:"),
    ("- id: a\n\tmetric: x\n", ":2:"),
    ('- id: "a\n', ":2:"),
])
def test_malformed_yaml_stops_with_file_and_line(tmp_path, text, where):
    with pytest.raises(engine.InputError) as exc:
        run(tmp_path, text)
    assert "example.yaml" + where in str(exc.value) and "cannot parse YAML" in str(exc.value)


def test_a_mapping_instead_of_a_list_stops(tmp_path):
    with pytest.raises(engine.InputError, match="a claim file is a YAML list"):
        run(tmp_path, "id: a\nmetric: b\n")


def test_empty_file_is_allowed(tmp_path):
    assert run(tmp_path, "").claims == 0


def test_python_tags_are_refused(tmp_path):
    with pytest.raises(engine.InputError, match="cannot parse YAML"):
        run(tmp_path, "- !!python/object/apply:os.system ['echo hi']\n")


def test_value_must_agree_with_surface(tmp_path):
    text = GOOD.replace("surface: 93.4%", "surface: 93.4%\n  value: 93.5")
    f = only(run(tmp_path, text), "CC111")[0]
    assert "93.5" in f.message and "93.4" in f.message


def test_range_value_is_a_pair(tmp_path):
    doc = {"d.txt": "平均等候时间10~30分钟\n"}
    text = textwrap.dedent("""\
        - {id: r, metric: 等候时间, entity: x, period: "2022", kind: actual, surface: 10~30分钟, value: [10, 30],
           source: {doc: d.txt, line: 1, quote: 10~30分钟}}
        """)
    names = {"docs": doc, "metrics": [{"name": "等候时间", "unit": "分钟"}], "entities": [{"name": "x"}]}
    assert check(tmp_path, {"claims": text, **names}).findings == []
    bad = text.replace("[10, 30]", "[10, 40]")
    assert [f.code for f in check(tmp_path / "b", {"claims": bad, **names}).findings] == ["CC111"]


@pytest.mark.parametrize("chunk", [7, 1 << 16])
def test_schema_failures_in_a_table_of_many_chunks_name_their_own_rows(tmp_path, monkeypatch, chunk):
    """The engine scans chunks in parallel: each failure must still name the file, line and value it is about."""
    from helpers import ROOT, bad_fields_in_many_files

    from checker.model.records import Records

    monkeypatch.setattr(Records, "CHUNK", chunk)
    planted = bad_fields_in_many_files(tmp_path / "claims")
    result = run_check([str(tmp_path / "claims")], None, str(ROOT / "rules"), select=["CC100"])
    if chunk == 7:
        assert result.context.arrow.column("kind").num_chunks > 5
    found = {(f.locations[0].path, f.locations[0].line, value)
             for f in result.findings for value in [v for *_, v in planted] if f" is {value}" in f.message}
    assert len(planted) > 20 and found == planted
    assert len(result.findings) == len(planted)


def _table(rows: dict):
    import ibis
    import pyarrow as pa

    return ibis.memtable(pa.table(rows))


def _good_rows(n: int = 3) -> dict:
    """A table with every column of the schema, every value passing."""
    from checker.table import schema

    rows = {"row": list(range(n))}
    samples = {"kind": "actual", "period": "2022", "status": "draft", "qualifier": "以上"}
    for rule in schema.column_rules():
        if rule.name == "row":
            continue
        if rule.dtype is int:
            rows[rule.name] = [1] * n
            continue
        value = samples.get(rule.name, "x")
        for name, _, test in rule.checks:
            if name == "isin":
                value = rows.get(rule.name, [None])[0] or _first_allowed(rule.name)
        rows[rule.name] = [value] * n
    return rows


def _first_allowed(name: str) -> str:
    from checker.model import fields as F

    return F.BY_NAME[name].choices[0]


def test_the_quick_screen_fails_every_table_pandera_would_fail():
    """The one-query screen (schema.all_pass) stands in for pandera on tables that pass: it must never pass a
    table pandera fails. Each check of every column is broken in turn, a required column is emptied, and a
    column gets another type; pandera's own report of one of them names the broken row."""
    import pandera.errors

    from checker.table import schema

    good = _good_rows()
    schema.build_schema().validate(_table(good), lazy=True)  # pandera passes it
    assert schema.all_pass(_table(good)) and schema.validate(_table(good)) == []
    bad_values = {"str_length": "", "isin": "nowhere", "str_matches": "22年", "greater_than_or_equal_to": 0}
    broken = []
    for rule in schema.column_rules():
        for name, _, _ in rule.checks:
            broken.append((rule.name, name, dict(good, **{rule.name: good[rule.name][:2] + [bad_values[name]]})))
        if not rule.nullable:
            broken.append((rule.name, "not_nullable", dict(good, **{rule.name: good[rule.name][:2] + [None]})))
    ints = [r.name for r in schema.column_rules() if r.dtype is int]
    broken.append((ints[0], "dtype", dict(good, **{ints[0]: [str(v) for v in good[ints[0]]]})))
    assert len(broken) >= 10
    for column, broken_check, rows in broken:
        assert not schema.all_pass(_table(rows)), (column, broken_check)
    column, _, rows = broken[0]
    with pytest.raises(pandera.errors.SchemaErrors):
        schema.build_schema().validate(_table(rows), lazy=True)
    assert {(f.row, f.column) for f in schema.validate(_table(rows))} == {(2, column)}
