"""Coded errors: every failure the library reports is a :class:`ClaimsError`.

Each subclass has a stable ``code`` that scripts and tests can rely on, and a message
that says what to do. Only ``cli.py`` turns them into exit codes and only ``widgets/``
shows them to a person.

>>> str(EmptyInput("article.txt"))
'[empty-input] article.txt: the input has no text; give an article with some text'
"""

from __future__ import annotations

import errno
import os
import re

# ``scheme://user:password@host``: the user information of a URL, never shown.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^\s/?#@]*@")
_SECRETS = ("CLAIMS_SPARQL_PASSWORD", "CLAIMS_SPARQL_TOKEN")


def redact(text: str) -> str:
    """``text`` without the user information of any URL in it, nor the configured secrets.

    >>> redact("http://ana:secret@example.org/query failed")
    'http://***@example.org/query failed'
    """
    text = _USERINFO.sub(r"\1***@", text)
    for name in _SECRETS:
        secret = os.environ.get(name) or ""
        if len(secret) >= 3:
            text = text.replace(secret, "***")
    return text


class ClaimsError(Exception):
    """Base class of the project's errors; ``code`` is stable, the message says what to do."""

    code = "claims-error"
    hint = ""

    def __init__(self, detail: str = "", *, hint: str | None = None) -> None:
        self.detail = detail
        if hint is not None:
            self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        parts = [p for p in (self.detail, self.hint) if p]
        return redact(f"[{self.code}] " + ": ".join(parts))

    def __str__(self) -> str:
        return self.message


class InputError(ClaimsError):
    """The input cannot be read as an article."""

    code = "bad-input"


class EmptyInput(InputError):
    code = "empty-input"
    hint = "the input has no text; give an article with some text"


class BinaryInput(InputError):
    code = "binary-input"
    hint = "the input looks like a binary file, not text or HTML"


class EncodingError(InputError):
    code = "unknown-encoding"
    hint = "the input is not UTF-8 and its encoding cannot be told; convert it to UTF-8"


class InputTooLarge(InputError):
    code = "input-too-large"
    hint = "the input is larger than the limit (CLAIMS_MAX_BYTES); split it into articles"


class NoArticleText(InputError):
    code = "no-article-text"
    hint = "no main article text was found in the page"


class InvalidUrl(InputError):
    """The article's URL is not a valid IRI, so it cannot name the article."""

    code = "invalid-url"


class FetchRefused(InputError):
    """A URL the project will not fetch: not http(s), an internal address, too many redirects."""

    code = "fetch-refused"
    hint = ("only public http(s) addresses are fetched; CLAIMS_FETCH_ALLOW lists the networks "
            "allowed besides (e.g. 10.0.0.0/8)")


class BadMetadata(InputError):
    code = "bad-metadata"
    hint = "a metadata field has the wrong type or an impossible value"


class ExtractionTimeout(InputError):
    code = "extraction-timeout"


class MalformedBatch(InputError):
    code = "malformed-batch"
    hint = "each line of a JSON Lines batch must be an object with a 'text' field"


class NotFound(ClaimsError):
    code = "not-found"


class QueryError(ClaimsError):
    """A query was rejected (syntax), or a named query or parameter is unknown."""

    code = "query-rejected"


class ServiceRefused(QueryError):
    code = "service-refused"
    hint = ("SERVICE may only call the endpoints listed in CLAIMS_SERVICE_ALLOW "
            "(by default Wikidata's, https://query.wikidata.org/sparql)")


class UnknownQuery(QueryError):
    code = "unknown-query"
    hint = "run 'claims query --list' to see the named queries"


class ParameterError(QueryError):
    code = "bad-parameter"


class StoreError(ClaimsError):
    code = "store-error"


class CredentialsInUrl(StoreError):
    code = "credentials-in-url"
    hint = ("a store URL never holds a user or password: give them in CLAIMS_SPARQL_USER and "
            "CLAIMS_SPARQL_PASSWORD, or a token in CLAIMS_SPARQL_TOKEN")


class RedirectRefused(StoreError):
    code = "redirect-refused"
    hint = ("a SPARQL endpoint may only redirect to the same origin keeping the method (307/308); "
            "give the final URL as the store")


