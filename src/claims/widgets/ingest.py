"""The ingest panel: paste text, upload files or fetch a URL; preview; then commit.

Nothing is fetched until the user presses "Fetch" (through :func:`claims.fetch.fetch`: public
http(s) addresses only, redirects and size limited), and nothing is stored until "Commit":
the preview runs the same extraction (:func:`claims.analyse`) without touching the store.
Each article is committed through :func:`claims.ingest` (one transaction each), with a
progress bar for batches; then the shared statement table is rebuilt.
"""

from __future__ import annotations

import hashlib
import html
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import ipywidgets as W

from claims.document import Document
from claims.errors import ClaimsError, InputError
from claims.fetch import fetch
from claims.pipeline import Analysis, analyse, ingest
from claims.reader import from_html, from_text, read
from claims.store.base import Store
from claims.widgets._errors import ErrorPanel
from claims.widgets.table import StatementTable

__all__ = ["IngestPanel", "fetch"]

Fetcher = Callable[[str], bytes]
SOURCES = ("Paste", "Upload", "URL")


def _id(prefix: str, text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return f"{prefix}-{hashlib.sha256(data).hexdigest()[:8]}"


class IngestPanel(W.VBox):  # type: ignore[misc]
    """Paste / Upload / URL tabs, a preview of the extracted statements, and Commit."""

    def __init__(self, store: Store, *, table: StatementTable | None = None,
                 fetcher: Fetcher = fetch) -> None:
        self.store = store
        self.table = table
        self.fetcher = fetcher
        self.analyses: list[Analysis] = []
        self.fetched: bytes | None = None
        self.errors = ErrorPanel()
        self.text = W.Textarea(placeholder="Paste the article's text here",
                               layout=W.Layout(width="95%", height="200px"))
        self.title = W.Text(description="Title")
        self.outlet = W.Text(description="Outlet")
        self.date = W.Text(description="Date", placeholder="YYYY-MM-DD")
        self.upload = W.FileUpload(accept=".txt,.json,.html,.htm,.jsonl", multiple=True,
                                   description="Upload files")
        self.url = W.Text(description="URL", placeholder="https://…", layout=W.Layout(width="80%"))
        self.fetch_button = W.Button(description="Fetch", icon="cloud-download")
        self.fetch_status = W.HTML()
        self.source = W.Tab(children=[
            W.VBox([self.text, W.HBox([self.title, self.outlet, self.date])]),
            W.VBox([self.upload]),
            W.VBox([W.HBox([self.url, self.fetch_button]), self.fetch_status])])
        for i, name in enumerate(SOURCES):
            self.source.set_title(i, name)
        self.preview_button = W.Button(description="Preview", icon="eye", button_style="info")
        self.commit_button = W.Button(description="Commit", icon="database", button_style="success",
                                      disabled=True)
        self.bar = W.IntProgress(min=0, max=1, value=0, description="Stored")
        self.preview = W.HTML()
        self.result = W.HTML()
        for name in ("text", "upload", "url", "fetch_button", "preview_button", "commit_button",
                     "preview", "result"):
            getattr(self, name).add_class(f"claims-ingest-{name}")
        self.fetch_button.on_click(self.errors.guard(lambda _: self.do_fetch()))
        self.preview_button.on_click(self.errors.guard(lambda _: self.do_preview()))
        self.commit_button.on_click(self.errors.guard(lambda _: self.do_commit()))
        super().__init__([self.source, W.HBox([self.preview_button, self.commit_button, self.bar]),
                          self.errors, self.result, self.preview])
        self.add_class("claims-ingest")

    def do_fetch(self) -> None:
        """Fetch the URL now (only when asked), ready for Preview."""
        url = self.url.value.strip()
        self.fetched = None
        self.fetched = self.fetcher(url)
        self.fetch_status.value = f"Fetched {len(self.fetched):,} bytes from {html.escape(url)}"

    def documents(self) -> list[Document]:
        """The articles given in the selected tab (errors raised as ClaimsError)."""
        tab = SOURCES[self.source.selected_index or 0]
        if tab == "Paste":
            meta = {"title": self.title.value.strip() or None, "publisher": self.outlet.value.strip() or None,
                    "date": written_date(self.date.value)}
            return [from_text(self.text.value, id=_id("pasted", self.text.value), **meta)]
        if tab == "URL":
            if self.fetched is None:
                raise InputError("nothing fetched yet", hint="enter a URL and press Fetch first")
            url = self.url.value.strip()
            return [from_html(self.fetched, id=_id("url", url), url=url)]
        return self._uploaded()

    def _uploaded(self) -> list[Document]:
        files: tuple[dict[str, Any], ...] = tuple(self.upload.value)
        if not files:
            raise InputError("no file uploaded",
                             hint="choose .txt (with its .json metadata), .html or .jsonl files")
        docs: list[Document] = []
        with tempfile.TemporaryDirectory(prefix="claims-upload-") as folder:
            paths = []
            for item in files:  # write them all first: a .json beside a .txt is its metadata
                path = Path(folder) / Path(str(item["name"])).name
                path.write_bytes(bytes(item["content"]))
                paths.append(path)
            for path in paths:
                if path.suffix.lower() == ".json":
                    continue
                for doc in read(path):
                    if isinstance(doc, ClaimsError):
                        raise doc
                    docs.append(doc)
        return docs

    def do_preview(self) -> list[Analysis]:
        """Extract the statements without storing anything, and list them."""
        self.analyses = []
        self.commit_button.disabled = True
        self.result.value = ""
        analyses = [analyse(doc) for doc in self.documents()]
        self.analyses = analyses
        self.preview.value = "".join(_preview(a) for a in analyses)
        self.commit_button.disabled = not analyses
        return analyses

    def do_commit(self) -> int:
        """Store the previewed articles, one transaction each; returns the statements stored."""
        if not self.analyses:
            raise InputError("nothing to commit", hint="press Preview first")
        self.bar.max, self.bar.value = len(self.analyses), 0
        stored, articles, already = 0, 0, list[str]()
        for analysis in self.analyses:
            report = ingest([analysis.document], self.store)
            for failure in report.failures:
                raise InputError(failure.source, hint=failure.message)
            stored += report.statements
            articles += len(report.analyses)
            already.extend(analysis.document.title or analysis.document.id for _ in report.skipped)
            self.bar.value += 1
        if self.table is not None:
            self.table.reload()
        parts = [f"Stored {articles} article{'' if articles == 1 else 's'}, {stored} statements."]
        if already:
            parts.append(f"Already stored, unchanged: {html.escape(', '.join(already))}.")
        self.result.value = f"<b>{' '.join(parts)}</b>"
        self.analyses = []
        self.commit_button.disabled = True
        return stored


DATES = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
         "%d %B, %Y")


