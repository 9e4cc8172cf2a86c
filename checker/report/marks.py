"""Where each claim's figure stands in its document: read once for the whole corpus.

The HTML report and the review page mark figures document by document; the
claims are gone through once and grouped by document (before, each document
went through every claim of the corpus again: documents × claims).
"""
from __future__ import annotations


def claim_marks(ctx) -> dict[str, dict[int, list[tuple[int, int, str]]]]:
    """document path → line → [(start, end, claim id)] of the figures claims cite, 0-based columns."""
    out: dict = {}
    if ctx is None:
        return out
    for rec, r in zip(ctx.records, ctx.readings):
        v = rec.values
        if not v.get("doc") or not r.quote_line or not v.get("surface"):
            continue
        offset = (v.get("quote") or "").find(v["surface"])
        if offset < 0:
            continue
        start = r.quote_column - 1 + offset
        lines = out.setdefault(ctx.docs.path_for(v["doc"]), {})
        lines.setdefault(r.quote_line, []).append((start, start + len(v["surface"]), v.get("id") or ""))
    return out
