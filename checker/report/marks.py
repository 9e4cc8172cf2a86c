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
    taken: dict = {}  # (doc, line) → the places claims have taken: two claims of the same figure take two places
    for cid, doc, surface, quote, line, column in zip(*(c[n] for n in MARKED)):
        if not doc or not line or not surface:
            continue
        start = _place(ctx, doc, line, column, quote or "", surface, taken.setdefault((doc, line), set()))
        if start is None:
            continue
        if doc not in paths:
            paths[doc] = ctx.docs.path_for(doc)
        out.setdefault(paths[doc], {}).setdefault(line, []).append((start, start + len(surface), cid or ""))
    return out


def _place(ctx, doc: str, line: int, column: int | None, quote: str, surface: str, taken: set) -> int | None:
    """The 0-based column of the claim's figure in its line: the first place, in any copy of its quote in the
    line, that no claim before it took (增长6.8% twice in a line, | 19 | 19 | in a table row); else where the
    quote's lookup found it."""
    places = _places(quote, surface)
    if len(places) == 1 and column is not None and column - 1 + places[0] not in taken:
        taken.add(column - 1 + places[0])  # the common case: the figure once in its quote, the place still free
        return column - 1 + places[0]
    lines = ctx.docs.lines(doc) if ctx.docs is not None else None
    text = lines[line - 1] if isinstance(lines, list) and 0 < line <= len(lines) else ""
    spots = sorted({at + spot for at in _places(text, quote, whole=False) for spot in places}) if text and quote else []
    free = [at for at in spots if at not in taken]
    if free or spots:
        taken.add((free or spots)[0])
        return (free or spots)[0]
    return None if not places or column is None else column - 1 + places[0]


def _places(text: str, part: str, whole: bool = True) -> list[int]:
    """Where part stands in text; with whole, a figure not inside a longer number (1 in | 19 | 1 |) when it
    stands so anywhere."""
    found, at = [], text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    if not whole:
        return found
    alone = [at for at in found if not _digit_at(text, at - 1, part[:1]) and
             not _digit_at(text, at + len(part), part[-1:])]
    return alone or found


def _digit_at(text: str, at: int, edge: str) -> bool:
    """A digit (or a decimal point) stands at text[at] where the figure's own edge is a digit: they run on."""
    return 0 <= at < len(text) and edge.isdigit() and (text[at].isdigit() or text[at] in ".．")
