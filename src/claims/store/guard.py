"""What SPARQL text may reach an engine: ``SERVICE`` calls only to an allow-list.

A federated ``SERVICE <iri>`` makes the engine send a request wherever the IRI points,
internal servers included. Every backend (and ``claims serve``) passes the text through
:func:`check_services` first: each ``SERVICE`` must name, as an IRI or a declared prefixed
name, an endpoint of ``CLAIMS_SERVICE_ALLOW`` (space- or comma-separated IRIs; ``none`` for
none; default Wikidata's). A variable endpoint is refused. The text is checked both as
written and with its ``\\u`` escapes decoded, as SPARQL decodes them before parsing.

>>> check_services("SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }")[:6]
'SELECT'
>>> check_services("SELECT * WHERE { SERVICE <http://127.0.0.1:7878/query> { ?s ?p ?o } }")
Traceback (most recent call last):
...
claims.errors.ServiceRefused: [service-refused] SERVICE <http://127.0.0.1:7878/query>: ...
"""

from __future__ import annotations

import os
import re
import urllib.parse

from claims.errors import ServiceRefused

DEFAULT_SERVICES = ("https://query.wikidata.org/sparql",)

#: SPARQL text split into the tokens that matter here (strings, IRIs and comments skipped whole).
TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$]\w+)
  | (?P<word>[A-Za-z_][\w-]*(?::[\w.-]*)?|:[\w.-]*)
  | (?P<brace>[{}])
""", re.X)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# What can follow the keyword: SILENT, an IRI, a variable or a prefixed name (comments between).
_SERVICE = re.compile(r"service(?:\s|#[^\n]*\n)*(?:silent\b|<|[?$]|[\w.-]*:)", re.IGNORECASE)


def allowed_services() -> frozenset[str]:
    """The endpoints ``SERVICE`` may call: ``CLAIMS_SERVICE_ALLOW``, else Wikidata's."""
    value = os.environ.get("CLAIMS_SERVICE_ALLOW")
    if value is None:
        return frozenset(DEFAULT_SERVICES)
    items = {item for item in re.split(r"[\s,]+", value) if item}
    return frozenset() if items <= {"none"} else frozenset(items - {"none"})


def _unescape(text: str) -> str:
    def char(match: re.Match[str]) -> str:
        code = int(match[1] or match[2], 16)
        return chr(code) if code <= 0x10FFFF else "\ufffd"
    return _ESCAPE.sub(char, text)


def check_services(text: str) -> str:
    """``text`` unchanged when every ``SERVICE`` in it calls an allowed endpoint, else
    :class:`ServiceRefused` (the fast path: no ``SERVICE <…`` and no escape in the text)."""
    if not _SERVICE.search(text) and "\\u" not in text and "\\U" not in text:
        return text
    allowed = allowed_services()
    for variant in {text, _unescape(text)}:
        for target in _service_targets(variant):
            if not (target.startswith("<") and target[1:-1] in allowed):
                raise ServiceRefused(f"SERVICE {target}")
    return text


def _service_targets(text: str) -> list[str]:
    """Each ``SERVICE``'s endpoint as ``<full IRI>``, or as written when it is not one
    (a variable, an undeclared prefix, anything else: never allowed)."""
    tokens = [m for m in TOKEN.finditer(text) if m.lastgroup != "comment"]
    prefixes: dict[str, str] = {}
    base = ""
    targets = []
    for i, match in enumerate(tokens):
        kind, value = match.lastgroup, match.group()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if kind != "word":
            continue
        keyword = value.upper()
        if keyword == "PREFIX" and nxt is not None and i + 2 < len(tokens) \
                and tokens[i + 2].lastgroup == "iri" and nxt.group().endswith(":"):
            prefixes[nxt.group()] = urllib.parse.urljoin(base, tokens[i + 2].group()[1:-1])
        elif keyword == "BASE" and nxt is not None and nxt.lastgroup == "iri":
            base = urllib.parse.urljoin(base, nxt.group()[1:-1])
        elif keyword == "SERVICE":
            j = i + 1 if nxt is None or nxt.group().upper() != "SILENT" else i + 2
            target = tokens[j] if j < len(tokens) else None
            between = text[match.end():target.start()] if target is not None else "?"
            if target is None or re.sub(r"(?i)\s|silent", "", between):
                targets.append("(an endpoint it cannot read)")
            elif target.lastgroup == "iri":
                targets.append(f"<{urllib.parse.urljoin(base, target.group()[1:-1])}>")
            elif target.lastgroup == "word" and ":" in target.group():
                prefix, _, local = target.group().partition(":")
                known = prefixes.get(prefix + ":")
                targets.append(f"<{known + local}>" if known is not None else target.group())
            else:
                targets.append(target.group())
    return targets
