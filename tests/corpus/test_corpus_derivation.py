from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.config import Config, DerivationConfig
from storyline.corpus import derivation
from storyline.corpus.derivation import COMPLETENESS_NOTE, WIRE_NOTE, compare_dates, find_derivations, shingle_set
from storyline.corpus.embeddings import HashingEncoder, get_encoder
from storyline.records import Derivation, Document, Story

MakeDoc = Callable[..., Document]

ORIGINAL_SENTENCES = [
    "Flood water rose through the town of Brenmoor on Sunday night after the Avel river burst its banks.",
    "Local officials said about 400 homes were evacuated before midnight.",
    "Two bridges on the northern road were closed to all traffic.",
    "Rescue crews used small boats to reach families stranded on the east side of town.",
    "The regional weather office expects more heavy rain on Tuesday.",
]
# Our own rewrite of ORIGINAL, sentence by sentence, with one claim slipped in as the fifth sentence.
REWRITE_SENTENCES = [
    "After the Avel overflowed late on Sunday, floodwater spread across Brenmoor.",
    "Some 400 homes were cleared before midnight, local authorities said.",
    "Both bridges along the north road have been shut.",
    "Stranded families on the eastern side of town were reached by rescuers in boats.",
    "A school gymnasium has been opened as a shelter for those forced from their homes.",
    "More heavy rain is forecast for Tuesday, the regional weather office said.",
]
ADDED_SENTENCE = 4
ORIGINAL = " ".join(ORIGINAL_SENTENCES)
REWRITE = " ".join(REWRITE_SENTENCES)
EXTRA = (
    "A mayor's spokesperson said the town hall basement had also flooded. "
    "Power was cut to three districts as a precaution. "
    "Volunteers filled sandbags outside the central library until dawn."
)
# A different article on the same story: same places and names, different facts.
OTHER_ARTICLE = (
    "Farmers outside Brenmoor counted their losses on Monday as fields along the Avel stayed under water. "
    "One grower said his entire crop of winter barley had been ruined. "
    "The regional agriculture board promised to assess the damage within a week. "
    "Insurance brokers in the town reported a surge in calls from worried clients."
)


class ParaphraseEncoder:
    """Maps each sentence of a paraphrase pair to the same vector, every other text to its own.

    Random 64-dimension vectors are nearly orthogonal, so only paraphrase pairs and identical
    texts reach the rewrite threshold: the tests are about the alignment, not the model.
    """

    def __init__(self, pairs: Mapping[str, str]) -> None:
        self.canonical = {b: a for a, b in pairs.items()}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = []
        for text in texts:
            key = self.canonical.get(text, text)
            rng = np.random.default_rng(zlib.crc32(key.encode()))
            vector = rng.normal(size=64)
            rows.append(vector / np.linalg.norm(vector))
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), 64)


def _paraphrase_encoder() -> ParaphraseEncoder:
    rewrite = [s for i, s in enumerate(REWRITE_SENTENCES) if i != ADDED_SENTENCE]
    return ParaphraseEncoder(dict(zip(ORIGINAL_SENTENCES, rewrite, strict=True)))


def _derive(docs: Sequence[Document], encoder: object | None = None, **settings: float) -> tuple[Derivation, ...]:
    story = Story(id="s", title="t", documents=tuple(docs))
    config = DerivationConfig(**settings)  # type: ignore[arg-type]
    return find_derivations(story, encoder or HashingEncoder(), config)  # type: ignore[arg-type]


def test_verbatim_copy_is_a_duplicate_of_the_earlier_report(make_doc: MakeDoc) -> None:
    first = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    copy = make_doc(ORIGINAL, published="2024-03-05", source="Daily")
    (found,) = _derive([copy, first])
    assert (found.document, found.origin, found.relation) == (copy.id, first.id, "duplicate")
    assert found.score == pytest.approx(1.0)
    assert found.adds == () and found.drops == ()
    assert found.note is None


