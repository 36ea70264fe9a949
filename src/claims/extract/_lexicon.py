"""Word lists shared by the extractors and the attributor (private).

>>> "said" in SPEECH_VERBS and "adviser" in ROLE_WORDS
True
>>> NUMBER_WORDS["twelve"]
12
"""

from __future__ import annotations

import re

_SPEECH_LEMMAS = [
    "say", "tell", "add", "note", "announce", "claim", "warn", "argue", "write", "report",
    "explain", "insist", "state", "declare", "acknowledge", "suggest", "tweet", "respond",
    "reply", "recall", "deny", "admit", "assert", "contend", "comment", "remark", "concede",
    "confirm", "predict", "promise", "pledge", "vow", "urge", "ask", "stress", "emphasize",
    "emphasise", "complain", "caution", "charge", "allege", "maintain", "observe", "point",
    "praise", "criticize", "criticise", "describe", "call", "answer", "add", "estimate",
    "testify", "signal", "reiterate", "counter", "quip", "joke", "muse", "boast", "lament",
    "concede"
]

_IRREGULAR = {
    "say": ["say", "says", "said", "saying"],
    "tell": ["tell", "tells", "told", "telling"],
    "write": ["write", "writes", "wrote", "writing", "written"],
    "testify": ["testify", "testifies", "testified", "testifying"],
    "reply": ["reply", "replies", "replied", "replying"],
    "deny": ["deny", "denies", "denied", "denying"],
    "quip": ["quip", "quips", "quipped", "quipping"],
    "admit": ["admit", "admits", "admitted", "admitting"],
}


