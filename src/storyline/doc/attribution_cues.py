"""Find who says what in one sentence string: its reporting cues (the outlet's hedges and its own
checks are ``attribution_checks``).

Rule-based because no attribution or quotation model can be loaded offline, and news attribution
follows a small set of fixed shapes ("X said that ...", "..., X said.", "according to X",
"citing X"). Offsets are local to the string plus ``offset``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.doc.speech_patterns import may_hold
from storyline.records import Attribution


def word_list(text: str) -> list[str]:
    """A word list written as one string, to keep vocabularies compact (also ``attribution_speakers``)."""
    return text.split()


CLAIM_CUES = word_list(
    "said says say told tells claimed claims announced announces reported reports stated states added "
    "adds wrote writes insisted insists alleged alleges asserted asserts declared declares confirmed "
    "confirms posted warned warns estimated estimates noted notes acknowledged admitted argued maintained"
)
DENIAL_CUES = word_list("denied denies rejected rejects dismissed dismisses refuted refutes disputed disputes called")
CUE_LEMMAS = frozenset(
    word_list(
        "say tell claim announce report state add write insist allege assert declare confirm post warn "
        "estimate note acknowledge admit argue maintain deny reject dismiss refute dispute"
    )
)
DENIAL_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute", "dispute"})
# Verbs that report speech or a stance only with a clause after them ("asked whether ...",
# "believes the bridge will reopen", "tweeted that ..."); the parse must show that clause.
CLAUSE_CUE_LEMMAS = frozenset(
    word_list(
        "ask tweet suggest agree explain respond reply believe think find show reveal recall contend predict "
        "testify conclude indicate promise vow pledge complain concede emphasize stress remark observe caution "
        "charge boast brag joke mention repeat wonder speculate assure recount hint imply feel hope fear worry "
        "point acknowledge signal"
    )
)

# Verbs of stance and intent, recorded as attributions without changing a sentence's status: the
# content is what they take after themselves ("accused the mayor of lying", "wants a new bridge").
STANCE_LEMMAS = frozenset(
    word_list(
        "call describe accuse criticize criticise endorse praise urge defend propose oppose refuse decline "
        "blame denounce question attack decry blast cite welcome condemn slam mock demand request characterize "
        "label dub applaud thank challenge hope fear doubt refer point ask promise vow pledge threaten "
        "suggest recommend embrace champion lament regret credit fault commend hail ridicule lambaste chide "
        "rebuke scold portray tout highlight express mention reference advocate rip lash taunt discuss "
        "address reiterate remind retort quip scoff shout yell whisper echo underscore plead proclaim protest "
        "counter opine muse grumble swear concede object"
    )
)
# Any other verb with a subject and a clause after it reports a thought or a saying ("X knows that
# ..."), except these, whose clause is a purpose or a result ("make sure that", "it means that").
NOT_A_CLAUSE_CUE = frozenset(
    word_list(
        "be have do make ensure mean get let help take go come need matter happen turn look sound become keep "
        "see know want like allow seem appear"
    )
)
# Verbs that hold a stance only in one construction and with someone as their subject (a person, a
# group, a place that acts, a pronoun): "seeks to reopen", "sees the vote as a test", "talks about the
# port", "prefers the old route". Each lemma names the dependents that make its construction: a
# dependency label, or a preposition. Measured on PolNeAR train: outside these shapes ("seeks shelter",
# "saw the bridge") the same verbs are seldom attributions.
CONSTRUCTION_STANCES: dict[str, frozenset[str]] = {
    lemma: frozenset(shape.split(","))
    for lemma, shape in (
        ("seek", "xcomp"),
        ("see", "as"),
        ("view", "as"),
        ("regard", "as"),
        ("talk", "about,on"),
        ("prefer", "xcomp,dobj"),
        ("advocate", "xcomp,dobj,for"),
        ("push", "xcomp,for"),
        ("decide", "xcomp,against"),
        ("expect", "xcomp"),
        ("offer", "dobj"),
        ("unveil", "dobj"),
        ("list", "dobj"),
        ("publish", "dobj"),
        ("support", "xcomp,for"),
        ("back", "dobj"),
        ("seem", "xcomp"),
        ("appear", "xcomp"),
        ("release", "dobj"),
        ("issue", "dobj"),
        ("speak", "about,of"),
        ("comment", "on"),
        ("rail", "against"),
        ("rebut", "dobj"),
        ("voice", "dobj"),
        ("recite", "dobj"),
        ("detail", "dobj"),
        ("outline", "dobj"),
        ("lay", "dobj"),
        ("aim", "xcomp"),
        ("cast", "as"),
    )
}
# The same, but only with a named person, organisation or group as the subject: "Rusk wants a new
# bridge", "the union supports the strike" (with "he" or "voters" they are mostly not marked).
NAMED_STANCES: dict[str, frozenset[str]] = {
    "want": frozenset({"xcomp", "dobj"}),
    "support": frozenset({"dobj"}),
    "choose": frozenset({"xcomp"}),
}
# Adjectives after "be" that hold a stance when something follows them: "is quick to blame", "was
# critical of the plan", "are hopeful that ...". Kept to those PolNeAR train marks more often than not.
STANCE_ADJECTIVES = frozenset(
    word_list("quick eager critical hostile worried skeptical sceptical optimistic pessimistic inclined hopeful")
)
# Nouns of a view that "be" opens: "Sanders's point was that ...", "the view of the council is that ...".
VIEW_NOUNS = frozenset(
    word_list(
        "point view belief argument position hope fear concern message contention worry thinking feeling "
        "assessment conclusion claim opinion sense expectation bet case"
    )
)
# Nouns that carry a stance when someone owns them: "the mayor's claim that ...", "her criticism of".
NOUN_CUE_LEMMAS = frozenset(
    word_list(
        "statement claim assertion allegation belief view argument warning promise pledge suggestion call "
        "criticism accusation charge remark comment announcement proposal plan opposition support insistence "
        "fear hope concern denial position stance opinion assessment prediction demand request threat vow "
        "endorsement praise attack"
    )
)


def _by_first_letter(words: list[str]) -> str:
    """The alternation of ``words`` (plain letters) for a pattern under re.I, led by a class of their first
    letters and grouped by them ("s(?:aid|ays)|t(?:old|ells)"), so that the search skips ahead fast and
    tries one group per letter; the order within a group is kept, so the matches are the same."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    alternation = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return f"(?=[{''.join(sorted(groups))}])(?:{alternation})"


