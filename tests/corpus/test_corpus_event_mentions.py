"""``corpus/event_mentions.py``: the role table the clause speakers are resolved with is the one the
``roles`` stage kept on the story, read again from the reports only for a story that has not been
through that stage."""

from __future__ import annotations

import pytest

from storyline.corpus import event_mentions
from storyline.corpus.event_mentions import story_roles
from storyline.corpus.role_holders import resolve_roles
from storyline.records import Story


def _story(make_doc) -> Story:
    named = make_doc("Mayor Ilse Varga said on Monday that 40 homes in Norrel were flooded.", source="Lisk Herald")
    return Story(id="s", title="s", documents=(named,))


def test_a_story_through_the_roles_stage_gives_the_table_it_kept(make_doc, monkeypatch: pytest.MonkeyPatch):
    story = resolve_roles(_story(make_doc))

    def read_again(_: Story) -> dict[str, str]:
        raise AssertionError("the role table was read again from the reports")

    monkeypatch.setattr(event_mentions, "role_table", read_again)
    assert story_roles(story) == {"mayor": "Ilse Varga"}
    event_mentions.candidates(story)  # reads the kept table, not the reports


def test_a_story_not_through_the_roles_stage_reads_the_table_from_its_reports(make_doc):
    story = _story(make_doc)
    assert story.roles is None
    assert story_roles(story) == {"mayor": "Ilse Varga"}
    assert story_roles(Story(id="s", title="s", documents=story.documents, roles=())) == {}
