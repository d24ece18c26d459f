"""Join the events that tell one happening in ways the clustering keeps apart.

The events stage clusters mentions by similarity under hard rules of date and place. Two ways of
telling one happening fall through it, and are joined here, after denials have found their claims:

  1. a coarse date: a mention dated by its own words only to the month that contains the day of a
     happening ("the bridge was destroyed earlier this month"; the time stage dates "earlier this
     week" and "about three weeks ago" to a month too) tells, without a doer, the same
     deed as the plain report of an event dated to that day (the verb's stem and the head noun of
     what it was done to, ``disputed_happenings.deed_key``): its event joins that one when that
     event is the only one of the period telling that deed, the two are similar enough
     (``events.coarse_join_cosine``) and the hard rules of one event hold;
  2. who did it: an event all of whose mentions are claims or denials naming a doer of a deed
     ("Ostmark said Valdorian sappers destroyed the bridge") joins the dispute over who did that deed
     (the largest contested event whose claims and denials name a doer of it), when the dates fit
     (a report dated only by its publication, at most ``events.dispute_join_days`` after the
     dispute's day) and the places named in the two acts are not disjoint. Places elsewhere in the
     sentences are not compared: a claim names its parties and its reasons ("to draw troops from
     the coast"). A claim's own date is when it was said; the event keeps the happening's day.
     A claim of what caused a happening ("the breach was caused by Ostmark's shelling of the dam")
     names who did the deed done to the thing it names: it joins the one dispute over a deed done to
     a thing its words name ("dam"), under the same conditions.

Two different happenings that share a place or a day are not joined: both rules need one deed done
to one thing, and the first also a single event of the period.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from storyline.corpus.deeds import DISPUTING, DOER_LABELS, Deed, MentionKey, read_deed
from storyline.corpus.denial_answers import is_contested, key_of
from storyline.corpus.disputed_happenings import PLAIN, DeedKey, deed_key, verb_stem
from storyline.corpus.event_places import overlapping
from storyline.corpus.lineage import outlet
from storyline.records import Document, DocumentId, IsoDate, Mention
from storyline.time.iso_dates import day_of

if TYPE_CHECKING:  # events imports this module
    from storyline.config import EventsConfig
    from storyline.corpus.event_mentions import Candidate

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_MONTH = re.compile(r"^\d{4}-\d{2}$")
# The stems (``verb_stem``) of verbs that tell what caused a happening: "caused the breach".
CAUSING = frozenset({"caus", "trigger"})
_WORD = re.compile(r"[a-z]+")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# fits(i, group, places): whether mention i may join the group by the hard rules of one event.
Fits = Callable[[int, Sequence[int], bool], bool]
Groups = list[list[int]]


def is_period(date: IsoDate | None) -> bool:
    """A month ("2023-06"): a coarse date of a few weeks of days, not a season or a year."""
    return date is not None and bool(_MONTH.match(date))


def period_contains(period: IsoDate, day: IsoDate) -> bool:
    """Whether a month contains a day."""
    return is_period(period) and bool(_DAY.match(day)) and day.startswith(period + "-")


def told_deed(sentence_text: str, parties: Sequence[str]) -> DeedKey | None:
    """The key of the deed a sentence's main clause tells without a doer ("The dam was destroyed
    earlier this week, and ..." -> ("destroy", "dam")), read whoever the sentence's speaker is."""
    deed = read_deed(sentence_text, list(parties), None)
    if deed is None or deed.doer is not None or deed.agentive or not deed.verb:
        return None
    return deed_key(deed)


class _Told:
    """The told deed of each mention, read once when asked."""

    def __init__(self, mentions: Sequence[Mention], documents: Mapping[DocumentId, Document]) -> None:
        self.mentions, self.documents = mentions, documents
        self.cache: dict[MentionKey, DeedKey | None] = {}

    def __call__(self, i: int) -> DeedKey | None:
        key = key_of(self.mentions[i])
        if key not in self.cache:
            doc = self.documents.get(key[0])
            found = None
            if doc is not None and 0 <= key[1] < len(doc.sentences):
                s = doc.sentences[key[1]]
                found = told_deed(s.text, [e.text for e in s.entities if e.label in DOER_LABELS])
            self.cache[key] = found
        return self.cache[key]


def _own(m: Mention) -> IsoDate | None:
    return None if m.date_fallback else m.date


