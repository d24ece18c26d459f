"""Who an attribution's source names: its words as a speaker's name (``normalize_source``), and whether
an attribution's source is the mention a sentence's speaker was read from (``names_speaker``).

The stage reads a sentence's speaker (``Sentence.attributed_to``) from the source of the attribution
that decides its status, resolved across the document ("he" is the person named before, "the governor"
the governor named before). The layers after it keep that source (``attribution_tagger``) or carry a
widened one to the speaker (``attribution_merge``), and the ``attributions`` command gives the resolved
name only to attributions whose source is that mention, so that a source span and its speaker never
disagree.
"""

from __future__ import annotations

import re

from storyline.doc.attribution_cues import word_list

ROLES = word_list(
    "governor mayor president minister spokesman spokeswoman spokesperson commander general chief head "
    "prosecutor ombudsman adviser advisor secretary chancellor premier executive judge leader director chair "
    "chairman chairwoman ambassador envoy"
)
PERSON_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*\s+)*[A-Z][a-zà-ÿ'’-]+\s+[A-Z][a-zà-ÿ'’-]+$")
HE_SHE = frozenset({"he", "she", "him", "her"})
THEY_IT = frozenset({"they", "it"})
RELAYED = re.compile(r"(?:,\s*|\s+)(?:citing|quoting|quoted\s+by|cited\s+by)\s.*$", re.I)
_HONORIFIC = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+(?=[A-Z][a-z]+\s+[A-Z])")
_APPOSITIVE = re.compile(r"^(?P<first>[^,]+),\s+(?P<second>[^,]+)$")
_REFERRING = HE_SHE | THEY_IT | {"his office", "her office", "who"}


def normalize_source(source: str) -> str:
    """Squeeze spaces; keep the speaker of "X quoted by Y" and the person's name of an appositive
    ("Ana Rusk, the candidate", "the minister, Petra Lodz"); lowercase a leading article."""
    text = RELAYED.sub("", re.sub(r"\s+", " ", source)).strip(' ,."“”')
    text = _HONORIFIC.sub("", text)
    appositive = _APPOSITIVE.match(text)
    if appositive is not None:
        second = appositive.group("second")
        text = second if PERSON_NAME.match(second) else appositive.group("first")
    return re.sub(r"^(The|A|An) (?=[a-z])", lambda m: m.group(1).lower() + " ", text)


def names_speaker(written: str | None, speaker: str | None) -> bool:
    """Whether a source's words (``written``) are a mention of the sentence's resolved ``speaker``: the
    same name, a pronoun or a role ("the governor") resolved to it, or a part of it ("Zelensky")."""
    if written is None or speaker is None:
        return False
    name = normalize_source(written)
    low = name.lower()
    if name == speaker or low in _REFERRING or (low.split() or [""])[-1] in ROLES:
        return True
    return len(name) > 2 and (name in speaker or speaker in name)