def test_syndicated_copy_with_a_credit_line_is_a_duplicate_that_adds_it(make_doc: MakeDoc) -> None:
    first = make_doc(ORIGINAL + " " + EXTRA, published="2024-03-04", source="Wire")
    text = ORIGINAL + " " + EXTRA + " Reporting by our regional correspondent team."
    copy = make_doc(text, published="2024-03-05", source="Daily")
    (found,) = _derive([copy, first])
    assert found.relation == "duplicate"
    assert found.origin == first.id
    assert found.adds == (len(copy.sentences) - 1,)


def test_leading_part_of_a_longer_report_is_an_excerpt(make_doc: MakeDoc) -> None:
    full = make_doc(ORIGINAL + " " + EXTRA, published="2024-03-04", source="Wire")
    excerpt = make_doc(ORIGINAL, published="2024-03-05", source="Digest")
    (found,) = _derive([excerpt, full])
    assert (found.document, found.origin, found.relation) == (excerpt.id, full.id, "excerpt")
    assert found.score == pytest.approx(1.0)
    assert found.adds == ()
    assert found.drops == (5, 6, 7)


def test_rewrite_with_a_slipped_in_claim_adds_that_sentence(make_doc: MakeDoc) -> None:
    original = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    rewrite = make_doc(REWRITE, published="2024-03-05", source="Herald")
    (found,) = _derive([original, rewrite], _paraphrase_encoder())
    assert (found.document, found.origin, found.relation) == (rewrite.id, original.id, "rewrite")
    assert found.adds == (ADDED_SENTENCE,)
    assert found.drops == ()
    assert found.score == pytest.approx(5 / 6)


def test_rewrite_is_not_found_when_too_few_sentences_are_paraphrased(make_doc: MakeDoc) -> None:
    original = make_doc(ORIGINAL, published="2024-03-04")
    rewrite = make_doc(REWRITE, published="2024-03-05")
    assert _derive([original, rewrite], _paraphrase_encoder(), rewrite_share=0.9, rewrite_core_share=0.9) == ()


def _alignment(share: float, reworded: float, matched: int = 6) -> derivation.Alignment:
    return derivation.Alignment(share=share, matched=matched, adds=(), drops=(), reworded=reworded)


def test_heavily_reworded_report_is_a_rewrite_with_few_close_pairs_but_a_counterpart_for_most() -> None:
    config = DerivationConfig()
    # 12 sentences, two pairs merged into one each: 6 close paraphrases, 3 looser rewordings
    assert derivation.is_rewrite(_alignment(share=6 / 12, reworded=9 / 12), config)
    assert derivation.is_rewrite(_alignment(share=0.7, reworded=0.7), config)  # close pairs alone suffice


def test_same_story_report_with_shared_names_is_not_a_rewrite() -> None:
    config = DerivationConfig()
    # two independent reports on one story: a few close sentences, looser counterparts for half
    assert not derivation.is_rewrite(_alignment(share=3 / 8, reworded=5 / 8), config)
    assert not derivation.is_rewrite(_alignment(share=0.5, reworded=0.6), config)
    assert not derivation.is_rewrite(_alignment(share=1.0, reworded=1.0, matched=1), config)
    # a short report: two close pairs of four sentences and looser counterparts may be chance
    assert not derivation.is_rewrite(_alignment(share=2 / 4, reworded=3 / 4, matched=2), config)


def test_different_articles_on_the_same_story_are_not_derived(make_doc: MakeDoc) -> None:
    original = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    other = make_doc(OTHER_ARTICLE, published="2024-03-05", source="Farm News")
    assert _derive([original, other], _paraphrase_encoder()) == ()
    assert _derive([original, other]) == ()


def test_undated_reports_take_the_more_complete_one_as_origin(make_doc: MakeDoc) -> None:
    full = make_doc(ORIGINAL + " " + EXTRA, source="Wire")
    short = make_doc(ORIGINAL, source="Digest")
    (found,) = _derive([full, short])
    assert (found.document, found.origin) == (short.id, full.id)
    assert found.note == COMPLETENESS_NOTE


