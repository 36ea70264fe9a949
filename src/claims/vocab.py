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
    Extraction: URIRef  # Extraction
    Extractor: URIRef  # Extractor
    Figure: URIRef  # Figure
    Mention: URIRef  # Mention
    Quotation: URIRef  # Quotation
    ReportedSpeech: URIRef  # Reported speech
    Statement: URIRef  # Statement
    quantity: URIRef  # quantity
    reportedBy: URIRef  # reported by
    speaker: URIRef  # speaker
    speakerMention: URIRef  # speaker mention
    approximate: URIRef  # approximate
    attributionMethod: URIRef  # attribution method
    confidence: URIRef  # confidence
    contentHash: URIRef  # content hash
    cue: URIRef  # cue
    measures: URIRef  # measures
    partial: URIRef  # partial
    qualifier: URIRef  # qualifier
    quantityKind: URIRef  # quantity kind
    role: URIRef  # role
    sourceId: URIRef  # source id
