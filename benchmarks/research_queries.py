"""The researchers' questions of issue 17, as SPARQL a researcher writes (no GRAPH: the
default graph is the union of the graphs), timed on the embedded store through the
project's API, on raw pyoxigraph over the same store (the reference for the API's own
cost), on ``oxigraph serve`` over the same store and on Virtuoso loaded with the same
N-Quads, in one run. One table a size, in milliseconds (median of warm runs), each cell
"wall (CPU)": the CPU time is the querying process's (the client's and the server's for a
server), the time the answer costs on an idle machine; on a machine shared by other jobs
the wall time is several times it.

    .venv/bin/python benchmarks/research_queries.py                      # 10k and 100k
    .venv/bin/python benchmarks/research_queries.py --sizes 1000000 --engines embedded

Oxigraph (0.5) joins the triple patterns of one group by index lookups, one per row and
pattern (a for-loop join), and hash-joins only across sub-queries: "shaped" is the same
question with its large joins written as sub-queries (and through the articles where the
question is about articles' outlets and dates), timed on the embedded store and raw
pyoxigraph; tests/test_research_queries.py checks that both forms give the same answers.
"index" is the statement index's view of the same question where it has one (SQLite beside
the store: a speaker's quotations, counts per speaker, the explorer's filters and its
full-text search, which matches words rather than substrings), opened afresh each run.
The synthetic data (benchmarks/synth.py) is cached per size; so is Virtuoso's database
(under benchmarks/.cache/, git-ignored, which may be a link to a folder elsewhere).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Literal

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import synth
from _bench import cached_store, machine, median_ms, table
from claims.errors import ClaimsError
from claims.index import Filters, StatementIndex
from claims.index.schema import index_path
from claims.model.mapping import MODEL_VERSION
from claims.query import select
from claims.store import OxigraphStore
from claims.store.sparql import SparqlStore
from servers import OxigraphServer, Server, VirtuosoServer, oxigraph_binary, virtuoso_binaries

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
    index: Callable[[StatementIndex], int] | None = None  # the statement index's view, rows


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
      {{ SELECT ?quote ?article WHERE {{ ?quote prov:wasQuotedFrom ?article }} }}
      {{ SELECT ?article ?date WHERE {{ ?article schema:datePublished ?date }} }}
  }} ORDER BY DESC(?date) LIMIT 100 }}
  ?quote schema:text ?text ; claims:reportedBy ?publisher .
  ?publisher schema:name ?outlet .
}} ORDER BY DESC(?date)""", lambda index: len(index.quotations(speaker, limit=100))),
        Question("statements per speaker", 3.0, """
SELECT ?speaker (COUNT(?statement) AS ?statements) WHERE {
  ?statement claims:speakerName ?speaker .
} GROUP BY ?speaker ORDER BY DESC(?statements)""", None, lambda index: len(index.speakers(corrected=False))),
        Question("an outlet's statements in a date range (a quarter)", 1.0, f"""
SELECT ?statement ?text ?date WHERE {{
  ?outlet schema:name {where} .
  ?statement claims:reportedBy ?outlet ; claims:date ?date ; schema:text ?text .
  FILTER (?date >= "2021-01-01"^^xsd:date && ?date < "2021-04-01"^^xsd:date)
}} ORDER BY ?date""", f"""
SELECT ?statement ?text ?date WHERE {{
  ?outlet schema:name {where} .
  ?article schema:publisher ?outlet ; schema:datePublished ?date .
  FILTER (?date >= "2021-01-01"^^xsd:date && ?date < "2021-04-01"^^xsd:date)
  ?statement prov:wasDerivedFrom ?article ; schema:text ?text .
}} ORDER BY ?date""", lambda index: len(index.filter(
            Filters(outlet=outlet, since=date(2021, 1, 1), until=date(2021, 3, 31)), limit=None)[0])),
        Question(f"quotations containing a word ({word})", 5.0, f"""
SELECT ?quote ?text WHERE {{
  ?quote a claims:Quotation ; schema:text ?text .
  FILTER (CONTAINS(LCASE(?text), {what}))
}}""", f"""
SELECT ?quote ?text WHERE {{
  {{ SELECT ?quote ?text WHERE {{ ?quote schema:text ?text FILTER (CONTAINS(LCASE(?text), {what})) }} }}
  ?quote a claims:Quotation .
}}""", lambda index: len(index.filter(Filters(kind="quotation", text=word), limit=None)[0])),
        Question("quotations per outlet per month", 5.0, """
SELECT ?outlet ?month (COUNT(?quote) AS ?quotations) WHERE {
  ?quote a claims:Quotation ; claims:reportedBy ?publisher ; claims:date ?date .
  ?publisher schema:name ?outlet .
  BIND (SUBSTR(STR(?date), 1, 7) AS ?month)
} GROUP BY ?outlet ?month ORDER BY ?outlet ?month""", """
SELECT ?outlet ?month (SUM(?n) AS ?quotations) WHERE {
  { SELECT ?article (COUNT(?quote) AS ?n) WHERE { ?quote prov:wasQuotedFrom ?article } GROUP BY ?article }
  { SELECT ?article ?publisher WHERE { ?article schema:publisher ?publisher } }
  { SELECT ?article ?date WHERE { ?article schema:datePublished ?date } }
  ?publisher schema:name ?outlet .
  BIND (SUBSTR(STR(?date), 1, 7) AS ?month)
} GROUP BY ?outlet ?month ORDER BY ?outlet ?month"""),
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
Clock = Callable[[], float]  # CPU seconds used so far by whatever answers


