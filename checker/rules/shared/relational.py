"""Relational building blocks shared by the cross-record rules.

Written against ibis so the same expression runs on every engine.
"""
from __future__ import annotations

from checker.table.engines import built_once

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


def repeated(table, columns):
    """The rows whose values in columns occur in more than one row; nulls match nulls, as in grouping.

    Rules that collect rows per group, or rank them in windows, first keep only
    these: a group of one row is never a finding, and at scale every group
    kept a list or a window of its own.
    """
    counts = table.group_by(columns).aggregate(rows_of_key=table.count())
    many = counts.filter(counts.rows_of_key > 1)
    return table.join(many, [table[c].identical_to(many[c]) for c in columns], how="semi")


def year(column):
    """The leading year of a period (2025H1 → 2025), null for named periods."""
    return column.re_extract(r"^(\d{4})", 1).nullif("").cast("int64")


@built_once
def disagreeing(table, kind: str):
    """Per key of one kind, the claim with the highest lower bound and the one
    with the lowest upper bound, kept where those two cannot both be true."""
    import ibis

    a = repeated(keyed(table, kind), KEY)  # a claim alone under its key cannot disagree with itself
    highest = ibis.window(group_by=KEY, order_by=[a.lo.desc(), a.lo_closed.asc(), a.row.asc()])
    lowest = ibis.window(group_by=KEY, order_by=[a.hi.asc(), a.hi_closed.asc(), a.row.asc()])
    a = a.mutate(top=ibis.row_number().over(highest), bottom=ibis.row_number().over(lowest),
                 n=a.row.count().over(ibis.window(group_by=KEY)))
    top = a.filter(a.top == 0).select(*KEY, "n", top_row=a.row, top_lo=a.lo, top_closed=a.lo_closed)
    bottom = a.filter(a.bottom == 0).select(*KEY, bottom_row=a.row, bottom_hi=a.hi, bottom_closed=a.hi_closed)
    j = top.join(bottom, KEY)
    j = j.filter(above(j.top_lo, j.top_closed, j.bottom_hi, j.bottom_closed))
    return j.select("top_row", "bottom_row", "n", "period").order_by(["bottom_row", "top_row"])


def members(relations, claims, rel: str, roles=None):
    """Edges of one relation type joined with the related claims' keys and bounds."""
    e = relations.filter(relations.rel == rel)
    if roles:
        e = e.filter(e.role.isin(roles))
    m = prefixed(claims, "m_", ["row", "has_interval", "dimension"] + BOUNDS)
    return e.join(m, e.member == m.m_row)


def part_sums(relations, claims, rel: str):
    """For each total, the exact sum of its parts' intervals beside its own interval.

    Unbounded ends are sentinels, so a sum with one unbounded part stays beyond
    any real value.
    """
    m = members(relations, claims, rel)
    agg = m.group_by(["row", "entry"]).aggregate(
        lo=m.m_lo.sum(), hi=m.m_hi.sum(), lo_closed=m.m_lo_closed.all(), hi_closed=m.m_hi_closed.all(),
        n=m.count(), usable=m.m_has_interval.cast("int64").sum(), dims=m.m_dimension.nunique(),
        dim=m.m_dimension.max(), parts=m.member.collect())
    w = prefixed(claims, "w_", ["row", "has_interval", "dimension"] + BOUNDS)
    j = agg.join(w, agg.row == w.w_row)
    j = j.filter((j.usable == j.n) & j.w_has_interval)
    return j.mutate(mixed=(j.dims != 1) | (j.dim != j.w_dimension))
