"""The claim explorer on a cached synthetic store: open time, memory, filter-change latency.

Opens :class:`claims.widgets.Explorer` on the cached store of ``SIZE`` statements (its
statement index beside it, ``benchmarks/.cache/store-N-7.index.sqlite``: built by
``benchmarks/index.py`` if missing), then times what a user does through the real widget:
set one filter control and wait for the redraw (count, first page, list, both charts from
SQL aggregates), clear it again, turn a page, export a filtered set. The index keeps the
count and the charts' aggregates per filter until it changes: "first ms" is the first set
of a control (nothing kept yet), the median and p95 are of setting and clearing it again
(the page read anew, the rest kept). One process per run, so the peak memory is the
explorer's own.

    .venv/bin/python benchmarks/explorer.py            # 100,000 statements
    .venv/bin/python benchmarks/explorer.py 1000000
"""

from __future__ import annotations

import sqlite3
import sys
import time
from datetime import date

import ipywidgets as W

from _bench import cached_store, machine, median_ms, p95_ms, peak_rss_mb, table, timings
from claims.index import Filters
from claims.index.filters import match
from claims.store import OxigraphStore
from claims.widgets.explorer import ANY, Explorer


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    folder, meta = cached_store(size)
    print(f"{machine()}; {meta['statements']:,} statements; peak RSS before opening "
          f"{peak_rss_mb():.0f} MB")
    store = OxigraphStore(folder, read_only=True)
    began = time.perf_counter()
    explorer = Explorer(store)
    opened = time.perf_counter() - began
    index = explorer.table.index
    sync = timings(index.sync, budget=3)
    rows: list[list[str]] = [
        ["open (sync, choices, count, first page, charts)", f"{explorer.total:,}", "",
         f"{opened * 1000:.0f}", ""],
        ["  of which a sync, nothing changed", "", "", f"{median_ms(sync):.0f}",
         f"{p95_ms(sync):.0f}"],
        ["peak RSS after opening (MB)", "", "", f"{peak_rss_mb():.0f}", ""]]
    [(top, _)] = index.per_speaker(Filters(), limit=1)
    word = max(str(explorer.rows.iloc[0]["text"]).split(), key=len).strip(".,;:\"'").lower()
    cases: list[tuple[str, W.ValueWidget, object]] = [
        ("speaker (the most quoted)", explorer.speaker, top),
        ("kind = quotation", explorer.kind, "quotation"),
        (f"outlet = {explorer.outlet.options[1][1]}", explorer.outlet, explorer.outlet.options[1][1]),
        ("status = unreviewed", explorer.status, "unreviewed"),
        ("from 2021-01-01", explorer.since, date(2021, 1, 1)),
        (f"search {word!r}", explorer.text, word),
        ("sort by confidence", explorer.sort, "confidence")]
    for name, control, value in cases:
        cleared = control.value
        began = time.perf_counter()
        control.value = value
        first = time.perf_counter() - began
        control.value = cleared

        def change(control: W.ValueWidget = control, value: object = value,
                   cleared: object = cleared) -> None:
            control.value = value if control.value == cleared else cleared

        took = timings(change, budget=6, least=6, most=20)
        control.value = value
        explorer.wait()
        passing = explorer.total
        control.value = cleared
        rows.append([f"filter change: {name} (set / clear)", f"{passing:,}",
                     f"{first * 1000:.0f}", f"{median_ms(took):.0f}", f"{p95_ms(took):.0f}"])
    # Free text on values never searched before (nothing kept): the cost as a user sees it,
    # for common and rare words, a surname, a word's beginning and a phrase. "first ms": the
    # page with its count and both charts, or for a search matching more than the explorer's
    # cap, the page with "more than N · counting…"; then, for those, the time until the
    # thread has counted every match and drawn the charts.
    words = _words(explorer)
    for label, text in words:
        began = time.perf_counter()
        explorer.text.value = text
        first = time.perf_counter() - began
        shown = explorer.total
        explorer.wait()
        counted = time.perf_counter() - began
        passing = explorer.total
        explorer.text.value = ""
        rows.append([f"free text, new value: {label} {text!r}", f"{passing:,}",
                     f"{first * 1000:.0f}", "", ""])
        if shown is None:
            rows.append([f"  more than {explorer.search_cap:,}: counted, charts drawn (thread)", "", "",
                         f"{counted * 1000:.0f}", ""])
    explorer.speaker.value = top
    took = timings(lambda: explorer.turn(1 if explorer.page == 0 else -1), budget=3)
    rows.append(["page turn (speaker filter on)", f"{explorer.total:,}", "",
                 f"{median_ms(took):.0f}", f"{p95_ms(took):.0f}"])
    began = time.perf_counter()
    text = explorer.export_csv()
    rows.append(["CSV export (speaker filter on)", f"{len(text.splitlines()) - 1:,}", "",
                 f"{(time.perf_counter() - began) * 1000:.0f}", ""])
    explorer.speaker.value = ANY
    rows.append(["peak RSS at the end (MB)", "", "", f"{peak_rss_mb():.0f}", ""])
    print(table(["case", "rows", "first ms", "median ms", "p95 ms"], rows))
    index.close()
    store.close()


def _words(explorer: Explorer) -> list[tuple[str, str]]:
    """Words to search for, from the first page's statements: the commonest and the rarest
    word of four letters or more, a speaker's surname, the beginning of a word, a phrase."""
    texts = " ".join(str(t) for t in explorer.rows["text"]).lower()
    found = [w.strip(".,;:\"'()") for w in texts.split()]
    found = [w for w in found if len(w) >= 4 and w.isalpha()]
    # counted on a connection of their own, so the explorer keeps nothing of these searches
    path = explorer.table.index.path
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True) if path else explorer.table.index.db
    counts = {w: int(db.execute("SELECT count(*) FROM words WHERE words MATCH ?",
                                (match(f'"{w}"'),)).fetchone()[0]) for w in dict.fromkeys(found)}
    if path:
        db.close()
    common = max(counts, key=lambda w: counts[w])
    rare = min(counts, key=lambda w: counts[w])
    speakers = [s for s in explorer.rows["speaker"] if isinstance(s, str)]
    surname = speakers[0].split()[-1] if speakers else common
    phrase = " ".join(str(explorer.rows["text"].iloc[0]).split()[:2]).strip(".,;:\"'")
    return [("common word", common), ("rare word", rare), ("surname", surname),
            ("word beginning", rare[:4]), ("two-word phrase", f'"{phrase}"')]


if __name__ == "__main__":
    main()
