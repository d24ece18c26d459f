"""Find where the reports disagree: rival figures, a claim and its denial, opposite states of a place.

Three kinds, each with a one-line note: "figure" (two values of one measure on one date whose
ranges cannot both hold, found by ``figure_contradictions``), "status" (a claim of one party and the
denial that answers it, in one event) and "fact" (a place said to be still held while another report
says it was retaken). A sentence is never set against its own copy in a derived report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from storyline.config import Config, FiguresConfig
from storyline.corpus.deeds import ASSERTING, Deed, MentionKey, story_deeds
from storyline.corpus.denial_answers import answer_rank, key_of, may_answer, one_party
from storyline.corpus.denial_content import answers_content, common_names, points_to_what_precedes
from storyline.corpus.denial_sides import (
    claim_owner,
    counsel_sides,
    office_sides,
    org_roles,
    party_owner,
    speaker_line,
    without_own_plea,
)
from storyline.corpus.denial_times import told_before_the_claim, told_of_another_time
from storyline.corpus.event_mentions import PLACE_LABELS, normalize_name
from storyline.corpus.figure_contradictions import figure_contradictions
from storyline.corpus.figure_scope import main_places
from storyline.corpus.lineage import Lineage, origin_map, outlet
from storyline.corpus.timeline import date_sort_key
from storyline.doc.dateline import strip_dateline
from storyline.pipeline import Stage
from storyline.records import (
    Contradiction,
    Document,
    DocumentId,
    Event,
    IsoDate,
    Mention,
    MentionRef,
    Sentence,
    Story,
)

_NOTE_CHARS = 120


def short(text: str) -> str:
    text = strip_dateline(text).rstrip(".")
    return text if len(text) <= _NOTE_CHARS else text[: _NOTE_CHARS - 1].rstrip() + "…"


# 1. Status


@dataclass(frozen=True)
class _Pairing:
    """What pairing a denial with the claims it answers reads: the story's reports, deeds, outlets and sides."""

    lineage: Lineage
    deeds: Mapping[MentionKey, Deed]
    outlets: Mapping[DocumentId, str]
    common: AbstractSet[str]
    sides: Mapping[str, str] | None
    counsel: Mapping[str, str] | None
    past_days: int

    def answered(self, denial: Mention, pool: Iterable[Mention]) -> list[Mention]:
        """The claims of ``pool`` a denial answers (see ``status_contradictions``)."""
        rejected = self.deeds.get(key_of(denial))
        # A claim of the denial's own report naming the doer it rejects (``may_answer``) needs no more;
        # across reports, a story's main actor is named as the doer of many acts. A denial that something
        # could happen ("denied the country could split") rejects a forecast, not who did something.
        names_a_doer = rejected is not None and rejected.doer is not None and not rejected.possible
        pool = list(pool)
        first = self.first_report(pool)
        return [
            c
            for c in pool
            if may_answer(denial, c, self.deeds, self.outlets, self.sides, self.counsel)
            and (
                (names_a_doer and c.document == denial.document)
                or answers_content(denial, without_own_plea(speaker_line(c), denial), self.common)
            )
            and not self.lineage.is_copy((c.document, c.text), (denial.document, denial.text))
            and not told_of_another_time(c, denial, self.lineage.documents, self.past_days)
            and not told_before_the_claim(c, denial, self.lineage.documents, (self.lineage.root(c.document), *first))
        ]

    def first_report(self, pool: Sequence[Mention]) -> tuple[DocumentId, ...]:
        """The earliest published report telling a claim of ``pool`` (one happening's), none when undated."""
        docs = (self.lineage.documents.get(c.document) for c in pool if c.status in ASSERTING)
        dated = [(d.published, d.id) for d in docs if d is not None and d.published]
        return (min(dated)[1],) if dated else ()

    def pointed(self, denial: Mention, lines: Iterable[Mention]) -> list[Mention]:
        """The claims of ``lines`` a denial pointing back to them may answer: what it points to is their content."""
        return [
            c
            for c in lines
            if may_answer(denial, c, self.deeds, self.outlets, self.sides, self.counsel)
            and not self.lineage.is_copy((c.document, c.text), (denial.document, denial.text))
        ]


_AGREEING = re.compile(r"\b(?:also|too|likewise|as\s+well)\b", re.IGNORECASE)


def pointed_lines(denial: Mention, report: Sequence[Mention]) -> list[Mention]:
    """The lines a denial pointing back ("deny that anyone ever told her such a thing", "denied it",
    ``points_to_what_precedes``, which the caller has asked) points to: its own sentence's other clauses and the
    sentence right before, in its report; none when it joins the line before ("Congress also dismissed it": that
    line rejected the same thing, ``_AGREEING``)."""
    if _AGREEING.search(denial.text):
        return []
    return [c for c in report if c.sentence in (denial.sentence, denial.sentence - 1) and key_of(c) != key_of(denial)]


def beyond_the_pointer(denial: Mention, pool: Sequence[Mention]) -> list[Mention]:
    """``pool`` without the lines of the denial's report two or more sentences before it, for a denial pointing
    back (``pointed_lines``): "such a thing" is what was told just before, not a line further up."""
    return [c for c in pool if c.document != denial.document or c.sentence >= denial.sentence - 1]


