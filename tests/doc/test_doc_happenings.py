"""A sentence's main verbs and their named actors, read from a hand-built parse, and once from spaCy's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.doc.digest import digest_sentence
from storyline.doc.happenings import happenings
from storyline.records import Happening, Sentence, Token

Word = tuple[str, str, str, int, str]  # text, pos, dep, head (index in the sentence), lemma


def parsed(words: list[Word], start: int = 100) -> Sentence:
    """A sentence starting at ``start`` in its document, words joined by single spaces."""
    tokens, at = [], start
    for text, pos, dep, head, lemma in words:
        tokens.append(Token(at, at + len(text), text, lemma, pos, "", dep, head))
        at += len(text) + 1
    text = " ".join(w[0] for w in words)
    return Sentence(index=0, start=start, end=start + len(text), text=text, paragraph=0, tokens=tuple(tokens))


# "The ministry said that Castell would travel to Amber to meet fishers ."
ANNOUNCED = [
    ("The", "DET", "det", 1, "the"), ("ministry", "NOUN", "nsubj", 2, "ministry"), ("said", "VERB", "ROOT", 2, "say"),
    ("that", "SCONJ", "mark", 6, "that"), ("Castell", "PROPN", "nsubj", 6, "Castell"),
    ("would", "AUX", "aux", 6, "would"), ("travel", "VERB", "ccomp", 2, "travel"), ("to", "ADP", "prep", 6, "to"),
    ("Amber", "PROPN", "pobj", 7, "Amber"), ("to", "PART", "aux", 10, "to"), ("meet", "VERB", "advcl", 6, "meet"),
    ("fishers", "NOUN", "dobj", 10, "fisher"), (".", "PUNCT", "punct", 2, "."),
]  # fmt: skip
# "Minister Castell approved the plan , and she toured the harbour ."
COORDINATED = [
    ("Minister", "PROPN", "compound", 1, "Minister"), ("Castell", "PROPN", "nsubj", 2, "Castell"),
    ("approved", "VERB", "ROOT", 2, "approve"), ("the", "DET", "det", 4, "the"), ("plan", "NOUN", "dobj", 2, "plan"),
    (",", "PUNCT", "punct", 2, ","), ("and", "CCONJ", "cc", 2, "and"), ("she", "PRON", "nsubj", 8, "she"),
    ("toured", "VERB", "conj", 2, "tour"), ("the", "DET", "det", 10, "the"), ("harbour", "NOUN", "dobj", 8, "harbour"),
    (".", "PUNCT", "punct", 2, "."),
]  # fmt: skip
# "The minister toured the harbour ."
UNNAMED = [
    ("The", "DET", "det", 1, "the"), ("minister", "NOUN", "nsubj", 2, "minister"),
    ("toured", "VERB", "ROOT", 2, "tour"), ("the", "DET", "det", 4, "the"), ("harbour", "NOUN", "dobj", 2, "harbour"),
    (".", "PUNCT", "punct", 2, "."),
]  # fmt: skip
# "The port said the coast is at the edge of a storm , raising its alert level ."
COPULA = [
    ("The", "DET", "det", 1, "the"), ("port", "NOUN", "nsubj", 2, "port"), ("said", "VERB", "ROOT", 2, "say"),
    ("the", "DET", "det", 4, "the"), ("coast", "NOUN", "nsubj", 5, "coast"), ("is", "AUX", "ccomp", 2, "be"),
    ("at", "ADP", "prep", 5, "at"), ("the", "DET", "det", 8, "the"), ("edge", "NOUN", "pobj", 6, "edge"),
    ("of", "ADP", "prep", 8, "of"), ("a", "DET", "det", 11, "a"), ("storm", "NOUN", "pobj", 9, "storm"),
    (",", "PUNCT", "punct", 5, ","), ("raising", "VERB", "advcl", 5, "raise"), ("its", "PRON", "poss", 16, "its"),
    ("alert", "NOUN", "compound", 16, "alert"), ("level", "NOUN", "dobj", 13, "level"), (".", "PUNCT", "punct", 2, "."),
]  # fmt: skip
# "Its alert was raised ."
PASSIVE = [
    ("Its", "PRON", "poss", 1, "its"), ("alert", "NOUN", "nsubjpass", 3, "alert"), ("was", "AUX", "auxpass", 3, "be"),
    ("raised", "VERB", "ROOT", 3, "raise"), (".", "PUNCT", "punct", 3, "."),
]  # fmt: skip


def test_the_happening_of_a_statement_is_the_verb_of_what_was_said() -> None:
    s = parsed(ANNOUNCED)
    assert happenings(s.tokens, s.start) == (Happening(s.text.index("travel"), "travel", "castell"),)


def test_a_coordinated_verb_is_a_happening_of_its_own_and_a_pronoun_takes_the_first_actor() -> None:
    s = parsed(COORDINATED)
    assert happenings(s.tokens, s.start) == (
        Happening(s.text.index("approved"), "approve", "castell", obj="plan"),
        Happening(s.text.index("toured"), "tour", "castell", obj="harbour"),
    )


def test_a_subject_that_is_not_a_name_gives_no_actor_and_a_noun_object_is_read() -> None:
    s = parsed(UNNAMED)
    assert happenings(s.tokens, s.start) == (Happening(s.text.index("toured"), "tour", None, obj="harbour"),)


def test_a_copulas_participle_clause_tells_the_happening_with_its_object() -> None:
    s = parsed(COPULA)
    s = replace(s, tokens=tuple(replace(t, tag="VBG") if t.text == "raising" else t for t in s.tokens))
    assert happenings(s.tokens, s.start) == (Happening(s.text.index("raising"), "raise", None, obj="level"),)
    untagged = parsed(COPULA)  # no participle tag: "be" stays the happening
    assert [h.verb for h in happenings(untagged.tokens, untagged.start)] == ["be"]


def test_a_passive_subject_is_the_object() -> None:
    s = parsed(PASSIVE)
    assert happenings(s.tokens, s.start) == (Happening(s.text.index("raised"), "raise", None, obj="alert"),)


def test_a_counted_object_is_no_object_of_the_happening() -> None:
    # "Gunmen killed five villagers ." : two attacks of one day must not join by "kill villager"
    s = parsed([
        ("Gunmen", "NOUN", "nsubj", 1, "gunman"), ("killed", "VERB", "ROOT", 1, "kill"),
        ("five", "NUM", "nummod", 3, "five"), ("villagers", "NOUN", "dobj", 1, "villager"),
        (".", "PUNCT", "punct", 1, "."),
    ])  # fmt: skip
    assert happenings(s.tokens, s.start) == (Happening(s.text.index("killed"), "kill", None, obj=None),)


def test_a_sentence_without_a_parse_or_a_verb_at_its_root_has_no_happenings() -> None:
    assert happenings((), 0) == ()
    s = parsed([("Storm", "NOUN", "ROOT", 0, "storm"), ("warnings", "NOUN", "dobj", 0, "warning")])
    assert happenings(s.tokens, s.start) == ()


def test_the_digest_stage_fills_the_happenings() -> None:
    s = digest_sentence(parsed(UNNAMED))
    assert [h.verb for h in s.happenings] == ["tour"]


@pytest.mark.model
def test_spacys_parse_gives_the_said_verb_and_a_coordinated_verb_with_its_pronouns_actor(make_doc) -> None:
    from storyline.config import Config
    from storyline.doc import nlp
    from storyline.doc.digest import digest

    text = (
        "The ministry said on Friday that Minister Ana Castell would travel to Port Amber on Monday to meet crews. "
        "Minister Ana Castell approved the repair plan on March 3, and she visited the harbour on March 10."
    )
    said, coordinated = digest(nlp.build(Config())(make_doc(text, "2031-03-07", "Wire"))).sentences
    assert [(h.verb, h.actor) for h in said.happenings] == [("travel", "castell")]
    assert [(h.verb, h.actor) for h in coordinated.happenings] == [("approve", "castell"), ("visit", "castell")]


def test_a_participle_told_after_a_present_copula_is_a_state_as_the_copula_is() -> None:
    s = parsed(COPULA)
    tagged = {"raising": "VBG", "is": "VBZ"}
    s = replace(s, tokens=tuple(replace(t, tag=tagged.get(t.text, t.tag)) for t in s.tokens))
    assert [(h.verb, h.generic) for h in digest_sentence(s).happenings] == [("raise", "state")]
    past = replace(s, tokens=tuple(replace(t, tag="VBD") if t.text == "is" else t for t in s.tokens))
    assert [(h.verb, h.generic) for h in digest_sentence(past).happenings] == [("raise", None)]
