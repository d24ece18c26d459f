"""Pair a denial with the claim it answers: a denial of who did something answers a claim naming that doer.

"Moscow denied that its troops shelled the port" rejects who did it, not that the port was shelled. It
answers a claim by another party that names the same doer ("Kyiv said Russian troops shelled the
port"), in the same report first, and never the plain report of the happening. This module reads from
``deeds`` who a sentence's content says did what, and ranks the claims a denial may answer;
the events stage moves a denial to the event of the claim it answers, and the contradictions stage
sets it against that claim.

Some denials answer no claim at all: a refusal of a proposal ("rejected the truce plan", "dismissed
calls for him to quit") turns down an offer, it does not say a claim is false; a claim told only as
a condition ("If the strikes are confirmed, ...") asserts nothing to deny, nor does one telling a punishment
asked for or faced ("asked the judge to sentence him to four years"); a denial of the claim
its own sentence tells ("..., he said, although a source denied the report") answers that one; and a party never answers
its own claim, also when one names it by its acronym ("The NTC", "the National Transitional Council").

A denial answers only a claim that says what it denies (``denial_content.answers_content``): "denied that the navy sank
the ferry" answers a claim about the ferry sinking, not another claim of its event ("Valdoria closed its
embassy"); names found in most of a story's reports ("Gaddafi", "Libya") do not make a match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

import numpy as np

from storyline.corpus.deeds import ASSERTING, Deed, MentionKey, party_key
from storyline.corpus.denial_content import SAID, SAYINGS, WORD, judges_a_figure, points_back, removes_from_post
from storyline.corpus.denial_sides import (
    one_person,
    one_side,
    opens_on_his_counsel,
    pleads_his_own,
    speaker_of,
    tells_the_denier,
    told_by_another,
)
from storyline.corpus.entity_names import initials
from storyline.doc.attribution_cues import UNTRUE
from storyline.records import DocumentId, Mention


def key_of(m: Mention) -> MentionKey:
    return (m.document, m.sentence)


# What a refusal turns down: an offer, a plan, a demand or a vote's motion, not what someone said.
_PROPOSALS = (
    r"(?:plans?|proposals?|offers?|requests?|demands?|calls?|initiatives?|intervention|deals?|negotiations|talks"
    r"|bids?|appeals?|invitations?|overtures?|terms|conditions|ultimatums?|mediation|compromise|measures?|motions?"
    r"|(?:efforts?|attempts?)\s+to\s+(?!(?:blame|portray|paint|link|tie|pin|smear)\b)"  # "the effort to restore"
    r"|bills?|amendments?|(?:idea|suggestion)s?\s+(?:of|to)"
    r"|recommendations?|advice"  # a course one will not take: "rejected the engineers' recommendation to use 21"
    r"|authority|jurisdiction|legitimacy|mandate"  # an authority one does not accept: "rejected the court's authority"
    r"|names?|labels?)"  # a name one will not use: "rejected the name swine flu"
)
_REFUSAL = re.compile(
    rf"\b(?:reject|dismiss|refus|turn(?:s|ed|ing)?\s+down)\w*\s+(?:(?!{SAYINGS}\b)[\w'’\"“”-]+\s+){{0,5}}?"
    rf"{_PROPOSALS}\b(?!\s+{SAYINGS}\b)",
    re.IGNORECASE,
)
# A refusal told after what it turns down: "offered a truce and the council rejected it", "terms the
# rebels reject" (the refusing verb has no object of its own).
_REFUSING = r"(?:reject|dismiss|refus)\w*"
_DENYING = r"den(?:y|ies|ied|ying)"  # the verb "deny" in any form
_REFUSAL_AFTER = re.compile(
    rf"\b(?:offer|propos)\w*\b[^.;]{{0,120}}?\b(?:{_REFUSING}\s+(?:it|them|this)|turn\w*\s+(?:it|them|this)\s+down)\b"
    rf"|\b{_PROPOSALS}\s+(?:(?:that|which)\s+)?(?:[\w'’-]+\s+){{1,4}}?{_REFUSING}(?=\s*(?:[.,;:”\"]|$)|\s+outright\b)",
    re.IGNORECASE,
)
# A refusal of an act, told with its gerund: "rejected using sedatives", "refused sending troops" (not
# "denied sending troops", a denial; nor "rejected the ruling", a noun).
_REFUSED_ACT = re.compile(
    r"\b(?:reject|refus)\w*\s+(?:\w+ly\s+)?(?!(?:ruling|finding|reporting|briefing|wording|meeting|bombing"
    r"|anything|something|everything|nothing)\b)[a-z]+ing\b",
    re.IGNORECASE,
)
# Turning down a count of items filed ("rejected 4,120 claims", "turned down more than 300 applications") acts on
# them one by one; it denies no statement. A verb after the items makes them a clause that is denied ("denied 40
# claims were paid").
_REFUSED_COUNT = re.compile(
    rf"\b(?:{_DENYING}|{_REFUSING}|turn(?:s|ed|ing)?\s+down)\s+"
    r"(?:(?:more\s+than|over|about|some|nearly|almost|at\s+least|around|roughly)\s+)?\d[\d,.]*\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:claims?|applications?|requests?|petitions?|appeals?|bids?|lawsuits?|suits|cases"
    r"|complaints?|permits?|filings?|motions?)\b(?!\s+(?:was|were|had|have|has|is|are|been|be)\b)",
    re.IGNORECASE,
)
# Denying a request, a permission or a suit filed refuses it: "denying requests to enter", "was denied access",
# "denied bail", "has denied a federal class action lawsuit".
_DENIED_REQUEST = re.compile(
    rf"\b{_DENYING}\s+(?:[\w'’-]+\s+){{0,4}}?(?:requests?|access|entry|permission|visas?|bail|applications?"
    r"|asylum|permits?|lawsuits?|suits|petitions?|appeals?|motions?)\b",
    re.IGNORECASE,
)
# Disputing or rejecting what someone demanded or proposed turns the demand down: "was still disputing the $20bn
# sum that senators demanded", "rejected the terms which the league had proposed"; not "denied the reports that
# the rebels had demanded a ransom" (a noun of saying: a denial).
_DEMANDED = re.compile(
    rf"\b(?:{_DENYING}|disput\w*|reject\w*|refus\w*)\s+(?:the|a|an|its|their|his|her)\s+"
    rf"(?:(?!(?:{SAID}|that|which)\s)[\w$£€,.'’-]+\s+){{1,4}}?(?:that|which)\s+(?:[\w'’-]+\s+){{1,5}}?"
    r"(?:had\s+|has\s+|have\s+)?(?:demanded|proposed|requested|sought|asked\s+for|called\s+for|offered)\b",
    re.IGNORECASE,
)
# Declining to confirm or deny is no denial: "would not confirm or deny any reports", "neither confirmed nor denied".
_NO_COMMENT = re.compile(
    r"\b(?:not|n['’]t|never|neither|declin\w*\s+to|refus\w*\s+to)\s+(?:to\s+)?confirm\w*\s+(?:or|nor)\s+den(?:y|ied|ies)\b",
    re.IGNORECASE,
)
_DENIAL_WORD = re.compile(r"\b(?:den(?:y|ies|ied|ying|ial)|refut\w*|disput\w*)\b", re.IGNORECASE)
# A denial that answers the claim told before it in its own sentence: "..., he said, although a source
# denied the report", "officials say ..., and the alliance denies them", "... but a spokesman said the
# claims were false", "Some contend ..., but the mayor rejected those claims".
_OWN_CLAIM = re.compile(
    r"\b(?:said|says|say|reported|according\s+to|contend(?:s|ed)?|argue[sd]?|claim(?:s|ed)?|insist(?:s|ed)?"
    r"|suggest(?:s|ed)?|allege[sd]?)\b.{0,200}?\b(?:although|but|and|while|though)\b[^.;]{0,120}?"
    r"(?:\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|disput(?:es|ed)|refut(?:es|ed))\s+"
    r"(?:(?:the|those|these|such)\s+(?:report|reports|claims?|account|suggestions?|notion|assertions?)|them|it|this)\b"
    r"|\b(?:said|says|saying|called)\s+(?:the\s+(?:reports?|claims?|account)|them|it|this)\s+(?:(?:was|were|is|are)\s+)?"
    r"(?:\w+\s+)?(?:false|untrue|baseless|groundless|lies|fabricated|propaganda|nonsense)\b)",
    re.IGNORECASE,
)
# A claim opening on a condition, also after its verb of saying: "If ...", "X said that if the port opens, ...".
_CONDITION_FIRST = re.compile(
    r"\W*(?:if|unless|depending\s+on)\b|.{0,160}?\b(?:said|says|say|told\s+\w+)\s+(?:that\s+)?(?:if|unless)\b",
    re.IGNORECASE,
)
# What would happen on a condition: "would detain them should they arrive", "could be freed if found".
_WOULD_IF = re.compile(
    r"\b(?:would|could|might)\b[^.;]{0,120}?\b(?:if|unless|should\s+(?:they|he|she|it|we|any\w*))\b", re.IGNORECASE
)
_ALL_CAPS = re.compile(r"\b[A-Z]{2,6}\b")
_NAME_RUN = re.compile(r"\b[A-Z][\w-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w-]*)+")


def is_refusal(text: str) -> bool:
    """Whether a denial's text only turns down a proposal ("rejected the truce plan", "dismissed calls
    for him to quit", "rejected any form of foreign intervention"), also one told before the refusing
    verb ("offered a truce and they rejected it", "terms the rebels reject"), or of an act ("rejected using
    sedatives"), or of a request or a suit ("denying requests to enter", "denied a class action lawsuit"), of what
    someone demanded ("disputing the sum that senators demanded") or a count of items filed ("rejected 4,120
    claims", ``_REFUSED_COUNT``): a refusal, which answers no claim. A text
    that also denies ("denied that ...") is still a denial."""
    refuses = any(p.search(text) is not None for p in (_REFUSAL, _REFUSAL_AFTER, _REFUSED_ACT))
    counted = _REFUSED_COUNT.search(text)
    if counted is not None:  # no other denial word beside it: "rejected 40 claims and denied any fault" denies
        return _DENIAL_WORD.search(text[: counted.start()] + " " + text[counted.end() :]) is None
    if _DENIED_REQUEST.search(text) or _DEMANDED.search(text):
        return len(_DENIAL_WORD.findall(text)) <= 1  # its own denial word, and no other
    return refuses and _DENIAL_WORD.search(text) is None


# A rejection on a condition tells a practice, not a denial: "they reject them if they are not fit".
_DENIAL_IF = re.compile(rf"\b(?:den(?:y|ies|ied)|{_REFUSING})\s+(?:[\w'’-]+\s+){{0,4}}?(?:if|unless|whenever)\b", re.I)


def is_conditional_denial(text: str) -> bool:
    """Whether a denial's verb holds only on a condition ("checks the forms and rejects them if they are
    late", "would deny it unless ..."), or is declined ("would not confirm or deny any reports"), negated
    ("she did not dispute it") or only belittles ("not denying the row, but dismissing it as trivial"), or a
    denial with no denial verb calls something untrue only inside a condition ("could pursue charges if they
    find the firms made false statements"): it denies no claim."""
    if _DENIAL_IF.search(text) is not None or _NO_COMMENT.search(text) is not None:
        return True
    verbs = list(_DENIAL_VERB_AT.finditer(text))
    if not verbs:
        untrue = UNTRUE.search(text)
        return untrue is not None and _UNTRUE_IF.search(text, 0, untrue.start()) is not None
    return all(_NOT_BEFORE.search(text, 0, v.start()) or _BELITTLES.match(text, v.start()) for v in verbs)


# The verbs that make a sentence a denial (``attribution_cues.DENIAL_LEMMAS``), and only those: unlike
# ``denial_content.DENIAL_VERB``, which finds what a denial denies, it leaves out "rebuff", which makes
# no denial ("never denied it but rebuffed calls for an inquiry" denies nothing).
_DENIAL_VERB_AT = re.compile(rf"\b(?:{_DENYING}|disput\w*|refut\w*|reject\w*|dismiss\w*)\b", re.IGNORECASE)
# A denial verb negated is no denial: "she did not dispute it", "he never denied the meeting".
_NOT_BEFORE = re.compile(r"\b(?:not|never|n['’]t)\s+(?:\w+ly\s+)?$|n['’]t\s+$", re.IGNORECASE)
# Dismissing something as of no weight grants it: "dismissing it as trivial", "dismissed the row as a sideshow".
_BELITTLES = re.compile(
    r"dismiss\w*\s+(?:[\w'’-]+\s+){0,6}?as\s+(?:(?:a|an|the|so|merely|just|only|largely|rather)\s+)*"
    r"(?:trivial|irrelevant|minor|unimportant|insignificant|immaterial|petty|sideshow|distraction|footnote"
    r"|side\s+issue|storm\s+in\s+a\s+teacup)\b",
    re.IGNORECASE,
)
_UNTRUE_IF = re.compile(r"\b(?:if|unless|whether)\b[^.;:]*$", re.IGNORECASE)  # an untruth inside a condition


# A feed of linked headlines, each stamped with its age: "Oil reaches the bay - 44 mins ago Daily Wire ...".
_AGE_STAMP = re.compile(r"\s[-–—]\s+\d{1,3}\s+(?:mins?|minutes?|hrs?|hours?|days?)\s+ago\b", re.IGNORECASE)


def is_headline_feed(text: str) -> bool:
    """Whether a text is a page's feed of other stories' headlines, two or more stamped with their age ("Port
    shut - 44 mins ago Daily Wire Mayor denies cover-up - 2 hrs ago"): neither a claim nor a denial of the report."""
    return len(_AGE_STAMP.findall(text)) >= 2


# A denial pointing back to what its speaker was asked about in the same sentence: "Asked about suggestions that
# storms could help the clean-up, the admiral dismissed the notion", "Pressed on whether ..., she denied it".
_ASKED_THEN_DENIED = re.compile(
    r"^\W*(?:when\s+|after\s+being\s+)?(?:asked|questioned|pressed)\s+(?:(?:him|her|them|again|later)\s+)?"
    r"(?:about|over|on|of|whether|if)\b[^;]{1,200}?,\s+(?:[\w'’.-]+\s+){1,6}?"
    r"(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|disput(?:es|ed)|refut(?:es|ed))\s+"
    r"(?:the\s+(?:notion|idea|suggestions?|claims?|reports?|talk|speculation)|them|it|this|such\s+\w+)\W*$",
    re.IGNORECASE,
)


def answers_its_own_sentence(text: str) -> bool:
    """Whether a denial rejects the claim its own sentence tells first ("..., he said, although a source
    denied the report"), also what its speaker was asked about ("Asked about suggestions that ..., the admiral
    dismissed the notion"): it answers that claim, never one of another sentence."""
    return _OWN_CLAIM.search(text) is not None or _ASKED_THEN_DENIED.search(text) is not None


# A punishment asked for or faced: "asked the judge to sentence him to four years", "sought a four-year
# term", "called for him to be jailed", "faces up to four years in prison if convicted".
_SENTENCE_TOLD = re.compile(
    r"\b(?:ask|urg|request|press|want)\w*\s+(?:[\w'’-]+\s+){0,4}?to\s+(?:sentence|jail|imprison|punish)\b"
    r"|\b(?:ask|seek|sought|request|demand|recommend)\w*\s+(?:for\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:sentence|jail\s+term|prison\s+term)s?\b"
    r"|\bcall\w*\s+for\s+(?:[\w'’-]+\s+){1,4}?to\s+be\s+(?:sentenced|jailed|imprisoned|punished)\b"
    r"|\bfac(?:es|ed|ing|e)\s+(?:[\w'’-]+\s+){0,4}?(?:years?|months?|life)\s+(?:in\s+(?:prison|jail)|behind\s+bars"
    r"|imprisonment)\b",
    re.IGNORECASE,
)


def tells_a_sentence(text: str) -> bool:
    """Whether a claim tells a punishment asked for or faced ("Prosecutors asked the judge to sentence Dr Brand
    to four years", "Dr Brand faces up to four years in prison if convicted"): what one side wants or what the
    law allows, not a claim of fact, so no denial (of the charges) answers it, also when the denial's clause
    names the same term ("Dr Brand, who denies the charges, faces four years")."""
    return _SENTENCE_TOLD.search(text) is not None


def is_hypothetical(text: str) -> bool:
    """Whether a claim is told only as a condition: "If the strikes are confirmed, ...", "The envoy said that
    if the port opens, aid would arrive", "Depending on the inquiry, the firm could face charges", or as what
    would happen on one ("would detain them should they arrive"), or is what a proposal says ("The proposal
    states that ..."). It asserts nothing. So does a claim that calls what it tells unlikely ("there is little
    likelihood that the firm will need protection from creditors"): it agrees with a denial of it."""
    if _PROPOSAL_SAYS.match(text) is not None or _UNLIKELY.search(text) is not None:
        return True
    return _CONDITION_FIRST.match(text) is not None or _WOULD_IF.search(text) is not None


# A claim doubting what it tells: "little likelihood that ...", "a takeover is unlikely", "the chances are remote".
_UNLIKELY = re.compile(
    r"\b(?:unlikely|improbable|(?:little|no|slim|small)\s+(?:likelihood|chance|prospect|possibility)"
    r"|(?:is|are|was|were|seems?|looks?|remains?)\s+(?:\w+\s+)?remote)\b",
    re.IGNORECASE,
)


# A proposal, plan or draft as the teller: it says what is proposed, not what happened.
_PROPOSAL_SAYS = re.compile(
    r"\W*(?:the|a|an|this|that|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:proposal|plan|draft|road\s*map|initiative"
    r"|offer|deal|resolution)\s+(?:also\s+)?(?:states?|says?|said|calls?\s+for|stipulates?|provides?|envisages?)\b",
    re.IGNORECASE,
)


def acronyms(name: str | None) -> frozenset[str]:
    """The acronyms a party's name gives: its all-capital words ("NTC") and the initials of each run of
    capitalized words, as ``entity_names.initials`` spells them ("The National Transitional Council" ->
    "NTC": the small words are skipped, a leading "The" among them)."""
    if not name:
        return frozenset()
    found = set(_ALL_CAPS.findall(name))
    for run in _NAME_RUN.finditer(name):
        letters = initials(" ".join(w for w in run.group().split() if not w.isupper()).lower())
        if letters:
            found.add(letters.upper())
    return frozenset(found)


def one_party(a: str | None, b: str | None) -> bool:
    """Whether two speakers are one party: the same name, the same first name word (``party_key``),
    or an acronym one gives that the other spells out or uses ("The NTC", "the National Transitional
    Council (NTC)")."""
    if a == b or party_key(a) == party_key(b):
        return True
    return bool(acronyms(a) & acronyms(b))


# Bodies a party speaks through: "Government spokesman X" speaks for "the government".
_BODY = re.compile(
    r"\b(?:government|council|ministry|army|military|administration|authorities|regime|cabinet|parliament"
    r"|alliance|committee|command|embassy|police)\b",
    re.IGNORECASE,
)
_NOT_QUALIFIER = frozenset({"the", "a", "an", "of", "for", "and", "spokesman", "spokeswoman", "official", "officials"})


def _bodies(name: str) -> dict[str, frozenset[str]]:
    """Each body a speaker's name holds, with the words that qualify it before it, lower case:
    "Ostmark's rebel Harbour Council" -> {"council": {"ostmark", "rebel", "harbour"}}; a role and the
    holder after the body ("Government spokesman Ivo Brand") qualify nothing."""
    found: dict[str, frozenset[str]] = {}
    for m in _BODY.finditer(name):
        words = (re.sub(r"[’']s$", "", w).lower() for w in WORD.findall(name[: m.start()]))
        found[m.group().lower()] = frozenset(w for w in words if w not in _NOT_QUALIFIER)
    return found


def one_body(a: str | None, b: str | None, same_report: bool) -> bool:
    """Whether two speakers are one body under a longer and a shorter name: the same body word, and the
    words qualifying one ("rebel council") are among the other's ("Ostmark's rebel Harbour Council");
    "the government" or its spokesman, unqualified, is only the report's own government ("Valdoria's
    government" in the same report), while "Ostmark's" and "Valdoria's government" stay apart."""
    if not a or not b:
        return False
    x, y = _bodies(a), _bodies(b)
    for body in x.keys() & y.keys():
        small, large = sorted((x[body], y[body]), key=len)
        if small <= large and (small or same_report):
            return True
    return False


_THE = re.compile(r"^\W*(?:the\s+)?", re.IGNORECASE)


def opens_on(claim: Mention, party: str | None) -> bool:
    """Whether a claim told with no speaker opens on a party's name, so that the party tells it: "The
    government has blamed the rebels ..." is the government's claim, which its own denial never answers."""
    if claim.attributed_to is not None or not party:
        return False
    name = _THE.sub("", party).lower()
    return len(name) > 2 and _THE.sub("", claim.text).lower().startswith(name)


def names_the_doer(rejected: Deed, named: Deed | None) -> bool:
    """Whether a claim's deed is the one a denial of who did it rejects: the same party doing it, or a
    thing doing the same act to the same object ("the utility's lines caused the fire" against "its
    lines caused the fire"); never a happening told without a doer ("the dam was destroyed")."""
    if named is None:
        return False
    if named.doer is not None:
        return named.doer == rejected.doer
    return named.agentive and named.verb == rejected.verb and bool(named.objects & rejected.objects)


def may_answer(
    denial: Mention,
    claim: Mention,
    deeds: Mapping[MentionKey, Deed],
    outlets: Mapping[str, str],
    sides: Mapping[str, str] | None = None,
    counsel: Mapping[str, str] | None = None,
) -> bool:
    """Whether a denial may answer a claim: another party's (``one_party``, ``one_body``, ``opens_on``;
    a country and its office holders in ``sides``, ``denial_sides.one_side``; one person or his lawyers,
    ``denial_sides.one_person``, with the lawyers in ``counsel``) assertion, not one told only
    as a condition nor a punishment asked for or faced (``tells_a_sentence``), by a denial that holds on
    no condition (``is_conditional_denial``), nor another party's than the one the denial names, nor the
    outlet telling the denier's own words (``denial_sides``), by a denial that is no refusal of a proposal
    (``is_refusal``) nor a removal from office (``removes_from_post``), nor a later clause pointing back to its
    sentence's first ("..., but the mayor rejected those claims"), neither being a feed of headlines
    (``is_headline_feed``), and, when the denial rejects who did something, a claim that names that doer
    (``names_the_doer``)."""
    if claim.status not in ASSERTING or denial.status != "denied" or key_of(claim) == key_of(denial):
        return False
    if is_refusal(denial.text) or is_conditional_denial(denial.text) or is_hypothetical(claim.text):
        return False
    if judges_a_figure(denial.text):
        return False  # "dismiss the 5,000 estimate as too low and say it could be 70,000": two figures disagree
    if removes_from_post(denial.text):
        return False  # "the judges dismissed by the former president": a removal from office
    if is_headline_feed(claim.text) or is_headline_feed(denial.text):
        return False
    if tells_a_sentence(claim.text):
        return False
    if answers_its_own_sentence(denial.text) or (denial.clause and points_back(denial.text)):
        return False  # a later clause "..., but the mayor rejected those claims" answers its own sentence's first
    if speaker_of(claim) != claim.attributed_to:  # "who" names no one
        claim = replace(claim, attributed_to=None)
    said = claim.attributed_to or outlets.get(claim.document, claim.document)
    if one_party(said, denial.attributed_to) or opens_on(claim, denial.attributed_to):
        return False
    if one_person(claim.attributed_to, denial, counsel) or pleads_his_own(claim, denial):
        return False
    if opens_on_his_counsel(claim, denial):
        return False
    if one_body(said, denial.attributed_to, claim.document == denial.document):
        return False
    if one_side(said, denial.attributed_to, sides or {}):
        return False
    if told_by_another(denial, claim) or tells_the_denier(claim, denial.attributed_to):
        return False
    rejected = deeds.get(key_of(denial))
    if rejected is None or rejected.doer is None:
        return True
    return names_the_doer(rejected, deeds.get(key_of(claim)))


def same_happening(a: Deed, b: Deed | None, cosine: float, floor: float) -> bool:
    """Two deeds of one happening: their acts share a noun ("the dam"), or the sentences are similar."""
    return cosine >= floor or (b is not None and bool(a.objects & b.objects))


def answer_rank(denial: Mention, claim: Mention, derived: bool, cosine: float = 0.0) -> tuple[float, ...]:
    """Lower is better: a named speaker's claim, in the same report (the nearest earlier, then the
    nearest later), then an origin rather than a copy, then the most similar."""
    same = claim.document == denial.document
    distance = claim.sentence - denial.sentence
    order = (0 if distance < 0 else 1, abs(distance)) if same else (2, 0)
    return (claim.attributed_to is None, *order, derived, -cosine, claim.sentence)


def answered_claims(
    denial: int,
    pool: Sequence[int],
    mentions: Sequence[Mention],
    vectors: np.ndarray,
    deeds: Mapping[MentionKey, Deed],
    outlets: Mapping[DocumentId, str],
    derived: AbstractSet[DocumentId],
    floor: float,
) -> list[int]:
    """The indexes of the claims of ``pool`` a denial of who did something may answer, best first
    (``answer_rank``): those naming the doer it rejects, on the same happening (``same_happening``)."""
    d = mentions[denial]
    rejected = deeds.get(key_of(d))
    if rejected is None or rejected.doer is None:
        return []
    options = [c for c in pool if may_answer(d, mentions[c], deeds, outlets)]
    if not options:
        return []
    cosines = (vectors[options] @ vectors[denial]).tolist()
    ranked = [
        (answer_rank(d, mentions[c], mentions[c].document in derived, cos), c)
        for c, cos in zip(options, cosines, strict=True)
        if same_happening(rejected, deeds.get(key_of(mentions[c])), cos, floor)
    ]
    return [c for _, c in sorted(ranked)]


def _claims_by_deed(
    mentions: Sequence[Mention], deeds: Mapping[MentionKey, Deed]
) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The asserting mentions by the party they name as doer, and those a thing did by their verb, so
    that a denial is compared only with the claims it may answer."""
    by_doer: dict[str, list[int]] = {}
    by_verb: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        deed = deeds.get(key_of(m))
        if deed is None or m.status not in ASSERTING:
            continue
        if deed.doer is not None:
            by_doer.setdefault(deed.doer, []).append(i)
        elif deed.agentive and deed.verb:
            by_verb.setdefault(deed.verb, []).append(i)
    return by_doer, by_verb


def answer_denials(
    groups: Sequence[Sequence[int]],
    mentions: Sequence[Mention],
    vectors: np.ndarray,
    deeds: Mapping[MentionKey, Deed],
    outlets: Mapping[DocumentId, str],
    derived: AbstractSet[DocumentId],
    floor: float,
    fits: Callable[[int, Sequence[int]], bool],
) -> list[list[int]]:
    """The groups of mention indexes, with each denial of who did something moved to the group of the
    best claim it answers whose event ``fits`` (the hard rules of one event) lets it join."""
    out = [list(g) for g in groups]
    owner = {i: k for k, g in enumerate(out) for i in g}
    by_doer, by_verb = _claims_by_deed(mentions, deeds)
    for i, m in enumerate(mentions):
        rejected = deeds.get(key_of(m))
        if m.status != "denied" or rejected is None or rejected.doer is None:
            continue
        pool = by_doer.get(rejected.doer, []) + by_verb.get(rejected.verb, [])
        for target in answered_claims(i, pool, mentions, vectors, deeds, outlets, derived, floor):
            to = owner[target]
            if to == owner[i] or fits(i, [j for j in out[to] if j != i]):
                if to != owner[i]:
                    out[owner[i]].remove(i)
                    out[to].append(i)
                    owner[i] = to
                break
    return [sorted(g) for g in out if g]


def is_contested(
    mentions: Sequence[Mention], deeds: Mapping[MentionKey, Deed], outlets: Mapping[DocumentId, str]
) -> bool:
    """Whether an event holds a denial and a claim it may answer: a denial of who did something does
    not contest the plain report of the happening."""
    denials = [m for m in mentions if m.status == "denied"]
    return any(may_answer(d, c, deeds, outlets) for d in denials for c in mentions)
