"""Named ``.rq`` queries and SPARQL text to pandas DataFrames, with safe parameter binding.

Parameters are bound as RDF terms (never pasted into the query text), so a value such as
``Putin" } ; DROP ALL ; #`` is only ever a string literal that matches nothing.

A query without ``GRAPH`` sees the union of the named graphs unless the store is strict
(``CLAIMS_DATASET=strict``, ``open_store(union=False)``); the named queries name their
graphs and answer the same either way.

>>> from claims.store import MemoryStore
>>> select(MemoryStore(), "speakers").columns.tolist()
['speaker', 'person', 'statements', 'quotations', 'reported', 'articles', 'qid']
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from claims.config import base_iri
from claims.errors import ParameterError, QueryError, UnknownQuery
from claims.store.base import Store, Table, Term
from claims.store.oxigraph import OxigraphStore, from_ox

PREFIXES = {
    "claims": "https://w3id.org/claims#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
# Literals read straight to their Python value (as to_python gives it), without rdflib.
_NUMBERS = {_XSD + name: kind for kind, names in ((int, ("integer", "int", "long", "nonNegativeInteger")),
                                                   (float, ("decimal", "double", "float")))
            for name in names}
_HEADER = re.compile(r"^#\s*(\w+):\s*(.*)$")
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: str  # string | iri | integer | decimal | date | boolean
    description: str


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A ``.rq`` file: its text and the header that documents it."""

    name: str
    purpose: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    text: str

    @classmethod
    def parse(cls, name: str, text: str) -> NamedQuery:
        fields: dict[str, list[str]] = {}
        for line in text.splitlines():
            match = _HEADER.match(line)
            if match:
                fields.setdefault(match[1], []).append(match[2].strip())
        params = []
        for spec in fields.get("param", []):
            pname, ptype, *rest = [*spec.split(maxsplit=2), ""]
            params.append(Param(pname, ptype, rest[0].strip()))
        columns = tuple(c.strip() for c in " ".join(fields.get("columns", [])).split(",") if c.strip())
        return cls(name, " ".join(fields.get("purpose", [])), tuple(params), columns, text)


@cache
def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped in ``claims/queries``, by name."""
    folder = resources.files("claims") / "queries"
    return {entry.name[:-3]: NamedQuery.parse(entry.name[:-3], entry.read_text("utf-8"))
            for entry in sorted(folder.iterdir(), key=lambda e: e.name)
            if entry.name.endswith(".rq")}


def get_query(name: str) -> NamedQuery:
    try:
        return named_queries()[name]
    except KeyError:
        raise UnknownQuery(f"no named query {name!r}") from None


def to_term(value: Any, type_: str = "string") -> Term:
    """A Python value as the RDF term a parameter of ``type_`` expects."""
    if isinstance(value, URIRef | Literal | BNode):
        return value
    if type_ == "iri":
        text = expand(_unbracket(str(value)))
        if not re.match(r"^[a-zA-Z][\w+.-]*:[^\s<>\"{}|\\^`]*$", text):
            raise ParameterError(f"{value!r} is not an IRI")
        return URIRef(text)
    if type_ == "integer":
        return Literal(int(value))
    if type_ == "decimal":
        return Literal(Decimal(str(value)))
    if type_ == "boolean":
        return Literal(value if isinstance(value, bool) else str(value).lower() == "true")
    if type_ == "date":
        return Literal(value if isinstance(value, date) else date.fromisoformat(str(value)))
    return Literal(str(value))


def _unbracket(text: str) -> str:
    return text[1:-1].strip() if text.startswith("<") and text.endswith(">") else text


def free_type(value: Any) -> str:
    """The type a parameter of free SPARQL is bound as: an IRI when written ``<…>``
    (``<kb:statement/…>`` or a full IRI), else a string.

    >>> free_type("<kb:statement/ab12>"), free_type("Putin")
    ('iri', 'string')
    """
    text = value.strip() if isinstance(value, str) else ""
    return "iri" if len(text) > 2 and text.startswith("<") and text.endswith(">") else "string"


def bindings(query: NamedQuery | None, params: dict[str, Any]) -> dict[str, Term]:
    """``params`` as RDF terms of the types ``query`` declares; for free SPARQL, strings,
    or IRIs where written ``<…>`` (:func:`free_type`)."""
    declared = {p.name: p for p in query.params} if query else {}
    bound: dict[str, Term] = {}
    for key, value in params.items():
        if value is None:
            continue
        if not _NAME.match(key):
            raise ParameterError(f"bad parameter name {key!r}")
        if query is not None and key not in declared:
            raise ParameterError(f"{query.name} has no parameter {key!r}",
                                 hint=f"its parameters: {', '.join(declared) or 'none'}")
        bound[key] = to_term(value, declared[key].type if key in declared else free_type(value))
    return bound


def is_name(text: str) -> bool:
    """Whether ``text`` is a named query's name rather than SPARQL."""
    return bool(_NAME.match(text.strip()))


