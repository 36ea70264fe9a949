"""The explorer shows a statement's matched fact-check (the "Fact-checked" column and filter,
the provenance panel's "Fact-checks" section); an editor rejects it there, and it stays
rejected after the articles are ingested again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ipywidgets as W
import pandas as pd
import pytest

import claims
from claims import factcheck
from claims.factcheck import views
from claims.index import Filters
from claims.store import Store
from claims.widgets.explorer import Explorer

from .conftest import ARTICLES, UNIPOLAR

pytestmark = pytest.mark.layers("factcheck")
URL = "https://checkers.example/2022/09/unipolar-world"


@pytest.fixture
def checked(store: Store, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "checks.json"
    path.write_text(json.dumps({
        "@context": "https://schema.org", "@type": "ClaimReview", "url": URL,
        "claimReviewed": "Attempts to create a unipolar world have acquired an ugly form, says Putin.",
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Vladimir Putin"},
                         "datePublished": "2022-09-15"},
        "author": {"@type": "Organization", "name": "Checkers"}, "datePublished": "2022-09-20",
        "reviewRating": {"@type": "Rating", "alternateName": "Misleading"}}))
    report = factcheck.import_paths(store, [path])
    assert report.imported == 1 and report.stale == {}
    yield store


def _widgets(widget: W.Widget) -> Iterator[W.Widget]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _widgets(child)


def _with_class(root: W.Widget, name: str) -> list[Any]:
    return [w for w in _widgets(root) if name in w._dom_classes]


def test_explorer_shows_the_match_and_an_editor_rejects_it(checked: Store, statements: pd.DataFrame) -> None:
    iri = str(statements.loc[statements["text"] == UNIPOLAR, "statement"].iloc[0])
    explorer = Explorer(checked)
    fact_checked = Filters(facets=(("fact_checked", None),))
    unipolar = statements[statements["text"].str.contains("unipolar world")]["statement"]
    rows, total = explorer.table.index.filter(fact_checked)  # the column and filter's values
    assert sorted(rows["statement"]) == sorted(unipolar) and total == len(unipolar) >= 1
    assert explorer.table.index.facets_of([iri])[iri]["fact_checked"] == ["mostly-false"]
    explorer.text.value = "unipolar"
    explorer.grid.selected = iri
    [section] = _with_class(explorer.details, "claims-section-factchecks")
    shown = " ".join(w.value for w in _widgets(section) if isinstance(w, W.HTML))
    for fact in ("Checkers", "Misleading", "mostly-false", "2022-09-20", URL, "ugly form", "Vladimir Putin",
                 "score "):
        assert fact in shown

    [reject] = _with_class(section, "claims-factcheck-reject")
    [reviewer] = _with_class(section, "claims-factcheck-reviewer")
    [message] = _with_class(section, "claims-factcheck-message")
    reviewer.value = ""
    reject.click()
    assert "[no-reviewer]" in message.value  # a coded error, shown where the editor is
    assert len(views.matches_of(checked, iri)) == 1
    reviewer.value = "Ana Editor"
    reject.click()
    assert message.value == "" and "rejected by Ana Editor" in shown_now(section)
    assert views.matches_of(checked, iri).empty
    assert explorer.table.index.count(fact_checked) == total - 1  # the other outlet's report stays

    claims.ingest([ARTICLES], checked, progress=False, force=True)  # re-ingested: still rejected
    assert views.matches_of(checked, iri).empty
    explorer.refresh.click()
    explorer.grid.selected = iri
    assert _with_class(explorer.details, "claims-section-factchecks") == []


def shown_now(section: W.Widget) -> str:
    return " ".join(w.value for w in _widgets(section) if isinstance(w, W.HTML))

