"""Unknown entity: the entity is not in the vocabulary.

Entities are compared by canonical name (全市 and 重庆市 are one), so every
entity a claim names must be known, with its aliases and parent. Built in
are every administrative division of China to county level (荣昌 and
荣昌区 are one) and institutions named after one (荣昌区人民医院); a
project declares others in rules/entities.yaml. Drafts (status: draft) that
name one unknown entity are reported once per claim file, not once per draft.

Passing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。
    entities:
      - {name: 荣昌区, aliases: [荣昌], parent: 重庆市}
      - {name: 重庆市, aliases: [全市]}

Failing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌县, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。
    entities:
      - {name: 荣昌区, aliases: [荣昌], parent: 重庆市}
      - {name: 重庆市, aliases: [全市]}
"""
from checker.rules.shared.unknown import unknown_names

CODE = "CC131"
NAME = "unknown-entity"
SEVERITY = "warning"
READS = "records"
SCOPE = ("file",)  # each finding is about one claim, read with the registry: kept per claim file (checker.run.kept)


def check(ctx):
    if not ctx.registry.entities.terms:
        return []
    return unknown_names(ctx, CODE, "entity", "the built-in places or rules/entities.yaml",
                         "add it to rules/entities.yaml, or name the place the document is about")
