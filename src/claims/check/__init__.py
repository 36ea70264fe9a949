"""Is the figure right? Figures about countries and groups checked against reference statistics.

- :func:`check_document` / :func:`check_sentence`: the figures of an article (or one sentence
  with its date and context) understood (:mod:`claims.check.reading`: measure, entity, year,
  comparator) and checked (:mod:`claims.check.compute`: the reference value from the World
  Bank's indicators, :mod:`claims.reference.statistics`, the members of a group on the
  article's date, :mod:`claims.reference.groups`, the relative error and a verdict) — the
  same code for ingestion (the derived layer) and ``claims check --sentences``;
- :data:`LAYER`: the derived layer (``claims.layers.KNOWN["check"]``) that keeps every check
  as RDF with its provenance (:mod:`claims.check.layer`);
- :func:`override`: an editor's verdict on a check (through :mod:`claims.decisions`), which
  always wins.

>>> [(c.reading.phrase, c.verdict, round(c.computed, 1)) for c in check_sentence(
...     "In total, the SCO represents an audience of half of the world's population.", date="2022-09-15")]
[("half of the world's population", 'roughly_right', 41.3)]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

import pandas as pd

from claims import decisions
from claims.check import views
from claims.check.compute import VERDICTS, Check, Part, compute
from claims.check.entities import Entity
from claims.check.layer import LAYER, SCHEME, Status, status
from claims.check.reading import Reading, readings
from claims.document import Document
from claims.errors import ParameterError
from claims.query import expand, select
from claims.statements import Decision, Statement
from claims.store.base import Store

__all__ = ["LAYER", "SCHEME", "VERDICTS", "Check", "Entity", "Part", "Reading", "Status",
           "check_document", "check_records", "check_sentence", "checked", "override", "status",
           "views"]


def check_document(doc: Document, figures: Sequence[Statement] | None = None, *,
                   context: str = "") -> list[Check]:
    """Every figure of ``doc`` about a country or group, checked (``figures``: the figure
    statements the extractor found, as ingestion has them; found afresh when None)."""
    return [compute(r) for r in readings(doc, figures, context=context)]


def check_sentence(sentence: str, *, date: str | None = None, context: str = "",
                   id: str = "sentence") -> list[Check]:
    """The figures of one sentence, checked, with the article's ISO ``date`` and ``context``
    (the article's text or the sentences around, where a group named earlier is found)."""
    doc = Document.from_text(sentence, id=id, date=date)
    from claims.extract import extract

    return check_document(doc, extract(doc), context=context)


def check_records(records: Iterable[Mapping[str, object]]) -> Iterator[tuple[str, Check]]:
    """``(id, check)`` for records with ``id``, ``sentence``, ``date`` and optional
    ``context`` (the ``claims check --sentences`` lines)."""
    for record in records:
        for found in check_sentence(str(record.get("sentence") or ""),
                                    date=str(record["date"]) if record.get("date") else None,
                                    context=str(record.get("context") or ""),
                                    id=str(record.get("id", "")) or "sentence"):
            yield str(record.get("id", "")), found


def row(check: Check) -> dict[str, object]:
    """A check as one flat row (the CLI's table, the benchmark)."""
    r = check.reading
    return {"phrase": r.phrase, "measure": r.measure,
            "entity": r.entity.label if r.entity else "", "year": r.year or "",
            "claimed": r.claimed, "computed": check.computed, "verdict": check.verdict,
            "direction": check.direction or "", "detail": check.detail or check.reason}


def checked(store: Store, *, verdict: str | None = None, outlet: str | None = None,
            article: str | None = None) -> pd.DataFrame:
    """The stored checks (named query ``figure_checks``), of one verdict, outlet or article."""
    if verdict is not None and verdict not in VERDICTS:
        raise ParameterError(f"no verdict {verdict!r}", hint=f"use one of: {', '.join(VERDICTS)}")
    frame = select(store, "figure_checks", verdict=verdict, article=expand(article) if article else None)
    if outlet is not None and not frame.empty:
        frame = frame[frame["outlet"] == outlet].reset_index(drop=True)
    return frame


def override(store: Store, check: str, verdict: str, *, reviewer: str,
             note: str | None = None) -> Decision:
    """An editor's verdict on a stored check (``kb:check/…``): it wins over the checker's on
    every recomputation; the checker's stays as ``claims:computedVerdict``."""
    return decisions.decide(store, check, SCHEME, verdict, reviewer=reviewer, note=note)
