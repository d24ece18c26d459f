from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.corpus.derivation_order import in_order_share, keeps_order, ordered_shingles

TEXT = (
    "The ferry from Carrow Point was cancelled on Friday morning because of high winds. "
    "Passengers waiting at the harbour were offered seats on a coach to the mainland bridge. "
    "The operator said sailings would resume once the gusts dropped below forty knots. "
    "A harbour official said two fishing boats had also stayed in port."
)


def test_copy_and_contiguous_piece_keep_the_whole_order() -> None:
    whole = ordered_shingles(TEXT, 3)
    assert in_order_share(whole, whole) == 1.0
    assert in_order_share(whole[10:30], whole) == 1.0


def test_sentences_moved_lower_the_share_though_every_shingle_is_kept() -> None:
    sentences = TEXT.split(". ")
    moved = ". ".join([sentences[0], sentences[3], sentences[2], sentences[1]])
    part, whole = ordered_shingles(moved, 3), ordered_shingles(TEXT, 3)
    assert in_order_share(part, whole) < 0.8
    assert not keeps_order(moved, TEXT, 3, 0.8)
    assert keeps_order(TEXT, TEXT + " Buses ran every hour.", 3, 0.8)


def test_repeated_shingles_do_not_break_the_order_of_a_copy() -> None:
    text = "the crews said the crews said the road is shut and the crews said so"
    assert in_order_share(ordered_shingles(text, 3), ordered_shingles(text, 3)) == 1.0


def test_empty_part_keeps_nothing() -> None:
    assert in_order_share([], ordered_shingles(TEXT, 3)) == 0.0


@given(st.lists(st.integers(0, 20), max_size=60), st.lists(st.integers(0, 20), max_size=60))
def test_share_is_at_most_the_unordered_containment(part: list[int], whole: list[int]) -> None:
    share = in_order_share(part, whole)
    found = sum(x in set(whole) for x in part) / len(part) if part else 0.0
    assert 0.0 <= share <= found + 1e-12


@given(st.lists(st.integers(0, 20), min_size=1, max_size=60), st.integers(0, 59), st.integers(1, 60))
def test_any_slice_of_a_sequence_is_wholly_in_order(whole: list[int], start: int, length: int) -> None:
    piece = whole[start % len(whole) :][:length]
    assert in_order_share(piece, whole) == 1.0
