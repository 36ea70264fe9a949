"""Remote backend: any SPARQL 1.1 endpoint, over the Query, Update and Graph Store protocols.

Parameters are bound by a ``VALUES`` block of escaped RDF terms (``term.n3()``) placed at
the start of the query's outermost ``WHERE`` group: user text never becomes query text.
Results are converted to the same rdflib terms the other backends give, smoothing over
server quirks (Virtuoso returns booleans as ``"1"^^xsd:boolean`` and ships system graphs
of its own, which :meth:`SparqlStore.graphs` and :meth:`SparqlStore.dump` leave out).

A query without ``GRAPH`` sees the union of the named graphs when the store's ``union``
setting asks for it: the request then carries Oxigraph's ``union-default-graph`` parameter.
Virtuoso's default graph is always that union (it ignores the parameter, so ``strict`` is
not available there); other servers decide for themselves.

Credentials come from ``CLAIMS_SPARQL_USER`` / ``CLAIMS_SPARQL_PASSWORD`` (basic) or
``CLAIMS_SPARQL_TOKEN`` (bearer) and never appear in errors, logs or ``repr``; a URL with
user information is refused (:class:`CredentialsInUrl`). A redirect is followed only to the
same origin with the method kept (307/308): credentials never go to another server, and a
POST never silently becomes a GET without its query (:class:`RedirectRefused`).

>>> bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal('a "b"')})
'SELECT ?s WHERE { VALUES (?o) { ("a \\\\"b\\\\"") } ?s ?p ?o }'
"""

from __future__ import annotations

import ast
import base64
import json
import logging
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from http.client import HTTPException
from importlib.metadata import PackageNotFoundError, version
from typing import Any, TypeVar

from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from SPARQLWrapper import INSERT, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
    URITooLong,
)

from claims.config import union_default_graph
from claims.errors import (
    CredentialsInUrl,
    EndpointUnreachable,
    ParameterError,
    QueryError,
    RedirectRefused,
    StoreError,
)
from claims.store.base import Bindings, Store, Table, Term
from claims.store.guard import TOKEN, check_services

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Graphs that servers create for themselves (Virtuoso): never reported, counted or dumped.
SYSTEM_GRAPHS = ("http://www.openlinksw.com/", "http://localuriqaserver/",
                 "http://www.w3.org/ns/ldp#", "virtrdf:")
INSERT_CHUNK = 1000
UNION_PARAMETER = "union-default-graph"  # Oxigraph's per-request union default graph
RETRY_STATUS = frozenset({429, 502, 503, 504})
_FORMATS = {"trig": "application/trig", "nquads": "application/n-quads"}
_TOKEN = TOKEN
_VAR = re.compile(r"^[A-Za-z_]\w*$")
_BNODE_SAFE = re.compile(r"[^A-Za-z0-9_]")


def user_agent() -> str:
    try:
        release = version("claims")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        release = "0"
    return f"claims/{release} (+SPARQL client)"


def bind_values(sparql: str, bindings: Bindings) -> str:
    """``sparql`` with a ``VALUES`` row of ``bindings`` opening its outermost WHERE group."""
    if not bindings:
        return sparql
    names, terms = [], []
    for name, term in bindings.items():
        if not _VAR.match(name):
            raise ParameterError(f"bad variable name {name!r}")
        if not isinstance(term, URIRef | Literal):
            raise ParameterError(f"?{name}: only IRIs and literals can be bound remotely")
        try:
            terms.append(term.n3())
        except Exception as exc:  # rdflib refuses to serialise an invalid IRI
            raise ParameterError(f"?{name}: {exc}") from None
        names.append(f"?{name}")
    position = _where_brace(sparql)
    block = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"
    return sparql[:position + 1] + block + sparql[position + 1:]


