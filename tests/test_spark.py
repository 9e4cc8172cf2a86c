"""The Spark engine runs the very same rule definitions and must find exactly what DuckDB finds.

Spark runs in local mode (local[2]) inside the test process; the session is
started once and shared by the tests of this module, which run in one
xdist worker (group "spark") so that only one JVM starts.
"""

import pytest
from generate import generate  # noqa: E402
from helpers import ROOT, SPARK_TEST_ARGS, run_check

pytestmark = [pytest.mark.spark, pytest.mark.xdist_group("spark")]


@pytest.fixture(autouse=True)
def small_spark(monkeypatch):
    """Test corpora are small: one shuffle partition saves a fifth of each query, and one core with a quickly
    started JVM (helpers.SPARK_TEST_ARGS) a third of the module's time (read when the session starts)."""
    monkeypatch.setenv("CLAIMCHECK_SPARK_PARTITIONS", "1")
    monkeypatch.delenv("CLAIMCHECK_SPARK_MASTER", raising=False)
    monkeypatch.setenv("PYSPARK_SUBMIT_ARGS", SPARK_TEST_ARGS)


def both(claims, docs, rules, **options):
    embedded = run_check(claims, docs, rules, **options)
    spark = run_check(claims, docs, rules, engine="spark", **options)
    return embedded, spark


def same(a, b):
    assert a.findings == b.findings
    assert a.suppressed == b.suppressed
    assert a.baselined == b.baselined


def test_seeds_give_identical_findings():
    embedded, spark = both([str(ROOT / "claims")], str(ROOT / "seeds"), str(ROOT / "rules"))
    assert any(f.code == "CC201" for f in embedded.findings)  # the comparison has something to compare
    assert len({f.code for f in embedded.findings}) > 10
    same(embedded, spark)


def test_schema_failures_in_many_chunks_name_their_own_rows_on_spark_too(tmp_path):
    """One Spark run for both: a bad kind named with its value, and failures spread over many files."""
    from helpers import bad_fields_in_many_files

    planted = bad_fields_in_many_files(tmp_path / "claims")
    (tmp_path / "claims" / "c.yaml").write_text(
        "- {id: a-1, metric: 床位数, entity: 甲市, period: '2023', kind: guess, surface: 12张}\n",
        encoding="utf-8")
    embedded, spark = both([str(tmp_path / "claims")], None, str(ROOT / "rules"), select=["CC100"])
    assert {f.code for f in spark.findings} == {"CC100"}
    assert any("kind" in f.message and "'guess'" in f.message for f in spark.findings)
    planted_files = [f for f in spark.findings if not f.locations[0].path.endswith("c.yaml")]
    assert len(planted_files) == len(planted) > 20
    assert {(f.locations[0].path, f.locations[0].line) for f in planted_files} == {(p, n) for p, n, _ in planted}
    same(embedded, spark)


def test_a_synthetic_corpus_read_in_many_batches_gives_every_planted_problem_and_only_named_rows_reach_the_driver(
        tmp_path, monkeypatch):
    """Issue #26: the claim files are parsed on the executors, a few at a time over several partitions; the claim
    table exists only in Spark, and the driver fetches the rows findings name."""
    from checker.run import distributed
    from checker.table import engines

    monkeypatch.setattr(distributed, "FILES_PER_BATCH", 1)  # its four claim files: a batch each, over two partitions
    answered = []
    real = distributed.PartitionedAnswers.context
    monkeypatch.setattr(distributed.PartitionedAnswers, "context",
                        lambda self, pool: answered.extend(self.answerable) or real(self, pool))
    planted = generate(1200, tmp_path, docs=4, seed=11)
    session = engines.spark_session()
    session.conf.set("spark.sql.shuffle.partitions", "3")  # the rules' answers come from several partitions
    try:
        # the rules run on the executors, batch by batch, and the rules across records the planted problems need
        # (the seeds' test runs every rule on Spark)
        embedded, spark = both([str(tmp_path / "claims")], str(tmp_path / "docs"), str(tmp_path / "rules"),
                               select=["CC100", "CC110", "CC121", "CC201", "CC205", "CC301"])
    finally:
        session.conf.set("spark.sql.shuffle.partitions", "1")
    assert sorted(answered) == ["CC201", "CC205", "CC301"]  # answered partition by partition on the executors
    codes = [f.code for f in spark.findings]
    assert codes.count("CC201") == planted["contradictions"] > 0
    assert codes.count("CC301") == planted["parts"] > 0
    assert codes.count("CC205") == planted["duplicates"] > 0
    assert spark.context.arrow is None and isinstance(spark.context.records, distributed.SparkRecords)
    named = {c for f in spark.findings for c in f.claims}
    assert 0 < spark.context.records.fetched <= len(named) < spark.claims  # the rows findings name, no more
    same(embedded, spark)
    # a query the executors were not asked (one that depends on another's answer) is Spark's to answer
    import ibis

    claims = ibis.table(spark.context.table.schema(), name="claims")
    asked_late = claims.filter(claims.kind == "actual").count()
    assert distributed._Answered({}, session).arrow(asked_late).as_py() == embedded.context.arrow_of(
        embedded.context.table.filter(embedded.context.table.kind == "actual").count()).as_py() > 0


