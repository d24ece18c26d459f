"""The named features of every token of a parsed sentence, for a token tagger of attribution spans.

A linear-chain tagger reads each word with its parse (lemma, part of speech, label, the word it hangs
on, the nearest verb above it and the path of labels to it), its shape, where it sits against the
sentence's quotations and commas, and what the attribution stage already made of it (inside a source,
cue or content it found). Every name is built from spaCy lemmas, tags and labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from storyline.doc.attribution_parse import lemma_of
from storyline.records import Sentence, Token

Span = tuple[int, int]


def spans_overlap(a: Span, b: Span) -> bool:
    """Whether two character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


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


_shape_of = lru_cache(maxsize=1 << 16)(_shape)  # the same few thousand words come back in every sentence


def _up_to_verb(tokens: Sequence[Token], lemmas: Sequence[str], i: int) -> tuple[str, str]:
    """The lemma of the nearest verb above word ``i`` (or the root) and the labels on the way."""
    path: list[str] = []
    j = i
    for _ in range(_MAX_PATH):
        tok = tokens[j]
        if tok.head == j:
            break
        path.append(tok.dep)
        j = tok.head
        if tokens[j].pos in ("VERB", "AUX"):
            break
    return lemmas[j], ">".join(path) or "self"


def _up_to_cue(tokens: Sequence[Token], i: int, cue: Sequence[str]) -> str:
    """The labels on the way up from word ``i`` to a word the stage took as a cue, or "none"."""
    path: list[str] = []
    j = i
    for _ in range(_MAX_PATH):
        if cue[j] != "O":
            return ">".join(path) or "self"
        if tokens[j].head == j:
            break
        path.append(tokens[j].dep)
        j = tokens[j].head
    return "none"


def cue_sides(cue: Sequence[str]) -> list[str]:
    """For each word, whether the nearest word the stage took as a cue is left or right of it, and
    how far (up to 4), or "none"; the left one when both are as near."""
    n = len(cue)
    left: list[int | None] = [None] * n
    right: list[int | None] = [None] * n
    last: int | None = None
    for i in range(n):
        left[i] = None if last is None else i - last
        if cue[i] != "O":
            last = i
    last = None
    for i in range(n - 1, -1, -1):
        right[i] = None if last is None else last - i
        if cue[i] != "O":
            last = i
    out = []
    for lo, hi in zip(left, right, strict=True):
        if lo is None and hi is None:
            out.append("none")
        elif hi is None or (lo is not None and lo <= hi):
            out.append(f"left{min(lo or 0, 4)}")
        else:
            out.append(f"right{min(hi, 4)}")
    return out


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


def token_features(sentence: Sentence, quoted: Sequence[Span], found: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """The features of each token of ``sentence``; ``quoted`` are its quotations (document offsets),
    ``found`` the stage's own tags per role ("source", "cue", "content": B, I or O per token)."""
    tokens = sentence.tokens
    n = len(tokens)
    ents = entity_tags(sentence)
    lemmas = [lemma_of(t) for t in tokens]
    words = ["<s>", *(t.text if t.pos == "PUNCT" else lemmas[k] for k, t in enumerate(tokens)), "</s>"]
    pos = ["<>", "<>", *(t.pos for t in tokens), "<>", "<>"]  # pos[i + 2] is word i's
    sources, cues, contents = found["source"], found["cue"], found["content"]
    sides = cue_sides(cues)
    # without a cue in the sentence no word reaches one: most sentences (the walk up is skipped)
    any_cue = any(c != "O" for c in cues)
    quote_marks = 0
    out = []
    for i, tok in enumerate(tokens):
        lemma, p, dep = lemmas[i], tok.pos, tok.dep
        verb, path = _up_to_verb(tokens, lemmas, i)
        to_cue = _up_to_cue(tokens, i, cues) if any_cue else "none"
        src, cue, content = sources[i], cues[i], contents[i]
        inside = any(s <= tok.start < e for s, e in quoted) if quoted else False
        p1, pr1 = pos[i + 1], pos[i + 3]
        names = [
            f"l={lemma}",
            f"p={p}",
            f"t={tok.tag}",
            f"d={dep}",
            f"sh={_shape_of(tok.text)}",
            f"e={ents[i]}",
            f"hl={lemmas[tok.head]}",
            f"hp={tokens[tok.head].pos}|d={dep}",
            f"v={verb}|path={path}",
            f"path={path}",
            f"v={verb}",
            f"l-1={words[i]}",
            f"l+1={words[i + 2]}",
            f"p-1={p1}",
            f"p+1={pr1}",
            f"p-2={pos[i]}",
            f"p+2={pos[i + 4]}",
            f"p-1|p={p1}|{p}",
            f"p|p+1={p}|{pr1}",
            f"at={min(3, 4 * i // max(1, n))}",
            "q=in" if inside else "q=out",
            f"qn={min(quote_marks, 3)}",
            f"sS={src}",
            f"sC={cue}",
            f"sT={content}",
            f"sS|sC|sT={src}|{cue}|{content}",
            f"sS|p={src}|{p}",
            f"sC|l={cue}|{lemma}",
            f"sS|d={src}|{dep}",
            f"toC={to_cue}",
            f"sideC={sides[i]}",
            f"toC|sS={to_cue}|{src}",
        ]
        if i == 0:
            names.append("first")
        if i == n - 1:
            names.append("last")
        out.append(names)
        if tok.text in _QUOTE_MARKS:
            quote_marks += 1
    return out
