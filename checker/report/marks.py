"""Where each claim's figure stands in its document: read once for the whole corpus, from the claim table.

The HTML report and the review page mark figures document by document; the
claim table's columns are read once (before, each document went through
every claim of the corpus again: documents × claims).
"""
from __future__ import annotations

MARKED = ("id", "doc", "surface", "quote", "quote_line", "quote_column")


def claim_columns(ctx, names: tuple[str, ...]) -> dict[str, list]:
    """Columns of the claim table as lists (from the Arrow table, or made from the records without one)."""
    if ctx is None:
        return {n: [] for n in names}
    if ctx.arrow is not None and all(n in ctx.arrow.column_names for n in names):
        return {n: ctx.arrow.column(n).to_pylist() for n in names}
    if ctx.remote is not None:  # on Spark: these columns of every claim, for a report that shows every document
        table = ctx.remote.columns(names)
        return {n: table.column(n).to_pylist() for n in names}
    out: dict[str, list] = {n: [] for n in names}
    for rec, r in zip(ctx.records, ctx.readings):
        for n in names:
            out[n].append(getattr(r, n) if n in ("quote_line", "quote_column") else rec.values.get(n))
    return out


def claim_marks(ctx) -> dict[str, dict[int, list[tuple[int, int, str]]]]:
    """document path → line → [(start, end, claim id)] of the figures claims cite, 0-based columns."""
    out: dict = {}
    c = claim_columns(ctx, MARKED)
    paths: dict = {}
    for cid, doc, surface, quote, line, column in zip(*(c[n] for n in MARKED)):
        if not doc or not line or not surface:
            continue
        offset = (quote or "").find(surface)
        if offset < 0:
            continue
        if doc not in paths:
            paths[doc] = ctx.docs.path_for(doc)
        start = column - 1 + offset
        out.setdefault(paths[doc], {}).setdefault(line, []).append((start, start + len(surface), cid or ""))
    return out
