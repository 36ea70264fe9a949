"""The researchers' questions of issue 17, as SPARQL a researcher writes (no GRAPH: the
default graph is the union of the graphs), timed on the embedded store through the
project's API, on raw pyoxigraph over the same store (the reference for the API's own
cost), on ``oxigraph serve`` over the same store and on Virtuoso loaded with the same
N-Quads, in one run. One table a size, in milliseconds (median of warm runs).

    .venv/bin/python benchmarks/research_queries.py                      # 10k and 100k
    .venv/bin/python benchmarks/research_queries.py --sizes 1000000 --engines embedded

Oxigraph (0.5) joins the triple patterns of one group by index lookups, one per row and
pattern (a for-loop join), and hash-joins only across sub-queries: "shaped" is the same
question with its large joins written as sub-queries, timed on the embedded store and
raw pyoxigraph. The synthetic data (benchmarks/synth.py) is cached per size; so is
Virtuoso's database (under benchmarks/.cache/, git-ignored).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Literal

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import synth
from _bench import cached_store, machine, median_ms, table, timings
from claims.model.mapping import MODEL_VERSION
from claims.query import select
from claims.store import OxigraphStore
from claims.store.sparql import SparqlStore
from servers import OxigraphServer, VirtuosoServer, oxigraph_binary, virtuoso_binaries

PREFIXES = """PREFIX claims: <https://w3id.org/claims#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
ENGINES = ("embedded", "serve", "virtuoso")  # embedded: the API and raw pyoxigraph, in turn
OUTLET = "Daily Wire"  # the third largest of the synthetic outlets: 8 % of the statements
WORD = "pipeline"


@dataclass(frozen=True, slots=True)
class Question:
    label: str
    target: float | None  # seconds, at 1M statements on the embedded store (issue 17)
    text: str
    shaped: str | None = None  # the same question with sub-queries, for Oxigraph's hash joins


