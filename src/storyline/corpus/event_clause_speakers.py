"""Split a sentence of two coordinated clauses told by different voices into a mention per clause, each
with its own clause's status and speaker: in "Only a small part of the town had been searched, and
officials warned that the toll would rise" the first clause is the outlet's report and the second a
claim of officials; in "Officials warned that 80 villages may flood, and the governor, Ana Roe, told
residents to leave" the second clause is the governor's.

A sentence is split only when it is a claim or a denial, has exactly two parts between a clause join
(``event_clauses.parts``), each of at least ``min_words`` words and with a verb of its own, and the
two parts' voices differ, and neither part only says what a speaker withheld ("but they gave no figure
for it", ``speech_patterns.WITHHELD``). A part's voice is the claim of the speaker of the first claim
or denial whose cue is in it when that is another speaker than the sentence's (a pronoun speaker, the
same name, or a role the story resolved to the sentence's speaker, ``role_holders``, is the
sentence's); else the sentence's status and speaker (an outlet's hedge included) when an attribution
reaches into it, or when it is the first part and no attribution left on the sentence is its
speaker's (the learned cue model may have taken that cue off the list); otherwise the outlet's report.
Both clauses keep the sentence's date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from storyline.corpus.event_clauses import Clause, attributed, clause_of, parts
from storyline.doc.attribution_force import stands_for
from storyline.doc.attribution_speakers import normalize_source
from storyline.doc.speech_patterns import WITHHELD
from storyline.records import Attribution, Sentence, Status

Voice = tuple[Status, str | None]
# A role speaker -> the person the story resolved it to ("the mayor" -> "Richard Bissen"), or None.
Holder = Callable[[str], str | None]

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
# A finite auxiliary: a part with one is a clause even when it holds no main verb of the sentence's
# ("..., but most attention had been on the south").
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|did|does|can|could)\b", re.I)


def _no_holder(speaker: str) -> str | None:
    return None


def speaker_clauses(sentence: Sentence, min_words: int = 5, holder: Holder = _no_holder) -> tuple[Clause, ...]:
    """The sentence's two clauses with their own voices (see the module docstring), or ()."""
    if sentence.status not in ("claimed", "denied") or sentence.event_date is None:
        return ()
    cut = parts(sentence)
    if len(cut) != 2 or any(not _has_own_verb(sentence, start, end) for start, end in cut):
        return ()
    if any(WITHHELD.search(sentence.text, start, end) for start, end in cut):
        return ()  # "..., but they gave no figure": a remark on the claim, no clause of its own
    said = [a for a in sentence.attributions if a.kind in ("claim", "denial") and a.speaker]
    if not said:
        return ()
    voices = [_voice(sentence, start, end, said, holder) for start, end in cut]
    if voices[0] == voices[1]:
        return ()
    clauses = []
    for (start, end), voice in zip(cut, voices, strict=True):
        clause = clause_of(sentence, start, end, sentence.event_date)
        if len(clause.text.split()) < min_words:
            return ()
        clauses.append(Clause(clause.offset, clause.text, clause.compared, clause.date, clause.entities, own=voice))
    return tuple(clauses)


def voiced(sentence: Sentence, clauses: tuple[Clause, ...], holder: Holder = _no_holder) -> tuple[Clause, ...]:
    """Dated clauses (``event_clauses.dated_clauses``) with their own voices, when the sentence is a
    claim or a denial: "The mayor put the number at 850 on May 2, while the NTSB list released on May 9
    named 388" has the NTSB's claim in its second clause."""
    said = [a for a in sentence.attributions if a.kind in ("claim", "denial") and a.speaker]
    if sentence.status not in ("claimed", "denied", "unverified") or not said:
        return clauses
    return tuple(replace(c, own=_voice(sentence, c.offset, c.offset + len(c.text), said, holder)) for c in clauses)


def _voice(sentence: Sentence, start: int, end: int, said: list[Attribution], holder: Holder) -> Voice:
    at, until = sentence.start + start, sentence.start + end
    own = [a for a in said if at <= a.cue[0] < until]
    if own and own[0].speaker is not None:
        name = stands_for(normalize_source(own[0].speaker), {})
        if name.lower() not in _PRONOUNS and not _one_voice(name, sentence.attributed_to, holder):
            return ("denied" if own[0].kind == "denial" else "claimed", name)
    if own or attributed(sentence, start, end):
        return (sentence.status, sentence.attributed_to)
    if start == 0 and not any(_one_voice(_name(a), sentence.attributed_to, holder) for a in said):
        return (sentence.status, sentence.attributed_to)  # the sentence's own cue is gone from the list
    return ("reported", None)


def _name(a: Attribution) -> str:
    return stands_for(normalize_source(a.speaker or ""), {}) or "-"


def _one_voice(name: str, speaker: str | None, holder: Holder) -> bool:
    """Whether a clause's speaker is the sentence's: the same name, or a role the story resolved to
    the sentence's speaker ("The mayor put the number at 850", the mayor being "Richard Bissen")."""
    resolved = holder(name)
    return _same(name, speaker) or (resolved is not None and _same(resolved, speaker))


def _same(name: str, speaker: str | None) -> bool:
    """Whether a clause's speaker is the sentence's ("Zelensky" and "President Volodymyr Zelensky")."""
    if speaker is None:
        return False
    a, b = name.lower(), speaker.lower()
    return a in b or b in a or a.split()[-1] == b.split()[-1]


def _has_own_verb(sentence: Sentence, start: int, end: int) -> bool:
    """A verb of the part makes it a clause: one of the sentence's main verbs (``Sentence.happenings``)
    or verbs of action (``Sentence.actions``) starts in it, or it has a finite auxiliary ("but most
    attention had been on the south"). Read from the digest, not the tokens, so that a stored
    projection splits as the parsed sentence does."""
    if any(start <= h.offset < end for h in sentence.happenings) or any(start <= at < end for at in sentence.actions):
        return True
    return _FINITE.search(sentence.text[start:end]) is not None
