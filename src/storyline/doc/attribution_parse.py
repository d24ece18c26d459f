"""Find who says, thinks or wants what in one parsed sentence, from its dependency parse.

Two kinds come out. **Reports** ("X said/insisted/believes that ...") decide a sentence's status.
**Stances** ("X accused Y of ...", "X wants Z", "X's claim that ...", "X: ...") are recorded as
attributions too, since a reader asks who holds them, but they leave the status alone: the outlet
still reports that a stance was taken. Cue words are spaCy lemmas from ``attribution_cues``.
"""

from __future__ import annotations

from collections import defaultdict

from storyline.doc.attribution_cues import (
    CLAUSE_CUE_LEMMAS,
    CUE_LEMMAS,
    DENIAL_LEMMAS,
    NOT_A_CLAUSE_CUE,
    NOUN_CUE_LEMMAS,
    STANCE_LEMMAS,
    UNTRUE,
)
from storyline.records import Attribution, Sentence, Token

Children = dict[int, list[int]]

_SUBJECTS = ("nsubj", "nsubjpass")
_COMPLEMENTS = ("ccomp", "xcomp", "dobj")  # in order of preference: "told reporters that ..." says the clause
_BORROWS_SUBJECT = ("advcl", "acl", "conj", "xcomp")  # "..., adding that", "a statement saying", "and said"
# What a stance verb takes as its content: "accused the mayor of lying", "called the plan a disaster".
_STANCE_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "prep"})
_STANCE_PREPOSITIONS = frozenset({"of", "for", "as", "about", "on", "against", "over", "to", "with", "at"})
_NOT_A_CUE = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
# "I think", "we believe" inside a quote are the quoted speaker's own words, not a new source.
FIRST_PERSON = frozenset({"i", "we", "you"})
# "can say", "would hope", "to show": a cue that is only possible or intended reports nothing.
_UNREAL = frozenset({"can", "could", "might", "may", "should", "would", "must", "to", "ca"})
_MAX_HEADLINE_SPEAKER = 6  # "Senator Ana Rusk:" — a longer lead before a colon is a clause, not a speaker


def children_of(tokens: tuple[Token, ...]) -> Children:
    children: Children = defaultdict(list)
    for i, tok in enumerate(tokens):
        if tok.head != i:
            children[tok.head].append(i)
    return children


def _extent(tokens: tuple[Token, ...], children: Children, roots: list[int]) -> tuple[int, int]:
    """Character span of the subtrees under ``roots``."""
    ids, stack = [], list(roots)
    while stack:
        j = stack.pop()
        ids.append(j)
        stack.extend(children[j])
    return min(tokens[j].start for j in ids), max(tokens[j].end for j in ids)


def _subject(tokens: tuple[Token, ...], children: Children, i: int) -> int | None:
    """The cue's own subject, or for a gerund, a conjunct or a clause without one, its head's subject."""
    for _ in range(4):
        own = [c for c in children[i] if tokens[c].dep in _SUBJECTS]
        if own:
            return own[0]
        if tokens[i].dep not in _BORROWS_SUBJECT or tokens[i].head == i:
            return None
        i = tokens[i].head
        if tokens[i].pos == "NOUN":  # "issued a statement saying ...": the statement's verb
            i = tokens[i].head
    return None


def unreal(tokens: tuple[Token, ...], children: Children, i: int) -> bool:
    return any(tokens[c].dep == "aux" and tokens[c].text.lower() in _UNREAL for c in children[i])


def _make(sentence: Sentence, cue: Token, source: tuple[int, int], content: tuple[int, int]) -> Attribution:
    def cut(span: tuple[int, int]) -> str:
        return sentence.text[span[0] - sentence.start : span[1] - sentence.start]

    if cut(content).lower().startswith("that "):
        content = (content[0] + 5, content[1])  # the complementizer is not part of what was said
    denial = cue.lemma.lower() in DENIAL_LEMMAS or UNTRUE.search(cut(content)) is not None
    return Attribution(
        cue=(cue.start, cue.end),
        content=content,
        source=source,
        speaker=cut(source),
        kind="denial" if denial else "claim",
    )


