"""Unknown metric: the metric is not in the vocabulary.

Cross-checks compare claims by canonical metric, so 区域就诊率 and 区域内就诊率
must be one metric (an alias) to be compared at all. The vocabulary is the
built-in one of China's health statistics (`claimcheck vocabulary` lists
it), with population rates composed from it (每千人口X), plus the project's
rules/metrics.yaml. A metric it lacks is reported so that the project adds
it, or the claim uses the standard name. Drafts (status: draft) that name one
unknown metric are reported once per claim file, not once per draft.

Passing example::

    claims:
      - {id: rc-1, metric: 区域就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 95%以上, source: {doc: d.txt, line: 1, quote: 区域就诊率达95%以上}}
    docs:
      d.txt: 医疗服务能力持续提升，区域就诊率达95%以上。
    metrics:
      - {name: 区域内就诊率, aliases: [区域就诊率], unit: percent}

Failing example::

    claims:
      - {id: rc-1, metric: 区域看病率, entity: 荣昌区, period: "2022", kind: actual, surface: 95%以上, source: {doc: d.txt, line: 1, quote: 区域就诊率达95%以上}}
    docs:
      d.txt: 医疗服务能力持续提升，区域就诊率达95%以上。
    metrics:
      - {name: 区域内就诊率, aliases: [区域就诊率], unit: percent}
"""
from checker.rules.shared.unknown import unknown_names

CODE = "CC130"
NAME = "unknown-metric"
SEVERITY = "warning"
READS = "records"
SCOPE = ("file",)  # each finding is about one claim, read with the registry: kept per claim file (checker.run.kept)


def check(ctx):
    if not ctx.registry.metrics.terms:
        return []
    return unknown_names(ctx, CODE, "metric", "the built-in indicators or rules/metrics.yaml",
                         "add it to rules/metrics.yaml or name the drafts by a known indicator")
