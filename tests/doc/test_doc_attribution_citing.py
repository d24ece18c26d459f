from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.config import Config
from storyline.doc.attribution import attribute_document
from storyline.doc.attribution_citing import relayed
from storyline.records import Attribution, Sentence, Token

OUTLET = "Meridian Wire"

# "Harbor radio , citing an official , said ferries stopped ." as the small model once parsed the
# Kharkiv report: "citing" hung as a preposition on the comma after the subject.
_TEXT = "Harbor radio, citing an official, said ferries stopped."
_TOKENS = (
    Token(0, 6, "Harbor", "Harbor", "PROPN", "NNP", "compound", 1),
    Token(7, 12, "radio", "radio", "NOUN", "NN", "nsubj", 8),
    Token(12, 13, ",", ",", "PUNCT", ",", "punct", 8),
    Token(14, 20, "citing", "cite", "VERB", "VBG", "prep", 2),
    Token(21, 23, "an", "an", "DET", "DT", "det", 5),
    Token(24, 32, "official", "official", "NOUN", "NN", "dobj", 3),
    Token(32, 33, ",", ",", "PUNCT", ",", "punct", 8),
    Token(34, 38, "said", "say", "VERB", "VBD", "ROOT", 8),
    Token(39, 46, "ferries", "ferry", "NOUN", "NNS", "nsubj", 10),
    Token(47, 54, "stopped", "stop", "VERB", "VBD", "ccomp", 8),
    Token(54, 55, ".", ".", "PUNCT", ".", "punct", 8),
)


def test_citing_hung_on_a_comma_is_sourced_to_the_report_it_belongs_to():
    sentence = Sentence(index=0, start=0, end=len(_TEXT), text=_TEXT, paragraph=0, tokens=_TOKENS)
    said = Attribution(cue=(34, 38), content=(39, 54), source=(0, 12), speaker="Harbor radio")
    claims, stances = relayed(sentence, [said], [])
    assert claims == [replace(said, via="an official")]
    assert stances == [Attribution(cue=(14, 20), content=(21, 32), source=(0, 12), speaker="Harbor radio")]


def test_citing_inside_a_quotation_is_left_to_the_quoted_speaker():
    sentence = Sentence(index=0, start=0, end=len(_TEXT), text=_TEXT, paragraph=0, tokens=_TOKENS)
    said = Attribution(cue=(34, 38), content=(39, 54), source=(0, 12), speaker="Harbor radio")
    assert relayed(sentence, [said], [], quoted=[(0, 33)]) == ([said], [])


# With the real parse ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def parse():
    from storyline.doc import nlp

    return nlp.build(Config())


def attributions(parse, make_doc, text: str) -> list[tuple[str | None, str, str, str | None]]:
    """(source, cue, content, via) of each attribution the rules find, without the learned layers."""
    doc = attribute_document(parse(make_doc(text, source=OUTLET)))
    cut = doc.text.__getitem__
    return [
        (cut(slice(*a.source)) if a.source else None, cut(slice(*a.cue)), cut(slice(*a.content)), a.via)
        for s in doc.sentences
        for a in s.attributions
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Harbor radio, citing an unnamed official in the port authority, said ferries would stop on Monday.",
        "Citing an unnamed official in the port authority, Harbor radio said ferries would stop on Monday.",
        "Ferries would stop on Monday, Harbor radio said, citing an unnamed official in the port authority.",
    ],
)
def test_the_citer_is_the_source_and_the_cited_official_the_via(parse, make_doc, text):
    got = {cue.lower(): (source, via) for source, cue, _, via in attributions(parse, make_doc, text)}
    official = "an unnamed official in the port authority"
    assert got["said"] == ("Harbor radio", official)
    assert got["citing"] == ("Harbor radio", None)


@pytest.mark.model
def test_citing_a_reason_names_the_subject_of_its_clause_and_no_via(parse, make_doc):
    got = attributions(parse, make_doc, "The ferry operator suspended all crossings on Sunday, citing high winds.")
    assert got == [("The ferry operator", "citing", "high winds", None)]


@pytest.mark.model
def test_the_status_stays_with_the_citer(parse, make_doc):
    text = "Harbor radio, citing an unnamed official in the port authority, said ferries would stop on Monday."
    doc = attribute_document(parse(make_doc(text, source=OUTLET)))
    assert (doc.sentences[0].status, doc.sentences[0].attributed_to) == ("claimed", "Harbor radio")