def test_earlier_date_beats_completeness(make_doc: MakeDoc) -> None:
    full = make_doc(ORIGINAL + " " + EXTRA, published="2024-03-06", source="Wire")
    short = make_doc(ORIGINAL, published="2024-03-04", source="Digest")
    (found,) = _derive([full, short])
    assert (found.document, found.origin, found.relation) == (full.id, short.id, "excerpt")
    assert found.adds == (5, 6, 7)
    assert "contains the origin" in (found.note or "")


def test_copies_of_copies_point_to_the_first_report(make_doc: MakeDoc) -> None:
    first = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    second = make_doc(ORIGINAL, published="2024-03-05", source="Daily")
    third = make_doc(ORIGINAL, published="2024-03-06", source="Weekly")
    found = _derive([third, second, first])
    assert {d.document: d.origin for d in found} == {second.id: first.id, third.id: first.id}


def test_chain_through_an_intermediate_report_is_followed_and_noted(make_doc: MakeDoc) -> None:
    # 2 copies 1 closely and 3 copies 2 closely, but 3 is too far from 1 to be a copy of it.
    one = ORIGINAL + " " + EXTRA
    two = one.replace(
        "Volunteers filled sandbags outside the central library until dawn.",
        "All schools in the district stay shut.",
    )
    three = two.replace(
        "Power was cut to three districts as a precaution.", "Trains to the coast are delayed by hours."
    )
    docs = [
        make_doc(one, published="2024-03-04", source="A"),
        make_doc(two, published="2024-03-05", source="B"),
        make_doc(three, published="2024-03-06", source="C"),
    ]
    jaccards = [derivation.jaccard(shingle_set(a.text, 3), shingle_set(b.text, 3)) for a, b in [docs[:2], docs[1:]]]
    threshold = min(jaccards) - 0.01
    assert derivation.jaccard(shingle_set(one, 3), shingle_set(three, 3)) < threshold
    found = {d.document: d for d in _derive(docs, duplicate_jaccard=threshold, excerpt_containment=0.99)}
    last = found[docs[2].id]
    assert last.origin == docs[0].id
    assert last.relation == "duplicate"
    assert f"derived through {docs[1].id}" in (last.note or "")
    assert last.adds == (6, 7)


def test_input_order_does_not_change_the_derivations(make_doc: MakeDoc) -> None:
    docs = [
        make_doc(ORIGINAL + " " + EXTRA, published="2024-03-04", source="Wire"),
        make_doc(ORIGINAL, published="2024-03-05", source="Digest"),
        make_doc(ORIGINAL, published="2024-03-05", source="Other digest"),
        make_doc(REWRITE, published="2024-03-05", source="Herald"),
        make_doc(OTHER_ARTICLE, source="Farm News"),
    ]
    encoder = _paraphrase_encoder()
    expected = _derive(docs, encoder)
    assert len(expected) == 3
    for shift in range(1, len(docs)):
        assert _derive(docs[shift:] + docs[:shift], encoder) == expected
    assert _derive(docs[::-1], encoder) == expected


def test_each_derived_report_has_one_origin(make_doc: MakeDoc) -> None:
    docs = [make_doc(ORIGINAL, published=f"2024-03-0{day}", source=str(day)) for day in range(1, 6)]
    found = _derive(docs)
    assert sorted(d.document for d in found) == sorted(d.id for d in docs[1:])
    assert {d.origin for d in found} == {docs[0].id}


def test_cycle_from_mixed_known_and_unknown_dates_is_cut(make_doc: MakeDoc) -> None:
    # By date a is the origin of c; by completeness b is the origin of a and c of b: a cycle.
    base = ORIGINAL + " " + EXTRA
    a = make_doc(base, published="2024-03-04", source="A")
    b = make_doc(base + " Schools stay shut.", source="B")
    c = make_doc(base + " Schools stay shut. Trains are delayed.", published="2024-03-09", source="C")
    found = _derive([a, b, c])
    assert {d.document: d.origin for d in found} == {a.id: c.id, b.id: c.id}  # cut at the most complete


