from __future__ import annotations

from storyline.config import Config
from storyline.doc.attribution import attribute_document
from storyline.doc.attribution_labels import dash_label, label_line, labelled, with_labels
from storyline.records import Attribution, Entity, Sentence, Token

# Hand-built parses: (word, part of speech, dependency label, head index) in order.
Word = tuple[str, str, str, int]


def _sentence(text: str, words: list[Word], start: int, paragraph: int, people: tuple[str, ...] = ()) -> Sentence:
    tokens, at = [], 0
    for word, pos, dep, head in words:
        begin = text.index(word, at)
        tokens.append(Token(start + begin, start + begin + len(word), word, word.lower(), pos, "", dep, head))
        at = begin + len(word)
    entities = tuple(Entity(start + text.index(p), start + text.index(p) + len(p), p, "PERSON") for p in people)
    return Sentence(0, start, start + len(text), text, paragraph, tokens=tuple(tokens), entities=entities)


def _label(word: str, start: int, paragraph: int, people: tuple[str, ...] = ()) -> Sentence:
    words = [(w, "PROPN", "compound", len(word.split()) - 1) for w in word.split()]
    return _sentence(f"{word}:", [*words, (":", "PUNCT", "punct", 0)], start, paragraph, people)


def _plain(text: str, start: int, paragraph: int) -> Sentence:
    words = [(w, "NOUN" if w[0].isupper() else "VERB", "dep", 0) for w in text.rstrip(".").split()]
    return _sentence(text, [*words, (".", "PUNCT", "punct", 0)], start, paragraph)


def _transcript(label: str = "RUSK", opening: str = "The council heard Senator Rusk on Monday.") -> list[Sentence]:
    first = _plain(opening, 0, 0)
    line = _label(label, first.end + 2, 1)
    said = _plain("The bridge must reopen by spring.", line.end + 1, 2)
    more = _plain("The ferry is slow.", said.end + 1, 2)
    after = _plain("The hearing ended at noon.", more.end + 2, 3)
    return [first, line, said, more, after]


def test_a_line_that_is_only_a_name_the_text_uses_and_a_colon_names_the_speaker_of_the_lines_after_it() -> None:
    sentences = _transcript()
    found = label_line(sentences, 1)
    assert found is not None
    assert (found.source, found.speaker) == ((sentences[1].start, sentences[1].start + 4), "RUSK")
    assert found.content == (sentences[2].start, sentences[3].end)  # to the end of the paragraph, not after


def test_a_label_the_text_does_not_use_elsewhere_is_a_heading() -> None:
    assert label_line(_transcript("EXCLUSIVE"), 1) is None
    assert label_line(_transcript("RUSK", "The council met on Monday."), 1) is None


def test_a_label_tagged_as_a_person_needs_no_other_mention() -> None:
    sentences = _transcript("Ilse Varga", "The council met on Monday.")
    sentences[1] = _label("Ilse Varga", sentences[1].start, 1, people=("Ilse Varga",))
    found = label_line(sentences, 1)
    assert found is not None and found.speaker == "Ilse Varga"


def test_a_label_with_a_preposition_or_a_single_letter_is_no_speaker() -> None:
    sentences = _transcript()
    sentences[1] = _sentence(
        "From Rusk:",
        [("From", "ADP", "ROOT", 0), ("Rusk", "PROPN", "pobj", 0), (":", "PUNCT", "punct", 0)],
        sentences[1].start,
        1,
    )
    assert label_line(sentences, 1) is None
    assert label_line(_transcript("A", "A council heard Senator Rusk."), 1) is None


def test_a_label_line_whose_next_sentence_is_two_paragraphs_on_says_nothing() -> None:
    sentences = _transcript()
    sentences[2] = _plain("The bridge must reopen by spring.", sentences[2].start, 3)
    assert label_line(sentences, 1) is None


