"""Role words as news writes them ("Iran's foreign minister", "the FBI director", "Sen.")
matched against the titles of positions as the people tables give them ("Minister of Foreign
Affairs", "Director of the FBI", "head of government").

Both sides become sets of canonical office words (:func:`office_words`): abbreviations
expanded, spelling and synonyms merged ("defense" = "defence", "secretary" = "minister",
"foreign affairs" = "foreign", "press secretary" = "spokesperson"), function words and
words that do not change the office ("acting", "current", "federal", "affairs") dropped.
A title fits a role (:func:`fits`) when every office word of the role is in the title and
every other word of the title is no office word: "President" fits "President of Russia"
("Russia" names no office) but not "Vice President" or "President of the Senate". The
generic positions of one source ("head of state", "head of government") fit presidents,
prime ministers, chancellors, monarchs and leaders, as a weaker match.

>>> sorted(office_words("Iran's foreign minister"))
['foreign', 'iran', 'minister']
>>> fits(office_words("foreign minister"), "Minister of Foreign Affairs")
2
>>> fits(office_words("president"), "President of the Senate"), fits(office_words("PM"), "head of government")
(0, 1)
"""

from __future__ import annotations

import re
from functools import cache

from claims.reference.people import fold

__all__ = ["EXECUTIVE", "FORMER", "GENERIC", "HEADS", "OFFICE_WORDS", "PRIVATE", "fits", "office_words",
           "rank", "words"]

