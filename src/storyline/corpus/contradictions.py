"""Find where the reports disagree: rival figures, a claim and its denial, opposite states of a place.

Three kinds, each with a one-line note: "figure" (two values of one measure on one date whose
ranges cannot both hold), "status" (a claim of one party and the denial that answers it, in one event) and
"fact" (a place said to be still held while another report says it was retaken). A sentence is
never set against its own copy in a derived report.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from itertools import combinations

from rapidfuzz import fuzz

from storyline.config import Config, FiguresConfig
from storyline.corpus.deeds import Deed, MentionKey, party_key, story_deeds
from storyline.corpus.denial_answers import answer_rank, key_of, may_answer
from storyline.corpus.denial_content import answers_content, common_names
from storyline.corpus.denial_sides import counsel_sides, office_sides, speaker_line, without_own_plea
from storyline.corpus.event_mentions import PLACE_LABELS, normalize_name
from storyline.corpus.figure_casualties import BURIED
from storyline.corpus.figure_givers import base_measure
from storyline.corpus.figure_money import MONEY_NOUNS
from storyline.corpus.figure_scope import is_part, main_places, marks, same_scope
from storyline.corpus.figures import STAFF
from storyline.corpus.lineage import origin_map, outlet
from storyline.corpus.timeline import date_sort_key
from storyline.doc.dateline import strip_dateline
from storyline.pipeline import Stage
from storyline.records import (
    Contradiction,
    Document,
    DocumentId,
    Event,
    FigurePoint,
    FigureSeries,
    IsoDate,
    Mention,
    MentionRef,
    Sentence,
    Story,
)

_NOTE_CHARS = 120


@dataclass(frozen=True)
class Lineage:
    """Which reports derive from which, to tell a copy from a rival."""

    roots: Mapping[DocumentId, DocumentId]
    documents: Mapping[DocumentId, Document]
    copy_similarity: float

    def root(self, doc_id: DocumentId) -> DocumentId:
        return self.roots.get(doc_id, doc_id)

    def is_copy(self, a: tuple[DocumentId, str], b: tuple[DocumentId, str]) -> bool:
        """Two sentences of different reports of one lineage that say the same thing."""
        if a[0] == b[0] or self.root(a[0]) != self.root(b[0]):
            return False
        return fuzz.ratio(a[1], b[1]) >= self.copy_similarity

    def who(self, doc_id: DocumentId, attributed_to: str | None) -> str:
        return attributed_to or outlet(doc_id, self.documents)


def short(text: str) -> str:
    text = strip_dateline(text).rstrip(".")
    return text if len(text) <= _NOTE_CHARS else text[: _NOTE_CHARS - 1].rstrip() + "…"


# 1. Figures


def interval(point: FigurePoint, about_margin: float = 0.1) -> tuple[float, float]:
    """The values a point allows once its qualifier is read."""
    low, high = min(point.low, point.value), max(point.high, point.value)
    if point.qualifier == "about":
        return low * (1 - about_margin), high * (1 + about_margin)
    if point.qualifier in ("more than", "at least"):
        return low, math.inf
    if point.qualifier in ("less than", "up to"):
        return 0.0, high
    return low, high


def _number(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")


def describe(point: FigurePoint, unit: str) -> str:
    """ "more than 6,000 km2", "between 3,000–5,000 km2"."""
    amount = _number(point.value) if point.low == point.high else f"{_number(point.low)}–{_number(point.high)}"
    words = [point.qualifier or "", amount, "" if unit == "count" else unit]
    return " ".join(w for w in words if w)


def overlap(a: FigurePoint, b: FigurePoint, about_margin: float = 0.1) -> bool:
    """True when both figures can hold at once."""
    (alo, ahi), (blo, bhi) = interval(a, about_margin), interval(b, about_margin)
    return alo <= bhi and blo <= ahi


def comparable(a: FigurePoint, b: FigurePoint) -> bool:
    """True when two figures may be about the same thing: same scope and subject (``figure_scope``),
    and no subject named by another year than the figures' ("the 1957 pandemic" in a 2009 story)."""
    years = {w for p in (a, b) for w in marks(p.subject) if re.fullmatch(r"(?:1[6-9]|20)\d\d", w)}
    if any(p.date is None or not p.date.startswith(y) for y in years for p in (a, b)):
        return False
    return same_scope(a.places, b.places, a.subject, b.subject)


# Counts of people that grow as they are found: the dead, the injured, the missing, the buried.
_COUNTED_AS_OF_REPORT = frozenset({"killed", "injured", "missing", BURIED})
_MONEY_GIVEN = frozenset(MONEY_NOUNS.values())
_NAME_START = re.compile(r"^[A-Z]")