_CUE = r"\b(?P<cue>" + _by_first_letter(CLAIM_CUES + DENIAL_CUES) + r")\b"
_AUX = r"(?:\s+(?:also|later|earlier|previously|separately|again|then|has|had|have|had\s+earlier|has\s+since))*"
_ADVERBIAL = r"(?:\s+(?:on|late\s+on|early\s+on|in|at|last|this|during|overnight|later|earlier|via)\b[^,\"“”]*)?"
_VERBISH = frozenset(word_list("was were is are be been being had would will could did do does killed"))
_LEADING_NOISE = re.compile(r"^(?:but|and|however|meanwhile|later|separately|earlier|yet)\b[\s,]*", re.I)
UNTRUE = re.compile(
    r"\b(?:untrue|not\s+true|false|fake|fabricat\w*|baseless|groundless|lies|a\s+lie|propaganda|"
    r"disinformation|misinformation|staged|nonsense)\b",
    re.I,
)
# An untruth word calls something untrue when it is said of it ("the reports were false", "dismissed
# as fake", "called the charges baseless"), names what was said ("false reports", "spreading lies") or
# is the whole content ("“Lies.”"); "a false passport" or "fooled by propaganda" only describe a thing.
_SAYINGS = (
    r"(?:claims?|reports?|information|news|statements?|allegations?|accusations?|charges?|stor(?:y|ies)"
    r"|rumou?rs?|assertions?|accounts?)"
)
_SAID_OF = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|as|remains?|remained|seems?|seemed|call(?:s|ed)?|brand(?:s|ed)?"
    r"|term(?:s|ed)?|spread\w*|tell\w*|told|peddl\w*|(?:it|that|this|what)['’]s)\s+(?:(?:\w+ly|all|a|an|pure"
    rf"|mere|just|simply|nothing\s+but|nothing\s+more\s+than|more|only|not|outright|blatant|sheer)\s+){{0,3}}"
    rf"|\b(?:{_SAYINGS}|it|them|this|that)\s+)$",
    re.I,
)
_WHAT_WAS_SAID = re.compile(rf"\s+{_SAYINGS}\b", re.I)
_WHOLE_UNTRUTH_WORDS = 3