def test_trivially_short_sentences_are_never_counted_as_added(make_doc: MakeDoc) -> None:
    first = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    copy = make_doc(ORIGINAL + " More to follow.", published="2024-03-05", source="Daily")
    (found,) = _derive([first, copy])
    assert found.relation == "duplicate"
    assert found.adds == ()


def test_report_excerpted_from_two_keeps_the_closest_origin(make_doc: MakeDoc) -> None:
    close = make_doc(ORIGINAL + " " + EXTRA, published="2024-03-04", source="Wire")
    loose = make_doc(OTHER_ARTICLE + " " + ORIGINAL[: ORIGINAL.rindex(" The regional")], published="2024-03-03")
    excerpt = make_doc(ORIGINAL, published="2024-03-06", source="Digest")
    found = {d.document: d for d in _derive([loose, excerpt, close])}
    assert found[excerpt.id].origin == close.id
    assert found[excerpt.id].relation == "excerpt"


def test_stage_sets_derivations_and_declares_what_it_provides(make_doc: MakeDoc) -> None:
    stage = derivation.build(Config(), encoder=HashingEncoder())
    first = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    copy = make_doc(ORIGINAL, published="2024-03-05", source="Daily")
    story = stage(Story(id="s", title="t", documents=(first, copy)))
    assert (stage.name, stage.requires, stage.provides) == ("derivation", (), ("derivation",))
    assert [d.document for d in story.derivations] == [copy.id]


def test_story_without_documents_has_no_derivations() -> None:
    assert _derive([]) == ()


@given(st.dates(), st.dates(), st.sampled_from([4, 7, 10]), st.sampled_from([4, 7, 10]))
def test_date_comparison_is_antisymmetric(a: object, b: object, len_a: int, len_b: int) -> None:
    x, y = str(a)[:len_a], str(b)[:len_b]
    assert compare_dates(x, y) == -compare_dates(y, x)
    assert compare_dates(x, None) == 0


@pytest.mark.model
def test_minilm_finds_our_rewrite_and_its_added_claim_but_not_another_article(make_doc: MakeDoc) -> None:
    original = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    rewrite = make_doc(REWRITE, published="2024-03-05", source="Herald")
    other = make_doc(OTHER_ARTICLE, published="2024-03-05", source="Farm News")
    (found,) = _derive([original, rewrite, other], get_encoder(Config()))
    assert (found.document, found.origin, found.relation) == (rewrite.id, original.id, "rewrite")
    assert found.adds == (ADDED_SENTENCE,)


def test_new_claim_cannot_borrow_the_match_of_a_paraphrased_sentence(make_doc: MakeDoc) -> None:
    encoder = _paraphrase_encoder()
    encoder.canonical[REWRITE_SENTENCES[ADDED_SENTENCE]] = ORIGINAL_SENTENCES[3]  # same topic, same vector
    original = make_doc(ORIGINAL, published="2024-03-04")
    rewrite = make_doc(REWRITE, published="2024-03-05")
    (found,) = _derive([original, rewrite], encoder)
    assert found.adds == (ADDED_SENTENCE,)


class TableEncoder:
    def __init__(self, table: Mapping[str, Sequence[float]]) -> None:
        self.table = table

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray([self.table[t] for t in texts], dtype=np.float32)


def test_loosely_reworded_leftovers_are_neither_added_nor_dropped(make_doc: MakeDoc) -> None:
    origin = make_doc("Origin one has words here. Origin two has words here. Origin three has words here.")
    derived = make_doc("Derived one has words here. Derived two has words here. Derived three has words here.")
    loose = [0.0, 0.0, 0.55, float(np.sqrt(1 - 0.55**2))]
    vectors = [[1.0, 0, 0, 0], [0, 1.0, 0, 0], [0, 0, 1.0, 0]]
    table = {s.text: v for s, v in zip(origin.sentences, vectors, strict=True)}
    table.update({s.text: v for s, v in zip(derived.sentences, [*vectors[:2], loose], strict=True)})
    encoder = TableEncoder(table)
    config = DerivationConfig()
    first, second = sorted(derivation.make_reports([origin, derived], encoder, config), key=lambda r: r.doc is origin)
    aligned = derivation.align(first, second, config)
    assert (aligned.share, aligned.adds, aligned.drops) == (pytest.approx(2 / 3), (), ())
    strict = derivation.align(first, second, DerivationConfig(leftover_cosine=0.6))
    assert (strict.adds, strict.drops) == ((2,), (2,))


