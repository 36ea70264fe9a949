"""Read articles into :class:`Document` s: plain text, HTML, and batches.

Plain text (``.txt``) is a page's text. Its metadata comes from, in order of precedence,
a sidecar ``NAME.json`` beside the file (keys: title, url, publisher, author, date, site,
language, credit) and a header at the top of the file: ``Key: value`` lines (same keys,
any case) ended by a blank line. Site boilerplate (skip links, subscription and donation
prompts), a duplicated standfirst line and a syndication credit ("Courtesy: DW", kept as
``derived_from``) are removed from the text.

>>> doc = from_text("Skip to main content\\n\\nA title line\\n\\nHe said: \\"Yes.\\"\\n\\nCourtesy: DW",
...                 id="t")
>>> doc.title, doc.text, doc.derived_from
('A title line', 'He said: "Yes."', 'DW')
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from claims.config import max_bytes
from claims.document import Document
from claims.errors import (
    BadMetadata,
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    InputTooLarge,
    InvalidUrl,
    MalformedBatch,
    NoArticleText,
)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
BATCH_SUFFIXES = {".jsonl", ".ndjson"}
MIN_HTML_WORDS = 10  # less than this from a page is navigation, not an article
META_KEYS = {"title", "url", "publisher", "author", "date", "site", "language", "credit"}

# Site furniture: strong patterns drop a line anywhere, weak ones only a line of a few words;
# a line with quotation marks is never dropped as furniture.
_STRONG = re.compile(r"skip to (main )?content|subscribe to|support (independent|our journalism)|"
                     r"donate (now|today|to)|telegram (app|channel)|sign up for our", re.IGNORECASE)
_WEAK = re.compile(r"\b(subscribe|newsletter|share this|follow us|advertisement|cookies?|"
                   r"all rights reserved|sign up|donate)\b", re.IGNORECASE)
_QUOTE_MARKS = re.compile("[\"\u201c\u201d\u00ab\u00bb]")
_CREDIT = re.compile(r"^(courtesy|source|with inputs from|originally published by)\s*:\s*(.+?)\.?$",
                     re.IGNORECASE)
_HEADER = re.compile(r"^([A-Za-z]+):\s*(.*)$")
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# A lone surrogate (pasted or from a JSON escape) is no character: it becomes U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Control characters (NUL and the like) are never article text; tabs are kept.
_CONTROLS = {c: None for c in [*range(0, 9), *range(11, 32), 127]}


def decode(data: bytes, *, name: str = "input") -> str:
    """Bytes to text: UTF-8 (with or without BOM) or BOM-marked UTF-16, else a coded error."""
    if len(data) > max_bytes():
        raise InputTooLarge(f"{name} is {len(data):,} bytes")
    if not data.strip():
        raise EmptyInput(name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise EncodingError(name, hint="it starts with a UTF-16 byte-order mark but is not "
                                           "UTF-16; convert it to UTF-8") from None
        if "\x00" in text[:8192]:
            raise BinaryInput(name)
        return text
    if b"\x00" in data[:8192]:
        raise BinaryInput(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise EncodingError(name) from None
    controls = sum(1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192):
        raise BinaryInput(name)
    return text


def is_boilerplate(line: str) -> bool:
    """A line of site furniture: skip links, subscription and donation prompts."""
    if _QUOTE_MARKS.search(line) and not line.lower().startswith("skip to"):
        return False
    return bool(_STRONG.search(line) or (len(line.split()) <= 8 and _WEAK.search(line)))


def _norm(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().lower()


def clean_lines(lines: list[str]) -> tuple[list[str], str | None]:
    """Drop boilerplate and repeated lines; return the paragraphs and the syndication credit."""
    credit = None
    kept: list[str] = []
    for line in (ln.strip() for ln in lines):
        if not line or is_boilerplate(line):
            continue
        match = _CREDIT.match(line)
        if match and len(line) < 80:
            credit = match[2].strip()
            continue
        kept.append(line)
    # A repeated line (a standfirst printed twice) is kept once: the fullest copy, in its place.
    best: dict[str, int] = {}
    for i, line in enumerate(kept):
        key = _norm(line)
        if key not in best or len(line) > len(kept[best[key]]):
            best[key] = i
    return [line for i, line in enumerate(kept) if best[_norm(line)] == i], credit


def _header(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    meta: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            return (meta, "\n".join(lines[i + 1:])) if meta else ({}, text)
        match = _HEADER.match(line)
        if not match or match[1].lower() not in META_KEYS:
            return {}, text
        meta[match[1].lower()] = match[2].strip()
    return {}, text


def _is_title(line: str) -> bool:
    return len(line) < 160 and not line.endswith((".", '"', "”", ":")) and len(line.split()) >= 3


def check_meta(meta: dict[str, Any], where: str) -> dict[str, Any]:
    """``meta`` when its URL is an http(s) URL and its date a real date; else a coded error
    (a ``javascript:`` URL would become a link, ``2020-13-45`` an ill-typed ``xsd:date``)."""
    from claims.model.mapping import valid_date

    url, when = meta.get("url"), meta.get("date")
    if url and (not str(url).lower().startswith(("http://", "https://"))
                or any(c.isspace() or unicodedata.category(c) == "Cc" for c in str(url))):
        raise InvalidUrl(where, hint=f"{str(url)[:200]!r} is not an http(s) URL")
    if when and re.match(r"^\d{4}-\d{2}-\d{2}", str(when)) and not valid_date(str(when)):
        raise BadMetadata(where, hint=f"{str(when)[:40]!r} is not a real date (YYYY-MM-DD)")
    return meta


def _document(id: str, paragraphs: list[str], meta: dict[str, Any], credit: str | None) -> Document:
    meta = {k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in meta.items()}
    check_meta(meta, meta.get("source") or id)
    paragraphs = [_SURROGATE.sub("\ufffd", _SPACES.sub(" ", unicodedata.normalize("NFC", p)))
                  .translate(_CONTROLS) for p in paragraphs]
    credit = _SURROGATE.sub("\ufffd", credit) if credit else credit
    title = meta.get("title")
    if not title and len(paragraphs) > 1 and _is_title(paragraphs[0]):
        title = paragraphs.pop(0)
    elif title and paragraphs and _norm(paragraphs[0]) == _norm(title):
        paragraphs.pop(0)
    text = "\n\n".join(paragraphs)
    if not text.strip():
        raise NoArticleText(id)
    return Document(id=id, text=text, title=title or None, url=meta.get("url") or None,
                    publisher=meta.get("publisher") or None, author=meta.get("author") or None,
                    date=meta.get("date") or None, site=meta.get("site") or None,
                    language=meta.get("language") or None,
                    derived_from=meta.get("credit") or credit, source=meta.get("source"))


def check_size(data: str | bytes, name: str) -> None:
    """:class:`InputTooLarge` when ``data`` (UTF-8 for text) exceeds ``CLAIMS_MAX_BYTES``:
    pasted and fetched text too, not only files."""
    limit = max_bytes()
    if len(data) * (4 if isinstance(data, str) else 1) <= limit:
        return
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise InputTooLarge(f"{name} is {size:,} bytes")


def from_text(text: str, *, id: str, **meta: Any) -> Document:
    """A Document from a page's plain text, with boilerplate removed."""
    check_size(text, id)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header, text = _header(text)
    paragraphs, credit = clean_lines(text.split("\n"))
    return _document(id, paragraphs, {**header, **{k: v for k, v in meta.items() if v}}, credit)


