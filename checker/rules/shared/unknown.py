"""Names the vocabulary lacks (CC130 metrics, CC131 entities), reported alike.

A reviewed claim gets a finding of its own. Drafts are different: a fresh
extract names one unknown thing many times (全省 in a text that never names
its province, a local programme on every line), so the drafts of one claim
file that name it get one finding, listing the first few.
"""
from __future__ import annotations

from checker.model.fields import UNNAMED

SHOWN = 3  # drafts listed in the finding about a name that many drafts of a file use


def unknown_names(ctx, code: str, field: str, vocabulary: str, fix: str) -> list:
    """The findings about claims whose field (metric or entity) the vocabulary lacks; vocabulary says where
    names come from, fix what to do about a name many drafts use."""
    rows = ctx.rows_where(lambda f: f(field).is_valid() & ~f(f"{field}_known"), (field, "status"))
    out, drafted = [], {}
    for v in rows:
        if v["status"] == "draft":
            drafted.setdefault((v["file"], v[field]), []).append(v["row"])
        else:
            out.append(ctx.finding_at(code, f"{field} `{v[field]}` is not in the vocabulary ({vocabulary})", v))
    for (_, name), group in drafted.items():
        many = f"{len(group)} drafts name it, the first {SHOWN} shown" if len(group) > SHOWN else \
            f"{len(group)} draft{'s' if len(group) > 1 else ''}"
        if name == UNNAMED:  # extract found no name for these figures: nothing to add to the vocabulary
            out.append(ctx.finding(code, f"{field} `?`: extract found no name ({many}); name each draft's "
                                         f"{field} or reject it", group[:SHOWN]))
            continue
        out.append(ctx.finding(code, f"{field} `{name}` is not in the vocabulary ({many}): {fix}", group[:SHOWN]))
    return out