def calls_untrue(content: str) -> bool:
    """Whether an attribution's content says something is untrue ("the reports were false", "it was all
    propaganda", "spreading false reports"), not only describes a thing with an untruth word ("fleeing on
    a false passport", "fooled by propaganda")."""
    if len(re.findall(r"[\w'’-]+", content)) <= _WHOLE_UNTRUTH_WORDS and UNTRUE.search(content):
        return True
    return any(
        _SAID_OF.search(content, 0, m.start()) or _WHAT_WAS_SAID.match(content, m.end())
        for m in UNTRUE.finditer(content)
    )


_ACCORDING = re.compile(r"\b(?P<cue>according\s+to)\s+(?P<src>[^,;]+?)(?=\s*(?:,|;|\.?[\"”]?\s*$))", re.I)
_TRAILING = re.compile(
    rf"(?P<sep>,[\"”]?|[\"”])\s+(?P<src>[^,\"“”]{{1,90}}?){_AUX}\s+{_CUE}{_ADVERBIAL}"
    r"(?:,\s+(?:citing|quoting)\s+(?P<via>[^.]+?))?\s*[.!]?[\"”]?\s*$",
    re.I,
)
# "..., said Oda Fenn." names the speaker after the cue; "Oda Fenn, a pilot, said at the quay." does not:
# words after the cue that open with a preposition say where or when, and the speaker comes before.
_NOT_AN_INVERTED_SOURCE = r"(?!(?:at|in|on|of|during|after|before|from|to|with|via|while|when)\b)"
_INVERTED = re.compile(
    r"(?P<sep>,[\"”]?|[\"”])\s+(?P<cue>said|says|added|wrote|claimed|insisted|reported)\s+"
    rf"{_NOT_AN_INVERTED_SOURCE}(?P<src>[^,\"“”]{{1,90}}?)(?:,\s+(?:citing|quoting)\s+(?P<via>[^.]+?))?\s*[.!]?[\"”]?\s*$",
    re.I,
)
BOUNDARY = re.compile(r"[,;:\"“”(]|\b(?:that|but|while|as|because|although|when|after|before)\b", re.I)
_TOLD_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*|[a-z]+(?:\s+(?:conference|briefing|"
    r"media|television|tv|channel|broadcaster|agency|newspaper|outlet|reporters|journalists))?)"
)
_CONTENT_THAT = re.compile(
    r"^(?:\s+(?:on|late\s+on|early\s+on|in|at|last|this|during|overnight|later|earlier|via)\b[^,\"“”]*?)?\s+(?P<that>that)\s+",
    re.I,
)
_PASSIVE = re.compile(
    r"^(?P<content>.+?)\s+(?:was|were|has\s+been|have\s+been)\s+(?P<cue>denied|rejected|dismissed|disputed|"
    r"refuted)\s+by\s+(?P<src>[^,]+?)(?:\s+as\s+[^,]+)?\s*[.!]?\s*$",
    re.I,
)
_PASSIVE_CUES = ("denied", "rejected", "dismissed", "disputed", "refuted")  # for ``may_hold``
_NOT_A_SOURCE_END = frozenset(word_list("the a an this these those its their his her our"))
_CITING = re.compile(r",\s+(?:citing|quoting)\s+(?P<via>[^,.]+(?:,[^,.]+)?)\s*[.!]?[\"”]?\s*$", re.I)
_CITING_FIRST = re.compile(r"^\s*(?:citing|quoting)\s+(?P<via>[^,;]+),", re.I)  # "Citing Y, X said ..."
_CITING_NEXT = re.compile(r",\s+(?:citing|quoting)\s+(?P<via>[^,;.]+)", re.I)  # "according to X, citing Y"
# Words that make what follows "citing" a source rather than a reason: "citing an unnamed official",
# not "citing health reasons". A capitalised word after the first also counts ("citing Interfax").
SOURCE_NOUNS = frozenset(
    word_list(
        "official officials source sources spokesman spokeswoman spokesperson ministry department agency "
        "office authority authorities government police military army command report reports statement "
        "statements document documents data survey poll study witness witnesses resident residents person "
        "people diplomat diplomats expert experts analyst analysts intelligence media television tv radio "
        "newspaper paper broadcaster outlet channel network website commission committee council governor "
        "mayor president minister commander general chief head prosecutor adviser advisor secretary leader "
        "director ambassador envoy aide aides administration embassy service master captain officer officers "
        "worker workers staff member members lawmaker lawmakers senator operator company firm group union "
        "organisation organization spokespeople investigator investigators"
    )
)


def names_a_source(text: str) -> bool:
    """Whether the words after "citing" name who said it ("an unnamed official in the ministry",
    "Interfax"), not the grounds ("health reasons", "low growth")."""
    words = re.findall(r"[\w'’-]+", text)
    return any(w.lower() in SOURCE_NOUNS for w in words) or any(w[:1].isupper() for w in words[1:])


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def span_of(text: str, start: int, end: int) -> Span:
    """Trim spaces, quotes and end punctuation from ``text[start:end]``."""
    while start < end and text[start] in " \t\n\"“”'‘’,":
        start += 1
    while end > start and text[end - 1] in " \t\n\"“”'‘’,.;:!":
        end -= 1
    return Span(start, end, text[start:end])


def _source_ok(span: Span) -> bool:
    words = span.text.split()
    if not words or len(words) > 10 or words[-1].lower() in _NOT_A_SOURCE_END:
        return False
    return not any(w.lower() in _VERBISH for w in words)


def _strip_noise(text: str, span: Span) -> Span:
    m = _LEADING_NOISE.match(span.text)
    return span_of(text, span.start + m.end(), span.end) if m else span


def _kind(cue: str, content: str) -> str:
    word = cue.lower()
    if word in DENIAL_CUES and word != "called":
        return "denial"
    return "denial" if calls_untrue(content) else "claim"


def _make(
    text: str, offset: int, cue: tuple[int, int], content: Span, source: Span | None, via: str | None
) -> Attribution | None:
    kind = _kind(text[cue[0] : cue[1]], content.text)
    if text[cue[0] : cue[1]].lower() == "called" and kind != "denial":
        return None  # "called for talks" is not reporting
    return Attribution(
        cue=(cue[0] + offset, cue[1] + offset),
        content=(content.start + offset, content.end + offset),
        source=(source.start + offset, source.end + offset) if source else None,
        speaker=source.text if source else None,
        kind=kind,  # type: ignore[arg-type]
        via=via.strip() if via else None,
    )


def _according(text: str, offset: int) -> Attribution | None:
    m = _ACCORDING.search(text) if may_hold(text, ("according",), _ACCORDING) else None
    if m is None:
        return None
    source = span_of(text, m.start("src"), m.end("src"))
    citing = _CITING_NEXT.match(text, m.end())
    end = citing.end() if citing is not None else m.end()  # "according to X, citing Y, ..."
    after = span_of(text, end, len(text))
    content = after if m.start() < len(text) / 3 and len(after.text) > 2 else span_of(text, 0, m.start())
    return _make(text, offset, m.span("cue"), content, source, _via(citing.group("via") if citing else None))


def _via(cited: str | None) -> str | None:
    """What follows "citing", as the nested source, when it names a source rather than a reason."""
    return cited if cited is not None and names_a_source(cited) else None


def _trailing(text: str, offset: int) -> Attribution | None:
    for pattern in (_TRAILING, _INVERTED):
        m = pattern.search(text)
        if m is None:
            continue
        source = _strip_noise(text, span_of(text, m.start("src"), m.end("src")))
        if _source_ok(source) and m.start() > 0:
            content = span_of(text, 0, m.start() + 1)
            return _make(text, offset, m.span("cue"), content, source, _via(m.group("via")))
    return None


_AUX_AT_END = re.compile(rf"{_AUX}$", re.I)
_APPOSITIVE = re.compile(r"(?:^|[,;:\"“”])\s*(?P<np1>[^,;:\"“”]+),\s+(?P<np2>[^,;:\"“”]+),$")


def backward_source(text: str, end: int) -> tuple[Span, str | None] | None:
    """The noun phrase ending at ``end``: "Oleh Synehubov, the regional governor," or "X, citing Y,"."""
    head = text[:end].rstrip()
    head = _AUX_AT_END.sub("", head).rstrip()
    via = None
    appositive = _APPOSITIVE.search(head)
    if appositive is not None:
        np2 = appositive.group("np2")
        if np2.lower().startswith(("citing ", "quoting ")):
            via, head = np2.split(None, 1)[1], head[: appositive.start("np2")].rstrip(" ,")
        else:
            span = _strip_noise(text, span_of(text, appositive.start("np1"), appositive.end("np2")))
            return (span, None) if _source_ok(span) and len(span.text.split()) <= 14 else None
    cuts = [m.end() for m in BOUNDARY.finditer(head)]
    span = _strip_noise(text, span_of(text, cuts[-1] if cuts else 0, len(head)))
    return (span, via) if _source_ok(span) else None


def _content_after(text: str, cue_end: int, cue: str) -> Span:
    pos = cue_end
    if cue.lower() in ("told", "tells"):
        obj = _TOLD_OBJECT.match(text, pos)
        pos = obj.end() if obj else pos
    lead = _CONTENT_THAT.match(text[pos:])
    if lead is not None:
        pos += lead.start("that")  # "that" is part of the content, as PolNeAR and PARC mark it
    elif text[pos:].lstrip().startswith(","):
        pos += text[pos:].index(",") + 1
    return span_of(text, pos, len(text))


_CUE_WORD = re.compile(_CUE, re.I)
# A piece of every cue word, for ``may_hold``: fewer tests than the words themselves.
_CUE_LITERALS = (
    *("said", "say", "told", "tell", "claim", "announc", "report", "state", "add", "wrote", "writes"),
    *("insist", "alleg", "assert", "declar", "confirm", "posted", "warn", "estimat", "note", "acknowledged"),
    *("admitted", "argued", "maintained", "denie", "reject", "dismiss", "refut", "disput", "called"),
)
_NOUN_VERB_AFTER = re.compile(r"\s+(?:were|was|are|is|of)\b")


def _leading(text: str, offset: int) -> Attribution | None:
    for m in _CUE_WORD.finditer(text):
        if _NOUN_VERB_AFTER.match(text, m.end()):
            continue  # "the claims were ...": a noun, not a reporting verb
        found = backward_source(text, m.start())
        if found is None:
            continue
        source, via = found
        content = _content_after(text, m.end(), m.group("cue"))
        citing = _CITING.search(text, m.end())
        if citing is not None and via is None:
            via = citing.group("via")
            content = span_of(text, content.start, citing.start())
        first = _CITING_FIRST.match(text)
        if via is None and first is not None and first.end() <= source.start:
            via = first.group("via")
        if len(content.text) > 2:
            return _make(text, offset, m.span("cue"), content, source, _via(via))
    return None


def _passive(text: str, offset: int) -> Attribution | None:
    m = _PASSIVE.search(text) if may_hold(text, _PASSIVE_CUES, _PASSIVE) else None
    if m is None:
        return None
    source = span_of(text, m.start("src"), m.end("src"))
    content = span_of(text, 0, m.end("content"))
    return _make(text, offset, m.span("cue"), content, source, None) if _source_ok(source) else None


# "Officials put the number of dead at 17": an estimate given by its source, a claim like "said".
_ESTIMATE = re.compile(
    r"\b(?P<cue>put|puts|putting)\s+(?P<what>(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:number|toll|figure|count|total|cost|area|extent|size)\b.*?\s+at\s+\S.*)$",
    re.I,
)


def _estimate(text: str, offset: int) -> Attribution | None:
    m = _ESTIMATE.search(text) if may_hold(text, ("put",), _ESTIMATE) else None
    found = backward_source(text, m.start("cue")) if m is not None else None
    if m is None or found is None:
        return None
    source, via = found
    return _make(text, offset, m.span("cue"), span_of(text, m.start("what"), len(text)), source, _via(via))


def find_attributions(text: str, offset: int = 0) -> list[Attribution]:
    """Reporting attributions in one sentence: "according to X", "..., X said.", "X said (that) ...",
    "X put the toll at 17"."""
    # "..., X said." and "X said ..." need a cue word ("said", ...): most sentences have none
    cued = may_hold(text, _CUE_LITERALS, _CUE_WORD)
    for finder in (_according, _passive, _trailing, _leading, _estimate) if cued else (_according, _passive, _estimate):
        found = finder(text, offset)
        if found is not None:
            return [found]
    return []
