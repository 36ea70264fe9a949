"""Editors' decisions on fact-check matches: confirm or reject a (statement, fact-check) pair.

Append-only events through :mod:`claims.decisions` on the match's IRI (the pair's), with the
fact-check as target; the layer applies them on every recomputation, so a rejected pair never
comes back.
"""

from __future__ import annotations

from claims.decisions import decide
from claims.factcheck.layer import SCHEME, match_iri
from claims.query import expand
from claims.statements import Decision
from claims.store.base import Store

__all__ = ["confirm", "reject"]


def confirm(store: Store, statement: str, factcheck: str, *, reviewer: str,
            note: str | None = None) -> Decision:
    """The fact-check did check this statement."""
    return decide(store, str(match_iri(statement, factcheck)), SCHEME, "confirmed", reviewer=reviewer,
                  target=expand(factcheck), note=note)


def reject(store: Store, statement: str, factcheck: str, *, reviewer: str,
           note: str | None = None) -> Decision:
    """The fact-check is about something else: the pair is never matched again."""
    return decide(store, str(match_iri(statement, factcheck)), SCHEME, "rejected", reviewer=reviewer,
                  target=expand(factcheck), note=note)
