"""Who opens a statement and whom a sentence is about, read from the parse (our own sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storyline.config import Config
from storyline.doc.time_speaker import Statement, closing_statement, opening_statement, subject_words
from storyline.records import Document, Sentence


def first_sentence(make_doc: Callable[..., Document], text: str) -> Sentence:
    from storyline.doc import nlp

    return nlp.build(Config())(make_doc(text)).sentences[0]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("The water board said the levee would hold.", Statement("board", False)),
        ("The bus company denied that its drivers were on strike.", Statement("company", True)),
        ("It said the bridge was safe.", Statement(None, False)),
        ("The levee held through the night, the water board said.", None),  # the speaker after what is said
        ("The levee held through the night.", None),  # no verb of saying
    ],
)
def test_a_statement_is_opened_by_its_speaker(make_doc, text: str, statement: Statement | None) -> None:
    assert opening_statement(first_sentence(make_doc, text)) == statement


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Two families climbed onto a roof, a fire brigade officer said.", Statement("officer", False)),
        ("The water board said the levee would hold.", None),  # the speaker before what is said
        ("The levee held through the night.", None),  # no verb of saying
    ],
)
def test_a_statement_is_closed_by_its_speaker(make_doc, text: str, statement: Statement | None) -> None:
    assert closing_statement(first_sentence(make_doc, text)) == statement


@pytest.mark.model
def test_subject_words_are_the_nouns_and_names_of_the_subject(make_doc) -> None:
    sentence = first_sentence(make_doc, "The harbour police and Kestrel County closed the pier on Monday.")
    assert subject_words(sentence) == {"harbour", "police", "kestrel", "county"}


def test_without_a_parse_nothing_is_found(make_doc) -> None:
    sentence = make_doc("The water board said the levee would hold.").sentences[0]
    assert opening_statement(sentence) is None and subject_words(sentence) == frozenset()
