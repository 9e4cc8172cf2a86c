"""Entity variant: an entity written in a form the registry marks as a slip.

One entity written two ways (涪陵区中医院 and 涪陵市中医院, after 涪陵 became a
district) confuses readers and search. rules/entities.yaml lists such forms
under ``variants`` of the right name; claims using them are still compared
as that entity. Every claim that uses a variant is reported, and so is every
place a variant occurs in the source documents the claims cite, so the text
can be corrected even where no figure is attached to the name. Each finding
is about the claims citing one document (a place in the text, about the
first claim that cites it), so an edit checks again only the documents its
claims cite.

Passing example::

    claims:
      - {id: n-1, metric: 床位数, entity: 涪陵区中医院, period: "2024", kind: actual, surface: 1000张, source: {doc: d.txt, line: 1, quote: 涪陵区中医院开放床位1000张}}
    docs:
      d.txt: 涪陵区中医院开放床位1000张。
    entities:
      - {name: 涪陵区中医院, variants: [涪陵市中医院], parent: 涪陵区}
      - {name: 涪陵区}

Failing example::

    claims:
      - {id: n-1, metric: 床位数, entity: 涪陵市中医院, period: "2024", kind: actual, surface: 1000张, source: {doc: d.txt, line: 1, quote: 涪陵市中医院开放床位1000张}}
    docs:
      d.txt: 涪陵市中医院开放床位1000张。
    entities:
      - {name: 涪陵区中医院, variants: [涪陵市中医院], parent: 涪陵区}
      - {name: 涪陵区}
"""
from checker.model.findings import Location
from checker.rules.shared.messages import variant_of
from checker.table.engines import built_once

CODE = "CC320"
NAME = "entity-variant"
SEVERITY = "warning"
READS = "table"
SCOPE = ("doc",)  # each finding is about the claims citing one document (checker.run.kept)


def check(ctx):
    out = []
    variant_rows, cited = _variants_and_cited(ctx.table)
    for found in ctx.rows(variant_rows):
        r = found["row"]
        v = ctx.records[r].values
        out.append(ctx.finding(CODE, f"`{v['entity']}` is a variant spelling of `{variant_of(ctx, r)}`", [r]))
    variants = ctx.registry.entities.variants
    for doc, first in sorted((c["doc"], c["first"]) for c in ctx.rows(cited)):  # each cited document once
        lines = ctx.docs.lines(doc)
        if isinstance(lines, str):
            continue  # CC120 reports unusable documents
        whole = "\n".join(lines)
        seen = {variant: name for variant, name in variants.items() if variant in whole}  # most texts have none
        for number, text in enumerate(lines if seen else (), start=1):
            for variant, name in seen.items():
                start = text.find(variant)
                while start >= 0:
                    where = Location(ctx.docs.path_for(doc), number, start + 1, "source")
                    out.append(ctx.about(ctx.finding(
                        CODE, f"`{variant}` in the text is a variant spelling of `{name}`", (), (where,)), first))
                    start = text.find(variant, start + len(variant))
    return out


@built_once
def _variants_and_cited(claims):
    """(the claims naming a variant spelling of an entity; each cited document with its first claim)."""
    t = claims
    return (t.filter(t.entity_variant.notnull()).select("row").order_by("row"),
            t.filter(t.doc.notnull()).group_by("doc").aggregate(first=t.row.min()))

