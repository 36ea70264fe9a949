"""Fact-check memory: published fact-checks imported into the store, and every statement
matched against them (has this been checked already?).

- :func:`import_paths` / :func:`import_factchecks` read ClaimReview (JSON-LD, Google Fact Check
  Tools, vclaims JSON Lines / CSV) into one named graph per source (:mod:`.importer`); ratings
  are normalised through ``ontology/ratings.ttl`` (:mod:`.ratings`);
- :data:`LAYER` (``claims.layers.KNOWN["factcheck"]``) matches every statement against them
  (:mod:`.retrieval`: BM25 + a re-ranker trained on CheckThat!), in graphs of its own;
- :func:`confirm` / :func:`reject` are an editor's decisions on a match;
- :func:`match_text` ranks the store's fact-checks for any sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from claims.factcheck import views
from claims.factcheck.edits import confirm, reject
from claims.factcheck.importer import ImportReport, import_factchecks, import_paths, read_path
from claims.factcheck.layer import LAYER, SCHEME, VERSION, FactCheckMatches, collection, match_iri
from claims.factcheck.records import FactCheck, from_claimreview, from_google, from_row
from claims.factcheck.retrieval import Match
from claims.store.base import Store

__all__ = ["LAYER", "SCHEME", "VERSION", "FactCheck", "FactCheckMatches", "ImportReport", "Match",
           "confirm", "from_claimreview", "from_google", "from_row", "import_factchecks", "import_paths",
           "match_iri", "match_queries", "match_text", "read_path", "reject", "views"]


def match_text(store: Store, text: str, *, speaker: str | None = None, date: str | None = None,
               top: int = 20) -> list[Match]:
    """The store's fact-checks ranked for a sentence (in the knowledge base or not), best first."""
    return collection(store).match(text, speaker, date, top=top)


def match_queries(store: Store, queries: Iterable[Mapping[str, object]], *,
                  top: int = 20) -> Iterator[tuple[str, Match]]:
    """``(query id, match)`` for objects with ``id``, ``text`` and optional ``speaker``, ``date``."""
    fc = collection(store)
    for q in queries:
        speaker, day = q.get("speaker"), q.get("date")
        for m in fc.match(str(q["text"]), str(speaker) if speaker else None, str(day) if day else None,
                          top=top):
            yield str(q["id"]), m
