"""Ratings as published, normalised to the project's scale (``claims:Ratings``) through the
SKOS mapping in ``ontology/ratings.ttl``.

A label is looked up case- and punctuation-insensitively among the labels of the mapping's
concepts; a numeric rating with its scale (``bestRating``/``worstRating``, either way round:
some publishers put the best at 0) is placed on the five steps false … true when no label
decides. Unknown: None (the published wording is kept).

>>> normalise("Pants on Fire!"), normalise("Misleading"), normalise("falso")
('false', 'mostly-false', 'false')
>>> normalise(None, 4, best=5, worst=1), normalise(None, 1, best=0, worst=5)
('mostly-true', 'mostly-true')
>>> normalise("full-flop"), normalise("nonsense words")
(None, None)
"""

from __future__ import annotations

import re
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from claims.config import ontology_dir

RATING_NS = "https://w3id.org/claims/rating/"
SCALE = ("false", "mostly-false", "mixture", "mostly-true", "true")


def key(label: str) -> str:
    """A label as it is looked up: lower case, letters and digits only, one space between words."""
    return " ".join(re.sub(r"[^\w]+", " ", label.casefold().replace("-", " ")).split())


@cache
def mapping() -> dict[str, str | None]:
    """Every label of ``ontology/ratings.ttl`` (as :func:`key`) -> its ``claims:Ratings`` notation."""
    graph = Graph().parse(ontology_dir() / "ratings.ttl")
    out: dict[str, str | None] = {}
    for concept in set(graph.subjects(SKOS.inScheme, None)):
        target = graph.value(concept, SKOS.exactMatch) or graph.value(concept, SKOS.closeMatch)
        notation = str(target).removeprefix(RATING_NS) if isinstance(target, URIRef) else None
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(concept, prop):
                out[key(str(label))] = notation
    return out


def normalise(label: str | None, value: float | None = None, best: float | None = None,
              worst: float | None = None) -> str | None:
    """The ``claims:Ratings`` notation of a published rating, or None."""
    if label:
        found = mapping()
        k = key(label)
        if k in found:
            return found[k]
    if value is None or best is None or worst is None or best == worst:
        return None
    share = (value - worst) / (best - worst)
    if not 0 <= share <= 1:
        return None
    return SCALE[round(share * (len(SCALE) - 1))]
