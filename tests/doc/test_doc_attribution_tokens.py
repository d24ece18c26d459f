from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.doc.attribution_tokens import entity_tags, span_tags, token_features
from storyline.records import Entity, Sentence, Token

TEXT = "“The pier is closed,” Mayor Ilse Brandt said on Friday."


def _sentence() -> Sentence:
    words = [
        ("“", "“", "PUNCT", "``", "punct", 10),
        ("The", "the", "DET", "DT", "det", 2),
        ("pier", "pier", "NOUN", "NN", "nsubj", 3),
        ("is", "be", "AUX", "VBZ", "ccomp", 10),
        ("closed", "closed", "ADJ", "JJ", "acomp", 3),
        (",", ",", "PUNCT", ",", "punct", 10),
        ("”", "”", "PUNCT", "''", "punct", 10),
        ("Mayor", "Mayor", "PROPN", "NNP", "compound", 9),
        ("Ilse", "Ilse", "PROPN", "NNP", "compound", 9),
        ("Brandt", "Brandt", "PROPN", "NNP", "nsubj", 10),
        ("said", "say", "VERB", "VBD", "ROOT", 10),
        ("on", "on", "ADP", "IN", "prep", 10),
        ("Friday", "Friday", "PROPN", "NNP", "pobj", 11),
        (".", ".", "PUNCT", ".", "punct", 10),
    ]
    tokens, at = [], 0
    for text, lemma, pos, tag, dep, head in words:
        start = TEXT.index(text, at)
        tokens.append(Token(start, start + len(text), text, lemma, pos, tag, dep, head))
        at = start + len(text)
    person = Entity(TEXT.index("Ilse"), TEXT.index(" said"), "Ilse Brandt", "PERSON")
    return Sentence(0, 0, len(TEXT), TEXT, 0, tokens=tuple(tokens), entities=(person,))


def _bounds(sentence: Sentence) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in sentence.tokens]


def test_span_tags_mark_the_first_token_b_and_the_rest_i() -> None:
    bounds = [(0, 3), (4, 8), (9, 12), (13, 17)]
    assert span_tags(bounds, [(4, 12)]) == ["O", "B", "I", "O"]


def test_span_tags_start_a_new_span_where_a_second_one_begins() -> None:
    bounds = [(0, 3), (4, 8), (9, 12), (13, 17)]
    assert span_tags(bounds, [(0, 8), (9, 17)]) == ["B", "I", "B", "I"]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=5))
def test_span_tags_give_one_tag_per_token_and_never_open_with_i(spans: list[tuple[int, int]]) -> None:
    bounds = [(k * 5, k * 5 + 4) for k in range(12)]
    tags = span_tags(bounds, [(s, s + n) for s, n in spans])
    assert len(tags) == len(bounds)
    assert set(tags) <= {"B", "I", "O"}
    assert all(not (t == "I" and (k == 0 or tags[k - 1] == "O")) for k, t in enumerate(tags))


def test_entity_tags_mark_a_name_with_its_label() -> None:
    sentence = _sentence()
    tags = entity_tags(sentence)
    assert tags[8:10] == ["B-PERSON", "I-PERSON"] and tags[10] == "O"


def test_token_features_read_the_parse_the_quotation_and_the_stage_spans() -> None:
    sentence = _sentence()
    bounds = _bounds(sentence)
    source = (TEXT.index("Mayor"), TEXT.index(" said"))
    cue = (TEXT.index("said"), TEXT.index("said") + 4)
    found = {
        "source": span_tags(bounds, [source]),
        "cue": span_tags(bounds, [cue]),
        "content": span_tags(bounds, [(1, TEXT.index(","))]),
    }
    quoted = [(0, TEXT.index("”") + 1)]
    features = token_features(sentence, quoted, found)
    assert len(features) == len(sentence.tokens)
    brandt = features[9]
    assert {"l=brandt", "p=PROPN", "d=nsubj", "v=say", "path=nsubj", "sS=I", "sC=O", "toC=nsubj"} <= set(brandt)
    assert "q=out" in brandt and "sideC=right1" in brandt and "e=I-PERSON" in brandt
    assert "q=in" in features[2] and "first" in features[0] and "last" in features[-1]
