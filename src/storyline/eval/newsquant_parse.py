"""Parse NewsQuant sentences with the pipeline's spaCy model into ``Token`` records, and read each count's
counted phrase from that parse (``storyline.doc.quantity_counted``) for ``storyline eval newsquant``."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence

from spacy.tokens import Doc

from storyline.config import Config
from storyline.doc.nlp import load_model, local_heads
from storyline.doc.quantity_counted import PhraseWords, phrase_words
from storyline.records import Quantity, Token

# the parse of one text: its sentences' tokens, offsets local to the text, heads local to each sentence
SentenceTokens = tuple[tuple[Token, ...], ...]
_OF_PHRASE = re.compile(r"[a-z]+\s+of\b", re.I)  # "one of the ...", "five of its planes"


def sentence_tokens(parsed: Doc) -> SentenceTokens:
    """The tokens of each sentence of ``parsed``, white space left out, as the nlp stage keeps them."""
    out = []
    for sent in parsed.sents:
        words = [t for t in sent if not t.is_space]
        heads = local_heads([t.i for t in words], [t.head.i for t in words])
        out.append(
            tuple(
                Token(t.idx, t.idx + len(t.text), t.text, t.lemma_, t.pos_, t.tag_, t.dep_, head)
                for t, head in zip(words, heads, strict=True)
            )
        )
    return tuple(out)


def parse_texts(texts: Sequence[str], config: Config) -> tuple[list[SentenceTokens], float]:
    """Each text's parse with ``config.nlp.model``, and the seconds the parsing took (not the loading)."""
    nlp = load_model(config.nlp.model, config.nlp.gazetteer_min_population)
    began = time.perf_counter()
    parsed = [sentence_tokens(doc) for doc in nlp.pipe(texts, batch_size=64)]
    return parsed, time.perf_counter() - began


def phrases_of(parsed: SentenceTokens, system: Sequence[Quantity]) -> tuple[PhraseWords, ...]:
    """The counted phrase of each count and what each fraction is a fraction of (empty for any other
    quantity, or when the parse gives none), read
    from the parsed sentence that holds its start; a count whose noun was carried from a quantity before
    it ("460 Kia and Hyundai vans ... compared with 63", "... an average of 9 per day"), or else after it, has
    that quantity's phrase."""
    phrases = [
        _outside_others(_phrase(parsed, q), q, system) if q.unit.split("/")[0] in ("count", "fraction") else ()
        for q in system
    ]
    for i, q in enumerate(system):
        if q.unit.split("/")[0] == "count" and q.noun and q.noun not in q.text.lower():
            sources = [*range(i - 1, -1, -1), *range(i + 1, len(system))]  # before it, else after it
            source = next((j for j in sources if _names(system[j], q.noun) and phrases[j]), None)
            phrases[i] = phrases[source] if source is not None else phrases[i]
    return tuple(phrases)


def _outside_others(phrase: PhraseWords, q: Quantity, system: Sequence[Quantity]) -> PhraseWords:
    """The words of ``q``'s counted phrase that are no part of another quantity: "eight million 250ml bottles"
    counts bottles, the 250 ml being a measure of its own. A fraction's phrase and a number word's "of" phrase
    keep every word, as CQE names "one of ..." by the whole phrase ("set 12 london symphony")."""
    if q.unit != "count" or _OF_PHRASE.match(q.text):
        return phrase
    others = [o for o in system if o is not q]
    kept = tuple((w, t) for w, t in phrase if not any(o.start < t.end and t.start < o.end for o in others))
    return kept or phrase


def _names(q: Quantity, noun: str) -> bool:
    """``q`` writes ``noun`` itself: it is where a count after it can have taken its noun from."""
    return q.noun == noun and noun in q.text.lower()


def _phrase(parsed: SentenceTokens, q: Quantity) -> PhraseWords:
    tokens = next((s for s in parsed if s and s[0].start <= q.start < s[-1].end), ())
    return phrase_words(tokens, q.start, q.end, fraction=q.unit == "fraction")
