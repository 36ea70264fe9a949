"""Settings read from the environment, with defaults that suit a fresh checkout.

``CLAIMS_STORE``  where the knowledge base lives: a directory (embedded Oxigraph),
                  ``memory:`` (in-memory rdflib), or an ``http(s)://`` SPARQL endpoint.
``CLAIMS_BASE``   the base from which instance IRIs are minted.
``CLAIMS_MAX_BYTES`` the largest article accepted by ingest.
``CLAIMS_DATASET`` what a query without ``GRAPH`` sees: ``union`` (default) the union of
                  every named graph (the article graphs, the entities and the reviews), or
                  ``strict`` the store's own default graph (empty here), as the SPARQL
                  specification's stores do.
"""

from __future__ import annotations

import os
from pathlib import Path

from claims.errors import StoreError

DEFAULT_BASE = "https://w3id.org/claims/kb/"
DEFAULT_MAX_BYTES = 5_000_000
PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The checkout the package runs from (two levels above ``src/claims``), else the cwd."""
    root = PACKAGE_DIR.parents[1]
    return root if (root / "pyproject.toml").exists() else Path.cwd()


def ontology_dir() -> Path:
    """``ontology/`` of the checkout, or the copy packaged into a wheel."""
    packaged = PACKAGE_DIR / "_ontology"
    return packaged if packaged.is_dir() else project_root() / "ontology"


def store_spec() -> str:
    return os.environ.get("CLAIMS_STORE") or str(project_root() / "kb" / "store")


def base_iri() -> str:
    base = os.environ.get("CLAIMS_BASE") or DEFAULT_BASE
    return base if base.endswith(("/", "#", ":")) else base + "/"


def union_default_graph(override: bool | None = None) -> bool:
    """Whether queries without ``GRAPH`` see the union of the named graphs: ``override``
    unless it is None, else ``CLAIMS_DATASET``."""
    if override is not None:
        return override
    value = (os.environ.get("CLAIMS_DATASET") or "union").strip().lower()
    if value not in ("union", "strict"):
        raise StoreError(f"CLAIMS_DATASET={value!r}", hint="set it to 'union' or 'strict'")
    return value == "union"


def max_bytes() -> int:
    return int(os.environ.get("CLAIMS_MAX_BYTES") or DEFAULT_MAX_BYTES)
