"""A speaker mention as news writes it, taken apart: the name, the role words around it,
the words that place it (a country, a state, a party), an honorific's gender, "former".

The name is the run of capitalised words at the end of a comma-separated part that are
neither titles nor office words ("Kremlin foreign policy adviser *Yuri Ushakov*", "*Adil
Abdul-Mahdi*, the acting Prime Minister of Iraq"); everything else is role. A mention
without a name is a role ("Iran's foreign minister"), an organisation ("The White House",
"KCNA") or a group ("Scholars", "officials").

>>> m = parse("Oversight Chairman Jason Chaffetz (R-Utah)")
>>> m.name, m.role, m.qualifiers, m.party
('Jason Chaffetz', 'Oversight Chairman', ('oversight',), 'R-Utah')
>>> parse("Mr. Obama").gender, parse("Mr. Obama").name
('m', 'Obama')
>>> parse("Iran's foreign minister").qualifiers, parse("The White House").kind
(('iran',), 'organisation')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.link.offices import FORMER, OFFICE_WORDS, office_words, words
from claims.reference.people import fold

__all__ = ["Mention", "parse"]

_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d+")
_PARTY = re.compile(r"\(\s*([DRI](?:-[A-Za-z. ]+)?)\s*\)")
_HONORIFICS = {"mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m",
               "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f",
               "queen": "f", "princess": "f", "dr": "", "prof": "", "rev": ""}
_GENDERED = {"spokesman": "m", "chairman": "m", "congressman": "m", "son": "m", "husband": "m",
             "father": "m", "brother": "m", "widower": "m", "spokeswoman": "f", "chairwoman": "f",
             "congresswoman": "f", "daughter": "f", "wife": "f", "mother": "f", "sister": "f",
             "widow": "f"}
# Words after which a name is someone else's: a relation, a preposition.
_LINKS = words("""of to for with at from by about against toward towards behind than like
    including near under over among between""")
_AND_NAME = re.compile(r"[A-Z][\w'’.-]+,?\s+(?:and|or|&)\s+(?:[A-Z][\w'’.-]+\s+)*[A-Z][\w'’-]+")
# Words that open a title or role but are no office of their own ("Retired Lt. Gen.").
_TITLE_WORDS = words("""lt gen col maj capt sgt adm cmdr brig retired ret sen rep gov del
    amb atty hon honorable rt right reverend rev fr father sheikh imam rabbi cardinal bishop
    archbishop ayatollah crown acting former late then""") | set(_HONORIFICS)
_ADDRESS = words("president vicepresident primeminister minister speaker chair mayor governor")
_DETERMINERS = words("the a an his her their its our this that")
_PARTICLES = words("de da di van von der den del la le al el bin ibn du dos das")
_DOCUMENTS = words("""report reports statement statements letter memo email emails filing poll
    survey study documents document record records transcript""")
_ORGANISATION = words("""house ministry department office agency bureau government
    administration council committee commission court parliament senate congress party
    cabinet kremlin pentagon police army military navy bank company corporation group
    organisation organization association union federation institute university foundation
    campaign pac embassy consulate newspaper network station channel agency service authority
    authorities board team""")
_GROUP = words("""officials sources experts analysts scholars critics residents witnesses
    lawmakers legislators senators democrats republicans leaders diplomats observers voters
    supporters opponents protesters activists economists researchers scientists people
    authorities investigators prosecutors officers aides advisers advisors spokespeople
    members citizens workers reporters journalists""")
_PRONOUNS = words("he she they it we i you him her them")
_ANONYMOUS = words("""official source spokesman spokeswoman spokesperson aide adviser advisor
    diplomat officer insider person someone""")


@dataclass(frozen=True, slots=True)
class Mention:
    """What a mention says about whom it names."""

    text: str
    name: str = ""  # the name as written, titles dropped ("Vladimir Putin", "Lavrov")
    role: str = ""  # the role words as written ("Russian President", "the Speaker of the House")
    qualifiers: tuple[str, ...] = ()  # folded capitalised role words that are no office word
    gender: str = ""  # "m" or "f" from an honorific or a gendered role word
    former: bool = False
    party: str = ""  # a US party and state in parentheses: "D-Mont."
    kind: str = "person"  # person | organisation | group | anonymous | pronoun | document

    @property
    def office(self) -> frozenset[str]:
        """The role's office words (:func:`claims.link.offices.office_words`)."""
        return office_words(self.role) if self.role else frozenset()

    @property
    def full(self) -> bool:
        """Whether the name has a given and a family name ("Vladimir Putin", not "Putin")."""
        return len([w for w in self.name.split() if len(w.rstrip(".")) > 1]) >= 2  # "Amir-Abdollahian": one


def _word(token: str) -> str:
    return fold(token.rstrip("."))


def _bare(token: str) -> str:
    """A word without its possessive ending: "Iran's" -> "Iran"."""
    return token.removesuffix("'s").removesuffix("’s")


def _possessive(token: str) -> bool:
    return token.endswith(("'s", "’s", "s'", "s’"))


