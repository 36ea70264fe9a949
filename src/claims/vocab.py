"""The project's own vocabulary, generated from ontology/claims.ttl. Do not edit.

Regenerate with ``python -m claims.model.vocabgen``. The namespace is closed: a typo raises.

>>> str(CLAIMS.Quotation)
'https://w3id.org/claims#Quotation'
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")


class CLAIMS(DefinedNamespace):
    """Terms of ontology/claims.ttl."""

    _NS = Namespace("https://w3id.org/claims#")
    _fail = True
    Article: URIRef  # Article
    AttributionReview: URIRef  # Attribution review
    ClaimRating: URIRef  # Claim rating
    Decision: URIRef  # Decision
    DescribedSource: URIRef  # Described source
    Extraction: URIRef  # Extraction
    Extractor: URIRef  # Extractor
    FactCheckMatch: URIRef  # Fact-check match
    FactCheckMatching: URIRef  # Fact-check matching
    Figure: URIRef  # Figure
    ImportedFactCheck: URIRef  # Imported fact-check
    Linking: URIRef  # Linking
    PositionHeld: URIRef  # Position held
    Quotation: URIRef  # Quotation
    ReportedSpeech: URIRef  # Reported speech
    ReviewEvent: URIRef  # Review event
    SpeakerLink: URIRef  # Speaker link
    Statement: URIRef  # Statement
    computedPerson: URIRef  # computed person
    correctedSpeaker: URIRef  # corrected speaker
    decision: URIRef  # decision
    decisionTarget: URIRef  # decision target
    factCheckUrl: URIRef  # fact-check URL
    heldPosition: URIRef  # held position
    linkOf: URIRef  # link of
    linkedPerson: URIRef  # linked person
    matchOf: URIRef  # match of
    matchedFactCheck: URIRef  # matched fact-check
    normalisedRating: URIRef  # normalised rating
    officeAtTime: URIRef  # office at the time
    quantity: URIRef  # quantity
    rating: URIRef  # rating
    reportedBy: URIRef  # reported by
    speaker: URIRef  # speaker
    supersedes: URIRef  # supersedes
    verdict: URIRef  # verdict
    approximate: URIRef  # approximate
    articleHash: URIRef  # article hash
    attributionMethod: URIRef  # attribution method
    confidence: URIRef  # confidence
    contentHash: URIRef  # content hash
    correctedText: URIRef  # corrected text
    countryCode: URIRef  # country code
    cue: URIRef  # cue
    date: URIRef  # date
    end: URIRef  # end
    evidence: URIRef  # evidence
    linkConfidence: URIRef  # link confidence
    linkMethod: URIRef  # link method
    linkReason: URIRef  # link reason
    matchMethod: URIRef  # match method
    matchRank: URIRef  # match rank
    matchScore: URIRef  # match score
    measures: URIRef  # measures
    mentionEnd: URIRef  # mention end
    mentionStart: URIRef  # mention start
    partial: URIRef  # partial
    qualifier: URIRef  # qualifier
    quantityKind: URIRef  # quantity kind
    ratingText: URIRef  # rating text
    role: URIRef  # role
    sourceId: URIRef  # source id
    speakerName: URIRef  # speaker name
    start: URIRef  # start
