"""Reference data the product ships: people, countries, groups, statistics.

Compact tables in ``kb/reference/`` (their sources and licences in its README), rebuilt
from ``../shared/reference/`` by ``python -m claims.reference.build``, read lazily and once
through :func:`table`. One module per kind of data (people for the speaker linker and the
extractor, countries, groups and statistics for the figure checker), all reading through
this one function, so that opening the knowledge base costs nothing until a table is used.

>>> directory().name
'reference'
"""

from __future__ import annotations

import csv
import gzip
import io
import os
from functools import cache
from importlib import resources
from pathlib import Path

from claims.errors import ClaimsError

__all__ = ["ReferenceMissing", "directory", "table"]

_REPO = Path(__file__).resolve().parents[3] / "kb" / "reference"


class ReferenceMissing(ClaimsError):
    code = "reference-missing"
    hint = "the shipped reference table is missing; rebuild it with 'python -m claims.reference.build'"


def directory() -> Path:
    """Where the shipped tables are: ``CLAIMS_REFERENCE``, else the installed package's copy,
    else the repository's ``kb/reference/``."""
    if os.environ.get("CLAIMS_REFERENCE"):
        return Path(os.environ["CLAIMS_REFERENCE"])
    packaged = resources.files("claims") / "_reference"
    if packaged.is_dir():
        return Path(str(packaged))
    return _REPO


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of the shipped table ``name`` (``NAME.csv.gz`` or ``NAME.csv``), read once."""
    folder = directory()
    for path, opener in ((folder / f"{name}.csv.gz", gzip.open), (folder / f"{name}.csv", open)):
        if path.is_file():
            with opener(path, "rb") as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                return tuple(csv.DictReader(text))
    raise ReferenceMissing(str(folder / f"{name}.csv[.gz]"))
