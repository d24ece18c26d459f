"""What the sentences before a sentence tell the cue model about its candidate cue words: whether the
sentence opens the document (a headline) or its paragraph, whether the sentence before it in its
paragraph has an attribution the rules found, and whether a word's subject names someone the rules
found as a source earlier in the document ("Roe said ..." then "Roe also backs ...").

The cue layer (``attribution_learned``) reads these as features. The stage and the fit
(``eval.polnear_fit``) build them alike, from the rules' attributions only, so that what the model
learns from is what it reads at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyline.records import Attribution, Sentence, Token

_TRIM = ".,;:'\"’‘“”()"


@dataclass(frozen=True)
class Discourse:
    """Where a sentence stands in its document, as the cue model reads it."""

    first: bool = False  # the document's first sentence: a headline, often
    opens_paragraph: bool = False
    after_attribution: bool = False  # the sentence before it, in its paragraph, has a rule attribution
    speakers: frozenset[str] = frozenset()  # lowercased words of the rules' sources before it


NO_DISCOURSE = Discourse()


def speaker_words(sentence: Sentence, found: Sequence[Attribution]) -> set[str]:
    """The lowercased words of the sources of ``found`` (document offsets) in ``sentence``, without
    edge punctuation or a possessive "'s"."""
    out: set[str] = set()
    for a in found:
        if a.source is None:
            continue
        text = sentence.text[a.source[0] - sentence.start : a.source[1] - sentence.start]
        for word in text.split():
            word = word.lower().strip(_TRIM)
            if word.endswith(("'s", "’s")):
                word = word[:-2]
            if word:
                out.add(word)
    return out


class DiscourseReader:
    """Reads a document's sentences in order, each with the rules' attributions, and gives each its
    ``Discourse``."""

    def __init__(self) -> None:
        self._previous: Sentence | None = None
        self._found = False
        self._speakers: set[str] = set()
        self._frozen: frozenset[str] = frozenset()

    def read(self, sentence: Sentence, found: Sequence[Attribution]) -> Discourse:
        previous = self._previous
        same = previous is not None and previous.paragraph == sentence.paragraph
        out = Discourse(
            first=previous is None,
            opens_paragraph=not same,
            after_attribution=same and self._found,
            speakers=self._frozen,
        )
        self._previous, self._found = sentence, bool(found)
        words = speaker_words(sentence, found)
        if not words <= self._speakers:
            self._speakers |= words
            self._frozen = frozenset(self._speakers)
        return out


def discourse_features(tokens: Sequence[Token], subject: int | None, lemma: str, where: Discourse) -> list[str]:
    """The named features of a candidate cue word (lemma ``lemma``, subject word ``subject``) in a
    sentence that stands ``where``."""
    out = ["after_attribution" if where.after_attribution else "no_attribution_before"]
    if where.first:
        out.append("first_sentence")
    if where.opens_paragraph:
        out.append("opens_paragraph")
    if subject is not None and where.speakers and tokens[subject].text.lower().strip(_TRIM) in where.speakers:
        out += ["subj_spoke", f"lemma={lemma}|subj_spoke"]
    return out
