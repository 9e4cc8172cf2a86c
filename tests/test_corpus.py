"""The project's own corpus: seeds, curated claims, registries, published schema."""
from __future__ import annotations

import json

import pytest
import yaml
from helpers import ROOT, run_check

from checker.model import fields

SHARED = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def seeds_result():
    return run_check([str(ROOT / "claims")], str(ROOT / "seeds"), str(ROOT / "rules"))


def test_002_contradiction_is_an_error_naming_both_lines(seeds_result):
    found = [f for f in seeds_result.findings if f.code == "CC201"
             and any(loc.path.endswith("002_e4d2c26514aca587.txt") for loc in f.locations)]
    assert len(found) == 1
    lines = sorted(loc.line for loc in found[0].locations if loc.role == "source")
    assert lines == [13, 99]
    assert found[0].severity == "error"


def test_002_target_relation_is_reported(seeds_result):
    progress = [f for f in seeds_result.findings if f.code == "CC203" and "区域内就诊率" in f.message]
    assert progress and any(loc.line == 17 for f in progress for loc in f.locations if loc.role == "source")
    achieved = [f for f in seeds_result.findings if f.code == "CC202"]
    assert any({loc.line for loc in f.locations if loc.role == "source"} >= {13, 17, 99} for f in achieved)


def test_every_claim_is_valid(seeds_result):
    record_level = [f for f in seeds_result.findings if f.code < "CC200"]
    assert record_level == [], [f"{f.code} {f.message} {f.locations[0]}" for f in record_level]


def test_every_seed_has_a_claim_file():
    seeds = sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    claims = sorted(p.stem for p in (ROOT / "claims").glob("*.yaml"))
    assert seeds == claims and len(seeds) == 5


# SHA-256 of the corpus as delivered in ../shared/seeds; the seeds must stay byte-identical.
SEED_SHA256 = {
    "000_af5463c42b0f035d.txt": "36c4de2248f9ee62bcfd4372d5294ac883958b18b7936b948d1c3b5030af8069",
    "001_772c41208c9baad9.txt": "1172cd57baed841c0724cac508b038c62acec8db5ff2a371b931de38c080042c",
    "002_e4d2c26514aca587.txt": "de5c9e88e601c5e92b269fbd04ae6eca43b520a800a4d97788f923dbb0ec1a41",
    "003_c520528d40d52752.txt": "749b9e280ad39c1f03791c3d5879fb3cae5511b7df60c5bdad520805d416e3ed",
    "004_cb7ca5bcc72a2d7d.txt": "2be463cb3b8c9ce102ec984d734ae4a671e4ed677036d25bb34ed2f63ca51741",
}


def test_seeds_are_byte_identical_to_the_delivered_corpus():
    import hashlib

    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "seeds").glob("*.txt")}
    assert found == SEED_SHA256
    for src in SHARED.glob("*.txt"):  # and to ../shared itself when it is beside the checkout
        assert found[src.name] == hashlib.sha256(src.read_bytes()).hexdigest()


def test_published_json_schema_is_current():
    published = json.loads((ROOT / "checker" / "data" / "claims.schema.json").read_text(encoding="utf-8"))
    assert published == fields.json_schema()


def test_claim_files_satisfy_the_json_schema():
    import jsonschema

    schema = fields.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in (ROOT / "claims").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = list(validator.iter_errors(data))
        assert errors == [], f"{path.name}: {errors[0].message if errors else ''}"


def test_json_schema_rejects_what_the_loader_rejects():
    import jsonschema

    validator = jsonschema.Draft202012Validator(fields.json_schema())
    bad = [{"id": "a", "metric": "m", "entity": "e", "period": "2022", "kind": "achieved", "surface": "1",
            "source": {"doc": "d", "quote": "1"}}]
    assert list(validator.iter_errors(bad))
    bad[0]["kind"], bad[0]["sorce"] = "actual", {}
    assert list(validator.iter_errors(bad))


