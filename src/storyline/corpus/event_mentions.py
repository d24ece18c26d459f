"""Which sentences of a story's reports are event mentions, and what ties each to others: the events
stage's first step (``events``). A sentence reports a happening when it has a verb of action, is no
generic statement, advice or quoted opinion, and is anchored by a place, a figure, its own date or a
party; a sentence that tells two happenings is a mention per clause (``event_clauses``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial

from storyline.corpus import deeds as deed_reading
from storyline.corpus.entity_names import PARTY_LABELS, PLACE_LABELS, normalize_name
from storyline.corpus.event_clause_speakers import speaker_clauses, voiced
from storyline.corpus.event_clauses import Clause, acts, dated_clauses
from storyline.corpus.event_places import containing, towns_lie_in
from storyline.corpus.event_tally_clauses import tally_clauses
from storyline.corpus.event_verbs import ActKey, VerbKey, act_key, main_happening, verb_key
from storyline.corpus.role_holders import holder_in, role_table
from storyline.doc.generic_statements import is_generic_sentence
from storyline.doc.speech_patterns import UNVERIFIED
from storyline.records import Document, Entity, Happening, IsoDate, Mention, Sentence, Story

_QUOTED = re.compile(r"[\"“‘][^\"”’]*[\"”’]")


def explicit_date(sentence: Sentence) -> IsoDate | None:
    return None if sentence.event_date_fallback else sentence.event_date


def _has_action_verb(sentence: Sentence) -> bool:
    return sentence.action is not False  # None, not parsed: give it the benefit of the doubt


def _quoted_share(text: str) -> float:
    return sum(len(m.group()) for m in _QUOTED.finditer(text)) / max(len(text), 1)


def is_event_mention(sentence: Sentence, min_words: int = 5) -> bool:
    """True for a sentence that reports a happening (see the module docstring of the stage)."""
    text = sentence.text.strip()
    if text.endswith("?") or len(text.split()) < min_words or not _has_action_verb(sentence):
        return False
    if is_generic_sentence(sentence):
        return False  # advice, a habit or a state: "people should wash their hands", "the virus spreads"
    has_place = any(e.label in PLACE_LABELS for e in sentence.entities)
    has_party = any(e.label in PARTY_LABELS for e in sentence.entities)
    anchored = has_place or bool(sentence.measures) or explicit_date(sentence) is not None
    if UNVERIFIED.search(text) and not anchored:
        return False  # "The claim could not be verified."
    if _quoted_share(text) >= 0.5 and not anchored:
        return False  # a quoted opinion
    return anchored or has_party


def to_mention(doc: Document, sentence: Sentence, clause: Clause | None = None) -> Mention:
    """The mention of a sentence, or of one of its clauses (its own words, which start at its offset in
    the sentence's text, its date, and the sentence's status only when its speaker reaches the clause,
    or the clause's own voice)."""
    mention = Mention(
        document=doc.id,
        sentence=sentence.index,
        text=sentence.text,
        status=sentence.status,
        attributed_to=sentence.attributed_to,
        date=sentence.event_date,
        date_fallback=sentence.event_date_fallback,
        status_detail=sentence.status_detail,
    )
    if clause is None:
        return mention
    mention = replace(mention, text=clause.text, date=clause.date, clause=clause.offset)
    if clause.by_report:
        mention = replace(mention, date_fallback=True)
    if clause.own is not None and clause.own != (sentence.status, sentence.attributed_to):
        status, speaker = clause.own
        return replace(mention, status=status, attributed_to=speaker, status_detail=None)
    if clause.own is not None or clause.attributed:
        return mention
    return replace(mention, status="reported", attributed_to=None, status_detail=None)


@dataclass(frozen=True)
class Candidate:
    """An event mention with the names that tie it to other mentions: ``within``, the countries whose
    capitals it names; ``towns_in``, the countries its towns lie in (``event_places``); ``told``, a
    claim naming who did a deed or a plain report of one without a doer (``deeds.told_as``);
    ``borrowed``, its date is the publication's or the narrative's before it, not read from its own
    words; ``compared``, the words whose vector stands for it (a clause), when not the mention's text;
    ``verb``, its day, main verb's actor and kind (``event_verbs.verb_key``); ``tally``, it states a running
    tally of the story on its report's day (``event_tallies``); ``act``, its day, main verb, object and
    actor (``event_verbs.act_key``)."""

    mention: Mention
    places: frozenset[str]
    parties: frozenset[str]
    within: frozenset[str] = frozenset()
    borrowed: bool = False
    compared: str | None = None
    verb: VerbKey | None = None
    towns_in: frozenset[str] = frozenset()
    told: deed_reading.Told | None = None
    tally: bool = False
    act: ActKey | None = None

    @property
    def explicit(self) -> IsoDate | None:
        return None if self.mention.date_fallback else self.mention.date

    @property
    def published(self) -> IsoDate | None:
        return self.mention.date if self.mention.date_fallback else None

    @property
    def window_day(self) -> IsoDate | None:
        """The day the publication window (``event_dates.PublishedSpans``) counts for it: its report's, when
        it is dated only by publication or is a running tally told on its report's day."""
        return self.mention.date if self.mention.date_fallback or self.tally else None


def candidates(story: Story, min_words: int = 5, split_clauses: bool = True) -> list[Candidate]:
    """The event mentions of every document, in document-id and sentence order, so that clustering
    (whose ties go to the earlier pair) does not depend on the order the documents came in; with
    ``split_clauses``, a mention per dated clause of a sentence that tells two happenings, per
    clause of a sentence whose two clauses are told by different voices (``event_clause_speakers``), or
    per clause of a running tally told beside a happening of its own day (``event_tally_clauses``)."""
    found = []
    roles = story_roles(story) if split_clauses else {}
    for doc in sorted(story.documents, key=lambda d: d.id):
        for s in doc.sentences:
            if not is_event_mention(s, min_words):
                continue
            borrowed = s.event_date_fallback or s.event_date_anchor is not None
            split = _split(doc, s, min_words, roles) if split_clauses else ()
            clauses = tuple(c for c in split if acts(s, c))
            told = deed_reading.told_as(s)
            if not clauses:
                found.append(_candidate(to_mention(doc, s), s.entities, borrowed, verb=main_happening(s), told=told))
            for clause in clauses:
                verb = main_happening(s, clause.offset, clause.offset + len(clause.text))
                mention = to_mention(doc, s, clause)
                dated_by = borrowed or clause.by_report
                found.append(_candidate(mention, clause.entities, dated_by, clause.compared, verb, told))
    return found


def story_roles(story: Story) -> dict[str, str]:
    """The story's role -> holder table: the one the ``roles`` stage kept (``Story.roles``), else read here
    from the reports (``role_holders.role_table``), for a story that has not been through that stage."""
    return dict(story.roles) if story.roles is not None else role_table(story)


def _split(doc: Document, sentence: Sentence, min_words: int, roles: dict[str, str]) -> tuple[Clause, ...]:
    """The sentence's clauses when it tells two happenings: each dated by its own time, told by its own
    voice, or a running tally beside a clause dated by its own words (``event_tally_clauses``). A role
    speaker stands for the person ``roles`` (the story's ``role_table``) or its report resolves it to."""
    holder = partial(holder_in, table=roles, doc=doc)
    return (
        voiced(sentence, dated_clauses(sentence, min_words), holder)
        or speaker_clauses(sentence, min_words, holder)
        or voiced(sentence, tally_clauses(sentence, doc.published, min_words), holder)
    )


def _candidate(
    mention: Mention,
    entities: Sequence[Entity],
    borrowed: bool,
    compared: str | None = None,
    verb: Happening | None = None,
    told: deed_reading.Told | None = None,
) -> Candidate:
    places = frozenset(normalize_name(e.text) for e in entities if e.label in PLACE_LABELS)
    parties = frozenset(normalize_name(e.text) for e in entities if e.label in PARTY_LABELS)
    key = verb_key(verb, mention.date, borrowed or mention.date_fallback)
    act = act_key(verb, mention.date, borrowed or mention.date_fallback)
    towns_in = towns_lie_in(places, mention.text)
    return Candidate(mention, places, parties, containing(places), borrowed, compared, key, towns_in, told, act=act)