RELATED = {
    "a.yaml": """\
- {id: total, metric: 床位数, entity: 甲市, period: "2023", kind: actual, surface: 30张, relations: [{sum: [p1, p2]}]}
- {id: twice, metric: 医院数, entity: 甲市, period: "2023", kind: actual, surface: 3个}
- {metric: 医院数, entity: 甲市, period: "2023", kind: guess, surface: 许多}
""",
    "b.yaml": """\
- {id: p1, metric: 床位数, entity: 甲市, period: "2023", kind: actual, surface: 10张}
- {id: p2, metric: 床位数, entity: 甲市, period: "2023", kind: actual, surface: 10张}
- {id: twice, metric: 医院数, entity: 甲市, period: "2024", kind: actual, surface: 5个}
- {id: odd, metric: 床位数, entity: 甲市, period: "2023", kind: actual, surface: 9张, relations: [{sum: [p1, nowhere]}, {includes: [odd]}, {change: {from: p1}}]}
""",
}


def test_relations_and_ids_across_claim_files_are_looked_up_as_on_duckdb(tmp_path):
    for name, text in RELATED.items():
        (tmp_path / "claims").mkdir(exist_ok=True)
        (tmp_path / "claims" / name).write_text(text, encoding="utf-8")
    embedded, spark = both([str(tmp_path / "claims")], None, str(ROOT / "rules"),
                           select=["CC100", "CC102", "CC104", "CC110", "CC141", "CC301"])
    codes = sorted(f.code for f in spark.findings)
    assert codes.count("CC141") == 3 and "CC102" in codes and "CC301" in codes, codes
    assert any("#2" in f.claims for f in spark.findings if f.code == "CC110")  # a claim without id, by its row
    same(embedded, spark)


def test_an_unreadable_claim_file_stops_spark_as_it_stops_duckdb(tmp_path):
    from checker.run.runner import InputError

    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "a.yaml").write_text(RELATED["b.yaml"], encoding="utf-8")
    (tmp_path / "claims" / "bad.yaml").write_bytes(b"- {id: x, surface: \xc3\x28}\n")
    messages = []
    for engine in ("duckdb", "spark"):
        with pytest.raises(InputError) as raised:
            run_check([str(tmp_path / "claims")], None, str(ROOT / "rules"), engine=engine)
        messages.append(str(raised.value))
    assert messages[0] == messages[1] and "bad.yaml" in messages[0]


def test_another_thread_gets_the_session_this_process_started_with_the_settings_made_since():
    """The runner's threads each ask for the session: they get the one started, not a builder's pass that sets
    its options again (spark.sql.shuffle.partitions back to claimcheck's default over what was set since)."""
    import threading

    from checker.table import engines

    session = engines.spark_session()
    session.conf.set("spark.sql.shuffle.partitions", "5")
    got = []
    try:
        thread = threading.Thread(target=lambda: got.append(engines.spark_session()))
        thread.start()
        thread.join(60)
        assert got and got[0] is session
        assert session.conf.get("spark.sql.shuffle.partitions") == "5"
    finally:
        session.conf.set("spark.sql.shuffle.partitions", "1")
