"""Derived layers: what is computed across articles, kept fresh by every write.

Article graphs hold what each article says. A derived layer (claim tracking, fact-check
matches, speaker links, figure checks) keeps what it computes across articles, or against
reference data, in named graphs of its own, recomputable at any time from the article
graphs, the reference data and the editors' decisions (:mod:`claims.decisions`). Writers
tell every enabled layer what they wrote, so a layer recomputes only what a write touches:

- ingestion calls :func:`articles_written` once a batch of articles has landed;
- :func:`claims.decisions.decide` calls :func:`decided` once a decision is stored;
- :func:`rebuild` recomputes a layer from scratch (after a rule change).

A layer that fails never fails the write it follows (the articles and the decision are
stored): the failure is logged and returned, so the caller can report the layer as stale
until it is rebuilt.

Layers are listed in :data:`KNOWN` (name -> ``module:attribute`` of an object that follows
:class:`Layer`), imported on first use; ``CLAIMS_LAYERS`` (comma-separated names, ``none``)
picks which run, all by default.

>>> sorted(enabled()) == sorted(KNOWN)
True
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Protocol, runtime_checkable

from claims.document import Document
from claims.statements import Decision, Statement
from claims.store.base import Store

log = logging.getLogger(__name__)

Written = tuple[Document, Sequence[Statement]]

# name -> "module:attribute"; a layer adds its line here, in the order layers must run.
KNOWN: dict[str, str] = {
    "link": "claims.link:LAYER",
    "factcheck": "claims.factcheck:LAYER",
    "check": "claims.check.layer:LAYER",
    "track": "claims.track:LAYER",
}


@runtime_checkable
class Layer(Protocol):
    """What a derived layer offers the writers."""

    name: str

    def articles_written(self, store: Store, articles: Sequence[Written]) -> None:
        """Recompute what the articles just stored (new or replaced) touch."""

    def decided(self, store: Store, decision: Decision) -> None:
        """Apply an editor's decision just stored (ignore decisions of other layers)."""

    def rebuild(self, store: Store) -> None:
        """Recompute the whole layer from the store, the reference data and the decisions."""


@cache
def load(name: str) -> Layer:
    """The layer registered under ``name``."""
    module, _, attribute = KNOWN[name].partition(":")
    layer = getattr(importlib.import_module(module), attribute)
    if not isinstance(layer, Layer):
        raise TypeError(f"{KNOWN[name]} is not a Layer")
    return layer


def enabled() -> list[str]:
    """The layers to run, in order: ``CLAIMS_LAYERS`` (``all`` by default, or ``none``)."""
    wanted = os.environ.get("CLAIMS_LAYERS", "all").strip().lower()
    if wanted in ("", "all"):
        return list(KNOWN)
    names = {n.strip() for n in wanted.split(",")}
    return [n for n in KNOWN if n in names]


def _each(action: str, store: Store, *args: object) -> dict[str, str]:
    failed: dict[str, str] = {}
    for name in enabled():
        try:
            getattr(load(name), action)(store, *args)
        except Exception as exc:  # a layer must never sink the write it follows
            log.warning("derived layer %s not updated: %s", name, exc)
            failed[name] = f"{type(exc).__name__}: {exc}"
    return failed


def articles_written(store: Store, articles: Sequence[Written]) -> dict[str, str]:
    """Tell every enabled layer of articles just stored; returns the layers that failed."""
    return _each("articles_written", store, articles) if articles else {}


def decided(store: Store, decision: Decision) -> dict[str, str]:
    """Tell every enabled layer of a decision just stored; returns the layers that failed."""
    return _each("decided", store, decision)


def rebuild(store: Store, name: str) -> None:
    """Recompute one layer from scratch (marked as owed while it runs, so a killed rebuild
    is finished by the next writer); it clears the marks of dead runs on the layer."""
    from claims import layer_runs

    dead = [m for m in layer_runs.abandoned(store) if m.layer == name]
    mark = layer_runs.begin(store, [name])
    load(name).rebuild(store)
    layer_runs.end(store, mark)
    layer_runs.clear(store, dead, [name])


def begin(store: Store) -> str | None:
    """Mark the enabled layers as owed an update by this process, before a write they will
    be told of (:mod:`claims.layer_runs`); the mark to pass to :func:`end`."""
    from claims import layer_runs

    return layer_runs.begin(store, enabled())


def end(store: Store, mark: str | None, failed: Iterable[str] = ()) -> None:
    """Remove the mark of :func:`begin`, keeping the layers that ``failed`` marked (stale)."""
    from claims import layer_runs

    layer_runs.end(store, mark, keep=failed)


def recover(store: Store) -> dict[str, str]:
    """Rebuild every enabled layer that a process now gone left owed an update (killed
    during ingestion, a decision or a rebuild; or a layer that failed); returns the layers
    whose rebuild failed. Nothing is read when no layer is enabled."""
    from claims import layer_runs

    names = enabled()
    if not names:
        return {}
    dead = [m for m in layer_runs.abandoned(store) if m.layer in names]
    failed: dict[str, str] = {}
    for name in [n for n in names if any(m.layer == n for m in dead)]:
        log.warning("derived layer %s was left stale by an interrupted writer: rebuilding it", name)
        try:
            load(name).rebuild(store)
        except Exception as exc:  # reported as stale, as a failed update is
            log.warning("derived layer %s not rebuilt: %s", name, exc)
            failed[name] = f"{type(exc).__name__}: {exc}"
    layer_runs.clear(store, dead, [n for n in names if n not in failed])
    return failed
