"""Split a document into paragraphs, then sentences, tokens and entities with spaCy.

spaCy's sentence splitter joins sentences across blank lines, so paragraphs are found first and
each is parsed on its own. A short line without final punctuation (a headline, a dateline on its
own line) is its own paragraph. A paragraph longer than ``nlp.max_parse_words`` is parsed in
pieces cut at line breaks, so no single text handed to spaCy is very long (a saved page can be one
32,000-word paragraph).

Memory stays flat over a long stream: each batch is parsed and copied into our records inside
spaCy's memory zone (the strings and lexemes of new words are freed after it), and the lemmatizer's
cache, which spaCy never empties, is emptied when it passes ``nlp.lemma_cache_size``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.config import Config
from storyline.doc.gazetteer import COMPONENT
from storyline.errors import ConfigError, Errors
from storyline.pipeline import Stage
from storyline.records import Document, Entity, Sentence, Token

intern = sys.intern
_BLOCK = re.compile(r"\S[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)]\s*$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks between blank lines, split after unpunctuated lines."""
    spans: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        start = block.start()
        for line in re.finditer(r"[^\n]+", block.group()):
            end = block.start() + line.end()
            if not _ENDS_SENTENCE.search(line.group()):
                spans.append((start, end))
                start = block.start() + line.end() + 1
        if start < block.end():
            spans.append((start, block.end()))
    return [(a, b) for a, b in spans if text[a:b].strip()]


@lru_cache(maxsize=2)
def load_model(model: str, min_population: int) -> Language:
    """Load the spaCy model once per process, with the gazetteer place corrector after NER."""
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ConfigError(Errors.E031.format(model=model)) from e
    nlp.add_pipe(COMPONENT, after="ner", config={"min_population": min_population})
    return nlp


def local_heads(kept: Sequence[int], heads: Sequence[int]) -> list[int]:
    """Each kept token's head as an index into the kept tokens of its sentence.

    ``kept`` are the parse's indices of the sentence's tokens without white space, ``heads`` their
    heads' parse indices. The parser can hang a token on a word of another sentence (the sentence
    splitter and the parser disagree) or on a white-space token that is left out; such a token
    becomes a root of its own, so every head stays inside its sentence."""
    position = {i: k for k, i in enumerate(kept)}
    return [position.get(h, k) for k, h in enumerate(heads)]


def _sentences(parsed: Doc, offset: int, paragraph: int, first_index: int) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in parsed.sents:
        text = sent.text.strip()
        if not text:
            continue
        lead = len(sent.text) - len(sent.text.lstrip())
        start = offset + sent.start_char + lead
        words = [t for t in sent if not t.is_space]
        heads = local_heads([t.i for t in words], [t.head.i for t in words])
        # words and tags repeat: each distinct string is kept once (as the store's codec does)
        tokens = tuple(
            Token(
                start=offset + t.idx,
                end=offset + t.idx + len(t.text),
                text=intern(t.text),
                lemma=intern(t.lemma_),
                pos=intern(t.pos_),
                tag=intern(t.tag_),
                dep=intern(t.dep_),
                head=head,
            )
            for t, head in zip(words, heads, strict=True)
        )
        entities = tuple(
            Entity(start=offset + e.start_char, end=offset + e.end_char, text=e.text, label=intern(e.label_))
            for e in sent.ents
        )
        out.append(
            Sentence(
                index=first_index + len(out),
                start=start,
                end=start + len(text),
                text=text,
                paragraph=paragraph,
                tokens=tokens,
                entities=entities,
            )
        )
    return out


# (start, end, paragraph index) of a piece of text spaCy parses at once
Piece = tuple[int, int, int]

_WORD = re.compile(r"\S+")
# Where an overlong paragraph is cut, best first: a line break, a sentence end, any space.
_CUTS = (re.compile(r"[ \t]*\n\s*"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def parse_pieces(text: str, spans: list[tuple[int, int]], max_words: int) -> list[Piece]:
    """The pieces of the paragraphs to parse: each paragraph whole, or, past ``max_words`` words,
    in consecutive pieces of at most that many words, cut at the last line break that fits (else
    sentence end, else space). spaCy's memory grows with the length of one text."""
    return [(a, b, p) for p, (start, end) in enumerate(spans) for a, b in _cut(text, start, end, max_words)]


def _cut(text: str, start: int, end: int, max_words: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    while True:
        words = [m.start() for _, m in zip(range(max_words + 1), _WORD.finditer(text, start, end), strict=False)]
        if len(words) <= max_words:
            return [*pieces, (start, end)]
        stop, start = _last_cut(text, words[0], words[max_words])  # the first word that does not fit
        pieces.append((words[0], stop))


def _last_cut(text: str, first: int, limit: int) -> tuple[int, int]:
    """(end of this piece, start of the next) at the last cut between ``first`` and ``limit``."""
    for pattern in _CUTS:
        found = [m for m in pattern.finditer(text, first, limit) if m.start() > first]
        if found:
            return found[-1].start(), found[-1].end()
    return limit, limit  # no space at all: cut before the word that does not fit


def _annotate(doc: Document, parsed: list[Doc], pieces: list[Piece], spans: list[tuple[int, int]]) -> Document:
    sentences: list[Sentence] = []
    for (start, _end, p_index), pdoc in zip(pieces, parsed, strict=True):
        sentences.extend(_sentences(pdoc, start, p_index, len(sentences)))
    return replace(doc, paragraphs=tuple(spans), sentences=tuple(sentences))


def strings_zone(nlp: Language, free: bool) -> AbstractContextManager[object]:
    """spaCy's memory zone when ``free``: what the parse adds to the vocabulary is dropped on leaving,
    so nothing parsed inside (a spaCy ``Doc``) may be used after it; our records are plain copies."""
    return nlp.memory_zone() if free else nullcontext()


def bound_lemma_cache(nlp: Language, limit: int) -> None:
    """Empty the lemmatizer's memo of (word, tag) -> lemmas when it holds more than ``limit`` entries.

    spaCy fills it for every new word form and never empties it; it is only a memo, so emptying it
    changes no lemma.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    cache = getattr(nlp.get_pipe("lemmatizer"), "cache", None)
    if isinstance(cache, dict) and len(cache) > limit:
        cache.clear()


def build(config: Config) -> Stage[Document]:
    settings = config.nlp

    def run_batch(docs: list[Document]) -> list[Document]:
        nlp = load_model(settings.model, settings.gazetteer_min_population)
        all_spans = [paragraphs(d.text) for d in docs]
        all_pieces = [parse_pieces(d.text, s, settings.max_parse_words) for d, s in zip(docs, all_spans, strict=True)]
        texts = [d.text[a:b] for d, pieces in zip(docs, all_pieces, strict=True) for a, b, _ in pieces]
        with strings_zone(nlp, settings.free_strings):
            parsed = iter(nlp.pipe(texts, batch_size=64, n_process=settings.n_process))
            out = [
                _annotate(d, [next(parsed) for _ in pieces], pieces, spans)
                for d, pieces, spans in zip(docs, all_pieces, all_spans, strict=True)
            ]
        bound_lemma_cache(nlp, settings.lemma_cache_size)
        return out

    def run_one(doc: Document) -> Document:
        return run_batch([doc])[0]

    return Stage(
        name="nlp",
        func=run_one,
        batch=run_batch,
        requires=("clean",),
        provides=("sentences", "tokens", "entities"),
    )
