"""Read one sentence's dependency parse for the attribution layers: each word's dependents (shared by
the layers of a document), the span of a subtree, a cue's subject, its lemma, whether it is only
possible or intended, whether it is a verb of appearance, whether a source is a demonstrative, and the
quoted parts of a text; and set an attribution's source (``sourced``).
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from storyline.records import Attribution, Sentence, Token

Children = dict[int, list[int]]

SUBJECTS = ("nsubj", "nsubjpass")
_BORROWS_SUBJECT = ("advcl", "acl", "conj", "xcomp")  # "..., adding that", "a statement saying", "and said"
# "can say", "would hope", "to show": a cue that is only possible or intended reports nothing.
_UNREAL = frozenset({"can", "could", "might", "may", "should", "would", "must", "to", "ca"})


# The last sentences' children, by the identity of their tokens: the rules, the cue model, the
# orphans and the force ranking all read the same parse (a sentence replaced keeps its tokens).
_CHILDREN: dict[int, tuple[Sequence[Token], Children]] = {}
_CHILDREN_LOCK = threading.Lock()
_MAX_CHILDREN = 1024


def forget_parses() -> None:
    """Drop the shared children: a document's layers share them, the next document starts afresh."""
    with _CHILDREN_LOCK:
        _CHILDREN.clear()


def children_of(tokens: Sequence[Token]) -> Children:
    """Each word's dependents, in order (shared: read it, do not change it)."""
    seen = _CHILDREN.get(id(tokens))
    if seen is not None and seen[0] is tokens:
        return seen[1]
    children: Children = defaultdict(list)
    for i, tok in enumerate(tokens):
        if tok.head != i:
            children[tok.head].append(i)
    with _CHILDREN_LOCK:  # writers one at a time (threads): reads need no lock
        if len(_CHILDREN) >= _MAX_CHILDREN:
            del _CHILDREN[next(iter(_CHILDREN))]  # the oldest: a long document's first sentences
        _CHILDREN[id(tokens)] = (tokens, children)
    return children


def extent(tokens: tuple[Token, ...], children: Children, roots: list[int]) -> tuple[int, int]:
    """Character span of the subtrees under ``roots``."""
    ids, stack = [], list(roots)
    while stack:
        j = stack.pop()
        ids.append(j)
        stack.extend(children[j])
    return min(tokens[j].start for j in ids), max(tokens[j].end for j in ids)


def subject_of(tokens: tuple[Token, ...], children: Children, i: int) -> int | None:
    """The cue's own subject, or for a gerund, a conjunct or a clause without one, its head's subject."""
    for _ in range(4):
        own = [c for c in children[i] if tokens[c].dep in SUBJECTS]
        if own:
            return own[0]
        if tokens[i].dep == "pcomp" and tokens[i].head < len(tokens) and tokens[tokens[i].head].dep == "prep":
            i = tokens[i].head  # "..., by saying that": the verb the preposition hangs on
        elif tokens[i].dep not in _BORROWS_SUBJECT or tokens[i].head == i:
            return None
        i = tokens[i].head
        if tokens[i].pos == "NOUN":  # "issued a statement saying ...": the statement's verb
            i = tokens[i].head
    return None


def whole_name(sentence: Sentence, source: tuple[int, int]) -> tuple[int, int]:
    """``source``, or the named entity holding it when the span is only punctuation inside a name: the
    parse can split "Saif al-Islam told ..." into three subjects and hand over the hyphen."""
    text = sentence.text[source[0] - sentence.start : source[1] - sentence.start]
    if any(char.isalnum() for char in text):
        return source
    holding = [e for e in sentence.entities if e.start <= source[0] and source[1] <= e.end]
    return (holding[0].start, holding[0].end) if holding else source


def sourced(sentence: Sentence, a: Attribution, source: tuple[int, int] | None) -> Attribution:
    """``a`` with ``source`` as its source and that span's words as its speaker (None for none): every
    layer that moves, adds, widens or takes off a source sets it here, so that the speaker is always
    the final span's words and never another span's. A span of punctuation inside a name is the name
    (``whole_name``)."""
    if source is None:
        return replace(a, source=None, speaker=None)
    source = whole_name(sentence, source)
    return replace(a, source=source, speaker=sentence.text[source[0] - sentence.start : source[1] - sentence.start])


