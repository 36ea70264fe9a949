"""Imported fact-checks as schema.org ClaimReview JSON-LD again, for the ClaimReview export
when it is asked to include them (``claims export --format claimreview --imported``)."""

from __future__ import annotations

from typing import Any

from claims.query import expand, select
from claims.store.base import Store

__all__ = ["claimreviews"]


def _set(value: object) -> bool:
    missing = value is None or (isinstance(value, float) and value != value)  # NaN
    return not missing and str(value) not in ("", "NaT")


def claimreviews(store: Store) -> list[dict[str, Any]]:
    """One ClaimReview per imported fact-check (its wording, claimant, dates and rating as published)."""
    out = []
    for row in select(store, "factchecks").drop_duplicates("factcheck").to_dict("records"):
        claim: dict[str, Any] = {"@type": "Claim"}
        if _set(row["claimant"]):
            claim["author"] = {"@type": "Thing", "name": row["claimant"]}
        if _set(row["claim_date"]):
            claim["datePublished"] = str(row["claim_date"])[:10]
        review: dict[str, Any] = {
            "@type": "ClaimReview", "@id": expand(str(row["factcheck"])), "url": row["url"],
            "claimReviewed": row["claim"], "author": {"@type": "Organization", "name": row["publisher"]},
            "reviewRating": {"@type": "Rating", "alternateName": row["rating_text"]},
            "itemReviewed": claim}
        if _set(row["review_date"]):
            review["datePublished"] = str(row["review_date"])[:10]
        if _set(row["language"]):
            review["inLanguage"] = row["language"]
        out.append(review)
    return out
