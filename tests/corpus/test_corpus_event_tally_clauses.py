"""``corpus/event_tally_clauses.py``: a running tally told beside a happening dated by its own words is two
mentions, the tally dated by its report and the happening by its own day; on made-up reports of an
outbreak in a made-up town. Sentences are dated by the real time stage."""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.corpus.event_mentions import candidates
from storyline.corpus.event_tallies import mark_tallies
from storyline.corpus.event_tally_clauses import tally_clauses
from storyline.doc.time import tag_document
from storyline.records import Document, Entity, Quantity, Sentence, Story

_NUMBER = re.compile(r"\d+")
PUBLISHED = "2024-05-04"  # a Saturday: "on Friday" is May 3
SHUT = "The fever has sickened up to 40 people in Calder Bay and the health board shut the harbour market on Friday."


def _report(make_doc, text: str, verbs: tuple[str, ...], noun: str = "people") -> Document:
    """A report of ``PUBLISHED`` whose one sentence is dated by the time stage, with its first number
    counted as ``noun``, ``verbs`` as its verbs of action and "Calder Bay" as a place."""
    doc = tag_document(make_doc(text, published=PUBLISHED, source="Wire"))
    s = doc.sentences[0]
    m = _NUMBER.search(s.text)
    assert m is not None
    value = float(m.group())
    count = Quantity(s.start + m.start(), s.start + m.end(), m.group(), value, value, value, "count", None, None, noun)
    at = s.text.index("Calder Bay")
    place = Entity(s.start + at, s.start + at + len("Calder Bay"), "Calder Bay", "GPE")
    actions = tuple(s.text.index(v) for v in verbs)
    s = replace(s, quantities=(count,), actions=actions, action=True, entities=(place,))
    return replace(doc, sentences=(s,))


def _first(doc: Document) -> Sentence:
    return doc.sentences[0]


def test_a_running_tally_beside_a_dated_happening_is_a_clause_dated_by_its_report(make_doc):
    doc = _report(make_doc, SHUT, ("sickened", "shut"))
    tally, happening = tally_clauses(_first(doc), doc.published)
    assert tally.text == "The fever has sickened up to 40 people in Calder Bay"
    assert (tally.date, tally.by_report) == (PUBLISHED, True)
    assert happening.text == "the health board shut the harbour market on Friday"
    assert (happening.date, happening.by_report) == ("2024-05-03", False)


def test_only_an_opening_tally_beside_a_clause_dated_to_a_day_by_its_own_words_is_split(make_doc):
    for text, verbs in (
        ("The fever has sickened up to 40 people in Calder Bay and Port Elm, officials said on Friday.", ("sickened",)),
        ("The fever has sickened up to 40 people in Calder Bay and the officials said so on Friday.", ("sickened",)),
        ("The fever has sickened up to 40 people in Calder Bay and the toll has risen to 50 since Friday.",
         ("sickened", "risen")),
        ("The fever sickened 40 people in Calder Bay and the health board shut the harbour market on Friday.",
         ("sickened", "shut")),
        ("A count released on Friday by town and health board staff found 40 people in Calder Bay have fallen ill.",
         ("released", "found")),
        ("The health board shut the harbour market on Friday, and the fever has sickened 40 people in Calder Bay.",
         ("shut", "sickened")),
        ("The fever has sickened up to 40 people in Calder Bay and the health board shut the harbour market in 2023.",
         ("sickened", "shut")),
        ("The fever has sickened up to 40 people in Calder Bay, and that the board shut the market on Friday.",
         ("sickened", "shut")),
    ):  # fmt: skip
        doc = _report(make_doc, text, verbs)
        assert tally_clauses(_first(doc), doc.published) == (), text


def test_the_tally_clause_is_a_mention_of_its_reports_day_marked_as_a_tally(make_doc):
    doc = _report(make_doc, SHUT, ("sickened", "shut"))
    found = mark_tallies(candidates(Story(id="s", title="t", documents=(doc,))), {doc.id: doc})
    tally, happening = found
    assert (tally.mention.date, tally.mention.date_fallback) == (PUBLISHED, True)
    assert tally.tally and tally.borrowed
    assert (happening.mention.date, happening.mention.date_fallback, happening.tally) == ("2024-05-03", False, False)
    assert happening.mention.clause == SHUT.index("the health board")
