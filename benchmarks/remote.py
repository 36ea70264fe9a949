"""Median latency of every named query: embedded Oxigraph vs ``oxigraph serve`` vs Virtuoso.

    .venv/bin/python benchmarks/remote.py [--statements 100000] [--repeat 5]

The knowledge base is synthetic: Documents and Statements built by hand and mapped with
``claims.model.mapping.to_graphs`` (no extractor): article graphs and the entities graph.
Backends whose binaries are missing are skipped. Prints a table in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from rdflib import Graph

from claims import query as q
from claims.document import Document
from claims.model.mapping import to_graphs
from claims.statements import Kind, Quantity, Span, Speaker, Statement
from claims.store import OxigraphStore, Store
from claims.store.sparql import SparqlStore
from servers import (
    OxigraphServer,
    VirtuosoServer,
    oxigraph_binary,
    virtuoso_binaries,
)

PER_ARTICLE = 20
SPEAKERS = [Speaker(f"Speaker {i}", role="minister", qid=f"Q{1000 + i}") for i in range(200)]
PARAMS = {"quotations_by_speaker": {"speaker": "Speaker 0"}}


def synthetic(statements: int) -> list[tuple[Graph, Graph]]:
    graphs: list[tuple[Graph, Graph]] = []
    for a in range(max(1, statements // PER_ARTICLE)):
        sentences, spans = [], []
        offset = 0
        for s in range(PER_ARTICLE):
            words = f"Claim {a}-{s} about {s * 7} percent of voters."
            sentences.append(words)
            spans.append(Span(offset, offset + len(words)))
            offset += len(words) + 1
        text = " ".join(sentences)
        doc = Document.from_text(text, id=f"a{a}", title=f"Article {a}", publisher=f"Outlet {a % 9}",
                                 date=f"2022-{1 + a % 12:02d}-{1 + a % 28:02d}")
        items = []
        for s, span in enumerate(spans):
            kind = (Kind.QUOTATION, Kind.REPORTED_SPEECH, Kind.FIGURE)[s % 3]
            items.append(Statement(kind, span.of(text), span,
                                   speaker=SPEAKERS[(a * 7 + s) % len(SPEAKERS)],
                                   cue="said", confidence=0.8,
                                   quantity=Quantity(s * 7.0, kind="percentage")
                                   if kind is Kind.FIGURE else None))
        graphs.append(to_graphs(doc, items))
    return graphs


def timings(store: Store, repeat: int) -> dict[str, float]:
    out = {}
    for name, named in q.named_queries().items():
        if "SERVICE" in named.text:
            continue
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            q.select(store, name, **PARAMS.get(name, {}))
            samples.append(time.perf_counter() - start)
        out[name] = statistics.median(samples) * 1000
    return out


def load(store: Store, graphs: list[tuple[Graph, Graph]], batch: int = 50) -> float:
    start = time.perf_counter()
    for i in range(0, len(graphs), batch):
        chunk = graphs[i:i + batch]
        store.write(replace=[article for article, _ in chunk], add=[people for _, people in chunk])
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    graphs = synthetic(args.statements)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        embedded = OxigraphStore(root / "embedded")
        print(f"embedded: loaded in {load(embedded, graphs):.1f} s", file=sys.stderr)
        results["embedded"] = timings(embedded, args.repeat)
        embedded.close()
        binary = oxigraph_binary()
        if binary:
            with OxigraphServer(root / "serve", binary=binary) as server:
                store = SparqlStore(server.url, update_url=server.update_url, timeout=600)
                print(f"oxigraph serve: loaded in {load(store, graphs):.1f} s", file=sys.stderr)
                results["oxigraph serve"] = timings(store, args.repeat)
        binaries = virtuoso_binaries()
        if binaries:
            with VirtuosoServer(root / "virtuoso", binaries=binaries) as server:
                store = SparqlStore(server.url, timeout=600)
                print(f"virtuoso: loaded in {load(store, graphs):.1f} s", file=sys.stderr)
                results["virtuoso"] = timings(store, args.repeat)
    backends = list(results)
    print(f"median ms per named query at {args.statements:,} statements "
          f"({len(graphs):,} articles), {args.repeat} runs")
    print(f"{'query':<24}" + "".join(f"{b:>16}" for b in backends))
    for name in results["embedded"]:
        print(f"{name:<24}" + "".join(f"{results[b][name]:>16.1f}" for b in backends))


if __name__ == "__main__":
    main()