def _table_pair(make_doc: MakeDoc, cosines: Sequence[float | None]) -> tuple[Document, Document, TableEncoder]:
    """An origin of one sentence per cosine, and a derived report whose sentence i is that close to it.

    ``None`` gives a derived sentence close to nothing in the origin (a new claim).
    """
    n = len(cosines)
    origin = make_doc(" ".join(f"Origin sentence number {i} has words." for i in range(n)), published="2024-03-04")
    derived = make_doc(" ".join(f"Derived sentence number {i} has words." for i in range(n)), published="2024-03-05")
    dim = 2 * n
    table: dict[str, list[float]] = {}
    for i, (o, d, cos) in enumerate(zip(origin.sentences, derived.sentences, cosines, strict=True)):
        table[o.text] = [1.0 if k == i else 0.0 for k in range(dim)]
        c = 0.0 if cos is None else cos
        table[d.text] = [c if k == i else (float(np.sqrt(1 - c**2)) if k == n + i else 0.0) for k in range(dim)]
    return origin, derived, TableEncoder(table)


def test_hard_reworded_rewrite_with_half_close_and_the_rest_loosely_paired_is_a_rewrite(make_doc: MakeDoc) -> None:
    origin, derived, encoder = _table_pair(make_doc, [0.9, 0.8, 0.7, 0.55, 0.55, 0.55, 0.9, 0.8, 0.55, None])
    (found,) = _derive([origin, derived], encoder)
    assert (found.document, found.origin, found.relation) == (derived.id, origin.id, "rewrite")
    assert found.adds == (9,)


def test_report_with_a_few_close_sentences_and_many_unpaired_is_not_a_rewrite(make_doc: MakeDoc) -> None:
    origin, derived, encoder = _table_pair(make_doc, [0.9, 0.8, 0.7, 0.55, 0.55, 0.55, None, None, None, None])
    assert _derive([origin, derived], encoder) == ()
    origin, derived, encoder = _table_pair(make_doc, [0.9, 0.8, 0.7, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55, None])
    assert _derive([origin, derived], encoder) == ()  # nearly all loosely paired, but too few close


def test_same_day_rewrite_points_at_the_wire_report_that_others_copied(make_doc: MakeDoc) -> None:
    wire = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    copy = make_doc(ORIGINAL, published="2024-03-04", source="Daily")
    rewrite = make_doc(REWRITE, published="2024-03-04", source="Herald")  # longer: it adds a claim
    found = {d.document: d for d in _derive([wire, copy, rewrite], _paraphrase_encoder())}
    assert (found[rewrite.id].origin, found[rewrite.id].relation) == (min(wire.id, copy.id), "rewrite")
    assert found[rewrite.id].note == WIRE_NOTE
    assert found[rewrite.id].adds == (ADDED_SENTENCE,)


def test_same_day_rewrite_points_at_the_report_with_an_agency_dateline(make_doc: MakeDoc) -> None:
    text = "BRENMOOR (Meridian Wire) - " + ORIGINAL
    wire = replace(make_doc(text, published="2024-03-04", source="Wire"), dateline="BRENMOOR (Meridian Wire) -")
    rewrite = make_doc(REWRITE, published="2024-03-04", source="Herald")
    (found,) = _derive([wire, rewrite], _paraphrase_encoder())
    assert (found.document, found.origin, found.note) == (rewrite.id, wire.id, WIRE_NOTE)


