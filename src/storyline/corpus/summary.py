"""The ``summary`` corpus stage: "what we know", at most five sourced sentences on the story's latest state.

Every summary sentence is quoted as it stands in a report (only a leading dateline is dropped), so it
links back to its document and sentence and says nothing the reports did not. A claim must read as a
claim, so a claimed, unverified or denied sentence is used only when its own text names who says it
("the ministry said ...", "according to ..."); we never prefix "According to X" ourselves, because
that would be a sentence no report wrote and could misstate who said what.

  1. the latest figure of each tracked series (two points or more, from two reports or of two dates:
     one report's figures of one moment are not a measure the story follows) offers its sentence, when
     it reads on its own; a sentence giving an earlier figure of a series is stale and never used, and one giving
     a latest figure is used only as that figure (or as the central happening);
  2. every other event offers its best mention (from an independent report, the one that sums the
     event up, reported or confirmed before a claim that carries its attribution, then earliest in
     its report); an event or figure dated after every report that tells it (a plan, a forecast, a
     coming budget year, an author's later biography) has not happened and offers nothing;
  3. events are weighted by recency (half the weight every ``recency_days`` before the latest event
     dated in a report's text) times their support (independent sources, plus one when contested: a
     dispute is news the reader must have); an event dated only by publication weighs
     ``undated_weight`` as much; a latest figure by the recency of its day times the outlets that
     report its measure (the newest, most reported figure first);
  4. the central happening (``central_happening``: the one event that more independent sources date in
     their own words, as part of the story's subject, than any other, at least two, within the
     reporting window: undated background lines of many reports, a backstory decades old and a side
     story are never central; a happening whose doer is disputed counts the outlets of the dispute
     too, since a dispute over who did it presupposes it: ``disputed_happenings``) takes the first
     place, quoted by a mention that names the story's subject when one does (``subject_words``: the
     words most reports' headlines share); how the story began follows (``origin_happening``): its
     origin, the earliest day's best backed happening (``origin_min_sources`` sources dating it in their
     own words, on the subject, within ``origin_lead_days`` before the first report, before the central
     day), and its turning point, the best backed happening between the two, of a day that
     ``escalation_min_sources`` back (both counted per day, across the day's events), each line marked
     with its ``slot``; the
     latest figures of at most ``max_figures`` measures follow, one sentence per measure, or one per
     ground when its givers disagree about different grounds (the sides' tolls of their own banks are
     one measure, each side's latest given with who gives it); events by weight fill the rest, an
     event whose line neither names the subject nor stands in a report headlined on it (a side story:
     a war bill that also holds flu money, ``tells_subject``) only after all others, skipping a second
     sentence of an event or of a day already used, and any sentence whose content words are mostly
     (``redundancy``) in a chosen one. The chosen sentences are given in date order, so that they
     read as the story so far (a denial comes after what it denies).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.config import Config, SummaryConfig
from storyline.corpus.central_happening import (
    PARAPHRASE,
    central_event,
    day_backers,
    named_day,
    own_dated,
    reporting_window,
    subject_backers,
    tells_subject,
)
from storyline.corpus.disputed_happenings import happening_backing
from storyline.corpus.figure_givers import base_measure, label_scope
from storyline.corpus.origin_happening import escalation_events, origin_events
from storyline.corpus.subject_words import names_subject, subject_words
from storyline.corpus.timeline import date_sort_key, latest_of, opens_on_pronoun
from storyline.doc.dateline import strip_dateline
from storyline.pipeline import Stage
from storyline.records import (
    Document,
    DocumentId,
    Event,
    EventId,
    FigurePoint,
    FigureSeries,
    IsoDate,
    Mention,
    Sentence,
    Story,
    SummarySentence,
    SummarySlot,
)
from storyline.time.iso_dates import day_of

SentenceKey = tuple[DocumentId, int]

ATTRIBUTED = frozenset({"claimed", "unverified", "denied"})
_STATUS_RANK = {"confirmed": 0, "reported": 0, "claimed": 1, "unverified": 2, "denied": 3}
_NOT_INDEPENDENT = ("duplicate", "excerpt")
_WORD = re.compile(r"[a-z0-9]+")
_CALENDAR = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_SLOTS: tuple[SummarySlot, ...] = ("central", "origin", "escalation")  # the order the leads are chosen in


@dataclass(frozen=True)
class Candidate:
    """A sentence that could stand in the summary, with its weight."""

    item: SummarySentence
    weight: float
    measure: str | None = None  # the measure of the series whose latest figure the sentence gives,
    # without the giver it is labelled by
    aside: bool = False  # its line neither names the story's subject nor stands in a report headlined on it


def content_words(text: str) -> frozenset[str]:
    """Lower-case words of a sentence, without stop words."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS)


