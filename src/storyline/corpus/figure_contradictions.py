"""Rival figures: two values of one measure on one date whose ranges cannot both hold, told by
different reports that are no copies of each other (the "figure" kind of ``contradictions``)."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from storyline.config import FiguresConfig
from storyline.corpus.deeds import party_key
from storyline.corpus.figure_casualties import BURIED, told_as_confirmed
from storyline.corpus.figure_givers import base_measure
from storyline.corpus.figure_money import MONEY_NOUNS
from storyline.corpus.figure_rounding import rounded_interval, written_values
from storyline.corpus.figure_scope import is_elsewhere, is_part, marks, same_scope
from storyline.corpus.figures import STAFF
from storyline.corpus.lineage import Lineage
from storyline.corpus.opinion import is_opinion_piece, readers_from
from storyline.records import Contradiction, Document, FigurePoint, FigureSeries, IsoDate, MentionRef


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
    body's own dead or missing ("killed, staff and members") are told by part, by nation or unit: no rivals. A
    named group's ("killed, soldiers") are rivals within their own series only: two sides' counts of one day's dead
    soldiers may well contradict."""
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


def confirmed_part(measure: str, a: FigurePoint, b: FigurePoint, margin: float) -> bool:
    """Whether the smaller of two counts of the dead, injured or missing is told as confirmed and the larger is
    not (``figure_casualties.told_as_confirmed``): "officials have confirmed 20 deaths" is the part verified so
    far of "the virus has killed 81", no rival of it. Two confirmed counts are rivals."""
    if base_measure(measure) not in _COUNTED_AS_OF_REPORT:
        return False
    small, large = sorted((a, b), key=lambda p: interval(p, margin)[1])
    if interval(small, margin)[1] >= interval(large, margin)[0]:
        return False
    return told_as_confirmed(small.text, small.value) and not told_as_confirmed(large.text, large.value)


# A running total: "since the siege began", "so far", "in all", "have been shelling ..., resulting in".
_RUNNING_TOTAL = re.compile(
    r"\b(?:since|so\s+far|to\s+date|in\s+all|in\s+total|all\s+told|overall|cumulative"
    r"|(?:have|has)\s+been\s+[a-z]+ing)\b",
    re.IGNORECASE,
)


def day_toll_of_total(measure: str, a: FigurePoint, b: FigurePoint, margin: float) -> bool:
    """Whether the smaller of two counts of the dead, injured or missing is one day's toll and the larger a
    running total: the smaller's sentence dates it to a day by its own words (``FigurePoint.own_day``: "four were
    killed Wednesday"), the larger's names no day and tells a total that runs ("have been shelling the town,
    killing at least 27", "since the siege began"). The day's dead are a part of the total, not a rival count."""
    if base_measure(measure) not in _COUNTED_AS_OF_REPORT:
        return False
    small, large = sorted((a, b), key=lambda p: interval(p, margin)[1])
    if interval(small, margin)[1] >= interval(large, margin)[0]:
        return False
    return small.own_day and not large.own_day and bool(_RUNNING_TOTAL.search(large.text))


def round_agrees(measure: str, a: FigurePoint, b: FigurePoint, margin: float) -> bool:
    """Whether one figure falls within the rounding of the other, read to its last significant digit
    (``figure_rounding``): "5m barrels" against "4.9m barrels", "200 million gallons" against "206 million".
    Only figures told with a magnitude word and one or two significant digits are round, and they stand for no
    more than half what "about" allows (a writer who means "about" says so): "10 thousand" and "11 thousand" still
    disagree. Counts of the dead, injured or missing are told to the person and never read as round: "200
    dead" against "240 dead" is a disagreement a reader must see."""
    if base_measure(measure) in _COUNTED_AS_OF_REPORT:
        return False
    for rough, other in ((a, b), (b, a)):
        (lo, hi), (olo, ohi) = rounded_interval(rough, margin / 2), interval(other, margin)
        if lo <= ohi and olo <= hi:
            return True
    return False


# A change told with its start and its end: "from 1,000 barrels a day to 19,000", "from about 5,000 to 12,000".
_CHANGE = re.compile(
    r"\bfrom\s+(?:[a-z]+\s+)?(\d[\d,]*(?:\.\d+)?)\b[^;\d]{0,40}?\bto\s+(?:[a-z]+\s+)?(\d[\d,]*(?:\.\d+)?)",
    re.IGNORECASE,
)


def told_as_its_start(a: FigurePoint, b: FigurePoint, margin: float) -> bool:
    """Whether two figures dated to one month or year, not a day, are a change and its start: one's own sentence
    tells the change it ends from a value the other fits ("estimates rose from 1,000 barrels a day to 19,000 by
    late May" against "the 1,000 barrels a day cited in early May"). The reports agree on the value before the
    change, and a month's date cannot tell early from late; two figures of one day still disagree."""
    if a.date is None or len(a.date) == len("2010-05-20"):
        return False
    for end, start in ((a, b), (b, a)):
        low, high = interval(start, margin)
        for m in _CHANGE.finditer(end.text):
            new, old = written_values(m.group(2)), written_values(m.group(1))
            if any(math.isclose(v, end.value, rel_tol=1e-6) for v in new) and any(low <= v <= high for v in old):
                return True
    return False


