"""Find who says, thinks or wants what in one parsed sentence, from its dependency parse.

Two kinds come out. **Reports** ("X said/insisted/believes that ...") decide a sentence's status.
**Stances** ("X accused Y of ...", "X wants Z", "X's claim that ...", "X: ...") are recorded as
attributions too, since a reader asks who holds them, but they leave the status alone: the outlet
still reports that a stance was taken. Cue words are spaCy lemmas from ``attribution_cues``; the
parse is read through ``attribution_tree``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.doc.attribution_cues import (
    CLAUSE_CUE_LEMMAS,
    CONSTRUCTION_STANCES,
    CUE_LEMMAS,
    DENIAL_LEMMAS,
    NAMED_STANCES,
    NOT_A_CLAUSE_CUE,
    NOUN_CUE_LEMMAS,
    STANCE_ADJECTIVES,
    STANCE_LEMMAS,
    VIEW_NOUNS,
    calls_untrue,
)
from storyline.doc.attribution_tree import (
    SUBJECTS,
    Children,
    children_of,
    extent,
    lemma_of,
    quoted_spans,
    subject_of,
    unreal,
    whole_name,
    with_quotation_marks,
)
from storyline.records import Attribution, Sentence, Token

_COMPLEMENTS = ("ccomp", "xcomp", "dobj")  # in order of preference: "told reporters that ..." says the clause
# What a stance verb takes as its content: "accused the mayor of lying", "called the plan a disaster".
_STANCE_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "prep"})
_STANCE_PREPOSITIONS = frozenset({"of", "for", "as", "about", "on", "against", "over", "to", "with", "at"})
# "I think", "we believe" inside a quote are the quoted speaker's own words, not a new source.
FIRST_PERSON = frozenset({"i", "we", "you"})
_MAX_HEADLINE_SPEAKER = 6  # "Senator Ana Rusk:" — a longer lead before a colon is a clause, not a speaker


def _make(sentence: Sentence, cue: Token, source: tuple[int, int], content: tuple[int, int]) -> Attribution:
    def cut(span: tuple[int, int]) -> str:
        return sentence.text[span[0] - sentence.start : span[1] - sentence.start]

    content = with_quotation_marks(sentence, content)
    source = whole_name(sentence, source)
    denial = lemma_of(cue) in DENIAL_LEMMAS or calls_untrue(cut(content))
    return Attribution(
        cue=(cue.start, cue.end),
        content=content,
        source=source,
        speaker=cut(source),
        kind="denial" if denial else "claim",
    )


# The unions the per-word tests read, built once rather than on every word.
_REPORT_LEMMAS = CUE_LEMMAS | CLAUSE_CUE_LEMMAS
_PASSIVE_LEMMAS = CUE_LEMMAS | CLAUSE_CUE_LEMMAS | STANCE_LEMMAS
_LISTED_STANCE_LEMMAS = STANCE_LEMMAS | CLAUSE_CUE_LEMMAS
# Reporting verbs whose bare object is no report: "maintained a private account".
_CLAUSE_ONLY = frozenset({"maintain"})
# "The emails seem to show ...": the one who finds it so is the writer, not the subject.
_NO_HOLDER = frozenset({"seem", "appear"})


def _report(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """ "X said (that) ...", "..., X said", "X believes ...": a reporting verb, its subject, its clause."""
    tokens, lemma = sentence.tokens, lemma_of(sentence.tokens[i])
    if lemma not in _REPORT_LEMMAS or unreal(tokens, children, i):
        return None
    wanted = _COMPLEMENTS if lemma in CUE_LEMMAS and lemma not in _CLAUSE_ONLY else ("ccomp",)
    comp = sorted((c for c in children[i] if tokens[c].dep in wanted), key=lambda c: wanted.index(tokens[c].dep))
    subj = subject_of(tokens, children, i) if comp else None
    noun = _modified_noun(tokens, children, i) if comp and subj is None else None
    if noun is not None:
        return _make(sentence, tokens[i], noun, extent(tokens, children, [comp[0]]))
    if not comp or subj is None or tokens[subj].dep == "nsubjpass":  # "Rusk was told that ...": not hers
        return None
    if any(tokens[c].dep == "auxpass" for c in children[i]):  # "the fire started and was reported contained"
        return None  # a passive cue's borrowed subject is what is reported, not who reports it
    return _make(sentence, tokens[i], extent(tokens, children, [subj]), extent(tokens, children, [comp[0]]))


def _modified_noun(tokens: tuple[Token, ...], children: Children, i: int) -> tuple[int, int] | None:
    """ "the pilot denouncing the plan", "Rusk insisting that ...": a gerund that modifies a noun and
    has no subject of its own is said by that noun (its words before the gerund)."""
    tok, head = tokens[i], tokens[i].head
    if tok.dep != "acl" or tok.tag != "VBG" or head >= i or tokens[head].pos not in ("NOUN", "PROPN"):
        return None
    start = extent(tokens, children, [head])[0]
    words = [k for k in range(head, i) if tokens[k].pos != "PUNCT"]
    return (start, tokens[words[-1]].end)


_BEFORE_INVERTED = frozenset({",", '"', "”", "''", "—"})


def _inverted(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """ "The quay is shut," said Oda Fenn, a pilot who has worked there for years: a reporting verb
    after a comma or a closing quote, its subject after it and no clause of its own; everything before
    it is what was said, and the subject with all its description is the source."""
    tokens = sentence.tokens
    if i < 2 or lemma_of(tokens[i]) not in CUE_LEMMAS or tokens[i - 1].text not in _BEFORE_INVERTED:
        return None
    subj = [c for c in children[i] if tokens[c].dep == "nsubj" and c > i]
    if not subj or unreal(tokens, children, i) or any(tokens[c].dep in _COMPLEMENTS for c in children[i]):
        return None
    said = [k for k in range(i) if tokens[k].pos != "PUNCT"]
    if not said:
        return None
    content = (tokens[said[0]].start, tokens[said[-1]].end)
    return _make(sentence, tokens[i], extent(tokens, children, subj[:1]), content)


def _as_report(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """ "As the minister said, the bridge is closed", "As reported by the Herald, ...": the clause the
    "as" clause hangs on is the content."""
    tokens, tok = sentence.tokens, sentence.tokens[i]
    if lemma_of(tok) not in _REPORT_LEMMAS or tok.dep != "advcl" or tok.head == i:
        return None
    marks = [c for c in children[i] if tokens[c].dep == "mark" and tokens[c].text.lower() == "as"]
    subj = [c for c in children[i] if tokens[c].dep == "nsubj"]
    subj = subj or [p for c in children[i] if tokens[c].dep == "agent" for p in children[c] if tokens[p].dep == "pobj"]
    if not marks or not subj or any(tokens[c].dep in _COMPLEMENTS for c in children[i]):
        return None
    own = extent(tokens, children, [i])
    whole = extent(tokens, children, [tok.head])
    content = (own[1], whole[1]) if own[0] <= whole[0] else (whole[0], own[0])
    text = sentence.text[content[0] - sentence.start : content[1] - sentence.start]
    lead = len(text) - len(text.lstrip(" ,;—-"))
    trail = len(text.rstrip(" ,;.—-"))
    if trail <= lead:
        return None
    content = (content[0] + lead, content[0] + trail)
    return _make(sentence, tok, extent(tokens, children, subj), content)


def _passive(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """ "The move was first reported by a local paper": the agent says, the passive subject is said."""
    tokens = sentence.tokens
    if lemma_of(tokens[i]) not in _PASSIVE_LEMMAS:
        return None
    said = [c for c in children[i] if tokens[c].dep == "nsubjpass" and c < i]
    agent = [p for c in children[i] if tokens[c].dep == "agent" for p in children[c] if tokens[p].dep == "pobj"]
    if not said or not agent:
        return None
    return _make(sentence, tokens[i], extent(tokens, children, agent[:1]), extent(tokens, children, said))


def _in_construction(
    tokens: tuple[Token, ...], children: Children, i: int, lemma: str, table: dict[str, frozenset[str]]
) -> bool:
    """Whether a verb of ``table`` has the dependent that makes it a stance after it: "seeks to",
    "sees ... as", "talks about"."""
    shapes = table.get(lemma)
    if shapes is None:
        return False
    after = [c for c in children[i] if c > i]
    objects = [c for c in after if tokens[c].dep == "dobj"]
    if any(lemma_of(tokens[g]) in CUE_LEMMAS for c in objects for g in children[c] if tokens[g].dep == "acl"):
        return False  # "issued a statement saying ...": the saying is the report
    if any(tokens[c].dep in shapes or tokens[c].text.lower() in shapes for c in after):
        return True
    # the parser often hangs "as" on the object: "see [the closure as a mistake]"
    return "as" in shapes and any(tokens[g].text.lower() == "as" for c in objects for g in children[c])


_ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_NAMED = frozenset({"PERSON", "ORG", "NORP"})
_ACTOR_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who"})


def _actor(sentence: Sentence, subj: Token) -> bool:
    """Whether a subject can hold a stance: a person, a group, a country, a common noun ("voters"), a
    personal pronoun; not "it", "this" or "there"."""
    if any(e.start <= subj.start < e.end and e.label in _ACTOR_ENTITIES for e in sentence.entities):
        return True
    return subj.pos in ("NOUN", "PROPN") or subj.text.lower() in _ACTOR_PRONOUNS


def _stance(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """ "X accused Y of ...", "X declined to comment", a stance verb without a clause ("X mentioned the
    plan"), and any verb with a subject and a clause after it ("X learned that ..."): the content is
    everything the verb takes after itself."""
    tokens, tok = sentence.tokens, sentence.tokens[i]
    lemma = lemma_of(tok)
    listed = lemma in _LISTED_STANCE_LEMMAS or (
        lemma.isalpha()
        and lemma not in NOT_A_CLAUSE_CUE
        and any(tokens[c].dep == "ccomp" and c > i for c in children[i])  # a clause after it, looked for last
    )
    construction = not listed and _in_construction(tokens, children, i, lemma, CONSTRUCTION_STANCES)
    named = not listed and not construction and _in_construction(tokens, children, i, lemma, NAMED_STANCES)
    if not listed and not construction and not named:
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
    subj = subject_of(tokens, children, i) if comps else None
    noun = _modified_noun(tokens, children, i) if comps and subj is None and not construction else None
    if noun is not None:
        return _make(sentence, tok, noun, extent(tokens, children, comps))
    if subj is None or subj > i or (construction and not _actor(sentence, tokens[subj])):
        return None
    if named and not any(e.start <= tokens[subj].start < e.end and e.label in _NAMED for e in sentence.entities):
        return None
    content = extent(tokens, children, comps)
    if tokens[subj].dep == "nsubjpass" or lemma in _NO_HOLDER:  # "Rusk was asked to ...": not hers
        return replace(_make(sentence, tok, content, content), source=None, speaker=None)
    return _make(sentence, tok, extent(tokens, children, [subj]), content)


def _adjective_stance(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """ "The pilots are quick to blame the owners", "she was critical of the plan", "he is confident
    (that) the vote will pass": "be", an adjective of stance with something after it, or any adjective
    with a clause of its own after it, and someone as the subject; the cue runs from "be" to the
    adjective."""
    tokens = sentence.tokens
    if lemma_of(tokens[i]) != "be":
        return None
    subj = [c for c in children[i] if tokens[c].dep == "nsubj" and c < i]
    if not subj or not _actor(sentence, tokens[subj[0]]):
        return None
    for adj in (c for c in children[i] if tokens[c].dep == "acomp"):
        if lemma_of(tokens[adj]) in STANCE_ADJECTIVES:
            comps = [c for c in children[adj] if c > adj and tokens[c].dep in ("ccomp", "xcomp", "prep")]
        else:  # the clause hangs on the adjective or on "be"
            after = [c for c in (*children[adj], *children[i]) if c > adj and tokens[c].dep == "ccomp"]
            comps = [c for c in after if any(tokens[k].dep in SUBJECTS for k in children[c])][:1]
        if comps:
            found = _make(sentence, tokens[i], extent(tokens, children, subj[:1]), extent(tokens, children, comps))
            return replace(found, cue=(tokens[i].start, tokens[adj].end))
    return None


def _view_is(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """ "The mayor's view is that the bridge must reopen": "be" with a clause of its own after it and,
    as its subject, a noun of a view that someone owns ("X's", "of X"); the cue runs from the noun to
    "be" (the noun alone before "of X"), the source is the owner."""
    tokens = sentence.tokens
    if lemma_of(tokens[i]) != "be":
        return None
    subj = [c for c in children[i] if tokens[c].dep == "nsubj" and c < i and lemma_of(tokens[c]) in VIEW_NOUNS]
    clause = [c for c in children[i] if c > i and tokens[c].dep == "ccomp"]
    if not subj or not clause:
        return None
    if not any(tokens[k].dep in SUBJECTS for k in children[clause[0]]):
        return None
    noun = subj[0]
    owner = [c for c in children[noun] if tokens[c].dep == "poss"]
    of = [p for c in children[noun] if tokens[c].text.lower() == "of" and c > noun for p in children[c]]
    of = [p for p in of if tokens[p].dep == "pobj" and _actor(sentence, tokens[p])]
    if owner:
        source = (extent(tokens, children, owner[:1])[0], tokens[owner[0]].end)  # without the "'s"
    elif of:
        source = extent(tokens, children, of[:1])
    else:
        return None
    found = _make(sentence, tokens[i], source, extent(tokens, children, clause[:1]))
    return replace(found, cue=(tokens[noun].start, tokens[i if owner else noun].end))


def _has_that(tokens: tuple[Token, ...], children: Children, i: int) -> bool:
    """A clause that opens with "that" and has a subject: "claim that the ferry sank", not "plan to"."""
    marks = [c for c in children[i] if tokens[c].dep == "mark" and tokens[c].text.lower() == "that"]
    return bool(marks) and any(tokens[c].dep in SUBJECTS for c in children[i])


# Cue nouns whose "of" phrase is what the stance is about.
OBJECT_NOUN_CUES = frozenset({"criticism", "accusation", "denial", "condemnation", "endorsement", "rejection"})


def _noun_stance(sentence: Sentence, children: Children, i: int) -> Attribution | None:
    """ "the mayor's claim that the ferry sank": a cue noun with a possessor and a "that" clause."""
    tokens = sentence.tokens
    if tokens[i].pos != "NOUN" or tokens[i].lemma.lower() not in NOUN_CUE_LEMMAS:
        return None
    owner = [c for c in children[i] if tokens[c].dep == "poss" and c < i]
    comps = [c for c in children[i] if c > i and tokens[c].dep in ("acl", "ccomp") and _has_that(tokens, children, c)]
    if tokens[i].lemma.lower() in OBJECT_NOUN_CUES:  # "her criticism of the plan"
        comps += [c for c in children[i] if c > i and tokens[c].dep == "prep" and tokens[c].text.lower() == "of"]
    if not owner or not comps:
        return None
    owner_span = extent(tokens, children, owner)
    source = (owner_span[0], tokens[owner[0]].end)  # without the "'s"
    return _make(sentence, tokens[i], source, extent(tokens, children, comps[:1]))


# Labels that head a line without a speaker: "Question: ...", "Editor's note: ...".
_LABELS = frozenset(
    ("question", "answer", "note", "update", "correction", "photo", "video", "watch", "read", "related", "editor")
)


def _speaker_like(lead: tuple[Token, ...]) -> bool:
    """A name ("Rusk", "AP"), a capitalised group or title ("Historians", "Report") or an interview's
    "Q" and "A"; not a label ("Question", "Editor's Note")."""
    last = lead[-1]
    if not last.text[:1].isupper() or last.pos not in ("NOUN", "PROPN", "X", "PRON"):
        return False
    return not any(t.text.lower() in _LABELS for t in lead)


def speaker_label(lead: tuple[Token, ...]) -> bool:
    """The words before a colon name its speaker: no verb or number among them ("Police said:", "Day 3:") and a
    name or title (``_speaker_like``)."""
    return not any(t.pos in ("VERB", "AUX", "NUM") for t in lead) and _speaker_like(lead)


def _headline(sentence: Sentence) -> Attribution | None:
    """ "Senator Ana Rusk: The bridge must reopen", "Q: When will it reopen?": a short speaker, a colon."""
    tokens = sentence.tokens
    if ":" not in sentence.text:  # the tokens are pieces of the text: no colon word either
        return None
    colon = next((k for k, t in enumerate(tokens[: _MAX_HEADLINE_SPEAKER + 1]) if t.text == ":"), None)
    if not colon or len(tokens) - colon < 3:
        return None
    lead = tokens[:colon]
    if not speaker_label(lead):
        return None
    last = len(tokens) - 1 if tokens[-1].pos != "PUNCT" or len(tokens) - colon < 4 else len(tokens) - 2
    content = (tokens[colon + 1].start, tokens[last].end)
    return Attribution(
        cue=(tokens[colon].start, tokens[colon].end),
        content=content,
        source=(lead[0].start, lead[-1].end),
        speaker=sentence.text[lead[0].start - sentence.start : lead[-1].end - sentence.start],
    )


def colon_report(sentence: Sentence, following: Sequence[Sentence]) -> Attribution | None:
    """ "He said:" or "The paper confirmed it, reporting:" closing a sentence, with the words said in
    the next sentence, in the same paragraph or the next one; a quotation opened there runs on to
    the sentence where it closes, within that paragraph."""
    tokens = sentence.tokens
    if len(tokens) < 3 or tokens[-1].text != ":" or not following or not following[0].tokens:
        return None
    if following[0].paragraph > sentence.paragraph + 1:
        return None
    children, i = children_of(tokens), tokens[-1].head
    if lemma_of(tokens[i]) not in _REPORT_LEMMAS or unreal(tokens, children, i):
        return None
    if any(tokens[c].dep in ("ccomp", "xcomp") for c in children[i]):
        return None
    subj = subject_of(tokens, children, i)
    if subj is None or tokens[subj].dep == "nsubjpass" or tokens[subj].text.lower() in FIRST_PERSON:
        return None
    last, (_, still_open) = following[0], quoted_spans(following[0].text)
    for later in following[1:]:
        if not still_open or later.paragraph != last.paragraph:
            break
        last, (_, still_open) = later, quoted_spans(later.text, inside=True)
    source = extent(tokens, children, [subj])
    speaker = sentence.text[source[0] - sentence.start : source[1] - sentence.start]
    cue, content = (tokens[i].start, tokens[i].end), (following[0].start, last.end)
    if lemma_of(tokens[i]) in DENIAL_LEMMAS:
        return Attribution(cue=cue, content=content, source=source, speaker=speaker, kind="denial")
    return Attribution(cue=cue, content=content, source=source, speaker=speaker)


def parse_attributions(sentence: Sentence) -> tuple[list[Attribution], list[Attribution]]:
    """The reports and the stances of one parsed sentence, one per cue word."""
    tokens = sentence.tokens
    children = children_of(tokens)
    reports, stances = [], []
    for i, tok in enumerate(tokens):
        # each rule's own first test (its lemmas, its part of speech) is made here once, without a call
        if tok.pos in ("VERB", "AUX"):
            lemma = lemma_of(tok)
            if lemma in _REPORT_LEMMAS:
                found = (
                    _report(sentence, children, i)
                    or _as_report(sentence, children, i)
                    or _inverted(sentence, children, i)
                )
                if found is not None:
                    reports.append(found)
                    continue
            if tok.pos == "VERB":
                found = (_passive(sentence, children, i) if lemma in _PASSIVE_LEMMAS else None) or _stance(
                    sentence, children, i
                )
            elif lemma == "be":
                found = _adjective_stance(sentence, children, i) or _view_is(sentence, children, i)
            else:
                continue
        elif tok.pos == "NOUN":
            found = _noun_stance(sentence, children, i)
        else:
            continue
        if found is not None:
            stances.append(found)
    headline = _headline(sentence)
    if headline is not None and not reports:
        stances.append(headline)
    return reports, stances
