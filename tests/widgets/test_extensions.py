"""The extension points a derived layer uses: a facet in the index (a column and a filter
in the explorer) and a section of the provenance panel; here a small layer that keeps its
marks in a named graph of its own, as the real ones do."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import ipywidgets as W
import pandas as pd
import pytest
from rdflib import Literal

from claims import index, review
from claims.extensions import Facet, Selected, facets, register_facet, register_section, unregister
from claims.index import Filters, StatementIndex
from claims.query import expand, select, shorten
from claims.store import Store
from claims.widgets.explorer import Explorer

from .conftest import UNIPOLAR

GRAPH = "urn:claims:test-layer"
MARK = "urn:claims:test#mark"


def _marks(store: Store, statements: Sequence[str] | None) -> list[tuple[str, str]]:
    found = select(store, f"SELECT ?s ?v WHERE {{ GRAPH <{GRAPH}> {{ ?s <{MARK}> ?v }} }}")
    pairs = [(shorten(str(s)), str(v)) for s, v in zip(found["s"], found["v"], strict=True)]
    return pairs if statements is None else [p for p in pairs if p[0] in set(statements)]


def _stamp(store: Store) -> str:
    return str(len(_marks(store, None)))


def _mark(store: Store, statement: str, value: str) -> None:
    store.update(f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <{expand(statement)}> <{MARK}> "
                 f"{Literal(value).n3()} }} }}")


@pytest.fixture
def layer() -> Iterator[None]:
    register_facet(Facet("checked", "Checked", _marks, kind="choice", stamp=_stamp))
    register_facet(Facet("flagged", "Flagged", lambda store, sts: [
        (s, "yes") for s, v in _marks(store, sts) if v == "false"], kind="flag"))

    def verdicts(chosen: Selected) -> str | None:
        values = chosen.facets["checked"]
        return None if not values else f"<p class='verdicts'>Rated: {', '.join(values)}</p>"

    register_section("verdicts", verdicts, title="Fact-checks", order=30)
    register_section("confirm", lambda chosen: W.Button(description="Confirm match"),
                     title="Editor", order=95)
    yield
    for name in ("checked", "flagged", "verdicts", "confirm"):
        unregister(name)


def _iri_of(statements: pd.DataFrame, text: str) -> str:
    return str(statements.loc[statements["text"] == text, "statement"].iloc[0])


def test_facet_is_read_on_rebuild_and_filters(layer: None, store: Store, statements: pd.DataFrame) -> None:
    iri = _iri_of(statements, UNIPOLAR)
    _mark(store, iri, "false")
    idx = StatementIndex.build(store)
    rows, total = idx.filter(Filters(facets=(("checked", "false"),)))
    assert (rows["statement"].tolist(), total) == ([iri], 1)
    assert idx.count(Filters(facets=(("flagged", None),))) == 1
    assert idx.count(Filters(facets=(("checked", "true"),))) == 0
    assert idx.choices("checked") == ["false"]
    ours = {k: v for k, v in idx.facets_of([iri])[iri].items() if k in ("checked", "flagged")}
    assert ours == {"checked": ["false"], "flagged": ["yes"]}  # beside the real layers' facets


def test_after_layer_and_stamp_keep_the_facet_fresh(layer: None, store: Store,
                                                    statements: pd.DataFrame) -> None:
    idx = StatementIndex.open(store)
    first, second = statements["statement"].iloc[0], statements["statement"].iloc[1]
    _mark(store, first, "true")
    assert idx.count(Filters(facets=(("checked", None),))) == 0  # the index has not been told
    index.after_layer(store, "checked", [first])
    assert idx.count(Filters(facets=(("checked", None),))) == 1
    _mark(store, second, "mixture")  # another process wrote: the stamp changed, a sync re-reads
    idx.sync()
    assert idx.choices("checked") == ["mixture", "true"]
    with pytest.raises(ValueError, match="no facet"):
        idx.refresh_facet("nope")


def test_review_and_reingest_keep_facets(layer: None, store: Store, statements: pd.DataFrame) -> None:
    iri = _iri_of(statements, UNIPOLAR)
    _mark(store, iri, "false")
    idx = StatementIndex.build(store)
    review.record(store, iri, "misattributed", reviewer="Ana", corrected_speaker="Xi Jinping")
    assert idx.facets_of([iri])[iri]["checked"] == ["false"]
    graph = str(idx.row(iri)["graph"])
    store.update(f"DELETE WHERE {{ GRAPH <{expand(graph)}> {{ ?s ?p ?o }} }}")
    idx.sync()
    assert idx.facets_of([iri]) == {}


def test_explorer_shows_facet_columns_filters_and_sections(layer: None, store: Store,
                                                           statements: pd.DataFrame) -> None:
    iri = _iri_of(statements, UNIPOLAR)
    _mark(store, iri, "false")
    explorer = Explorer(store)
    labels = [label for _, label in explorer.grid.columns]
    assert "Checked" in labels and "Flagged" in labels
    checked = explorer.facet_filters["checked"]
    assert [v for _, v in checked.options] == ["", "false"]
    checked.value = "false"
    assert explorer.rows.index.tolist() == [iri]
    [row] = explorer.grid.rows
    assert row["cells"][labels.index("Checked")] == "false"
    assert explorer.rows.loc[iri, "checked"] == ["false"]
    checked.value = ""
    explorer.facet_filters["flagged"].value = True
    assert explorer.total == 1
    explorer.select(iri)
    titles = [c.value for c in explorer.details.children if isinstance(c, W.HTML)]
    assert "Rated: false" in explorer.details.html
    order = [t for t in ("<h4>Source</h4>", "<h4>Fact-checks</h4>", "<h4>Review history</h4>")
             if any(t in v for v in titles)]
    assert order == ["<h4>Source</h4>", "<h4>Fact-checks</h4>", "<h4>Review history</h4>"]
    assert any(isinstance(c, W.VBox) and "claims-section-confirm" in c._dom_classes
               for c in explorer.details.children)


def test_a_failing_section_does_not_hide_the_others(store: Store, statements: pd.DataFrame) -> None:
    def broken(chosen: Selected) -> str:
        raise RuntimeError("layer not built")

    register_section("broken", broken, title="Broken", order=20)
    try:
        explorer = Explorer(store)
        explorer.select(_iri_of(statements, UNIPOLAR))
        assert "[internal-error] RuntimeError: layer not built" in explorer.details.html
        assert "claims-quote" in explorer.details.html
    finally:
        unregister("broken")
    assert "broken" not in [f.name for f in facets()]


def test_facet_names_are_identifiers() -> None:
    with pytest.raises(ValueError, match="identifiers"):
        Facet("Fact checked", "x", lambda store, sts: [])
    with pytest.raises(ValueError, match="index column"):
        register_facet(Facet("speaker", "Speaker", lambda store, sts: []))