def _is_name_word(token: str) -> bool:
    """A capitalised word that can be part of a person's name (an initial "E." included)."""
    if not token[:1].isupper() or _possessive(token):
        return False
    word = _word(token)
    return word not in _TITLE_WORDS and not office_words(token) & OFFICE_WORDS and not (
        len(word) > 1 and token.isupper() and "." not in token)  # an acronym ("FBI", "KCNA")


def _split_name(tokens: list[str]) -> tuple[list[str], list[str]]:
    """(role tokens, name tokens): the name is the trailing run of name words, particles
    inside it allowed ("Ursula von der Leyen"); after "Mr." or "Ms." a surname even where it
    is a title's word too ("Mr. King"), unless it is a form of address ("Mr. President")."""
    start = len(tokens)
    while start > 0:
        token = tokens[start - 1]
        after_honorific = start > 1 and _HONORIFICS.get(_word(tokens[start - 2])) in ("m", "f") \
            and token[:1].isupper() and not office_words(token) & _ADDRESS
        if _is_name_word(token) or after_honorific:
            start -= 1
            continue
        before = start - 1
        while before > 0 and tokens[before - 1].lower() in _PARTICLES:
            before -= 1
        if token.lower() in _PARTICLES and start < len(tokens) and before > 0 \
                and _is_name_word(tokens[before - 1]):
            start = before
            continue
        break
    return tokens[:start], tokens[start:]


def _head(tokens: list[str]) -> list[str]:
    """The words that name the mention's own referent: cut before a relation or a preposition
    that leads to another person's name ("a longtime adviser *to Trump*", "the daughter *of
    former President Bill Clinton*", "the super PAC *backing Hillary Clinton*"), not before
    an office's or a place's words ("secretary of state", "president of Russia")."""
    for i, token in enumerate(tokens):
        low = token.lower()
        verb = low.endswith("ing") and token.islower() and len(low) > 4
        if not i or not (low in _LINKS or verb) or (low == "of" and not tokens[i - 1].islower()):
            continue
        rest = [t for t in tokens[i + 1:] if t.lower() not in _DETERMINERS]
        before, found = _split_name(rest)
        if found and len(found) >= (2 if low == "of" else 1) and all(
                _word(t) in _TITLE_WORDS or _word(t) in FORMER or office_words(t) & OFFICE_WORDS
                for t in before):
            return tokens[:i]
    return tokens


def parse(text: str) -> Mention:
    """Take a mention apart (see the module's examples)."""
    party = _PARTY.search(text)
    body = _PARTY.sub(" ", text)
    name: list[str] = []
    role_parts: list[str] = []
    qualifiers: list[str] = []
    gender = ""
    names_seen = 0
    for part in (p.strip() for p in re.split(r"[,;:(){}\[\]]", body)):
        tokens = _WORD.findall(part)
        while tokens and tokens[0].lower() in _DETERMINERS:
            tokens = tokens[1:]
        tokens = _head(tokens)
        if not tokens:
            continue
        role, found = _split_name(tokens)
        if not found and not name and len(tokens) == 1 and tokens[0].istitle() and part == tokens[0]:
            role, found = [], tokens  # "King said": a surname, not a title
        names_seen += len(found) >= 2  # a full name in this part
        if found and not name:
            name = found
        elif found:
            role = tokens
        for token in role:
            word = _word(_bare(token))
            gender = gender or _HONORIFICS.get(word, "") or _GENDERED.get(word, "")
        if role:
            role_parts.append(" ".join(role))
            capitalised = {_word(_bare(t)) for t in role if t[:1].isupper()}
            qualifiers += [w for w in office_words(" ".join(role)) - OFFICE_WORDS
                           if w in capitalised and w not in _TITLE_WORDS]
    role_text = ", ".join(role_parts)
    said = {_word(t) for t in _WORD.findall(role_text)}
    written = " ".join(name)
    several = names_seen > 1 or bool(name and _AND_NAME.search(body))  # "Obama and Biden"
    return Mention(text=text.strip(), name=_bare(written),
                   role=role_text, qualifiers=tuple(dict.fromkeys(qualifiers)), gender=gender,
                   former=bool(said & FORMER), party=party.group(1) if party else "",
                   kind="group" if several else _kind(written, role_text, said))


def _kind(name: str, role: str, said: set[str]) -> str:
    """person, organisation ("The White House", "KCNA"), group ("Scholars") or anonymous
    ("a senior official"): what a mention without a person's name refers to."""
    if name:
        return "group" if fold(name) in _GROUP else "person"
    tokens = _WORD.findall(role)
    last = _word(_bare(tokens[-1])) if tokens else ""
    if len(tokens) == 1 and last in _PRONOUNS:
        return "pronoun"
    if tokens and all(t.isupper() and len(t) > 1 for t in tokens):
        return "organisation"  # "KCNA", "NATO"
    if last in _DOCUMENTS:
        return "document"
    if last in _GROUP:
        return "group"
    if last in _ORGANISATION and not said & {"spokesperson", "spokesman", "spokeswoman"}:
        return "organisation"
    if last in _ANONYMOUS and not any(t[:1].isupper() for t in tokens[-2:]):
        return "anonymous"
    return "person"