def repeats(a: frozenset[str], b: frozenset[str], share: float) -> bool:
    """True when at least ``share`` of the shorter sentence's content words are in the other."""
    shorter = min(len(a), len(b))
    return shorter > 0 and len(a & b) / shorter >= share


def carries_attribution(sentence: Sentence, attributed_to: str | None, clause: Mention | None = None) -> bool:
    """True when the sentence's own text, or the ``clause`` of it a mention quotes, says who says it: a
    cue inside it, or the speaker named in it."""
    start, end, text = sentence.start, sentence.end, sentence.text
    if clause is not None and clause.clause is not None:
        start, text = sentence.start + clause.clause, clause.text
        end = start + len(text)
    if any(start <= a.cue[0] < end for a in sentence.attributions):
        return True
    return attributed_to is not None and attributed_to.casefold() in text.casefold()


def reads_alone(text: str, config: SummaryConfig) -> bool:
    """A statement of the right length that does not open on a pronoun, ask, or introduce what follows it
    ("Here is a timeline of the war:")."""
    plain = strip_dateline(text)
    words = len(plain.split())
    fits = config.min_words <= words <= config.max_words
    return fits and not plain.endswith(("?", ":")) and not opens_on_pronoun(plain)


def usable(mention: Mention, sentence: Sentence | None, config: SummaryConfig) -> bool:
    """The mention reads on its own and, when it is a claim, says whose claim it is."""
    if sentence is None or not reads_alone(mention.text, config):
        return False
    return mention.status not in ATTRIBUTED or carries_attribution(sentence, mention.attributed_to, mention)


def best_mention(
    event: Event,
    sentences: Mapping[SentenceKey, Sentence],
    copies: frozenset[DocumentId],
    stale: set[SentenceKey],
    config: SummaryConfig,
    subject: frozenset[str] = frozenset(),
) -> Mention | None:
    """The event's mention to quote, or None when none reads on its own, respects its status and
    gives no superseded figure; with ``subject`` (the story's subject words, ``subject_words``), one
    that names the story's subject first: a bill that funds the wars and the pandemic is quoted by
    its sentence on the pandemic in a story on the pandemic."""
    fit = [
        m
        for m in event.mentions
        if (m.document, m.sentence) not in stale and usable(m, sentences.get((m.document, m.sentence)), config)
    ]
    if not fit:
        return None
    return min(
        fit,
        key=lambda m: (
            m.document in copies,
            bool(subject) and not names_subject(m.text, subject),
            strip_dateline(m.text) != event.summary,
            _STATUS_RANK[m.status],
            m.date_fallback,
            m.sentence,
            m.document,
        ),
    )


def recency(value: IsoDate | None, latest: date, config: SummaryConfig) -> float:
    """1.0 for the latest day, half that every ``recency_days`` earlier; 0 when undated."""
    day = day_of(value, coarse="first")  # a month's recency is its first day's
    return 0.0 if day is None else 0.5 ** (max((latest - day).days, 0) / config.recency_days)


def told_as_future(when: IsoDate | None, reports: Sequence[Document | None]) -> bool:
    """True when the date starts after every report that tells it was published: a plan, a forecast
    or a named coming period ("the 2011 budget totals ..."), or a later note on a page (an author's
    biography), never something that has happened. An undated report cannot tell, nor a date that is
    not a calendar year, month or day (a season or a week)."""
    day = day_of(when, coarse="first") if when and _CALENDAR.fullmatch(when) else None
    published = [d for r in reports if r is not None and r.published and (d := day_of(r.published, coarse="first"))]
    return day is not None and bool(published) and day > max(published)


