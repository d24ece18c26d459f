"""Put a denial in the event of the claim it rejects when who, what and when fit, though the clustering kept them apart.

"Hayward was disputing the existence of the plumes" rejects the scientists' "studies ... who say they have
detected huge underwater plumes of oil", told in another event with other words. Each signal alone joins a
denial to too many claims of a story (shared words, the denier's name, sentence similarity), so a join
needs three together:

  1. who: the claim tells something of the denier's ("Hayward's assertion flies in the face of studies ...",
     "the slick from Brand's tanker": the denier owns a thing the claim names), or the denial names the
     claim's teller as the owner of what it rejects ("rejected the harbour board's claims");
  2. what: a content word of what is denied, not a name and rare in the story (in under a tenth of its
     reports), is in the claim and not negated there ("Brand not resigning" agrees), and the denied words and
     the claim are near in meaning (the cosine of their vectors);
  3. when: the claim is not dated after the denial, nor first told a season after it
     (``denial_times.told_before_the_claim``).

A denial that answers no claim of its own event (``denial_figures.answers_claim``), and does not point back to a
line of its own report ("denied these claims"), moves to the event of the most similar such claim that it may
answer (``denial_answers.may_answer``) and that retells no dispute, when the hard rules of one event (``fits``)
let it join.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

import numpy as np

from storyline.corpus.deeds import ASSERTING, Deed, MentionKey, party_key
from storyline.corpus.denial_answers import may_answer
from storyline.corpus.denial_content import (
    DENIAL_VERB,
    NO_CONTENT,
    SAID,
    WORD,
    denied_content,
    denied_object,
    stem,
    tellers,
    without_tellers,
)
from storyline.corpus.denial_figures import answers_claim, not_after
from storyline.corpus.denial_times import told_before_the_claim
from storyline.doc.attribution_cues import UNTRUE
from storyline.records import Document, DocumentId, Mention

RARE_SHARE = 0.1  # a word in under this share of a story's reports tells what a claim is about
MIN_COSINE = 0.3  # the denied words and the claim must be at least this near in meaning

# A name owning something: "Hayward's assertion", "Brand's tanker".
_OWNER = re.compile(r"\b([A-Z][\w-]+)['’]s?\b(?=\s)")
# The words a claim negates, from the negation to the end of its clause: "not resigning", "no sense to drive it into
# bankruptcy".
_NEGATED_WORDS = re.compile(r"\b(?:not|no|never|without)\b([^,.;:!?]*)", re.IGNORECASE)
# A denied object opening on a pointer back ("these claims, instead faulting ...", "it"): it answers its own report.
_POINTS_BACK = re.compile(
    rf"^\W*(?:(?:these|those|such|this|that)\s+(?:\w+\s+)?{SAID}\b(?!\s+(?:that|of|about|by)\b)|it|them|this|that)\b(?!\s+\w+\s)",
    re.IGNORECASE,
)
_NAME = re.compile(r"\b[A-Z][\w'’-]+")
# Capitalized words of a speaker's name that name no party: titles and small words.
_NOT_NAME_WORDS = """the a an of and for in on at mr mrs ms dr sir his her their its leader president chief executive
    spokesman spokeswoman minister foreign deputy senior official officials scientist company"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


def name_stems(name: str | None) -> frozenset[str]:
    """The stems of the names in a speaker's name or a text, without titles ("Valdorian leader Ivo Brand" ->
    valdo, ivo, brand), each cut to five letters as ``party_key`` cuts them, and its party key."""
    words = (re.sub(r"[’']s?$", "", w) for w in _NAME.findall(name or ""))
    found = {w.lower()[:5] for w in words if w.lower() not in _NOT_NAMES and len(w) > 1}
    key = party_key(name)
    return frozenset(found | {key} if key else found)


def owns_in_claim(denier: str | None, claim: str) -> bool:
    """Whether a claim names a thing the denier owns ("Brand's tanker", "Hayward's assertion"): it tells of him."""
    return bool(denier) and bool(name_stems(denier) & {m.group(1).lower()[:5] for m in _OWNER.finditer(claim)})


def names_the_teller(denial: str, teller: str | None) -> bool:
    """Whether a denial names the claim's teller as the owner of what it rejects ("rejected the harbour board's
    claims", "dismissed Brand's remarks"; ``denial_content.tellers``)."""
    named = tellers(denied_object(denial) or "")
    return bool(named) and bool(name_stems(teller) & (name_stems(named) | {w.lower()[:5] for w in WORD.findall(named)}))


def rare_stems(texts: Iterable[str], share: float = RARE_SHARE) -> Callable[[str], bool]:
    """Whether a word's stem is in under ``share`` of the texts (a story's reports)."""
    counts: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        counts.update({stem(w) for w in WORD.findall(text)})
    return lambda s: counts[s] < share * n


