"""Rebuild the shipped reference tables (``kb/reference/``) from ``../shared/reference/``.

``python -m claims.reference.build [--source DIR] [--target DIR]``. Each module of
:mod:`claims.reference` that ships a table has a ``build(source, target)`` that writes its
compact files and returns their paths; :data:`MODULES` lists them in the order they run.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from claims.reference import _REPO

SHARED = _REPO.parents[2] / "shared" / "reference"
MODULES: tuple[str, ...] = (  # each module that ships a table adds its line
    "claims.reference.countries",
    "claims.reference.groups",
    "claims.reference.people",
    "claims.reference.statistics",
)


def build(source: Path = SHARED, target: Path = _REPO) -> list[Path]:
    """Run every module's builder; returns the files written."""
    if not source.is_dir():
        raise SystemExit(f"no reference data at {source}")
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in MODULES:
        written += importlib.import_module(name).build(source, target)
    return written


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, default=SHARED)
    ap.add_argument("--target", type=Path, default=_REPO)
    args = ap.parse_args(argv)
    for path in build(args.source, args.target):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