def from_html(html: str | bytes, *, id: str, url: str | None = None, **meta: Any) -> Document:
    """A Document from an HTML page: main text and metadata by trafilatura."""
    import trafilatura

    check_size(html, id)

    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                             include_tables=False, include_comments=False)
        if result is None:  # libxml2 stops at 255 nested elements: parse again without that limit
            result = trafilatura.bare_extraction(_deep_tree(html), url=url, with_metadata=True,
                                                 include_tables=False, include_comments=False)
    except Exception as exc:  # trafilatura raises lxml and value errors on broken pages
        raise NoArticleText(id, hint=f"the page could not be parsed ({exc})") from exc
    if not isinstance(result, trafilatura.settings.Document) \
            or len((result.text or "").split()) < MIN_HTML_WORDS:
        raise NoArticleText(id)
    found = {"title": result.title, "url": url or result.url, "publisher": result.sitename,
             "author": result.author, "date": result.date, "site": result.hostname,
             "language": result.language}
    paragraphs, credit = clean_lines(str(result.text).split("\n"))
    merged = {k: v for k, v in found.items() if v} | {k: v for k, v in meta.items() if v}
    return _document(id, paragraphs, merged, credit)


def _deep_tree(html: str | bytes) -> Any:
    """``html`` parsed with libxml2's limits lifted (``huge_tree``: elements nested up to about
    a thousand deep), for a page that the default parse cut off; its size is already bounded
    by :func:`check_size`, and HTML parsing expands no user-defined entities."""
    import lxml.html

    if isinstance(html, str):
        html = html.encode("utf-8")
    return lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True, encoding="utf-8"))


