"""Choose the source of a cue the learned layer adds: a logistic model scores each noun, name and
pronoun of the sentence as the head of the cue's source, from where it sits in the parse relative to
the cue, and the best one above the model's threshold is the source (else there is none).

The subject of the cue verb is the usual source, and ``attribution_learned.spans`` takes it; but
the source of an added cue is often elsewhere: the noun a relative clause hangs on ("officials, who
warned"), the agent of a passive ("was criticised by the union"), the owner of a noun ("the
mayor's plan"), or the subject of the verb the cue hangs on. Weights are generated data, fitted by
``storyline.eval.polnear_fit`` with the cue model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from storyline.doc.attribution_tree import Children
from storyline.records import Sentence, Token

Span = tuple[int, int]


class Scorer(Protocol):
    """A fitted model: the probability of a list of named features, accepted at ``threshold``."""

    @property
    def threshold(self) -> float: ...

    def probability(self, features: Sequence[str]) -> float: ...


_SOURCE_POS = frozenset({"NOUN", "PROPN", "PRON"})
_NOT_A_HEAD = frozenset({"compound", "nmod", "appos"})  # part of a larger name: its head stands for it
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you", "who", "it"})


def candidates(tokens: Sequence[Token], cue: int) -> list[int]:
    """The words that can head a source: nouns, names and pronouns other than the cue, not inside a
    larger name."""
    return [j for j, t in enumerate(tokens) if j != cue and t.pos in _SOURCE_POS and t.dep not in _NOT_A_HEAD]


def _relation(tokens: Sequence[Token], j: int, cue: int) -> str:
    """How word ``j`` hangs on the cue: its dependent, a dependent of a dependent, a sibling, an
    ancestor, or farther."""
    head = tokens[j].head
    if head == cue:
        return f"child:{tokens[j].dep}"
    if tokens[head].head == cue and head != cue:
        return f"grandchild:{tokens[head].dep}>{tokens[j].dep}"
    if head == tokens[cue].head and head != cue:
        return f"sibling:{tokens[j].dep}|{tokens[cue].dep}"
    up, steps = cue, 0
    while tokens[up].head != up and steps < 6:
        up, steps = tokens[up].head, steps + 1
        if up == j:
            return f"ancestor:{min(steps, 3)}"
    if tokens[tokens[cue].head].head == head:
        return f"uncle:{tokens[j].dep}"
    return "other"


def _distance(j: int, cue: int) -> str:
    d = abs(j - cue)
    return "1" if d == 1 else "2" if d == 2 else "3-5" if d <= 5 else "6-10" if d <= 10 else "far"


def source_features(
    sentence: Sentence, j: int, cue: int, subject: int | None, content: Span | None, quoted: Sequence[Span]
) -> list[str]:
    """The named features of word ``j`` as the head of the source of the cue at word ``cue``;
    ``subject`` is the word the parse rule takes, ``content`` and ``quoted`` are document offsets."""
    tokens = sentence.tokens
    tok = tokens[j]
    rel = _relation(tokens, j, cue)
    side = "before" if j < cue else "after"
    label = next((e.label for e in sentence.entities if e.start <= tok.start < e.end), "none")
    out = [
        f"rel={rel}",
        f"rel={rel}|side={side}",
        f"side={side}",
        f"distance={_distance(j, cue)}",
        f"pos={tok.pos}",
        f"dep={tok.dep}",
        f"entity={label}",
        f"rel={rel}|entity={label}",
        f"cue_dep={tokens[cue].dep}|rel={rel}",
        f"cue_pos={tokens[cue].pos}|rel={rel}",
    ]
    if tok.pos == "PRON":
        word = tok.text.lower()
        out.append(f"pronoun={word if word in _PERSONAL else 'other'}")
    if j == subject:
        out += ["parse_subject", f"parse_subject|entity={label}"]
    if content is not None and content[0] <= tok.start < content[1]:
        out.append("in_content")
    if any(s <= tok.start < e for s, e in quoted):
        out.append("in_quote")
    return out


def choose_source(
    sentence: Sentence,
    children: Children,
    cue: int,
    subject: int | None,
    content: Span | None,
    quoted: Sequence[Span],
    model: Scorer,
) -> Span | None:
    """The span of the best-scoring source head (its subtree, without the cue's), if it reaches the
    model's threshold."""
    tokens = sentence.tokens
    best, score = None, model.threshold
    for j in candidates(tokens, cue):
        p = model.probability(source_features(sentence, j, cue, subject, content, quoted))
        if p >= score:
            best, score = j, p
    return None if best is None else subtree(tokens, children, best, skip=cue)


def subtree(tokens: Sequence[Token], children: Children, root: int, skip: int) -> Span:
    """The words under ``root``, without those under ``skip``, as a span (punctuation at the ends left out)."""
    ids, stack = [], [root]
    while stack:
        j = stack.pop()
        if j != skip:
            ids.append(j)
            stack.extend(children[j])
    words = [j for j in ids if tokens[j].pos != "PUNCT"] or ids
    return min(tokens[j].start for j in words), max(tokens[j].end for j in words)