@pytest.mark.parametrize("copy_outlet", ["Daily", "Zephyr Courier"])  # before and after the wire by id
def test_same_day_verbatim_copy_points_at_the_report_published_by_the_outlet_its_dateline_names(
    make_doc: MakeDoc, copy_outlet: str
) -> None:
    text = "BRENMOOR (Meridian Wire) - " + ORIGINAL
    line = "BRENMOOR (Meridian Wire) -"
    wire = replace(make_doc(text, published="2024-03-04", source="Meridian Wire"), dateline=line)
    copy = replace(make_doc(text, published="2024-03-04", source=copy_outlet), dateline=line)
    (found,) = _derive([copy, wire])
    assert (found.document, found.origin, found.relation) == (copy.id, wire.id, "duplicate")
    assert found.note == derivation.OWN_DATELINE_NOTE


def test_edited_copy_of_nearly_the_same_length_is_not_an_excerpt(make_doc: MakeDoc) -> None:
    # Three sentences each have a word changed: the shingles overlap above
    # the excerpt containment and below the copy Jaccard, and neither report is a part of the other.
    edited = ORIGINAL.replace("about 400", "some 400").replace("were closed", "were shut").replace("small", "little")
    original = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    copy = make_doc(edited, published="2024-03-05", source="Daily")
    a, b = derivation.shingle_set(ORIGINAL, 3), derivation.shingle_set(edited, 3)
    assert derivation.jaccard(a, b) < 0.8 <= derivation.containment(a, b)
    found = _derive([original, copy], excerpt_containment=0.6, rewrite_share=1.1, rewrite_core_share=1.1)
    assert found == ()  # not an excerpt; too few paraphrases for a rewrite at this setting
    (rewrite,) = _derive([original, copy])
    assert (rewrite.document, rewrite.origin, rewrite.relation) == (copy.id, original.id, "rewrite")


def test_copy_with_its_sentences_reordered_is_a_rewrite_not_a_duplicate(make_doc: MakeDoc) -> None:
    # Every sentence kept word for word, three moved: the shingles overlap as a copy's do, in another order.
    moved = [ORIGINAL_SENTENCES[i] for i in (0, 3, 4, 1, 2)]
    original = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    edited = make_doc(" ".join(moved), published="2024-03-05", source="Daily")
    a, b = derivation.shingle_set(ORIGINAL, 3), derivation.shingle_set(" ".join(moved), 3)
    assert derivation.jaccard(a, b) >= 0.8
    (found,) = _derive([original, edited])
    assert (found.document, found.origin, found.relation) == (edited.id, original.id, "rewrite")
    (copy,) = _derive([original, edited], copy_order_share=0.0)  # without the order rule: a copy
    assert copy.relation == "duplicate"


def test_rewrite_that_reorders_a_short_origin_and_adds_to_it_is_not_an_excerpt(make_doc: MakeDoc) -> None:
    moved = [ORIGINAL_SENTENCES[i] for i in (0, 3, 4, 1, 2)]
    original = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    longer = make_doc(" ".join(moved) + " " + EXTRA, published="2024-03-05", source="Daily")
    (found,) = _derive([original, longer])
    assert (found.document, found.origin, found.relation) == (longer.id, original.id, "rewrite")


def test_later_report_that_keeps_its_origin_in_order_and_adds_to_it_stays_an_excerpt(make_doc: MakeDoc) -> None:
    original = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    longer = make_doc(ORIGINAL + " " + EXTRA, published="2024-03-05", source="Daily")
    (found,) = _derive([original, longer])
    assert (found.document, found.origin, found.relation) == (longer.id, original.id, "excerpt")


def test_copy_of_a_report_that_adds_to_its_origin_points_at_that_report(make_doc: MakeDoc) -> None:
    brief = make_doc(" ".join(ORIGINAL_SENTENCES[:3]), published="2024-03-04", source="Wire")
    full = make_doc(ORIGINAL + " " + EXTRA, published="2024-03-05", source="Daily")
    copy = make_doc(ORIGINAL + " " + EXTRA, published="2024-03-06", source="Weekly")
    found = {d.document: d for d in _derive([brief, full, copy])}
    assert (found[full.id].origin, found[full.id].relation) == (brief.id, "excerpt")  # it contains the brief
    assert (found[copy.id].origin, found[copy.id].relation) == (full.id, "duplicate")


