"""Synthetic knowledge bases of realistic shape, written through the project's own model.

Articles from many outlets (some syndicated), statements of every kind (quotations,
partial quotations, reported speech, figures with quantities), speakers drawn from a Zipf
distribution (with roles, affiliations, Wikidata QIDs, a few organisations), spans exact
into the synthetic text, and review events (claims.review) on a share of the statements.
Each article is a :class:`claims.document.Document` plus :class:`claims.statements.Statement`
objects turned into its named graph and its part of the entities graph by
:func:`claims.model.mapping.article_triples`, exactly as ingestion does; the result is
N-Quads for pyoxigraph's bulk loader (the article graphs one after another, the review
events among them, and the entities graph, each line once, at the end), cached on disk.

    .venv/bin/python benchmarks/synth.py --sizes 10000 100000   # prints one table
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import random
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from claims.config import base_iri
from claims.document import Document
from claims.model import iris
from claims.model.mapping import MODEL_VERSION, article_triples
from claims.review import ReviewEvent, Verdict, speaker_graph
from claims.review import to_graph as review_graph
from claims.statements import Kind, Quantity, Span, Speaker, Statement
from claims.store import bulk

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 7
ARTICLES_PER_CHUNK = 200
REVIEWED = 0.05  # share of quotations and reported speech with a review event
FIRST = ["Anna", "Omar", "Li", "Maria", "John", "Fatima", "Pierre", "Yuki", "Carlos", "Ngozi", "Ivan",
         "Sara", "Ahmed", "Elena", "David", "Priya", "Kwame", "Olga", "Hiro", "Lucia", "Tom", "Aisha",
         "Jan", "Mei", "Raj", "Sofia", "Peter", "Leila", "Marco", "Zainab"]
LAST = ["Smith", "Khan", "Chen", "Garcia", "Müller", "Okafor", "Dubois", "Tanaka", "Silva", "Ivanova",
        "Haddad", "Kowalski", "Nguyen", "Rossi", "Mensah", "Petrov", "Sato", "Fernández", "Brown", "Ali",
        "Jensen", "Wang", "Patel", "Costa", "Novak", "Yilmaz", "O'Brien", "Schmidt", "Kim", "Moreau",
        "Larsen", "Santos", "Ahmadi", "Kovač", "Lindqvist", "Abebe", "Horvat", "Reyes", "Bakker", "Suzuki"]
ROLES = ["Foreign Minister", "Prime Minister", "spokesperson", "central bank governor", "senator",
         "economist", "union leader", "police chief", "mayor", "health minister", "analyst", "CEO"]
ORGS = ["the Finance Ministry", "the World Bank", "the United Nations", "the European Commission",
        "the Kremlin", "the White House", "the IMF", "Amnesty International"]
OUTLETS = [f"{a} {b}" for a in ("Daily", "Global", "Morning", "Evening", "National", "Metro", "Free",
                                 "Coastal") for b in ("Herald", "Times", "Post", "Wire", "Ledger")]
VERBS = ["accept", "reject", "support", "review", "defend", "oppose", "finance", "delay", "expand", "cut"]
DONE = ["accepted", "rejected", "supported", "reviewed", "defended", "opposed", "financed", "delayed",
        "expanded", "cut"]
NOUNS = ["plan", "budget", "treaty", "reform", "tariffs", "sanctions", "pipeline", "ceasefire",
         "election law", "pension system", "trade deal", "climate target"]
THINGS = ["Prices", "Exports", "Unemployment", "Turnout", "Imports", "Emissions", "Debt", "Growth"]
CITIES = ["Samarkand", "Geneva", "Nairobi", "Brasília", "Jakarta", "Warsaw", "Lagos", "Osaka", "Lima"]


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str | None
    affiliation: str | None
    qid: str | None
    org: bool


def people(count: int = 3000, seed: int = SEED) -> list[Person]:
    """The speaker pool, rank 0 the most quoted."""
    rng = random.Random(seed)
    names = [f"{f} {last}" for last in LAST for f in FIRST]
    rng.shuffle(names)
    pool = [Person(name, rng.choice(ROLES) if rng.random() < 0.6 else None,
                   rng.choice(ORGS).removeprefix("the ") if rng.random() < 0.3 else None,
                   f"Q{1000 + i}" if rng.random() < 0.2 else None, False)
            for i, name in enumerate(names[:count - len(ORGS)])]
    for rank, org in zip((5, 12, 30, 70, 150, 300, 600, 1200), ORGS, strict=True):
        pool.insert(rank, Person(org.removeprefix("the ").title(), None, None, None, True))
    return pool


class Writer:
    """Builds one article's text paragraph by paragraph, keeping exact spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> Span:
        if self.parts:
            self.parts.append("\n\n")
            self.size += 2
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        return Span(start, self.size)

    def text(self) -> str:
        return "".join(self.parts)


