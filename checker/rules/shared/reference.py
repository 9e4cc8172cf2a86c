"""Claims beside the official figures of the same metric, entity and period (reference sets).

Each reference set's claims are read as claims are (their own run, the
project's vocabulary): keys and intervals in base units are the claim
table's. A claim agrees with a reference figure when their intervals overlap,
the test every rule applies (95%以上 agrees with 95.5%; 77.3岁 does not with
77.93岁). When a set holds several editions of a figure (a bulletin's value
and a later bulletin's revision), the newest published is the reference and
the others are named beside it.

A set may also hold the figures its documents imply (last year's, from this
year's and 比上年增加N), as derived records. They are never the official
figure of their year (a bulletin reckons its changes from revised figures),
but a claim's own implied figure that agrees with one is the publisher's own
arithmetic, and agrees.
"""
from __future__ import annotations

from typing import NamedTuple

KEY = ("metric_key", "entity_key", "period", "dimension")
BOUNDS = ("lo", "hi", "lo_closed", "hi_closed")
FACTS = ("actual", "baseline", "share")  # what a figure says was so; targets and changes are not reference values
# (a share is compared only with a reference figure of its own dimension: 占27.7% with 个人卫生支出占…比重, not 个人卫生支出)
REF_COLUMNS = KEY + BOUNDS + ("has_interval", "kind", "doc", "surface", "unit", "quote", "quote_line", "row", "derived")
CLAIM_COLUMNS = KEY + BOUNDS + ("has_interval", "kind", "derived", "row")


class Reference(NamedTuple):
    """A loaded reference set: its description (checker.load.reference.ReferenceSet) and its run's context."""
    set: object
    context: object


class Edition(NamedTuple):
    set_name: str
    published: str
    surface: str
    unit: str
    doc: str
    doc_path: str
    line: int | None
    quote: str
    bounds: tuple
    preliminary: bool = False  # its publisher revises it later: a claim that differs may hold the final figure


class Comparison(NamedTuple):
    row: int                       # the claim's row in the claim table
    agrees: bool
    reference: Edition             # the newest edition
    others: tuple[Edition, ...]    # earlier editions of the same figure
    agrees_earlier: Edition | None = None  # the newest earlier edition the claim agrees with: revised since


def comparisons(ctx) -> list[Comparison]:
    """Every claim that has a reference figure, compared with it (made once per run)."""
    if not ctx.references or (ctx.arrow is None and ctx.remote is None):
        return []
    if ctx.compared is not None:
        return ctx.compared
    index, implied = _index(ctx.references)
    # on Spark, only the claims that have a reference figure come to the driver
    table = ctx.arrow if ctx.arrow is not None else ctx.remote.with_keys(list(index), CLAIM_COLUMNS)
    if table is None:
        ctx.compared = []
        return []
    c = {n: table.column(n).to_pylist() for n in CLAIM_COLUMNS}
    out = []
    for i in range(len(c["row"])):
        if not c["has_interval"][i] or (c["kind"][i] not in FACTS and not c["derived"][i]):
            continue
        editions = index.get(tuple(c[k][i] for k in KEY))
        if not editions:
            continue
        newest = max(editions, key=lambda e: e.published)
        bounds = tuple(c[b][i] for b in BOUNDS)
        others = tuple(e for e in editions if e is not newest)
        agrees = overlap(bounds, newest.bounds)
        arithmetic = None if agrees or not c["derived"][i] else next(
            (e for e in implied.get(tuple(c[k][i] for k in KEY), ()) if overlap(bounds, e.bounds)), None)
        if arithmetic is not None:  # 975.0万张 − 30.0万张 for 2021, as the 2022 bulletin itself reckons it
            out.append(Comparison(c["row"][i], True, arithmetic, (newest, *others)))
            continue
        earlier = None if agrees else max((e for e in others if overlap(bounds, e.bounds)),
                                          key=lambda e: e.published, default=None)
        out.append(Comparison(c["row"][i], agrees, newest, others, earlier))
    ctx.compared = out
    return out


def _index(references) -> tuple[dict, dict]:
    """The reference sets' figures by key: the printed ones, and the ones their documents imply."""
    index: dict = {}
    implied: dict = {}
    for ref in references:
        rctx = ref.context
        if rctx.arrow is None:
            continue
        c = {n: rctx.arrow.column(n).to_pylist() for n in REF_COLUMNS}
        for i in range(len(c["row"])):
            if not c["has_interval"][i] or c["kind"][i] not in FACTS:
                continue
            doc = c["doc"][i] or ""
            surface = "implied" if c["derived"][i] else c["surface"][i] or ""  # by the change its quote prints
            edition = Edition(ref.set.name, ref.set.published.get(doc, ""), surface, c["unit"][i] or "",
                              doc, rctx.docs.path_for(doc), c["quote_line"][i], c["quote"][i] or "",
                              tuple(c[b][i] for b in BOUNDS), doc in ref.set.preliminary)
            (implied if c["derived"][i] else index).setdefault(tuple(c[k][i] for k in KEY), []).append(edition)
    return index, implied


def overlap(a: tuple, b: tuple) -> bool:
    """Whether two intervals (lo, hi, lo_closed, hi_closed) share a value."""
    return not (_below(a, b) or _below(b, a))


def _below(a: tuple, b: tuple) -> bool:
    """a lies wholly below b."""
    hi, hi_closed = a[1], a[3]
    lo, lo_closed = b[0], b[2]
    return hi < lo or (hi == lo and not (hi_closed and lo_closed))


def shown(e: Edition) -> str:
    """A reference figure as messages and reports show it."""
    when = f", published {e.published}" if e.published else ""
    first = "preliminary, " if e.preliminary else ""
    if e.surface == "implied":  # a derived record: the figure its change implies, no printed value
        return f"the figure “{e.quote}” implies ({first}{e.set_name}: {e.doc}{when})"
    unit = f" {e.unit}" if e.unit and not e.surface.endswith(e.unit) else ""
    return f"{e.surface}{unit} ({first}{e.set_name}: {e.doc}{when}: “{e.quote}”)"


def official_editions(ctx) -> dict:
    """Claim row → the official figure it holds (the newest edition, or an earlier one it agrees with), for
    the claims that hold one."""
    out = {}
    for c in comparisons(ctx):
        if c.agrees:
            out[c.row] = c.reference
        elif c.agrees_earlier is not None:
            out[c.row] = c.agrees_earlier
    return out


def fingerprint(references) -> str:
    """What the reference sets hold, as far as findings depend on it: their names and files' sizes and times."""
    parts = []
    for ref in references or ():
        folder = ref.set.folder
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        parts.append(repr((ref.set.name, str(folder), [(str(p.relative_to(folder)), p.stat().st_size,
                                                         p.stat().st_mtime_ns) for p in files])))
    return "\0".join(parts)

