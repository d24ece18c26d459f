"""The named features of every token of a parsed sentence, for a token tagger of attribution spans.

A linear-chain tagger reads each word with its parse (lemma, part of speech, label, the word it hangs
on, the nearest verb above it and the path of labels to it), its shape, where it sits against the
sentence's quotations and commas, and what the attribution stage already made of it (inside a source,
cue or content it found). Every name is built from spaCy lemmas, tags and labels.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Literal, overload

from storyline.doc.attribution_tree import lemma_of
from storyline.records import Sentence, Token

Span = tuple[int, int]


def spans_overlap(a: Span, b: Span) -> bool:
    """Whether two character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


_QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``", "‘", "’"})
_MAX_PATH = 4  # labels on the way up to the nearest verb
_VERB_POS = ("VERB", "AUX")
_PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})  # the parser tags a participle before a noun VBD at times
_NOUN_POS = frozenset({"NOUN", "PROPN"})


def read_parse(tokens: Sequence[Token]) -> Sequence[Token]:
    """The parse as the tagger reads it: a past participle that modifies a noun ("installed" in
    "Russian-installed officials", "appointed" in "newly appointed officials") is an adjective, and
    the words before it that hang on it ("Russian", "-", "newly") hang on the noun as adjectives do,
    so that the noun phrase reads as one with a plain adjective ("Russian officials")."""
    found = [
        k
        for k, t in enumerate(tokens)
        if t.dep == "amod" and t.tag in _PARTICIPLE_TAGS and t.head != k and tokens[t.head].pos in _NOUN_POS
    ]
    if not found:
        return tokens  # most sentences
    out = list(tokens)
    for k in found:
        noun = tokens[k].head
        out[k] = replace(out[k], pos="ADJ")
        for j in range(k):
            if tokens[j].head == k:
                out[j] = replace(out[j], dep="amod", head=noun)
    return out


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
        if tokens[j].pos in _VERB_POS:
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
    tokens = sentence.tokens
    out = ["O"] * len(tokens)
    if not sentence.entities:
        return out
    starts = [t.start for t in tokens]  # in order: the tokens starting inside an entity are a run
    for e in sentence.entities:
        first, last = bisect_left(starts, e.start), bisect_left(starts, e.end)
        for k in range(first, last):
            out[k] = ("B-" if k == first else "I-") + e.label
    return out


def span_tags(bounds: Sequence[Span], spans: Sequence[Span]) -> list[str]:
    """Each token (``bounds``, its start and end, in order) as B (first token of a span), I (inside
    one) or O."""
    out = ["O"] * len(bounds)
    if not spans:
        return out
    starts = [b[0] for b in bounds]
    ends = [b[1] for b in bounds]
    for s, e in sorted(spans):
        # the tokens sharing a character with s-e: those ending after s and starting before e, a run
        first, last = bisect_right(ends, s), bisect_left(starts, e)
        for k in range(first, last):
            if k == first:
                out[k] = "B"
            elif out[k] == "O":
                out[k] = "I"
    return out


# Names that depend on a few small tag sets are built once per combination (the same few hundred
# come back in every sentence); each group keeps its place in a token's list, so the tagger reads
# the same names in the same order. Each cache holds its groups as text (False) and as UTF-8 bytes (True).
Name = str | bytes  # bytes: what the CRF reads without converting (the same attribute)
_Names = tuple[Name, ...]
Item = Name | _Names  # in an encoded token's list, a tuple is a group of names in order (the C tagger reads it so)
_WORD: dict[bool, dict[tuple[str, str, str, str, str], _Names]] = {False: {}, True: {}}
_HEAD: dict[bool, dict[tuple[str, str], Name]] = {False: {}, True: {}}
_AROUND: dict[bool, dict[tuple[str, str, str, str, str], _Names]] = {False: {}, True: {}}
_STAGE: dict[bool, dict[tuple[str, str, str, str], _Names]] = {False: {}, True: {}}
_CUE: dict[bool, dict[tuple[str, str, str, str], _Names]] = {False: {}, True: {}}
_AT: dict[bool, _Names] = {False: ("at=0", "at=1", "at=2", "at=3"), True: (b"at=0", b"at=1", b"at=2", b"at=3")}
_QN: dict[bool, _Names] = {False: ("qn=0", "qn=1", "qn=2", "qn=3"), True: (b"qn=0", b"qn=1", b"qn=2", b"qn=3")}
_QUOTED: dict[bool, _Names] = {False: ("q=out", "q=in"), True: (b"q=out", b"q=in")}
# Names built from words: the few thousand lemmas of news come back in every sentence, a long run
# brings more, so these two are emptied when they reach this size.
_LEXICAL: dict[bool, dict[str, _Names]] = {False: {}, True: {}}
_VERB: dict[bool, dict[tuple[str, str], _Names]] = {False: {}, True: {}}
_MAX_LEXICAL = 1 << 16


