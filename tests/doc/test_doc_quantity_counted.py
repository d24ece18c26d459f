"""The counted phrase of a count, read from the dependency parse (storyline.doc.quantity_counted).

Most parses are written by hand (the arcs spaCy's English model gives these sentences), so no model is
loaded; one test runs the model on our own sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.doc.quantity_counted import counted_phrase, counted_words, phrase_words, plain_adjective
from storyline.records import Token

# (text, lemma, pos, tag, dep, head); a lemma of "" is the text
Arc = tuple[str, str, str, str, str, int]


def parse(*arcs: Arc) -> tuple[Token, ...]:
    """Tokens with offsets as if the texts were joined by spaces (a "-" is joined without spaces)."""
    tokens, pos = [], 0
    for k, (text, lemma, tag_pos, tag, dep, head) in enumerate(arcs):
        if k and text != "-" and arcs[k - 1][0] != "-":
            pos += 1
        tokens.append(Token(pos, pos + len(text), text, lemma or text, tag_pos, tag, dep, head))
        pos += len(text)
    return tuple(tokens)


def span(tokens: tuple[Token, ...], first: int, last: int) -> tuple[int, int]:
    return tokens[first].start, tokens[last].end


# "The firm sold 3 million headsets."
HEADSETS = parse(
    ("The", "the", "DET", "DT", "det", 1),
    ("firm", "", "NOUN", "NN", "nsubj", 2),
    ("sold", "sell", "VERB", "VBD", "ROOT", 2),
    ("3", "", "NUM", "CD", "compound", 4),
    ("million", "", "NUM", "CD", "nummod", 5),
    ("headsets", "headset", "NOUN", "NNS", "dobj", 2),
    (".", "", "PUNCT", ".", "punct", 2),
)
# "He scored two record goals."
GOALS = parse(
    ("He", "he", "PRON", "PRP", "nsubj", 1),
    ("scored", "score", "VERB", "VBD", "ROOT", 1),
    ("two", "", "NUM", "CD", "nummod", 4),
    ("record", "", "NOUN", "NN", "compound", 4),
    ("goals", "goal", "NOUN", "NNS", "dobj", 1),
)
# "Only 12 of the 30 players trained."
PLAYERS = parse(
    ("Only", "only", "ADV", "RB", "advmod", 1),
    ("12", "", "NUM", "CD", "nsubj", 6),
    ("of", "", "ADP", "IN", "prep", 1),
    ("the", "", "DET", "DT", "det", 5),
    ("30", "", "NUM", "CD", "nummod", 5),
    ("players", "player", "NOUN", "NNS", "pobj", 2),
    ("trained", "train", "VERB", "VBN", "ROOT", 6),
)
# "Officials reported the 4 new cases."
CASES = parse(
    ("Officials", "official", "NOUN", "NNS", "nsubj", 1),
    ("reported", "report", "VERB", "VBD", "ROOT", 1),
    ("the", "", "DET", "DT", "det", 5),
    ("4", "", "NUM", "CD", "nummod", 5),
    ("new", "", "ADJ", "JJ", "amod", 5),
    ("cases", "case", "NOUN", "NNS", "dobj", 1),
)


@pytest.mark.parametrize(
    ("tokens", "first", "last", "phrase"),
    [
        (HEADSETS, 3, 4, "headset"),  # the number's top word "million" hangs on the noun
        (GOALS, 2, 2, "record goal"),  # a compound modifier is part of what is counted
        (PLAYERS, 1, 1, "player"),  # "12 of the 30 players": the noun after the number's "of"
        (PLAYERS, 4, 5, "player"),
        (CASES, 3, 3, "new case"),  # an adjective modifier too, lemmatized, "the" left out
    ],
)
def test_counted_phrase_is_the_noun_the_number_modifies_with_its_modifiers(
    tokens: tuple[Token, ...], first: int, last: int, phrase: str
) -> None:
    assert counted_phrase(tokens, *span(tokens, first, last)) == phrase


def test_a_modifier_right_before_the_number_counts_but_not_one_across_of() -> None:
    # "a record 32 goals": "record" hangs on "goals" and stands right before the number
    record = parse(
        ("a", "", "DET", "DT", "det", 3),
        ("record", "", "NOUN", "NN", "compound", 3),
        ("32", "", "NUM", "CD", "nummod", 3),
        ("goals", "goal", "NOUN", "NNS", "dobj", 3),
    )
    assert counted_phrase(record, *span(record, 2, 2)) == "record goal"
    # "a total of five profile slots", parsed with "total" on "slots": "of" stands between
    total = parse(
        ("a", "", "DET", "DT", "det", 5),
        ("total", "", "ADJ", "JJ", "amod", 5),
        ("of", "", "ADP", "IN", "prep", 1),
        ("five", "", "NUM", "CD", "nummod", 5),
        ("profile", "", "NOUN", "NN", "compound", 5),
        ("slots", "slot", "NOUN", "NNS", "ROOT", 5),
    )
    assert counted_phrase(total, *span(total, 3, 5)) == "profile slot"


def test_a_word_hyphenated_to_the_number_is_what_is_counted() -> None:
    # "a six-cylinder engine" counts cylinders, not engines
    engine = parse(
        ("a", "", "DET", "DT", "det", 4),
        ("six", "", "NUM", "CD", "nummod", 3),
        ("-", "", "PUNCT", "HYPH", "punct", 3),
        ("cylinder", "", "NOUN", "NN", "compound", 4),
        ("engine", "", "NOUN", "NN", "ROOT", 4),
    )
    assert counted_phrase(engine, *span(engine, 1, 1)) == "cylinder"


def test_names_are_kept_as_written_and_hyphenated_modifiers_whole() -> None:
    # "millions of Americans"; "two gas-only powertrain options"
    americans = parse(
        ("millions", "million", "NOUN", "NNS", "ROOT", 0),
        ("of", "", "ADP", "IN", "prep", 0),
        ("Americans", "", "PROPN", "NNPS", "pobj", 1),
    )
    assert counted_phrase(americans, *span(americans, 0, 0)) == "americans"
    options = parse(
        ("two", "", "NUM", "CD", "nummod", 5),
        ("gas", "", "NOUN", "NN", "npadvmod", 3),
        ("-", "", "PUNCT", "HYPH", "punct", 3),
        ("only", "", "ADJ", "JJ", "amod", 5),
        ("powertrain", "", "NOUN", "NN", "compound", 5),
        ("options", "option", "NOUN", "NNS", "ROOT", 5),
    )
    assert counted_phrase(options, *span(options, 0, 0)) == "gas-only powertrain option"


def test_a_number_that_modifies_no_noun_has_no_counted_phrase() -> None:
    # "The index closed at 27,349."
    index = parse(
        ("The", "", "DET", "DT", "det", 1),
        ("index", "", "NOUN", "NN", "nsubj", 2),
        ("closed", "close", "VERB", "VBD", "ROOT", 2),
        ("at", "", "ADP", "IN", "prep", 2),
        ("27,349", "", "NUM", "CD", "pobj", 3),
    )
    assert counted_phrase(index, *span(index, 4, 4)) is None
    assert counted_words(index, *span(index, 4, 4)) == []


def test_a_plural_the_lemma_tables_give_another_word_has_its_own_singular() -> None:
    # "The clinic gave 40 doses." with the model's lemmas: "doses" "dos", "species" "specie", "means" "mean"
    for text, wrong, right in (("doses", "dos", "dose"), ("species", "specie", "species"), ("means", "mean", "means")):
        tokens = parse(
            ("The", "the", "DET", "DT", "det", 1),
            ("clinic", "", "NOUN", "NN", "nsubj", 2),
            ("gave", "give", "VERB", "VBD", "ROOT", 2),
            ("40", "", "NUM", "CD", "nummod", 4),
            (text, wrong, "NOUN", "NNS", "dobj", 2),
        )
        assert counted_phrase(tokens, *span(tokens, 3, 3)) == right


@pytest.mark.parametrize(
    ("word", "plain"),
    [
        ("finest", "fine"),
        ("latest", "late"),
        ("wider", "wide"),
        ("oddest", "odd"),
        ("longest", "long"),
        ("strongest", "strong"),
        ("strangest", "strange"),
        ("thinnest", "thin"),
        ("newest", "new"),
        ("realest", "real"),
    ],
)
def test_a_superlative_keeps_its_silent_e_its_double_letter_and_its_ng(word: str, plain: str) -> None:
    assert plain_adjective(word) == plain


def test_comparatives_and_superlatives_become_the_plain_adjective() -> None:
    assert [plain_adjective(w) for w in ("smaller", "earliest", "hottest", "best", "new")] == [
        "small",
        "early",
        "hot",
        "good",
        "new",
    ]


_WORDS = ("3", "12", "million", "of", "the", "new", "record", "cases", "goals", "Kyiv", "-", "and", "drones")
_POS = ("NUM", "NOUN", "PROPN", "ADJ", "ADP", "DET", "PUNCT", "CCONJ", "VERB")
_DEPS = ("nummod", "quantmod", "compound", "amod", "prep", "pobj", "conj", "cc", "punct", "ROOT", "nsubj")


@st.composite
def parsed_sentences(draw: st.DrawFn) -> tuple[tuple[Token, ...], int]:
    n = draw(st.integers(1, 9))
    arcs = [
        (
            draw(st.sampled_from(_WORDS)),
            "",
            draw(st.sampled_from(_POS)),
            draw(st.sampled_from(("CD", "NN", "NNS", "NNP", "JJ", "JJS", "IN"))),
            draw(st.sampled_from(_DEPS)),
            draw(st.integers(0, n - 1)),
        )
        for _ in range(n)
    ]
    return parse(*arcs), draw(st.integers(0, n - 1))


@settings(max_examples=300, deadline=None)
@given(parsed_sentences())
def test_counted_phrase_is_always_words_of_the_sentence(sentence: tuple[tuple[Token, ...], int]) -> None:
    tokens, at = sentence
    phrase = counted_phrase(tokens, tokens[at].start, tokens[at].end)
    if phrase is None:
        return
    forms = {f for t in tokens for f in (t.text.lower(), t.lemma.lower(), plain_adjective(t.text.lower()))}
    for word in phrase.split():
        assert all(part in forms for part in word.split("-")), (word, [t.text for t in tokens])


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "number", "phrase"),
    [
        ("The company sold 3 million headsets last year.", "3 million", "headset"),
        ("The striker scored two record goals on Sunday.", "two", "record goal"),
        ("Only 12 of the 30 players finished the race.", "12", "player"),
        ("Health officials confirmed the 4 new cases on Friday.", "4", "new case"),
        ("The ferry carried 40 passengers across the bay.", "40", "passenger"),
        ("Two jets dropped two 500-pound bombs on the depot.", "two 500-pound bombs", "bomb"),
        ("A dozen 10-tonne trucks waited at the gate.", "A dozen 10-tonne trucks", "truck"),
        ("The crane lifted three 40-foot containers.", "three 40-foot containers", "container"),
        ("The carrier grounded two new 717 Vega jets.", "two new 717 Vega jets", "new 717 vega jet"),
        ("The shop sold 400 Orbit 5 phones in a week.", "400 Orbit 5 phones", "orbit 5 phone"),
        # plurals whose lemma in the model's tables is another word: "dos", "specie", "basis", "taxis"
        ("The nurses gave out 300 doses on Monday.", "300", "dose"),
        ("The survey found 12 species of moth in the wood.", "12", "species"),
        ("The navy closed 4 bases along the coast.", "4", "base"),
        ("The council raised 3 taxes last spring.", "3", "tax"),
        ("The firm opened 10 data centres in the north.", "10", "data centre"),
        ("Four media outlets carried the report.", "Four", "media outlet"),
        # plurals the model gets right keep their lemma
        ("The depot sent 7 buses and 5 gases to the lab.", "7", "bus"),
        ("The region faced 3 crises in a decade.", "3", "crisis"),
        ("The lab ran 30 analyses of the river water.", "30", "analysis"),
        ("The bats carried 9 viruses.", "9", "virus"),
        ("The airline grounded 2 aircraft on Friday.", "2", "aircraft"),
    ],
)
def test_the_model_parse_gives_the_counted_phrase(sentence: str, number: str, phrase: str) -> None:
    from storyline.config import Config
    from storyline.eval.newsquant_parse import parse_texts

    parsed, _ = parse_texts([sentence], Config())
    tokens = parsed[0][0]
    start = sentence.index(number)
    assert counted_phrase(tokens, start, start + len(number)) == phrase


def test_a_name_that_owns_the_counted_noun_is_part_of_the_phrase_but_not_a_pronoun() -> None:
    # "Two of Garcia's aides quit" and "Two of his aides quit"
    def aides(owner: str, pos: str, tag: str) -> tuple[Token, ...]:
        return parse(
            ("Two", "two", "NUM", "CD", "nsubj", 5),
            ("of", "", "ADP", "IN", "prep", 0),
            (owner, owner.lower(), pos, tag, "poss", 4),
            ("'s", "'s", "PART", "POS", "case", 2),
            ("aides", "aide", "NOUN", "NNS", "pobj", 1),
            ("quit", "", "VERB", "VBD", "ROOT", 5),
        )

    garcia = aides("Garcia", "PROPN", "NNP")
    assert counted_phrase(garcia, *span(garcia, 0, 0)) == "garcia aide"
    his = parse(
        ("Two", "two", "NUM", "CD", "nsubj", 4),
        ("of", "", "ADP", "IN", "prep", 0),
        ("his", "his", "PRON", "PRP$", "poss", 3),
        ("aides", "aide", "NOUN", "NNS", "pobj", 1),
        ("quit", "", "VERB", "VBD", "ROOT", 4),
    )
    assert counted_phrase(his, *span(his, 0, 0)) == "aide"


def test_a_fraction_is_read_as_a_fraction_of_the_noun_after_its_of() -> None:
    # "One fifth of the EU fleet sank" and "Half of them stayed"
    fleet = parse(
        ("One", "one", "NUM", "CD", "nummod", 1),
        ("fifth", "", "NOUN", "NN", "nsubj", 6),
        ("of", "", "ADP", "IN", "prep", 1),
        ("the", "", "DET", "DT", "det", 5),
        ("EU", "", "PROPN", "NNP", "compound", 5),
        ("fleet", "", "NOUN", "NN", "pobj", 2),
        ("sank", "sink", "VERB", "VBD", "ROOT", 6),
    )
    assert [w for w, _ in phrase_words(fleet, *span(fleet, 0, 1), fraction=True)] == ["eu", "fleet"]
    them = parse(
        ("Half", "half", "NOUN", "NN", "nsubj", 3),
        ("of", "", "ADP", "IN", "prep", 0),
        ("them", "they", "PRON", "PRP", "pobj", 1),
        ("stayed", "stay", "VERB", "VBD", "ROOT", 3),
    )
    assert phrase_words(them, *span(them, 0, 0), fraction=True) == ()


def test_a_fraction_in_ten_is_read_as_a_fraction_of_what_its_second_number_counts() -> None:
    # "Four in 10 young voters stayed home" and "One in 45 children has it"
    voters = parse(
        ("Four", "four", "NUM", "CD", "nsubj", 6),
        ("in", "", "ADP", "IN", "prep", 0),
        ("10", "", "NUM", "CD", "nummod", 4),
        ("young", "", "ADJ", "JJ", "amod", 4),
        ("voters", "voter", "NOUN", "NNS", "pobj", 1),
        ("stayed", "stay", "VERB", "VBD", "ROOT", 5),
        ("home", "", "ADV", "RB", "advmod", 5),
    )
    assert [w for w, _ in phrase_words(voters, *span(voters, 0, 2), fraction=True)] == ["young", "voter"]
    children = parse(
        ("One", "one", "NUM", "CD", "nsubj", 4),
        ("in", "", "ADP", "IN", "prep", 0),
        ("45", "", "NUM", "CD", "nummod", 3),
        ("children", "child", "NOUN", "NNS", "pobj", 1),
        ("has", "have", "VERB", "VBZ", "ROOT", 4),
        ("it", "", "PRON", "PRP", "dobj", 4),
    )
    assert [w for w, _ in phrase_words(children, *span(children, 0, 2), fraction=True)] == ["child"]


def test_a_number_word_with_of_is_named_by_the_nouns_whole_phrase_up_to_a_break() -> None:
    # "One of the oldest bridges in the county, which ..." and "Two of the boats with sails sank"
    bridge = parse(
        ("One", "one", "NUM", "CD", "nsubj", 10),
        ("of", "", "ADP", "IN", "prep", 0),
        ("the", "", "DET", "DT", "det", 4),
        ("oldest", "old", "ADJ", "JJS", "amod", 4),
        ("bridges", "bridge", "NOUN", "NNS", "pobj", 1),
        ("in", "", "ADP", "IN", "prep", 4),
        ("the", "", "DET", "DT", "det", 7),
        ("county", "", "NOUN", "NN", "pobj", 5),
        (",", "", "PUNCT", ",", "punct", 4),
        ("which", "", "PRON", "WDT", "nsubj", 10),
        ("fell", "fall", "VERB", "VBD", "ROOT", 10),
    )
    assert counted_phrase(bridge, *span(bridge, 0, 0)) == "old bridge county"
    boats = parse(
        ("Two", "two", "NUM", "CD", "nsubj", 6),
        ("of", "", "ADP", "IN", "prep", 0),
        ("the", "", "DET", "DT", "det", 3),
        ("boats", "boat", "NOUN", "NNS", "pobj", 1),
        ("with", "", "ADP", "IN", "prep", 3),
        ("sails", "sail", "NOUN", "NNS", "pobj", 4),
        ("sank", "sink", "VERB", "VBD", "ROOT", 6),
    )
    assert counted_phrase(boats, *span(boats, 0, 0)) == "boat"


def test_a_digit_count_or_a_scale_word_with_of_keeps_the_counted_noun_alone() -> None:
    # "12 of the boats in the harbour sank" and "thousands of boats in the harbour sank"
    for number, lemma in (("12", "12"), ("thousands", "thousand")):
        boats = parse(
            (number, lemma, "NUM" if number == "12" else "NOUN", "CD" if number == "12" else "NNS", "nsubj", 7),
            ("of", "", "ADP", "IN", "prep", 0),
            ("the", "", "DET", "DT", "det", 3),
            ("boats", "boat", "NOUN", "NNS", "pobj", 1),
            ("in", "", "ADP", "IN", "prep", 3),
            ("the", "", "DET", "DT", "det", 6),
            ("harbour", "", "NOUN", "NN", "pobj", 4),
            ("sank", "sink", "VERB", "VBD", "ROOT", 7),
        )
        assert counted_phrase(boats, *span(boats, 0, 0)) == "boat", number


def test_a_verb_or_adverb_modifying_the_counted_noun_is_left_out() -> None:
    # "Police found 3 stolen cars" ("stolen" a participle) and "4 newly built homes"
    cars = parse(
        ("Police", "police", "NOUN", "NNS", "nsubj", 1),
        ("found", "find", "VERB", "VBD", "ROOT", 1),
        ("3", "", "NUM", "CD", "nummod", 4),
        ("stolen", "steal", "VERB", "VBN", "amod", 4),
        ("cars", "car", "NOUN", "NNS", "dobj", 1),
    )
    assert counted_phrase(cars, *span(cars, 2, 2)) == "car"
    homes = parse(
        ("4", "", "NUM", "CD", "nummod", 3),
        ("newly", "", "ADV", "RB", "advmod", 2),
        ("built", "", "ADJ", "JJ", "amod", 3),
        ("homes", "home", "NOUN", "NNS", "ROOT", 3),
    )
    assert counted_phrase(homes, *span(homes, 0, 0)) == "built home"


def test_an_adjective_joined_to_the_number_counts_the_noun_it_modifies() -> None:
    # "A 400-strong crowd gathered." and "The 12-man crew sailed."
    crowd = parse(
        ("A", "a", "DET", "DT", "det", 4),
        ("400", "", "NUM", "CD", "advmod", 3),
        ("-", "", "PUNCT", "HYPH", "punct", 3),
        ("strong", "", "ADJ", "JJ", "amod", 4),
        ("crowd", "", "NOUN", "NN", "nsubj", 5),
        ("gathered", "gather", "VERB", "VBD", "ROOT", 5),
    )
    assert counted_phrase(crowd, *span(crowd, 1, 1)) == "crowd"
    crew = parse(
        ("The", "the", "DET", "DT", "det", 4),
        ("12", "", "NUM", "CD", "nummod", 3),
        ("-", "", "PUNCT", "HYPH", "punct", 3),
        ("man", "", "NOUN", "NN", "compound", 4),
        ("crew", "", "NOUN", "NN", "nsubj", 5),
        ("sailed", "sail", "VERB", "VBD", "ROOT", 5),
    )
    assert counted_phrase(crew, *span(crew, 1, 1)) == "man"


def test_a_number_before_a_hyphenated_measure_counts_the_noun_the_measure_modifies() -> None:
    # "Jets dropped two 500-pound bombs.": the count spans "two 500-pound bombs" and counts bombs; the
    # "500-pound" is a weight of its own and leaves the phrase
    bombs = parse(
        ("Jets", "jet", "NOUN", "NNS", "nsubj", 1),
        ("dropped", "drop", "VERB", "VBD", "ROOT", 1),
        ("two", "", "NUM", "CD", "nummod", 6),
        ("500", "", "NUM", "CD", "nummod", 5),
        ("-", "", "PUNCT", "HYPH", "punct", 5),
        ("pound", "", "NOUN", "NN", "compound", 6),
        ("bombs", "bomb", "NOUN", "NNS", "dobj", 1),
    )
    assert counted_phrase(bombs, *span(bombs, 2, 6)) == "bomb"
    # "Two 16-year-old boys were hurt.": an age joined by two hyphens is no part of what is counted
    boys = parse(
        ("Two", "two", "NUM", "CD", "nummod", 6),
        ("16", "", "NUM", "CD", "nummod", 3),
        ("-", "", "PUNCT", "HYPH", "punct", 3),
        ("year", "", "NOUN", "NN", "npadvmod", 5),
        ("-", "", "PUNCT", "HYPH", "punct", 5),
        ("old", "", "ADJ", "JJ", "amod", 6),
        ("boys", "boy", "NOUN", "NNS", "nsubjpass", 8),
        ("were", "be", "AUX", "VBD", "auxpass", 8),
        ("hurt", "", "VERB", "VBN", "ROOT", 8),
    )
    assert counted_phrase(boys, *span(boys, 0, 6)) == "boy"


@pytest.mark.parametrize(
    ("age", "unit", "joined", "phrase"),
    [("20", "year", True, "year-old"), ("six", "month", False, "month-old")],
)
def test_a_number_before_people_of_an_age_counts_them_as_year_olds(
    age: str, unit: str, joined: bool, phrase: str
) -> None:
    # "Guides led 30 20-year-olds.", "Guides led 30 six-month olds." (the parse's arcs): "olds" is the
    # counted noun, people of an age, neither the "year" nor the "old" of the age
    olds = 7 if joined else 6
    tokens = parse(
        ("Guides", "guide", "NOUN", "NNS", "nsubj", 1),
        ("led", "lead", "VERB", "VBD", "ROOT", 1),
        ("30", "", "NUM", "CD", "nummod", olds),
        (age, "", "NUM", "CD", "nummod", 5),
        ("-", "", "PUNCT", "HYPH", "punct", 5),
        (unit, "", "NOUN", "NN", "compound", olds),
        *((("-", "", "PUNCT", "HYPH", "punct", olds),) if joined else ()),
        ("olds", "old", "NOUN", "NNS", "dobj", 1),
    )
    assert counted_phrase(tokens, *span(tokens, 2, olds)) == phrase


def test_a_number_of_its_own_joined_to_a_noun_still_counts_that_noun() -> None:
    # "They sold 3 million-unit batches.": one number ("3 million") hyphenated to "unit", which is counted
    batches = parse(
        ("They", "they", "PRON", "PRP", "nsubj", 1),
        ("sold", "sell", "VERB", "VBD", "ROOT", 1),
        ("3", "", "NUM", "CD", "compound", 3),
        ("million", "", "NUM", "CD", "nummod", 5),
        ("-", "", "PUNCT", "HYPH", "punct", 5),
        ("unit", "", "NOUN", "NN", "compound", 6),
        ("batches", "batch", "NOUN", "NNS", "dobj", 1),
    )
    assert counted_phrase(batches, *span(batches, 2, 5)) == "unit"


def test_a_models_number_inside_the_phrase_is_kept_and_is_not_the_count() -> None:
    # "The carrier leased two new 717 Vega jets." (the parse's arcs): "717" names the model beside "Vega";
    # the count is "two", and its phrase keeps the model's number, as NewsQuant's gold writes such phrases
    jets = parse(
        ("The", "the", "DET", "DT", "det", 1),
        ("carrier", "", "NOUN", "NN", "nsubj", 2),
        ("leased", "lease", "VERB", "VBD", "ROOT", 2),
        ("two", "", "NUM", "CD", "nummod", 7),
        ("new", "", "ADJ", "JJ", "amod", 7),
        ("717", "", "NUM", "CD", "nummod", 7),
        ("Vega", "", "PROPN", "NNP", "compound", 7),
        ("jets", "jet", "NOUN", "NNS", "dobj", 2),
    )
    assert counted_phrase(jets, *span(jets, 3, 7)) == "new 717 vega jet"
    # "The shop sold 400 Orbit 5 phones.": the name's number after the name
    phones = parse(
        ("The", "the", "DET", "DT", "det", 1),
        ("shop", "", "NOUN", "NN", "nsubj", 2),
        ("sold", "sell", "VERB", "VBD", "ROOT", 2),
        ("400", "", "NUM", "CD", "nummod", 6),
        ("Orbit", "", "PROPN", "NNP", "nmod", 6),
        ("5", "", "NUM", "CD", "nummod", 6),
        ("phones", "phone", "NOUN", "NNS", "dobj", 2),
    )
    assert counted_phrase(phones, *span(phones, 3, 6)) == "orbit 5 phone"


def test_a_number_beside_a_common_word_is_no_models_number() -> None:
    # "They shipped 2 million 9 litre cases.": "9" is a measure's number beside lower-case words
    cases = parse(
        ("They", "they", "PRON", "PRP", "nsubj", 1),
        ("shipped", "ship", "VERB", "VBD", "ROOT", 1),
        ("2", "", "NUM", "CD", "compound", 3),
        ("million", "", "NUM", "CD", "nummod", 6),
        ("9", "", "NUM", "CD", "nummod", 6),
        ("litre", "", "NOUN", "NN", "compound", 6),
        ("cases", "case", "NOUN", "NNS", "dobj", 1),
    )
    assert counted_phrase(cases, *span(cases, 2, 6)) == "litre case"


def test_a_hyphenated_modifier_is_kept_whole_whatever_the_parse_calls_its_parts() -> None:
    # "She held two in-person meetings." ("in" a preposition) and "They lost four spirit-crushing games." (a verb)
    meetings = parse(
        ("She", "she", "PRON", "PRP", "nsubj", 1),
        ("held", "hold", "VERB", "VBD", "ROOT", 1),
        ("two", "", "NUM", "CD", "nummod", 6),
        ("in", "", "ADP", "IN", "nmod", 6),
        ("-", "", "PUNCT", "HYPH", "punct", 3),
        ("person", "", "NOUN", "NN", "pobj", 3),
        ("meetings", "meeting", "NOUN", "NNS", "dobj", 1),
    )
    assert counted_phrase(meetings, *span(meetings, 2, 6)) == "in-person meeting"
    games = parse(
        ("They", "they", "PRON", "PRP", "nsubj", 1),
        ("lost", "lose", "VERB", "VBD", "ROOT", 1),
        ("four", "", "NUM", "CD", "nummod", 6),
        ("spirit", "", "NOUN", "NN", "npadvmod", 5),
        ("-", "", "PUNCT", "HYPH", "punct", 5),
        ("crushing", "crush", "VERB", "VBG", "amod", 6),
        ("games", "game", "NOUN", "NNS", "dobj", 1),
    )
    assert counted_phrase(games, *span(games, 2, 6)) == "spirit-crushing game"


def test_a_fraction_is_of_the_whole_its_first_word_or_its_noun_names() -> None:
    # "About one-third of the Texas vote came early." ("of" on "one") and "They closed half the rural clinics."
    vote = parse(
        ("About", "about", "ADV", "RB", "advmod", 1),
        ("one", "", "NUM", "CD", "nsubj", 8),
        ("-", "", "PUNCT", "HYPH", "punct", 3),
        ("third", "", "NOUN", "NN", "quantmod", 1),
        ("of", "", "ADP", "IN", "prep", 1),
        ("the", "", "DET", "DT", "det", 7),
        ("Texas", "", "PROPN", "NNP", "compound", 7),
        ("vote", "", "NOUN", "NN", "pobj", 4),
        ("came", "come", "VERB", "VBD", "ROOT", 8),
    )
    assert [w for w, _ in phrase_words(vote, *span(vote, 0, 3), fraction=True)] == ["texas", "vote"]
    clinics = parse(
        ("They", "they", "PRON", "PRP", "nsubj", 1),
        ("closed", "close", "VERB", "VBD", "ROOT", 1),
        ("half", "", "DET", "PDT", "predet", 5),
        ("the", "", "DET", "DT", "det", 5),
        ("rural", "", "ADJ", "JJ", "amod", 5),
        ("clinics", "clinic", "NOUN", "NNS", "dobj", 1),
    )
    assert [w for w, _ in phrase_words(clinics, *span(clinics, 2, 2), fraction=True)] == ["rural", "clinic"]


def test_a_one_of_phrase_stops_before_a_phrase_a_number_counts() -> None:
    # "It was one of our strangest talks in the ten years since."
    talks = parse(
        ("It", "it", "PRON", "PRP", "nsubj", 1),
        ("was", "be", "AUX", "VBD", "ROOT", 1),
        ("one", "", "NUM", "CD", "attr", 1),
        ("of", "", "ADP", "IN", "prep", 2),
        ("our", "", "PRON", "PRP$", "poss", 6),
        ("strangest", "strange", "ADJ", "JJS", "amod", 6),
        ("talks", "talk", "NOUN", "NNS", "pobj", 3),
        ("in", "", "ADP", "IN", "prep", 6),
        ("the", "", "DET", "DT", "det", 10),
        ("ten", "", "NUM", "CD", "nummod", 10),
        ("years", "year", "NOUN", "NNS", "pobj", 7),
        ("since", "", "ADV", "RB", "advmod", 10),
    )
    assert [w for w, _ in phrase_words(talks, *span(talks, 2, 6))] == ["strange", "talk"]
    # "One of the best songs of 1999 won."
    songs = parse(
        ("One", "one", "NUM", "CD", "nsubj", 7),
        ("of", "", "ADP", "IN", "prep", 0),
        ("the", "", "DET", "DT", "det", 4),
        ("best", "good", "ADJ", "JJS", "amod", 4),
        ("songs", "song", "NOUN", "NNS", "pobj", 1),
        ("of", "", "ADP", "IN", "prep", 4),
        ("1999", "", "NUM", "CD", "pobj", 5),
        ("won", "win", "VERB", "VBD", "ROOT", 7),
    )
    assert [w for w, _ in phrase_words(songs, *span(songs, 0, 4))] == ["good", "song"]
    # "One of the vents on the 75-ton lid leaked."
    vents = parse(
        ("One", "one", "NUM", "CD", "nsubj", 10),
        ("of", "", "ADP", "IN", "prep", 0),
        ("the", "", "DET", "DT", "det", 3),
        ("vents", "vent", "NOUN", "NNS", "pobj", 1),
        ("on", "", "ADP", "IN", "prep", 3),
        ("the", "", "DET", "DT", "det", 9),
        ("75", "", "NUM", "CD", "nummod", 8),
        ("-", "", "PUNCT", "HYPH", "punct", 8),
        ("ton", "", "NOUN", "NN", "compound", 9),
        ("lid", "", "NOUN", "NN", "pobj", 4),
        ("leaked", "leak", "VERB", "VBD", "ROOT", 10),
    )
    assert [w for w, _ in phrase_words(vents, *span(vents, 0, 3))] == ["vent"]