def written_date(text: str) -> str | None:
    """A date as people type it ("14 May 2024", "May 14, 2024", "2024-05-14") as
    YYYY-MM-DD; None for nothing typed; :class:`InputError` for anything else (never a
    date stored as typed).

    >>> written_date("14 May 2024"), written_date("Sept 3, 2021".replace("Sept", "Sep")), written_date(" ")
    ('2024-05-14', '2021-09-03', None)
    """
    typed = " ".join(text.split())
    if not typed:
        return None
    for form in DATES:
        try:
            return datetime.strptime(typed, form).date().isoformat()
        except ValueError:
            continue
    raise InputError(f"date {typed!r} not understood", hint="write it as YYYY-MM-DD or 14 May 2024")


STYLE = ("<style>.claims-preview{border-collapse:collapse;font-size:13px}.claims-preview th,"
         ".claims-preview td{padding:3px 8px;text-align:left;vertical-align:top;"
         "border-bottom:1px solid #eee}.claims-preview td:first-child,.claims-preview td:nth-child(3)"
         "{white-space:nowrap}</style>")


def _preview(analysis: Analysis) -> str:
    doc = analysis.document
    rows = "".join(
        f"<tr><td>{st.kind.value}</td><td>{html.escape(st.text[:160])}</td>"
        f"<td>{html.escape(st.speaker.name) if st.speaker else ''}</td>"
        f"<td>{html.escape(st.cue or '')}</td><td>{st.confidence:.2f}</td></tr>"
        for st in analysis.statements)
    title = html.escape(doc.title) if doc.title else f"<i>no title</i> ({html.escape(doc.id)})"
    facts = " · ".join(html.escape(str(v)) for v in (doc.publisher, doc.date) if v)
    return (f"{STYLE}<h4>{title} — {len(analysis.statements)} statements</h4>"
            + (f"<p><small>{facts}</small></p>" if facts else "")
            + f'<table class="claims-preview"><thead><tr><th>kind</th><th>text</th><th>speaker</th>'
            f"<th>cue</th><th>confidence</th></tr></thead><tbody>{rows}</tbody></table>")