def told_the_same_day(a: FigurePoint, b: FigurePoint, lineage: Lineage) -> bool:
    """Whether two points' reports were published on the same day (or either has no date)."""
    da, db = (lineage.documents[p.document].published if p.document in lineage.documents else None for p in (a, b))
    return da is None or db is None or da[:10] == db[:10]


def donor(p: FigurePoint) -> str | None:
    """Who gives a sum of aid: the clause's subject when it is a name ("The Harbour Fund is giving $2m"),
    else the speaker ("Valdoria said it would give $2m")."""
    if p.subject and _NAME_START.match(p.subject):
        return p.subject
    return p.attributed_to


def rivals(measure: str, a: FigurePoint, b: FigurePoint, lineage: Lineage) -> bool:
    """Whether two figures of one measure and date may be rivals at all. A count of the dead, injured
    or missing is known as of its report: two reports published on different days that date the
    deaths to the day of the disaster tell the count as it grew, not two counts of one day. Sums of
    aid, loans or grants given by different donors add up: only one donor's two sums are rivals. A
    body's own dead or missing ("killed, staff and members") are told by part, by nation or unit: no rivals."""
    base = base_measure(measure)
    if measure.startswith(f"{base}, {STAFF}"):
        return False  # a body's own dead are often told by part: "11 of its Valdorian peacekeepers"
    if base in _COUNTED_AS_OF_REPORT:
        return told_the_same_day(a, b, lineage)
    if base in _MONEY_GIVEN:
        x, y = donor(a), donor(b)
        return x is not None and y is not None and party_key(x) == party_key(y)
    return True


def is_part_of(measure: str, a: FigurePoint, b: FigurePoint, main: frozenset[str], margin: float) -> bool:
    """Whether the smaller of two counts of the dead, injured or missing may be a part of the larger: it
    is told for a place that is not one of the story's main places, the larger for no place or the world
    (``figure_scope.is_part``): "one death in Valdoria" and "the toll stands at 16"."""
    if base_measure(measure) not in _COUNTED_AS_OF_REPORT:
        return False
    small, large = sorted((a, b), key=lambda p: interval(p, margin)[1])
    return interval(small, margin)[1] < interval(large, margin)[0] and is_part(small.places, large.places, main)


def figure_contradictions(
    series: Sequence[FigureSeries], lineage: Lineage, config: FiguresConfig, main: frozenset[str] = frozenset()
) -> Iterator[Contradiction]:
    """Two points of one measure on one date whose ranges do not overlap.

    Two figures of one report are not set against each other (a report that gives "8 confirmed,
    150 suspected" is telling two things), nor two figures for disjoint places ("in Mexico" against
    "in the United States") or subjects ("H5N1" against "H1N1"), which measure different things,
    nor a projection ("could rise 2 metres if the dam fails") or a suspicion ("could be to blame for 48 more
    deaths"), which no measured figure contradicts, nor two that are no rivals (``rivals``: counts of the
    dead told on different days, aid of different donors), nor a smaller count for a side place against the
    whole (``is_part_of``).
    """
    for s in series:
        by_date: dict[IsoDate, list[FigurePoint]] = defaultdict(list)
        for p in s.points:
            if p.date is not None and p.firm:
                by_date[p.date].append(p)
        for date, points in sorted(by_date.items()):
            for a, b in combinations(points, 2):
                if a.document == b.document or not comparable(a, b) or overlap(a, b, config.about_margin):
                    continue
                if not rivals(s.measure, a, b, lineage) or is_part_of(s.measure, a, b, main, config.about_margin):
                    continue
                if not lineage.is_copy((a.document, a.text), (b.document, b.text)):
                    yield _figure_contradiction(s, date, a, b, lineage)


def _figure_contradiction(
    s: FigureSeries, date: IsoDate, a: FigurePoint, b: FigurePoint, lineage: Lineage
) -> Contradiction:
    who_a, who_b = (p.attributed_to or p.source or p.document for p in (a, b))
    note = f"{s.measure} on {date}: {describe(a, s.unit)} ({who_a}) vs {describe(b, s.unit)} ({who_b})"
    refs = (MentionRef(a.document, a.sentence, a.text), MentionRef(b.document, b.sentence, b.text))
    return Contradiction(kind="figure", mentions=refs, note=note)


# 2. Status


