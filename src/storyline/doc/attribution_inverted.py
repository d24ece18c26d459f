"""The source of an inverted report, which follows its cue where the parse does not make it the cue's subject.

(1) A verb right after a quotation and its comma, with no subject of its own, takes its object as the
source: in '"The quay is shut," read the notice' and '"...," tweeted another' the parse reads the speaker
as the object of the verb. (2) A report verb between commas inside the clause it reports gives the subject
that follows it: in "The delay, said Ann Roe, was avoidable" the parse makes "The delay" the subject of
"said" and "Ann Roe" the subject of "was". Chosen on PolNeAR train, out of fold (BENCHMARKS.md, issue 4,
session 32).
"""

from __future__ import annotations

from storyline.doc.attribution_cues import CLAUSE_CUE_LEMMAS, CUE_LEMMAS
from storyline.doc.attribution_source import subtree
from storyline.doc.attribution_tree import Children, children_of, lemma_of, sourced
from storyline.records import Attribution, Sentence, Token

_QUOTES = frozenset({'"', "”", "''"})  # not "’": a single mark closes scare quotes as often as a quotation
_NAMED = frozenset({"PERSON", "ORG", "NORP"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_REPORT_LEMMAS = CUE_LEMMAS | CLAUSE_CUE_LEMMAS


def _after_quotation(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether word ``i`` follows a closing quotation mark and a comma, in either order (',”' or '”,')."""
    if i < 2:
        return False
    one, two = tokens[i - 1].text, tokens[i - 2].text
    return (one in _QUOTES and two == ",") or (one == "," and two in _QUOTES)


def _object_after_quotation(tokens: tuple[Token, ...], children: Children, i: int) -> int | None:
    """The object of a verb that opens the words after a quotation ('"...," read the notice'), or None."""
    verb = tokens[i]
    if verb.dep != "ROOT" or verb.tag not in (*_FINITE, "VB") or not _after_quotation(tokens, i):
        return None
    kids = children.get(i, ())
    if any(tokens[c].dep in _SUBJECT for c in kids):
        return None
    return next((c for c in kids if tokens[c].dep == "dobj" and c > i), None)


def _words_under(children: Children, root: int) -> list[int]:
    """The indexes of ``root`` and the words under it."""
    out, stack = [], [root]
    while stack:
        j = stack.pop()
        out.append(j)
        stack.extend(children.get(j, ()))
    return out


def _subject_after_cue(sentence: Sentence, children: Children, i: int) -> int | None:
    """The subject of the clause a report verb interrupts ("The delay, said Ann Roe, was avoidable"): the
    subject of the verb's clause that starts right after it, ends at a comma and holds a name; or None
    ("Aides, who know him, said their speeches, long as they are, would change" has no speaker there)."""
    tokens = sentence.tokens
    verb = tokens[i]
    if verb.tag not in _FINITE or lemma_of(verb) not in _REPORT_LEMMAS or i < 1 or tokens[i - 1].text != ",":
        return None
    for clause in children.get(i, ()):
        if tokens[clause].dep != "ccomp" or clause < i:
            continue
        subject = next((c for c in children.get(clause, ()) if tokens[c].dep == "nsubj" and i < c < clause), None)
        if subject is None or min(_words_under(children, subject)) != i + 1:
            continue
        words = _words_under(children, subject)
        last = max(words)
        closed = tokens[last].text == "," or (last + 1 < len(tokens) and tokens[last + 1].text == ",")
        if closed and any(_named(sentence, tokens[j]) for j in words):
            return subject
    return None


def _named(sentence: Sentence, tok: Token) -> bool:
    """Whether ``tok`` is a name: a proper noun, or inside a person's, group's or nationality's entity."""
    return tok.pos == "PROPN" or any(e.start <= tok.start < e.end and e.label in _NAMED for e in sentence.entities)


def inverted_speaker(sentence: Sentence, a: Attribution) -> tuple[int, int] | None:
    """The span of the speaker the one-word cue of ``a`` is inverted with ((1) and (2) above), or None."""
    tokens = sentence.tokens
    words = [i for i, t in enumerate(tokens) if t.start < a.cue[1] and a.cue[0] < t.end]
    if len(words) != 1:
        return None
    i = words[0]
    if not _after_quotation(tokens, i) and not (i >= 1 and tokens[i - 1].text == ","):
        return None  # most cues: neither shape can hold
    children = children_of(tokens)
    head = _object_after_quotation(tokens, children, i)
    if head is None:
        head = _subject_after_cue(sentence, children, i)
    return None if head is None else subtree(tokens, children, head, skip=-1)


def inverted_source(sentence: Sentence, a: Attribution) -> Attribution:
    """``a`` with its inverted speaker (``inverted_speaker``) as the source, or as it is."""
    span = inverted_speaker(sentence, a)
    if span is None or (a.source is not None and a.source[0] < span[1] and span[0] < a.source[1]):
        return a
    return sourced(sentence, a, span)


def inverted(sentence: Sentence, a: Attribution) -> bool:
    """Whether the source of ``a`` is its inverted speaker: the source tagger, trained on cues with their
    subjects, does not read these, so ``attribution_tagger`` keeps them."""
    span = None if a.source is None else inverted_speaker(sentence, a)
    return span is not None and a.source is not None and a.source[0] < span[1] and span[0] < a.source[1]
