"""The embedded engine: rule expressions built once a process, each run's tables its own."""
from __future__ import annotations

import threading

import pyarrow as pa
from helpers import check, codes, example_spec

from checker import rules
from checker.table import engines


def _counting_builder():
    calls = []

    @engines.built_once
    def big_values(claims, least: int):
        calls.append(least)
        return claims.filter(claims.value >= least).select("row").order_by("row")

    return big_values, calls


def _rows(engine, expr) -> list[int]:
    return engine.arrow(expr).column("row").to_pylist()


def test_an_expression_over_named_tables_is_built_once_and_each_engine_binds_its_own_data():
    big_values, calls = _counting_builder()
    one, two = engines.Embedded(), engines.Embedded()
    first = one.hold("claims", pa.table({"row": [0, 1, 2], "value": [5, 50, 500]}))
    second = two.hold("claims", pa.table({"row": [0, 1], "value": [100, 1]}))
    assert big_values(first, 10) is big_values(second, 10)  # same columns, same arguments: one expression
    assert calls == [10]
    assert _rows(one, big_values(first, 10)) == [1, 2]
    assert _rows(two, big_values(second, 10)) == [0]
    assert _rows(one, big_values(first, 100)) == [2] and calls == [10, 100]  # other arguments: built again


def test_tables_of_other_columns_get_an_expression_of_their_own():
    big_values, calls = _counting_builder()
    engine = engines.Embedded()
    ints = engine.hold("claims", pa.table({"row": [0, 1], "value": [5, 50]}))
    floats = engines.Embedded().hold("claims", pa.table({"row": [0, 1], "value": [5.0, 50.0]}))
    assert big_values(ints, 10) is not big_values(floats, 10)
    assert len(calls) == 2


def test_tables_an_engine_holds_are_never_kept_by_the_cache():
    import ibis

    big_values, calls = _counting_builder()
    held = ibis.memtable(pa.table({"row": [0, 1], "value": [5, 50]}))
    assert big_values(held, 10).to_pyarrow().column("row").to_pylist() == [1]
    big_values(held, 10)
    assert calls == [10, 10]  # built each time: a cache entry would keep the data (or a Spark session) alive


def test_engines_in_threads_keep_their_tables_apart():
    big_values, _ = _counting_builder()
    found: dict[int, list[int]] = {}

    def run(n: int) -> None:
        engine = engines.Embedded()
        table = engine.hold("claims", pa.table({"row": list(range(n)), "value": [20] * n}))
        found[n] = _rows(engine, big_values(table, 10))

    threads = [threading.Thread(target=run, args=(n,)) for n in (1, 2, 3, 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert found == {n: list(range(n)) for n in (1, 2, 3, 4)}


def test_one_process_checking_again_and_again_reports_each_runs_own_findings(tmp_path):
    examples = dict((passing, text) for passing, text in rules.examples(rules.all_rules()["CC201"]))
    seen = []
    for at, passing in enumerate((False, True, False, True)):
        result = check(tmp_path / str(at), example_spec(examples[passing]), select=["CC201"])
        seen.append(codes(result))
    assert seen == [["CC201"], [], ["CC201"], []]
