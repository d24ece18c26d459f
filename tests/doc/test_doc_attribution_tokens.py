from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.doc import attribution_tokens
from storyline.doc.attribution_tokens import entity_tags, flat_names, span_tags, token_features
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


def _plain_span_tags(bounds: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[str]:
    """The definition of ``span_tags``: every token against every span."""
    out = ["O"] * len(bounds)
    for s, e in sorted(spans):
        first = True
        for k, (start, end) in enumerate(bounds):
            if start < e and s < end:
                out[k] = "B" if first else ("I" if out[k] == "O" else out[k])
                first = False
    return out


@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 6)), min_size=1, max_size=12),
    st.lists(st.tuples(st.integers(0, 70), st.integers(1, 25)), max_size=5),
)
def test_span_tags_mark_the_tokens_a_full_scan_marks(gaps: list[tuple[int, int]], spans: list[tuple[int, int]]) -> None:
    bounds, at = [], 0
    for gap, width in gaps:  # tokens in order, some of no width, some touching
        bounds.append((at + gap, at + gap + width))
        at += gap + width
    spans_ = [(s, s + n) for s, n in spans]
    assert span_tags(bounds, spans_) == _plain_span_tags(bounds, spans_)


def test_entity_tags_mark_every_token_of_each_entity_from_its_first() -> None:
    sentence = _sentence()
    mayor = Entity(TEXT.index("Mayor"), TEXT.index(" said"), "Mayor Ilse Brandt", "PERSON")
    friday = Entity(TEXT.index("Friday"), TEXT.index("Friday") + 6, "Friday", "DATE")
    tags = entity_tags(replace(sentence, entities=(mayor, friday)))
    assert tags[7:10] == ["B-PERSON", "I-PERSON", "I-PERSON"] and tags[12] == "B-DATE"
    assert entity_tags(replace(sentence, entities=())) == ["O"] * len(sentence.tokens)


def test_encoded_token_features_name_the_same_attributes_in_the_same_order() -> None:
    sentence = _sentence()
    bounds = _bounds(sentence)
    found = {
        "source": span_tags(bounds, [(TEXT.index("Mayor"), TEXT.index(" said"))]),
        "cue": span_tags(bounds, [(TEXT.index("said"), TEXT.index("said") + 4)]),
        "content": span_tags(bounds, []),
    }
    quoted = [(0, TEXT.index("”") + 1)]
    text = token_features(sentence, quoted, found)
    grouped = token_features(sentence, quoted, found, encoded=True)
    assert all(any(isinstance(item, tuple) for item in names) for names in grouped)  # groups left whole
    encoded = flat_names(grouped)
    assert any(isinstance(name, bytes) for names in encoded for name in names)
    as_text = [[n.decode() if isinstance(n, bytes) else n for n in names] for names in encoded]
    assert as_text == text