def _forms(lemma: str) -> list[str]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith(("sh", "ch", "ss")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


SPEECH_VERBS: frozenset[str] = frozenset(f for lem in _SPEECH_LEMMAS for f in _forms(lem))

_ATTRIB_LEMMAS = [
    "read", "sing", "cite", "recount", "accuse", "blast", "slam", "mock", "scold", "demand",
    "wonder", "question", "shout", "exclaim", "whisper", "chant", "rule", "label", "dub",
    "brand", "decry", "denounce", "defend", "dismiss", "mention", "reveal", "disclose",
    "advise", "propose", "proclaim", "retort", "snap", "interject", "summarize", "summarise",
    "highlight", "recommend", "hail", "tout", "speak", "post", "repeat", "threaten", "assure",
    "conclude", "plead", "opine", "chide", "ridicule", "attack", "lambaste", "rail", "insist",
    "guarantee", "scoff", "sneer", "gush", "concur", "agree", "disagree", "dispute", "object",
    "protest", "scream", "yell", "cry", "thank", "apologize", "apologise", "greet", "inform",
    "continue", "press", "demur",
]
_IRREGULAR.update({
    "read": ["read", "reads", "reading"], "sing": ["sing", "sings", "sang", "sung", "singing"],
    "speak": ["speak", "speaks", "spoke", "spoken", "speaking"],
    "snap": ["snap", "snaps", "snapped", "snapping"], "cry": ["cry", "cries", "cried"],
    "object": ["object", "objects", "objected"], "post": ["post", "posts", "posted"],
})

# Verbs that attribute a quotation to the subject or source next to it (wider than speech).
ATTRIB_VERBS: frozenset[str] = SPEECH_VERBS | frozenset(
    f for lem in _ATTRIB_LEMMAS for f in _forms(lem))

# Attribution verbs whose next noun phrase is their object, never an inverted speaker
# ("telling Jane Doe that …", "calling Roe “…”"), unlike "said Jane Doe".
OBJECT_VERBS: frozenset[str] = frozenset(
    f for lem in ["tell", "inform", "assure", "urge", "accuse", "thank", "greet", "call",
                  "label", "dub", "brand", "blast", "slam", "mock", "scold", "chide", "attack",
                  "lambaste", "ridicule", "criticize", "criticise", "praise", "hail",
                  "denounce", "dismiss", "defend", "advise"] for f in _forms(lem))

# Verbs strong enough to introduce reported speech ("X said that ...").
REPORT_VERBS: frozenset[str] = frozenset(
    f for lem in [
        "say", "tell", "add", "note", "announce", "claim", "warn", "argue", "write", "report",
        "explain", "insist", "state", "declare", "acknowledge", "suggest", "tweet", "respond",
        "recall", "deny", "admit", "assert", "contend", "concede", "confirm", "predict",
        "promise", "pledge", "vow", "stress", "emphasize", "emphasise", "complain", "maintain",
        "observe", "point", "estimate", "testify", "reiterate", "counter", "praise",
        "criticize", "criticise", "charge", "allege", "urge", "describe"
    ] for f in _forms(lem))

# Words that end a role or title written before a name: "foreign policy adviser Yuri Ushakov".
ROLE_WORDS: frozenset[str] = frozenset([
    "president", "vice-president", "minister", "secretary", "senator", "sen.", "rep.",
    "representative", "gov.", "governor", "mayor", "adviser", "advisor", "spokesman",
    "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "director", "chief",
    "leader", "ambassador", "general", "gen.", "lt.", "col.", "colonel", "admiral", "judge",
    "justice", "attorney", "candidate", "nominee", "speaker", "premier", "chancellor", "king",
    "queen", "prince", "princess", "pope", "official", "analyst", "professor", "prof.",
    "economist", "strategist", "commissioner", "congressman", "congresswoman", "councilman",
    "councilwoman", "lawmaker", "manager", "executive", "ceo", "founder", "host",
    "correspondent", "editor", "reporter", "fellow", "researcher", "head", "commander",
    "sheriff", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "lord", "dame",
    "rev.", "reverend", "chairperson", "deputy", "aide", "coordinator", "envoy", "diplomat",
    "delegate", "prosecutor", "lawyer", "campaign-manager", "pollster", "consultant", "officer",
    "detective",
    # occupations written as a title before a name: "psychologist Jane Roe", "Historian X"
    "engineer", "historian", "scholar", "author", "writer", "novelist", "columnist",
    "commentator", "journalist", "blogger", "lobbyist", "activist", "organizer", "organiser",
    "psychologist", "psychiatrist", "sociologist", "physician", "surgeon", "scientist",
    "pastor", "bishop", "rabbi", "imam", "priest", "coach", "entrepreneur", "investor",
    "banker", "philanthropist", "demographer", "epidemiologist", "attorney-general"
])

# Titles dropped from a name when comparing names ("Mr. Trump" -> "Trump").
TITLES: frozenset[str] = frozenset([
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "sen.", "sen", "senator",
    "rep.", "rep", "gov.", "gov", "governor", "prof.", "prof", "professor", "gen.", "gen",
    "general", "sir", "lord", "dame", "rev.", "reverend", "mayor", "secretary", "minister",
    "judge", "justice", "king", "queen", "prince", "princess", "pope", "chancellor", "premier"
])

PRONOUNS: dict[str, str] = {
    "he": "m", "she": "f", "they": "p", "i": "s", "we": "p", "it": "n",
}

DETERMINERS: frozenset[str] = frozenset(
    [
        "the", "a", "an", "another", "one", "some", "several", "two", "three", "many", "other",
        "his", "her", "their", "its", "this", "that"
    ])

# Nouns that make a descriptive speaker: "a senior official said", "the source added".
SPEAKER_NOUNS: frozenset[str] = frozenset([
    "source", "sources", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
    "aide", "aides", "adviser", "advisers", "advisor", "expert", "experts", "analyst",
    "analysts", "lawyer", "lawyers", "statement", "report", "reports", "campaign", "critics",
    "critic", "supporters", "supporter", "people", "person", "observers", "diplomat",
    "diplomats", "officer", "officers", "police", "authorities", "ministry", "government",
    "administration", "group", "committee", "organizers", "organisers", "residents",
    "witnesses", "voters", "leaders", "leader", "member", "members", "agency", "newspaper",
    "paper", "magazine", "network", "company", "firm", "spokespeople", "representatives",
    "representative", "economists", "researchers", "scientists", "study", "survey", "poll",
    "data", "release", "memo", "letter", "document",
    # documents, media and rulings that speak in the text: "the ruling said", "the clip says"
    "ruling", "rulings", "decision", "opinion", "judgment", "verdict", "brief",
    "filing", "complaint", "lawsuit", "indictment", "affidavit", "motion",
    "resolution", "platform", "bylaws", "guidelines", "proposal", "ad", "ads",
    "advertisement", "clip", "video", "footage", "book", "article", "piece", "story",
    "editorial", "column", "tweet", "email", "e-mail", "website", "blog",
    "announcement", "transcript", "findings",
    "finding", "audit", "investigation", "inquiry", "commission", "union", "panel",
    "board", "council", "court", "department", "office", "team", "party", "coalition",
    # people described rather than named: "a friend said", "one questioner asked"
    "friend", "friends", "neighbor", "neighbour", "neighbors", "relative", "relatives",
    "colleague", "colleagues", "questioner", "reader", "readers", "listener", "viewer",
    "caller", "narrator", "announcer", "moderator", "businessman", "businesswoman",
    "mother", "father", "wife", "husband", "son", "daughter", "sister", "brother", "surrogate",
    "surrogates", "operatives", "allies", "opponents", "protesters", "demonstrators",
    "activists", "students", "teachers", "workers", "employees", "staff", "staffers",
    "insiders", "attendees", "participants", "respondents", "veteran", "veterans", "widow",
    "nominee", "candidate", "congressman", "congresswoman", "senator", "governor", "mayor",
    "volunteer", "volunteers", "donor", "donors", "delegate", "delegates", "advocates",
    "proponents", "attorneys", "insider", "observer", "historian", "scholar", "columnist",
    "commentator", "user", "users", "commenter", "poster", "owner", "voter", "resident",
    "worker", "employee", "student", "teacher", "parent", "parents", "organizer", "activist",
    "strategist", "strategists", "consultant", "consultants", "pollster", "pollsters",
    "tribunal", "jury", "regulator", "regulators", "watchdog", "prosecutors", "judges"
])

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

MAGNITUDES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "mln": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12,
}