def status_contradictions(
    events: Sequence[Event],
    lineage: Lineage,
    deeds: Mapping[MentionKey, Deed] | None = None,
    common: AbstractSet[str] = frozenset(),
    sides: Mapping[str, str] | None = None,
    counsel: Mapping[str, str] | None = None,
) -> Iterator[Contradiction]:
    """Within an event, each denial against the claim it answers (``denial_answers``): another party's,
    naming the doer when the denial rejects who did something, saying what the denial denies
    (``answers_content``; ``common`` are the story's names that tell nothing, ``common_names``), in the
    denial's report first, and not a copy of the denial; ``sides`` are the office holders the story
    names for a country (``denial_sides.office_sides``), ``counsel`` the lawyers it names for a person
    (``denial_sides.counsel_sides``); a claim of several lines answers with its speaker's line only
    (``denial_sides.speaker_line``), and without a clause telling the denier's own plea (``without_own_plea``).
    In the denial's own report, a claim naming the doer it rejects is answered whatever its words. A denial
    that repeats one of its report already set against the same claim is not set against it again."""
    deeds = deeds or {}
    outlets = {doc_id: outlet(doc_id, lineage.documents) for doc_id in lineage.documents}
    answered: list[tuple[Mention, Mention]] = []
    for event in events:
        for denial in (m for m in event.mentions if m.status == "denied"):
            rejected = deeds.get(key_of(denial))
            # A claim of the denial's own report naming the doer it rejects (``may_answer``) needs no more;
            # across reports, a story's main actor is named as the doer of many acts. A denial that something
            # could happen ("denied the country could split") rejects a forecast, not who did something.
            names_a_doer = rejected is not None and rejected.doer is not None and not rejected.possible
            claims = [
                c
                for c in event.mentions
                if may_answer(denial, c, deeds, outlets, sides, counsel)
                and (
                    (names_a_doer and c.document == denial.document)
                    or answers_content(denial, without_own_plea(speaker_line(c), denial), common)
                )
                and not lineage.is_copy((c.document, c.text), (denial.document, denial.text))
            ]
            if claims:
                claim = min(claims, key=lambda c: answer_rank(denial, c, c.document in lineage.roots))
                if not _told_again(claim, denial, answered, lineage.copy_similarity):
                    answered.append((claim, denial))
                    yield _status_contradiction(claim, denial, lineage, deeds)


def _told_again(
    claim: Mention, denial: Mention, answered: Sequence[tuple[Mention, Mention]], similarity: float
) -> bool:
    """Whether a denial repeats one of its report that was already set against the same claim: a live page
    tells one denial in several entries ("A source denied the raids." / "The source also denied the
    raids."), which is one contradiction."""
    return any(
        key_of(c) == key_of(claim)
        and d.document == denial.document
        and fuzz.token_set_ratio(d.text, denial.text) >= similarity
        for c, d in answered
    )


def _status_contradiction(
    claim: Mention, denial: Mention, lineage: Lineage, deeds: Mapping[MentionKey, Deed]
) -> Contradiction:
    x = lineage.who(claim.document, claim.attributed_to)
    y = lineage.who(denial.document, denial.attributed_to)
    refs = (
        MentionRef(claim.document, claim.sentence, claim.text),
        MentionRef(denial.document, denial.sentence, denial.text),
    )
    return Contradiction(kind="status", mentions=refs, note=_status_note(claim, denial, x, y, deeds))


_PLURAL_TAIL = re.compile(
    r"(?:\s|^)(?!\S*(?:ss|us|is)$)[a-z][\w-]*s$"
)  # "officials", "residents"; not "press", "status"


def is_plural(who: str) -> bool:
    """Whether a speaker's name takes a plural verb: "Russian-installed officials", "the army and the
    police"; not "Maui County", "The Kremlin", "Ukraine's military" or "Reuters"."""
    return " and " in who or bool(_PLURAL_TAIL.search(who))


def verb_for(who: str, verb: str) -> str:
    """``verb`` ("says", "claims", "denies") in agreement with ``who``."""
    if not is_plural(who):
        return verb
    return verb[:-3] + "y" if verb.endswith("ies") else verb[:-1]


