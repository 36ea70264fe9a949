"""Where derived layers plug into the statement index and the explorer, without editing either.

A derived layer (claim tracking, fact-check matches, speaker links, figure checks) shows its
results in two places:

- **Facets**: named values per statement kept in the statement index (``fact_checked``,
  ``claim``, ``office``, ``figure_verdict`` …). The explorer turns each facet into a column
  and a filter, answered in SQLite like the built-in ones. A facet reads its values from the
  store (:attr:`Facet.values`); the index calls it on a rebuild, for the statements of
  changed articles on a sync, and whole when the facet's :attr:`Facet.stamp` changes. A
  layer that has just written calls :func:`claims.index.after_layer` to refresh the facet in
  the index in the same operation.
- **Sections** of the explorer's provenance panel: small functions of the selected
  statement that return HTML (or an ipywidget, for a section with buttons) — "Fact-checks",
  "Same claim elsewhere", "Speaker" …, shown in ``order``.

A layer registers both when its module is imported: the module named for it in
:data:`claims.layers.KNOWN` (which ingestion and review already use), imported by the index
and the explorer before they read the registry:

>>> def checked(store, statements):
...     return [("kb:statement/1", "yes")]
>>> register_facet(Facet("example_checked", "Checked", checked, kind="flag"))
>>> [f.name for f in facets() if f.name == "example_checked"]
['example_checked']
>>> unregister("example_checked")
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd

    from claims.store.base import Store
    from claims.widgets.table import StatementTable

__all__ = ["Facet", "Section", "Selected", "facets", "register_facet",
           "register_section", "section", "sections", "statement_rows", "unregister"]

FacetValues = Callable[["Store", "Sequence[str] | None"], Iterable[tuple[str, str]]]
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class Facet:
    """Values a derived layer attaches to statements, kept in the statement index.

    ``values(store, statements)`` yields ``(statement, value)`` pairs for the given
    statements (shortened IRIs, ``kb:statement/…``, as the index holds them), or for every
    statement when ``statements`` is None; a statement may have several values (offices
    held) or none. ``kind``: ``"choice"`` (a filter by one value: verdict, office, country),
    ``"flag"`` (a filter "has any value": fact-checked, misquoted; the column shows the
    value) or ``"text"`` (a column only). ``stamp(store)`` is a cheap fingerprint of the
    layer's data (an event count, a hash): when it differs from what the index last saw, a
    sync re-reads the facet whole. ``column``/``filter``: whether the explorer shows it.
    """

    name: str
    label: str
    values: FacetValues
    kind: Literal["choice", "flag", "text"] = "choice"
    stamp: Callable[[Store], str] | None = None
    column: bool = True
    filter: bool = True

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(f"facet names are lower-case identifiers, not {self.name!r}")


@dataclass(frozen=True, slots=True)
class Selected:
    """What a provenance section is given: the selected statement and where it lives.

    ``row`` is the statement's index row (``speaker``, ``kind``, ``text``, ``article``,
    ``start`` … and one entry per facet, a list of its values).
    """

    iri: str
    row: pd.Series
    store: Store
    table: StatementTable

    @property
    def facets(self) -> dict[str, list[str]]:
        return {f.name: list(self.row.get(f.name) or []) for f in facets()}

    def article_text(self) -> str:
        return self.table.article_text(str(self.row["article"]))


# A section renderer: HTML, an ipywidget, or None when it has nothing to say about this statement.
Render = Callable[[Selected], Any]


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the explorer's provenance panel, shown in ``order`` (lower first)."""

    name: str
    title: str
    render: Render
    order: int = 50


_FACETS: dict[str, Facet] = {}
_SECTIONS: dict[str, Section] = {}
_loaded = False


def _load() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        from claims.layers import KNOWN  # each layer's module registers its facets and sections

        for spec in KNOWN.values():
            importlib.import_module(spec.partition(":")[0])


def register_facet(facet: Facet) -> None:
    """Add (or replace, by name) a facet; its name must not be a column of the index."""
    from claims.index.schema import COLUMNS

    if facet.name in COLUMNS or facet.name == "search":
        raise ValueError(f"{facet.name!r} is an index column: give the facet another name")
    _FACETS[facet.name] = facet


def register_section(name: str, render: Render, *, title: str, order: int = 50) -> None:
    """Add (or replace, by name) a section of the provenance panel."""
    _SECTIONS[name] = Section(name, title, render, order)


def section(name: str, *, title: str, order: int = 50) -> Callable[[Render], Render]:
    """:func:`register_section` as a decorator."""
    def register(render: Render) -> Render:
        register_section(name, render, title=title, order=order)
        return render
    return register


def unregister(name: str) -> None:
    """Remove a facet or section by name (tests, notebooks)."""
    _FACETS.pop(name, None)
    _SECTIONS.pop(name, None)


def facets() -> list[Facet]:
    """Every registered facet, in registration order."""
    _load()
    return list(_FACETS.values())


def sections() -> list[Section]:
    """Every registered section, by ``order`` then name."""
    _load()
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.name))


STATEMENTS_PER_QUERY = 500


def statement_rows(store: Store, query: str,
                   statements: Sequence[str] | None) -> Iterable[tuple[Any, ...]]:
    """The rows of a facet's ``query`` for ``statements`` (shortened IRIs; None: all).

    ``{values}`` in the query becomes ``VALUES ?statement { … }`` for
    :data:`STATEMENTS_PER_QUERY` statements at a time, or nothing for all of them.
    """
    from rdflib import URIRef

    from claims.query import expand, select

    if statements is None:
        yield from select(store, query.replace("{values}", "")).itertuples(index=False)
        return
    for i in range(0, len(statements), STATEMENTS_PER_QUERY):
        chunk = " ".join(URIRef(expand(s)).n3() for s in statements[i:i + STATEMENTS_PER_QUERY])
        yield from select(store, query.replace("{values}", f"VALUES ?statement {{ {chunk} }}")
                          ).itertuples(index=False)
