"""The names that tie an event mention to others (``corpus/event_mentions.py``)."""

from __future__ import annotations

from dataclasses import replace

from test_corpus_events import WordEncoder

from storyline.config import EventsConfig
from storyline.corpus import events as ev
from storyline.corpus.event_mentions import party_names
from storyline.records import Document, Entity, Story


def _entity(text: str, label: str) -> Entity:
    return Entity(0, len(text), text, label)


def test_an_organisation_is_named_by_its_acronym_too():
    names = party_names([_entity("the Meridian Health Agency", "ORG")])
    assert names == {"meridian health agency", "mha"}


def test_a_persons_initials_are_no_name_of_theirs():
    assert party_names([_entity("Lena Ortiz", "PERSON")]) == {"lena ortiz"}


def _named(doc: Document, name: str, label: str, day: str) -> Document:
    s = doc.sentences[0]
    at = s.start + s.text.index(name)
    new = replace(s, entities=(Entity(at, at + len(name), name, label),), event_date=day)
    return replace(doc, sentences=(new, *doc.sentences[1:]))


def _events(*docs: Document) -> tuple[ev.Event, ...]:
    story = Story(id="s", title="t", documents=docs)
    return ev.find_events(story, WordEncoder(), EventsConfig())


# Two wordings of one raise of an alert level on one day, under the bar for reports that share no name
# (``no_entity_cosine``) but over the bar for those that do: the body in full in one, its acronym in the other.
_FULL = "The Meridian Health Agency raised its regional alert level to phase five on Wednesday night in a statement."
_SHORT = "On Wednesday the MHA raised the regional alert level to phase five, warning that an outbreak was near."


def test_a_body_named_in_full_and_by_its_acronym_tells_one_happening(make_doc):
    a = _named(make_doc(_FULL, source="A", published="2031-03-06"), "Meridian Health Agency", "ORG", "2031-03-05")
    b = _named(make_doc(_SHORT, source="B", published="2031-03-06"), "MHA", "ORG", "2031-03-05")
    assert len(_events(a, b)) == 1


def test_another_body_whose_initials_differ_keeps_its_happening_apart(make_doc):
    a = _named(make_doc(_FULL, source="A", published="2031-03-06"), "Meridian Health Agency", "ORG", "2031-03-05")
    b = _named(make_doc(_SHORT.replace("MHA", "NHB"), source="B", published="2031-03-06"), "NHB", "ORG", "2031-03-05")
    assert len(_events(a, b)) == 2