def _period(group: Sequence[int], mentions: Sequence[Mention]) -> IsoDate | None:
    """The month a group is dated to by its own words, when it names no day and one month."""
    own = {d for i in group if (d := _own(mentions[i])) is not None}
    return next(iter(own)) if len(own) == 1 and is_period(next(iter(own))) else None


def join_coarse(
    groups: Groups,
    mentions: Sequence[Mention],
    vectors: np.ndarray,
    told: Callable[[int], DeedKey | None],
    cosine: float,
    fits: Fits,
) -> Groups:
    """Rule 1 of the module docstring: events dated to a month join the one event of a day of that
    month that tells the same deed without a doer."""
    periods = {k: p for k, group in enumerate(groups) if (p := _period(group, mentions)) is not None}
    if not periods:
        return groups
    months = set(periods.values())  # read the deeds of the days those months contain, no others
    days: dict[DeedKey, list[tuple[int, IsoDate]]] = {}
    for k, group in enumerate(groups):
        for i in group:
            m, day = mentions[i], _own(mentions[i])
            if m.status not in PLAIN or day is None or not _DAY.match(day) or day[:7] not in months:
                continue
            if (key := told(i)) is not None:
                days.setdefault(key, []).append((k, day))
    out = [list(g) for g in groups]
    for k, period in periods.items():
        group = groups[k]
        keys = {key for i in group if _own(mentions[i]) == period and (key := told(i)) is not None}
        targets = {t for key in keys for t, day in days.get(key, ()) if t != k and period_contains(period, day)}
        if len(targets) != 1:
            continue  # no event of that deed in the month, or several: which one is not known
        t = targets.pop()
        if not out[t] or float(np.max(vectors[group] @ vectors[out[t]].T)) < cosine:
            continue
        if all(fits(i, out[t], True) for i in group):
            out[t].extend(group)
            out[k] = []
    return [sorted(g) for g in out if g]


def _doer_keys(group: Sequence[int], mentions: Sequence[Mention], deeds: Mapping[MentionKey, Deed]) -> set[DeedKey]:
    """The keys of the deeds whose doer the group's claims and denials name."""
    found = (deeds.get(key_of(mentions[i])) for i in group if mentions[i].status in DISPUTING)
    return {k for d in found if d is not None and d.doer is not None and d.act and (k := deed_key(d)) is not None}


def _cause_targets(
    group: Sequence[int],
    mentions: Sequence[Mention],
    deeds: Mapping[MentionKey, Deed],
    disputed: Sequence[DeedKey],
) -> set[DeedKey]:
    """For a group whose claims tell who caused a happening ("caused the breach"), the disputed deeds
    done to a thing the claims' words name ("... strikes on the dam's sluice gates" -> ("destroy", "dam"))."""
    found: set[DeedKey] = set()
    for i in group:
        deed = deeds.get(key_of(mentions[i]))
        if deed is None or deed.doer is None or not deed.verb or verb_stem(deed.verb) not in CAUSING:
            continue
        words = {re.sub(r"(?<=[a-z]{3})s$", "", w) for w in _WORD.findall(mentions[i].text.lower())}
        found.update(key for key in disputed if key[1] in words)
    return found


def _all_name_a_doer(group: Sequence[int], mentions: Sequence[Mention], deeds: Mapping[MentionKey, Deed]) -> bool:
    """Every mention is a claim or a denial whose content names who did something."""
    for i in group:
        deed = deeds.get(key_of(mentions[i]))
        if mentions[i].status not in DISPUTING or deed is None or deed.doer is None:
            return False
    return True


def act_places(
    group: Sequence[int],
    mentions: Sequence[Mention],
    deeds: Mapping[MentionKey, Deed],
    documents: Mapping[DocumentId, Document],
) -> frozenset[str]:
    """The places named inside the acts of a group's claims and denials ("destroyed the bridge at Kelby")."""
    found: set[str] = set()
    for i in group:
        key = key_of(mentions[i])
        deed, doc = deeds.get(key), documents.get(key[0])
        if deed is None or not deed.act or doc is None or not 0 <= key[1] < len(doc.sentences):
            continue
        names = (e.text for e in doc.sentences[key[1]].entities if e.label in PLACE_LABELS)
        found.update(n.lower() for n in names if n in deed.act)
    return frozenset(found)