def future_event(event: Event, docs: Mapping[DocumentId, Document]) -> bool:
    """The event's date starts after all its reports (``told_as_future``)."""
    return told_as_future(event.date, [docs.get(m.document) for m in event.mentions])


def dated_by_publication(event: Event) -> bool:
    """True when no report's text dates the event: its date is when it was reported."""
    return all(m.date_fallback for m in event.mentions)


def tracked(figures: Sequence[FigureSeries]) -> list[FigureSeries]:
    """Series with two points or more that change over the story, the longest first: from two reports,
    or of two dates. One report's figures of one moment ("15 million acres remain", "a guess of one
    million") are often different things under one measure, not a measure the story follows."""
    followed = (s for s in figures if len(s.points) >= 2 and not _one_moment(s))
    return sorted(followed, key=lambda s: -len(s.points))


def _one_moment(series: FigureSeries) -> bool:
    """All the series' points come from one report and give one date."""
    return len({p.document for p in series.points}) == 1 and len({p.date for p in series.points}) == 1


def stale_figures(figures: Sequence[FigureSeries]) -> set[SentenceKey]:
    """Sentences that give a figure of a series other than its latest."""
    latest = {_latest_key(s) for s in figures}
    return {(p.document, p.sentence) for s in figures for p in s.points} - latest


def _latest_key(series: FigureSeries) -> SentenceKey:
    """The sentence of the series' latest point."""
    point = latest_point(series)
    return (point.document, point.sentence)


def latest_point(series: FigureSeries) -> FigurePoint:
    """The series' latest point, as the reports' "Latest ..." line picks it: the latest date, the
    later point on a tie, an undated point only when all are, a projection or a suspected figure only
    when all are."""
    point = latest_of(series.points, lambda p: p.firm, lambda p: p.date)
    if point is None:
        raise ValueError(f"figure series '{series.measure}' has no points; a series is made from its points")
    return point


def summary_candidates(story: Story, config: SummaryConfig) -> tuple[list[Candidate], list[Candidate], list[Candidate]]:
    """(the latest figures' sentences, one candidate per other event, the leads: the central happening's,
    the origin's and the turning point's candidates that have a usable mention), each weighted (stages 1-3)."""
    docs = {d.id: d for d in story.documents}
    sentences = {(d.id, s.index): s for d in story.documents for s in d.sentences}
    copies = frozenset(d.document for d in story.derivations if d.relation in _NOT_INDEPENDENT)
    by_mention = {(m.document, m.sentence): e for e in story.events for m in e.mentions}
    future = {e.id for e in story.events if future_event(e, docs)}
    days = [
        d
        for e in story.events
        if not dated_by_publication(e) and e.id not in future and (d := day_of(e.date, coarse="first")) is not None
    ]
    latest = max(days) if days else date.min
    stale = stale_figures(story.figures)
    reserved = stale | {_latest_key(s) for s in tracked(story.figures)}
    outlets: dict[str, set[str]] = {}
    for s in story.figures:
        outlets.setdefault(base_measure(s.measure), set()).update(p.source or p.document for p in s.points)

    def weight(event: Event | None, when: IsoDate | None) -> float:
        if event is None:
            return recency(when, latest, config)
        support = event.independent_sources + event.contested
        fallback = config.undated_weight if dated_by_publication(event) else 1.0
        return recency(when, latest, config) * support * fallback

    figures: list[Candidate] = []
    for series in tracked(story.figures):
        key = _latest_key(series)
        event, sentence = by_mention.get(key), sentences.get(key)
        mention = next((m for m in event.mentions if (m.document, m.sentence) == key), None) if event else None
        if sentence is None or not usable(mention or _as_mention(key, sentence), sentence, config):
            continue
        point = latest_point(series)
        if told_as_future(point.date, [docs.get(key[0])]):
            continue
        item = _item(mention or _as_mention(key, sentence, point.date), event, docs)
        item = replace(item, measure=series.measure, date=point.date or item.date)  # the figure's own day
        measure = base_measure(series.measure)
        figures.append(Candidate(item, recency(item.date, latest, config) * len(outlets[measure]), measure))
    events: list[Candidate] = []
    subject = subject_words(story.documents)
    window = reporting_window(story.documents, config.central_lead_days)
    dated = subject_backers(story, subject, window, PARAPHRASE)
    middle = central_event(story.events, happening_backing(story), dated)
    slots = story_slots(story, subject, middle, [e for e in story.events if e.id not in future], config)
    options: dict[SummarySlot, list[tuple[int, Candidate]]] = {}
    for event in story.events:
        if event.id in future:
            continue
        slot, rank = slots.get(event.id, (None, 0))
        if slot in ("origin", "escalation"):  # how it began, told by a line dated in its own words, with its day:
            own = replace(event, mentions=tuple(m for m in event.mentions if not m.date_fallback))
            told = best_mention(own, sentences, copies, set(), config, subject)  # an early figure is history here
            if told is not None:
                lead = Candidate(replace(_item(told, event, docs), slot=slot), weight(event, event.date))
                options.setdefault(slot, []).append((rank, lead))
            slot = None  # not chosen, it competes as any event does
        if slot == "central":
            mention = best_mention(event, sentences, copies, stale, config, subject)
        else:
            mention = best_mention(event, sentences, copies, reserved, config)
        if mention is None:
            continue
        aside = not tells_subject(mention, docs, subject)
        candidate = Candidate(_item(mention, event, docs), weight(event, event.date), aside=aside)
        same = [f for f in figures if (f.item.document, f.item.sentence) == (mention.document, mention.sentence)]
        if slot == "central":  # the central sentence may also be a latest figure
            lead = same[0] if same else candidate
            options[slot] = [(rank, replace(lead, item=replace(lead.item, slot=slot)))]
        else:
            events.append(candidate)
    leads = [min(options[s], key=lambda pair: pair[0])[1] for s in _SLOTS if s in options]
    taken = {(c.item.document, c.item.sentence) for c in leads}
    return figures, [c for c in events if (c.item.document, c.item.sentence) not in taken], leads


