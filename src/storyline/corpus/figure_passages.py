"""Follow a report's leaks from sentence to sentence: a leak's volume told in a passage about another leak is that
leak's, no point of the story's.

A report may turn to another leak for a few sentences ("It comes as crews battled to fix a leak in the 300-mile
Norland oil pipeline. ... Only an estimated 10 barrels leaked onto the floor of a pump room."). Another leak is
named with an indefinite article and a named facility ("a leak in the <Name> pipeline", "a spill at one of <Name>'s
rigs", ``_ANOTHER_LEAK``) whose name holds none of the story's names (``subject_words``: "gulf", "deepwater"), is
none of its main places (``figure_scope.main_places``) and is named in fewer than a tenth of its reports (the
company behind the story's own leak: "a spill like the one that began with a blowout on a BP well"). Its passage
runs over the next sentences of the paragraph, up to ``PASSAGE`` of them, until one returns to the story: it names a
main place, or one of the story's names written as a name ("the Gulf"). A volume told there in a sentence that names
no place of its own is the other leak's; one told in the sentence that names the other leak is not followed here
(``figure_volumes.of_compared_incident`` reads the comparisons).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from storyline.corpus.figure_scope import place_phrases, places_of
from storyline.corpus.figure_volumes import VOLUME_MEASURES
from storyline.records import Document, DocumentId, Sentence

PASSAGE = 8  # sentences after the other leak's naming that may still tell of it
OWN_NAME_SHARE = 0.1  # a name in this share of the story's reports is the story's own, never another leak's
_ANOTHER_LEAK = re.compile(
    r"\b(?:a|an|another)\s+(?:[\w-]+\s+){0,3}?(?:leak|spill|blowout|rupture)s?\s+(?:in|at|on|from|of|near|aboard)\s+"
    r"(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?P<name>[A-Z][\w'’-]*(?:\s*-?\s*[A-Z][\w'’-]*)*)\s+"
    r"(?:(?:oil|gas|crude|fuel)\s+)?(?:pipelines?|fields?|refinery|refineries|terminals?|platforms?|wells?|rigs?"
    r"|tankers?|plants?|facility|mine)\b"
)
_NAME = re.compile(r"\b[A-Z][A-Za-z]+")
_NAME_WORD = re.compile(r"[A-Za-z]+")


def other_leak_passages(
    documents: Sequence[Document], names: frozenset[str], main: frozenset[str]
) -> dict[DocumentId, frozenset[int]]:
    """For each report that turns to another leak, the indexes of the sentences of that leak's passages (see the
    module docstring); ``names`` are the story's names, ``main`` its main places."""
    shares: dict[str, bool] = {}

    def own(name: str) -> bool:
        if name not in shares:
            shares[name] = sum(name in d.text for d in documents) >= OWN_NAME_SHARE * len(documents)
        return shares[name]

    found: dict[DocumentId, frozenset[int]] = {}
    for doc in documents:
        passages = frozenset(
            i for k in _namings(doc.sentences, names, main, own) for i in _passage(doc, k, names, main)
        )
        if passages:
            found[doc.id] = passages
    return found


def in_other_leak(sentence: Sentence, measure: str, passages: frozenset[int]) -> bool:
    """Whether a figure of ``measure`` told in ``sentence`` is another leak's: it is a leak's volume
    (``figure_volumes.VOLUME_MEASURES``), and its sentence is one of its report's ``passages`` about another leak
    (``other_leak_passages``) and names no place of its own."""
    return measure in VOLUME_MEASURES and sentence.index in passages and not places_of(sentence)


def _namings(
    sentences: Sequence[Sentence], names: frozenset[str], main: frozenset[str], own: Callable[[str], bool]
) -> Iterable[int]:
    """The indexes of the sentences that name another leak and do not return to the story after it."""
    for k, s in enumerate(sentences):
        for m in _ANOTHER_LEAK.finditer(s.text):
            words = {w.lower() for w in _NAME_WORD.findall(m.group("name"))}
            if words & names or m.group("name").lower() in main or own(m.group("name")):
                continue
            if not _returns(s, names, main, m.end()):
                yield k
                break


def _passage(doc: Document, k: int, names: frozenset[str], main: frozenset[str]) -> Iterable[int]:
    """The sentences after the ``k``-th of ``doc`` in its paragraph, up to ``PASSAGE``, before one returns to the
    story."""
    for s in doc.sentences[k + 1 : k + 1 + PASSAGE]:
        if s.paragraph != doc.sentences[k].paragraph or _returns(s, names, main):
            return
        yield s.index


def _returns(sentence: Sentence, names: frozenset[str], main: frozenset[str], start: int = 0) -> bool:
    """Whether the sentence, from ``start`` on, names a main place or one of the story's names written as a name."""
    if any(at >= start and set(places) & main for at, _, places in place_phrases(sentence)):
        return True
    return any(m.group().lower() in names for m in _NAME.finditer(sentence.text, start))
