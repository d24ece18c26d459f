"""The named features of every token of a parsed sentence, for a token tagger of attribution spans.

A linear-chain tagger reads each word with its parse (lemma, part of speech, label, the word it hangs
on, the nearest verb above it and the path of labels to it), its shape, where it sits against the
sentence's quotations and commas, and what the attribution stage already made of it (inside a source,
cue or content it found). Every name is built from spaCy lemmas, tags and labels.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.doc.attribution_parse import lemma_of
from storyline.records import Sentence, Token

Span = tuple[int, int]

_QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``", "‘", "’"})
_MAX_PATH = 4  # labels on the way up to the nearest verb


def _shape(text: str) -> str:
    """A short shape: "Xx", "x", "X", "d", "Xd", or "p" for punctuation."""
    if text.isdigit():
        return "d"
    if not any(c.isalnum() for c in text):
        return "p"
    if text.isupper():
        return "X" if len(text) > 1 else "Xx"
    if text[0].isupper():
        return "Xx"
    return "x" if text.isalpha() else "mixed"


def _word(tokens: Sequence[Token], j: int) -> str:
    if j < 0:
        return "<s>"
    if j >= len(tokens):
        return "</s>"
    tok = tokens[j]
    return tok.text if tok.pos == "PUNCT" else lemma_of(tok)


def _pos(tokens: Sequence[Token], j: int) -> str:
    return tokens[j].pos if 0 <= j < len(tokens) else "<>"


def _up_to_verb(tokens: Sequence[Token], i: int) -> tuple[str, str]:
    """The lemma of the nearest verb above word ``i`` (or the root) and the labels on the way."""
    path, j = [], i
    for _ in range(_MAX_PATH):
        tok = tokens[j]
        if tok.head == j:
            break
        path.append(tok.dep)
        j = tok.head
        if tokens[j].pos in ("VERB", "AUX"):
            break
    return lemma_of(tokens[j]), ">".join(path) or "self"


def _up_to_cue(tokens: Sequence[Token], i: int, cue: Sequence[str]) -> str:
    """The labels on the way up from word ``i`` to a word the stage took as a cue, or "none"."""
    path, j = [], i
    for _ in range(_MAX_PATH):
        if cue[j] != "O":
            return ">".join(path) or "self"
        if tokens[j].head == j:
            break
        path.append(tokens[j].dep)
        j = tokens[j].head
    return "none"


def _cue_side(i: int, cue: Sequence[str]) -> str:
    """Whether the nearest word the stage took as a cue is left or right of word ``i`` (or none)."""
    left = next((i - k for k in range(i - 1, -1, -1) if cue[k] != "O"), None)
    right = next((k - i for k in range(i + 1, len(cue)) if cue[k] != "O"), None)
    if left is None and right is None:
        return "none"
    if right is None or (left is not None and left <= right):
        return f"left{min(left or 0, 4)}"
    return f"right{min(right, 4)}"


def entity_tags(sentence: Sentence) -> list[str]:
    """Each token's entity label with B or I, or "O"."""
    out = ["O"] * len(sentence.tokens)
    for e in sentence.entities:
        first = True
        for k, tok in enumerate(sentence.tokens):
            if e.start <= tok.start < e.end:
                out[k] = ("B-" if first else "I-") + e.label
                first = False
    return out


def span_tags(bounds: Sequence[Span], spans: Sequence[Span]) -> list[str]:
    """Each token (``bounds``, its start and end) as B (first token of a span), I (inside one) or O."""
    out = ["O"] * len(bounds)
    for s, e in sorted(spans):
        first = True
        for k, (start, end) in enumerate(bounds):
            if start < e and s < end:
                if first:
                    out[k] = "B"
                elif out[k] == "O":
                    out[k] = "I"
                first = False
    return out


def token_features(sentence: Sentence, quoted: Sequence[Span], found: dict[str, Sequence[str]]) -> list[list[str]]:
    """The features of each token of ``sentence``; ``quoted`` are its quotations (document offsets),
    ``found`` the stage's own tags per role ("source", "cue", "content": B, I or O per token)."""
    tokens = sentence.tokens
    n = len(tokens)
    ents = entity_tags(sentence)
    quote_marks = 0
    out = []
    for i, tok in enumerate(tokens):
        lemma = lemma_of(tok)
        head = tokens[tok.head]
        verb, path = _up_to_verb(tokens, i)
        src, cue, content = found["source"][i], found["cue"][i], found["content"][i]
        inside = any(s <= tok.start < e for s, e in quoted)
        names = [
            f"l={lemma}",
            f"p={tok.pos}",
            f"t={tok.tag}",
            f"d={tok.dep}",
            f"sh={_shape(tok.text)}",
            f"e={ents[i]}",
            f"hl={lemma_of(head)}",
            f"hp={head.pos}|d={tok.dep}",
            f"v={verb}|path={path}",
            f"path={path}",
            f"v={verb}",
            f"l-1={_word(tokens, i - 1)}",
            f"l+1={_word(tokens, i + 1)}",
            f"p-1={_pos(tokens, i - 1)}",
            f"p+1={_pos(tokens, i + 1)}",
            f"p-2={_pos(tokens, i - 2)}",
            f"p+2={_pos(tokens, i + 2)}",
            f"p-1|p={_pos(tokens, i - 1)}|{tok.pos}",
            f"p|p+1={tok.pos}|{_pos(tokens, i + 1)}",
            f"at={min(3, 4 * i // max(1, n))}",
            f"q={'in' if inside else 'out'}",
            f"qn={min(quote_marks, 3)}",
            f"sS={src}",
            f"sC={cue}",
            f"sT={content}",
            f"sS|sC|sT={src}|{cue}|{content}",
            f"sS|p={src}|{tok.pos}",
            f"sC|l={cue}|{lemma}",
            f"sS|d={src}|{tok.dep}",
            f"toC={_up_to_cue(tokens, i, found['cue'])}",
            f"sideC={_cue_side(i, found['cue'])}",
            f"toC|sS={_up_to_cue(tokens, i, found['cue'])}|{src}",
        ]
        if i == 0:
            names.append("first")
        if i == n - 1:
            names.append("last")
        out.append(names)
        if tok.text in _QUOTE_MARKS:
            quote_marks += 1
    return out
