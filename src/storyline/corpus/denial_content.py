"""What a denial denies, and whether a claim says it: the object of a denial's verb (or what a relative
denial points back to, or what a denial with no verb calls untrue), its content words, and the words a
claim must share with it. ``denial_answers`` pairs a denial with the claim it answers using these.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from storyline.doc.attribution_cues import UNTRUE
from storyline.records import Mention

# Nouns of saying: "rejected the truce announcement" rejects a claim, even after a proposal word.
SAYINGS = r"(?:announcement|declaration|report|account|claim|statement|accusation|allegation|assertion)s?"
# Nouns a denial names what someone said by: "rejected the premier's remarks", "dismissed rebel claims".
SAID = rf"(?:{SAYINGS}|remarks|comments|words|speech(?:es)?|versions?|charges?|suggestions?|rumou?rs?)"
WORD = re.compile(r"[A-Za-z][\w'’-]*")

# The verb of a denial and what follows it: its object or complement, up to the end of its clause.
DENIAL_VERB = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss\w*|reject\w*|refut\w*|disput\w*|rebuff\w*)\b", re.IGNORECASE
)
_CLAUSE_END = re.compile(
    r"[.;:!?](?:\s|$)|,\s+(?:saying|insisting|arguing|adding|blaming|and\s+said|but|while|although)\b"
    r"|,?\s+as\s+(?:(?:an?|the|its|their|his|her|our|\w+ly)\b|[“\"‘'])"  # "dismissed it as a ruse", "as “self-serving”"
)
# A clause describing a noun of the object, between commas or to its end, is not what is denied: "denied
# plans to sell its Russian assets, which include a stake in a refinery".
_DESCRIBING = re.compile(r",\s+(?:which|who)\s+[^,]*(?:,|$)")
_DATELINE = re.compile(r"\s*[A-Z]{3,}(?:[ /-][A-Z]{2,})*,")  # "PORTVILLE, May 3 (Wire) -" opens a story
_HEADLINE_BREAK = re.compile(r"[*|.;:!?]\s")
_SUFFIX = re.compile(r"(?:'s|’s|ing|ed|es|s)$")
_STEM = 5  # letters kept of a word: "attacking"/"attacks", "negotiations"/"negotiate" meet
# Words that tell no content: function words, and the nouns and verbs of saying and denying
# ("denied the report", "dismissed the claims") that a denial of what was said uses.
_EMPTY_WORDS = """a an the and or but of to in on at by for from with as into over about after before than that this
    these those it its it's them they their he him his she her we our us you your i me my who whom which what when where
    is are was were be been being am has have had do does did will would could should may might must can shall
    not no nor any all some such so very much more most also only just still even there here then now
    said say says saying told tell tells report reports reported reporting claim claims claimed account accounts
    statement statements accusation accusations allegation allegations assertion assertions charge charges
    suggestion suggestions suggest suggested rumour rumours rumor rumors word words news idea notion
    remark remarks comment comments speech speeches version versions
    deny denies denied denying denial dismiss dismissed dismissing reject rejected rejecting refute refuted
    dispute disputed significance existence criticism including
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight recent recently
    day days week weeks month months year years january february march april june july august september
    october november december"""
_EMPTY = frozenset(_EMPTY_WORDS.split())  # days, months and spans of time tell when, which the event matched
NO_CONTENT = _EMPTY  # the same words, for the nouns after a figure (``denial_figures``)
# Words for the denier's own part ("denied responsibility", "any involvement"): they name no content.
_OWN_PART = frozenset({"responsibility", "involvement", "role", "complicity", "wrongdoing", "blame"})
_MIN_SHARED = 2  # content words a denial's object shares with a claim it answers ...
_SHORT_OBJECT = 4  # ... or one, when the object holds at most this many content words
_POINTING = 2  # an object of at most this many ("denied responsibility") may answer the sentence before


def stem(word: str) -> str:
    """A word's stem as the content tests compare them: lower case, without its suffix, five letters
    ("attacking", "attacks" -> "attac")."""
    return _SUFFIX.sub("", word.lower())[:_STEM]


# A figure called too low or too high: "dismiss the 5,000 estimate as ridiculously low", "rejected the toll of 40 as
# exaggerated".
_JUDGED_SIZE = re.compile(
    r"\bas\s+(?:(?:\w+ly|too|far|much|way|so|rather)\s+){0,2}(?:low|high|small|large|inflated|exaggerated|overstated"
    r"|understated|overblown|conservative|lowball)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def judges_a_figure(text: str) -> bool:
    """Whether a denial calls a figure too low or too high and tells its own ("Scientists dismiss the original 5,000
    barrel estimate as far too low and say the flow could be 70,000"): two figures disagree, which the figure kind
    sets against each other; read as a status pair, its words ("oil", "leak") meet any line of the measure. A
    dismissal giving no figure of its own ("rejected the toll of 40 as exaggerated") still answers a claim."""
    verb = DENIAL_VERB.search(text)
    if verb is None:
        return False
    size = _JUDGED_SIZE.search(text, verb.end())
    if size is None or not _DIGIT.search(text, verb.end(), size.start()):
        return False
    return _DIGIT.search(text[: verb.start()] + " " + text[size.end() :]) is not None


# A denial told in a relative clause after what it denies: "charged with fraud, which he denies",
# "accused of bribery - a charge she has denied", "..., charges they deny".
_DENIED_BEFORE = re.compile(
    r"(?:,|\s[-–—])\s*(?:which|an?\s+(?:charge|accusation|allegation|claim)|(?:the\s+)?(?:charges|accusations"
    r"|allegations|claims))\s+(?:he|she|they|it|both|all|the\s+[a-z]+|[A-Z][\w-]+)\s+"
    r"(?:(?:has|have|had|also|strongly|repeatedly|always|vehemently|consistently|still)\s+)*$"
)  # its subject is named: in "the ministry, which denied it" the ministry denies
# The noun a relative denial points back to starts after the last of these ("convicted of fraud").
_ANTECEDENT_AFTER = frozenset({"of", "with", "over", "for", "in", "to", "by", "denies", "denied", "deny"})
_ANTECEDENT_WORDS = 6


def _denied_before(before: str) -> str | None:
    """What a denial told in a relative clause points back to ("faces prison if convicted of fraud,
    which he denies" -> "fraud"): the words after the last preposition of the clause before it, at most
    six; None when the denial is no such clause."""
    m = _DENIED_BEFORE.search(before)
    if m is None:
        return None
    words = re.split(r"[.;:,!?]\s", before[: m.start()])[-1].split()[-_ANTECEDENT_WORDS:]
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _ANTECEDENT_AFTER), default=0)
    return " ".join(words[cut:] or words)


_THAT = re.compile(r"\bthat\s+", re.IGNORECASE)
_POINTER_UNTRUE = re.compile(
    rf"\b(?:(?:the|these|those|such)\s+(?:\w+\s+)?{SAYINGS}|it|this|they|them)\s+(?:(?:was|were|is|are|as)\s+)?"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)


# A quotation calling something untrue, framed by what its speaker was asked about: "“Lies,” he said when
# I asked him about the crowds"; what he was asked about is what he calls untrue.
_ASKED_ABOUT = re.compile(
    r"\b(?:asked|questioned|pressed)\s+(?:(?:him|her|them|us|me)\s+)?(?:about|over|on|of)\s+(?P<what>[^.;:!?]+)",
    re.IGNORECASE,
)


def _called_untrue(text: str) -> str | None:
    """What a denial with no denial verb calls untrue: the words between "that" and the untruth word
    ("said reports that the navy shelled the port were false" -> "the navy shelled the port were"), nothing
    when it points back ("said the reports were false"), else the sentence without its untruth words
    ("'Lies, all lies,' he said of the crowds on state TV"), or, for a quotation framed by a question, what
    its speaker was asked about ("'Lies,' he said when asked about the crowds" -> "the crowds"). None when
    it has no untruth word either."""
    first = UNTRUE.search(text)
    if first is None:
        return None
    before = text[: first.start()]
    that = list(_THAT.finditer(before))
    if that:
        return before[that[-1].end() :]
    if _POINTER_UNTRUE.search(before):
        return ""  # "said the reports were false" points back, like "denied the reports"
    asked = _ASKED_ABOUT.search(text, first.end())
    if asked is not None:
        return asked.group("what")  # "'Lies,' he said when I asked him about the crowds on TV" -> the crowds
    return UNTRUE.sub(" ", text)


def denied_object(text: str) -> str | None:
    """What a denial denies, as text: the words after its first denial verb to the end of that clause
    ("denied that its troops shelled the port"), without a clause describing one of its nouns (", which ..."),
    or, for a relative denial ("convicted of fraud, which he denies"), what it points back to
    (``_denied_before``), or what a denial with no denial verb calls untrue (``_called_untrue``). None when the
    text has neither."""
    verb = DENIAL_VERB.search(text)
    if verb is None:
        return _called_untrue(text)
    back = _denied_before(text[: verb.start()])
    if back is not None:
        return back
    rest = text[verb.end() :]
    first = re.match(r"\s*[^\s,;:.!?]+", rest)  # "dismissing as unlikely any plan ...": its object comes after "as"
    end = _CLAUSE_END.search(rest, first.end() if first else 0)
    rest = _DESCRIBING.sub(" ", rest[: end.start()] if end else rest)
    if _DATELINE.match(rest):
        # a headline before the story's dateline, "Report of harbour meeting denied PORTVILLE, May 3 -",
        # denies what comes before its verb
        rest = _HEADLINE_BREAK.split(text[: verb.start()])[-1]
    return rest


# People in posts: dismissing them removes them from office ("judges dismissed by the president", "dismissed his
# finance minister"), which denies nothing.
_POSTS = (
    r"(?:judges?|justices?|magistrates?|ministers?|officials?|officers?|generals?|commanders?|governors?|ambassadors?"
    r"|envoys?|secretar(?:y|ies)|directors?|managers?|coach(?:es)?|chiefs?|staff|workers?|employees?|aides?"
    r"|advis[eo]rs?|prosecutors?|teachers?|players?|cabinet)"
)
_POST_ENDS = r"(?=\s*(?:[,.;:]|$)|\s+(?:from|and|over|for|after|in|on|last|this|at|with|because|amid)\b)"
_REMOVED = re.compile(
    rf"\b{_POSTS}\s+(?:(?:who|that)\s+)?(?:(?:were|was|had\s+been|have\s+been|has\s+been|being)\s+(?:\w+ly\s+)?"
    rf"dismissed\b(?!\s+as\b)|dismissed\s+(?=by|from)\b)"
    rf"|\bdismiss(?:es|ed|ing)?\s+(?:(?:the|his|her|their|its|a|an|some|all|several|dozens\s+of|hundreds\s+of"
    rf"|\d[\d,]*)\s+)?(?:[\w-]+\s+){{0,2}}?{_POSTS}{_POST_ENDS}"
    r"|\bdismissed\s+from\s+(?:his|her|their|the|its)\s+(?:posts?|jobs?|positions?|office|roles?|duties|service)\b",
    re.IGNORECASE,
)


def removes_from_post(text: str) -> bool:
    """Whether each denial verb of a text dismisses people from a post ("They want the judges dismissed by the
    former president reinstated", "The premier dismissed his finance minister on Monday", "was dismissed from his
    post"): a removal from office, which denies no claim; not "dismissed the minister's claims" nor "officials
    dismissed the report"."""
    verbs = list(DENIAL_VERB.finditer(text))
    removals = [m.span() for m in _REMOVED.finditer(text)]
    return bool(verbs) and all(any(a <= v.start() < b for a, b in removals) for v in verbs)


# Who told what a denial rejects names no content of it: the owner before a noun of saying ("the younger
# Brand's remarks", "rebel claims") and its agent before "that" ("claims by Brand's aides that ...").
_TELLER = re.compile(
    rf"\b(?:the\s+)?(?:[\w-]+\s+){{0,2}}?[\w-]+['’]s\s+(?=(?:[\w-]+\s+){{0,2}}?{SAID}\b)"
    rf"|\b(?:rebel|opposition|government|regime|army|military|police|activist|protester)s?['’]?\s+(?={SAID}\b)"
    rf"|(?<=\s)(?:made\s+)?by\s+(?:[\w'’-]+\s+){{1,5}}?(?=that\b)",
    re.IGNORECASE,
)


def tellers(denied: str) -> str:
    """Who told what a denial's object (``denied_object``) rejects, as it names them ("the harbour board's claims
    that ..." -> "the harbour board's", "rebel claims" -> "rebel"); empty when it names no one."""
    return " ".join(m.group().strip() for m in _TELLER.finditer(denied))


def without_tellers(denied: str) -> str:
    """A denial's object without who told what it rejects ("the board's claims that the dam leaked" -> "claims
    that the dam leaked")."""
    return _TELLER.sub(" ", denied)


# Where what a denial rejects was told is no content of it: "the crowds broadcast nightly on state TV",
# "reports aired by rebel radio".
_TOLD_ON = re.compile(
    r"(?:\b(?:broadcast|aired|shown|televised|published|posted|reported)\s+(?:[a-z]+ly\s+)?)?"
    r"\b(?:on|by)\s+(?:[\w'’-]+\s+){0,4}?(?:TV|television|radio|media|websites?|channels?|networks?)\b",
    re.IGNORECASE,
)


def denied_content(text: str) -> list[str] | None:
    """The content words of what a denial denies (``denied_object``: "denied that its troops shelled the
    port" -> troops, shelled, port), without words of saying ("denied the report that ...") nor the words
    naming who said it ("rejected rebel claims that ...", "the premier's remarks") or where it was told
    ("the crowds broadcast on state TV"), nor words of time ("on Friday", "in recent weeks"). None when
    the text has no denial verb (nothing to compare); an empty list when the object is only "it", "them"
    or "the report" (it answers a claim told nearby)."""
    rest = denied_object(text)
    if rest is None:
        return None
    rest = _TOLD_ON.sub(" ", _TELLER.sub(" ", rest))
    return [w for w in WORD.findall(rest) if w.lower() not in _EMPTY and len(w) > 2]


_COMMON_SHARE = 0.5  # a name in at least half of a story's reports ...
_COMMON_MIN = 3  # ... and in at least this many is one of its main actors or places


def common_names(texts: Iterable[str]) -> frozenset[str]:
    """The stems of the names (capitalized words) found in at least half of the texts, and in at least
    three: a story's main actors and places ("Gaddafi", "Libya"), named in nearly every claim, so that
    sharing one tells nothing of whether a denial answers a claim."""
    counts: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        counts.update({stem(w) for w in WORD.findall(text) if w[0].isupper() and w.lower() not in _EMPTY})
    floor = max(_COMMON_MIN, _COMMON_SHARE * n)
    return frozenset(stem for stem, k in counts.items() if k >= floor)


# A denied statement that is itself negative ("criticism that aid was not arriving") is answered only by a
# claim that says something negative too: a negation, or a word of lack or failure ("failed to", "a lack of").
_NEGATED = re.compile(r"\b(?:not|never|no)\b|n['’]t\b", re.IGNORECASE)
_NEGATIVE = re.compile(
    r"\b(?:not|never|no|none|nothing|nobody|without|lack\w*|fail\w*|short\w*|unable|too\s+slow\w*|slow\w*"
    r"|delay\w*|stuck)\b|n['’]t\b",
    re.IGNORECASE,
)


# A name after a word of place in a denial's object says where, not what: "denied attacking civilians in Kessel".
_WHERE_NAME = re.compile(
    r"\b(?:in|at|near|around|outside|across|inside|from)\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s*)+)", re.UNICODE
)


def _places_named(rest: str) -> set[str]:
    """The stems of the names told as where in a denial's object ("in Kessel", "near the Old Mill")."""
    return {stem(w) for m in _WHERE_NAME.finditer(rest) for w in WORD.findall(m.group(1))}


# A relation denied between two parties or things ("denied any link between the blast and earlier lapses",
# "denied there was tension between him and the chairman"): the names after "between" say what it is between,
# and a claim must tell such a relation (a word of its kin) to be what is denied.
_RELATION = re.compile(
    r"\b(links?|connections?|ties|tensions?|rifts?|rows?|feuds?|friction|splits?|relationships?|contacts?)"
    r"\s+between\b",
    re.IGNORECASE,
)
_LINKED = r"link|connect|ties\b|tied|relat|caus|because|blam|led\s+to|result|contribut"
_STRIFE = r"tension|rift|row\b|rows\b|feud|friction|split|clash|disagree|quarrel|dispute|at\s+odds|falling[\s-]out"
_KIN = {"link": _LINKED, "conne": _LINKED, "ties": _LINKED, "relat": r"relation|contact|talk|meet|met\b|deal"}
_KIN["conta"] = _KIN["relat"]


def tells_the_relation(denied: str, claim: str) -> bool:
    """Whether a claim tells the relation a denial denies (``denied``, its ``denied_object``) between two parties or
    things (``_RELATION``: a link, a tension, contacts), by a word of its kin; True when it denies no such
    relation."""
    m = _RELATION.search(denied)
    if m is None:
        return True
    kin = _KIN.get(stem(m.group(1)), _STRIFE)
    return re.search(rf"\b(?:{kin})", claim, re.IGNORECASE) is not None


# A denied clause whose subject is a name, with its title ("that CEO Ivo Brand is resigning", "that Ostmark, a
# small port, was ill-prepared"): what is said of the named one follows its verb.
_NAMED_SUBJECT = re.compile(
    r"^(?:.*?\bthat\s+)?(?:(?:CEO|chief|chairman|president|minister|spokes(?:man|woman)|director|leader|commander"
    r"|[Dd]r|Mr|Mrs|Ms)\.?\s+)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}(?:,[^,]{1,60},)?\s+"
    r"(?:is|are|was|were|has|have|had|will|would|could|did|does)\b(?P<said>.*)$"
)


def _said_of_the_name(rest: str) -> list[str]:
    """The content words a denied clause with a named subject says of it (``_NAMED_SUBJECT``), else none."""
    m = _NAMED_SUBJECT.match(rest.strip())
    return [w for w in WORD.findall(m.group("said")) if w.lower() not in _EMPTY and len(w) > 2] if m else []


# A negation right before a word, past an auxiliary: "is not holding", "has not been paid", "no talks".
_SAYS_NO = re.compile(r"\b(?:not|never|no)\s+(?:(?:be|been|being|have|had|yet|currently|now)\s+)?$|n['’]t\s+$", re.I)


def says_no_to(claim: str, shared: AbstractSet[str]) -> bool:
    """Whether the first word of ``claim`` whose stem is in ``shared`` (the words it shares with a denial's object)
    comes right after a negation: "The council is not holding any talks" says no to what "denies holding talks"
    denies, and so agrees with it; "did not stop shelling" still tells shelling."""
    for m in WORD.finditer(claim):
        if m.group().lower() not in _EMPTY and stem(m.group()) in shared:
            return _SAYS_NO.search(claim, 0, m.start()) is not None
    return False


def shares_content(denial: str, claim: str, common: AbstractSet[str] = frozenset()) -> bool:
    """Whether a denial's object (``denied_content``) is the content of a claim: they share at least
    two content words, or one when the object is short, and not only names of ``common`` (``common_names``)
    nor only a place the object tells as where ("denied attacking civilians in Kessel" answers no claim that
    only names Kessel), nor only the named subject of a denied clause ("denied that CEO Ivo Brand is resigning"
    needs "resigning"); a negative object ("criticism that aid was not arriving") needs a negative claim
    (``_NEGATIVE``), and a claim that says no to what a positive object denies agrees with it (``says_no_to``);
    a relation denied between two things needs a claim telling it (``tells_the_relation``).
    A denial with no denial verb or an object that only points back ("denied it") may answer any claim."""
    words = denied_content(denial)
    if not words:
        return True
    denied = denied_object(denial) or ""  # read once: every check below reads the same object
    if _NEGATED.search(denied.split(",")[0]) and not _NEGATIVE.search(claim):
        return False  # "rejected criticism that aid was not arriving" answers no claim that aid is arriving
    if not tells_the_relation(denied, claim):
        return False  # "denied any link between the blast and earlier lapses" answers no claim of the blast alone
    stems = {stem(w) for w in WORD.findall(claim) if w.lower() not in _EMPTY}
    shared = {stem(w) for w in words if stem(w) in stems}
    where = _places_named(denied)
    if not {stem(w) for w in words if stem(w) in shared - where and not (w[0].isupper() and stem(w) in common)}:
        return False
    if not _NEGATED.search(denied.split(",")[0]) and says_no_to(claim, shared - where):
        return False  # "denies holding talks" and "is not holding any talks" agree
    said_of = {stem(w) for w in _said_of_the_name(_TELLER.sub(" ", denied))}
    if said_of and not said_of & stems:
        return False  # "denied that CEO Ivo Brand is resigning" answers no claim that only names him
    need = 1 if len({stem(w) for w in words}) <= _SHORT_OBJECT else _MIN_SHARED
    return len(shared) >= need


# A denial's object that only points back to a charge: "denied the charges", "rejects these allegations and ...".
_CHARGE_POINTER = re.compile(
    r"^\s*(?:the|these|those|such|all|any|all\s+the)\s+(?:\w+\s+)?(?:charges?|allegations?|accusations?)\b"
    r"(?!\s+(?:that|of|against|about|over|by|from)\b)\s*(?:$|,|\band\b)",
    re.IGNORECASE,
)
# What a charge says: someone is accused or blamed, or did a wrong (a crime, a killing, an abuse).
_CHARGE = re.compile(
    r"\b(?:accus\w*|alleg\w*|charg\w*|blam\w*|responsible|guilty|crimes?|criminal|abus\w*|rap(?:e|es|ed|ing)"
    r"|tortur\w*|kill\w*|murder\w*|massacr\w*|attack\w*|shell(?:ed|ing)|bomb(?:ed|ing)|shot|shoot\w*"
    r"|corrupt\w*|brib\w*|fraud\w*|embezzl\w*|stole|steal\w*|atrocit\w*|execut\w*|violat\w*|lied|lying)\b",
    re.IGNORECASE,
)


def denies_a_charge(text: str) -> bool:
    """True when a denial's object only points back to a charge ("denies the charges and accuses the rebels of
    lying", "rejected the allegations"): it names no content, and answers only a claim that is a charge."""
    rest = denied_object(text)
    return rest is not None and _CHARGE_POINTER.match(rest) is not None


def tells_a_charge(text: str) -> bool:
    """True when a claim charges someone: an accusation ("accused the army of ...") or a wrong done ("found
    videos of rape", "troops shelled the port"); "the rebels have weapons" charges no one."""
    return _CHARGE.search(text) is not None


# What a plan or mission sets out to prevent is no claim that it happened: "launched the mission, aiming to
# prevent the army from shelling the towns", "sent ships to stop smugglers from landing arms".
_TO_PREVENT = re.compile(
    r"\b(?:to|in\s+order\s+to|so\s+as\s+to)\s+(?:prevent|stop|deter|halt|avert|keep)\b[^.;:]*", re.IGNORECASE
)


def without_purpose(text: str) -> str:
    """A claim's text without what it tells only as a purpose to prevent ("..., aiming to prevent the army from
    shelling the towns" -> "..., aiming")."""
    return _TO_PREVENT.sub(" ", text)


# An object that only points back in the text: "dismissed those comments", "rejected these claims", "denied it",
# and a saying named by "the" alone ("denied the report", "rejected the accusations"): the one just told.
_POINTER = re.compile(
    rf"^\W*(?:(?:those|these|such|this|that|his|her|their|its)\s+(?:\w+\s+)?{SAID}|the\s+{SAYINGS}|it|them|this|that)\W*$",
    re.IGNORECASE,
)


def points_back(text: str) -> bool:
    """Whether a denial's object only points back to words told just before it ("But the chairman later dismissed
    those comments", "rejected these claims", "denied the report", "denied it"): what it denies is in its own
    report."""
    rest = denied_object(text)
    return rest is not None and _POINTER.match(rest) is not None


# A pro-form in a denial's object for words told just before it: "deny that anyone told her such a thing", "denied
# saying anything of the sort".
_SUCH = re.compile(
    rf"\bsuch\s+(?:an?\s+)?(?:things?|{SAID})\b|\banything\s+(?:of\s+the\s+(?:sort|kind)|like\s+(?:that|this|it))\b",
    re.IGNORECASE,
)


def points_to_what_precedes(text: str) -> bool:
    """Whether a denial points back to words told just before it: its object only points back (``points_back``) or
    holds a pro-form for them ("deny that anyone ever told her such a thing", "denied saying anything of the sort")."""
    rest = denied_object(text)
    return rest is not None and (_POINTER.match(rest) is not None or _SUCH.search(rest) is not None)


# A line telling how a thing was received: "The comparison drew angry responses from families", "the plan sparked
# protests"; the thing received is its subject.
_RECEIVED = re.compile(
    r"^\W*(?:the|this|that|his|her|its|their)\s+(?P<thing>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:has\s+|have\s+)?"
    r"(?:drew|draws|drawn|sparked|provoked|prompted|triggered|met\s+with|was\s+met\s+with)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:criticism|anger|angry|fire|protests?|condemnation|outrage|responses?|reactions?|backlash|rebukes?|ire"
    r"|objections?)\b(?P<rest>[^.;]*)",
    re.IGNORECASE,
)
_NEW_VOICE = re.compile(r"\b(?:who|which|that|saying|accus\w*|call\w*)\b", re.IGNORECASE)


def tells_the_rejection(denial: str, claim: str) -> bool:
    """Whether a claim only tells how what the denial rejects was received ("The comparison drew angry responses
    from families" against "Some families rejected the comparison"): the same rejection told twice, not a claim
    it answers; a reaction telling a charge of its own ("drew fire from a senator who accused ...") is a claim."""
    m = _RECEIVED.match(claim)
    if m is None or _NEW_VOICE.search(m.group("rest")):
        return False
    thing = {stem(w) for w in WORD.findall(m.group("thing")) if w.lower() not in _EMPTY}
    return bool(thing) and thing <= {stem(w) for w in denied_content(denial) or []}


def answers_content(denial: Mention, claim: Mention, common: AbstractSet[str] = frozenset()) -> bool:
    """Whether what a denial denies is what a claim says (``shares_content``); a short object
    ("denied responsibility", "denied any involvement") also answers the claim told just before it in its
    report, an object telling only the denier's own part ("denied responsibility") answers no claim of
    another report: it does not say for what, and an object that only points back to a charge ("denies the
    charges") answers only a claim that charges someone (``tells_a_charge``), and one that only points back ("dismissed
    those comments", ``points_back``) only a claim of its own report; a claim telling only how what the denial
    rejects was received is no claim it answers (``tells_the_rejection``). What a claim tells only as a purpose
    to prevent ("aiming to prevent the army from shelling towns") is not what it says (``without_purpose``)."""
    words = denied_content(denial.text)
    just_before = claim.document == denial.document and claim.sentence == denial.sentence - 1
    if just_before and words is not None and len(words) <= _POINTING:
        return True
    if words and all(w.lower() in _OWN_PART for w in words) and claim.document != denial.document:
        return False  # "denied responsibility" points back to its own report's deed, not another report's words
    if claim.document != denial.document and points_back(denial.text):
        return False  # "dismissed those comments": the comments its own report tells
    said = without_purpose(claim.text)
    if tells_the_rejection(denial.text, said):
        return False  # "The comparison drew angry responses" tells the rejection "rejected the comparison" again
    if denies_a_charge(denial.text):
        return tells_a_charge(said)  # "denies the charges" answers no claim that charges no one
    return shares_content(denial.text, said, common)