FRACTIONS: dict[str, float] = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
    "one-third": 1 / 3, "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25,
    "one quarter": 0.25, "one-quarter": 0.25, "three-quarters": 0.75,
    "three quarters": 0.75, "a fifth": 0.2, "one-fifth": 0.2, "a tenth": 0.1,
}

QUALIFIERS: dict[str, str] = {
    "about": "~", "around": "~", "roughly": "~", "approximately": "~", "some": "~",
    "nearly": "<", "almost": "<", "close to": "<", "up to": "<=", "under": "<",
    "less than": "<", "fewer than": "<", "more than": ">", "over": ">",
    "at least": ">=", "upwards of": ">", "an estimated": "~", "estimated": "~",
}

DURATION_UNITS: frozenset[str] = frozenset(
    ["second", "minute", "hour", "day", "week", "month", "year", "decade", "century"])

CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}

# Quote-mark characters: opening, closing, and ambiguous straight ones.
OPEN_MARKS = "“«„"
CLOSE_MARKS = "”»"
STRAIGHT_MARK = '"'

WORD_RE = re.compile(r"[A-Za-z][\w'’.-]*")


def appositive(app: str) -> tuple[str | None, str | None]:
    """Role and affiliation from an appositive.

    >>> appositive(", a senior fellow with the Asia program at the German Marshall Fund,")
    ('senior fellow', 'German Marshall Fund')
    """
    body = re.sub(r"^[,\s]*(?:the|a|an)\s+", "", app).strip(", ")
    role = re.split(r"\s+(?:with|at|of|for|in|from|on)\s+", body, maxsplit=1)[0]
    aff = None
    m = re.search(r".*\bat\s+(?:the\s+)?([A-Z][^,]*)$", body) or re.search(
        r"\b(?:of|with|for)\s+(?:the\s+)?([A-Z][^,]*)$", body)
    if m:
        aff = m.group(1).strip()
    return (role or None), aff

