"""Relational building blocks shared by the cross-record rules.

Written against ibis so the same expression runs on every engine.
"""
from __future__ import annotations

KEY = ["metric_key", "entity_key", "period", "dimension"]
BOUNDS = ["lo", "hi", "lo_closed", "hi_closed"]


def prefixed(table, prefix: str, columns):
    """Select columns renamed with a prefix, so joins never collide."""
    return table.select(**{prefix + c: table[c] for c in columns})


def above(lo, lo_closed, hi, hi_closed):
    """True when an interval starting at lo lies wholly above one ending at hi."""
    return (lo > hi) | ((lo == hi) & ~(lo_closed & hi_closed))


def overlaps(t, a: str, b: str):
    """Interval of prefix a overlaps interval of prefix b (columns of t)."""
    return ~above(t[a + "lo"], t[a + "lo_closed"], t[b + "hi"], t[b + "hi_closed"]) & ~above(
        t[b + "lo"], t[b + "lo_closed"], t[a + "hi"], t[a + "hi_closed"])


def keyed(table, kind: str | None = None):
    """Claims that can be compared: an interval, a metric, an entity, a period."""
    t = table
    cond = t.has_interval & t.metric_key.notnull() & t.entity_key.notnull() & t.period.notnull()
    if kind is not None:
        cond = cond & (t.kind == kind)
    return t.filter(cond)


def year(column):
    """The leading year of a period (2025H1 → 2025), null for named periods."""
    return column.re_extract(r"^(\d{4})", 1).nullif("").cast("int64")