def owner_lines(denial: Mention, event: Event, report: Sequence[Mention]) -> list[Mention]:
    """The lines of a denial's report outside its event that a named speaker tells, when the denial names whose
    claim it rejects ("rejected Ostmark's claims", "denied a Harbour Wire report", "rejected rebel claims"): the
    events stage may have put the owner's words apart ("Ostmark argues the port was grossly negligent ... The port
    rejected Ostmark's claims"), and the name tells what the denial answers (``denial_sides.told_by_another``)."""
    if claim_owner(denial.text) is None and party_owner(denial.text) is None:
        return []
    return [c for c in report if c not in event.mentions and c.attributed_to]


def status_contradictions(
    events: Sequence[Event],
    lineage: Lineage,
    deeds: Mapping[MentionKey, Deed] | None = None,
    common: AbstractSet[str] = frozenset(),
    sides: Mapping[str, str] | None = None,
    counsel: Mapping[str, str] | None = None,
    past_days: int = 365,
) -> Iterator[Contradiction]:
    """Within an event, each denial against the claim it answers (``denial_answers``): another party's,
    naming the doer when the denial rejects who did something, saying what the denial denies
    (``answers_content``; ``common`` are the story's names that tell nothing, ``common_names``), in the
    denial's report first, and not a copy of the denial; ``sides`` are the office holders the story
    names for a country (``denial_sides.office_sides``), ``counsel`` the lawyers it names for a person
    (``denial_sides.counsel_sides``) and the holders of named bodies' offices (``denial_sides.org_roles``); a
    claim of several lines answers with its speaker's line only (``denial_sides.speaker_line``), and without a
    clause telling the denier's own plea (``without_own_plea``); not a claim told of another time
    (``denial_times``: history, or months away from a denied present state), nor one first told after the
    denial's report came out (``denial_times.told_before_the_claim``).
    In the denial's own report, a claim naming the doer it rejects is answered whatever its words. A denial
    answering no claim of its event and naming whose claim it rejects answers a line of that speaker in its own
    report (``owner_lines``). A denial pointing back answers a claim of its own sentence or the one right before,
    whatever its words, and none of its report further up (``pointed_lines``). A denial
    that repeats one of its report or of the same denier already set against the same claim is not set
    against it again (``_told_again``)."""
    outlets = {doc_id: outlet(doc_id, lineage.documents) for doc_id in lineage.documents}
    pairing = _Pairing(lineage, deeds or {}, outlets, common, sides, counsel, past_days)
    by_report: dict[DocumentId, list[Mention]] = {}
    for m in (m for event in events for m in event.mentions):
        by_report.setdefault(m.document, []).append(m)
    answered: list[tuple[Mention, Mention]] = []
    for event in events:
        for denial in (m for m in event.mentions if m.status == "denied"):
            report = by_report[denial.document]
            points = points_to_what_precedes(denial.text)  # read once: it parses the denied object
            claims = (
                (pairing.pointed(denial, pointed_lines(denial, report)) if points else [])
                or pairing.answered(denial, beyond_the_pointer(denial, event.mentions) if points else event.mentions)
                or pairing.answered(denial, owner_lines(denial, event, report))
            )
            if claims:
                claim = min(claims, key=lambda c: answer_rank(denial, c, c.document in lineage.roots))
                if not _told_again(claim, denial, answered, lineage.copy_similarity):
                    answered.append((claim, denial))
                    yield _status_contradiction(claim, denial, lineage, pairing.deeds)


def _told_again(
    claim: Mention, denial: Mention, answered: Sequence[tuple[Mention, Mention]], similarity: float
) -> bool:
    """Whether a denial repeats one already set against the same claim, of its report or of the same
    denier: a live page tells one denial in several entries ("A source denied the raids." / "The source
    also denied the raids."), and a story's updates tell it again ("On Saturday, the alliance denied the
    claims."), which is one contradiction. In one report, the same denier's denials of one claim are one
    whatever their words, also under a longer and a shorter name ("the National Harbour Board (NHB)", "The NHB"):
    a report tells its denial in the highlights and again, longer, in the body."""
    for c, d in answered:
        if key_of(c) != key_of(claim):
            continue
        same_report, same_denier = d.document == denial.document, _denier(d) == _denier(denial) != ""
        if same_report and (
            same_denier or (bool(d.attributed_to) and one_party(d.attributed_to, denial.attributed_to))
        ):
            return True
        if (same_report or same_denier) and fuzz.token_set_ratio(d.text, denial.text) >= similarity:
            return True
    return False


def _denier(denial: Mention) -> str:
    """A denial's speaker as written, lower case, without a leading article ("the alliance" -> "alliance")."""
    return re.sub(r"^(?:the|a|an)\s+", "", (denial.attributed_to or "").lower())


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


# 2. Facts: "still holds X" against "X retaken"

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
            {**counsel_sides(story.documents), **org_roles(story.documents)},
            config.past_incident_days,
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