@dataclass(frozen=True, slots=True)
class Timing:
    ms: float  # median wall time of the warm runs
    cpu_ms: float  # median CPU time of the same runs
    rows: int
    runs: int  # warm runs timed (1 when the warm-up took longer than the budget)


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


def index_runner(store: OxigraphStore, path: Path, view: Callable[[StatementIndex], int]) -> Runner:
    """The statement index's answer (the SPARQL text unused), opened afresh each run so that
    nothing it keeps between calls (counts, matches) answers for it."""
    def run(_text: str) -> int:
        index = StatementIndex.at(store, path)
        try:
            return view(index)
        finally:
            index.close()
    return run


def index_file(store: OxigraphStore, mode: str) -> Path | None:
    """The statement index beside ``store`` (``mode`` "build": built when missing or of an
    older layout, 8-14 min at 1M; "use": only if there; "skip": none)."""
    path = index_path(store)
    if mode == "skip" or path is None or (mode == "use" and not path.exists()):
        return None
    index = StatementIndex.open(store, sync=False, create=mode == "build")
    index.close()
    return path


def process_cpu(pid: int) -> float:
    """CPU seconds (user and system, every thread) used so far by process ``pid``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_clock(server: Server) -> Clock:
    """This process's CPU time and the server's: what one answer costs on both sides."""
    assert server.process is not None
    pid = server.process.pid
    return lambda: time.process_time() + process_cpu(pid)


def measure_each(runs: tuple[tuple[Runner, Clock], ...], text: str, budget: float) -> list[Timing]:
    """Median wall and CPU ms of warm runs for each runner, their runs taken in turn (the
    order reversed every turn) so that all meet the same load and the same cache on a shared
    machine: one warm-up turn, then at least three turns and up to ten within ``budget`` s a
    runner, or a single turn when the warm-up took longer than that."""
    walls: list[list[float]] = [[] for _ in runs]
    cpus: list[list[float]] = [[] for _ in runs]
    rows = [0 for _ in runs]

    def turn(order: list[int]) -> None:
        for side in order:
            run, clock = runs[side]
            wall, cpu = time.perf_counter(), clock()
            rows[side] = run(text)
            walls[side].append(time.perf_counter() - wall)
            cpus[side].append(clock() - cpu)

    order = list(range(len(runs)))
    begun = time.perf_counter()
    turn(order)
    least = 1 if time.perf_counter() - begun > len(runs) * budget else 3
    for kept in (*walls, *cpus):
        kept.clear()  # the warm-up
    begun = time.perf_counter()
    while len(walls[0]) < 10 and (len(walls[0]) < least or time.perf_counter() - begun < len(runs) * budget):
        order.reverse()
        turn(order)
    return [Timing(median_ms(w), median_ms(c), n, len(w)) for w, c, n in zip(walls, cpus, rows, strict=True)]


def virtuoso_for(size: int, nquads: str) -> VirtuosoServer:
    """A Virtuoso holding the size's N-Quads (loaded once: ld_dir, rdf_loader_run, checkpoint)."""
    binaries = virtuoso_binaries()
    assert binaries is not None
    folder = synth.CACHE / f"virtuoso-{size}-{synth.SEED}-m{MODEL_VERSION}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)  # a load that did not finish: start again
    allowed = (str(synth.CACHE), str(Path(nquads).resolve().parent))  # the cache may be a link
    server = VirtuosoServer(folder, binaries=binaries, dirs_allowed=allowed, buffers=340_000)
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
             forms: tuple[str, ...] = ("natural", "shaped"), only: tuple[str, ...] = (),
             index: str = "build") -> str:
    folder, meta = cached_store(size)
    speaker = str(meta["top_speaker"])
    asked = [q for q in questions(speaker) if not only or any(word in q.label for word in only)]
    results: dict[tuple[str, str], Timing] = {}
    store = OxigraphStore(folder, read_only=True, union=True)
    # the store's own count: the N-Quads repeat a reviewer's description with each review
    meta = {**meta, "quads": len(store.raw)}
    pair = ((api_runner(store), time.process_time), (raw_runner(store), time.process_time))
    for q in asked if "embedded" in engines else ():
        for form, text in (("", q.text if "natural" in forms else None),
                           (" shaped", q.shaped if "shaped" in forms else None)):
            if text:
                results[(q.label, "embedded" + form)], results[(q.label, "raw" + form)] = \
                    measure_each(pair, text, budget)
    store.close()
    print(report(size, meta, asked, results), flush=True)  # the embedded figures first
    try:
        if "serve" in engines and oxigraph_binary():
            with OxigraphServer(folder, binary=str(oxigraph_binary()), writable=False) as server:
                remote = SparqlStore(server.url, timeout=3600, retries=0, union=True)
                runs = ((api_runner(remote), server_clock(server)),)
                for q in asked:
                    results[(q.label, "serve")], = measure_each(runs, q.text, budget)
        if "virtuoso" in engines and virtuoso_binaries():
            with virtuoso_for(size, str(meta["path"])) as server:
                remote = SparqlStore(server.url, timeout=3600, retries=0)
                runs = ((api_runner(remote), server_clock(server)),)
                for q in asked:
                    results[(q.label, "virtuoso")], = measure_each(runs, q.text, budget)
    except Exception:  # a server that fails leaves its column empty, not the run lost
        traceback.print_exc()
    if "embedded" in engines and index != "skip":  # last: at 1M a missing index takes minutes
        store = OxigraphStore(folder, read_only=True, union=True)
        try:
            path = index_file(store, index)
            for q in asked if path is not None else ():
                if q.index is not None:
                    runs = ((index_runner(store, path, q.index), time.process_time),)
                    results[(q.label, "index")], = measure_each(runs, "", budget)
        except ClaimsError:  # an index that cannot be read leaves its column empty
            traceback.print_exc()
        finally:
            store.close()
    return report(size, meta, asked, results)


