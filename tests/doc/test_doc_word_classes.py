"""The shipped word-class table (``doc/word_classes.tsv``)."""

from __future__ import annotations

from storyline.doc.word_classes import SIZES, TABLE_FILE, classes_of


def test_every_known_word_has_one_class_per_size() -> None:
    found = classes_of("said")
    assert [c.split(":")[0] for c in found] == [str(size) for size in SIZES]


def test_verbs_of_saying_share_their_finest_class() -> None:
    assert classes_of("said")[-1] == classes_of("conceded")[-1] == classes_of("lamented")[-1]
    assert classes_of("said")[-1] != classes_of("bridge")[-1]


def test_lookup_ignores_case_and_a_word_outside_the_table_has_no_class() -> None:
    assert classes_of("Said") == classes_of("said")
    assert classes_of("zzqxv") == ()


def test_the_table_stays_small() -> None:
    assert TABLE_FILE.stat().st_size < 2_000_000
