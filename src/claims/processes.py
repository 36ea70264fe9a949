"""Child processes that never outlive their parent (Linux ``PR_SET_PDEATHSIG``).

Used as ``preexec_fn`` of the ``oxigraph`` server under ``claims serve`` and as the
initializer of ingestion's worker processes: a ``kill -9`` of the parent then ends them
too, rather than leaving them running with the store locked or memory held.
"""

from __future__ import annotations

import ctypes
import os
import signal
from contextlib import suppress

PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """Ask the kernel to send SIGTERM to this process when its parent dies; exit now if
    ``parent`` (the expected parent pid) is already gone."""
    with suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(1)
