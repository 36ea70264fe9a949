"""Fuzzing the entry points that take outside text: nothing but a coded error may escape.

``max_examples`` is small by default and 10,000 an entry point with
``CLAIMS_ADVERSARIAL=long``; extraction runs under a time budget so that one slow example
fails as a coded timeout, never hangs the run.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.csvsafe import FORMULA_STARTS, safe_cell
from claims.document import Document
from claims.errors import ClaimsError, redact
from claims.extract import extract
from claims.extract.budget import budget
from claims.reader import decode, from_html, from_text, read_batch
from claims.store.guard import check_services
from hostile_http import scale

EXAMPLES = scale(150, 10_000)
# 10,000 pages through trafilatura take longer than the suite's 600 s a test (about 10 min
# for from_html alone on a loaded machine): the long run gives each entry point an hour.
pytestmark = pytest.mark.timeout(scale(600, 3600))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
# Text with the characters extraction cares about, often.
NEWSY = st.lists(st.sampled_from([*'"“”‘’\'«» .,:;!?-—\n\tSaidtoldPutin XiAa0123()[]<>&=+@\x00\ud800',
                                  "said ", "told ", "according to ", "Mr. ", "\n\n", "Vladimir Putin "]),
                 max_size=200).map("".join)


@FUZZ
@given(st.binary(max_size=2000))
def test_decode(data: bytes) -> None:
    with contextlib.suppress(ClaimsError):
        decode(data)


@FUZZ
@given(st.one_of(NEWSY, st.text(max_size=400)))
def test_from_text_and_extract(text: str) -> None:
    try:
        doc = from_text(text, id="fuzz")
    except ClaimsError:
        return
    with budget(30, "fuzz"):
        try:
            statements = extract(doc)
        except ClaimsError:
            return
    for statement in statements:
        assert doc.text[statement.span.start:statement.span.end] == statement.text


@FUZZ
@given(st.one_of(NEWSY, st.text(max_size=300)).map(lambda t: f"<html><body><p>{t}</p></body></html>"))
def test_from_html(html: str) -> None:
    with contextlib.suppress(ClaimsError):
        from_html(html, id="fuzz")


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                        st.sampled_from(["text", "html", "id", "title", "url", "date", "x"]), inner,
                        max_size=5), max_leaves=20)


@FUZZ
@given(st.lists(st.one_of(JSON.map(json.dumps).map(str.encode), st.binary(max_size=200)), max_size=5))
def test_read_batch(tmp_path_factory: pytest.TempPathFactory, lines: list[bytes]) -> None:
    path: Path = tmp_path_factory.mktemp("fuzz") / "batch.jsonl"
    path.write_bytes(b"\n".join(lines))
    for item in read_batch(path):
        assert isinstance(item, ClaimsError | Document)


@FUZZ
@given(st.one_of(NEWSY, st.text(max_size=300)).map(lambda t: f"SELECT * WHERE {{ {t} }}"))
def test_service_check(text: str) -> None:
    with contextlib.suppress(ClaimsError):
        check_services(text)


@FUZZ
@given(st.text(max_size=60))
def test_csv_cells_and_redaction(text: str) -> None:
    assert not str(safe_cell(text)).startswith(FORMULA_STARTS)
    assert "s3cret" not in redact(f"http://u:s3cret@{text}")
