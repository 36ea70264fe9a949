"""Marks of derived-layer updates in progress, kept in the store, so that a killed writer
leaves the layers it owed an update to known as stale and the next writer rebuilds them.

A writer that will tell layers of a write (ingestion, :func:`claims.pipeline.write`, a
decision, a rebuild) first stores a mark, ``<{base}graph/layers/run/{id}>``, naming the
layers and the process (host, pid, its start time); it removes the mark once the layers are
done, keeping the names of those that failed. A mark whose process is gone (a ``kill -9``,
a power cut, a layer that failed) says the layer may be behind the articles or half
rewritten: :func:`claims.layers.recover` rebuilds it. Marks of processes on other hosts
are left to their owners (or to an explicit ``claims layers rebuild``).
"""

from __future__ import annotations

import hashlib
import os
import socket
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from claims.config import base_iri
from claims.query import expand, select
from claims.store.base import Store
from claims.vocab import CLAIMS

_MARKS = """
PREFIX claims: <https://w3id.org/claims#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?g ?layer ?process ?ended WHERE {
  GRAPH ?g { ?run a claims:LayerUpdate ; claims:layerName ?layer ; claims:process ?process
             OPTIONAL { ?run prov:endedAtTime ?ended } }
}
"""


@dataclass(frozen=True, slots=True)
class Mark:
    """One layer a run owes an update to: the mark's graph, the layer, the process, and
    whether the run ended (the layer failed: it stays owed)."""

    graph: str
    layer: str
    process: str
    ended: bool = False

    @property
    def alive(self) -> bool:
        """Whether the run is still at work: not ended, and its process still runs (on
        another host: assumed)."""
        if self.ended:
            return False
        host, _, rest = self.process.partition("/")
        pid, _, started = rest.partition("/")
        if host != socket.gethostname():
            return True
        if not pid.isdigit():
            return False
        return _started(int(pid)) == started


def _started(pid: int) -> str | None:
    """The start time of process ``pid`` (clock ticks since boot; "" where /proc is not
    there and the process exists), None when there is no such process."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return None if fields[0] == "Z" else fields[19]
    except (FileNotFoundError, IndexError, ProcessLookupError):
        return None
    except OSError:
        with suppress(OSError):
            os.kill(pid, 0)
            return ""
        return None


@cache
def _me(pid: int) -> str:
    return f"{socket.gethostname()}/{pid}/{_started(pid) or ''}"


def process() -> str:
    """This process, as marks name it: ``host/pid/start time``."""
    return _me(os.getpid())


def begin(store: Store, layers: Iterable[str]) -> str | None:
    """Store a mark that this process owes ``layers`` an update; returns the mark's graph
    (None when there are no layers: nothing to mark)."""
    names = sorted(set(layers))
    if not names:
        return None
    now = datetime.now(UTC)
    me = process()
    key = hashlib.sha1(f"{me}/{now.isoformat()}/{','.join(names)}".encode()).hexdigest()[:20]
    graph = Graph(identifier=URIRef(f"{base_iri()}graph/layers/run/{key}"))
    for name in names:
        run = URIRef(f"{base_iri()}layer-run/{key}/{name}")
        graph.add((run, RDF.type, CLAIMS.LayerUpdate))
        graph.add((run, CLAIMS.layerName, Literal(name)))
        graph.add((run, CLAIMS.process, Literal(me)))
        graph.add((run, PROV.startedAtTime, Literal(now.isoformat(), datatype=XSD.dateTime)))
    store.add(graph)
    return str(graph.identifier)


def end(store: Store, mark: str | None, *, keep: Iterable[str] = ()) -> None:
    """Remove the mark ``begin`` stored, but for the layers in ``keep`` (those that failed:
    they stay marked, to be rebuilt)."""
    if mark is None:
        return
    kept = set(keep)
    if kept:
        graph = Graph(identifier=URIRef(mark))
        for m in marks(store):
            if m.graph == mark and m.layer in kept:
                run = URIRef(f"{base_iri()}layer-run/{mark.rsplit('/', 1)[-1]}/{m.layer}")
                graph.add((run, RDF.type, CLAIMS.LayerUpdate))
                graph.add((run, CLAIMS.layerName, Literal(m.layer)))
                graph.add((run, CLAIMS.process, Literal(m.process)))
                graph.add((run, PROV.endedAtTime, Literal(datetime.now(UTC).isoformat(),
                                                          datatype=XSD.dateTime)))
        if len(graph):
            store.replace_graph(graph)
            return
    store.remove_graph(mark)


def marks(store: Store) -> list[Mark]:
    """Every mark in the store."""
    frame = select(store, _MARKS)
    return [Mark(expand(str(row["g"])), str(row["layer"]), str(row["process"]),
                 isinstance(row.get("ended"), str | datetime))
            for row in frame.to_dict("records")]


def abandoned(store: Store) -> list[Mark]:
    """The marks of runs that ended with a layer failed or whose process is gone: layers
    that may be behind or half rewritten."""
    return [m for m in marks(store) if not m.alive]


def clear(store: Store, found: Iterable[Mark], layers: Iterable[str]) -> None:
    """Remove the marks ``found`` of the ``layers`` (just rebuilt), keeping a graph's other
    layers marked."""
    done = set(layers)
    by_graph: dict[str, list[Mark]] = {}
    for m in found:
        by_graph.setdefault(m.graph, []).append(m)
    for graph, inside in by_graph.items():
        left = [m.layer for m in inside if m.layer not in done]
        end(store, graph, keep=left)


__all__ = ["Mark", "abandoned", "begin", "clear", "end", "marks", "process"]
