"""Small hand-built figure points and stories shared by the contradictions tests."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.config import FiguresConfig
from storyline.corpus.contradictions import find_contradictions
from storyline.records import Contradiction, Derivation, Document, Event, FigurePoint, FigureSeries, Qualifier, Story


def point(
    value: float, qualifier: Qualifier | None, doc: str, who: str | None = None, date: str = "2022-09-12"
) -> FigurePoint:
    return FigurePoint(date, value, value, value, qualifier, doc, 0, f"{doc} says {value}", doc.upper(), who)


def story_of(
    *docs: Document,
    figures: Sequence[FigureSeries] = (),
    events: Sequence[Event] = (),
    derivations: Sequence[Derivation] = (),
) -> Story:
    return Story(
        id="s",
        title="t",
        documents=docs,
        figures=tuple(figures),
        events=tuple(events),
        derivations=tuple(derivations),
    )


def find(story: Story) -> tuple[Contradiction, ...]:
    return find_contradictions(story, FiguresConfig())