# Common given names, for the gender check of "he"/"she" (an unknown name stays unknown).
_MALE = """
Aaron Adam Alan Albert Alex Alexander Andrew Anthony Antonio Barack Ben Benjamin Bernie Bill
Bob Brad Brandon Brian Bruce Carl Carlos Charles Charlie Chris Christopher Chuck Colin Dan
Daniel Darrell David Dennis Dick Donald Doug Douglas Ed Edward Elijah Emmanuel Eric Frank
Fred Gary George Gerald Greg Harry Henry Howard Ian Jack Jacob James Jason Jeb Jeff Jeffrey
Jeremy Jim Jimmy Joe John Jon Jonathan Jorge Jose Joseph Josh Juan Kevin Larry Lindsey
Luis Marco Mark Martin Matt Matthew Michael Mike Mitch Mitt Narendra Nicholas Omar Pat Patrick
Paul Peter Phil Ralph Rand Reince Richard Rick Rob Robert Roger Ron Ronald Rudy Rush Ryan Sam
Scott Sean Sergei Stephen Steve Steven Ted Thomas Tim Timothy Todd Tom Tony Vladimir Walter
Wayne William Xi Yuri Ebrahim Emmanuel Olaf Rishi Boris Justin Recep Viktor Volodymyr
Don Dante Norman Bobby Billy Johnnie Johnny Reid Harry Elliot Elliott Gregory Glenn
Gordon Grant Hank Herbert Hugh Isaac Jerry Jesse Joel Keith Ken Kenneth Kirk Kyle Lance Leon
Leonard Lloyd Louis Luke Malcolm Marcus Mario Marvin Max Maxwell Mohammed Muhammad Nathan Neil
Nick Noah Oliver Oscar Owen Randy Ray Raymond Reggie Rex Ricky Rodney Roy Russell Sanjay Seth
Simon Stanley Stuart Terry Theodore Trent Troy Tyler Vincent Victor Wesley Willie Zach Zachary
Abe Andy Art Barney Bernard Bert Bradley Brett Bryan Calvin Cameron Chad Clarence Clint Cory
Craig Curtis Dale Dean Derek Devin Dominic Dwight Earl Edgar Eli Elliot Ernest Eugene Evan
Felix Floyd Francis Franklin Gabriel Gene Gerry Gil Gus Hal Harold Harvey Hector Herman Hunter
Ivan Jake Jared Jay Jeremiah Jerome Jimmie Joey Jordan Julian Kurt Lamar Lee Leroy Lester
Lou Manuel Marc Marshall Mel Micah Miguel Mitchell Morris Nate Neal Ned Nelson Newt Orrin
Pete Preston Quentin Rafael Ralph Reed Reuben Rick Roberto Rod Roland Ross Rudolph Rufus Sal
Sergio Shane Sid Stan Steven Ted Terrence Thad Tobias Travis Trey Vance Vern Wade Warren Will
Wilbur Woodrow Jeffery Sherrod Elijah Mo Beto Cory Tim Cliff Ezra Amos
"""
_FEMALE = """
Abigail Alice Alicia Amanda Amy Ana Angela Ann Anna Anne Barbara Betsy Betty Carly Carol
Caroline Catherine Chelsea Christine Claire Dana Deborah Debbie Diane Donna Elizabeth Ellen
Emily Emma Eva Hillary Huma Ivanka Jane Janet Jennifer Jessica Jill Joan Julia Julie Karen
Kate Katherine Kathleen Kathy Kellyanne Kelly Kim Laura Lauren Linda Lisa Loretta Lynn Maria
Marie Martha Mary Megan Melania Melissa Michelle Nancy Nicole Nikki Patricia Rachel Rebecca
Samantha Sandra Sarah Sharon Stephanie Susan Susana Suzanne Theresa Tulsi Ursula Valerie
Victoria Wendy Angelique Liz Ilhan Kamala Marine Giorgia Jacinda Theresa Condoleezza
Leslie Melanie Betsy Dianne Diane Kirsten Tammy Heidi Jeanne Maxine Nita Debbie Elaine
Gina Hope Kellie Kristen Kristin Lori Marsha Mia Michele Nina Paula Pam Pamela Penny Ruth
Sally Sheila Shirley Stacey Sue Tanya Tara Tina Tracy Vanessa Veronica Virginia Yvonne Zoe
Alexandra Alison Allison Andrea Annie Audrey Beth Bonnie Brenda Brittany Candace Carla Carmen
Cathy Cecilia Charlotte Cheryl Cindy Claudia Colleen Courtney Crystal Cynthia Daisy Danielle
Dawn Denise Diana Dolores Doris Dorothy Eileen Eleanor Elena Elise Erica Erin Esther Evelyn
Faith Frances Gail Gloria Grace Gwen Hannah Heather Helen Holly Irene Jackie Jacqueline Jamie
Jan Jean Jenna Jenny Jo Joanna Joanne Jodi Josephine Joy Joyce Judith Judy Kara Katie Kay
Kelley Kristi Leah Lena Lila Lillian Lois Loretta Lucy Lydia Madeleine Marcia Margaret Marilyn
Marjorie Meredith Miriam Molly Monica Naomi Natalie Olivia Peggy Phyllis Priscilla Rachael
Regina Rita Roberta Rosa Rose Roxanne Sabrina Shannon Sonia Sophia Stella Sylvia Tamara
Teresa Terri Valerie Vera Vicki Wanda Yolanda Nikki Elise Hillary Huma Keisha Kirstjen
"""
MALE_NAMES: frozenset[str] = frozenset(_MALE.split())
FEMALE_NAMES: frozenset[str] = frozenset(_FEMALE.split())

