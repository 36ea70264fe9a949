"""SPARQL as people type it: the usual prefixes declared for them, and syntax errors as a
plain sentence with line, column and caret (the workbench, ``%%sparql`` and ``claims
sparql`` alike).

Two mistakes are caught before the engine sees the text, the same on every store: a prefix
nobody declared, and a ``{`` (or ``(``) left open. Other errors are the engine's, put in
words: where it stopped, what it found there, and (at most a few of) what it expected.

>>> print(explain_error("SELECT * WHERE { ?s foo:bar ?o }"))
unknown prefix `foo:` at line 1, column 21 — declared prefixes are claims:, schema:, prov:, \
oa:, dcterms:, skos:, owl:, rdf:, rdfs:, xsd:, wd:
  SELECT * WHERE { ?s foo:bar ?o }
                      ^
"""

from __future__ import annotations

import re

from claims.errors import QueryError
from claims.query import PREFIXES

__all__ = ["explain_error", "readable", "with_prefixes"]

_DECLARED = re.compile(r"^\s*PREFIX\s+([\w-]*):", re.I | re.M)
_POSITIONS = (re.compile(r"error at (\d+):(\d+)"), re.compile(r"line:(\d+), col:(\d+)"),
              re.compile(r"line (\d+), column (\d+)"))
# Strings, IRIs and comments, blanked before counting brackets or finding prefixed names.
_SKIPPED = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                      r"|<[^<>\s]*>|#[^\n]*")
_PREFIXED = re.compile(r"(?<![\w:/#?$.-])([A-Za-z][\w-]*|):(?=[A-Za-z_\d]|\s|$)")
_CLOSING = {"{": "}", "(": ")", "[": "]"}


def with_prefixes(text: str) -> tuple[str, int]:
    """``text`` with a PREFIX line for each known prefix it does not declare, and how many
    lines were added in front."""
    declared = {m.lower() for m in _DECLARED.findall(text)}
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p.lower() not in declared]
    return "\n".join([*lines, text]), len(lines)


def explain_error(text: str) -> str | None:
    """What is wrong with ``text`` before any engine reads it (an undeclared prefix, a
    bracket left open or closed twice), as the message :func:`readable` gives; None: nothing
    found."""
    blanked = _SKIPPED.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
    declared = {m.lower() for m in _DECLARED.findall(text)} | set(PREFIXES)
    for match in _PREFIXED.finditer(blanked):
        prefix = match[1]
        if prefix.lower() not in declared and not _in_prefix_line(blanked, match.start()):
            line, column = _line_column(text, match.start())
            known = ", ".join(f"{p}:" for p in PREFIXES)
            return _message(f"unknown prefix `{prefix}:` at line {line}, column {column} — "
                            f"declared prefixes are {known}", text, line, column)
    opened: list[tuple[str, int]] = []
    for at, char in enumerate(blanked):
        if char in _CLOSING:
            opened.append((char, at))
        elif char in _CLOSING.values():
            if not opened or _CLOSING[opened[-1][0]] != char:
                line, column = _line_column(text, at)
                if not opened:
                    return _message(f"`{char}` at line {line}, column {column} closes nothing",
                                    text, line, column)
                left, (o_line, o_column) = opened[-1][0], _line_column(text, opened[-1][1])
                return _message(f"the `{left}` at line {o_line}, column {o_column} is not closed "
                                f"before this `{char}` (line {line}, column {column}): add "
                                f"`{_CLOSING[left]}`", text, line, column)
            opened.pop()
    if opened:
        char, at = opened[-1]
        line, column = _line_column(text, at)
        return _message(f"the `{char}` at line {line}, column {column} is never closed: add "
                        f"`{_CLOSING[char]}`", text, line, column)
    return None


def readable(exc: QueryError, text: str, added: int = 0) -> QueryError:
    """The engine's syntax error ``exc`` on ``text`` (run with ``added`` lines in front) as
    a QueryError with a plain sentence, the line and column in ``text`` and a caret."""
    found = explain_error(text)
    if found is not None:
        return QueryError(found)
    for pattern in _POSITIONS:
        match = pattern.search(exc.detail)
        if match:
            line, column = int(match[1]) - added, int(match[2])
            if pattern is _POSITIONS[0]:  # Oxigraph's column is the one after the failure
                column -= 1
            reason = exc.detail[match.end():].strip(" :,)")
            if not reason:
                reason = re.sub(r"\(at char \d+\)", "", exc.detail[:match.start()]).strip(" :,(")
            lines = text.splitlines() or [""]
            if 0 < line <= len(lines):  # on the next word, within the line
                source = lines[line - 1]
                column = max(1, min(column, len(source) + 1))
                while column <= len(source) and source[column - 1].isspace():
                    column += 1
            return QueryError(_message(_sentence(reason, text, line, column), text, line, column))
    return exc


def _sentence(reason: str, text: str, line: int, column: int) -> str:
    """The parser's reason as a sentence: what stands at the position, what was expected."""
    lines = text.splitlines() or [""]
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    column = min(column, len(source) + 1)
    token = re.match(r"[^\s(){}]+|[(){}]", source[column - 1:])
    after = "\n".join([source[column - 1:], *lines[line:]])
    reason = re.sub(r"\s+", " ", reason)
    expected = re.search(r"expected(?: one of)? (.*?)(?:, found .*)?$", reason, re.I)
    words = []
    for quoted, bare in re.findall(r'"([^"]+)"|\b([A-Z][A-Za-z]+)\b', expected[1] if expected else ""):
        word = quoted or bare
        words.append(word[:-5].upper() if word.endswith("Query") else word)
    words = list(dict.fromkeys(w for w in words if w != "Prefix"))
    if not after.strip():
        head = f"the query ends too early at line {line}, column {column}"
    elif token is None:
        head = f"unexpected end of line {line}, column {column}"
    else:
        head = f"unexpected `{token[0][:30]}` at line {line}, column {column}"
    if words:
        shown = ", ".join(f"`{w}`" for w in words[:8]) + (", …" if len(words) > 8 else "")
        return f"{head}: expected {shown}"
    return head if not reason else f"{head} ({reason[:120]})"


def _message(sentence: str, text: str, line: int, column: int) -> str:
    lines = text.splitlines() or [""]
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    return f"{sentence}\n  {source}\n  {' ' * max(column - 1, 0)}^"


def _line_column(text: str, at: int) -> tuple[int, int]:
    before = text[:at]
    return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1


def _in_prefix_line(blanked: str, at: int) -> bool:
    start = blanked.rfind("\n", 0, at) + 1
    return bool(re.match(r"\s*PREFIX\s", blanked[start:at], re.I))