def _speaker(person: Person, at: int, mention: str, method: str) -> Speaker:
    return Speaker(person.name, mention, Span(at, at + len(mention)), role=person.role,
                   affiliation=person.affiliation, qid=person.qid, is_organization=person.org,
                   method=method)


def article(index: int, pool: list[Person], weights: list[float], seed: int = SEED
            ) -> tuple[Document, list[Statement]]:
    """The ``index``-th synthetic article and its statements (deterministic)."""
    rng = random.Random(f"{seed}-{index}")
    outlet = OUTLETS[int(rng.paretovariate(1.2)) % len(OUTLETS)]
    day = datetime(2020, 1, 1, tzinfo=UTC) + timedelta(days=rng.randrange(5 * 365))
    city, noun = rng.choice(CITIES), rng.choice(NOUNS)
    page, found = Writer(), []
    page.add(f"Talks on the {noun} continue in {city}, officials said on {day:%A}.")
    for n in range(rng.randint(8, 20)):
        person = rng.choices(pool, weights)[0]
        mention = f"{person.role} {person.name}" if person.role and rng.random() < 0.5 else person.name
        roll = rng.random()
        words = f"We will {rng.choice(VERBS)} the {rng.choice(NOUNS)} {n + 1} times if we must"
        if roll < 0.5:
            partial = rng.random() < 0.15
            if partial:
                line = f'{mention} described the {noun} as "{words[8:]}".'
                start = line.index('"') + 1
                text = words[8:]
            else:
                line = f'"{words}," {mention} said.'
                start, text = 1, words + ","
            span = page.add(line)
            at = span.start + line.index(mention)
            found.append(Statement(Kind.QUOTATION, text, Span(span.start + start, span.start + start
                                                              + len(text)),
                                   _speaker(person, at, mention, "explicit"), "said",
                                   Span(span.end - 5, span.end - 1) if not partial else None,
                                   round(rng.uniform(0.6, 0.99), 3), partial=partial))
        elif roll < 0.78:
            clause = f"the {rng.choice(NOUNS)} would be {rng.choice(DONE)} by {day.year + 1}"
            line = f"{mention} said that {clause}."
            span = page.add(line)
            start = span.start + line.index(clause)
            found.append(Statement(Kind.REPORTED_SPEECH, clause, Span(start, start + len(clause)),
                                   _speaker(person, span.start, mention, "explicit"), "said",
                                   Span(span.start + len(mention) + 1, span.start + len(mention) + 5),
                                   round(rng.uniform(0.5, 0.9), 3)))
        else:
            value = rng.randint(1, 40)
            thing = rng.choice(THINGS)
            phrase = f"{value} percent"
            line = f"{thing} rose about {phrase} in {day.year - 1}."
            span = page.add(line)
            start = span.start + line.index(phrase)
            found.append(Statement(Kind.FIGURE, phrase, Span(start, start + len(phrase)), None,
                                   confidence=0.8, quantity=Quantity(float(value), "percent",
                                                                     "percentage", True, "about",
                                                                     measures=thing.lower())))
            year = str(day.year - 1)
            ystart = span.start + line.rindex(year)
            found.append(Statement(Kind.FIGURE, year, Span(ystart, ystart + 4), confidence=0.9,
                                   quantity=Quantity(float(year), None, "year")))
    found = [replace(s, extractor="claims-rules", extractor_version="0.1.0") for s in found]
    slug = f"{noun.replace(' ', '-')}-talks-{index}"
    syndicated = rng.random() < 0.15
    doc = Document(id=f"synth-{index}", text=page.text(), title=f"Talks on the {noun} in {city}",
                   url=f"https://{outlet.lower().replace(' ', '')}.example/{day:%Y/%m}/{slug}",
                   publisher=outlet, author=rng.choice(FIRST) + " " + rng.choice(LAST),
                   date=f"{day:%Y-%m-%d}", language="en",
                   derived_from=rng.choice(OUTLETS) if syndicated else None)
    return doc, found


