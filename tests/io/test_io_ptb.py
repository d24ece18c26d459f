from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from storyline.io.ptb import detokenize, looks_tokenized
from storyline.io.read import record_document
from storyline.io.records import iter_records

TOKENIZED = (
    "KYIV -LRB- Meridian Wire -RRB- - Crews reopened the bridge on Monday , officials said . \n"
    "`` We did n't expect it so soon , '' the mayor 's aide said of the $ 40 million repair . \n"
    "Drivers ' groups welcomed the news -- and asked for more .\n"
)


def test_tokenized_text_is_joined_back_line_by_line() -> None:
    text, _ = detokenize(TOKENIZED)
    assert text.splitlines() == [
        "KYIV (Meridian Wire) - Crews reopened the bridge on Monday, officials said.",
        "“We didn't expect it so soon,” the mayor's aide said of the $40 million repair.",
        "Drivers' groups welcomed the news -- and asked for more.",
    ]


def test_every_kept_word_maps_back_to_the_same_word_as_read() -> None:
    text, text_map = detokenize(TOKENIZED)
    for word in ("Meridian", "Monday", "mayor", "million", "Drivers", "more"):
        at = text.index(word)
        raw = text_map.to_raw(at)
        assert raw is not None and TOKENIZED[raw : raw + len(word)] == word


def test_a_replaced_bracket_maps_to_the_escape_it_came_from() -> None:
    text, text_map = detokenize(TOKENIZED)
    raw = text_map.to_raw(text.index("("))
    assert raw is not None and TOKENIZED[raw : raw + 5] == "-LRB-"


def test_ordinary_prose_is_not_taken_for_tokenized_text() -> None:
    assert not looks_tokenized("The mayor said, in a statement, that the bridge would reopen. It did, on Monday.")
    assert not looks_tokenized("Prices rose 5 % in a year, the office said.")
    assert looks_tokenized(TOKENIZED)
    assert looks_tokenized("Crews worked all night , officials said . Traffic resumed , and the bridge held . Good .")


def test_a_timeline17_style_record_is_read_as_plain_text_with_its_date() -> None:
    line = json.dumps({"id": "7", "time": "2009-05-12", "text": "Officials -LRB- in Geneva -RRB- said so . \n"})
    (record,) = iter_records(line, "articles.jsonl", jsonl=True)
    doc = record_document(record)  # type: ignore[arg-type]
    assert doc.text == "Officials (in Geneva) said so.\n"
    assert doc.raw_text == "Officials -LRB- in Geneva -RRB- said so . \n"
    assert doc.hint("published") is not None


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789", min_size=1, max_size=8)
_TOKEN = st.one_of(_WORD, st.sampled_from([",", ".", "-LRB-", "-RRB-", "``", "''", "'s", "n't", "$", "%", "--"]))


@given(st.lists(st.lists(_TOKEN, min_size=1, max_size=12), min_size=1, max_size=4))
def test_detokenizing_keeps_the_lines_and_maps_every_word_to_itself(lines: list[list[str]]) -> None:
    raw = "".join(" ".join(tokens) + " \n" for tokens in lines)
    text, text_map = detokenize(raw)
    assert len(text.splitlines()) == len(lines)
    pos = 0
    for tokens in lines:
        for token in tokens:
            if token.isalnum():
                at = text.index(token, pos)
                mapped = text_map.to_raw(at)
                assert mapped is not None and raw[mapped : mapped + len(token)] == token
                pos = at + len(token)
