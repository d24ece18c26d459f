from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.records import Attribution, Sentence, changed


def _sentence() -> Sentence:
    said = Attribution(cue=(5, 9), content=(10, 20), source=(0, 4), speaker="Rusk")
    return Sentence(index=2, start=40, end=61, text="Rusk said the quay is shut.", paragraph=1, attributions=(said,))


def test_changed_makes_the_record_replace_makes_and_leaves_the_old_one_alone() -> None:
    old = _sentence()
    new = changed(old, status="claimed", attributed_to="Rusk", attributions=())
    assert new == replace(old, status="claimed", attributed_to="Rusk", attributions=())
    assert type(new) is Sentence and new is not old
    assert old.status == "reported" and old.attributions and old.attributed_to is None


def test_changed_refuses_a_field_the_record_does_not_declare() -> None:
    with pytest.raises(TypeError, match="no field speaker"):
        changed(_sentence(), speaker="Rusk")
