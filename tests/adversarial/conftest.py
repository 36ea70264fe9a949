"""Adversarial suite: hostile servers, URLs, payloads and kills.

Short by default (CI budget: a few minutes); ``CLAIMS_ADVERSARIAL=long`` runs the long
variants (more kills, more fuzz examples, larger inputs).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

from hostile_http import Recorder, Seen

LONG = os.environ.get("CLAIMS_ADVERSARIAL", "").lower() == "long"


def scale(short: int, long: int) -> int:
    """How many of something to try: ``short`` by default, ``long`` in the long run."""
    return long if LONG else short


@pytest.fixture
def http_server() -> Iterator[Callable[..., Recorder]]:
    """Start recording servers: ``http_server(respond, host="127.0.0.1")``."""
    started: list[Recorder] = []

    def make(respond: Callable[[Seen], tuple[int, dict[str, str], bytes]],
             host: str = "127.0.0.1") -> Recorder:
        recorder = Recorder(respond, host=host).start()
        started.append(recorder)
        return recorder
    yield make
    for recorder in started:
        recorder.stop()
