"""Import published fact-checks from files into the store, each into the graph of its source.

Reads ``.json`` (a ClaimReview object, an array, a JSON-LD ``@graph``, a MediaReview's
``associatedClaimReview``, or a Google Fact Check Tools response ``{"claims": [...]}``),
``.jsonl`` (one ClaimReview, Fact Check Tools ``claims[]`` item or vclaims row a line) and
``.csv`` (vclaims columns). A bad record gets a coded error naming the file and the record
and is left out; the rest is imported. Re-importing replaces each fact-check's triples
(idempotent), in one transaction per batch.
"""

from __future__ import annotations

import csv
import json
import logging
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from claims.errors import ClaimsError, FactCheckError, MalformedFactCheck, UnreadableFactChecks
from claims.factcheck import graph
from claims.factcheck.records import FactCheck, from_claimreview, from_google, from_row
from claims.store.base import Store, Table
from claims.store.oxigraph import OxigraphStore
from claims.vocab import CLAIMS

BATCH = 5_000
BULK_MIN = 1_000  # new fact-checks in a batch from which a private embedded store bulk-loads them
log = logging.getLogger(__name__)

__all__ = ["ImportReport", "import_factchecks", "import_paths", "read_path"]


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: fact-checks written, by source graph, the records refused (coded
    errors naming file and record), and how long it took."""

    imported: int
    sources: dict[str, int] = field(default_factory=dict)
    errors: tuple[ClaimsError, ...] = ()
    seconds: float = 0.0
    urls: tuple[str, ...] = ()
    stale: dict[str, str] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.imported / self.seconds if self.seconds else 0.0


def _located(exc: ClaimsError, where: str) -> ClaimsError:
    located = type(exc)(f"{where}: {exc.detail}" if exc.detail else where)
    located.hint = exc.hint
    return located


def _records(path: Path) -> Iterator[tuple[str, Any, str]]:
    """``(record label, object, form)`` for every record of a file; form ``claimreview``,
    ``google`` or ``row``."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open(encoding="utf-8") as handle:
                for n, line in enumerate(handle, start=1):
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield f"line {n}", MalformedFactCheck(f"not JSON ({exc.msg})"), "error"
                        continue
                    form = "google" if isinstance(obj, dict) and "claimReview" in obj else "row"
                    yield f"line {n}", obj, form
        elif suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as handle:
                for n, row in enumerate(csv.DictReader(handle), start=2):
                    yield f"line {n}", {k: v for k, v in row.items() if k}, "row"
        elif suffix in (".json", ".jsonld"):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                raise UnreadableFactChecks(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from exc
            yield from _json_records(data)
        else:
            raise UnreadableFactChecks(f"{path}: unknown file type {suffix or '(none)'}")
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableFactChecks(f"{path}: {exc}") from exc


def _json_records(data: Any) -> Iterator[tuple[str, Any, str]]:
    if isinstance(data, Mapping) and isinstance(data.get("claims"), list) and "@type" not in data:
        for n, item in enumerate(data["claims"], start=1):
            yield f"claims[{n - 1}]", item, "google"
        return
    items: list[Any] = data if isinstance(data, list) else [data]
    if isinstance(data, Mapping) and isinstance(data.get("@graph"), list):
        items = data["@graph"]
    for n, item in enumerate(items, start=1):
        if isinstance(item, Mapping) and isinstance(item.get("associatedClaimReview"), Mapping | list):
            inner = item["associatedClaimReview"]
            for m, review in enumerate(inner if isinstance(inner, list) else [inner], start=1):
                yield f"record {n}.{m}", review, "claimreview"
        else:
            yield f"record {n}", item, "claimreview"


def read_path(path: str | Path) -> tuple[list[FactCheck], list[ClaimsError]]:
    """Every fact-check a file holds, and a coded error (naming file and record) for each bad record."""
    where = Path(path)
    facts: list[FactCheck] = []
    errors: list[ClaimsError] = []
    for label, obj, form in _records(where):
        try:
            if isinstance(obj, ClaimsError):
                raise obj
            if form == "google":
                facts += from_google(obj)
            elif form == "row":
                facts.append(from_row(obj))
            else:
                facts.append(from_claimreview(obj))
        except FactCheckError as exc:
            errors.append(_located(exc, f"{where} {label}"))
    return facts, errors


_EXISTING = ("SELECT ?s WHERE { VALUES ?s { %s } "
             "GRAPH ?g { ?s a <https://w3id.org/claims#ImportedFactCheck> } }")


def import_factchecks(store: Store, facts: Sequence[FactCheck]) -> ImportReport:
    """Write fact-checks (the last one of a URL wins), replacing what the store has of them."""
    started = time.perf_counter()
    unique = list({fc.url: fc for fc in facts}.values())
    sources: dict[str, int] = {}
    for start in range(0, len(unique), BATCH):
        _write(store, unique[start:start + BATCH])
    for fc in unique:
        key = str(graph.source_graph_iri(fc.source))
        sources[key] = sources.get(key, 0) + 1
    stale = _tell_layer(store, unique)
    return ImportReport(len(unique), sources, (), time.perf_counter() - started,
                        tuple(fc.url for fc in unique), stale)


def _tell_layer(store: Store, facts: Sequence[FactCheck]) -> dict[str, str]:
    """Tell the match layer (when enabled) of the fact-checks written; a failure leaves it
    stale, never fails the import."""
    from claims import layers

    if not facts or "factcheck" not in layers.enabled():
        return {}
    from claims.factcheck.layer import LAYER

    try:
        LAYER.factchecks_written(store, facts)
    except Exception as exc:  # a layer must never sink the write it follows
        log.warning("derived layer factcheck not updated: %s", exc)
        return {"factcheck": f"{type(exc).__name__}: {exc}"}
    return {}


def _existing(store: Store, batch: Sequence[FactCheck]) -> set[str]:
    """The URLs of the batch whose fact-check the store already holds: index lookups on a
    private embedded store (a ``VALUES`` join of thousands of IRIs costs far more), else one query."""
    iris = {str(graph.factcheck_iri(fc.url)): fc.url for fc in batch}
    if isinstance(store, OxigraphStore) and not store.shared:
        raw, kind = store.raw, ox.NamedNode(str(CLAIMS.ImportedFactCheck))
        return {url for iri, url in iris.items()
                if next(iter(raw.quads_for_pattern(ox.NamedNode(iri), graph.RDF_TYPE, kind, None)), None)}
    found = store.query(_EXISTING % " ".join(f"<{iri}>" for iri in iris))
    return {iris[str(row["s"])] for row in found} if isinstance(found, Table) else set()


def _write(store: Store, batch: Sequence[FactCheck]) -> None:
    """Load the batch's new fact-checks; replace the triples of those the store has."""
    existing = _existing(store, batch)
    new = [fc for fc in batch if fc.url not in existing]
    if new:
        data = graph.nquads(new)
        if isinstance(store, OxigraphStore) and not store.shared and len(new) >= BULK_MIN:
            # a private embedded store: pyoxigraph's bulk loader (not transactional; a crash
            # leaves part of the batch, which a re-import replaces)
            store.raw.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            store.raw.flush()
        else:
            store.load(data, format="nquads")
    old = [fc for fc in batch if fc.url in existing]
    if old and isinstance(store, OxigraphStore) and not store.shared and len(old) >= BULK_MIN:
        # the same on a private embedded store, by difference: each owned node's quads read by
        # index lookup, and only those that changed removed or added (a re-import of unchanged
        # fact-checks writes nothing; one SPARQL update of thousands of nodes cost 10 times more)
        raw = store.raw
        gone: list[ox.Quad] = []
        added: list[ox.Quad] = []
        for fc in old:
            nodes = [ox.NamedNode(s) for s in graph.subjects(fc)]
            want = {q for q in graph.quads(fc) if q.subject in nodes}
            have = {q for s in nodes for q in raw.quads_for_pattern(s, None, None, None)}
            gone += have - want
            added += want - have
        for quad in gone:
            raw.remove(quad)
        if added:
            raw.extend(added)
        raw.flush()
    elif old:
        owned = " ".join(f"<{s}>" for fc in old for s in graph.subjects(fc))
        store.update(f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} "
                     f"WHERE {{ VALUES ?s {{ {owned} }} GRAPH ?g {{ ?s ?p ?o }} }} ;\n"
                     f"{_insert_data(graph.nquads(old))}")


def _insert_data(nquads: bytes) -> str:
    by_graph: dict[str, list[str]] = {}
    for line in nquads.decode("utf-8").splitlines():
        if not line.strip():
            continue
        body, _, graph_part = line.rstrip(" .").rpartition(" ")
        by_graph.setdefault(graph_part, []).append(body + " .")
    return " ;\n".join(f"INSERT DATA {{ GRAPH {g} {{\n" + "\n".join(lines) + "\n} }"
                       for g, lines in by_graph.items())


def import_paths(store: Store, paths: Iterable[str | Path]) -> ImportReport:
    """Import every fact-check of the files; bad records are reported, the rest written."""
    started = time.perf_counter()
    facts: list[FactCheck] = []
    errors: list[ClaimsError] = []
    for path in paths:
        found, bad = read_path(path)
        facts += found
        errors += bad
    report = import_factchecks(store, facts)
    return ImportReport(report.imported, report.sources, tuple(errors), time.perf_counter() - started,
                        report.urls, report.stale)