class UnsafeServe(StoreError):
    code = "unsafe-serve"
    hint = ("a writable endpoint on a network address takes unauthenticated updates from anyone "
            "who reaches it; bind 127.0.0.1, or pass --allow-network-writes if you mean it")


class DiskFull(StoreError):
    code = "disk-full"
    hint = ("the disk holding the store is full (or over its quota); free some space and run "
            "the same command again: what was stored is kept, and is skipped")


class StoreLocked(StoreError):
    code = "store-locked"
    hint = "another process is writing to the store; retry, or share it with 'claims serve'"


class EndpointUnreachable(StoreError):
    code = "endpoint-unreachable"
    hint = "check the URL and that the SPARQL server is running"


_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
_FULL_WORDS = ("no space left", "disk quota", "file too large", "database or disk is full")


def store_io_error(exc: OSError, where: str = "") -> StoreError:
    """The coded error for an operating-system error while writing: :class:`DiskFull` when
    the disk is full, over quota or past the file size limit (also when the engine only
    says so in words), else :class:`StoreError`.

    >>> store_io_error(OSError(errno.ENOSPC, "No space left on device")).code
    'disk-full'
    >>> store_io_error(OSError("IO error: No space left on device: While appending")).code
    'disk-full'
    """
    text = f"{where}: {exc}" if where else str(exc)
    if exc.errno in _FULL or any(w in str(exc).lower() for w in _FULL_WORDS):
        return DiskFull(text)
    return StoreError(text)


class ValidationFailed(ClaimsError):
    code = "shacl-violation"
    hint = "the graph does not satisfy ontology/shapes.ttl; nothing was written"


class ReviewError(ClaimsError):
    code = "bad-review"


class UnknownVerdict(ReviewError):
    code = "unknown-verdict"
    hint = "use one of: confirmed, misattributed, misquoted, not-a-quotation, unverifiable"


class UnknownRating(ReviewError):
    code = "unknown-rating"
    hint = "use one of: true, mostly-true, mixture, mostly-false, false, unverifiable"


class MissingReviewer(ReviewError):
    code = "no-reviewer"
    hint = "give the reviewer's name"


class UnknownStatement(ReviewError):
    code = "unknown-statement"
    hint = "no article graph holds this statement; list statements with 'claims review list'"


class BadCorrection(ReviewError):
    code = "bad-correction"


class UnknownDecision(ReviewError):
    code = "unknown-decision"
    hint = "use one of the values of the decision scheme"


class BadUrl(ReviewError):
    code = "bad-url"
    hint = "give an absolute http(s) URL"


class StatementIndexError(ClaimsError):
    """The statement index beside the store (a cache: it holds nothing the store does not)."""

    code = "index-error"
    hint = "rebuild it from the store with 'claims index rebuild'"


class IndexCorrupt(StatementIndexError):
    code = "index-corrupt"
    hint = "the statement index is damaged; rebuild it from the store with 'claims index rebuild'"


class IndexMissing(StatementIndexError):
    code = "no-index"
    hint = ("the store has no statement index yet (or one of an older layout); "
            "build it with 'claims index rebuild'")


class IndexUnreadable(StatementIndexError):
    code = "index-unreadable"
    hint = ("the statement index cannot be read or written (permissions, disk, or a lock held "
            "too long); fix that, or rebuild it with 'claims index rebuild'")


class FactCheckError(ClaimsError):
    """A published fact-check cannot be imported; the message names the file and the record."""

    code = "bad-factcheck"


class MalformedFactCheck(FactCheckError):
    code = "malformed-factcheck"
    hint = "each record must be a ClaimReview with a url, the claim reviewed and a rating"


class NotAClaimReview(FactCheckError):
    code = "not-a-claimreview"
    hint = "give schema.org ClaimReview objects (or Fact Check Tools claims[], or vclaims rows)"


class MissingFactCheckRating(FactCheckError):
    code = "no-factcheck-rating"
    hint = "a fact-check needs a rating: reviewRating with alternateName or ratingValue"


class UnreadableFactChecks(FactCheckError):
    code = "unreadable-factchecks"
    hint = "give .json (JSON-LD or a Fact Check Tools response), .jsonl or .csv files"