def questions(speaker: str, outlet: str = OUTLET, word: str = WORD) -> list[Question]:
    """The canonical questions; parameters written into the text as escaped literals."""
    who, where, what = Literal(speaker).n3(), Literal(outlet).n3(), Literal(word).n3()
    return [
        Question("a speaker's quotations, newest first, first 100", 1.0, f"""
SELECT ?quote ?text ?date ?outlet WHERE {{
  ?quote a claims:Quotation ; claims:speakerName {who} ; schema:text ?text ;
         claims:date ?date ; claims:reportedBy ?publisher .
  ?publisher schema:name ?outlet .
}} ORDER BY DESC(?date) LIMIT 100""", f"""
SELECT ?quote ?text ?date ?outlet WHERE {{
  {{ SELECT ?quote ?date WHERE {{
      {{ SELECT ?quote WHERE {{ ?quote claims:speakerName {who} }} }}
      {{ SELECT ?quote WHERE {{ ?quote a claims:Quotation }} }}
      {{ SELECT ?quote ?date WHERE {{ ?quote claims:date ?date }} }}
  }} ORDER BY DESC(?date) LIMIT 100 }}
  ?quote schema:text ?text ; claims:reportedBy ?publisher .
  ?publisher schema:name ?outlet .
}} ORDER BY DESC(?date)"""),
        Question("statements per speaker", 3.0, """
SELECT ?speaker (COUNT(?statement) AS ?statements) WHERE {
  ?statement claims:speakerName ?speaker .
} GROUP BY ?speaker ORDER BY DESC(?statements)"""),
        Question("an outlet's statements in a date range (a quarter)", 1.0, f"""
SELECT ?statement ?text ?date WHERE {{
  ?outlet schema:name {where} .
  ?statement claims:reportedBy ?outlet ; claims:date ?date ; schema:text ?text .
  FILTER (?date >= "2021-01-01"^^xsd:date && ?date < "2021-04-01"^^xsd:date)
}} ORDER BY ?date"""),
        Question(f"quotations containing a word ({word})", 5.0, f"""
SELECT ?quote ?text WHERE {{
  ?quote a claims:Quotation ; schema:text ?text .
  FILTER (CONTAINS(LCASE(?text), {what}))
}}""", f"""
SELECT ?quote ?text WHERE {{
  {{ SELECT ?quote ?text WHERE {{ ?quote schema:text ?text FILTER (CONTAINS(LCASE(?text), {what})) }} }}
  ?quote a claims:Quotation .
}}"""),
        Question("quotations per outlet per month", 5.0, """
SELECT ?outlet ?month (COUNT(?quote) AS ?quotations) WHERE {
  ?quote a claims:Quotation ; claims:reportedBy ?publisher ; claims:date ?date .
  ?publisher schema:name ?outlet .
  BIND (SUBSTR(STR(?date), 1, 7) AS ?month)
} GROUP BY ?outlet ?month ORDER BY ?outlet ?month""", """
SELECT ?outlet ?month ?quotations WHERE {
  { SELECT ?publisher ?month (COUNT(?quote) AS ?quotations) WHERE {
      { SELECT ?quote WHERE { ?quote a claims:Quotation } }
      { SELECT ?quote ?publisher WHERE { ?quote claims:reportedBy ?publisher } }
      { SELECT ?quote ?date WHERE { ?quote claims:date ?date } }
      BIND (SUBSTR(STR(?date), 1, 7) AS ?month)
  } GROUP BY ?publisher ?month }
  ?publisher schema:name ?outlet .
} ORDER BY ?outlet ?month"""),
        Question("percentages above 30", None, """
SELECT ?figure ?text ?value WHERE {
  ?figure a claims:Figure ; schema:text ?text ; claims:quantity ?q .
  ?q claims:quantityKind "percentage" ; schema:value ?value .
  FILTER (?value > 30)
} ORDER BY DESC(?value)""", """
SELECT ?figure ?text ?value WHERE {
  { SELECT ?q ?value WHERE {
      { SELECT ?q WHERE { ?q claims:quantityKind "percentage" } }
      { SELECT ?q ?value WHERE { ?q schema:value ?value FILTER (?value > 30) } }
  } }
  ?figure claims:quantity ?q ; schema:text ?text .
} ORDER BY DESC(?value)"""),
        Question("speakers quoted by the most outlets", None, """
SELECT ?speaker (COUNT(DISTINCT ?outlet) AS ?outlets) WHERE {
  ?quote a claims:Quotation ; claims:speakerName ?speaker ; claims:reportedBy ?outlet .
} GROUP BY ?speaker ORDER BY DESC(?outlets) ?speaker LIMIT 20""", """
SELECT ?speaker (COUNT(DISTINCT ?outlet) AS ?outlets) WHERE {
  { SELECT ?quote WHERE { ?quote a claims:Quotation } }
  { SELECT ?quote ?speaker WHERE { ?quote claims:speakerName ?speaker } }
  { SELECT ?quote ?outlet WHERE { ?quote claims:reportedBy ?outlet } }
} GROUP BY ?speaker ORDER BY DESC(?outlets) ?speaker LIMIT 20"""),
    ]


Runner = Callable[[str], int]


