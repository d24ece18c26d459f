"""Which of a parsed sentence's attributions decide its status, and who a bare surname or a released
document ("an estimate released by federal agencies") stands for.

The cue finders list every saying; not every one makes the sentence a party's claim. A saying that did
not happen ("the ministry did not say how many"), one inside a relative clause on some other noun ("on
the day that the ministry announced ..."), or a participle of finding ("..., finding some houses
untouched") leaves the sentence the outlet's; an accusation ("accused Russia of mining the dam",
"blamed shelling for the damage", "described the retreat as a regrouping") and an owned account
("Kyiv's account is that ...") are claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.doc.attribution_cues import CLAUSE_CUE_LEMMAS
from storyline.doc.attribution_documents import DOCUMENT, document_claims, issuer_before
from storyline.doc.attribution_tree import children_of, lemma_of
from storyline.records import Attribution, Sentence, Token

# Stance verbs whose content is a statement of fact about someone: who did it, what it was.
_ACCUSING = frozenset({"accuse", "blame"})
_CHARACTERIZING = frozenset({"describe", "characterize", "characterise", "portray"})
_RELATIVE_WORDS = frozenset({"who", "which", "that", "whom"})
_SURNAME = re.compile(r"^[A-Z][a-zà-ÿ'’-]+$")
_DOCUMENT = DOCUMENT
_RELEASED_BY = re.compile(
    rf"^(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<what>{_DOCUMENT})\s+(?:shared|released|posted|published|"
    r"issued|put\s+out)(?:\s+(?:on|late|early)\s+\w+)?\s+by\s+(?P<who>[^,]+)$",
    re.I,
)
# "pictures they released", "video he posted": the pronoun, resolved by the attribution stage.
_RELEASED_BY_PRONOUN = re.compile(
    rf"^(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?{_DOCUMENT}\s+(?P<who>they|he|she|we)\s+"
    r"(?:shared|released|posted|published|issued)$",
    re.I,
)
_THE_DOCUMENT = re.compile(rf"^the\s+(?P<what>{_DOCUMENT})$", re.I)
_ACCOUNT_HINT = re.compile(r"['’]s\s+(?:account|version|explanation|position)\s")
_OWNED_ACCOUNT = re.compile(
    r"(?:^|(?<=[\s,]))(?P<owner>(?:[A-Z][\w-]*\s+)*[A-Z][\w-]*)['’]s\s+"
    r"(?P<cue>(?:account|version|explanation|position)\s+(?:is|was|remains))\s+that\s+(?P<what>.+?)[.!?]?$"
)


def _cue_token(sentence: Sentence, a: Attribution) -> int | None:
    """The one token of a one-word cue, or None for a longer cue ("according to")."""
    words = [i for i, t in enumerate(sentence.tokens) if t.start < a.cue[1] and a.cue[0] < t.end]
    return words[0] if len(words) == 1 else None


def _negated(tokens: Sequence[Token], kids: dict[int, list[int]], i: int) -> bool:
    return any(tokens[c].dep == "neg" for c in kids[i])


def _in_relative_clause(tokens: Sequence[Token], kids: dict[int, list[int]], i: int) -> bool:
    """ "the same day that the ministry announced ...": the saying hangs on a noun and has a subject of
    its own, not the relative pronoun ("Peskov, who said ..." stays Peskov's)."""
    if tokens[i].dep != "relcl":
        return False
    subjects = [c for c in kids[i] if tokens[c].dep in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(tokens[c].text.lower() not in _RELATIVE_WORDS for c in subjects)


def _finding_participle(tokens: Sequence[Token], kids: dict[int, list[int]], i: int) -> bool:
    """ "..., finding some houses untouched": a participle of a clause verb with no "that" after it
    tells what someone came upon, not what they said."""
    tok = tokens[i]
    if tok.tag != "VBG" or tok.dep != "advcl" or lemma_of(tok) not in CLAUSE_CUE_LEMMAS:
        return False
    marks = [g for c in kids[i] for g in (c, *kids[c]) if tokens[g].dep == "mark"]
    return not any(tokens[g].text.lower() == "that" for g in marks)


def _accusation(tokens: Sequence[Token], kids: dict[int, list[int]], i: int) -> bool:
    """ "accused X of ...", "blamed X for ...", "described X as ...": a stance that states a fact."""
    lemma = lemma_of(tokens[i])
    preps = {tokens[c].text.lower() for c in kids[i] if tokens[c].dep == "prep"}
    if lemma in _ACCUSING:
        return not _negated(tokens, kids, i)
    return lemma in _CHARACTERIZING and "as" in preps and not _negated(tokens, kids, i)


def sort_by_force(
    sentence: Sentence, claims: list[Attribution], stances: list[Attribution]
) -> tuple[list[Attribution], list[Attribution]]:
    """Claims that do not decide the status move to the stances, and accusations among the stances
    move to the claims; an owned account is the claim of a sentence that has none. Both lists keep
    every attribution, in cue order."""
    tokens = sentence.tokens
    if not tokens:
        return claims, stances
    claims, stances = document_claims(sentence, claims, stances)  # "the FBI list named 388 people"
    if not claims:
        claims = owned_account(sentence)
    if not claims and not stances:
        return claims, stances
    kids = children_of(tokens)
    weak = [a for a in claims if a.kind == "claim" and _weak(sentence, kids, a)]
    strong = [a for a in stances if a.source is not None and _strong_stance(sentence, kids, a)]
    kept = [a for a in claims if a not in weak] + strong
    rest = [a for a in stances if a not in strong] + weak
    return sorted(kept, key=lambda a: a.cue), sorted(rest, key=lambda a: a.cue)


def _weak(sentence: Sentence, kids: dict[int, list[int]], a: Attribution) -> bool:
    i = _cue_token(sentence, a)
    tokens = sentence.tokens
    return i is not None and (
        _negated(tokens, kids, i) or _in_relative_clause(tokens, kids, i) or _finding_participle(tokens, kids, i)
    )


def _strong_stance(sentence: Sentence, kids: dict[int, list[int]], a: Attribution) -> bool:
    i = _cue_token(sentence, a)
    return i is not None and _accusation(sentence.tokens, kids, i) and not _in_relative_clause(sentence.tokens, kids, i)


def covers_more_than_one(hedged: str) -> bool:
    """Whether what a hedge could not verify spans several accounts ("either account", "both
    figures"), so that it also reaches the sentence before when its own sentence has a speaker."""
    return re.match(r"^\s*(?:either|both|neither)\b", hedged, re.I) is not None


def owned_account(sentence: Sentence) -> list[Attribution]:
    """ "Kyiv's account is that Russian troops blew it up": the owner claims what follows "that"."""
    m = _OWNED_ACCOUNT.search(sentence.text) if _ACCOUNT_HINT.search(sentence.text) else None
    if m is None:
        return []
    at = sentence.start
    return [
        Attribution(
            cue=(at + m.start("cue"), at + m.end("cue")),
            content=(at + m.start("what"), at + m.end("what")),
            source=(at + m.start("owner"), at + m.end("owner")),
            speaker=m.group("owner"),
        )
    ]


def stands_for(speaker: str, names: dict[str, str]) -> str:
    """Who a speaker stands for: a bare surname ("Zelensky") as the document first named the person
    ("President Volodymyr Zelensky"), a released document by whoever released it ("images shared by
    officials" -> "officials"), which ``names`` then keeps for "the images", an issued one by its
    issuer ("the FBI list" -> "the FBI"); any other speaker as it is."""
    released = _RELEASED_BY.match(speaker)
    if released is not None:
        who = released.group("who").strip()
        names["the " + released.group("what").lower()] = who
        return who
    pronoun = _RELEASED_BY_PRONOUN.match(speaker)
    if pronoun is not None:
        return pronoun.group("who")
    issuer = issuer_before(speaker)
    if issuer is not None:
        return issuer
    if _THE_DOCUMENT.match(speaker):
        return names.get(speaker.lower(), speaker)
    return names.get(speaker, speaker) if _SURNAME.match(speaker) else speaker


def remember_name(name: str, names: dict[str, str], first: bool = False) -> None:
    """Record a person's name ("Governor Josh Green") under its surname; ``first`` keeps an earlier one."""
    parts = name.split()
    if len(parts) < 2 or not _SURNAME.match(parts[-1]):
        return
    if first:
        names.setdefault(parts[-1], name)
    else:
        names[parts[-1]] = name
