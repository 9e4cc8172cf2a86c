"""Which columns of a table the rules' expressions read: on Spark only those are shuffled to the executors."""
from __future__ import annotations

import ibis

from checker.table.engines import columns_read

CLAIMS = ibis.table({"row": "int64", "kind": "string", "quote": "string", "lo": "int64"}, name="claims")


def test_the_columns_an_expression_names_through_filters_joins_and_groups():
    t = CLAIMS
    actual, other = t.filter(t.kind == "actual"), t.view()
    joined = actual.join(other, actual.row == other.lo).select(actual.row, other.lo)
    assert columns_read([joined], "claims") == {"row", "kind", "lo"}
    assert columns_read([t.group_by("kind").aggregate(n=t.count())], "claims") == {"kind"}
    assert columns_read([t.filter(t.lo > 1).count()], "claims") == {"lo"}  # a count needs no column of its own
    assert columns_read([joined], "metrics") == set()


def test_every_column_when_rows_pass_on_whole_or_are_compared_whole():
    t = CLAIMS
    assert columns_read([t.filter(t.kind == "actual").order_by("row")], "claims") is None  # the rows, every column
    assert columns_read([t.distinct().select("row")], "claims") is None  # distinct compares every column
    assert columns_read([t.select("row"), t.limit(3)], "claims") is None
