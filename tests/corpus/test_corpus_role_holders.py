"""``corpus/role_holders.py``: a role speaker is the one holder of that role the story's reports name;
with no holder named, or two, the role stays the speaker."""

from __future__ import annotations

from dataclasses import replace

from storyline.corpus.role_holders import holder_of, resolve_roles, role_table
from storyline.records import Document, Entity, Story


def _doc(make_doc, text: str, speakers: dict[int, str], people: tuple[str, ...] = ()) -> Document:
    doc = make_doc(text, source="Lisk Herald")
    sentences = []
    for k, s in enumerate(doc.sentences):
        found = tuple(
            Entity(s.start + s.text.index(p), s.start + s.text.index(p) + len(p), p, "PERSON")
            for p in people
            if p in s.text
        )
        sentences.append(
            replace(s, attributed_to=speakers.get(k), status="claimed" if k in speakers else s.status, entities=found)
        )
    return replace(doc, sentences=tuple(sentences))


def _story(*docs: Document) -> Story:
    return Story(id="s", title="s", documents=docs)


def test_a_role_speaker_takes_the_one_holder_another_report_names(make_doc):
    named = _doc(make_doc, "Mayor Ilse Varga said on Monday that 40 homes were flooded.", {0: "Mayor Ilse Varga"})
    role = _doc(make_doc, "The pumps ran all night, according to the mayor.", {0: "the mayor"})
    story = resolve_roles(_story(named, role))
    assert story.documents[1].sentences[0].attributed_to == "Ilse Varga"
    assert story.documents[0].sentences[0].attributed_to == "Mayor Ilse Varga"


def test_a_qualified_role_takes_the_name_as_its_own_report_writes_it(make_doc):
    named = _doc(make_doc, "President Ana Roe said the border was calm.", {0: "President Ana Roe"})
    role = _doc(
        make_doc,
        "Ana Roe said on Sunday that the army had crossed the river. "
        "According to the Dravnian president, troops held the bank.",
        {0: "Ana Roe", 1: "the Dravnian president"},
        people=("Ana Roe",),
    )
    story = resolve_roles(_story(named, role))
    assert story.documents[1].sentences[1].attributed_to == "Ana Roe"


def test_two_holders_of_a_role_leave_the_role_as_the_speaker(make_doc):
    one = _doc(make_doc, "Mayor Ilse Varga said the quay was shut.", {0: "Mayor Ilse Varga"})
    two = _doc(make_doc, "Mayor Petra Lodz said the ferry was late.", {0: "Mayor Petra Lodz"})
    role = _doc(make_doc, "The pumps ran all night, according to the mayor.", {0: "the mayor"})
    story = resolve_roles(_story(one, two, role))
    assert story.documents[2].sentences[0].attributed_to == "the mayor"


def test_no_holder_named_leaves_the_role_as_the_speaker(make_doc):
    role = _doc(make_doc, "The pumps ran all night, according to the mayor.", {0: "the mayor"})
    assert resolve_roles(_story(role)).documents[0].sentences[0].attributed_to == "the mayor"


def test_only_a_role_word_with_at_most_two_words_before_it_is_a_role_speaker():
    table = {"mayor": "Ilse Varga"}
    assert holder_of("the mayor", table) == "Ilse Varga"
    assert holder_of("the Orsk mayor", table) == "Ilse Varga"
    assert holder_of("the deputy mayor", table) is None
    assert holder_of("residents who met the mayor", table) is None
    assert holder_of("the county", table) is None


def test_a_surname_and_the_full_name_are_one_holder(make_doc):
    a = _doc(make_doc, "President Ana Roe spoke on Monday.", {})
    b = _doc(make_doc, "President Roe spoke again on Tuesday.", {})
    assert role_table(_story(a, b)) == {"president": "Ana Roe"}


def test_a_deputy_or_lieutenant_is_no_holder_of_the_role(make_doc):
    a = _doc(make_doc, "Lieutenant Governor Sylvia Kahale signed the order on Tuesday.", {})
    b = _doc(make_doc, "Hanna Orlyk, the deputy minister, toured the port.", {})
    assert role_table(_story(a, b)) == {}


def test_a_profession_speaker_takes_the_one_titled_person_its_own_report_names(make_doc):
    other = _doc(make_doc, "The surgeon Dr Lena Holt said the ward was full.", {0: "Dr Lena Holt"})
    own = _doc(
        make_doc,
        "Dr Piet Arno will return to court on Monday. The surgeon denies leaving the patient alone.",
        {1: "the surgeon"},
        people=("Piet Arno",),
    )
    story = resolve_roles(_story(other, own))
    assert story.documents[1].sentences[1].attributed_to == "Piet Arno"


def test_a_profession_speaker_stays_when_its_report_names_two_titled_people(make_doc):
    own = _doc(
        make_doc,
        "Dr Piet Arno and Dr Lena Holt were both on duty. The surgeon denies leaving the patient alone.",
        {1: "the surgeon"},
    )
    story = resolve_roles(_story(own))
    assert story.documents[0].sentences[1].attributed_to == "the surgeon"


def test_holder_in_reads_the_storys_table_then_the_reports_titled_person(make_doc):
    from storyline.corpus.role_holders import holder_in

    doc = _doc(make_doc, "Dr Ivo Brand said the ward was full. The cardiologist said 12 beds were free.", {})
    assert holder_in("the mayor", {"mayor": "Ilse Varga"}, doc) == "Ilse Varga"
    assert holder_in("the cardiologist", {}, doc) == "Ivo Brand"
    assert holder_in("the deputy mayor", {"mayor": "Ilse Varga"}, doc) is None
    assert holder_in("the surgeon", {}, _doc(make_doc, "The ward was full.", {})) is None


def test_the_story_keeps_the_role_table_it_was_resolved_with(make_doc):
    named = _doc(make_doc, "Mayor Ilse Varga said on Monday that 40 homes were flooded.", {0: "Mayor Ilse Varga"})
    role = _doc(make_doc, "The pumps ran all night, according to the mayor.", {0: "the mayor"})
    assert _story(named, role).roles is None
    assert resolve_roles(_story(named, role)).roles == (("mayor", "Ilse Varga"),)
    assert resolve_roles(_story(role)).roles == ()