def index_cell(found: Timing | None, counts: set[int]) -> str:
    """The index's figures, with its rows where they differ from the SPARQL answers'."""
    if found is None:
        return "-"
    mark = "" if found.runs > 1 else "*"
    rows = "" if found.rows in counts or not counts else f" [{found.rows:,} rows]"
    return f"{found.ms:,.0f} ({found.cpu_ms:,.0f}){mark}{rows}"


def report(size: int, meta: dict[str, object], asked: list[Question],
           results: dict[tuple[str, str], Timing]) -> str:
    statements, quads = int(str(meta["statements"])), int(str(meta["quads"]))
    header = ["question", "target s", "rows", "embedded", "raw", "api/raw", "serve", "virtuoso",
              "shaped embedded", "shaped raw", "shaped api/raw", "index"]
    lines = []
    for q in asked:
        def cell(engine: str, q: Question = q) -> str:
            found = results.get((q.label, engine))
            mark = "" if not found or found.runs > 1 else "*"
            return f"{found.ms:,.0f} ({found.cpu_ms:,.0f}){mark}" if found else "-"
        def ratio(form: str, q: Question = q) -> str:
            api, raw = results.get((q.label, "embedded" + form)), results.get((q.label, "raw" + form))
            return (f"{api.ms / raw.ms:.2f} ({api.cpu_ms / raw.cpu_ms:.2f})"
                    if api and raw and raw.ms > 0 and raw.cpu_ms > 0 else "-")
        # the SPARQL answers agree on every engine; the index's free text matches words, not
        # substrings (claims.index.filters), and counts the speaker as corrected
        counts = ({t.rows for (label, engine), t in results.items() if label == q.label and engine != "index"}
                  or {t.rows for (label, _), t in results.items() if label == q.label})
        rows = "/".join(f"{c:,}" for c in sorted(counts))  # one number when every engine agrees
        lines.append([q.label, f"{q.target:g}" if q.target else "", rows, cell("embedded"),
                      cell("raw"), ratio(""), cell("serve"), cell("virtuoso"),
                      cell("embedded shaped"), cell("raw shaped"), ratio(" shaped"),
                      index_cell(results.get((q.label, "index")), counts)])
    title = (f"{statements:,} statements, {quads:,} quads ({quads / statements:.1f} a statement); "
             f"speaker {meta['top_speaker']} (the most quoted), outlet {OUTLET}; "
             f"ms, wall (CPU), * one warm run ({machine()})")
    return title + "\n" + table(header, lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    parser.add_argument("--budget", type=float, default=2.0,
                        help="seconds of repeated runs per query and engine (one run when slower)")
    parser.add_argument("--forms", nargs="*", default=["natural", "shaped"], choices=["natural", "shaped"],
                        help="on the embedded store: the questions as written, shaped, both, or "
                             "neither (none given: only the index, with --engines embedded)")
    parser.add_argument("--only", nargs="*", default=[], help="questions whose label has one of these words")
    parser.add_argument("--index", default="build", choices=["build", "use", "skip"],
                        help="the statement index beside the store: build it when missing (8-14 min "
                             "at 1M), use it only if there, or skip its column")
    args = parser.parse_args(argv)
    for size in args.sizes:
        print(run_size(size, tuple(args.engines), args.budget, forms=tuple(args.forms),
                       only=tuple(args.only), index=args.index), flush=True)
        print()


if __name__ == "__main__":
    main()