def resolve(name_or_sparql: str) -> tuple[NamedQuery | None, str]:
    """A named query's text, or the SPARQL text given."""
    if _NAME.match(name_or_sparql.strip()):
        query = get_query(name_or_sparql.strip())
        return query, query.text
    return None, name_or_sparql


def shorten(iri: str) -> str:
    """``https://schema.org/name`` -> ``schema:name``; knowledge-base IRIs -> ``kb:…``."""
    for prefix, ns in (*PREFIXES.items(), ("kb", base_iri())):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def expand(curie: str) -> str:
    """The inverse of :func:`shorten`; full IRIs pass through."""
    prefix, _, rest = curie.partition(":")
    namespaces = {**PREFIXES, "kb": base_iri()}
    return namespaces[prefix] + rest if prefix in namespaces and not rest.startswith("//") else curie


def to_python(term: Term | None) -> Any:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return shorten(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    value = term.toPython()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime | date | bool | int | float | str):
        return value
    return str(term)


def to_frame(table: Table) -> pd.DataFrame:
    return pd.DataFrame([[to_python(cell) for cell in row] for row in table.rows],
                        columns=list(table.columns))


def run(store: Store, name_or_sparql: str, **params: Any) -> Table | bool | Graph:
    """Run a named query or SPARQL text with parameters bound as RDF terms."""
    query, text = resolve(name_or_sparql)
    return store.query(text, bindings(query, params))


def _ox_values(columns: tuple[str, ...], rows: list[tuple[object, ...]]) -> pd.DataFrame:
    """pyoxigraph cells straight to the values :func:`to_python` gives, without rdflib terms
    for IRIs, blank nodes and plain strings, and once per distinct term for other literals."""
    namespaces = [(f"{p}:", ns, len(ns)) for p, ns in (*PREFIXES.items(), ("kb", base_iri()))]
    seen: dict[object, Any] = {}

    literal, named = ox.Literal, ox.NamedNode

    def value(term: object) -> Any:
        kind = type(term)  # exact types: pyoxigraph's terms are final classes
        if kind is literal:
            datatype = term.datatype.value  # type: ignore[attr-defined]
            if datatype == _XSD_STRING:
                return term.value  # type: ignore[attr-defined]
            number = _NUMBERS.get(datatype)
            if number is not None:
                with suppress(ValueError):  # an ill-typed literal takes the general path
                    return number(term.value)  # type: ignore[attr-defined]
        elif term is None:
            return None
        found = seen.get(term, seen)
        if found is not seen:
            return found
        if kind is named:
            iri = found = term.value  # type: ignore[attr-defined]
            for prefix, ns, n in namespaces:
                if iri.startswith(ns) and len(iri) > n:
                    found = prefix + iri[n:]
                    break
        else:
            found = to_python(from_ox(term))
        seen[term] = found
        return found

    return pd.DataFrame([[value(cell) for cell in row] for row in rows], columns=list(columns))


def select(store: Store, name_or_sparql: str, **params: Any) -> pd.DataFrame:
    """A SELECT query's result as a DataFrame (columns in query order, IRIs shortened)."""
    if isinstance(store, OxigraphStore):  # the hot path: no rdflib term per cell
        query, text = resolve(name_or_sparql)
        return _ox_values(*store.select_ox(text, bindings(query, params)))
    result = run(store, name_or_sparql, **params)
    if not isinstance(result, Table):
        raise QueryError("not a SELECT query", hint="use run() for ASK, CONSTRUCT and DESCRIBE")
    return to_frame(result)
