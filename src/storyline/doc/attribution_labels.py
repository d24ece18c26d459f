"""Speakers named by a label before a colon that ``attribution_parse._headline`` does not read: a
transcript's line that is only a name and a colon ("TAPPER:", "Marco Rubio:"), whose words are the
sentences after it, and a name after a dash that opens a quotation ("Polls agree - Ann Roe: “...").
Measured on PolNeAR train out of fold (BENCHMARKS.md, issue 4, session 30).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from storyline.doc.attribution_parse import speaker_label
from storyline.doc.attribution_tokens import spans_overlap
from storyline.records import Attribution, Sentence, Token

_MAX_LABEL = 4  # "OK Gov Ann Roe:" at most; a longer line before a colon is a heading, not a speaker
_NOT_IN_A_NAME = frozenset({"ADP", "ADV", "DET"})  # "From the report:", "Also on ...:" (and ``speaker_label``'s)
_DASHES = frozenset({"-", "–", "—"})
_OPENING_QUOTES = ("“", '"', "‘", "'", "«")
_NAMED = frozenset({"PERSON", "ORG"})
_MAX_SAID = 8  # the sentences a label line's words run on for, at most (as "He said:")


def _bare_label(sentence: Sentence) -> tuple[Token, ...] | None:
    """The words before the colon of a sentence that is only a short name and a colon."""
    tokens = sentence.tokens
    if not 2 <= len(tokens) <= _MAX_LABEL + 1 or tokens[-1].text != ":":
        return None
    lead = tokens[:-1]
    if any(t.pos in _NOT_IN_A_NAME for t in lead) or len(lead[-1].text) < 2 or not speaker_label(lead):
        return None
    return lead


def _named(sentences: Sequence[Sentence], k: int, lead: tuple[Token, ...]) -> bool:
    """Whether the label's last word is in a person's or a group's name, or a word the text uses outside
    its labels ("TAPPER:" in a transcript that names Jake Tapper); "EXCLUSIVE:", "BOOM:" are not."""
    last = lead[-1]
    if any(e.start <= last.start < e.end and e.label in _NAMED for e in sentences[k].entities):
        return True
    return last.text.lower() in _words_outside_labels(sentences)


_local = threading.local()


def _words_outside_labels(sentences: Sequence[Sentence]) -> frozenset[str]:
    """The lower-cased words of the sentences that are no bare label line, read once per document's
    tuple of sentences (and thread): a transcript's label lines would otherwise each read the whole text
    again. A list, which may change between calls, is read every time."""
    seen = getattr(_local, "words", None)
    if seen is not None and seen[0] is sentences:
        return seen[1]  # type: ignore[no-any-return]
    words = frozenset(t.text.lower() for s in sentences if _bare_label(s) is None for t in s.tokens)
    if isinstance(sentences, tuple):
        _local.words = (sentences, words)
    return words


def label_line(sentences: Sequence[Sentence], k: int) -> Attribution | None:
    """ "TAPPER:" alone on its line (sentence ``k``), the words said in the sentences after it, up to the
    end of their paragraph (the next one at most)."""
    sentence = sentences[k]
    lead = _bare_label(sentence)
    following = sentences[k + 1 : k + 1 + _MAX_SAID]
    if lead is None or not following or not following[0].tokens:
        return None
    if following[0].paragraph > sentence.paragraph + 1 or not _named(sentences, k, lead):
        return None
    said = [s for s in following if s.paragraph == following[0].paragraph]
    source = (lead[0].start, lead[-1].end)
    return Attribution(
        cue=(sentence.tokens[-1].start, sentence.tokens[-1].end),
        content=(said[0].start, said[-1].end),
        source=source,
        speaker=sentence.text[source[0] - sentence.start : source[1] - sentence.start],
    )


def dash_label(sentence: Sentence) -> Attribution | None:
    """ "Pollsters agree - Ann Roe: “Keep calling voters ...”": a short name after a dash, a colon, and
    a quotation opened right after it."""
    tokens = sentence.tokens
    for k, tok in enumerate(tokens[1:-3], start=1):
        if tok.text not in _DASHES:
            continue
        colon = next((j for j in range(k + 2, min(len(tokens) - 1, k + 2 + _MAX_LABEL)) if tokens[j].text == ":"), None)
        if colon is None or not tokens[colon + 1].text.startswith(_OPENING_QUOTES):
            continue
        lead = tokens[k + 1 : colon]
        if not speaker_label(lead):
            continue
        source = (lead[0].start, lead[-1].end)
        return Attribution(
            cue=(tokens[colon].start, tokens[colon].end),
            content=(tokens[colon + 1].start, tokens[-1].end),
            source=source,
            speaker=sentence.text[source[0] - sentence.start : source[1] - sentence.start],
        )
    return None


def labelled(sentence: Sentence, a: Attribution) -> bool:
    """Whether ``a`` is a label these rules read: its cue the colon right after its source, and its source
    the whole line before that colon or the words after a dash."""
    tokens = sentence.tokens
    colon = next((k for k, t in enumerate(tokens) if (t.start, t.end) == a.cue and t.text == ":"), None)
    if a.source is None or not colon or tokens[colon - 1].end != a.source[1]:
        return False
    first = next((k for k, t in enumerate(tokens) if t.start == a.source[0]), None)
    if first is None:
        return False
    return (first == 0 and colon == len(tokens) - 1) or (first > 0 and tokens[first - 1].text in _DASHES)


def with_labels(found: tuple[Attribution, ...], sentences: Sequence[Sentence], k: int) -> tuple[Attribution, ...]:
    """``found``, the attributions of sentence ``k``, with its label read when none of them holds that
    colon or that source already."""
    if ":" not in sentences[k].text:
        return found
    label = label_line(sentences, k) or dash_label(sentences[k])
    if label is None or any(_overlap(a.cue, label.cue) or _overlap(a.source, label.source) for a in found):
        return found
    return tuple(sorted((*found, label), key=lambda a: a.cue))


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Whether two spans, either perhaps missing, share a character (``attribution_tokens.spans_overlap``)."""
    return a is not None and b is not None and spans_overlap(a, b)
