"""Quote not found: ``source.quote`` does not occur verbatim in the source document.

The quote is the evidence for the claim. It must be copied exactly, with the
document's own characters (full-width digits, Chinese punctuation); a quote
that is not in the text cannot support anything.

Passing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。

Failing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提高到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。
"""
CODE = "CC121"
NAME = "quote-not-found"
SEVERITY = "error"
READS = "records"


def check(ctx):
    rows = ctx.where(lambda f: f("doc_problem").is_null() & f("doc").is_valid() & f("quote").is_valid()
                     & f("quote_line").is_null())
    return [ctx.finding(CODE, _message(ctx, ctx.records[r].values), [r]) for r in rows]


def _message(ctx, v: dict) -> str:
    hint = ctx.docs.hidden(v["doc"], v["quote"])  # zero-width spaces and the like
    return f"quote not found in {v['doc']}: “{v['quote']}”{hint}"
