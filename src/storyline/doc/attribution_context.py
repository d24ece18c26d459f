"""The context features of a candidate cue word for the learned cue layer: its neighbours, the chain
of words it hangs on, its tense, and where the sentence's quotation marks are.

``attribution_learned.features`` reads the word and its dependents; these read around it. They tell
a phrasal cue ("call for", "went on to say", "made it clear") from the plain verb, an opening quote
after the cue ("said: “...") from a cue inside a quotation, and a cue that hangs on another cue
("wants to say", "refused to comment"). Every name is built from spaCy lemmas, tags and labels.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.doc.attribution_tree import Children, lemma_of
from storyline.records import Token

_QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``", "‘", "’"})
_OPENING = frozenset({"“", "``", "‘"})
_CLOSING = frozenset({"”", "''", "’"})
_OPENING_OR_PLAIN = _OPENING | {'"'}  # a plain mark may open or close
_CLOSING_OR_PLAIN = _CLOSING | {'"'}
_CLAUSES = frozenset({"ccomp", "xcomp"})
_HEAD_LEMMA_DEPS = _CLAUSES | {"conj", "advcl"}  # built once, not on every word


def _word(tokens: Sequence[Token], j: int) -> str:
    """The lowercased lemma of a word, or the text of punctuation; ``<s>``/``</s>`` off either end."""
    if j < 0:
        return "<s>"
    if j >= len(tokens):
        return "</s>"
    tok = tokens[j]
    return tok.text if tok.pos == "PUNCT" else lemma_of(tok)


def _quote_side(tokens: Sequence[Token], i: int) -> str:
    """Where the nearest quotation mark is: right after the word, right before it, or neither."""
    if not _OPENING_OR_PLAIN.isdisjoint([t.text for t in tokens[i + 1 : i + 3]]):
        return "quote_opens_after"
    if not _CLOSING_OR_PLAIN.isdisjoint([t.text for t in tokens[max(0, i - 2) : i]]):
        return "quote_closes_before"
    return "no_quote_near"


def context_features(tokens: Sequence[Token], children: Children, i: int, lemma: str) -> list[str]:
    """The named context features of word ``i`` (whose lemma is ``lemma``)."""
    tok = tokens[i]
    prev, nxt = _word(tokens, i - 1), _word(tokens, i + 1)
    side = _quote_side(tokens, i)
    out = [
        f"prev={prev}",
        f"next={nxt}",
        f"lemma={lemma}|next={nxt}",
        f"lemma={lemma}|prev={prev}",
        f"lemma={lemma}|tag={tok.tag}",
        side,
        f"lemma={lemma}|{side}",
    ]
    if tok.head != i:
        head = tokens[tok.head]
        out.append(f"head_pos={head.pos}|dep={tok.dep}")
        if tok.dep in _HEAD_LEMMA_DEPS:
            out.append(f"lemma={lemma}|head_lemma={lemma_of(head)}")
    if tokens and tokens[0].text in _QUOTE_MARKS:
        out.append("sentence_opens_with_quote")
    for c in children[i]:
        if tokens[c].dep == "ccomp" and any(tokens[g].dep.startswith("nsubj") for g in children[c]):
            out += ["clause_with_subject", f"lemma={lemma}|clause_with_subject"]
            break
    return out