def test_excerpt_the_copy_index_misses_is_still_an_excerpt(make_doc: MakeDoc, monkeypatch: pytest.MonkeyPatch) -> None:
    full = make_doc(ORIGINAL + " " + EXTRA, published="2024-03-04", source="Wire")
    excerpt = make_doc(ORIGINAL, published="2024-03-05", source="Digest")
    monkeypatch.setattr(derivation, "copy_candidates", lambda *args, **kwargs: set())
    (found,) = _derive([excerpt, full])  # the pair comes from the nearest reports only
    assert (found.document, found.origin, found.relation) == (excerpt.id, full.id, "excerpt")


def test_shingle_hashes_count_the_same_shingles_as_the_strings() -> None:
    for text in [ORIGINAL, REWRITE, "Two words", "Three short words", ""]:
        assert len(derivation.shingle_hashes(text, 3)) == len(shingle_set(text, 3))
    assert derivation.hashed_overlap(
        derivation.shingle_hashes(ORIGINAL, 3), derivation.shingle_hashes(ORIGINAL + " " + EXTRA, 3)
    ) == len(shingle_set(ORIGINAL, 3))


def test_rewrite_of_a_whole_report_beats_containing_an_earlier_excerpt_of_it(make_doc: MakeDoc) -> None:
    original = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    excerpt = make_doc(" ".join(ORIGINAL_SENTENCES[1:3]), published="2024-03-04", source="Digest")
    rewrite = make_doc(
        " ".join(ORIGINAL_SENTENCES[1:3] + REWRITE_SENTENCES[:1] + REWRITE_SENTENCES[3:]),
        published="2024-03-05",
        source="Herald",
    )
    found = {d.document: d for d in _derive([original, excerpt, rewrite], _paraphrase_encoder())}
    assert (found[rewrite.id].origin, found[rewrite.id].relation) == (original.id, "rewrite")
    assert (found[excerpt.id].origin, found[excerpt.id].relation) == (original.id, "excerpt")


def test_rewrite_published_outside_the_window_is_not_checked(make_doc: MakeDoc) -> None:
    original = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    rewrite = make_doc(REWRITE, published="2024-05-20", source="Herald")
    encoder = _paraphrase_encoder()
    assert _derive([original, rewrite], encoder, rewrite_window_days=14) == ()
    (found,) = _derive([original, rewrite], encoder, rewrite_window_days=None)  # type: ignore[arg-type]
    assert (found.document, found.relation) == (rewrite.id, "rewrite")


def test_undated_rewrite_is_checked_against_reports_of_any_date(make_doc: MakeDoc) -> None:
    original = make_doc(ORIGINAL, published="2024-03-04", source="Wire")
    rewrite = make_doc(REWRITE, source="Herald")
    (found,) = _derive([original, rewrite], _paraphrase_encoder(), rewrite_window_days=1)
    assert {found.document, found.origin} == {rewrite.id, original.id}  # direction by completeness, dates unknown
    assert found.relation == "rewrite"


def _unit_rows(n: int, seed: int) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(n, 16)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@given(st.integers(2, 40), st.integers(0, 1000), st.integers(1, 6))
def test_window_wider_than_the_dates_finds_the_same_pairs_as_the_full_search(n: int, seed: int, k: int) -> None:
    vectors = _unit_rows(n, seed)
    days = np.random.default_rng(seed + 1).integers(-1, 30, size=n)  # -1: undated
    full = derivation.nearest_pairs(vectors, k, block=7)
    assert derivation.windowed_nearest_pairs(vectors, days, k, window=40, block=7) == full


@given(st.integers(2, 40), st.integers(0, 1000), st.integers(0, 5))
def test_windowed_pairs_never_join_dated_reports_further_apart_than_the_window(n: int, seed: int, window: int) -> None:
    vectors = _unit_rows(n, seed)
    days = np.random.default_rng(seed + 1).integers(-1, 30, size=n)
    for i, j in derivation.windowed_nearest_pairs(vectors, days, 3, window, block=5):
        assert days[i] < 0 or days[j] < 0 or abs(int(days[i]) - int(days[j])) <= window