def lemma_of(tok: Token) -> str:
    """The token's lowercased lemma, mending spaCy's "hop" for "hoped" and "hoping"."""
    low = tok.lemma.lower()
    return "hope" if low == "hop" and tok.text.lower().startswith(("hope", "hoping")) else low


# "The senator seems ready to fight", "it appears that": the writer's impression of the subject, not
# the subject's words. PolNeAR marks such a cue with no source (204 of its 257 on train); out of fold,
# taking ours off removed 66 sources, 5 of them right (BENCHMARKS.md, issue 4, session 31).
_APPEARANCE_LEMMAS = frozenset({"seem", "appear"})


def impression(sentence: Sentence, a: Attribution) -> bool:
    """Whether the cue of ``a`` is one verb of appearance ("seems", "appeared"), which takes no source."""
    words = [t for t in sentence.tokens if t.start < a.cue[1] and a.cue[0] < t.end]
    return len(words) == 1 and lemma_of(words[0]) in _APPEARANCE_LEMMAS


# "That suggests a lack of confidence", "That said, ...": a demonstrative stands for a thing said or
# done, not for who says it (out of fold, taking them off removed 23 sources, 2 of them right); the
# relative "that", tagged WDT, is left alone: "a union that endorsed him" names its speaker.
_DEMONSTRATIVES = frozenset({"this", "that"})


def demonstrative(sentence: Sentence, source: tuple[int, int]) -> bool:
    """Whether ``source`` is one demonstrative pronoun ("That", "this"), which names no speaker."""
    words = [t for t in sentence.tokens if t.start < source[1] and source[0] < t.end]
    return len(words) == 1 and words[0].tag == "DT" and words[0].text.lower() in _DEMONSTRATIVES


def without_demonstrative(sentence: Sentence, a: Attribution) -> Attribution:
    """``a`` with no source when its source is a demonstrative (``demonstrative``)."""
    return sourced(sentence, a, None) if a.source is not None and demonstrative(sentence, a.source) else a


# "continues to insist", "began to argue": the "to" of a verb of going on is no intention.
_ASPECT_LEMMAS = frozenset({"continue", "begin", "start", "keep", "resume"})


def unreal(tokens: tuple[Token, ...], children: Children, i: int) -> bool:
    head = tokens[i].head
    if tokens[i].dep == "xcomp" and head < len(tokens) and lemma_of(tokens[head]) in _ASPECT_LEMMAS:
        return any(tokens[c].dep == "aux" and tokens[c].text.lower() in _UNREAL - {"to"} for c in children[i])
    return any(tokens[c].dep == "aux" and tokens[c].text.lower() in _UNREAL for c in children[i])


_OPENING = re.compile(r"(?:“|\"|‘|'')\s*$")
_CLOSING = re.compile(r"^[,.!?;:]?\s*(?:”|\"|’|'')")


def with_quotation_marks(sentence: Sentence, content: tuple[int, int]) -> tuple[int, int]:
    """A quoted content keeps its quotation marks and the punctuation inside them (“The quay is shut,”),
    as PolNeAR and PARC mark it; the complementizer "that" stays too."""
    local = (content[0] - sentence.start, content[1] - sentence.start)
    before = _OPENING.search(sentence.text, 0, local[0])
    after = _CLOSING.match(sentence.text[local[1] :])
    if before is None or after is None:
        return content
    return (sentence.start + before.start(), content[1] + after.end())


_QUOTE_MARK = re.compile(r"''|[“”\"]")  # two apostrophes are a straight quote in some newspapers' text


def quoted_spans(text: str, inside: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """The quoted parts of ``text`` (local offsets) and whether a quote is still open at its end;
    ``inside`` says a quotation opened in an earlier sentence of the paragraph is still open."""
    if '"' not in text and "“" not in text and "”" not in text and "''" not in text:  # most sentences
        return ([(0, len(text))], True) if inside else ([], False)
    spans: list[tuple[int, int]] = []
    start = 0 if inside else None
    for m in _QUOTE_MARK.finditer(text):
        ch, i = m.group(), m.start()
        if ch == "“" or (ch in ('"', "''") and start is None):
            start = i if start is None else start
        elif start is not None:
            spans.append((start, m.end()))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans, start is not None
