"""Which columns of a table the rules' expressions read: on Spark only those are shuffled to the executors."""
from __future__ import annotations

import ibis

from checker.table.engines import columns_read

CLAIMS = ibis.table({"row": "int64", "kind": "string", "quote": "string", "lo": "int64"}, name="claims")
EVERY = {"row", "kind", "quote", "lo"}


def test_the_columns_an_expression_reads_through_filters_joins_and_groups():
    t = CLAIMS
    actual, other = t.filter(t.kind == "actual"), t.view()
    joined = actual.join(other, actual.row == other.lo).select(actual.row, other.lo)
    assert columns_read([joined], "claims") == {"row", "kind", "lo"}
    assert columns_read([t.group_by("kind").aggregate(n=t.count())], "claims") == {"kind"}
    assert columns_read([t.filter(t.lo > 1).count()], "claims") == {"lo"}  # a count needs no column of its own
    assert columns_read([joined], "metrics") == set()


def test_a_column_carried_along_and_then_dropped_is_not_read():
    t = CLAIMS
    ranked = t.mutate(n=t.row.count().over(ibis.window(group_by="kind")))  # carries every column along
    assert columns_read([ranked.filter(ranked.n > 1).select("row")], "claims") == {"row", "kind"}


def test_every_column_when_rows_pass_on_whole_or_are_compared_whole():
    t = CLAIMS
    assert columns_read([t.filter(t.kind == "actual").order_by("row")], "claims") == EVERY
    assert columns_read([t.distinct().select("row")], "claims") == EVERY  # distinct compares every column
    assert columns_read([t.select("row"), t.limit(3)], "claims") == EVERY