def reviews(doc: Document, statements: list[Statement], rng: random.Random,
            people: dict[str, None]) -> list[str]:
    """N-Quads of review events on a share of the article's quotations and reported speech;
    the corrected speakers they name go to ``people`` (lines of the entities graph)."""
    out = []
    for st in statements:
        if st.kind is Kind.FIGURE or rng.random() >= REVIEWED:
            continue
        target = str(iris.statement_iri(doc.content_hash, st.kind, st.span))
        at = datetime.fromisoformat(f"{doc.date}T12:00:00+00:00") + timedelta(hours=rng.randint(1, 900))
        previous = None
        for _ in range(2 if rng.random() < 0.2 else 1):  # a fifth are reviewed twice
            key = hashlib.sha256(f"{target}{at}".encode()).hexdigest()[:24]
            verdict = rng.choice(list(Verdict)) if previous is None else Verdict.CONFIRMED
            event = ReviewEvent(
                f"{base_iri()}review/synth-{key}", target,
                rng.choice(["Ana Editor", "Ben Checker", "Chloe Desk"]), at, verdict=verdict,
                corrected_speaker="Someone Else" if verdict is Verdict.MISATTRIBUTED else None,
                corrected_text=st.text.upper() if verdict is Verdict.MISQUOTED else None,
                supersedes=previous)
            out.append(bulk.graph_payload(review_graph(event)).nquads())
            people.update(dict.fromkeys(bulk.graph_payload(speaker_graph(event)).nquads()
                                        .splitlines(keepends=True)))
            previous, at = event.iri, at + timedelta(hours=3)
    return out


def chunk(first: int, count: int, seed: int) -> tuple[str, list[str], int, str]:
    """N-Quads of articles ``first`` … ``first + count - 1`` (their graphs and review events),
    the lines of the entities graph they name, their statements, and the first article's IRI."""
    pool = people(seed=seed)
    weights = [1 / (rank + 1) ** 1.07 for rank in range(len(pool))]
    rng = random.Random(f"reviews-{seed}-{first}")
    parts: list[str] = []
    entities: dict[str, None] = {}
    statements, sample = 0, ""
    for index in range(first, first + count):
        doc, found = article(index, pool, weights, seed)
        payload = bulk.article_payload(article_triples(doc, found))
        parts.append(payload.nquads())
        entities.update(dict.fromkeys(bulk.entities_nquads([payload]).splitlines(keepends=True)))
        parts.extend(reviews(doc, found, rng, entities))
        statements += len(found)
        sample = sample or str(iris.article_iri(doc))
    return "".join(parts), list(entities), statements, sample


def articles_for(statements: int) -> int:
    """Articles that hold about ``statements`` statements (17.1 an article on average)."""
    return max(1, round(statements / 17.1))


def build(statements: int, *, seed: int = SEED, workers: int = 2, force: bool = False) -> dict[str, object]:
    """Write (or reuse) the N-Quads of a knowledge base of about ``statements`` statements."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"synth-{statements}-{seed}-m{MODEL_VERSION}.nq"
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists() and not force:
        return dict(json.loads(meta_path.read_text()))
    total = articles_for(statements)
    starts = range(0, total, ARTICLES_PER_CHUNK)
    begun, done, quads = time.perf_counter(), 0, 0
    partial = path.with_suffix(".part")
    with partial.open("w", encoding="utf-8") as out, ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        jobs = [pool.submit(chunk, s, min(ARTICLES_PER_CHUNK, total - s), seed) for s in starts]
        samples: list[str] = []
        entities: dict[str, None] = {}
        for job in jobs:
            text, lines, n, sample = job.result()
            out.write(text)
            entities.update(dict.fromkeys(lines))
            done, quads = done + n, quads + text.count("\n")
            samples.append(sample)
        out.write("".join(entities))
        quads += len(entities)
    partial.rename(path)
    meta = {"path": str(path), "statements": done, "articles": total, "quads": quads,
            "bytes": path.stat().st_size, "seconds": round(time.perf_counter() - begun, 1),
            "top_speaker": people(seed=seed)[0].name, "sample_article": samples[len(samples) // 2]}
    meta_path.write_text(json.dumps(meta, indent=1))
    return meta


def iter_articles(count: int, seed: int = SEED) -> Iterator[tuple[Document, list[Statement]]]:
    pool = people(seed=seed)
    weights = [1 / (rank + 1) ** 1.07 for rank in range(len(pool))]
    for index in range(count):
        yield article(index, pool, weights, seed)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--force", action="store_true", help="regenerate cached files")
    args = parser.parse_args(argv)
    print(f"{'statements':>11} {'articles':>9} {'quads':>11} {'MB':>8} {'gen s':>7}  top speaker")
    for size in args.sizes:
        m = build(size, workers=args.workers, force=args.force)
        print(f"{m['statements']:>11,} {m['articles']:>9,} {m['quads']:>11,} "
              f"{int(str(m['bytes'])) / 1e6:>8.1f} {m['seconds']:>7}  {m['top_speaker']}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
