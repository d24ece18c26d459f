from __future__ import annotations

from dataclasses import replace

import pytest

from builders import parsed_sentence
from storyline.doc.attribution import attribute_document
from storyline.doc.attribution_learned import (
    NESTED,
    CueModel,
    candidate_features,
    candidate_probability,
    cue_model,
    forget_candidates,
    is_candidate,
    learned_attributions,
    source_model,
)
from storyline.records import Attribution, Document, Entity, Sentence, Token

TEXT = "Rusk is confident that the ferry will run."
ACCEPT_ALL = CueModel({}, 5.0, 0.5)
REJECT_ALL = CueModel({}, -5.0, 0.5)


def _tokens() -> tuple[Token, ...]:
    words = [
        ("Rusk", "Rusk", "PROPN", "NNP", "nsubj", 1),
        ("is", "be", "AUX", "VBZ", "ROOT", 1),
        ("confident", "confident", "ADJ", "JJ", "acomp", 1),
        ("that", "that", "SCONJ", "IN", "mark", 7),
        ("the", "the", "DET", "DT", "det", 5),
        ("ferry", "ferry", "NOUN", "NN", "nsubj", 7),
        ("will", "will", "AUX", "MD", "aux", 7),
        ("run", "run", "VERB", "VB", "ccomp", 2),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    out, at = [], 0
    for text, lemma, pos, tag, dep, head in words:
        start = TEXT.index(text, at)
        out.append(Token(start, start + len(text), text, lemma, pos, tag, dep, head))
        at = start + len(text)
    return tuple(out)


def _sentence() -> Sentence:
    return Sentence(
        index=0,
        start=0,
        end=len(TEXT),
        text=TEXT,
        paragraph=0,
        tokens=_tokens(),
        entities=(Entity(0, 4, "Rusk", "PERSON"),),
    )


def _cut(span: tuple[int, int] | None) -> str | None:
    return None if span is None else TEXT[span[0] : span[1]]


def test_model_probability_is_logistic_over_named_weights() -> None:
    model = CueModel({"lemma=say": 2.0, "modal": -1.0}, -1.0, 0.5)
    assert model.probability(["lemma=say"]) > 0.73 > model.probability(["lemma=say", "modal"])
    assert model.probability(["unknown"]) == model.probability([])


def test_candidates_are_verbs_and_a_be_that_heads_a_complement() -> None:
    words = [_tokens()[i].text for i, _ in candidate_features(_sentence(), [], [])]
    assert words == ["is", "run"]


def test_features_name_the_lemma_the_subject_entity_and_the_that_clause() -> None:
    names = dict(candidate_features(_sentence(), [], []))[1]
    assert {"lemma=be", "subj=PERSON", "child=acomp", "lemma=be|child=acomp", "subj_before", "rule=none"} <= set(names)
    run = dict(candidate_features(_sentence(), [], [(0, len(TEXT))]))[7]
    assert "in_quote" in run and "that" not in run


def test_accepted_word_gets_its_subject_as_source_and_what_it_governs_as_content() -> None:
    found = learned_attributions(_sentence(), [], [], [], ACCEPT_ALL)
    assert [(_cut(a.source), _cut(a.cue), _cut(a.content)) for a in found] == [
        ("Rusk", "is", "confident that the ferry will run")
    ]  # "run" has no complement of its own, so it adds nothing


def test_rejected_word_and_word_the_rules_took_add_nothing() -> None:
    assert learned_attributions(_sentence(), [], [], [], REJECT_ALL) == ()
    taken = Attribution(cue=(5, 7), content=(8, 41), source=(0, 4), speaker="Rusk")
    assert learned_attributions(_sentence(), [taken], [], [], ACCEPT_ALL) == (taken,)


def test_rule_stance_and_claim_below_the_veto_are_dropped_and_a_denial_is_kept() -> None:
    taken = Attribution(cue=(5, 7), content=(8, 41), source=(0, 4), speaker="Rusk")
    denial = replace(taken, kind="denial")
    doubtful = CueModel({"rule=cue": -4.0}, 2.0, 0.99, veto=0.5)
    assert learned_attributions(_sentence(), [taken], [taken], [], doubtful) == ()
    assert learned_attributions(_sentence(), [taken], [], [], doubtful) == ()
    assert learned_attributions(_sentence(), [denial], [], [], doubtful) == (denial,)


def test_the_veto_tells_a_report_from_a_stance() -> None:
    taken = Attribution(cue=(5, 7), content=(8, 41), source=(0, 4), speaker="Rusk")
    spare_reports = CueModel({"rule_kind=stance": -9.0}, 2.0, 0.99, veto=0.5)
    assert learned_attributions(_sentence(), [taken], [taken], [], spare_reports) == ()
    assert learned_attributions(_sentence(), [taken], [], [], spare_reports) == (taken,)


def test_a_source_model_chooses_the_source_of_an_added_attribution() -> None:
    nobody = CueModel({}, -5.0, 0.5)
    [found] = learned_attributions(_sentence(), [], [], [], ACCEPT_ALL, sources=nobody)
    assert _cut(found.cue) == "is" and found.source is None and found.speaker is None
    subject = CueModel({"parse_subject": 10.0}, -5.0, 0.5)
    [found] = learned_attributions(_sentence(), [], [], [], ACCEPT_ALL, sources=subject)
    assert _cut(found.source) == "Rusk" and found.speaker == "Rusk"


def test_learned_attributions_never_change_the_status(make_doc) -> None:
    text = "Rusk is keen on the ferry."  # an adjective with no clause after it: the rules miss it
    words = [
        ("Rusk", "Rusk", "PROPN", "NNP", "nsubj", 1),
        ("is", "be", "AUX", "VBZ", "ROOT", 1),
        ("keen", "keen", "ADJ", "JJ", "acomp", 1),
        ("on", "on", "ADP", "IN", "prep", 2),
        ("the", "the", "DET", "DT", "det", 5),
        ("ferry", "ferry", "NOUN", "NN", "pobj", 3),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    tokens, at = [], 0
    for word, lemma, pos, tag, dep, head in words:
        start = text.index(word, at)
        tokens.append(Token(start, start + len(word), word, lemma, pos, tag, dep, head))
        at = start + len(word)
    doc = make_doc(text)
    doc = replace(doc, sentences=(replace(doc.sentences[0], tokens=tuple(tokens), entities=_sentence().entities),))
    rules, learned = attribute_document(doc), attribute_document(doc, ACCEPT_ALL)
    assert [(s.status, s.attributed_to) for s in learned.sentences] == [
        (s.status, s.attributed_to) for s in rules.sentences
    ]
    assert set(rules.sentences[0].attributions) < set(learned.sentences[0].attributions)


def test_fitted_model_loads_with_a_threshold_between_zero_and_one() -> None:
    model = cue_model()
    assert 0.0 < model.threshold < 1.0 and model.weights
    sources = source_model()
    assert sources is None or (0.0 < sources.threshold < 1.0 and sources.weights)


def _parsed_spans(text: str, cue: str) -> tuple[str | None, str] | None:
    from storyline.config import Config
    from storyline.doc import nlp
    from storyline.doc.attribution_learned import spans
    from storyline.doc.attribution_tree import children_of
    from storyline.textmap import TextMap

    doc = nlp.build(Config())(
        Document(id="d", path="p", raw_text=text, text=text, text_map=TextMap.identity(len(text)))
    )
    sentence = doc.sentences[0]
    i = next(k for k, t in enumerate(sentence.tokens) if t.text == cue)
    found = spans(sentence, children_of(sentence.tokens), i)
    if found is None:
        return None
    source = None if found.source is None else text[found.source[0] : found.source[1]]
    return source, text[found.content[0] : found.content[1]]


@pytest.mark.model
def test_cue_in_a_relative_clause_says_the_noun_it_hangs_on() -> None:
    assert _parsed_spans("The council dropped the toll, which the mayor opposed.", "opposed") == (
        "the mayor",
        "the toll",
    )


@pytest.mark.model
def test_cue_that_interrupts_a_sentence_says_the_sentence_around_it() -> None:
    source, content = _parsed_spans("The ferry will not run, she added, until the storm passes.", "added") or (None, "")
    assert source == "she" and content.startswith("The ferry will not run") and content.endswith("passes")


def test_candidates_of_one_sentence_read_again_follow_its_quotations() -> None:
    sentence = _sentence()
    plain = dict(candidate_features(sentence, [], []))
    quoted = dict(candidate_features(sentence, [], [(0, len(TEXT))]))
    assert "in_quote" not in plain[7] and "in_quote" in quoted[7]
    assert dict(candidate_features(sentence, [], [])) == plain


@pytest.mark.parametrize("word", ["according", "According", "ACCORDING"])
def test_according_in_any_case_is_a_candidate_and_a_longer_word_is_not(word: str) -> None:
    tokens = (Token(0, len(word), word, word.lower(), "ADV", "RB", "ROOT", 0),)
    longer = (Token(0, 10, word + "s", word.lower() + "s", "ADV", "RB", "ROOT", 0),)
    assert is_candidate(tokens, {}, 0)
    assert not is_candidate(longer, {}, 0)


NESTED_TEXT = "Roe said the mayor wants a new bridge."


def _nested_sentence() -> Sentence:
    words = [
        ("Roe", "Roe", "PROPN", "NNP", "nsubj", 1),
        ("said", "say", "VERB", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 3),
        ("mayor", "mayor", "NOUN", "NN", "nsubj", 4),
        ("wants", "want", "VERB", "VBZ", "ccomp", 1),
        ("a", "a", "DET", "DT", "det", 7),
        ("new", "new", "ADJ", "JJ", "amod", 7),
        ("bridge", "bridge", "NOUN", "NN", "dobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    tokens, at = [], 0
    for text, lemma, pos, tag, dep, head in words:
        start = NESTED_TEXT.index(text, at)
        tokens.append(Token(start, start + len(text), text, lemma, pos, tag, dep, head))
        at = start + len(text)
    return Sentence(index=0, start=0, end=len(NESTED_TEXT), text=NESTED_TEXT, paragraph=0, tokens=tuple(tokens))


def _nested_cut(span: tuple[int, int] | None) -> str | None:
    return None if span is None else NESTED_TEXT[span[0] : span[1]]


def test_a_doubtful_cue_inside_a_rule_attributions_content_adds_nothing() -> None:
    said = Attribution(cue=(4, 8), content=(9, 37), source=(0, 3), speaker="Roe")
    doubtful = CueModel({}, 0.0, 0.4)  # every candidate at 0.5: above the threshold, below NESTED
    assert NESTED > doubtful.probability([]) >= doubtful.threshold
    assert learned_attributions(_nested_sentence(), [said], [], [], doubtful) == (said,)
    alone = learned_attributions(_nested_sentence(), [], [], [], doubtful)
    assert [_nested_cut(a.cue) for a in alone] == ["said", "wants"]  # the same word outside any content is added


def test_a_confident_cue_inside_a_rule_attributions_content_is_added() -> None:
    said = Attribution(cue=(4, 8), content=(9, 37), source=(0, 3), speaker="Roe")
    sure = CueModel({}, 2.0, 0.4)
    assert sure.probability([]) >= NESTED
    found = learned_attributions(_nested_sentence(), [said], [], [], sure)
    assert [(_nested_cut(a.source), _nested_cut(a.cue), _nested_cut(a.content)) for a in found] == [
        ("Roe", "said", "the mayor wants a new bridge"),
        ("the mayor", "wants", "a new bridge"),
    ]


def test_candidate_probability_is_the_models_and_is_read_once_for_shared_names() -> None:
    forget_candidates()
    sentence, model = _sentence(), CueModel({"lemma=run": 1.5}, -0.5, 0.5)
    names = dict(candidate_features(sentence, [], []))[7]  # a bare sentence's names: shared
    assert candidate_probability(model, names) == model.probability(names)
    other = CueModel({"lemma=run": -1.5}, -0.5, 0.5)  # another model scores the same names anew
    assert candidate_probability(other, names) == other.probability(names) < model.probability(names)
    again = dict(candidate_features(sentence, [], []))[7]
    assert again is names and candidate_probability(model, again) == model.probability(names)


SEEMS = "Rusk seems ready to sail."


def _seems() -> Sentence:
    words = [
        ("Rusk", "Rusk", "PROPN", "NNP", "nsubj", 1),
        ("seems", "seem", "VERB", "VBZ", "ROOT", 1),
        ("ready", "ready", "ADJ", "JJ", "acomp", 1),
        ("to", "to", "PART", "TO", "aux", 4),
        ("sail", "sail", "VERB", "VB", "xcomp", 2),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    return parsed_sentence(SEEMS, words, (Entity(0, 4, "Rusk", "PERSON"),))


def test_a_verb_of_appearance_the_model_adds_is_the_writers_impression_with_no_source() -> None:
    subject = CueModel({"parse_subject": 10.0}, -5.0, 0.5)
    found = {SEEMS[a.cue[0] : a.cue[1]]: a for a in learned_attributions(_seems(), [], [], [], ACCEPT_ALL, subject)}
    assert SEEMS[slice(*found["seems"].content)] == "ready to sail"
    assert found["seems"].source is None and found["seems"].speaker is None


def test_a_demonstrative_the_source_model_chooses_is_no_source() -> None:
    text = "That helps the ferry."
    words = [
        ("That", "that", "PRON", "DT", "nsubj", 1),
        ("helps", "help", "VERB", "VBZ", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 3),
        ("ferry", "ferry", "NOUN", "NN", "dobj", 1),
    ]
    subject = CueModel({"parse_subject": 10.0}, -5.0, 0.5)
    [found] = learned_attributions(parsed_sentence(text, words), [], [], [], ACCEPT_ALL, subject)
    assert text[slice(*found.cue)] == "helps" and found.source is None and found.speaker is None
