"""One series per giver when the givers of a measure disagree: each side's toll of its own bank, not
one line that jumps between them.

The points of a measure are grouped by who gives them (the sentence's speaker, cut to its head, "the
ministry" of "the ministry in Kyiv"; else the outlet) and by the scope the sentence names ("on the
left bank", "in Kyiv-held areas"). Groups are then joined greedily, the largest first, while they
agree, into a group of the same giver when one agrees. Two explicit scopes never agree; for a count of
the dead, which only rises, two givers disagree when one gives a lower toll after the other's higher
one for the same places and subject (``figure_scope``: Mexico's toll after the world's is another
count, not a disagreement). Two values of one day are left in one series, for the contradictions
stage to set against each other. When every group joins, the measure keeps one unlabelled series;
otherwise each series is named after its scope and givers: "killed, left bank (Russian-installed
officials)". Counts of single incidents of a rising toll ("9 killed in the shelling on Sunday",
``figure_incidents``) are one series of their own, "killed, single incidents (...)", never set against
the toll.

A figure cited in a relative clause after it is the giver's whoever speaks in the sentence: "the 480
hectares that the harbour board gave on Monday" is the board's (``relative_giver``); the figures
stage takes that giver as the point's ``attributed_to`` ahead of the sentence's speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.corpus.figure_incidents import one_incident
from storyline.corpus.figure_scope import same_scope
from storyline.records import FigurePoint, Quantity, Sentence
from storyline.time.iso_dates import day_of

# Measures whose running total never falls: a lower figure after a higher one is another count.
RISING = frozenset({"killed"})
INCIDENTS = "single incidents"  # the scope of a rising measure's series of counts of one incident each
UNATTRIBUTED = "mostly unattributed"  # the label of a series whose points mostly name no giver and no outlet
MAX_NAMED = 2  # givers named in a series label; more are "and others"
MAX_GIVER_WORDS = 6  # a longer speaker head is a misread clause, not a name
# A side of a river or front ("the left bank", "the Russian-held left bank", "the eastern side").
_SIDE = re.compile(
    r"\b(?:on|from|along|of)\s+the\s+(?:[\w-]+\s+){0,2}?"
    r"((?:left|right|east|west|north|south|eastern|western|northern|southern)\s+(?:bank|side|shore))\b",
    re.IGNORECASE,
)
# Territory named by who holds it: "Ukrainian-held areas", "areas held by Ukraine".
_HELD_BEFORE = re.compile(r"\b([A-Z][\w]*-(?:held|controlled|occupied))\s+(?:areas?|territor(?:y|ies)|parts?)\b")
_HELD_AFTER = re.compile(
    r"\b(?i:areas?|territor(?:y|ies)|parts?)\s+(held|controlled|occupied)\s+by\s+(?:the\s+)?([A-Z]\w*)"
)
# Where a speaker's head phrase ends: "officials in the occupied part", "the governor of the region".
_HEAD_END = re.compile(r",|\s+(?:(?i:in|on|at|of|from|for|with|and)|who|which|that)\s+")  # "WHO" is no "who"
_ACCORDING = re.compile(r"^according\s+to\s+", re.IGNORECASE)
# A document or a count as the speaker: "the WHO's latest tally", "some estimates", "its latest figures".
_DOCUMENT = re.compile(
    r"\b(?:tall(?:y|ies)|figures?|estimates?|statements?|data|reports?|counts?|toll|numbers|statistics|records)$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?$")
_THE = re.compile(r"^the\s+")
_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})

_LABEL_TAIL = re.compile(r",\s|\s\(")


@dataclass(frozen=True)
class Group:
    """The points one giver (or several that agree) gives of a measure, within one scope."""

    givers: tuple[str, ...]
    scope: str | None
    points: tuple[FigurePoint, ...]


def scope_of(text: str) -> str | None:
    """The part of the ground a figure's sentence names: "left bank", "Ukrainian-held", or None."""
    if m := _SIDE.search(text):
        return m.group(1).lower()
    if m := _HELD_BEFORE.search(text):
        return m.group(1)
    if m := _HELD_AFTER.search(text):
        return f"{m.group(2)}-{m.group(1).lower()}"
    return None


