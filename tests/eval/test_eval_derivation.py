from __future__ import annotations

import random

import pytest

from storyline.config import DerivationConfig
from storyline.errors import InputError
from storyline.eval import derivation_set
from storyline.eval.derivation import (
    EXAMPLES,
    Truth,
    derivation_report,
    make_encoder,
    run_size,
    score,
    sentences_of,
)
from storyline.eval.derivation_set import BaseReport, generate, load_bases, rephrase
from storyline.records import Derivation

# Floor for the example-only run below (measured: overall F1 0.90 on 60 reports, seed 11); lower it only
# in a commit of its own, with the reason.
EXAMPLE_F1_FLOOR = 0.9


@pytest.fixture(scope="module")
def example_bases() -> list[BaseReport]:
    return load_bases(EXAMPLES, None)


def test_generator_is_deterministic_for_a_seed(example_bases: list[BaseReport]) -> None:
    assert generate(example_bases, 60, seed=3) == generate(example_bases, 60, seed=3)
    assert generate(example_bases, 60, seed=3) != generate(example_bases, 60, seed=4)


def test_every_kind_is_produced_labelled_and_published_no_earlier(example_bases: list[BaseReport]) -> None:
    reports = generate(example_bases, 200, seed=5)
    assert {r.kind for r in reports} == {"original", "exact", "junk", "trimmed", "excerpt", "rewrite"}
    for report in reports:
        if report.origin is None:
            assert report.relation is None
            continue
        origin = reports[report.origin]
        assert origin.kind == "original"
        assert report.published >= origin.published
        assert report.relation == derivation_set.KIND_RELATION[report.kind]
        if report.kind == "exact":
            assert report.text == origin.text
        if report.kind in ("excerpt", "trimmed"):
            assert len(report.text) < len(origin.text)
    assert len({(r.text, r.source) for r in reports}) == len(reports)


def test_rewrite_rules_move_the_attribution_and_change_number_formats() -> None:
    rng = random.Random(0)
    sentence = "More than 3,000 people did not return home last night, the regional governor said."
    rewritten = rephrase(sentence, rng)
    assert rewritten.startswith("According to the regional governor,")
    assert "3000" in rewritten and "didn't" in rewritten


def test_junk_lines_are_removed_by_the_clean_stage(example_bases: list[BaseReport]) -> None:
    from storyline.config import CleanConfig
    from storyline.eval.derivation import make_document

    reports = generate(example_bases, 200, seed=5)
    junk = [r for r in reports if r.kind == "junk"]
    for report in junk[:10]:
        origin = reports[report.origin or 0]
        cleaned = make_document(report, CleanConfig())
        assert cleaned.text.split() == make_document(origin, CleanConfig()).text.split()


def test_sentences_of_keeps_offsets_into_the_text() -> None:
    text = "First one here. Second one here.\nThird line."
    sentences = sentences_of(text)
    assert [s.text for s in sentences] == ["First one here.", "Second one here.", "Third line."]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def _derivation(document: str, origin: str, relation: str) -> Derivation:
    return Derivation(document=document, origin=origin, relation=relation, score=1.0, adds=(), drops=())  # type: ignore[arg-type]


def test_a_link_counts_only_with_its_origin_and_relation() -> None:
    truth: Truth = {"b": ("a", "duplicate"), "c": ("a", "excerpt"), "d": ("a", "rewrite")}
    found = [
        _derivation("b", "a", "duplicate"),  # right
        _derivation("c", "b", "excerpt"),  # wrong origin
        _derivation("d", "a", "excerpt"),  # wrong relation
        _derivation("e", "a", "rewrite"),  # e is an original
    ]
    counts = score(found, truth)
    assert counts["duplicate"] == (1, 1, 1)
    assert counts["excerpt"] == (0, 2, 1)
    assert counts["rewrite"] == (0, 1, 1)
    assert counts["overall"] == (1, 4, 3)


def test_bad_arguments_name_the_fix() -> None:
    with pytest.raises(InputError, match="E122"):
        make_encoder("bert")
    with pytest.raises(InputError, match="E121"):
        derivation_report([5], None, "hashing")


def test_example_run_with_the_hashing_encoder_stays_above_its_floor(example_bases: list[BaseReport]) -> None:
    reports = generate(example_bases, 60, seed=11)
    result = run_size(reports, make_encoder("hashing"), "hashing", DerivationConfig())
    assert result.size == 60
    assert result.scores["overall"].f1 >= EXAMPLE_F1_FLOOR
    assert result.false_between_originals == 0