def _where_brace(sparql: str) -> int:
    """Offset of the ``{`` that opens the outermost WHERE group (strings, IRIs, comments skipped)."""
    depth, first, after_where, where_seen = 0, -1, -1, False
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup
        if kind == "word" and depth == 0 and match.group().upper() == "WHERE":
            where_seen = True
        elif kind == "brace" and match.group() == "{":
            if depth == 0 and first < 0:
                first = match.start()
            if depth == 0 and where_seen and after_where < 0:
                after_where = match.start()
            depth += 1
        elif kind == "brace":
            depth -= 1
    if after_where >= 0:
        return after_where
    if first >= 0 and query_form(sparql) in ("SELECT", "ASK"):
        return first
    raise QueryError("cannot bind parameters: the query has no WHERE group")


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword outside comments and strings
    (SPARQLWrapper's own guess is fooled by words such as "dropped" in a comment)."""
    return next((m.group().upper() for m in _TOKEN.finditer(sparql) if m.lastgroup == "word"
                 and m.group().upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")), "SELECT")


def to_term(cell: dict[str, str]) -> Term:
    """A SPARQL JSON results cell as the rdflib term the embedded backends give."""
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":  # Virtuoso labels them "nodeID://b10001": not a valid label
        return BNode(_BNODE_SAFE.sub("", value) or "b")
    if "xml:lang" in cell:
        return Literal(value, lang=cell["xml:lang"])
    datatype = cell.get("datatype")
    if not datatype or datatype == str(XSD.string):
        return Literal(value)
    if datatype == str(XSD.boolean) and value in ("0", "1"):  # Virtuoso stores booleans as 0/1
        value = "true" if value == "1" else "false"
    return Literal(value, datatype=URIRef(datatype))


def _server_message(exc: SPARQLWrapperException) -> str:
    """The server's own words from a SPARQLWrapper exception (its body is kept as a repr)."""
    text = str(exc)
    _, sep, body = text.partition("Response:\n")
    if not sep:
        return text
    try:
        raw = ast.literal_eval(body)
        message = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    except (ValueError, SyntaxError):
        message = body
    return " ".join(message.split("\nSPARQL query:")[0].split())[:2000]


def _redact(url: str) -> str:
    """``url`` without user information or query string."""
    parts = urllib.parse.urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, "", ""))


def _origin(url: str) -> tuple[str, str]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower(), parts.netloc.rpartition("@")[2].lower()


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to the same origin, keeping method, body and headers (307/308)."""

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request:
        if _origin(newurl) != _origin(req.full_url):
            raise RedirectRefused(f"{_redact(req.full_url)} redirected ({code}) to another server, "
                                  f"{_redact(newurl)}; the request was not sent there")
        if code not in (307, 308):
            raise RedirectRefused(f"{_redact(req.full_url)} answered {code} to {_redact(newurl)}, "
                                  f"which would turn the {req.get_method()} into a GET without "
                                  "its query")
        return urllib.request.Request(newurl, data=req.data, headers=dict(req.header_items()),
                                      origin_req_host=req.origin_req_host, method=req.get_method())


_OPENER = urllib.request.build_opener(_SameOriginRedirects)


class _Wrapper(SPARQLWrapper):
    """SPARQLWrapper sending through :data:`_OPENER` (its own ``urlopen`` follows any redirect
    with the credentials)."""

    def _query(self) -> tuple[Any, str]:
        request = self._createRequest()
        try:
            return _OPENER.open(request, timeout=self.timeout or None), self.returnFormat
        except urllib.error.HTTPError as exc:
            errors = {400: QueryBadFormed, 404: EndPointNotFound, 401: Unauthorized,
                      414: URITooLong, 500: EndPointInternalError}
            if exc.code in errors:
                raise errors[exc.code](exc.read()) from None
            raise


def check_url(url: str) -> str:
    """``url`` when it can name a SPARQL endpoint: no user information in it."""
    parts = urllib.parse.urlsplit(url)
    if "@" in parts.netloc:
        raise CredentialsInUrl(_redact(url))
    return url


class SparqlStore(Store):
    """A knowledge base on a SPARQL 1.1 server.

    ``url`` answers queries; ``update_url`` (default: ``…/update`` for a ``…/query`` URL,
    else ``url``) takes updates; ``gsp_url`` (default: ``…/store`` for a ``…/query`` URL)
    is the Graph Store Protocol endpoint used for bulk loads when it accepts datasets.
    """

    kind = "sparql"

    def __init__(self, url: str, *, update_url: str | None = None, gsp_url: str | None = None,
                 timeout: float = 60.0, retries: int = 4, backoff: float = 0.5,
                 union: bool | None = None) -> None:
        self.url = check_url(url)
        for other in (update_url, gsp_url, os.environ.get("CLAIMS_SPARQL_UPDATE_URL"),
                      os.environ.get("CLAIMS_SPARQL_GSP_URL")):
            if other:
                check_url(other)
        self.union = union_default_graph(union)
        root = url[:-len("/query")] if url.endswith("/query") else None
        self.update_url = (update_url or os.environ.get("CLAIMS_SPARQL_UPDATE_URL")
                           or (root + "/update" if root else url))
        self.gsp_url = (gsp_url or os.environ.get("CLAIMS_SPARQL_GSP_URL")
                        or (root + "/store" if root else None))
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self._headers = {"User-Agent": user_agent()}
        user, token = os.environ.get("CLAIMS_SPARQL_USER"), os.environ.get("CLAIMS_SPARQL_TOKEN")
        if token:
            self._headers["Authorization"] = f"Bearer {token}"
        elif user:
            secret = f"{user}:{os.environ.get('CLAIMS_SPARQL_PASSWORD', '')}".encode()
            self._headers["Authorization"] = "Basic " + base64.b64encode(secret).decode()

    def __repr__(self) -> str:
        return f"SparqlStore({_redact(self.url)!r})"

    # -- transport -------------------------------------------------------------------

    def _wrapper(self, endpoint: str) -> SPARQLWrapper:
        wrapper = _Wrapper(endpoint, agent=self._headers["User-Agent"])
        wrapper.setOnlyConneg(True)
        wrapper.setMethod(POST)
        wrapper.setTimeout(int(self.timeout))
        if "Authorization" in self._headers:
            wrapper.addCustomHttpHeader("Authorization", self._headers["Authorization"])
        return wrapper

    def _retrying(self, what: str, call: Callable[[], T]) -> T:
        """``call()``, retried with exponential back-off on 429/50x and connection errors."""
        for attempt in range(self.retries + 1):
            try:
                return call()
            except urllib.error.HTTPError as exc:
                if exc.code not in RETRY_STATUS:
                    raise StoreError(f"{what}: HTTP {exc.code} from {_redact(self.url)}",
                                     hint=exc.reason) from None
                failure: str = f"HTTP {exc.code}"
                delay = _retry_after(exc) or self.backoff * 2 ** attempt
            except (urllib.error.URLError, HTTPException, ConnectionError, TimeoutError) as exc:
                failure = str(getattr(exc, "reason", exc)) or type(exc).__name__
                delay = self.backoff * 2 ** attempt
            if attempt < self.retries:
                log.info("%s failed (%s); retrying in %.1f s", what, failure, delay)
                time.sleep(delay)
        raise EndpointUnreachable(f"{what}: {_redact(self.url)}: {failure} "
                                  f"after {self.retries + 1} attempts")

    def _request(self, sparql: str, *, update: bool, accept: str = JSON,
                 parameters: dict[str, str] | None = None) -> tuple[bytes, Any]:
        endpoint = self.update_url if update else self.url

        def call() -> tuple[bytes, Any]:
            wrapper = self._wrapper(endpoint)
            for name, value in (parameters or {}).items():
                wrapper.addParameter(name, value)
            wrapper.setQuery(sparql)
            wrapper.queryType = INSERT if update else query_form(sparql)
            wrapper.setReturnFormat(accept)
            try:
                response = wrapper.query().response
            except Unauthorized:
                raise StoreError(f"{_redact(endpoint)} refused the credentials",
                                 hint="set CLAIMS_SPARQL_USER and CLAIMS_SPARQL_PASSWORD, "
                                      "or CLAIMS_SPARQL_TOKEN") from None
            except EndPointNotFound:
                raise StoreError(f"no SPARQL endpoint at {_redact(endpoint)}",
                                 hint="check the URL (e.g. …/query, …/sparql)") from None
            except SPARQLWrapperException as exc:
                kind = "update" if update else "query"
                raise QueryError(f"{kind} rejected by {_redact(endpoint)}: "
                                 f"{_server_message(exc)}") from None
            return response.read(), response.info()
        return self._retrying("update" if update else "query", call)

    def _http(self, method: str, url: str, body: bytes, content_type: str) -> None:
        request = urllib.request.Request(url, data=body, method=method,
                                         headers={**self._headers, "Content-Type": content_type})

        def call() -> None:
            with _OPENER.open(request, timeout=self.timeout) as response:
                response.read()
        self._retrying(f"{method} {content_type}", call)

    # -- queries ---------------------------------------------------------------------

    def query(self, sparql: str, bindings: Bindings | None = None, *,
              union: bool | None = None) -> Table | bool | Graph:
        text = bind_values(check_services(sparql), bindings or {})
        extra = {UNION_PARAMETER: "true"} if (self.union if union is None else union) else None
        if query_form(text) in ("CONSTRUCT", "DESCRIBE"):
            body, info = self._request(text, update=False, accept=TURTLE, parameters=extra)
            graph = Graph()
            content_type = (info.get("Content-Type") or "text/turtle").split(";")[0].strip()
            fmt = "nt" if content_type in ("application/n-triples", "text/plain") else "turtle"
            try:
                graph.parse(data=body, format=fmt)
            except Exception as exc:
                raise StoreError(f"cannot parse the server's {content_type}: {exc}") from None
            return graph
        body, info = self._request(text, update=False, parameters=extra)
        try:
            result = json.loads(body)
        except ValueError as exc:
            raise StoreError(f"the server sent no SPARQL JSON results: {exc}") from None
        if "boolean" in result:
            return bool(result["boolean"])
        columns = tuple(result["head"].get("vars", ()))
        rows = tuple(tuple(to_term(b[c]) if c in b else None for c in columns)
                     for b in result["results"]["bindings"])
        cap = info.get("X-SPARQL-MaxRows")
        if cap and len(rows) >= int(cap):
            raise StoreError(f"the server cut the result at {cap} rows",
                             hint="raise ResultSetMaxRows in virtuoso.ini, or page with LIMIT")
        return Table(columns, rows)

    def _graph_sizes(self) -> dict[str, int]:
        table = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        assert isinstance(table, Table)
        return {str(g): int(n.toPython()) for g, n in table.rows  # type: ignore[union-attr]
                if isinstance(g, URIRef) and not str(g).startswith(SYSTEM_GRAPHS)}

    def graphs(self) -> list[str]:
        return sorted(self._graph_sizes())

    def __len__(self) -> int:
        return sum(self._graph_sizes().values())

    def dump(self, *, format: str = "trig") -> bytes:
        if format not in _FORMATS:
            raise StoreError(f"cannot dump a dataset as {format}", hint="use trig or nquads")
        table = self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(table, Table)
        dataset = Dataset(default_union=False)
        for g, s, p, o in table.rows:
            if isinstance(g, URIRef) and not str(g).startswith(SYSTEM_GRAPHS):
                dataset.add((s, p, o, dataset.graph(g)))  # type: ignore[arg-type]
        return dataset.serialize(format=format).encode("utf-8")

    # -- writes ----------------------------------------------------------------------

    def update(self, sparql: str) -> None:
        self._request(check_services(sparql), update=True)

    def write(self, *, replace: Iterable[Graph] = (), add: Iterable[Graph] = ()) -> None:
        parts = [_insert(list(replace), replace=True),
                 _insert([g for g in add if len(g)], replace=False)]
        if any(parts):
            self.update(" ;\n".join(p for p in parts if p))

    def remove_graph(self, iri: str) -> None:
        self.update(f"DROP SILENT GRAPH {URIRef(iri).n3()}")

    def load(self, data: bytes, *, format: str = "trig") -> None:
        if format not in _FORMATS:
            raise StoreError(f"unknown RDF format {format!r}", hint=f"use one of {sorted(_FORMATS)}")
        staged = Dataset(default_union=False)
        try:
            staged.parse(data=data, format=format)
        except Exception as exc:
            raise StoreError(f"cannot parse {format}: {exc}") from None
        graphs = [g for g in staged.graphs()
                  if len(g) and g.identifier != staged.default_graph.identifier]
        if self.gsp_url and self._load_gsp(data, format):
            return
        if graphs:
            self.update(_insert(graphs, replace=False))

    def _load_gsp(self, data: bytes, format: str) -> bool:
        """POST the dataset to the Graph Store endpoint; False when it does not take datasets."""
        assert self.gsp_url is not None
        try:
            self._http("POST", self.gsp_url, data, _FORMATS[format])
        except StoreError as exc:
            if isinstance(exc, EndpointUnreachable):
                raise
            log.info("graph store protocol unavailable (%s); loading through Update", exc.detail)
            return False
        return True


def _retry_after(exc: urllib.error.HTTPError) -> float | None:
    value = exc.headers.get("Retry-After") if exc.headers else None
    return min(float(value), 30.0) if value and value.isdigit() else None


def _insert(graphs: list[Graph], *, replace: bool) -> str:
    """One Update request. Virtuoso's parser runs out of stack on one ``INSERT DATA`` of
    some 5,000 triples, so each graph goes in operations of ``INSERT_CHUNK`` triples; and it
    refuses blank nodes in ``INSERT DATA``, so graphs that hold any are written with
    ``INSERT { … } WHERE {}`` (same meaning, fresh blank nodes). A blank node shared by
    two chunks would become two nodes: such graphs are written in one chunk."""
    parts = []
    for graph in graphs:
        iri = graph.identifier.n3()
        if replace:
            parts.append(f"DROP SILENT GRAPH {iri}")
        blank = any(isinstance(t, BNode) for triple in graph for t in triple)
        lines = [line for line in graph.serialize(format="nt").splitlines() if line.strip()]
        size = max(len(lines), 1) if blank else INSERT_CHUNK
        for start in range(0, len(lines), size):
            body = "\n".join(lines[start:start + size])
            parts.append(f"INSERT {{ GRAPH {iri} {{\n{body}\n}} }} WHERE {{}}" if blank
                         else f"INSERT DATA {{ GRAPH {iri} {{\n{body}\n}} }}")
    return " ;\n".join(parts)
