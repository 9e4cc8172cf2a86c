"""On Spark a rule's large result fetches the claims it names a part at a time, as the rule reads it."""
from __future__ import annotations

from checker.run import distributed


class FakeRecords:
    KEPT = 100

    def __init__(self):
        self.fetched: list[set] = []

    def prefetch(self, rows) -> None:
        self.fetched.append(set(rows))

    named = distributed.SparkRecords.named


def test_a_small_result_is_fetched_at_once_and_a_large_one_part_by_part_as_it_is_read(monkeypatch):
    monkeypatch.setattr(distributed._Fetching, "PART", 30)
    records = FakeRecords()
    small = [{"row": 1, "top_row": 2, "rows": [3, 4], "n": 99}]
    assert records.named(small) is small and records.fetched == [{1, 2, 3, 4}]  # n is a count, not a row

    records.fetched.clear()
    large = [{"a_row": i, "parts": [1000 + i]} for i in range(70)]  # 140 rows named: more than half the cache
    result = records.named(large)
    assert records.fetched == []  # nothing until the rule reads it
    seen = []
    for at, item in enumerate(result):
        seen.append(item)
        assert len(records.fetched) == at // 30 + 1  # each part's rows are fetched just before it is read
    assert seen == large and len(result) == 70
    assert records.fetched[0] == {i for i in range(30)} | {1000 + i for i in range(30)}
    assert [len(part) for part in records.fetched] == [60, 60, 20]
    assert sorted(result, key=lambda r: -r["a_row"])[0]["a_row"] == 69  # still a list for the rule
