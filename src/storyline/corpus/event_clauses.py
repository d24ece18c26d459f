"""Split a sentence that tells two happenings, each dated by its own time expression, into its
clauses, so that each can join its own event: "The council approved the plan on May 2, and it
opened the bridge on May 9" is a mention of May 2 and a mention of May 9.

A sentence is split where two coordinated clauses meet (", and", ", but", ", while", ", then",
"; "), and only when every part has at least ``min_words`` words and its own governing time
(``doc.time.governing_time``: not a time that opens a period, dates backstory, a relative clause or
an earlier value), not inside a subordinate clause of the part ("he compared it with what was found
after the troops left in the spring"; a word in capitals, "The WHO raised ...", is an acronym), and the
parts' dates differ. A part with no time of its own goes with the part
before it. A part that starts with a personal pronoun ("he", "they") is compared with the sentence's
subject in its place ("The council ... opened the bridge"), read from the first name the sentence
starts with; the words shown stay the report's. A part keeps the sentence's speaker only when an
attribution's cue or content reaches into it or, with no attribution spans, when it names the
speaker or is the first part ("The mayor put the number at 850 on May 2, while the list released on
May 9 named 388": the second part is the report's own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.doc.time import governing_time, is_acronym
from storyline.records import Entity, IsoDate, Sentence, Status, TimeExpression

_JOIN = re.compile(r"(?:,\s*(?:and|but|while|then|and\s+then)|;(?:\s*and)?)\s+(?=\S)", re.IGNORECASE)
# A subordinating word between the start of a part and its time: the time dates the subordinate clause.
_SUBORDINATE = re.compile(
    r"\b(?:after|before|when|whenever|while|since|until|till|once|because|as|what|which|who|whom|whose|where|"
    r"that|if|unless)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:he|she|it|they|we)\b", re.IGNORECASE)
_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# "there" as a place named before ("... at Kupiansk, and officials say their troops are dug in there"),
# not the "there" of "there are", "there have been".
_THERE = re.compile(
    r"\bthere\b(?!\s+(?:is|are|was|were|be|been|will|would|may|might|could|can|has|have|had|seems?|appears?|"
    r"remains?|exists?)\b)",
    re.IGNORECASE,
)
_MAX_SUBJECT_WORDS = 6  # a subject name must end within this many words of the sentence's start


@dataclass(frozen=True)
class Clause:
    """One dated part of a sentence: where it starts in the sentence's text, its words as in the
    report, the words compared with other mentions, its date and the names in it; ``own``, the
    status and speaker of the part when they are not the sentence's (``event_clause_speakers``)."""

    offset: int
    text: str
    compared: str
    date: IsoDate
    entities: tuple[Entity, ...]
    attributed: bool = True  # the sentence's speaker and status reach this part
    own: tuple[Status, str | None] | None = None
    by_report: bool = False  # dated by its report, not its own words: a running tally (``event_tally_clauses``)


def dated_clauses(sentence: Sentence, min_words: int = 5) -> tuple[Clause, ...]:
    """The sentence's dated clauses (see the module docstring), or () when it is not split: it has
    one date, its date is borrowed, or a part would be too short or undated."""
    if sentence.event_date_fallback or sentence.event_date_anchor is not None or len(sentence.times) < 2:
        return ()
    dated: list[tuple[int, int, IsoDate]] = []
    for start, end in parts(sentence):
        inside = (t for t in sentence.times if start <= t.start - sentence.start < end)
        own = tuple(t for t in inside if not is_subordinate(sentence, start, t))
        governing = governing_time(sentence, own)
        if governing is not None and governing.date is not None:
            dated.append((start, end, governing.date))
        elif dated:
            dated[-1] = (dated[-1][0], end, dated[-1][2])
        else:
            return ()  # the first part has no time of its own: the sentence is dated by a later one
    if len(dated) < 2 or len({d for _, _, d in dated}) < len(dated) or dated[0][2] != sentence.event_date:
        return ()
    clauses = [clause_of(sentence, start, end, day) for start, end, day in dated]
    if any(len(c.text.split()) < min_words for c in clauses):
        return ()
    return tuple(clauses)


def is_subordinate(sentence: Sentence, part_start: int, time: TimeExpression) -> bool:
    """The time follows a subordinating word of its part, so it dates that subordinate clause; a word in
    capitals is an acronym (``doc.time.is_acronym``: "The WHO raised its alert on May 2")."""
    between = sentence.text[part_start : time.start - sentence.start]
    return any(not is_acronym(m.group()) for m in _SUBORDINATE.finditer(between))


def parts(sentence: Sentence) -> list[tuple[int, int]]:
    """(start, end) offsets in the sentence's text of the parts between clause joins."""
    text = sentence.text
    cuts = [(m.start(), m.end()) for m in _JOIN.finditer(text)]
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(text.rstrip())]
    return list(zip(starts, ends, strict=True))


def clause_of(sentence: Sentence, start: int, end: int, day: IsoDate) -> Clause:
    """The part ``start:end`` of the sentence's text as a clause dated ``day``."""
    text = sentence.text[start:end].strip().rstrip(".;,")
    at, until = sentence.start + start, sentence.start + end
    entities = tuple(e for e in sentence.entities if at <= e.start and e.end <= until)
    compared = text
    subject = _subject(sentence) if start > 0 else None
    pronoun = _PRONOUN.match(text)
    if subject is not None and pronoun is not None:
        name, entity = subject
        compared = name + text[pronoun.end() :]
        entities = (entity, *entities)
    there = _THERE.search(compared) if start > 0 else None
    before = [e for e in sentence.entities if e.label in _PLACE_LABELS and e.end <= at]
    if there is not None and before and not any(e.label in _PLACE_LABELS for e in entities):
        named = " and ".join(dict.fromkeys(e.text for e in before))
        compared = f"{compared[: there.start()]}at {named}{compared[there.end() :]}"
        entities = (*entities, *before)
    return Clause(start, text, compared, day, entities, attributed(sentence, start, end))


def acts(sentence: Sentence, clause: Clause) -> bool:
    """The clause has a verb of action of its own (``Sentence.actions``), as a sentence must to be an
    event mention: "Kyiv had said it was preparing an offensive, but attention had been on the south"
    is a mention of its first clause only, the second being a remark with no happening. A sentence
    that was not parsed (``action`` None) keeps every clause."""
    end = clause.offset + len(clause.text)
    return sentence.action is None or any(clause.offset <= at < end for at in sentence.actions)


def attributed(sentence: Sentence, start: int, end: int) -> bool:
    """The sentence's speaker reaches the part ``start:end`` of its text (see the module docstring)."""
    if sentence.attributions:
        at, until = sentence.start + start, sentence.start + end
        spans = [span for a in sentence.attributions for span in (a.cue, a.content)]
        return any(s < until and at < e for s, e in spans)
    speaker = (sentence.attributed_to or "").lower()
    return start == 0 or (bool(speaker) and speaker in sentence.text[start:end].lower())


def _subject(sentence: Sentence) -> tuple[str, Entity] | None:
    """The words from the sentence's start to the end of the first name in it ("President Jane Roe"),
    when that name ends within the first few words."""
    names = sorted((e for e in sentence.entities if e.label in _NAME_LABELS), key=lambda e: e.start)
    if not names:
        return None
    first = names[0]
    words = sentence.text[: first.end - sentence.start]
    if len(words.split()) > _MAX_SUBJECT_WORDS:
        return None
    return words.strip(), first
