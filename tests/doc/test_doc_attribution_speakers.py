from __future__ import annotations

from storyline.doc.attribution_speakers import names_speaker


def test_a_source_names_the_speaker_by_the_same_name_a_pronoun_a_role_or_a_surname() -> None:
    assert names_speaker("The harbour board", "the harbour board")
    assert names_speaker("she", "Ann Roe")
    assert names_speaker("the governor", "Ann Roe")
    assert names_speaker("Roe", "Gov. Ann Roe")


def test_a_source_of_someone_else_does_not_name_the_speaker() -> None:
    assert not names_speaker("the union", "the harbour board")
    assert not names_speaker("Supporters of Roe", "Ann Roe")
    assert not names_speaker(None, "Ann Roe")
    assert not names_speaker("the union", None)