def story_slots(
    story: Story,
    subject: frozenset[str],
    central: Event | None,
    events: Sequence[Event],
    config: SummaryConfig,
) -> dict[EventId, tuple[SummarySlot, int]]:
    """The events that may take the summary's first places, each with its slot and its rank there: the
    central happening, and the candidates for the origin and the turning point (``origin_happening``); an
    event keeps its first slot. A slot goes to its best candidate with a usable mention (``summary_candidates``).
    A source backs an origin or a turning point only when its own words give the day (``to_the_day``)."""
    slots: dict[EventId, tuple[SummarySlot, int]] = {central.id: ("central", 0)} if central is not None else {}
    if not config.origin:
        return slots
    window = reporting_window(story.documents, config.origin_lead_days)
    own = own_dated(story, subject, window, to_the_day=True)
    backers = subject_backers(story, subject, window, PARAPHRASE, to_the_day=True, own=own)
    named = named_day(story, own)
    naming = {eid: backers.get(eid, 0) if named.get(eid) else 0 for eid in backers}  # a line that names its day
    days = day_backers(story, named)
    origins = origin_events(
        events, naming, central, config.origin_min_sources, config.origin_span_days, config.origin_gap_days, days
    )
    for rank, event in enumerate(origins):
        slots.setdefault(event.id, ("origin", rank))
    if config.escalation and origins:
        turns = escalation_events(events, naming, origins[0], central, config.escalation_min_sources, days)
        for rank, event in enumerate(turns):
            slots.setdefault(event.id, ("escalation", rank))
    return slots


def _as_mention(key: SentenceKey, sentence: Sentence, when: IsoDate | None = None) -> Mention:
    """A figure's sentence that no event holds, read as a mention of itself."""
    return Mention(
        document=key[0],
        sentence=key[1],
        text=sentence.text,
        status=sentence.status,
        attributed_to=sentence.attributed_to,
        date=when or (None if sentence.event_date_fallback else sentence.event_date),
        date_fallback=sentence.event_date_fallback,
        status_detail=sentence.status_detail,
    )


def _item(mention: Mention, event: Event | None, docs: Mapping[DocumentId, Document]) -> SummarySentence:
    mentions = event.mentions if event is not None else (mention,)
    outlets = {src for m in mentions if (d := docs.get(m.document)) and (src := d.source)}
    return SummarySentence(
        text=strip_dateline(mention.text),
        document=mention.document,
        sentence=mention.sentence,
        event=event.id if event is not None else None,
        date=event.date if event is not None and event.date else mention.date,
        status=mention.status,
        attributed_to=mention.attributed_to,
        sources=tuple(sorted(outlets)),
        independent_sources=event.independent_sources if event is not None else 1,
        contested=event.contested if event is not None else False,
    )