def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Reported speech (extract/reported.py): words around a cue verb.
# A content that starts with one of these is an adverbial, not what was said.
REP_PREP: frozenset[str] = _set("""in on at during after before with from by as when while out until""")
# Subordinators opening a clause: "After aides insisted …, the campaign …".
REP_SUBORD: frozenset[str] = _set("""When If While Although Because Since As Once Unless Until Before After
Though Whether""")
# Auxiliaries and adverbs between a source and its verb: "has long argued".
REP_AUX: frozenset[str] = _set("""has have had is was are were will would also now often later again
previously repeatedly then long recently did does do not never publicly privately already still
first initially earlier reportedly once been just even only always has since should could
might may must can""")
# Words that end a source phrase on its left.
REP_STOP_WORDS: frozenset[str] = _set("""and but that because while as when if although though since after
before so which where whether than or nor until unless what how why to in on by about into
over under who""")
# Cue forms that are as often nouns ("the state", "two points"): a cue only before "that".
REP_NOUNISH: frozenset[str] = _set("""state states point points report reports claim claims estimate
estimates counter counters promise promises charge charges pledge pledges vow vows tweet
tweets comment comments note notes stress praise answer answers call calls respond reply
replies deny warn add""")
# Participle cues: "…, saying that …" (the sentence's subject speaks).
REP_PARTICIPLES: frozenset[str] = _set("""saying arguing adding noting claiming insisting warning suggesting
stressing explaining acknowledging asserting contending predicting promising pledging vowing
declaring announcing complaining maintaining emphasizing emphasising conceding confirming
denying admitting telling writing""")
# Nouns that end a plausible source besides the speaker nouns and role words.
REP_EXTRA_NOUNS: frozenset[str] = _set("""lawmakers senators legislators democrats republicans officials team
campaign spokesman spokeswoman attorney attorneys prosecutors investigators advocates
activists opponents proponents scholars historians executives doctors percent others many
some most complaint lawsuit filing indictment ruling order clip ad video slide website book
article story editorial analysis letter statement polls polling models forecasts aides
staff allies critics friends family""")
# Capitalised words that end no source.
REP_TIME: frozenset[str] = _set("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
March April May June July August September October November December It This That There
Last Next Earlier Later Then Now""")
# Words that may open what follows a trailing cue: "…, X said in a statement."
REP_TAIL_WORDS: frozenset[str] = _set("""in on at during after before last this earlier later recently
Monday Tuesday Wednesday Thursday Friday Saturday Sunday today yesterday tonight on
when while of about to""")


def trie_pattern(words: frozenset[str] | set[str]) -> str:
    """A regex alternation of ``words`` as a trie, much faster to scan than a flat one.

    >>> import re
    >>> re.findall(r"\\b(?:" + trie_pattern({"say", "says", "said"}) + r")\\b", "he says")
    ['says']
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if optional else body

    return build(trie)

# countries and US states: speakers ("North Korea said") that are never "he" or "she"
PLACES: frozenset[str] = frozenset("""United States|America|Russia|China|Japan|North Korea|
South Korea|Iran|Iraq|Syria|Israel|Mexico|Canada|Britain|France|Germany|Italy|Spain|India|
Pakistan|Afghanistan|Turkey|Ukraine|Egypt|Saudi Arabia|Cuba|Venezuela|Brazil|Australia|
Ireland|Europe|European Union|Taiwan|Vietnam|Libya|Yemen|Qatar|Jordan|Lebanon|Greece|Poland|
Washington|Moscow|Beijing|Pyongyang|Seoul|Tokyo|Tehran|London|Paris|Berlin|Ohio|Texas|Florida|
California|Virginia|North Carolina|Pennsylvania|Michigan|Iowa|Nevada|Arizona|Colorado|Georgia|
New York|New Jersey|Wisconsin|Vermont|Utah|Missouri|Maryland|Illinois|Minnesota""".replace(
    "\n", "").split("|"))
