"""Stale baseline entry: the baseline accepts a finding that no longer occurs.

``check --baseline FILE`` fails only on findings that are not in the
baseline. When a finding in the baseline is fixed, its entry is reported
here, so the baseline can be updated (``claimcheck baseline update``) and
cannot hide the same problem if it comes back in a new form.

Passing example::

    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。

Failing example::

    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。
    baseline:
      - {fingerprint: 00000000000000000000000000000000, code: CC201, message: an old contradiction}
"""
from checker.model.findings import Finding, Location

CODE = "CC106"
NAME = "stale-baseline"
SEVERITY = "info"
READS = "baseline"
AFTER = True


def check(ctx):
    out = []
    for entry in ctx.outcome.stale:
        out.append(Finding(CODE, ctx.severities[CODE],
                           f"baseline entry {entry['fingerprint']} ({entry.get('code')}: {entry.get('message', '')}) "
                           "matches no finding any more", (Location(ctx.baseline_path or "baseline", None),)))
    return out
