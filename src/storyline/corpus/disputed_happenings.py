"""Which happening a dispute over who did it presupposes, and the outlets that back that happening.

"Kyiv says Russian forces destroyed the dam; Moscow denies it" disputes who destroyed the dam, not
that the dam was destroyed: a report of the dispute also tells its reader that the dam was destroyed.
Since denials answer the claim of who did it (``denial_answers``), such reports are events of their
own, apart from the plain report of the happening; this module gives the happening their outlets back,
for the summary's choice of the central happening. Event records are left as they are: an event's
``independent_sources`` still counts the outlets of its own mentions.

  1. a happening is an event with a plain report (reported or confirmed, not a claim) whose deed has
     no doer: "The dam was destroyed early on Tuesday" (``deeds.read_deed``, main clause only);
  2. the disputes are the contested events; their claims and denials that name a doer ("Russian
     forces destroyed the dam") are the deeds whose doer is disputed;
  3. a disputed deed presupposes a happening when it has the happening's verb (by its stem) done to
     the same thing (the head noun of the object: "the Kakhovka dam on the Dnipro" is a "dam"), and
     its event is not dated before the happening;
  4. happenings of one deed with compatible dates are one happening told twice: the event with the
     most independent sources (then the finest date, then the earliest) stands for them;
  5. the backing of a happening is the independent outlets (copies count as their origin) of its
     events and of the disputes that presuppose it;
  6. a dispute ranks below the happening it presupposes: when its own outlets are as many as the
     happening's backing, it counts one fewer (its outlets are among the happening's backers).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from storyline.corpus.deeds import DISPUTING, PLAIN, Deed, MentionKey, story_deeds
from storyline.corpus.lineage import origin_map, outlet
from storyline.corpus.timeline import dates_compatible
from storyline.records import Document, DocumentId, Event, EventId, IsoDate, Story

_ENDING = re.compile(r"(?:ed|en|ing|d|n|s)$")
# Where the noun phrase of an object ends: "the dam on the river", "the dam to pull troops back".
_PHRASE_END = frozenset(
    re.findall(
        r"\w+",
        "of on in at near from to for with by into onto over under across along behind beside "
        "after before during since until and or but while as which who that",
    )
)
_PARTICLES = frozenset(re.findall(r"\w+", "up down off out away apart back"))
_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def verb_stem(verb: str) -> str:
    """A verb without its ending, so that "destroyed", "destroying" and "destroys" meet."""
    return _ENDING.sub("", verb.lower()) if len(verb) > 4 else verb.lower()


def happening_deed(event: Event, deeds: Mapping[MentionKey, Deed]) -> Deed | None:
    """The deed without a doer that a plain report of the event tells (stage 1), if any."""
    for m in event.mentions:
        deed = deeds.get((m.document, m.sentence))
        if m.status in PLAIN and deed is not None and deed.doer is None and not deed.agentive and deed.verb:
            return deed
    return None


def disputed_deeds(event: Event, deeds: Mapping[MentionKey, Deed]) -> list[Deed]:
    """The deeds whose doer a contested event's claims and denials name (stage 2)."""
    if not event.contested:
        return []
    found = (deeds.get((m.document, m.sentence)) for m in event.mentions if m.status in DISPUTING)
    return [d for d in found if d is not None and d.doer is not None and d.act]


def object_head(deed: Deed) -> str | None:
    """The head noun of what a deed was done to: the last word of the phrase after the verb, before a
    preposition or a clause ("blew the dam up from the inside" -> "dam"); None when there is none."""
    words = _WORD.findall(deed.act or "")[1:]
    cut = next((k for k, w in enumerate(words) if w.lower() in _PHRASE_END), len(words))
    phrase = [w.lower() for w in words[:cut]]
    while phrase and phrase[-1] in _PARTICLES:
        phrase.pop()
    return re.sub(r"(?<=[a-z]{3})s$", "", phrase[-1]) if phrase else None


DeedKey = tuple[str, str]


def deed_key(deed: Deed) -> DeedKey | None:
    """The act and what it was done to, as compared: the verb's stem and the object's head noun."""
    head = object_head(deed)
    return (verb_stem(deed.verb), head) if head is not None and deed.verb else None


def same_deed(a: Deed, b: Deed) -> bool:
    """The same act done to the same thing: the verb's stem and the head noun of the object."""
    key = deed_key(a)
    return key is not None and key == deed_key(b)


def not_before(later: IsoDate | None, earlier: IsoDate | None) -> bool:
    """Whether a date may come on or after another: unknown, compatible, or later as written."""
    return later is None or earlier is None or dates_compatible(later, earlier) or later >= earlier


def _stands_for(events: Sequence[Event]) -> Event:
    """The event that stands for one happening told several times (stage 4)."""
    return min(events, key=lambda e: (-e.independent_sources, -len(e.date or ""), e.date or "", e.id))


def _happenings(events: Sequence[Event], deeds: Mapping[MentionKey, Deed]) -> list[tuple[DeedKey, list[Event]]]:
    """Happening events grouped by deed and compatible dates (stages 1 and 4), each with its deed's key."""
    groups: dict[DeedKey, list[list[Event]]] = {}
    for event in events:
        deed = happening_deed(event, deeds)
        key = deed_key(deed) if deed is not None else None
        if key is None:
            continue
        same = groups.setdefault(key, [])
        group = next((g for g in same if all(dates_compatible(e.date, event.date) for e in g)), None)
        if group is None:
            same.append([event])
        else:
            group.append(event)
    return [(key, group) for key, same in groups.items() for group in same]


def _disputes(events: Sequence[Event], deeds: Mapping[MentionKey, Deed]) -> dict[DeedKey, list[Event]]:
    """The contested events by the keys of the deeds whose doer they dispute (stage 2)."""
    found: dict[DeedKey, list[Event]] = {}
    for event in events:
        keys = {k for d in disputed_deeds(event, deeds) if (k := deed_key(d)) is not None}
        for key in keys:
            found.setdefault(key, []).append(event)
    return found


def happening_backing(story: Story) -> dict[EventId, int]:
    """For the event standing for each happening whose disputes add outlets, the number of independent
    outlets that back it (stages 1-5), and for a dispute that would rank with it, one fewer (stage 6);
    other events are not listed."""
    keys = [(m.document, m.sentence) for e in story.events for m in e.mentions if e.contested or m.status in PLAIN]
    deeds = story_deeds(story.documents, keys)
    roots = origin_map(story.derivations)
    documents: Mapping[DocumentId, Document] = {d.id: d for d in story.documents}

    def outlets(events: Sequence[Event]) -> set[str]:
        return {outlet(roots.get(m.document, m.document), documents) for e in events for m in e.mentions}

    disputes = _disputes(story.events, deeds)
    backing: dict[EventId, int] = {}
    for key, group in _happenings(story.events, deeds):
        backers = [e for e in disputes.get(key, []) if all(not_before(e.date, h.date) for h in group)]
        head = _stands_for(group)
        count = len(outlets([*group, *backers]))
        if count > head.independent_sources:
            backing[head.id] = count
        for dispute in backers:
            if dispute.independent_sources >= count:
                backing[dispute.id] = min(backing.get(dispute.id, count), count - 1)
    return backing
