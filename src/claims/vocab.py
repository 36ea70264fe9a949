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
    Checking: URIRef  # Checking
    Claim: URIRef  # Claim
    ClaimMember: URIRef  # Claim member
    ClaimRating: URIRef  # Claim rating
    Computation: URIRef  # Computation
    CountedValue: URIRef  # Counted value
    Decision: URIRef  # Decision
    DescribedSource: URIRef  # Described source
    Extraction: URIRef  # Extraction
    Extractor: URIRef  # Extractor
    FactCheckMatch: URIRef  # Fact-check match
    FactCheckMatching: URIRef  # Fact-check matching
    Figure: URIRef  # Figure
    FigureCheck: URIRef  # Figure check
    ImportedFactCheck: URIRef  # Imported fact-check
    LayerUpdate: URIRef  # Layer update
    Linking: URIRef  # Linking
    PositionHeld: URIRef  # Position held
    Quotation: URIRef  # Quotation
    ReportedSpeech: URIRef  # Reported speech
    ReviewEvent: URIRef  # Review event
    SpeakerLink: URIRef  # Speaker link
    Statement: URIRef  # Statement
    WordChange: URIRef  # Word change
    canonicalStatement: URIRef  # canonical statement
    checkOf: URIRef  # check of
    computation: URIRef  # computation
    computedPerson: URIRef  # computed person
    computedVerdict: URIRef  # computed verdict
    correctedSpeaker: URIRef  # corrected speaker
    countedValue: URIRef  # counted value
    decision: URIRef  # decision
    decisionTarget: URIRef  # decision target
    factCheckUrl: URIRef  # fact-check URL
    figureVerdict: URIRef  # figure verdict
    heldPosition: URIRef  # held position
    linkOf: URIRef  # link of
    linkedPerson: URIRef  # linked person
    matchOf: URIRef  # match of
    matchedFactCheck: URIRef  # matched fact-check
    member: URIRef  # member
    memberOf: URIRef  # member of
    normalisedRating: URIRef  # normalised rating
    officeAtTime: URIRef  # office at the time
    quantity: URIRef  # quantity
    rating: URIRef  # rating
    reportedBy: URIRef  # reported by
    series: URIRef  # series
    speaker: URIRef  # speaker
    supersedes: URIRef  # supersedes
    verdict: URIRef  # verdict
    wordChange: URIRef  # word change
    approximate: URIRef  # approximate
    articleHash: URIRef  # article hash
    attributionMethod: URIRef  # attribution method
    bodyContainment: URIRef  # body containment
    canonicalWords: URIRef  # canonical words
    changeKind: URIRef  # change kind
    changeOrder: URIRef  # change order
    checkDetail: URIRef  # check detail
    checkReason: URIRef  # check reason
    checkedPhrase: URIRef  # checked phrase
    claimedUpper: URIRef  # claimed upper bound
    claimedValue: URIRef  # claimed value
    comparator: URIRef  # comparator
    computedValue: URIRef  # computed value
    confidence: URIRef  # confidence
    contentHash: URIRef  # content hash
    copyMethod: URIRef  # copy method
    correctedText: URIRef  # corrected text
    countryCode: URIRef  # country code
    creditedOutlet: URIRef  # credited outlet
    cue: URIRef  # cue
    date: URIRef  # date
    dateValue: URIRef  # date value
    end: URIRef  # end
    entityLabel: URIRef  # entity
    entityRule: URIRef  # entity rule
    evidence: URIRef  # evidence
    firstOutlet: URIRef  # first outlet
    firstSeen: URIRef  # first seen
    independentSources: URIRef  # independent sources
    layerName: URIRef  # layer name
    linkConfidence: URIRef  # link confidence
    linkMethod: URIRef  # link method
    linkReason: URIRef  # link reason
    matchConfidence: URIRef  # match confidence
    matchMethod: URIRef  # match method
    matchRank: URIRef  # match rank
    matchScore: URIRef  # match score
    measureCode: URIRef  # measure
    measures: URIRef  # measures
    memberCode: URIRef  # member code
    memberCount: URIRef  # member count
    memberOn: URIRef  # members on
    memberWords: URIRef  # member words
    mentionEnd: URIRef  # mention end
    mentionStart: URIRef  # mention start
    misquote: URIRef  # misquote
    misquoteStatus: URIRef  # misquote status
    misstatement: URIRef  # misstatement
    outletCount: URIRef  # outlet count
    partial: URIRef  # partial
    process: URIRef  # process
    qualifier: URIRef  # qualifier
    quantityKind: URIRef  # quantity kind
    ratingText: URIRef  # rating text
    referenceVersion: URIRef  # reference version
    referenceYear: URIRef  # reference year
    relativeError: URIRef  # relative error
    role: URIRef  # role
    sourceId: URIRef  # source id
    speakerName: URIRef  # speaker name
    start: URIRef  # start
    summedValue: URIRef  # summed value
    verdictCode: URIRef  # verdict code
    wording: URIRef  # wording
    worldTotal: URIRef  # world total
    yearRule: URIRef  # year rule