def giver_of(point: FigurePoint) -> str:
    """Who gives a figure: its speaker's head phrase, else its outlet, else "". A head phrase that
    cannot be a name (a digit, or more than ``MAX_GIVER_WORDS`` words: a misread clause such as "The
    virus produced less than 300 ...") is not shown to a reader; the outlet stands in for it. A tally or
    an estimate is given by whoever owns it ("the WHO's latest tally" is the WHO's), and one without a
    named owner ("some estimates", "its latest figures", "the main misleading statement") by the outlet."""
    if point.attributed_to:
        head = _HEAD_END.split(_ACCORDING.sub("", point.attributed_to.strip()), maxsplit=1)[0].strip()
        head = document_owner(head) if _DOCUMENT.search(head) else head
        if head and len(head.split()) <= MAX_GIVER_WORDS and not any(c.isdigit() for c in head):
            return head
    return point.source or ""


def giver_key(giver: str) -> str:
    """A giver as compared: any case, without a leading "the" ("The WHO" and "WHO" are one giver)."""
    return _THE.sub("", giver.casefold())


def document_owner(phrase: str) -> str:
    """Who owns a document a phrase names: its possessor ("the WHO's latest tally" -> "the WHO"), else the
    names before it ("the latest WHO tally" -> "WHO"); "" when none is named or the owner is a pronoun."""
    words = phrase.split()
    owned = next((i for i, w in enumerate(words) if _POSSESSIVE.search(w)), None)
    if owned is not None:
        owner = " ".join([*words[:owned], _POSSESSIVE.sub("", words[owned])])
        return "" if owner.lower() in _PRONOUNS else owner
    first = [w for w in words[:1] if w.isupper() and len(w) > 1]  # "WHO figures"; "Some estimates" names no one
    return " ".join(first + [w for w in words[1:-1] if w[:1].isupper()])


def split_by_giver(measure: str, points: Sequence[FigurePoint]) -> list[tuple[str, tuple[FigurePoint, ...]]]:
    """(label, points) for each series of a measure: one ``measure`` series when its givers agree,
    else one per group of givers that agree, labelled by scope and givers (see the module docstring).
    Of a rising toll, the counts of single incidents (``one_incident``) are one series of their own,
    "killed, single incidents (...)": they are no toll, and no lower one after a higher is a fall."""
    rising = measure in RISING
    single = [rising and one_incident(p.text) for p in points]
    incidents = tuple(p for p, one in zip(points, single, strict=True) if one)
    rest = [p for p, one in zip(points, single, strict=True) if not one]
    groups = _merge(_initial_groups(rest), rising=rising)
    if incidents:
        givers = tuple(dict.fromkeys(g for p in incidents if (g := giver_of(p))))
        groups.append(Group(givers, INCIDENTS, incidents))
    if len(groups) == 1 and groups[0].scope != INCIDENTS:
        return [(measure, groups[0].points)]
    labels = [_label(measure, g) for g in groups]
    # two series of the same givers and scope (a giver's own toll that fell) are told apart by number
    unique = [f"{x} {labels[:i].count(x) + 1}" if x in labels[:i] else x for i, x in enumerate(labels)]
    return list(zip(unique, (g.points for g in groups), strict=True))


def _initial_groups(points: Sequence[FigurePoint]) -> list[Group]:
    """One group per giver and scope, in the order of first appearance."""
    keyed: dict[tuple[str, str | None], list[FigurePoint]] = {}
    names: dict[tuple[str, str | None], str] = {}
    for p in points:
        giver = giver_of(p)
        key = (giver_key(giver), scope_of(p.text))
        keyed.setdefault(key, []).append(p)
        names.setdefault(key, giver)
    return [Group((names[k],) if names[k] else (), k[1], tuple(ps)) for k, ps in keyed.items()]


def _merge(groups: list[Group], rising: bool) -> list[Group]:
    """Join groups greedily, the largest and earliest first, into the first group they agree with that
    has one of their givers, else into the first they agree with."""
    merged: list[Group] = []
    for g in sorted(groups, key=lambda g: -len(g.points)):  # stable: first appearance breaks ties
        fits = [i for i, m in enumerate(merged) if _agree(m, g, rising)]
        mine = {giver_key(x) for x in g.givers}
        target = next((i for i in fits if mine & {giver_key(x) for x in merged[i].givers}), fits[0] if fits else None)
        if target is None:
            merged.append(g)
            continue
        m = merged[target]
        givers = m.givers + tuple(x for x in g.givers if giver_key(x) not in {giver_key(y) for y in m.givers})
        merged[target] = Group(givers, m.scope or g.scope, m.points + g.points)
    return merged