def told_elsewhere(measure: str, a: FigurePoint, b: FigurePoint, main: frozenset[str]) -> bool:
    """Whether one of two counts of the dead, injured or missing is told for another country than the
    story's and the other is not (``figure_scope.is_elsewhere``): a round-up's "19 killed in Ostmark" is no
    rival of a toll of Valdoria's war."""
    if base_measure(measure) not in _COUNTED_AS_OF_REPORT:
        return False
    return is_elsewhere(a.places, main) != is_elsewhere(b.places, main)


def both_tell_both(a: FigurePoint, b: FigurePoint, points: Sequence[FigurePoint], margin: float) -> bool:
    """Whether each of two figures' reports also tells a figure agreeing with the other's, on the same day and
    measure (``points``): two reports that both say "15,800 barrels on Wednesday, up on 15,010 the day before"
    agree; two values of one report are two things it tells, not a disagreement between reports."""

    def tells(document: str, other: FigurePoint) -> bool:
        return any(p.document == document and overlap(p, other, margin) for p in points)

    return tells(a.document, b) and tells(b.document, a)


_FLOORS = frozenset({"at least", "more than"})


def risen_in_its_report(a: FigurePoint, b: FigurePoint, points: Sequence[FigurePoint], margin: float) -> bool:
    """Whether the larger of two counts of one day is a floor ("at least 40") whose own report also tells a floor
    the smaller fits ("at least 15 died, a doctor said ... At least 40 were killed, the doctor said"): that report
    tells the count rising through the day, and the smaller is its earlier step, no rival."""
    small, large = sorted((a, b), key=lambda p: interval(p, margin)[1])
    if large.qualifier not in _FLOORS:
        return False
    return any(
        p.document == large.document and p is not large and p.qualifier in _FLOORS and overlap(p, small, margin)
        for p in points
    )


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
    whole (``is_part_of``), nor a count for another country against one of the story's (``told_elsewhere``),
    nor one day's toll against a running total (``day_toll_of_total``), nor a count told as confirmed against a
    larger one told without the word (``confirmed_part``), nor two figures each report tells both of
    (``both_tell_both``), nor a count its rival's report tells as an earlier floor of a rising count
    (``risen_in_its_report``), nor a round figure and a precise one within its rounding (``round_agrees``), nor a
    change's end and a value its sentence tells it changed from (``told_as_its_start``),
    nor a figure of an opinion piece
    (``opinion.is_opinion_piece``: a column's argument or its readers' replies) or of a page's lines after it says
    its readers' views follow (``opinion.readers_from``). The same two figures of one
    measure and day, told again by other reports ("1.5 million homeless" in three reports against one "500,000"),
    are one contradiction, the first pair's.
    """
    opinions_from = {doc_id: _opinion_from(doc) for doc_id, doc in lineage.documents.items()}
    told: set[tuple[str, IsoDate, frozenset[str]]] = set()
    for s in series:
        by_date: dict[IsoDate, list[FigurePoint]] = defaultdict(list)
        for p in s.points:
            if p.date is not None and p.firm and p.sentence < opinions_from.get(p.document, math.inf):
                by_date[p.date].append(p)
        for date, points in sorted(by_date.items()):
            for a, b in combinations(points, 2):
                if a.document == b.document or not comparable(a, b) or overlap(a, b, config.about_margin):
                    continue
                if not rivals(s.measure, a, b, lineage) or is_part_of(s.measure, a, b, main, config.about_margin):
                    continue
                if round_agrees(s.measure, a, b, config.about_margin) or told_as_its_start(a, b, config.about_margin):
                    continue
                if told_elsewhere(s.measure, a, b, main) or day_toll_of_total(s.measure, a, b, config.about_margin):
                    continue
                if confirmed_part(s.measure, a, b, config.about_margin):
                    continue
                if both_tell_both(a, b, points, config.about_margin) or risen_in_its_report(
                    a, b, points, config.about_margin
                ):
                    continue
                clash = (s.measure, date, frozenset({describe(a, s.unit), describe(b, s.unit)}))
                if clash not in told and not lineage.is_copy((a.document, a.text), (b.document, b.text)):
                    told.add(clash)
                    yield _figure_contradiction(s, date, a, b, lineage)


def _opinion_from(doc: Document) -> float:
    """The first sentence of a document that tells opinions, no measured figures: 0 for an opinion piece, its
    readers' replies' first line (``opinion.readers_from``), or none (infinity)."""
    if is_opinion_piece(doc):
        return 0
    start = readers_from(doc)
    return math.inf if start is None else start


def _figure_contradiction(
    s: FigureSeries, date: IsoDate, a: FigurePoint, b: FigurePoint, lineage: Lineage
) -> Contradiction:
    who_a, who_b = (p.attributed_to or p.source or p.document for p in (a, b))
    note = f"{s.measure} on {date}: {describe(a, s.unit)} ({who_a}) vs {describe(b, s.unit)} ({who_b})"
    refs = (MentionRef(a.document, a.sentence, a.text), MentionRef(b.document, b.sentence, b.text))
    return Contradiction(kind="figure", mentions=refs, note=note)
