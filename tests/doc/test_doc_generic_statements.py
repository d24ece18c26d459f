"""Advice, instructions, habits and states told apart from happenings, from hand-built parses, and once
from spaCy's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.doc.digest import digest_sentence
from storyline.doc.generic_statements import is_generic_sentence, is_generic_verb
from storyline.records import Attribution, Quantity, Sentence, TimeExpression, Token

Word = tuple[str, str, str, str, int]  # text, pos, tag, dep, head (index in the sentence)


def parsed(words: list[Word]) -> Sentence:
    """A digested sentence of ``words`` joined by single spaces (lemmas are the lower-cased words)."""
    tokens, at = [], 0
    for text, pos, tag, dep, head in words:
        lemma = {"said": "say", "denies": "deny"}.get(text, text.lower())
        tokens.append(Token(at, at + len(text), text, lemma, pos, tag, dep, head))
        at += len(text) + 1
    text = " ".join(w[0] for w in words)
    return digest_sentence(Sentence(index=0, start=0, end=len(text), text=text, paragraph=0, tokens=tuple(tokens)))


_SAID = Attribution(cue=(0, 4), content=(5, 20), source=None, speaker="the curator")


def verb_of(words: list[Word]) -> int:
    return next(i for i, w in enumerate(words) if w[3] == "ROOT")


# "Travellers should boil tap water ."
ADVICE = [
    ("Travellers", "NOUN", "NNS", "nsubj", 2), ("should", "AUX", "MD", "aux", 2), ("boil", "VERB", "VB", "ROOT", 2),
    ("tap", "NOUN", "NN", "compound", 4), ("water", "NOUN", "NN", "dobj", 2), (".", "PUNCT", ".", "punct", 2),
]  # fmt: skip
# "The crew must have left the dock ."
GUESS = [
    ("The", "DET", "DT", "det", 1), ("crew", "NOUN", "NN", "nsubj", 4), ("must", "AUX", "MD", "aux", 4),
    ("have", "AUX", "VB", "aux", 4), ("left", "VERB", "VBN", "ROOT", 4), ("the", "DET", "DT", "det", 6),
    ("dock", "NOUN", "NN", "dobj", 4), (".", "PUNCT", ".", "punct", 4),
]  # fmt: skip
# "Please cover your mouth ."
IMPERATIVE = [
    ("Please", "INTJ", "UH", "intj", 1), ("cover", "VERB", "VB", "ROOT", 1), ("your", "PRON", "PRP$", "poss", 3),
    ("mouth", "NOUN", "NN", "dobj", 1), (".", "PUNCT", ".", "punct", 1),
]  # fmt: skip
# "The fungus spreads through damp timber ."
HABIT = [
    ("The", "DET", "DT", "det", 1), ("fungus", "NOUN", "NN", "nsubj", 2), ("spreads", "VERB", "VBZ", "ROOT", 2),
    ("through", "ADP", "IN", "prep", 2), ("damp", "ADJ", "JJ", "amod", 5), ("timber", "NOUN", "NN", "pobj", 3),
    (".", "PUNCT", ".", "punct", 2),
]  # fmt: skip
# "The fungus is spread by spores ."
PRESENT_PASSIVE = [
    ("The", "DET", "DT", "det", 1), ("fungus", "NOUN", "NN", "nsubjpass", 3), ("is", "AUX", "VBZ", "auxpass", 3),
    ("spread", "VERB", "VBN", "ROOT", 3), ("by", "ADP", "IN", "agent", 3), ("spores", "NOUN", "NNS", "pobj", 4),
    (".", "PUNCT", ".", "punct", 3),
]  # fmt: skip
# "The ferry does not carry trucks ."
DO_NOT = [
    ("The", "DET", "DT", "det", 1), ("ferry", "NOUN", "NN", "nsubj", 4), ("does", "AUX", "VBZ", "aux", 4),
    ("not", "PART", "RB", "neg", 4), ("carry", "VERB", "VB", "ROOT", 4), ("trucks", "NOUN", "NNS", "dobj", 4),
    (".", "PUNCT", ".", "punct", 4),
]  # fmt: skip
# "The harbour board denies the claim ."
DENIES = [
    ("The", "DET", "DT", "det", 2), ("harbour", "NOUN", "NN", "compound", 2), ("board", "NOUN", "NN", "nsubj", 3),
    ("denies", "VERB", "VBZ", "ROOT", 3), ("the", "DET", "DT", "det", 5), ("claim", "NOUN", "NN", "dobj", 3),
    (".", "PUNCT", ".", "punct", 3),
]  # fmt: skip
# "The claim is that crews opened the gate ."
CLAIM_IS_THAT = [
    ("The", "DET", "DT", "det", 1), ("claim", "NOUN", "NN", "nsubj", 2), ("is", "AUX", "VBZ", "ROOT", 2),
    ("that", "SCONJ", "IN", "mark", 5), ("crews", "NOUN", "NNS", "nsubj", 5), ("opened", "VERB", "VBD", "ccomp", 2),
    ("the", "DET", "DT", "det", 7), ("gate", "NOUN", "NN", "dobj", 5), (".", "PUNCT", ".", "punct", 2),
]  # fmt: skip
# "Views posted here do not reflect ours ." as a parser may read it: the participle at the root
PARTICIPLE_ROOT = [
    ("Views", "NOUN", "NNS", "nsubj", 1), ("posted", "VERB", "VBN", "ROOT", 1), ("here", "ADV", "RB", "advmod", 1),
    ("do", "AUX", "VBP", "aux", 5), ("not", "PART", "RB", "neg", 5), ("reflect", "VERB", "VB", "ccomp", 1),
    ("ours", "PRON", "PRP", "dobj", 5), (".", "PUNCT", ".", "punct", 1),
]  # fmt: skip
# the same read with the participle as a past tense: "posted" VBD, its clause with no subject of its own
PAST_READ_ROOT = [(w, p, "VBD" if w == "posted" else t, d, h) for w, p, t, d, h in PARTICIPLE_ROOT]
# "The fungus has spread to the east wing ."
PERFECT = [
    ("The", "DET", "DT", "det", 1), ("fungus", "NOUN", "NN", "nsubj", 3), ("has", "AUX", "VBZ", "aux", 3),
    ("spread", "VERB", "VBN", "ROOT", 3), ("to", "ADP", "IN", "prep", 3), ("the", "DET", "DT", "det", 7),
    ("east", "ADJ", "JJ", "amod", 7), ("wing", "NOUN", "NN", "pobj", 4), (".", "PUNCT", ".", "punct", 3),
]  # fmt: skip
# "The fungus is spreading to the east wing ."
PROGRESSIVE = [
    ("The", "DET", "DT", "det", 1), ("fungus", "NOUN", "NN", "nsubj", 3), ("is", "AUX", "VBZ", "aux", 3),
    ("spreading", "VERB", "VBG", "ROOT", 3), ("to", "ADP", "IN", "prep", 3), ("the", "DET", "DT", "det", 7),
    ("east", "ADJ", "JJ", "amod", 7), ("wing", "NOUN", "NN", "pobj", 4), (".", "PUNCT", ".", "punct", 3),
]  # fmt: skip
# "Inspectors closed the museum ."
PAST = [
    ("Inspectors", "NOUN", "NNS", "nsubj", 1), ("closed", "VERB", "VBD", "ROOT", 1), ("the", "DET", "DT", "det", 3),
    ("museum", "NOUN", "NN", "dobj", 1), (".", "PUNCT", ".", "punct", 1),
]  # fmt: skip
# "The curator said visitors should wear gloves ."  (the happening is the advice said)
SAID_ADVICE = [
    ("The", "DET", "DT", "det", 1), ("curator", "NOUN", "NN", "nsubj", 2), ("said", "VERB", "VBD", "ROOT", 2),
    ("visitors", "NOUN", "NNS", "nsubj", 5), ("should", "AUX", "MD", "aux", 5), ("wear", "VERB", "VB", "ccomp", 2),
    ("gloves", "NOUN", "NNS", "dobj", 5), (".", "PUNCT", ".", "punct", 2),
]  # fmt: skip


@pytest.mark.parametrize(
    "words",
    [ADVICE, IMPERATIVE, HABIT, DO_NOT, PRESENT_PASSIVE, PARTICIPLE_ROOT, PAST_READ_ROOT],
    ids=["advice", "imperative", "habit", "do-not", "passive", "participle-root", "past-read-root"],
)
def test_advice_an_instruction_and_the_simple_present_are_generic(words: list[Word]) -> None:
    s = parsed(words)
    assert is_generic_verb(s.tokens, verb_of(words)) in ("advice", "state")
    assert [h.generic for h in s.happenings] == [is_generic_verb(s.tokens, verb_of(words))]
    assert is_generic_sentence(s)


@pytest.mark.parametrize(
    "words",
    [GUESS, PERFECT, PROGRESSIVE, PAST, DENIES, CLAIM_IS_THAT],
    ids=["must-have", "perfect", "progressive", "past", "statement", "clause-tells-a-happening"],
)
def test_a_guess_the_perfect_progressive_and_past_and_a_statement_are_happenings(words: list[Word]) -> None:
    s = parsed(words)
    assert is_generic_verb(s.tokens, verb_of(words)) is None
    assert not is_generic_sentence(s)


def test_advice_reported_by_a_speaker_is_generic() -> None:
    s = parsed(SAID_ADVICE)
    assert [(h.verb, h.generic) for h in s.happenings] == [("wear", "advice")]
    assert is_generic_sentence(s)
    assert is_generic_sentence(replace(s, attributions=(_SAID,)))


def test_a_state_told_with_its_speaker_is_an_assessment_not_generic() -> None:
    s = parsed(HABIT)
    assert [h.generic for h in s.happenings] == ["state"]
    assert not is_generic_sentence(replace(s, attributions=(_SAID,)))


def test_a_participle_misread_as_a_cue_of_saying_gives_no_speaker() -> None:
    s = parsed(PAST_READ_ROOT)
    at = s.text.index("posted")
    misread = Attribution(cue=(at, at + 6), content=(at + 7, len(s.text)), source=(0, 5), speaker="Views")
    assert is_generic_sentence(replace(s, attributions=(misread,)))


def test_a_sentence_that_names_a_date_or_gives_a_figure_is_never_generic() -> None:
    s = parsed(HABIT)
    dated = replace(s, times=(TimeExpression(0, 6, "Monday", "DATE", "2031-03-10", "2031-03-10"),))
    figure = replace(s, quantities=(Quantity(0, 3, "300 homes", 300.0, 300.0, 300.0, "count", None, None, "homes"),))
    unresolved = replace(s, times=(TimeExpression(0, 6, "Monday", "DATE", "XXXX-WXX-1", None),))
    now = replace(s, times=(TimeExpression(0, 3, "now", "DATE", "PRESENT_REF", None),))
    assert is_generic_sentence(s)
    assert is_generic_sentence(now)
    assert not is_generic_sentence(dated)
    assert not is_generic_sentence(unresolved)
    assert not is_generic_sentence(figure)


def test_a_sentence_without_a_parse_is_not_generic() -> None:
    s = Sentence(index=0, start=0, end=20, text="The fungus spreads.", paragraph=0)
    assert not is_generic_sentence(s)


@pytest.mark.model
def test_spacys_parse_marks_advice_and_habits_but_not_dated_happenings(make_doc) -> None:
    from storyline.build import document_stages
    from storyline.config import Config

    text = (
        "Residents of Eastmoor should boil their drinking water, the council said. "
        "The parasite spreads through untreated river water. "
        "The council closed the Eastmoor reservoir on Tuesday. "
        "Engineers have found a crack in the main pipe at Eastmoor."
    )
    doc = make_doc(text, "2031-03-07", "Wire")
    for stage in document_stages(Config(), until="digest"):
        doc = stage(doc)
    assert [is_generic_sentence(s) for s in doc.sentences] == [True, True, False, False]