def _sidecar(path: Path) -> dict[str, Any]:
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise InputError(f"{sidecar}: not valid JSON ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise InputError(f"{sidecar}: must hold a JSON object")
    wrong = [k for k, v in data.items() if k in META_KEYS and v is not None and not isinstance(v, str)]
    if wrong:
        raise BadMetadata(str(sidecar), hint=f"'{wrong[0]}' must be a string")
    return {k: v for k, v in data.items() if k in META_KEYS and v is not None}


def read_file(path: str | Path) -> Document:
    """One article file: ``.txt`` (with header or sidecar metadata) or ``.html``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    text = decode(path.read_bytes(), name=str(path))
    meta = {**_sidecar(path), "source": str(path)}
    looks_html = text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    if path.suffix.lower() in HTML_SUFFIXES or looks_html:
        return from_html(text, id=path.stem, **meta)
    return from_text(text, id=path.stem, **meta)


def read_batch(path: str | Path) -> Iterator[Document | InputError]:
    """Articles of a JSON Lines file: one object a line with ``text`` (or ``html``) and metadata.

    Yields a Document per good line and an :class:`InputError` per bad one (not JSON, not
    UTF-8, nested too deep, a field of the wrong type, a bad URL or date), so a batch can
    report its failures and still ingest the rest. The file is read a line at a time; a
    UTF-16 file (byte-order mark) is decoded whole, a binary one is one failure.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        yield InputError(f"{path}: {exc.strerror or exc}")
        return
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            lines: Iterator[bytes] = iter(decode(path.read_bytes(), name=str(path)).encode("utf-8")
                                          .splitlines())
        except (InputError, UnicodeError) as exc:
            yield exc if isinstance(exc, InputError) else EncodingError(str(path))
            return
        yield from _batch_lines(path, lines)
    elif b"\x00" in head:
        yield BinaryInput(str(path))
    else:
        with path.open("rb") as fh:
            yield from _batch_lines(path, fh)


def _batch_lines(path: Path, lines: Iterable[bytes]) -> Iterator[Document | InputError]:
    for number, raw in enumerate(lines, 1):
        where = f"{path}:{number}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield EncodingError(where)
            continue
        if not line.strip():
            continue
        try:
            yield _record(json.loads(line), path, number)
        except RecursionError:
            yield MalformedBatch(where, hint="nested too deep to be an article")
        except ValueError as exc:
            yield MalformedBatch(where, hint=f"not JSON ({exc})")
        except InputError as exc:
            yield exc


def _record(record: object, path: Path, number: int) -> Document:
    """One JSON Lines record as a Document; wrong types are a coded error, never a repr."""
    where = f"{path}:{number}"
    if not isinstance(record, dict) or not ({"text", "html"} & record.keys()):
        raise MalformedBatch(where)
    for key in ("text", "html", "id", *META_KEYS):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise MalformedBatch(where, hint=f"'{key}' must be a string, not {type(value).__name__}")
    body, html = record.get("text"), record.get("html")
    if not (body or html):
        raise MalformedBatch(where, hint="'text' (or 'html') must be a non-empty string")
    doc_id = str(record.get("id") or f"{path.stem}-{number}")
    meta = {k: v for k, v in record.items() if k in META_KEYS and v}
    meta["source"] = where
    if html:
        return from_html(str(html), id=doc_id, **meta)
    text = decode(str(body).encode("utf-8", "surrogatepass"), name=where)
    return from_text(text, id=doc_id, **meta)


def read(path: str | Path) -> Iterator[Document | InputError]:
    """Every article under ``path``: a file, a JSON Lines batch, or a directory of them."""
    path = Path(path)
    if path.is_dir():
        for child in sorted(path.iterdir()):
            suffix = child.suffix.lower()
            if child.is_file() and suffix in TEXT_SUFFIXES | HTML_SUFFIXES | BATCH_SUFFIXES:
                yield from read(child)
    elif path.suffix.lower() in BATCH_SUFFIXES:
        yield from read_batch(path)
    else:
        try:
            yield read_file(path)
        except InputError as exc:
            yield exc
        except RecursionError:
            yield NoArticleText(str(path), hint="the page is nested too deep to be read")