def _first_day(group: Sequence[int], mentions: Sequence[Mention]) -> dt.date | None:
    days = [d for i in group if (d := day_of(_own(mentions[i]), coarse=None)) is not None]
    return min(days) if days else None


def _published_within(group: Sequence[int], mentions: Sequence[Mention], start: dt.date | None, window: int) -> bool:
    """The group's publication dates (of mentions with no date of their own) are at most ``window``
    days after ``start``, the dispute's first day."""
    if start is None:
        return True
    published = [day_of(m.date, coarse=None) for i in group if (m := mentions[i]).date_fallback]
    return all((d - start).days <= window for d in published if d is not None)


def join_disputes(
    groups: Groups,
    mentions: Sequence[Mention],
    deeds: Mapping[MentionKey, Deed],
    documents: Mapping[DocumentId, Document],
    outlets: Mapping[DocumentId, str],
    window: int,
    fits: Fits,
) -> Groups:
    """Rule 2 of the module docstring: claims and denials of who did a deed join the dispute over it."""
    out = [list(g) for g in groups]
    disputes: dict[DeedKey, list[int]] = {}
    joiners: dict[DeedKey, list[int]] = {}
    for k, group in enumerate(out):
        keys = _doer_keys(group, mentions, deeds)
        if not keys:
            continue
        if is_contested([mentions[i] for i in group], deeds, outlets):
            for key in keys:
                disputes.setdefault(key, []).append(k)
        if _all_name_a_doer(group, mentions, deeds):
            for key in keys:
                joiners.setdefault(key, []).append(k)
    target = {key: max(found, key=lambda k: (len(out[k]), -k)) for key, found in disputes.items()}
    for k, group in enumerate(out):
        if not _all_name_a_doer(group, mentions, deeds):
            continue
        causes = _cause_targets(group, mentions, deeds, list(disputes))
        if len({target[key] for key in causes}) == 1:  # one dispute over a deed done to the thing named
            for key in causes:
                joiners.setdefault(key, []).append(k)
    for key in sorted(disputes):
        t = target[key]
        if not out[t]:
            continue  # already joined to the dispute of another deed
        start, places = _first_day(out[t], mentions), act_places(out[t], mentions, deeds, documents)
        for k in joiners.get(key, []):
            group = out[k]
            if k == t or not group or not _published_within(group, mentions, start, window):
                continue
            theirs = act_places(group, mentions, deeds, documents)
            if places and theirs and not overlapping(places, frozenset(), theirs, frozenset()):
                continue  # the same deed done to another place's bridge
            if all(fits(i, out[t], False) for i in group):
                out[t].extend(group)
                out[k] = []
    return [sorted(g) for g in out if g]


def join_happenings(
    groups: Groups,
    mentions: Sequence[Mention],
    vectors: np.ndarray,
    deeds: Mapping[MentionKey, Deed],
    documents: Mapping[DocumentId, Document],
    outlets: Mapping[DocumentId, str],
    cosine: float,
    window: int,
    fits: Fits,
    told: Callable[[int], DeedKey | None] | None = None,
) -> Groups:
    """The groups with coarse-dated tellings of a happening and claims of who did it joined (rules 1-2);
    ``told`` (mention index -> ``told_deed``) is read from ``documents`` when not given."""
    joined = join_coarse(groups, mentions, vectors, told or _Told(mentions, documents), cosine, fits)
    return join_disputes(joined, mentions, deeds, documents, outlets, window, fits)


def join_candidates(
    cands: Sequence[Candidate],
    vectors: np.ndarray,
    groups: Groups,
    deeds: Mapping[MentionKey, Deed],
    documents: Mapping[DocumentId, Document],
    config: EventsConfig,
    can_share: Callable[[Candidate, Candidate], bool],
) -> Groups:
    """The events stage's groups of candidates joined by rules 1-2, under its hard rules of one event
    (``can_share``, ``events.can_share_event``); a claim's places other than its act's are left out."""

    def fits(i: int, group: Sequence[int], places: bool) -> bool:
        cand = cands[i] if places else replace(cands[i], places=frozenset())
        return all(can_share(cand, cands[j]) for j in group)

    outlets = {doc_id: outlet(doc_id, documents) for doc_id in documents}
    mentions = [c.mention for c in cands]
    cosine, window = config.coarse_join_cosine, config.dispute_join_days
    return join_happenings(groups, mentions, vectors, deeds, documents, outlets, cosine, window, fits)
