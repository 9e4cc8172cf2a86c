"""Findings that rest on a draft's guesses are advice until a person confirms the draft.

`claimcheck extract` writes what it is unsure of into each draft's confidence; the loader turns that into
the draft's `unsure` fields (checker.load.claimfile). A contradiction between two figures whose metric was
guessed is most likely a wrong guess: it is reported as info, saying which guess to confirm, never as an
error. Reviewed claims and drafts whose metric, entity and period are all confident are checked in full.
"""
from __future__ import annotations

from checker.model.findings import Finding


def demote(findings: list[Finding], records) -> tuple[list[Finding], int]:
    """The findings with those resting on unconfirmed guesses made info, and how many rest on them."""
    column = records.arrow_columns()["unsure"]
    if column.null_count == len(column):
        return findings, 0  # no draft has a guess: the common case of reviewed claim files costs one look
    ids = {c for f in findings for c in f.claims}
    unsure = {}
    for claim, row in records.rows_by_id(ids).items():
        guessed = records[row].values.get("unsure")
        if guessed:
            unsure[claim] = guessed
    out, waiting = [], 0
    for f in findings:
        guessed = next((f"{claim}'s {unsure[claim]}" for claim in f.claims if claim in unsure), None)
        if guessed is None:
            out.append(f)
            continue
        waiting += 1
        if f.severity != "info":
            f = f._replace(severity="info", message=f"{f.message} [a draft's guess, confirm it first: {guessed}]")
        out.append(f)
    return out, waiting
