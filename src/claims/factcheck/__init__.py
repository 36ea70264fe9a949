"""Fact-check memory: published fact-checks imported into the store, and every statement
matched against them (has this been checked already?).

- :func:`import_paths` / :func:`import_factchecks` read ClaimReview (JSON-LD, Google Fact Check
  Tools, vclaims JSON Lines / CSV) into one named graph per source (:mod:`.importer`);
- ratings are normalised through ``ontology/ratings.ttl`` (:mod:`.ratings`).
"""

from __future__ import annotations

from claims.factcheck.importer import ImportReport, import_factchecks, import_paths, read_path
from claims.factcheck.records import FactCheck, from_claimreview, from_google, from_row

__all__ = ["FactCheck", "ImportReport", "from_claimreview", "from_google", "from_row",
           "import_factchecks", "import_paths", "read_path"]