def _agree(a: Group, b: Group, rising: bool) -> bool:
    """True when two groups can be one series: no two explicit scopes and, for a rising measure, no
    lower figure after a higher one. Two values of one day stay in one series, where the contradictions
    stage can set them against each other."""
    if a.scope and b.scope and a.scope != b.scope:
        return False
    if not rising:
        return True
    pairs = [
        (p, q)
        for p in a.points
        for q in b.points
        if _is_day(p.date)
        and _is_day(q.date)
        and p.firm
        and q.firm  # a forecast may be lower than today's figure, a suspected toll higher
        and same_scope(p.places, q.places, p.subject, q.subject)
    ]
    return not any(_falls(p, q) or _falls(q, p) for p, q in pairs)


def _is_day(date: str | None) -> bool:
    return day_of(date, coarse=None) is not None


def _falls(earlier: FigurePoint, later: FigurePoint) -> bool:
    """True when ``later``, given on a later day, is lower than ``earlier``."""
    return (later.date or "") > (earlier.date or "") and later.value < earlier.value


def base_measure(label: str) -> str:
    """The measure a series label names, without its scope and givers: "killed" of "killed, left bank
    (the council)"."""
    return _LABEL_TAIL.split(label, maxsplit=1)[0]


def label_scope(label: str) -> str | None:
    """The scope a series label names: "left bank" of "killed, left bank (the council)"; None for a
    label without one ("killed (the ministry)": a giver's count of the same places as the others')."""
    rest = label[len(base_measure(label)) :]
    return (rest[2:].split(" (", 1)[0] or None) if rest.startswith(", ") else None


def _label(measure: str, group: Group) -> str:
    """ "killed, left bank (Russian-installed officials)": the measure, its scope, and its givers, the
    two that give most points named ("killed (the ministry, the army and others)"); "killed (mostly
    unattributed)" when fewer than half its points name a giver or an outlet."""
    head = f"{measure}, {group.scope}" if group.scope else measure
    counts = {g: sum(giver_key(giver_of(p)) == giver_key(g) for p in group.points) for g in group.givers}
    named = sorted(group.givers, key=lambda g: -counts[g])[:MAX_NAMED]  # stable: first given breaks ties
    if not named:
        return head
    if 2 * sum(counts.values()) < len(group.points):  # a few passing speakers do not stand for the series
        return f"{head} ({UNATTRIBUTED})"
    if len(group.givers) > MAX_NAMED:
        return f"{head} ({', '.join(named)} and others)"
    return f"{head} ({' and '.join(named)})"


# A figure cited in a relative clause: "the 480 hectares that the harbour board gave".

_GIVING = (
    r"(?:gave|given|put|reported|cited|announced|estimated|published|released|issued|quoted|offered|provided|"
    r"stated|claimed|gives|puts|reports|cites|estimates)"
)
# After the figure: an optional conversion in brackets, then "that/which <giver> [had] <verb of giving>".
_GIVEN_BY = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:that|which)\s+(?P<who>[A-Za-z][\w’'.-]*(?:\s+[\w’'.-]+){0,5}?)\s+"
    rf"(?:had\s+|have\s+|has\s+|were\s+|was\s+)?(?:first\s+|earlier\s+|previously\s+)?{_GIVING}\b"
)
_NOT_A_GIVER = re.compile(r"^(?:it|we|i|you|they|he|she|this|that|there|who)$", re.I)


def relative_giver(sentence: Sentence, quantity: Quantity) -> str | None:
    """The giver named in a relative clause right after the figure ("that Ukrainian officials gave"),
    else None; a pronoun is no giver (the sentence's speaker is then the better guess)."""
    match = _GIVEN_BY.match(sentence.text[max(quantity.end - sentence.start, 0) :])
    if match is None or _NOT_A_GIVER.match(match.group("who")):
        return None
    return re.sub(r"^The (?=[a-z])", "the ", match.group("who"))