def _status_note(claim: Mention, denial: Mention, x: str, y: str, deeds: Mapping[MentionKey, Deed]) -> str:
    """ "who destroyed the dam: X says Ukrainian forces; Y denies it" when the denial rejects who did
    it, else 'X claims "...", Y denies it'."""
    rejected, named = deeds.get(key_of(denial)), deeds.get(key_of(claim))
    if rejected is None or rejected.doer is None or named is None or not named.doer_text:
        return f'{x} {verb_for(x, "claims")} "{short(claim.text)}", {y} {verb_for(y, "denies")} it'
    act = named.act if named.act and not named.verb.endswith("ing") else rejected.act or named.act
    asked = f"{'who' if named.doer else 'what'} {act}" if act else f"who is to blame for {short(claim.text)}"
    return f"{asked}: {x} {verb_for(x, 'says')} {named.doer_text}; {y} {verb_for(y, 'denies')} it"


# 3. Facts: "still holds X" against "X retaken"

_HOLD = re.compile(
    r"\b(?:still|continues?\s+to|continued\s+to)\s+(?:holds?|held|controls?|controlled|occup(?:y|ies|ied))\b"
    r"|\b(?:remains?|remained|still)\s+(?:firmly\s+)?in\s+control\s+of\b",
    re.IGNORECASE,
)
_TAKEN = re.compile(
    r"\b(?:(?:fully|completely)\s+)?(?:retaken|retook|recaptured|liberated|entered|regained|freed"
    r"|(?:took|taken)\s+back)\b",
    re.IGNORECASE,
)
_NOT_DONE = re.compile(
    r"\b(?:not|n't|never|no|yet\s+to|will|would|could|may|might|(?:plans?|aims?|tr(?:y|ies|ied)|"
    r"attempt(?:s|ed)?|hopes?)\s+to)\b[^.;]{0,30}$",
    re.IGNORECASE,
)
# A retaking told as a condition or a later step: "if foreign powers entered X", "once it is liberated",
# "when X is liberated" (a "when" clause in the present tells what is to come).
_CONDITION = re.compile(
    r"\b(?:if|unless|once|until|whether)\b[^.;:]{0,60}$|\bwhen\b[^.;:]{0,60}\b(?:is|are)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StateClaim:
    """A sentence saying a place is still held ("hold") or was retaken ("taken")."""

    kind: str
    place: str
    name: str
    document: DocumentId
    sentence: Sentence


_HOLD_REACH = 45  # characters after a hold phrase in which its place (the object) must start
_TAKEN_REACH = 40  # characters before a retake phrase in which its passive subject ends
_TAKEN_OBJECT_REACH = 25  # characters after a retake phrase in which its object starts ("the port of X")
# Between a place and a retake phrase after it, when the place is what was retaken: "X was retaken",
# "X, which was liberated", "X has been fully recaptured".
_PASSIVE_GAP = re.compile(
    r"^[\s,]*(?:(?:which|that)\s+)?(?:(?:was|were|is|are|had|has|have|been|being)\s+)+(?:\w+ly\s+)?$", re.IGNORECASE
)


# "by" between a cue and a place after it makes the place (or a force near it) the doer, not the
# object: "freed by X", "still held by forces loyal to X"; "the bank of the river at X" is still held.
_NOT_OBJECT = re.compile(r"\bby\b", re.IGNORECASE)
# After a retake phrase, a place after "in", "to" or "from" is where or for whom, not what was retaken:
# "every liberated village in X", "freed up funds to X".
_NOT_TAKEN = re.compile(r"\b(?:by|in|to|from|for|with)\b", re.IGNORECASE)


def _place_of(kind: str, start: int, end: int, cue: tuple[str, int, int], text: str) -> int | None:
    """How far a place is from a cue it belongs to, or None when it does not belong to it: the object
    of a hold phrase, or the object or passive subject of a retake phrase ("retook X", "X was
    retaken"), with no "by" before it ("freed by X" names who freed), nor, after a retake phrase, "in",
    "to" or "from" ("a liberated village in X" is not X); "the council in
    X said it had liberated ..." does not say X was retaken."""
    _, cue_start, cue_end = cue
    after = start - cue_end >= 0 and not _NOT_OBJECT.search(text[cue_end:start])
    if kind == "hold":
        return start - cue_end if after and start - cue_end <= _HOLD_REACH else None
    if after and start - cue_end <= _TAKEN_OBJECT_REACH and not _NOT_TAKEN.search(text[cue_end:start]):
        return start - cue_end
    if 0 <= cue_start - end <= _TAKEN_REACH and _PASSIVE_GAP.match(text[end:cue_start]):
        return cue_start - end
    return None


def state_claims(doc: Document) -> Iterator[StateClaim]:
    """Each place that is the object of a hold phrase, or near a retake phrase, in a sentence; a retaking
    told as negated, future, a condition or a later step ("once it is liberated") is none."""
    for s in doc.sentences:
        if s.status == "denied":
            continue
        cues = [("hold", m.start(), m.end()) for m in _HOLD.finditer(s.text)]
        cues += [
            ("taken", m.start(), m.end())
            for m in _TAKEN.finditer(s.text)
            if not (_NOT_DONE.search(s.text[: m.start()]) or _CONDITION.search(s.text[: m.start()]))
        ]
        for e in s.entities:
            if e.label not in PLACE_LABELS:
                continue
            start, end = e.start - s.start, e.end - s.start
            near = [(d, c[0]) for c in cues if (d := _place_of(c[0], start, end, c, s.text)) is not None]
            if near:
                yield StateClaim(min(near)[1], normalize_name(e.text), e.text, doc.id, s)


def _not_before(a: IsoDate | None, b: IsoDate | None) -> bool:
    """``a`` is not earlier than ``b`` (compared at the coarser granularity); unknown fits."""
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] >= b[:n]


