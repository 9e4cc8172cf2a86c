"""schema.org ClaimReview JSON-LD: one review for each claim that was checked."""
from __future__ import annotations

import datetime as dt
import json

RATINGS = {  # worst finding on a claim → rating on a 1-5 scale
    "error": (1, "Contradicted by the report's own figures"),
    "warning": (3, "Questionable"),
    "info": (5, "Consistent"),
    None: (5, "Consistent"),
}


def render(result) -> str:
    ctx = result.context
    worst: dict = {}
    notes: dict = {}
    rank = {"error": 3, "warning": 2, "info": 1}
    for f in result.findings:
        for claim in f.claims:
            if rank[f.severity] > rank.get(worst.get(claim), 0):
                worst[claim] = f.severity
            notes.setdefault(claim, []).append(f"{f.code}: {f.message}")
    today = dt.date.today().isoformat()
    reviews = []
    for rec in ctx.records if ctx else []:
        v = rec.values
        if not v.get("id") or not v.get("quote"):
            continue
        value, name = RATINGS[worst.get(v["id"])]
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": v["id"],
            "datePublished": today,
            "author": {"@type": "Organization", "name": "claimcheck"},
            "claimReviewed": v["quote"],
            "itemReviewed": {
                "@type": "Claim",
                "appearance": {"@type": "CreativeWork", "url": ctx.docs.path_for(v.get("doc") or "")},
            },
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                             "alternateName": name},
        }
        if notes.get(v["id"]):
            review["reviewBody"] = " ".join(notes[v["id"]])
        reviews.append(review)
    return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