def test_every_report_format_is_produced_for_the_seeds(seeds_result):
    import xml.etree.ElementTree as ET

    import jsonschema

    from checker import report

    rendered = {fmt: report.render(seeds_result, fmt) for fmt in report.FORMATS}
    schema = json.loads((ROOT / "checker" / "data" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(rendered["json"]))
    sarif_schema = ROOT / "tests" / ".cache" / "sarif-schema-2.1.0.json"
    assert sarif_schema.exists(), "run tests/setup.sh"
    jsonschema.Draft7Validator(json.loads(sarif_schema.read_text(encoding="utf-8"))).validate(
        json.loads(rendered["sarif"]))
    assert ET.fromstring(rendered["junit"]).find("testsuite") is not None
    assert len(json.loads(rendered["claimreview"])) == seeds_result.claims
    assert rendered["github"].count("::error ") == 1  # the 002 contradiction
    assert rendered["html"].count('class="document"') == 5
    assert "区域内就诊率" in rendered["markdown"] and "CC201" in rendered["text"]


def test_readme_lists_every_rule():
    from checker import rules

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, module in rules.all_rules().items():
        assert f"| {code} | {module.SEVERITY} | {module.NAME} |" in readme, code


def test_the_claim_table_is_the_same_whatever_the_batch_it_is_built_in(seeds_result):
    from checker.table import arrow

    ctx = seeds_result.context
    whole = arrow.arrow_table(ctx.records, ctx.readings, ctx.registry, batch=len(ctx.records) + 1)
    assert whole.num_rows == len(ctx.records) > 250
    for batch in (1, 7, 64):
        assert arrow.arrow_table(ctx.records, ctx.readings, ctx.registry, batch=batch).equals(whole)
    empty = arrow.arrow_table([], [], ctx.registry)
    assert empty.num_rows == 0 and empty.schema == whole.schema


def test_readings_are_made_when_asked_and_read_the_same_every_time(seeds_result):
    from checker.table import readings as readings_module

    ctx = seeds_result.context
    readings = ctx.readings
    assert 0 < readings.kept() < len(readings) // 2  # rows the findings named, and derived figures
    for row, rec in enumerate(ctx.records):
        if rec.values.get("derived"):
            continue  # its reading was completed from the records it is derived from
        assert readings[row] == readings_module.read_record(rec, ctx.units, ctx.docs) == readings[row - len(readings)]
    assert readings[5:9] == [readings[i] for i in range(5, 9)] and list(readings)[5:9] == readings[5:9]


def test_duckdb_returns_freed_memory_at_once_unless_the_user_says_otherwise(monkeypatch):
    import os

    from checker.table import engines

    monkeypatch.delenv("DUCKDB_JE_MALLOC_CONF", raising=False)
    engines.connect("duckdb")
    assert os.environ["DUCKDB_JE_MALLOC_CONF"] == "dirty_decay_ms:0,muzzy_decay_ms:0"
    monkeypatch.setenv("DUCKDB_JE_MALLOC_CONF", "narenas:1")
    engines.connect("duckdb")
    assert os.environ["DUCKDB_JE_MALLOC_CONF"] == "narenas:1"


def test_readings_keep_derived_figures_and_only_the_most_recent_others(seeds_result, monkeypatch):
    from checker.table import derived
    from checker.table import readings as readings_module

    ctx = seeds_result.context
    monkeypatch.setattr(readings_module.Readings, "RECENT", 3)
    readings = readings_module.Readings(ctx.records, ctx.units, ctx.docs)
    derived.resolve_derived(ctx.records, readings, ctx.units)
    derived = [row for row, rec in enumerate(ctx.records) if rec.values.get("derived")]
    assert derived and all(readings[row].derive_error is None and readings[row].base for row in derived)
    plain = [row for row, rec in enumerate(ctx.records) if not rec.values.get("derived")][:10]
    for row in plain:
        assert readings[row] == ctx.readings[row]
    assert readings.kept() <= len(derived) + 3
    assert [readings[row] for row in derived] == [ctx.readings[row] for row in derived]  # completed, and kept


def test_readings_made_with_the_records_give_the_table_made_from_readings(seeds_result):
    """The loader makes each file's readings as columns; made again row by row, the table is the same."""
    from checker.model.records import Records
    from checker.table import arrow

    ctx = seeds_result.context
    assert all(chunk.readings is not None for _, chunk in ctx.records.spans())
    again = Records(list(ctx.records))  # rows one by one: no readings' columns
    assert all(chunk.readings is None for _, chunk in again.spans())
    assert any(rec.values.get("derived") for rec in again)
    assert arrow.arrow_table(again, ctx.readings, ctx.registry).equals(ctx.arrow)