def fact_contradictions(documents: Sequence[Document], lineage: Lineage) -> Iterator[Contradiction]:
    """Each statement that a place is still held, against the best report that it was retaken.

    The best retake report is an origin rather than a copy, from another report if there is one,
    dated in the text, and earliest. One contradiction per holding statement and place, in the
    order of the statements' dates (then report and sentence), whatever order the reports came in.
    """
    claims = sorted((c for doc in documents for c in state_claims(doc)), key=lambda c: _claim_order(c, lineage))
    taken = [c for c in claims if c.kind == "taken"]
    seen: set[tuple[DocumentId, int, str]] = set()
    for h in (c for c in claims if c.kind == "hold"):
        if (h.document, h.sentence.index, h.place) in seen:
            continue
        rivals = [
            t
            for t in taken
            if t.place == h.place
            and _not_before(h.sentence.event_date, t.sentence.event_date)
            and not lineage.is_copy((h.document, h.sentence.text), (t.document, t.sentence.text))
        ]
        if not rivals:
            continue
        best = min(
            rivals,
            key=lambda t: (
                t.document in lineage.roots,
                t.document == h.document,
                t.sentence.event_date_fallback,
                t.sentence.event_date or "9999",
                lineage.documents[t.document].published or "9999",
                t.sentence.index,
                t.document,
            ),
        )
        seen.add((h.document, h.sentence.index, h.place))
        yield _fact_contradiction(h, best, lineage)


def _claim_order(c: StateClaim, lineage: Lineage) -> tuple[tuple[int, str], tuple[int, str], DocumentId, int]:
    published = lineage.documents[c.document].published if c.document in lineage.documents else None
    return date_sort_key(c.sentence.event_date), date_sort_key(published), c.document, c.sentence.index


def _fact_contradiction(h: StateClaim, t: StateClaim, lineage: Lineage) -> Contradiction:
    who_h = lineage.who(h.document, h.sentence.attributed_to)
    who_t = lineage.who(t.document, t.sentence.attributed_to)
    note = (
        f"{h.name}: {who_h} {verb_for(who_h, 'says')} it is still held, "
        f"{who_t} {verb_for(who_t, 'says')} it was retaken"
    )
    refs = (
        MentionRef(h.document, h.sentence.index, h.sentence.text),
        MentionRef(t.document, t.sentence.index, t.sentence.text),
    )
    return Contradiction(kind="fact", mentions=refs, note=note)


def find_contradictions(story: Story, config: FiguresConfig) -> tuple[Contradiction, ...]:
    lineage = Lineage(
        roots=origin_map(story.derivations),
        documents={d.id: d for d in story.documents},
        copy_similarity=config.copy_similarity,
    )
    return (
        *figure_contradictions(story.figures, lineage, config, main_places(story.documents)),
        *status_contradictions(
            story.events,
            lineage,
            _deeds(story),
            common_names(d.text for d in story.documents),
            office_sides(story.documents),
            counsel_sides(story.documents),
        ),
        *fact_contradictions(story.documents, lineage),
    )


def _deeds(story: Story) -> dict[MentionKey, Deed]:
    """The deeds of the events' denials and of the claims they may answer."""
    keys = {key_of(m) for e in story.events if any(m.status == "denied" for m in e.mentions) for m in e.mentions}
    return story_deeds(story.documents, keys)


def build(config: Config) -> Stage[Story]:
    """The ``contradictions`` corpus stage."""

    def contradictions(story: Story) -> Story:
        return replace(story, contradictions=find_contradictions(story, config.figures))

    return Stage(
        name="contradictions",
        func=contradictions,
        requires=("events", "figures"),
        provides=("contradictions",),
    )