DASHED = "Polls were right - Ana Roe: “The late voters broke for the mayor.”"
DASHED_WORDS: list[Word] = [
    ("Polls", "NOUN", "nsubj", 1),
    ("were", "AUX", "ROOT", 1),
    ("right", "ADJ", "acomp", 1),
    ("-", "PUNCT", "punct", 1),
    ("Ana", "PROPN", "compound", 5),
    ("Roe", "PROPN", "appos", 1),
    (":", "PUNCT", "punct", 1),
    ("“", "PUNCT", "punct", 10),
    ("The", "DET", "det", 10),
    ("late", "ADJ", "amod", 10),
    ("voters", "NOUN", "nsubj", 11),
    ("broke", "VERB", "parataxis", 1),
    ("for", "ADP", "prep", 11),
    ("the", "DET", "det", 14),
    ("mayor", "NOUN", "pobj", 12),
    (".", "PUNCT", "punct", 11),
    ("”", "PUNCT", "punct", 11),
]


def test_a_name_after_a_dash_that_opens_a_quotation_with_a_colon_is_its_speaker() -> None:
    sentence = _sentence(DASHED, DASHED_WORDS, 0, 0)
    found = dash_label(sentence)
    assert found is not None
    assert (found.speaker, DASHED[found.cue[0] : found.cue[1]]) == ("Ana Roe", ":")
    assert DASHED[found.content[0] : found.content[1]].startswith("“The late voters")


def test_a_name_after_a_dash_without_a_quotation_is_a_heading() -> None:
    text = DASHED.replace("“", "").replace("”", "")
    words = [w for w in DASHED_WORDS if w[0] not in ("“", "”")]
    words = [(w, p, d, h - (1 if h > 7 else 0)) for w, p, d, h in words]
    assert dash_label(_sentence(text, words, 0, 0)) is None


def test_a_label_already_read_is_not_read_twice() -> None:
    sentences = _transcript()
    read = label_line(sentences, 1)
    assert read is not None
    assert with_labels((read,), sentences, 1) == (read,)
    assert with_labels((), sentences, 1) == (read,)
    other = Attribution(cue=(0, 3), content=(4, 10), source=None, speaker=None)
    assert with_labels((other,), sentences, 0) == (other,)  # no colon in the sentence


def test_the_stage_reads_a_transcript_label_from_the_real_parse(make_doc) -> None:
    from storyline.doc import nlp

    text = (
        "The council heard from Senator Ana Rusk on Monday.\n\n"
        "RUSK:\nThe bridge must reopen by spring.\n\nThe hearing ended."
    )
    doc = attribute_document(nlp.build(Config())(make_doc(text, source="Meridian Wire")))
    found = [
        (doc.text[a.source[0] : a.source[1]], doc.text[a.content[0] : a.content[1]])
        for s in doc.sentences
        for a in s.attributions
        if a.source
    ]
    assert ("RUSK", "The bridge must reopen by spring.") in found


def test_labelled_knows_the_labels_these_rules_read_and_no_other_colon() -> None:
    sentences = _transcript()
    read = label_line(sentences, 1)
    assert read is not None and labelled(sentences[1], read)
    dashed = _sentence(DASHED, DASHED_WORDS, 0, 0)
    found = dash_label(dashed)
    assert found is not None and labelled(dashed, found)
    # "Ana Roe: the boats are old" opens its line with the words after it: the headline rule's, not these
    opening = _sentence(
        "Roe: boats", [("Roe", "PROPN", "ROOT", 0), (":", "PUNCT", "punct", 0), ("boats", "NOUN", "dep", 0)], 0, 0
    )
    assert not labelled(opening, Attribution(cue=(3, 4), content=(5, 10), source=(0, 3), speaker="Roe"))


def test_a_long_transcript_of_unknown_labels_is_read_in_one_pass(monkeypatch) -> None:
    from storyline.doc import attribution_labels

    sentences: list[Sentence] = [_plain("The council heard Senator Rusk on Monday.", 0, 0)]
    for n in range(60):  # "SPEAKER:" lines the text never names, each with a line said after it
        line = _label("SPEAKER", sentences[-1].end + 2, 2 * n + 1)
        sentences += [line, _plain("The ferry is slow.", line.end + 1, 2 * n + 2)]
    reads = []
    real = attribution_labels._bare_label
    monkeypatch.setattr(attribution_labels, "_bare_label", lambda s: reads.append(s) or real(s))
    document = tuple(sentences)
    found = [label_line(document, k) for k in range(len(document))]
    assert found == [None] * len(sentences)
    assert len(reads) < 3 * len(sentences)  # each sentence read a few times, not once per label line
    assert label_line(tuple(_transcript()), 1) is not None  # a new document's words are read afresh