def choose(
    figures: Sequence[Candidate], events: Sequence[Candidate], config: SummaryConfig, leads: Sequence[Candidate] = ()
) -> list[SummarySentence]:
    """The leads (the central happening, the origin, the turning point), then the latest figures of at most
    ``max_figures`` measures (one each, or each side's when givers disagree: ``sides_fit``), then events,
    each by weight; no event or date twice, no near repeat (stage 4)."""
    chosen: list[SummarySentence] = []
    words: list[frozenset[str]] = []
    measures: list[str | None] = []
    for c in [*leads, *sorted(figures, key=_rank), *sorted(events, key=_rank)]:
        if len(chosen) == config.max_sentences:
            break
        if c.measure is not None and not sides_fit(c, chosen, measures, config):
            continue
        mine = content_words(c.item.text)
        if any(_same_happening(c.item, other) for other in chosen) or any(
            repeats(mine, w, config.redundancy)
            for w, other in zip(words, chosen, strict=True)
            if not other_side(c, other)
        ):
            continue
        chosen.append(c.item)
        words.append(mine)
        if c.measure is not None:
            measures.append(c.measure)
    return in_date_order(chosen)


def sides_fit(
    c: Candidate, chosen: Sequence[SummarySentence], measures: Sequence[str | None], config: SummaryConfig
) -> bool:
    """Whether a latest figure has a place: a new measure while fewer than ``max_figures`` measures
    have one, or another side's series of a measure that has one, when the givers disagree about
    different grounds (series labelled by scope, ``figure_givers``: "killed, left bank (officials)"
    and "killed, Ukraine-held (the ministry)"), so that each side's latest value is given with who
    gives it. Givers' counts of the same ground compete: the first chosen stands for them."""
    if c.measure not in measures:
        return len(set(measures)) < config.max_figures
    labels = [s.measure for s in chosen if s.measure is not None and base_measure(s.measure) == c.measure]
    scope = label_scope(c.item.measure or "")
    return scope is not None and all((other := label_scope(label)) is not None and other != scope for label in labels)


def other_side(c: Candidate, chosen: SummarySentence) -> bool:
    """Whether a chosen sentence gives another giver's series of the candidate's measure: the two
    sides' tolls share most of their words, but neither repeats the other."""
    if c.measure is None or chosen.measure is None:
        return False
    return base_measure(chosen.measure) == c.measure and chosen.measure != c.item.measure


def _same_happening(a: SummarySentence, b: SummarySentence) -> bool:
    """One event, or two events of the same day: the events stage often splits one happening
    ("a burial site was found", "it held 440 graves"), and five sentences should cover five. The
    latest figures of two different series are two facts even when given the same day (the dead
    and the missing), and so are a latest figure and another event of its day (the toll and a lawsuit)."""
    if a.event is not None and a.event == b.event:
        return True
    if (a.measure or b.measure) and a.measure != b.measure:
        return False
    return a.date is not None and a.date == b.date


def _rank(c: Candidate) -> tuple[bool, float, DocumentId, int]:
    """Events on the story's subject first, then asides; each by weight."""
    return (c.aside, -c.weight, c.item.document, c.item.sentence)


def in_date_order(chosen: Sequence[SummarySentence]) -> list[SummarySentence]:
    """Dated sentences from the earliest (see ``date_sort_key``), then undated ones; ties keep their order."""
    return sorted(chosen, key=lambda s: date_sort_key(s.date))


def summarize_story(story: Story, config: SummaryConfig) -> tuple[SummarySentence, ...]:
    """The story's "what we know" summary (see the module docstring)."""
    figures, events, leads = summary_candidates(story, config)
    return tuple(choose(figures, events, config, leads))


def build(config: Config) -> Stage[Story]:
    """The ``summary`` corpus stage."""

    def summary(story: Story) -> Story:
        return replace(story, summary=summarize_story(story, config.summary))

    return Stage(name="summary", func=summary, requires=("events", "figures"), provides=("summary",))