def test_token_features_name_the_same_after_the_word_cache_is_emptied(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = _sentence()
    bounds = _bounds(sentence)
    found = {"source": span_tags(bounds, []), "cue": span_tags(bounds, []), "content": span_tags(bounds, [])}
    before = flat_names(token_features(sentence, [], found, encoded=True))
    monkeypatch.setattr(attribution_tokens, "_MAX_LEXICAL", 1)  # emptied on every new word from here
    again = flat_names(token_features(sentence, [], found, encoded=True))
    assert again == before and token_features(sentence, [], found) == [
        [n.decode() if isinstance(n, bytes) else n for n in names] for names in before
    ]


@given(
    st.lists(
        st.tuples(st.sampled_from(["NOUN", "VERB", "AUX", "ADP", "DET"]), st.sampled_from(["B", "I", "O", "O"])),
        min_size=1,
        max_size=12,
    ),
    st.data(),
)
def test_the_walks_up_to_the_verb_and_the_cue_read_as_a_word_by_word_walk(
    words: list[tuple[str, str]], data: st.DataObject
) -> None:
    # random heads: the first word is the root; the others may hang anywhere, loops too (a damaged parse)
    heads = [0] + [data.draw(st.integers(0, len(words) - 1)) for _ in range(1, len(words))]
    tokens = tuple(
        Token(2 * k, 2 * k + 1, "w", f"w{k}", pos, "X", f"d{k}", head)
        for k, ((pos, _), head) in enumerate(zip(words, heads, strict=True))
    )
    sentence = Sentence(0, 0, 2 * len(words), "w " * len(words), 0, tokens=tokens)
    cues = [c for _, c in words]
    found = {"source": ["O"] * len(words), "cue": cues, "content": ["O"] * len(words)}
    names = token_features(sentence, [], found)
    lemmas = [t.lemma for t in tokens]
    for k, got in enumerate(names):
        verb, path = attribution_tokens._up_to_verb(tokens, lemmas, k)
        to_cue = attribution_tokens._up_to_cue(tokens, k, cues) if "B" in cues or "I" in cues else "none"
        assert f"v={verb}|path={path}" in got and f"toC={to_cue}" in got


def _parsed(words: list[tuple[str, str, str, str, str, int]]) -> Sentence:
    tokens, at = [], 0
    for text, lemma, pos, tag, dep, head in words:
        tokens.append(Token(at, at + len(text), text, lemma, pos, tag, dep, head))
        at += len(text) + 1
    return Sentence(0, 0, at, " ".join(w[0] for w in words), 0, tokens=tuple(tokens))


# "Army-appointed monitors in the valley put the toll at 9." as the parser reads it
_APPOINTED = [
    ("Army", "Army", "PROPN", "NNP", "npadvmod", 2),
    ("-", "-", "PUNCT", "HYPH", "punct", 2),
    ("appointed", "appoint", "VERB", "VBN", "amod", 3),
    ("monitors", "monitor", "NOUN", "NNS", "nsubj", 7),
    ("in", "in", "ADP", "IN", "prep", 3),
    ("the", "the", "DET", "DT", "det", 6),
    ("valley", "valley", "NOUN", "NN", "pobj", 4),
    ("put", "put", "VERB", "VBD", "ROOT", 7),
    ("the", "the", "DET", "DT", "det", 9),
    ("toll", "toll", "NOUN", "NN", "dobj", 7),
]


def test_a_past_participle_before_a_noun_reads_as_an_adjective_with_its_words() -> None:
    sentence = _parsed(_APPOINTED)
    read = attribution_tokens.read_parse(sentence.tokens)
    assert [(t.pos, t.dep, t.head) for t in read[:4]] == [
        ("PROPN", "amod", 3),
        ("PUNCT", "amod", 3),
        ("ADJ", "amod", 3),
        ("NOUN", "nsubj", 7),
    ]
    o = ["O"] * len(sentence.tokens)
    army, _, appointed, monitors = token_features(sentence, [], {"source": o, "cue": o, "content": o})[:4]
    # the words of "Army-appointed" read as an adjective of "monitors" does: on the noun, up to its verb
    assert {"d=amod", "hl=monitor", "hp=NOUN|d=amod", "v=put|path=amod>nsubj"} <= set(army)
    assert {"p=ADJ", "t=VBN", "v=put|path=amod>nsubj"} <= set(appointed)
    assert {"p-1=ADJ", "p-1|p=ADJ|NOUN"} <= set(monitors)


@pytest.mark.parametrize(
    "words",
    [
        # "Monitors appointed by the army put ...": the participle is a clause after its noun
        [
            ("Monitors", "NOUN", "NNS", "nsubj", 3),
            ("appointed", "VERB", "VBN", "acl", 0),
            ("put", "VERB", "VBD", "ROOT", 2),
        ],
        # "The army has appointed monitors": a verb of its own clause
        [("army", "NOUN", "NN", "nsubj", 2), ("has", "AUX", "VBZ", "aux", 2), ("appointed", "VERB", "VBN", "ROOT", 2)],
    ],
)
def test_a_participle_that_is_a_verb_or_hangs_on_no_noun_stays_a_verb(
    words: list[tuple[str, str, str, str, int]],
) -> None:
    sentence = _parsed([(w, w.lower(), pos, tag, dep, head) for w, pos, tag, dep, head in words])
    assert attribution_tokens.read_parse(sentence.tokens) == sentence.tokens
