"""Tell a count of another disease from a count of the story's own: in a story on a new flu strain, "Seasonal flu
kills 250,000 people a year", "the H5N1 virus has killed 257 since 2003" or "the AIDS virus has killed 25
million" recall other diseases, and their dead are no points of the story's toll.

The disease a count is about is the one named nearest before it in its sentence (up to a ";"), else the first
named after it in its own clause (``figure_scope.clause_span``: "26 people died from the H5N1 bird flu
virus"); a sentence that names no disease at all and opens with "It" or "There" tells of the first one the
sentence before names ("... the H5N1 avian flu virus might mutate. It has killed 257 since 2003"), while "The
agency said Mexico has had 66 deaths" after a sentence on seasonal flu is back to the story. A name is a
strain code ("H5N1"), a kind of flu ("seasonal flu", "Asian flu", "bird flu") or a disease's own name ("SARS",
"meningitis"); an unnamed "the flu", "the virus" or "the outbreak" is the story's own. A name is another
disease's when none of its words is one of the story's names: the words its reports' headlines share
(``subject_words`` at ``NAME_SHARE``: "swine", "h1n1", "flu" in a story on the 2009 pandemic). A story whose
headlines share no words has no names, and no count is told apart.
"""

from __future__ import annotations

import re

from storyline.corpus.figure_scope import clause_span, figure_offsets
from storyline.records import Quantity, Sentence

NAME_SHARE = 0.3  # a story's names: the headline words of 30% as many reports as its most shared word
_HEAD = r"(?:\s+(?:bird\s+)?(?:flu|influenza|virus|strain|pandemic|epidemic|outbreak|disease))?"
_NAMED = re.compile(
    r"\b(?:(?P<code>[Hh]\d{1,2}[Nn]\d{1,2})"
    r"|(?P<kind>seasonal|avian|bird|swine|asian|spanish|russian|hong\s+kong)\s+(?:flu|influenza)"
    r"|(?P<caps>AIDS|HIV|SARS|MERS)"
    r"|(?P<name>ebola|cholera|malaria|measles|meningitis|plague|polio|smallpox|tuberculosis|dengue))\b" + _HEAD,
    re.IGNORECASE,
)
_GOES_ON = re.compile(r"\s*(?:It|There)\b")  # a sentence that goes on about the one before: "It killed 775"
_UNNAMED = re.compile(r"\b(?:flu|influenza|virus|outbreak|pandemic|epidemic|disease)\b", re.IGNORECASE)


def is_other_disease(
    sentence: Sentence, quantity: Quantity, names: frozenset[str], previous: Sentence | None = None
) -> bool:
    """True when the disease a count is about (see the module docstring) is not the story's, by its ``names``;
    ``previous`` is the sentence before it in its report."""
    if not names:
        return False
    if previous is not None and _GOES_ON.match(sentence.text) and not _mentions(sentence.text, 0, len(sentence.text)):
        named = [words for words, is_named in _mentions(previous.text, 0, len(previous.text)) if is_named]
        return bool(named) and not _words(named[0]) & names
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    _, right = clause_span(sentence.text, start, end, figure_offsets(sentence))
    top = sentence.text.rfind(";", 0, start) + 1
    before = _mentions(sentence.text, top, start)
    after = _mentions(sentence.text, end, right)
    nearest = before[-1] if before else (after[0] if after else None)
    return nearest is not None and nearest[1] and not _words(nearest[0]) & names


def _mentions(text: str, left: int, right: int) -> list[tuple[str, bool]]:
    """(words, named) for each disease mention in ``text[left:right]``, in order: named ones, and the unnamed
    heads no name holds ("the flu")."""
    named = [(m.start(), m.end(), m.group(m.lastgroup or 0)) for m in _NAMED.finditer(text, left, right)]
    found = [(a, word, True) for a, _, word in named]
    for m in _UNNAMED.finditer(text, left, right):
        if not any(a <= m.start() < b for a, b, _ in named):
            found.append((m.start(), m.group(), False))
    return [(words, is_named) for _, words, is_named in sorted(found)]


def _words(name: str) -> frozenset[str]:
    return frozenset(name.lower().split())
