"""``%%sparql``: run a cell's SPARQL against the current store, or an endpoint, into pandas.

``%load_ext claims`` registers it. The usual prefixes are declared for you::

    %%sparql                         # the current store (CLAIMS_STORE, default kb/store)
    SELECT ?speaker (COUNT(*) AS ?n) WHERE { ?s claims:speakerName ?speaker } GROUP BY ?speaker

    %%sparql --store https://query.example.org/sparql --out df
    SELECT ...

A query without ``GRAPH`` sees the union of every named graph; ``--strict`` makes it see
the store's own default graph only (empty here), ``--union`` the union whatever
``CLAIMS_DATASET`` says. SELECT gives a DataFrame, ASK a bool, CONSTRUCT/DESCRIBE Turtle
text. ``--out NAME`` also stores the result in the user namespace. Errors (syntax with line and column, an
unreachable endpoint) are printed as one clear message, not a traceback.
"""

from __future__ import annotations

import shlex
import sys
from typing import Any

from claims.errors import ClaimsError
from claims.store import Store, open_store

_current: Store | None = None
_opened: dict[str, Store] = {}


def use_store(store: Store | None) -> None:
    """Make ``store`` the one ``%%sparql`` queries by default (``None``: CLAIMS_STORE again)."""
    global _current
    _current = store


def current_store() -> Store:
    global _current
    if _current is None:
        _current = open_store(shared=True)
    return _current


def _store(spec: str | None) -> Store:
    if spec is None:
        return current_store()
    if spec not in _opened:
        _opened[spec] = open_store(spec, shared=True)
    return _opened[spec]


USAGE = "usage: %%sparql [--store URL] [--out NAME] [--strict | --union]"


def parse_line(line: str) -> dict[str, str | None]:
    """``--store URL``, ``--out NAME`` and ``--strict`` / ``--union`` from the magic's line.

    >>> parse_line("--strict --out df")
    {'store': None, 'out': 'df', 'dataset': 'strict'}
    """
    words = shlex.split(line)
    options: dict[str, str | None] = {"store": None, "out": None, "dataset": None}
    while words:
        word = words.pop(0)
        key = word.lstrip("-")
        if word in ("--strict", "--union"):
            options["dataset"] = key
        elif word.startswith("--") and key in ("store", "out") and words:
            options[key] = words.pop(0)
        elif word.startswith("--") and "=" in key and key.split("=", 1)[0] in ("store", "out"):
            name, value = key.split("=", 1)
            options[name] = value
        else:
            raise ClaimsError(f"unknown option {word!r}", hint=USAGE)
    return options


def sparql(line: str, cell: str, namespace: dict[str, Any] | None = None) -> Any:
    """The cell magic's body; returns the result, or None after printing a ClaimsError."""
    from claims.widgets.workbench import run_sparql

    try:
        options = parse_line(line)
        union = None if options["dataset"] is None else options["dataset"] == "union"
        result = run_sparql(_store(options["store"]), cell, union=union)
    except ClaimsError as exc:
        print(exc.message, file=sys.stderr)
        return None
    if options["out"] and namespace is not None:
        namespace[options["out"]] = result
    return result


def load_ipython_extension(ipython: Any) -> None:
    def magic(line: str, cell: str) -> Any:
        return sparql(line, cell, ipython.user_ns)

    magic.__doc__ = __doc__
    ipython.register_magic_function(magic, magic_kind="cell", magic_name="sparql")
