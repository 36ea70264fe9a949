"""The classes and properties a query over the knowledge base can name, for the
workbench's side panel and for hints on terms nobody defines.

Read from the ontology (``claims.ttl``: every ``claims:`` class and property with its
label and comment), the shapes (``shapes.ttl``: the terms of other vocabularies the model
uses, such as ``schema:text``) and the named queries (``src/claims/queries/*.rq``).

>>> "claims:Quotation" in {t.curie for t in terms() if t.kind == "class"}
True
>>> unknown_terms("SELECT ?t WHERE { ?s claims:text ?t ; schema:headline ?h }")
[('claims:text', 'schema:text')]
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef

from claims.config import ontology_dir
from claims.query import PREFIXES, named_queries, shorten

__all__ = ["Term", "prefixed_names", "terms", "unknown_terms"]

SH = Namespace("http://www.w3.org/ns/shacl#")
# Vocabularies whose every term the model knows; a name in another one is not checked.
CHECKED = ("claims", "schema", "prov", "oa")
_CLASSES = (OWL.Class, RDFS.Class)
_PROPERTIES = (OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property, OWL.AnnotationProperty)
# A prefixed name outside strings, IRIs and comments (those are blanked first).
_NAME = re.compile(r"(?<![\w:/#?$.-])([A-Za-z][\w-]*):([A-Za-z_][\w-]*)")
_SKIPPED = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                      r"|<[^<>\s]*>|#[^\n]*")


@dataclass(frozen=True, slots=True)
class Term:
    """A class or property: ``curie`` (``claims:Quotation``), ``kind`` ("class" or
    "property"), and the ontology's label and comment ("" for other vocabularies)."""

    curie: str
    kind: str
    label: str = ""
    comment: str = ""


@cache
def terms() -> tuple[Term, ...]:
    """Every class, then every property, sorted by prefixed name."""
    found: dict[str, Term] = {}
    ontology = Graph().parse(ontology_dir() / "claims.ttl")
    for kind, types in (("class", _CLASSES), ("property", _PROPERTIES)):
        for type_ in types:
            for subject in ontology.subjects(RDF.type, type_):
                if isinstance(subject, URIRef):
                    curie = shorten(str(subject))
                    found[curie] = Term(curie, kind, _english(ontology, subject, RDFS.label),
                                        _english(ontology, subject, RDFS.comment))
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    for kind, predicates in (("class", (SH.targetClass, SH["class"])), ("property", (SH.path,))):
        for predicate in predicates:
            for value in shapes.objects(None, predicate):
                if isinstance(value, URIRef):
                    curie = shorten(str(value))
                    found.setdefault(curie, Term(curie, kind))
    for query in named_queries().values():
        for prefix, local in prefixed_names(query.text):
            curie = f"{prefix}:{local}"
            found.setdefault(curie, Term(curie, "class" if local[:1].isupper() else "property"))
    return tuple(sorted((t for t in found.values() if ":" in t.curie and "/" not in t.curie),
                        key=lambda t: (t.kind != "class", t.curie.lower())))


def prefixed_names(text: str) -> list[tuple[str, str]]:
    """The ``prefix:local`` names a SPARQL text uses (outside strings, IRIs and comments),
    in order, each once."""
    blanked = _SKIPPED.sub(lambda m: " " * len(m[0]), text)
    seen: dict[tuple[str, str], None] = {}
    for match in _NAME.finditer(blanked):
        seen.setdefault((match[1], match[2]), None)
    return list(seen)


def unknown_terms(text: str) -> list[tuple[str, str | None]]:
    """The names ``text`` uses in the checked vocabularies that the model does not know,
    each with the closest known name (None: nothing close)."""
    known = {t.curie for t in terms()}
    out = []
    for prefix, local in prefixed_names(text):
        curie = f"{prefix}:{local}"
        if prefix not in CHECKED or curie in known or PREFIXES.get(prefix) is None:
            continue
        same = sorted(k for k in known if k.split(":", 1)[1].lower() == local.lower())
        close = same or difflib.get_close_matches(curie, sorted(known), n=1, cutoff=0.75)
        out.append((curie, close[0] if close else None))
    return out


def _english(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    values = list(graph.objects(subject, predicate))
    chosen = [v for v in values if getattr(v, "language", None) in ("en", None)]
    return " ".join(str((chosen or values)[0]).split()) if values else ""
