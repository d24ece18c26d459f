from hypothesis import given
from hypothesis import strategies as st

from storyline.textmap import TextMap, cut


@st.composite
def text_and_ranges(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(min_size=1, max_size=200))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=0, max_size=8)))
    bounds = [0, *cuts, len(text)]
    ranges = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=False) if a < b]
    return text, ranges


@given(text_and_ranges())
def test_every_kept_character_maps_back_to_the_same_raw_character(case: tuple[str, list[tuple[int, int]]]) -> None:
    raw, ranges = case
    text, text_map = cut(raw, TextMap.identity(len(raw)), ranges)
    for i, char in enumerate(text):
        raw_index = text_map.to_raw(i)
        assert raw_index is not None
        assert raw[raw_index] == char


@given(text_and_ranges(), text_and_ranges())
def test_two_cuts_compose(first: tuple[str, list[tuple[int, int]]], second: tuple[str, list[tuple[int, int]]]) -> None:
    raw, ranges = first
    text, text_map = cut(raw, TextMap.identity(len(raw)), ranges)
    inner = [(min(a, len(text)), min(b, len(text))) for a, b in second[1]]
    inner = [(a, b) for a, b in inner if a < b]
    text2, map2 = cut(text, text_map, inner)
    for i, char in enumerate(text2):
        raw_index = map2.to_raw(i)
        assert raw_index is not None and raw[raw_index] == char


def test_unmapped_text_gives_no_raw_offset() -> None:
    assert TextMap.unmapped().to_raw(3) is None
