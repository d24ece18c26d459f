"""The digest stage reads, once per document, what the corpus stages need from the parse: whether a
sentence has a verb of action, its content lemmas, and a figure's clause subject and counted phrase."""

from __future__ import annotations

from dataclasses import replace

from storyline.doc.digest import clause_subject, content_lemmas, digest, digest_quantity, digest_sentence, has_action
from storyline.records import Document, Quantity, Sentence, Token
from storyline.textmap import TextMap

Word = tuple[str, str, str, int]  # text, pos, dep, head (index in the sentence)


def parsed(words: list[Word], lemmas: dict[str, str] | None = None) -> Sentence:
    """A sentence from (text, pos, dep, head) tuples, words joined by single spaces."""
    tokens, pos = [], 0
    for text, tag, dep, head in words:
        lemma = (lemmas or {}).get(text, text.lower())
        tokens.append(Token(pos, pos + len(text), text, lemma, tag, "CD" if tag == "NUM" else "", dep, head))
        pos += len(text) + 1
    text = " ".join(w[0] for w in words)
    return Sentence(index=0, start=0, end=len(text), text=text, paragraph=0, tokens=tuple(tokens))


def count(s: Sentence, number: str) -> Quantity:
    at = s.text.index(number)
    value = float(number.replace(",", ""))
    return Quantity(at, at + len(number), number, value, value, value, "count", None, None, None)


VIRUS = [
    ("The", "DET", "det", 2), ("H5N1", "PROPN", "compound", 2), ("virus", "NOUN", "nsubj", 4),
    ("has", "AUX", "aux", 4), ("killed", "VERB", "ROOT", 4), ("257", "NUM", "nummod", 6),
    ("people", "NOUN", "dobj", 4), (".", "PUNCT", "punct", 4),
]  # fmt: skip
SAID = [
    ("Officials", "NOUN", "nsubj", 1), ("said", "VERB", "ROOT", 1), ("nothing", "PRON", "dobj", 1),
    ("new", "ADJ", "amod", 2), (".", "PUNCT", "punct", 1),
]  # fmt: skip


def test_subject_is_the_verbs_subject_with_its_name_or_code() -> None:
    s = parsed(VIRUS)
    assert clause_subject(s.tokens, count(s, "257")) == "H5N1 virus"


def test_subject_of_a_relative_clause_is_the_noun_it_hangs_on() -> None:
    s = parsed(
        [("A", "DET", "det", 2), ("new", "ADJ", "amod", 2), ("flu", "NOUN", "nsubj", 8), ("that", "PRON", "nsubj", 5),
         ("has", "AUX", "aux", 5), ("killed", "VERB", "relcl", 2), ("68", "NUM", "nummod", 7),
         ("people", "NOUN", "dobj", 5), ("spread", "VERB", "ROOT", 8), (".", "PUNCT", "punct", 8)]
    )  # fmt: skip
    assert clause_subject(s.tokens, count(s, "68")) == "new flu"


def test_a_verb_of_saying_alone_is_no_action() -> None:
    assert has_action(parsed(VIRUS).tokens) is True
    assert has_action(parsed(SAID, lemmas={"said": "say"}).tokens) is False


def test_content_lemmas_are_nouns_names_verbs_and_adjectives_of_three_letters_or_more() -> None:
    s = parsed(VIRUS, lemmas={"killed": "kill"})
    assert content_lemmas(s.tokens) == ("virus", "kill", "people")  # "h5n1" is not all letters


def test_digest_fills_the_sentence_and_its_quantities_from_the_tokens() -> None:
    s = parsed(VIRUS, lemmas={"killed": "kill"})
    s = replace(s, quantities=(count(s, "257"),))
    done = digest_sentence(s)
    assert (done.action, done.lemmas) == (True, ("virus", "kill", "people"))
    assert (done.quantities[0].subject, done.quantities[0].counted) == ("H5N1 virus", "people")
    assert done.tokens == s.tokens


def test_an_unparsed_sentence_keeps_the_benefit_of_the_doubt() -> None:
    text = "The virus has killed 257 people."
    s = Sentence(index=0, start=0, end=len(text), text=text, paragraph=0)
    s = replace(s, quantities=(count(s, "257"),))
    doc = Document(id="d", path="d", raw_text=text, text=text, text_map=TextMap.identity(len(text)), sentences=(s,))
    done = digest(doc).sentences[0]
    assert (done.action, done.lemmas, done.quantities[0].subject, done.quantities[0].counted) == (None, (), None, None)


def test_a_head_outside_the_sentence_gives_no_counted_phrase() -> None:
    s = parsed([("Crews", "NOUN", "nsubj", 1), ("saved", "VERB", "ROOT", 9), ("40", "NUM", "nummod", 3),
                ("people", "NOUN", "dobj", 1)])  # fmt: skip
    done = digest_quantity(s.tokens, count(s, "40"))
    assert done.counted is None and done.subject == "crews"
