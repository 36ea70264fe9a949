"""Track claims across sources: the same quotation in every outlet as one claim node.

- :func:`compare`: how one quotation relates to another (same utterance, misquote, or a
  different one), with the word-level changes as data — the one matcher ingestion, the
  layer and ``claims track compare`` use; :func:`label_pairs` / :func:`read_pairs` for
  pairs of quotations (JSON Lines);
- :data:`LAYER`: the derived layer (``claims.layers.KNOWN["track"]``): claims, members,
  misquote flags, syndicated copies, first seen, independent sources, kept fresh at
  ingestion through a persistent candidate index (:mod:`claims.track.state`);
- :func:`split`, :func:`merge`, :func:`confirm_misquote`, :func:`dismiss_misquote`,
  :func:`confirm_member`: editors' decisions, which survive re-ingestion and rebuilds;
- :func:`show`, :func:`members`, :func:`variants`, :func:`claim_of`, and the named queries
  ``claim_members``, ``claim_variants``, ``misquotes``, ``first_reports``, ``top_claims``,
  ``syndicated``.

>>> compare("I am not a natural politician, in case you haven't noticed",
...         "I am a natural politician, in case you haven't noticed").label
'misquote'
"""

from __future__ import annotations

import pandas as pd

from claims import decisions
from claims.query import select
from claims.statements import Decision
from claims.store.base import Store
from claims.track import views
from claims.track.compare import Change, Comparison, compare
from claims.track.layer import CLAIM, LAYER, MEMBER, MISQUOTE, ClaimTracking
from claims.track.matching import claim_iri, member_iri
from claims.track.pairs import Pair, Side, label_pairs, read_pairs
from claims.track.views import claim_of, members, resolve, variants
from claims.track.wording import fold, tokens

__all__ = ["CLAIM", "LAYER", "MEMBER", "MISQUOTE", "Change", "ClaimTracking", "Comparison",
           "Pair", "Side", "claim_iri", "claim_of", "compare", "confirm_member",
           "confirm_misquote", "dismiss_misquote", "fold", "label_pairs", "member_iri", "members",
           "merge", "read_pairs", "resolve", "show", "split", "tokens", "variants", "views"]


def show(store: Store, claim: str) -> pd.DataFrame:
    """One claim (merged claims followed): first seen, outlets, independent sources."""
    from rdflib import URIRef

    return select(store, "first_reports", claim=URIRef(resolve(store, claim)))


def split(store: Store, statement: str, *, reviewer: str, note: str | None = None) -> Decision:
    """A wrong merge: ``statement`` leaves its claim and is never matched again."""
    from claims.query import expand

    return decisions.decide(store, member_iri(expand(statement)), MEMBER, "split",
                            reviewer=reviewer, note=note)


def confirm_member(store: Store, statement: str, *, reviewer: str,
                   note: str | None = None) -> Decision:
    """``statement`` does report its claim (confidence 1)."""
    from claims.query import expand

    return decisions.decide(store, member_iri(expand(statement)), MEMBER, "confirmed",
                            reviewer=reviewer, note=note)


def merge(store: Store, claim: str, into: str, *, reviewer: str, note: str | None = None) -> Decision:
    """A missed pair: ``claim`` is the same as ``into`` and joins it."""
    return decisions.decide(store, claim, CLAIM, "merged", reviewer=reviewer,
                            target=into, note=note)


def confirm_misquote(store: Store, statement: str, *, reviewer: str,
                     note: str | None = None) -> Decision:
    """The member's wording does alter the claim's."""
    from claims.query import expand

    return decisions.decide(store, member_iri(expand(statement)), MISQUOTE, "confirmed",
                            reviewer=reviewer, note=note)


def dismiss_misquote(store: Store, statement: str, *, reviewer: str,
                     note: str | None = None) -> Decision:
    """The member's difference is immaterial: the flag is cleared and stays cleared."""
    from claims.query import expand

    return decisions.decide(store, member_iri(expand(statement)), MISQUOTE, "dismissed",
                            reviewer=reviewer, note=note)
