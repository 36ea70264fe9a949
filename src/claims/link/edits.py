"""Editors' corrections of speaker links: append-only decisions that always win.

A link is decided on by its IRI (:func:`claims.link.layer.link_iri` of the statement):
``relink`` points it to another person (a Wikidata QID, whether or not the people tables
know them), ``unlink`` makes it NIL, ``confirm`` keeps what the linker found. Each is a
:class:`~claims.statements.Decision` in the reviews graph; the layer applies the latest at
once and on every recomputation, so the correction shows in every query and count.
"""

from __future__ import annotations

import re

from claims import decisions
from claims.errors import ReviewError
from claims.link.layer import SCHEME, link_iri
from claims.query import expand
from claims.statements import Decision
from claims.store.base import Store
from claims.vocab import WD

__all__ = ["confirm", "relink", "unlink"]

_QID = re.compile(r"^Q[1-9]\d*$")


def _link(statement: str) -> str:
    return str(link_iri(expand(statement.strip())))


def relink(store: Store, statement: str, qid: str, *, reviewer: str, note: str | None = None) -> Decision:
    """Link the speaker of ``statement`` to the person ``qid`` ("Q7747")."""
    qid = qid.strip().upper().removeprefix("WD:")
    if not _QID.match(qid):
        raise ReviewError(f"{qid!r} is not a Wikidata QID", hint="give the person's QID, e.g. Q7747")
    return decisions.decide(store, _link(statement), SCHEME, "relinked", reviewer=reviewer,
                            target=str(WD[qid]), note=note)


def unlink(store: Store, statement: str, *, reviewer: str, note: str | None = None) -> Decision:
    """Make the speaker of ``statement`` NIL: no person of the tables."""
    return decisions.decide(store, _link(statement), SCHEME, "unlinked", reviewer=reviewer, note=note)


def confirm(store: Store, statement: str, *, reviewer: str, note: str | None = None) -> Decision:
    """Confirm the link the linker found for the speaker of ``statement``."""
    return decisions.decide(store, _link(statement), SCHEME, "confirmed", reviewer=reviewer, note=note)