def words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``: lexicon lists read best as text."""
    return frozenset(text.split())


# Multi-word phrases first (matched on folded text), then single words.
_PHRASES = (
    ("foreign affairs", "foreign"), ("external affairs", "foreign"), ("home affairs", "interior"),
    ("press secretary", "spokesperson"), ("press officer", "spokesperson"),
    ("secretary general", "secretarygeneral"), ("general secretary", "secretarygeneral"),
    ("secretary of state for", "minister"), ("secretary of state", "minister foreign"),
    ("prime minister", "primeminister"),
    ("vice president", "vicepresident"), ("vice chancellor", "vicechancellor"),
    ("attorney general", "attorneygeneral"), ("lieutenant governor", "lieutenantgovernor"),
    ("lt gov", "lieutenantgovernor"), ("head of state", "headofstate"),
    ("head of government", "headofgovernment"), ("first lady", "firstlady"),
    ("white house", "whitehouse"), ("national security adviser", "nationalsecurityadviser"),
    ("national security advisor", "nationalsecurityadviser"),
    ("federal bureau of investigation", "fbi"), ("central intelligence agency", "cia"),
    ("united nations", "un"), ("house of representatives", "house"), ("house of commons", "commons"),
    ("chief of staff", "chiefofstaff"), ("chief justice", "chiefjustice"),
    ("supreme court", "supremecourt"), ("defense department", "defence"),
)
_WORDS = {
    "pm": "primeminister", "premier": "primeminister", "fm": "foreign minister",
    "sen": "senator", "senators": "senator", "rep": "representative", "gov": "governor",
    "gen": "general", "lt": "lieutenant", "col": "colonel", "adm": "admiral", "del": "delegate",
    "amb": "ambassador", "atty": "attorney", "sec": "minister", "secretary": "minister",
    "ministry": "minister", "ministers": "minister", "defense": "defence", "advisor": "adviser",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokespeople": "spokesperson",
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "presidents": "president",
    "congressman": "representative", "congresswoman": "representative", "kremlin": "kremlin",
    "pentagon": "defence", "treasury": "finance", "exchequer": "finance", "economy": "economy",
    "home": "interior", "interior": "interior", "external": "foreign", "vp": "vicepresident",
}
# Words that never change which office is meant.
_NEUTRAL = words("""the of for and to a an s on in at acting current currently then
    new longtime top incumbent sitting federal national affairs government republic
    people peoples islamic united states kingdom federation commonwealth democratic
    union socialist arab plurinational bolivarian""")
FORMER = frozenset({"former", "ex", "late", "retired", "onetime", "previous"})
# Words that name an office, a portfolio or an institution: a title word outside the role
# that is one of these makes a different office ("Vice President", "President of the Senate").
OFFICE_WORDS = words("""president vicepresident primeminister minister deputy vice assistant
    under undersecretary shadow junior first principal chancellor vicechancellor chair director
    chief governor lieutenantgovernor mayor senator representative delegate speaker leader
    ambassador envoy adviser nationalsecurityadviser spokesperson secretarygeneral attorney
    attorneygeneral general justice chiefjustice judge court supremecourt commissioner
    commission committee council senate house commons assembly parliament congress chamber
    legislative party bank board agency bureau office department staff chiefofstaff
    headofstate headofgovernment firstlady king queen prince princess emir sultan monarch
    pope foreign defence interior finance economy justice health education trade labour
    labor energy environment agriculture transport culture science industry development
    communications information commerce tourism sport youth women family welfare social
    housing infrastructure security intelligence police army navy air military forces
    armed commander admiral colonel lieutenant fbi cia nsa un whitehouse kremlin treasury
    budget planning fisheries mines mining water immigration veterans homeland state
    cabinet regional local public works relations cooperation integration investment
    digital innovation technology research higher trade industry tax revenue
    lord lords permanent representative chairmanship inspector prosecutor solicitor
    auditor controller comptroller registrar ombudsman minority majority whip
    opposition supreme""")
# The office words of a role that ask for a head of state or government.
HEADS = {"president": "headofstate", "king": "headofstate", "queen": "headofstate",
         "emir": "headofstate", "sultan": "headofstate", "monarch": "headofstate",
         "primeminister": "headofgovernment", "chancellor": "headofgovernment",
         "leader": "head"}
GENERIC = frozenset({"headofstate", "headofgovernment"})
# The office a role names, where the tables would list it: a role with one of these that no
# position of a person fits speaks against that person (a legislator's or a soldier's title
# does not: the tables list no legislatures or ranks).
EXECUTIVE = words("""president vicepresident primeminister minister chancellor governor
    lieutenantgovernor mayor commissioner director ambassador envoy attorneygeneral
    secretarygeneral spokesperson adviser nationalsecurityadviser chair king queen emir
    sultan judge justice chiefjustice prosecutor chiefofstaff firstlady""")
# The words that make a role a person's office (the rest: portfolios and institutions).
PERSON = EXECUTIVE | words("""senator representative delegate speaker leader commander general
    admiral colonel lieutenant chief headofstate headofgovernment monarch pope whip""")
# Occupations outside public office: a role made of these says a private person.
PRIVATE = words("""nurse teacher student pupil shopkeeper resident farmer driver worker owner
    businessman businesswoman entrepreneur investor banker professor lecturer academic analyst
    economist researcher scientist fellow expert lawyer doctor physician surgeon coach player
    athlete footballer ceo founder cofounder executive manager actor actress singer musician
    artist writer author novelist journalist reporter editor columnist commentator blogger
    activist campaigner protester voter pastor priest monk nun mother father son daughter wife
    husband neighbour neighbor witness survivor victim fan shopper customer tenant landlord
    retiree pensioner veteran volunteer organiser organizer historian engineer consultant
    strategist pollster trader chef waiter cleaner""")
# How high an office stands, for telling apart people of one surname in office on a day.
_TOP = frozenset({"president", "primeminister", "headofstate", "headofgovernment", "chancellor",
                  "king", "queen", "emir", "sultan", "monarch"})
_JUNIOR = frozenset({"deputy", "vice", "assistant", "under", "undersecretary", "junior",
                     "shadow", "state", "vicepresident", "vicechancellor"})


def rank(title: str) -> int:
    """3 a head of state or government, 2 a full minister or a head of an institution,
    1 a deputy, junior or other office.

    >>> rank("President of Russia"), rank("Minister of Foreign Affairs"), rank("Deputy Minister of Finance")
    (3, 2, 1)
    """
    words = office_words(title)
    if words & _JUNIOR:
        return 1
    if words & _TOP and not words & {"senate", "house", "assembly", "court", "bank", "council",
                                      "party", "commission", "committee", "parliament"}:
        return 3
    return 2 if words & {"minister", "director", "governor", "attorneygeneral", "chair",
                         "secretarygeneral", "speaker", "chiefjustice"} else 1
_TOKEN = re.compile(r"[a-z0-9]+")
_POSSESSIVE = re.compile(r"['’]s\b")


@cache
def office_words(text: str) -> frozenset[str]:
    """The canonical words of a role or title (country words kept: the caller weighs them)."""
    folded = f" {fold(_POSSESSIVE.sub('', text))} "
    for phrase, word in _PHRASES:
        folded = folded.replace(f" {phrase} ", f" {word} ")
    out: set[str] = set()
    for token in _TOKEN.findall(folded):
        mapped = _WORDS.get(token, token)
        out.update(w for w in mapped.split() if w not in _NEUTRAL)
    return frozenset(out)


def fits(role: frozenset[str], title: str) -> int:
    """How a position's title fits a role's office words: 2 the same office, 1 the generic
    head-of-state or head-of-government position for a head's role, 0 not at all."""
    wanted = {w for w in role if w in OFFICE_WORDS and w not in FORMER}
    if not wanted & PERSON:  # an institution alone ("White House") is no one's office
        return 0
    have = office_words(title)
    if have & GENERIC:
        heads = {HEADS[w] for w in wanted if w in HEADS}
        generic = next(iter(have & GENERIC))
        if len(wanted) == 1 and ("head" in heads or generic in heads):
            return 1
        return 0
    if not wanted <= have:
        return 0
    return 2 if all(w in wanted or w not in OFFICE_WORDS for w in have) else 0