# The CRF model's own bytes objects for the names it knows (``share_names``): a dict lookup that meets
# the very object it holds compares no bytes, which makes the tagger's lookups half as dear.
_SHARED: dict[bytes, bytes] = {}


def _group(names: tuple[str, ...], encoded: bool) -> _Names:
    if not encoded:
        return names
    get = _SHARED.get
    return tuple(get(b, b) for b in (n.encode() for n in names))


def share_names(names: Iterable[bytes]) -> None:
    """From now on, build each encoded name equal to one of ``names`` (a CRF model's keys) as that very
    object; the caches of names built before are emptied."""
    new = {n: n for n in names if n not in _SHARED}
    if new:
        _SHARED.update(new)
        for cache in (_WORD, _HEAD, _AROUND, _STAGE, _CUE, _LEXICAL, _VERB):
            cache[True].clear()
        for fixed in (_AT, _QN, _QUOTED):
            fixed[True] = _group(fixed[False], True)  # type: ignore[arg-type]  # the text forms


def _word_names(p: str, tag: str, dep: str, text: str, ent: str, encoded: bool) -> _Names:
    key = (p, tag, dep, _shape_of(text), ent)
    known = _WORD[encoded]
    names = known.get(key)
    if names is None:
        names = known[key] = _group((f"p={p}", f"t={tag}", f"d={dep}", f"sh={key[3]}", f"e={ent}"), encoded)
    return names


def _lexical_names(words: Sequence[str], encoded: bool) -> list[_Names]:
    """For each word (a lemma or a text), the names it takes in its own and its neighbours' lists: as
    the word, as a head, as the word before and after, and beside a cue tag of "O" (the usual one)."""
    known = _LEXICAL[encoded]
    out = list(map(known.get, words))  # one C loop: most words are known
    if None in out:
        if len(known) >= _MAX_LEXICAL:
            known.clear()  # the vocabulary of a long run: start afresh rather than grow
        for k, word in enumerate(words):
            if out[k] is None:
                built = (f"l={word}", f"hl={word}", f"l-1={word}", f"l+1={word}", f"sC|l=O|{word}")
                out[k] = known[word] = _group(built, encoded)
    return out  # type: ignore[return-value]  # no None is left


def _verb_names(verb: str, path: str, encoded: bool) -> _Names:
    known = _VERB[encoded]
    if len(known) >= _MAX_LEXICAL:
        known.clear()
    names = known[verb, path] = _group((f"v={verb}|path={path}", f"path={path}", f"v={verb}"), encoded)
    return names


def _stage_names(src: str, cue: str, content: str, p: str, encoded: bool) -> _Names:
    key = (src, cue, content, p)
    known = _STAGE[encoded]
    names = known.get(key)
    if names is None:
        built = (f"sS={src}", f"sC={cue}", f"sT={content}", f"sS|sC|sT={src}|{cue}|{content}", f"sS|p={src}|{p}")
        names = known[key] = _group(built, encoded)
    return names


@overload
def token_features(
    sentence: Sentence, quoted: Sequence[Span], found: Mapping[str, Sequence[str]], encoded: Literal[False] = False
) -> list[list[str]]: ...


@overload
def token_features(
    sentence: Sentence, quoted: Sequence[Span], found: Mapping[str, Sequence[str]], encoded: Literal[True]
) -> list[list[Item]]: ...