def raw_runner(store: OxigraphStore) -> Runner:
    """pyoxigraph's own query over the union default graph, every cell of every row read."""
    def run(text: str) -> int:
        result = store.raw.query(PREFIXES + text, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        width = range(len(result.variables))
        return len([[s[i] for i in width] for s in result])
    return run


def api_runner(store: Any) -> Runner:
    return lambda text: len(select(store, PREFIXES + text))


def measure(run: Runner, text: str, budget: float) -> tuple[float, int]:
    """Median ms of warm runs, and the rows."""
    rows: list[int] = []
    times = timings(lambda: rows.append(run(text)), budget=budget, least=3, most=10)
    return median_ms(times), rows[-1]


def measure_pair(api: Runner, raw: Runner, text: str, budget: float
                 ) -> tuple[tuple[float, int], tuple[float, int]]:
    """:func:`measure` of the API and of raw pyoxigraph, their runs taken in turn so that
    both meet the same load on a shared machine (one warm-up each first)."""
    rows = [api(text), raw(text)]
    times: tuple[list[float], list[float]] = ([], [])
    begun = time.perf_counter()
    while len(times[0]) < 10 and (len(times[0]) < 3 or time.perf_counter() - begun < 2 * budget):
        for side, run in enumerate((api, raw)):
            t = time.perf_counter()
            rows[side] = run(text)
            times[side].append(time.perf_counter() - t)
        if time.perf_counter() - begun > 2 * budget and len(times[0]) >= 1:
            break
    return (median_ms(times[0]), rows[0]), (median_ms(times[1]), rows[1])


def virtuoso_for(size: int, nquads: str) -> VirtuosoServer:
    """A Virtuoso holding the size's N-Quads (loaded once: ld_dir, rdf_loader_run, checkpoint)."""
    binaries = virtuoso_binaries()
    assert binaries is not None
    folder = synth.CACHE / f"virtuoso-{size}-{synth.SEED}-m{MODEL_VERSION}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)  # a load that did not finish: start again
    server = VirtuosoServer(folder, binaries=binaries, dirs_allowed=(str(synth.CACHE),), buffers=340_000)
    if not done.exists():
        path = Path(nquads)
        try:
            server.isql(f"ld_dir('{path.parent}', '{path.name}', 'urn:claims:unused');",
                        "rdf_loader_run();", "checkpoint;", timeout=6 * 3600)
        except BaseException:
            server.stop()  # the caller's with block never sees a server that failed to load
            raise
        done.touch()
    return server


def run_size(size: int, engines: tuple[str, ...], budget: float, *,
             forms: tuple[str, ...] = ("natural", "shaped"), only: tuple[str, ...] = ()) -> str:
    folder, meta = cached_store(size)
    speaker = str(meta["top_speaker"])
    asked = [q for q in questions(speaker) if not only or any(word in q.label for word in only)]
    results: dict[tuple[str, str], tuple[float, int]] = {}
    store = OxigraphStore(folder, read_only=True, union=True)
    api, raw = api_runner(store), raw_runner(store)
    for q in asked if "embedded" in engines else ():
        for form, text in (("", q.text if "natural" in forms else None),
                           (" shaped", q.shaped if "shaped" in forms else None)):
            if text:
                results[(q.label, "embedded" + form)], results[(q.label, "raw" + form)] = \
                    measure_pair(api, raw, text, budget)
    store.close()
    print(report(size, meta, asked, results), flush=True)  # the embedded figures first
    try:
        if "serve" in engines and oxigraph_binary():
            with OxigraphServer(folder, binary=str(oxigraph_binary()), writable=False) as server:
                remote = SparqlStore(server.url, timeout=3600, retries=0, union=True)
                for q in asked:
                    results[(q.label, "serve")] = measure(api_runner(remote), q.text, budget)
        if "virtuoso" in engines and virtuoso_binaries():
            with virtuoso_for(size, str(meta["path"])) as server:
                remote = SparqlStore(server.url, timeout=3600, retries=0)
                for q in asked:
                    results[(q.label, "virtuoso")] = measure(api_runner(remote), q.text, budget)
    except Exception:  # a server that fails leaves its column empty, not the run lost
        traceback.print_exc()
    return report(size, meta, asked, results)


def report(size: int, meta: dict[str, object], asked: list[Question],
           results: dict[tuple[str, str], tuple[float, int]]) -> str:
    statements, quads = int(str(meta["statements"])), int(str(meta["quads"]))
    header = ["question", "target s", "rows", "embedded", "raw", "api/raw", "serve", "virtuoso",
              "shaped embedded", "shaped raw"]
    lines = []
    for q in asked:
        def cell(engine: str, q: Question = q) -> str:
            found = results.get((q.label, engine))
            return f"{found[0]:,.0f}" if found else "-"
        counts = {rows for (label, _), (_, rows) in results.items() if label == q.label}
        api, raw = results.get((q.label, "embedded")), results.get((q.label, "raw"))
        ratio = f"{api[0] / raw[0]:.2f}" if api and raw and raw[0] > 0 else "-"
        rows = "/".join(f"{c:,}" for c in sorted(counts))  # one number when every engine agrees
        lines.append([q.label, f"{q.target:g}" if q.target else "", rows, cell("embedded"),
                      cell("raw"), ratio, cell("serve"), cell("virtuoso"),
                      cell("embedded shaped"), cell("raw shaped")])
    title = (f"{statements:,} statements, {quads:,} quads ({quads / statements:.1f} a statement); "
             f"speaker {meta['top_speaker']} (the most quoted), outlet {OUTLET}; ms ({machine()})")
    return title + "\n" + table(header, lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    parser.add_argument("--budget", type=float, default=2.0,
                        help="seconds of repeated runs per query and engine (one run when slower)")
    parser.add_argument("--forms", nargs="+", default=["natural", "shaped"], choices=["natural", "shaped"],
                        help="on the embedded store: the questions as written, shaped, or both")
    parser.add_argument("--only", nargs="*", default=[], help="questions whose label has one of these words")
    args = parser.parse_args(argv)
    for size in args.sizes:
        print(run_size(size, tuple(args.engines), args.budget, forms=tuple(args.forms),
                       only=tuple(args.only)), flush=True)
        print()


if __name__ == "__main__":
    main()
