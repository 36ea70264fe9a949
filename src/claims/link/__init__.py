"""Who is speaking: speakers linked to Wikidata people, with the offices they held that day.

- :class:`Linker` / :func:`link`: a mention (with the article's date and context) to a QID
  of the people tables (:mod:`claims.reference.people`) or an explicit NIL, with method,
  confidence and reason — the same code for ingestion and ``claims link --mentions``;
- :data:`LAYER`: the derived layer (``claims.layers.KNOWN["link"]``) that keeps every person
  speaker's link in named graphs of its own, one person node per QID with the positions held;
- :func:`relink`, :func:`unlink`, :func:`confirm`: editors' decisions, which always win;
- :func:`quotations_by_office`, and the named queries ``quotations_by_office``,
  ``speakers_offices``, ``speakers_unlinked``, ``speakers_wikidata``.

>>> link("Iranian President Ebrahim Raisi", date="2022-09-15").qid
'Q5947347'
>>> link("a senior official", date="2022-09-15").method
'not a person'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import pandas as pd

from claims.link import views
from claims.link.edits import confirm, relink, unlink
from claims.link.layer import LAYER, SCHEME, VERSION, SpeakerLinks, Status, link_iri, person_iri, status
from claims.link.linker import Link, Linker
from claims.query import select
from claims.reference import groups
from claims.store.base import Store

__all__ = ["LAYER", "SCHEME", "VERSION", "Link", "Linker", "SpeakerLinks", "Status", "confirm",
           "link", "link_iri", "link_mentions", "person_iri", "quotations_by_office", "relink",
           "status", "unlink", "views"]


def link(mention: str, *, context: str = "", date: str | None = None) -> Link:
    """Link one mention, read with its context (the sentence, paragraph or article around
    it) and the article's ISO date."""
    return Linker(context, date).link(mention)


def link_mentions(records: Iterable[Mapping[str, object]]) -> Iterator[tuple[str, Link]]:
    """``(id, link)`` for records with ``id``, ``mention``, ``context`` and ``date`` (the
    ``claims link --mentions`` lines)."""
    for record in records:
        yield (str(record.get("id", "")),
               link(str(record.get("mention") or ""), context=str(record.get("context") or ""),
                    date=str(record["date"]) if record.get("date") else None))


def quotations_by_office(store: Store, *, office: str | None = None, country: str | None = None,
                         group: str | None = None) -> pd.DataFrame:
    """Quotations by holders of an office on the day their article appeared: ``office`` a
    regular expression on the office's title, ``country`` its ISO3 code, ``group`` a country
    group ("SCO", "G7") whose members held the office's country on that day."""
    frame = select(store, "quotations_by_office", office=office, country=country)
    if group is None or frame.empty:
        return frame
    found = groups.group(group)
    if found is None:
        from claims.errors import ParameterError

        raise ParameterError(f"no country group {group!r}", hint="e.g. SCO, BRICS, G7, EU, NATO")
    keep = [str(c) in groups.members(found.code, str(d)[:10]) if d else False
            for c, d in zip(frame["country"], frame["date"], strict=True)]
    return frame[keep].reset_index(drop=True)