def _report(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """ "X said (that) ...", "..., X said", "X believes ...": a reporting verb, its subject, its clause."""
    tokens, lemma = sentence.tokens, sentence.tokens[i].lemma.lower()
    if lemma not in CUE_LEMMAS | CLAUSE_CUE_LEMMAS or unreal(tokens, children, i):
        return None
    wanted = _COMPLEMENTS if lemma in CUE_LEMMAS else ("ccomp",)
    comp = sorted((c for c in children[i] if tokens[c].dep in wanted), key=lambda c: wanted.index(tokens[c].dep))
    subj = _subject(tokens, children, i) if comp else None
    if not comp or subj is None:
        return None
    return _make(sentence, tokens[i], _extent(tokens, children, [subj]), _extent(tokens, children, [comp[0]]))


def _stance(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """ "X accused Y of ...", "X declined to comment", a stance verb without a clause ("X mentioned the
    plan"), and any verb with a subject and a clause after it ("X learned that ..."): the content is
    everything the verb takes after itself."""
    tokens, tok = sentence.tokens, sentence.tokens[i]
    lemma = tok.lemma.lower()
    clause = any(tokens[c].dep == "ccomp" and c > i for c in children[i])
    if lemma not in STANCE_LEMMAS | CLAUSE_CUE_LEMMAS and not (
        clause and lemma.isalpha() and lemma not in NOT_A_CLAUSE_CUE
    ):
        return None
    if unreal(tokens, children, i):
        return None
    comps = [
        c
        for c in children[i]
        if c > i
        and tokens[c].dep in _STANCE_COMPLEMENTS
        and (tokens[c].dep != "prep" or tokens[c].text.lower() in _STANCE_PREPOSITIONS)
    ]
    subj = _subject(tokens, children, i) if comps else None
    if subj is None or subj > i:
        return None
    return _make(sentence, tok, _extent(tokens, children, [subj]), _extent(tokens, children, comps))


def _has_that(tokens: tuple[Token, ...], children: Children, i: int) -> bool:
    """A clause that opens with "that" and has a subject: "claim that the ferry sank", not "plan to"."""
    marks = [c for c in children[i] if tokens[c].dep == "mark" and tokens[c].text.lower() == "that"]
    return bool(marks) and any(tokens[c].dep in _SUBJECTS for c in children[i])


def _noun_stance(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """ "the mayor's claim that the ferry sank": a cue noun with a possessor and a "that" clause."""
    tokens = sentence.tokens
    if tokens[i].pos != "NOUN" or tokens[i].lemma.lower() not in NOUN_CUE_LEMMAS:
        return None
    owner = [c for c in children[i] if tokens[c].dep == "poss" and c < i]
    comps = [c for c in children[i] if c > i and tokens[c].dep in ("acl", "ccomp") and _has_that(tokens, children, c)]
    if not owner or not comps:
        return None
    owner_span = _extent(tokens, children, owner)
    source = (owner_span[0], tokens[owner[0]].end)  # without the "'s"
    return _make(sentence, tokens[i], source, _extent(tokens, children, comps[:1]))


def _speaker_like(token: Token) -> bool:
    """A name ("Rusk", "AP") or a plural group ("Historians", "Insiders"), not "Question" or "Note"."""
    return token.pos == "PROPN" or token.tag == "NNPS" or (token.tag == "NNS" and token.text[:1].isupper())


def _headline(sentence: Sentence) -> Attribution | None:
    """ "Senator Ana Rusk: The bridge must reopen", "Q: When will it reopen?": a short speaker, a colon."""
    tokens = sentence.tokens
    colon = next((k for k, t in enumerate(tokens[: _MAX_HEADLINE_SPEAKER + 1]) if t.text == ":"), None)
    if not colon or len(tokens) - colon < 3:
        return None
    lead = tokens[:colon]
    if any(t.pos in ("VERB", "AUX", "NUM") for t in lead) or not _speaker_like(lead[-1]):
        return None
    content = (tokens[colon + 1].start, tokens[-1].end)
    return Attribution(
        cue=(tokens[colon].start, tokens[colon].end),
        content=content,
        source=(lead[0].start, lead[-1].end),
        speaker=sentence.text[lead[0].start - sentence.start : lead[-1].end - sentence.start],
    )


def parse_attributions(sentence: Sentence) -> tuple[list[Attribution], list[Attribution]]:
    """The reports and the stances of one parsed sentence, one per cue word."""
    tokens = sentence.tokens
    children = children_of(tokens)
    reports, stances = [], []
    for i, tok in enumerate(tokens):
        if tok.pos in ("VERB", "AUX"):
            found = _report(sentence, children, i)
            if found is not None:
                reports.append(found)
                continue
            found = _stance(sentence, children, i) if tok.pos == "VERB" else None
        else:
            found = _noun_stance(sentence, children, i)
        if found is not None:
            stances.append(found)
    headline = _headline(sentence)
    if headline is not None and not reports:
        stances.append(headline)
    return reports, stances