def shares_a_rare_word(denial: str, claim: str, rare: Callable[[str], bool]) -> bool:
    """Whether a content word of what a denial rejects, no name, and rare in the story, is in the claim, and the
    claim does not negate it ("Brand not resigning, says the firm" agrees with "denied that Brand was resigning")."""
    words = {stem(w) for w in denied_content(denial) or () if not w[0].isupper() and w.lower() not in NO_CONTENT}
    shared = {s for s in words & {stem(w) for w in WORD.findall(claim)} if rare(s)}
    negated = {stem(w) for m in _NEGATED_WORDS.finditer(claim) for w in WORD.findall(m.group(1))}
    return bool(shared - negated)


def denied_words(text: str) -> str:
    """The words a denial rejects, without who told them ("rejected the board's claims that the dam leaked" ->
    "claims that the dam leaked"): the text compared in meaning with a claim."""
    rest = denied_object(text) or text
    return without_tellers(rest).strip() or rest


def points_back_first(denial: str) -> bool:
    """Whether what a denial rejects opens on a pointer back ("BP denied these claims, instead faulting the
    contractor"): it answers a line of its own report (``contradictions.pointed_lines``), not another event's."""
    return _POINTS_BACK.match(denied_object(denial) or "") is not None


def tells_a_dispute(claim: str) -> bool:
    """Whether a claim itself tells a denial or an untruth ("The firm reiterated disputes about the findings"):
    it retells a dispute, which is no claim a denial of another event answers."""
    return DENIAL_VERB.search(claim) is not None or UNTRUE.search(claim) is not None


def fits_who_what_when(
    denial: Mention,
    claim: Mention,
    rare: Callable[[str], bool],
    documents: Mapping[DocumentId, Document],
) -> bool:
    """Whether who, what (a rare word; the caller reads the meaning) and when fit (stages 1-3 of the module
    docstring), and the claim tells no dispute of its own (``tells_a_dispute``)."""
    # Cheapest first: most claims near in meaning fail "who", and the later checks parse more.
    return (
        (owns_in_claim(denial.attributed_to, claim.text) or names_the_teller(denial.text, claim.attributed_to))
        and shares_a_rare_word(denial.text, claim.text, rare)
        and not_after(claim.date, denial.date)
        and not told_before_the_claim(claim, denial, documents)
        and not tells_a_dispute(claim.text)
    )


def answer_by_parties(
    groups: Sequence[Sequence[int]],
    mentions: Sequence[Mention],
    vectors: np.ndarray,
    encode: Callable[[Sequence[str]], np.ndarray],
    deeds: Mapping[MentionKey, Deed],
    outlets: Mapping[DocumentId, str],
    documents: Mapping[DocumentId, Document],
    common: AbstractSet[str],
    fits: Callable[[int, Sequence[int]], bool],
) -> list[list[int]]:
    """The groups of mention indexes, with each denial answering no claim of its own group moved to the group of
    the most similar claim whose who, what and when fit (the module docstring); ``vectors`` are the mentions'."""
    out = [list(g) for g in groups]
    owner = {i: k for k, g in enumerate(out) for i in g}
    denials = [
        i
        for i, d in enumerate(mentions)
        if d.status == "denied"
        and not any(answers_claim(d, mentions[j], deeds, outlets, common) for j in out[owner[i]] if j != i)
    ]
    if not denials:
        return [sorted(g) for g in out if g]
    rare = rare_stems(d.text for d in documents.values())
    meant = encode([denied_words(mentions[i].text) for i in denials])
    claims = np.array([j for j, m in enumerate(mentions) if m.status in ASSERTING], dtype=np.int64)
    claim_vectors = vectors[claims]  # taken once: a story's claims can be tens of thousands of rows
    for i, near in zip(denials, meant, strict=True):
        d = mentions[i]
        if points_back_first(d.text):
            continue  # it answers a line of its own report, whatever the claim
        near_claims = claim_vectors @ near  # each claim's cosine, read once for the bound and the ranking
        similar = np.flatnonzero(near_claims >= MIN_COSINE)
        cosines = {int(claims[k]): float(near_claims[k]) for k in similar if owner[int(claims[k])] != owner[i]}
        options = [
            j
            for j in cosines
            if fits_who_what_when(d, mentions[j], rare, documents) and may_answer(d, mentions[j], deeds, outlets)
        ]
        for j in sorted(options, key=lambda j: (-cosines[j], j)):
            if fits(i, out[owner[j]]):
                out[owner[i]].remove(i)
                out[owner[j]].append(i)
                owner[i] = owner[j]
                break
    return [sorted(g) for g in out if g]