def token_features(
    sentence: Sentence, quoted: Sequence[Span], found: Mapping[str, Sequence[str]], encoded: bool = False
) -> list[list[str]] | list[list[Item]]:
    """The features of each token of ``sentence``; ``quoted`` are its quotations (document offsets),
    ``found`` the stage's own tags per role ("source", "cue", "content": B, I or O per token). With
    ``encoded``, the names that repeat across words come as UTF-8 bytes and in groups (tuples of
    names, in order) for our C tagger, which reads both as they come; ``flat_names`` makes plain
    lists of them for python-crfsuite."""
    tokens = read_parse(sentence.tokens)
    n = len(tokens)
    ents = entity_tags(sentence)
    lemmas = [lemma_of(t) for t in tokens]
    words = ["<s>", *(t.text if t.pos == "PUNCT" else lemmas[k] for k, t in enumerate(tokens)), "</s>"]
    pos = ["<>", "<>", *(t.pos for t in tokens), "<>", "<>"]  # pos[i + 2] is word i's
    sources, cues, contents = found["source"], found["cue"], found["content"]
    # without a cue in the sentence no word reaches one: most sentences (the walk up is skipped)
    any_cue = any(c != "O" for c in cues)
    sides = cue_sides(cues) if any_cue else ["none"] * n
    quote_marks = 0
    out: list[list[Item]] = []
    width = max(1, n)
    at, quote_names, counted = _AT[encoded], _QUOTED[encoded], _QN[encoded]
    own = _lexical_names(lemmas, encoded)
    near = _lexical_names(words, encoded)  # near[i + 1] is word i's
    verbs = _VERB[encoded]
    heads, arounds, cues_known = _HEAD[encoded], _AROUND[encoded], _CUE[encoded]
    for i, tok in enumerate(tokens):
        p, dep, h = tok.pos, tok.dep, tok.head
        head = tokens[h]
        # most words hang on a verb or are the root: their walks up end at once (no path to build)
        if h == i:
            verb, path = lemmas[i], "self"
        elif head.pos in _VERB_POS:
            verb, path = lemmas[h], dep
        else:
            verb, path = _up_to_verb(tokens, lemmas, i)
        src, cue = sources[i], cues[i]
        if not any_cue:
            to_cue = "none"
        elif cue != "O":
            to_cue = "self"
        elif h != i and cues[h] != "O":
            to_cue = dep
        else:
            to_cue = _up_to_cue(tokens, i, cues)
        inside = any(s <= tok.start < e for s, e in quoted) if quoted else False
        key = (head.pos, dep)
        head_name = heads.get(key)
        if head_name is None:
            head_name = heads[key] = _group((f"hp={head.pos}|d={dep}",), encoded)[0]
        around = (pos[i + 1], pos[i + 3], pos[i], pos[i + 4], p)
        around_names = arounds.get(around)
        if around_names is None:
            p1, pr1, p2, pr2 = pos[i + 1], pos[i + 3], pos[i], pos[i + 4]
            built = (f"p-1={p1}", f"p+1={pr1}", f"p-2={p2}", f"p+2={pr2}", f"p-1|p={p1}|{p}", f"p|p+1={p}|{pr1}")
            around_names = arounds[around] = _group(built, encoded)
        side = sides[i]
        key4 = (src, dep, to_cue, side)
        cue_names = cues_known.get(key4)
        if cue_names is None:
            to_cue_names = (f"sS|d={src}|{dep}", f"toC={to_cue}", f"sideC={side}", f"toC|sS={to_cue}|{src}")
            cue_names = cues_known[key4] = _group(to_cue_names, encoded)
        names: list[Item] = [  # the groups stay tuples: flattened below unless encoded
            own[i][0],
            _word_names(p, tok.tag, dep, tok.text, ents[i], encoded),
            own[tok.head][1],
            head_name,
            verbs.get((verb, path)) or _verb_names(verb, path, encoded),
            near[i][2],
            near[i + 2][3],
            around_names,
            at[min(3, 4 * i // width)],
            quote_names[inside],
            counted[min(quote_marks, 3)],
            _stage_names(src, cue, contents[i], p, encoded),
            own[i][4] if cue == "O" else f"sC|l={cue}|{lemmas[i]}",
            cue_names,
        ]
        if i == 0:
            names.append("first")
        if i == n - 1:
            names.append("last")
        out.append(names)
        if tok.text in _QUOTE_MARKS:
            quote_marks += 1
    return out if encoded else flat_names(out)  # type: ignore[return-value]  # text names only


def flat_names(features: Iterable[Sequence[Item]]) -> list[list[Name]]:
    """Each token's names as one plain list, its groups (tuples) spread out in order: what
    python-crfsuite reads."""
    return [[n for item in token for n in (item if isinstance(item, tuple) else (item,))] for token in features]
