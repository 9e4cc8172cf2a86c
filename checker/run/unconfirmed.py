"""Findings that rest on a draft's guesses are advice until a person confirms the draft.

`claimcheck extract` writes what it is unsure of into each draft's confidence; the loader turns that into
the draft's `unsure` fields (checker.load.claimfile). A contradiction between two figures whose metric was
guessed is most likely a wrong guess: it is reported as info, saying which guess to confirm, never as an
error. Reviewed claims and drafts whose metric, entity and period are all confident are checked in full.
"""
from __future__ import annotations

from checker.model.findings import Finding


def demote(findings: list[Finding], table) -> tuple[list[Finding], int]:
    """The findings with those resting on unconfirmed guesses made info, and how many rest on them; table is
    the claim table (Arrow), whose `unsure` column says which drafts hold guesses."""
    import pyarrow.compute as pc

    if table is None or table.column("unsure").null_count == len(table):
        return findings, 0  # no draft has a guess: the common case of reviewed claim files costs one look
    guessed = table.filter(pc.field("unsure").is_valid()).select(["row", "id", "unsure"]).to_pylist()
    unsure = {g["id"] or f"#{g['row']}": g["unsure"] for g in guessed}  # claims are named as findings name them
    out, waiting = [], 0
    for f in findings:
        guess = next((f"{claim}'s {unsure[claim]}" for claim in f.claims if claim in unsure), None)
        if guess is None:
            out.append(f)
            continue
        waiting += 1
        if f.severity != "info":
            f = f._replace(message=f"{f.message} [a draft's guess, confirm it first: {guess}]")
        out.append(f._replace(severity="info", guess=guess))
    return out, waiting
