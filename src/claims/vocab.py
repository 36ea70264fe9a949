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
    Extraction: URIRef  # Extraction
    Extractor: URIRef  # Extractor
    Figure: URIRef  # Figure
    Quotation: URIRef  # Quotation
    ReportedSpeech: URIRef  # Reported speech
    ReviewEvent: URIRef  # Review event
    Statement: URIRef  # Statement
    correctedSpeaker: URIRef  # corrected speaker
    decision: URIRef  # decision
    decisionTarget: URIRef  # decision target
    factCheckUrl: URIRef  # fact-check URL
    quantity: URIRef  # quantity
    rating: URIRef  # rating
    reportedBy: URIRef  # reported by
    speaker: URIRef  # speaker
    supersedes: URIRef  # supersedes
    verdict: URIRef  # verdict
    approximate: URIRef  # approximate
    attributionMethod: URIRef  # attribution method
    confidence: URIRef  # confidence
    contentHash: URIRef  # content hash
    correctedText: URIRef  # corrected text
    cue: URIRef  # cue
    date: URIRef  # date
    end: URIRef  # end
    evidence: URIRef  # evidence
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
