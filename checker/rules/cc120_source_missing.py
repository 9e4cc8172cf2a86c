"""Source missing: ``source.doc`` does not name a readable document in the documents folder.

Every claim must be traceable to its text. The document is looked up under
the folder given with ``--docs``; absolute paths, ``..`` and links leading
outside that folder are refused rather than followed.

Passing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。

Failing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: ../d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。
"""
CODE = "CC120"
NAME = "source-missing"
SEVERITY = "error"
READS = "records"


def check(ctx):
    return [ctx.finding(CODE, f"source document unusable: {ctx.readings[r].doc_problem}", [r])
            for r in ctx.where(lambda f: f("doc_problem").is_valid())]
