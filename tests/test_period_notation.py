"""CC108: months that make a quarter, a half or a year are written as that period, or no claim of it meets them."""
import pytest
from helpers import run_check

from checker.rules.cc108_period_notation import as_written


@pytest.mark.parametrize("period,written", [
    ("2018-10~12", "2018Q4"), ("2018-01~03", "2018Q1"), ("2025-01~06", "2025H1"), ("2025-07~12", "2025H2"),
    ("2023-01~12", "2023"), ("2022-05~05", "2022-05"),
])
def test_months_are_written_as_the_period_they_make(period, written):
    assert as_written(period) == written


def test_only_months_that_make_another_period_are_reported(tmp_path):
    claims = tmp_path / "c.yaml"
    rows = [("a", "2018-10~12"), ("b", "2022-01~08"), ("c", "2018Q4"), ("d", "2023-01~12"), ("e", "2022-06")]
    claims.write_text("".join(
        f"- {{id: {i}, metric: 总诊疗人次, entity: 四川省, period: '{p}', kind: actual, surface: 1.31亿人次}}\n"
        for i, p in rows), encoding="utf-8")
    found = run_check([str(claims)], None, None, select=["CC108"]).findings
    assert [(f.claims, f.message.split("`")[3]) for f in found] == [(("a",), "2018Q4"), (("d",), "2023")]
