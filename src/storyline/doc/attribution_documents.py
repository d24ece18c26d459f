"""A document as the speaker: what a released or issued document shows or names is its issuer's claim.

"Video released by his office showed streets lined with wrecked cars" and "the FBI list named 388
people" tell what a party's document says, not what the outlet saw. A verb of showing or naming whose
subject is a document (video, footage, images, a list, an estimate, a statement) with an issuer
("released by X", "X's", "the FBI list") is a claim of that document, whose speaker ``stands_for``
later resolves to the issuer (``attribution_force``); a document with no issuer ("the images showed")
stays the outlet's report.
"""

from __future__ import annotations

import re

from storyline.doc.attribution_tree import children_of, extent, lemma_of
from storyline.doc.speech_patterns import may_hold
from storyline.records import Attribution, Sentence, Token

DOCUMENT = r"(?:images?|videos?|footage|photos?|pictures?|estimates?|surveys?|list|report|data|figures?|statement)"
_DOCUMENT_NOUNS = frozenset(
    {"image", "images", "video", "videos", "footage", "photo", "photos", "picture", "pictures", "estimate"}
    | {"estimates", "survey", "surveys", "list", "report", "data", "figure", "figures", "statement"}
)
_DOCUMENT_ANYWHERE = re.compile(DOCUMENT, re.I)
_DOCUMENT_LITERALS = (
    *("image", "video", "footage", "photo", "picture", "estimate"),
    *("survey", "list", "report", "data", "figure", "statement"),
)
# What a document does when it tells something: "showed", "named", "listed", "put the cost at".
_TELLING = frozenset({"show", "name", "list", "put", "count", "record", "reveal", "indicate", "find", "give"})
# "released by his office", "shared on Monday by officials", "pictures they released": the document has an issuer.
_ISSUED_BY = re.compile(
    r"\b(?:shared|released|posted|published|issued|put\s+out)\b.*?\bby\s+\S"
    r"|\b(?:they|he|she|we)\s+(?:shared|released|posted|published|issued)$",
    re.I,
)
# "the FBI list", "the Maui County estimate": an issuer named before the document; not a nationality.
ISSUER_BEFORE = re.compile(
    rf"^(?i:the)\s+(?P<who>(?:[A-Z][\w.&-]*\s+){{1,3}}?)(?P<what>{DOCUMENT})"
    r"(?:\s+(?:shared|released|posted|published|issued)\b.*)?$"
)
_NATIONALITY = re.compile(r"(?:an|ese|ish|i)$")
# "his office", "her ministry": a pronoun's office, which stands for the pronoun's person.
POSSESSED_OFFICE = re.compile(
    r"^(?P<owner>his|her)\s+(?:office|press\s+office|team|spokesman|spokeswoman|aides?)$", re.I
)


def issuer_before(speaker: str) -> str | None:
    """ "the FBI list released on Thursday" -> "the FBI"; None when no issuer is named before the noun."""
    m = ISSUER_BEFORE.match(speaker.strip())
    if m is None:
        return None
    who = m.group("who").strip()
    if not who.isupper() and _NATIONALITY.search(who.split()[-1]):
        return None  # "the Ukrainian images": whose they are is not said
    return "the " + who


def _issued(subject: str) -> bool:
    return _ISSUED_BY.search(subject) is not None or issuer_before(subject) is not None or "'s " in subject


def _document_subject(sentence: Sentence, children: dict[int, list[int]], i: int) -> tuple[int, int] | None:
    """The span of the verb's subject when its head noun is a document with an issuer."""
    tokens = sentence.tokens
    subjects = [c for c in children[i] if tokens[c].dep == "nsubj"]
    if len(subjects) != 1 or tokens[subjects[0]].text.lower() not in _DOCUMENT_NOUNS:
        return None
    span = extent(tokens, children, subjects)
    text = sentence.text[span[0] - sentence.start : span[1] - sentence.start]
    return span if _issued(text) else None


def _claim(sentence: Sentence, children: dict[int, list[int]], i: int, source: tuple[int, int]) -> Attribution:
    tokens: tuple[Token, ...] = sentence.tokens
    after = [c for c in children[i] if c > i and tokens[c].dep not in ("punct", "cc", "conj")]
    content = extent(tokens, children, after) if after else (tokens[i].end, tokens[i].end)
    return Attribution(
        cue=(tokens[i].start, tokens[i].end),
        content=content,
        source=source,
        speaker=sentence.text[source[0] - sentence.start : source[1] - sentence.start],
    )


def document_claims(
    sentence: Sentence, claims: list[Attribution], stances: list[Attribution]
) -> tuple[list[Attribution], list[Attribution]]:
    """Stances of an issued document ("video released by X showed ...") move to the claims, and a verb
    of naming or showing with an issued document as its subject that is no cue yet becomes a claim."""
    tokens = sentence.tokens
    if not tokens or not may_hold(sentence.text, _DOCUMENT_LITERALS, _DOCUMENT_ANYWHERE):
        return claims, stances
    children = children_of(tokens)
    cues = {a.cue for a in (*claims, *stances)}
    promoted = [a for a in stances if a.source is not None and a.speaker and _telling_document(sentence, a)]
    added = []
    for i, tok in enumerate(tokens):
        if tok.pos != "VERB" or lemma_of(tok) not in _TELLING or (tok.start, tok.end) in cues:
            continue
        source = _document_subject(sentence, children, i)
        if source is not None:
            added.append(_claim(sentence, children, i, source))
    if not promoted and not added:
        return claims, stances
    kept = sorted([*claims, *promoted, *added], key=lambda a: a.cue)
    return kept, [a for a in stances if a not in promoted]


def _telling_document(sentence: Sentence, a: Attribution) -> bool:
    words = [t for t in sentence.tokens if t.start < a.cue[1] and a.cue[0] < t.end]
    head = (a.speaker or "").split()
    return (
        len(words) == 1
        and lemma_of(words[0]) in _TELLING
        and any(w.lower() in _DOCUMENT_NOUNS for w in head[:4])
        and _issued(a.speaker or "")
    )


def is_document_claim(a: Attribution) -> bool:
    """A claim whose speaker is an issued document ("the FBI list released on Thursday"): the learned
    cue model, fitted on sayings, does not take it off the sentence's list."""
    words = (a.speaker or "").split()
    return a.kind == "claim" and any(w.lower() in _DOCUMENT_NOUNS for w in words[:4]) and _issued(a.speaker or "")
