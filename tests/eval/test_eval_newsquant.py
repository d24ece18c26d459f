"""Scoring the quantity extractor on NewsQuant-shaped files (our own sentences, and NewsQuant when present)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.doc.quantities import extract_quantities
from storyline.errors import InputError
from storyline.eval.newsquant import (
    GoldQuantity,
    GoldSentence,
    evaluate_newsquant,
    match_counts,
    newsquant_report,
    read_newsquant,
    score_sentences,
    split_of,
    unit_name,
    values_match,
)
from storyline.eval.newsquant_parse import phrases_of
from storyline.records import Token

# Seven gold and eight system quantities. By hand: the crate's two match with their units; the road's
# 12 miles match (compared in miles), its 3 lanes match the value but not the gold unit "metre"; the
# two hours match as a duration; the 4% has no gold; the $5-$9 range matches.
# Value: 7 of 8 found, 7 of 7 gold; value+unit: 6 of 8 found, 6 of 7 gold.
SENTENCES = [
    ("The crate weighs 40 kg and costs $12.", [("40.0", "kilogram"), ("12", "dollar")]),
    ("The road is 12 miles long and has 3 lanes.", [("12", "mile"), ("3", "metre")]),
    ("She waited two hours and paid 15 euros.", [("2", "hour"), ("15", "euro")]),
    ("Shares rose 4% on Monday.", []),
    ("Prices run between $5 and $9.", [("5.0-9.0", "dollar")]),
]


def write_newsquant(path: Path, sentences: list[tuple[str, list[tuple[str, str]]]]) -> Path:
    items = [
        {
            "text": text,
            "quantities": [
                {"change": "=", "value": v, "unit": u, "normalized_unit": u, "referred_concepts": ""} for v, u in gold
            ],
        }
        for text, gold in sentences
    ]
    path.write_text(json.dumps(items), encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_newsquant(tmp_path / "small.json", SENTENCES)


def test_scores_on_a_small_file_match_the_hand_count(small: Path) -> None:
    scores = evaluate_newsquant(small, "all", parse=False)
    assert (scores.sentences, scores.gold, scores.system) == (5, 7, 8)
    assert (scores.value_matches, scores.unit_matches) == (7, 6)
    assert scores.value.precision == pytest.approx(7 / 8) and scores.value.recall == pytest.approx(1.0)
    assert scores.value_unit.f1 == pytest.approx(2 * 6 / (8 + 7))


def test_dev_and_test_halves_partition_the_file_by_the_hash_of_the_text(small: Path) -> None:
    dev, test = evaluate_newsquant(small, "dev", parse=False), evaluate_newsquant(small, "test", parse=False)
    assert dev.sentences + test.sentences == 5
    assert dev.gold + test.gold == 7
    assert dev.sentences == sum(split_of(text) == "dev" for text, _ in SENTENCES)


def test_split_is_the_parity_of_the_first_hex_digit_of_sha1() -> None:
    # sha1("a") = 86f7..., sha1("b") = e9d7... (e = 14), sha1("c") = 84a5..., sha1("d") = 3c36...
    assert [split_of(t) for t in "abcd"] == ["dev", "dev", "dev", "test"]


def test_gold_range_matches_only_a_range_with_equal_ends() -> None:
    assert values_match((5.0, 9.0), (5.0, 9.0))
    assert not values_match((5.0, 9.0), 5.0)
    assert values_match(1e6, 1e6 * (1 + 1e-7))
    assert not values_match(100.0, 101.0)


def test_value_unit_matching_is_one_to_one() -> None:
    system = extract_quantities("It cost $12.")
    gold = [GoldQuantity(12.0, "dollar"), GoldQuantity(12.0, "dollar")]
    assert match_counts(gold, system) == (1, 1)


def test_a_value_is_credited_once_per_gold_that_shares_it_as_cqe_counts() -> None:
    # CQE's calculate_metrics credits a system value to every gold quantity it equals until one takes it
    # with its unit, up to the sentence's number of gold quantities
    system = extract_quantities("It cost 12 rupees.")
    gold = [GoldQuantity(12.0, "dollar"), GoldQuantity(12.0, "dollar")]
    assert match_counts(gold, system) == (2, 0)
    assert match_counts([GoldQuantity(12.0, "dollar")], system) == (1, 0)


def test_counts_match_cqe_counted_phrase_and_a_bare_number_the_unitless_gold() -> None:
    system = extract_quantities("They hired 59 new engineers, built 4 bridges and scored 17.")
    gold = [GoldQuantity(59.0, "new engineer"), GoldQuantity(4.0, "-"), GoldQuantity(17.0, "-")]
    assert match_counts(gold, system) == (3, 2)  # CQE names the 4 "bridge", never "-"


def test_a_bare_count_has_one_name_and_matches_only_the_dash() -> None:
    system = extract_quantities("The team scored 17.")
    assert unit_name(system[0]) == "-"
    assert match_counts([GoldQuantity(17.0, "count")], system) == (1, 0)


def test_counted_phrase_is_lemmatized_without_stopwords_as_cqe_writes_it() -> None:
    names = [unit_name(q) for q in extract_quantities("Two smaller ferries and 12 older trucks ran.")]
    assert names == ["small ferry", "old truck"]


def test_digits_restated_in_brackets_are_no_word_of_the_counted_phrase_without_a_parse() -> None:
    # was "7 exploratory well": "(7)" was not read as the number the phrase comes after
    assert unit_name(extract_quantities("The firm drilled seven (7) exploratory wells.")[0]) == "exploratory well"


def test_a_plural_noun_ending_in_est_is_no_superlative_without_a_parse() -> None:
    names = [unit_name(q) for q in extract_quantities("Voters held 12 contests and 30 protests; the 3 largest fell.")]
    assert names[:2] == ["contest", "protest"]


def test_a_singular_noun_ending_in_est_keeps_its_ending_without_a_parse() -> None:
    # the phrase's last word is the counted noun, no superlative: only a word before it can be one
    text = "The club won one contest and sold one interest, then planted 2 forests; 3 finest oak trees stood."
    assert [unit_name(q) for q in extract_quantities(text)] == ["contest", "interest", "forest", "fine oak tree"]


def test_a_fraction_of_a_noun_ending_in_est_keeps_the_noun_without_a_parse() -> None:
    assert unit_name(extract_quantities("Half of the forest burned.")[0]) == "% forest"


def test_units_have_the_one_name_of_cqe_dictionary() -> None:
    system = extract_quantities("It shipped 3 tonnes, 4 tons, 9 ppm and 164p a share.")
    assert [unit_name(q) for q in system][:3] == ["metric ton", "ton", "parts-per-million"]
    assert match_counts([GoldQuantity(3.0, "ton"), GoldQuantity(4.0, "metric ton")], system) == (2, 0)


def test_ages_durations_fractions_and_rates_match_cqe_unit_names() -> None:
    system = extract_quantities("A 41-year-old guard worked 9 hours a day for a third of the year.")
    gold = [GoldQuantity(41.0, "year of age"), GoldQuantity(9.0, "hour per day"), GoldQuantity(1 / 3, "% year")]
    assert match_counts(gold, system) == (3, 3)


def test_percentage_points_are_named_percentage_as_cqe_normalizes_them() -> None:
    # "percentage point" is no key of CQE's dictionary; its normalizer gives "percentage" for the words
    system = extract_quantities("The rate rose 2 percentage points and 3 percent.")
    assert [(q.unit, unit_name(q)) for q in system] == [("percent", "percentage"), ("percent", "percentage")]
    assert match_counts([GoldQuantity(2.0, "percentage"), GoldQuantity(3.0, "percentage")], system) == (2, 2)


def test_a_fraction_is_named_by_what_it_is_a_fraction_of() -> None:
    system = extract_quantities("Two out of five farmers sold a third of the herd.")
    assert [unit_name(q) for q in system] == ["% farmer", "% herd"]
    assert match_counts([GoldQuantity(0.4, "% -")], system[:1]) == (1, 0)


def test_a_fraction_of_a_common_noun_is_named_by_its_lemma_and_of_a_name_as_written() -> None:
    system = extract_quantities("A third of Canadians and half of the bakers voted.")
    assert [q.noun for q in system] == ["Canadians", "bakers"]
    assert [unit_name(q) for q in system] == ["% canadians", "% baker"]
    counted = extract_quantities("Two out of five Albanians and one in four sailors swim.")
    assert [unit_name(q) for q in counted] == ["% albanians", "% sailor"]


def test_a_change_from_a_to_b_matches_the_range_a_b_in_written_order() -> None:
    system = extract_quantities("The fare fell from $5 to $4.")
    assert match_counts([GoldQuantity((5.0, 4.0), "dollar")], system) == (1, 1)


def test_report_prints_a_table_and_json(small: Path) -> None:
    table = newsquant_report(small, "all", "table", parse=False)
    assert "value+unit" in table and "0.800" in table and "sentences/second" in table
    data = json.loads(newsquant_report(small, "all", "json", parse=False))
    assert (data["split"], data["gold"], data["value_matches"]) == ("all", 7, 7)


def test_a_file_that_is_not_newsquant_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"text": "no list"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"E080: .*bad\.json"):
        read_newsquant(bad)


@pytest.mark.data
@pytest.mark.model
def test_newsquant_test_half_stays_above_its_floors(shared_data: Path) -> None:
    path = shared_data / "newsquant" / "NewsQuant.json"
    if not path.is_file():
        pytest.skip(f"NewsQuant not found at {path}; see ../shared/data/README.md, section newsquant")
    scores = evaluate_newsquant(path, "test")
    assert scores.sentences == 284
    # Lowered in session 23: a range whose ends carry bracketed conversions ("between 35,000 barrels (...) and
    # 60,000 barrels (...) a day") is one range now, as our figures need; one test sentence reads it otherwise.
    assert scores.value.f1 >= 0.921  # measured 0.923 in session 23 (0.927 in session 21 h-nq4), CQE's counting
    assert scores.value_unit.f1 >= 0.819  # measured 0.821 in session 23 (0.825 in session 21 h-nq4)


def test_one_of_the_is_named_by_its_lemmatized_phrase() -> None:
    system = extract_quantities("It was one of the proudest moments in her career.")
    assert unit_name(system[0]) == "proud moment career"


def test_a_counted_phrase_with_a_common_noun_of_cqe_units_is_named_by_that_unit() -> None:
    system = extract_quantities("He played 68 league games and sold three pieces; four FA Cup finals followed.")
    assert [unit_name(q) for q in system] == ["league", "set", "fa cup final"]


def _phrase(text: str, *pairs: tuple[str, str, str]) -> tuple[tuple[str, Token], ...]:
    """A counted phrase as the parse gives it: (word as written, lemma, part of speech) in sentence order."""
    return tuple(
        (lemma, Token(text.index(word), text.index(word) + len(word), word, lemma, pos, "", "amod", 0))
        for word, lemma, pos in pairs
    )


def test_a_counted_phrase_of_periods_is_named_by_the_period_as_cqes_dictionary_keys_it() -> None:
    text = "The archive keeps 40 previous years of ledgers and 12 earlier decades of letters."
    forty, twelve = extract_quantities(text)
    years = _phrase(text, ("previous", "previous", "ADJ"), ("years", "year", "NOUN"))
    decades = _phrase(text, ("earlier", "early", "ADJ"), ("decades", "decade", "NOUN"))
    assert [unit_name(forty, years), unit_name(twelve, decades)] == ["year", "decade"]


def test_a_currency_word_in_a_counted_phrase_is_named_by_the_key_whose_surfaces_hold_it() -> None:
    system = extract_quantities("She kept 12 old peso coins, 20 gold franc pieces and 30 silver shekel coins.")
    # "shekel" is a surface of no key of CQE's dictionary: the phrase keeps its words
    assert [unit_name(q) for q in system] == ["mexican peso", "swiss franc", "silver shekel coin"]


# "He scored a record 32 goals": the parse hangs "record" on "goals" (hand-written arcs, as the model gives)
RECORD = "He scored a record 32 goals."
_RECORD_ARCS = [("He", "he", "PRON", "nsubj", 1), ("scored", "score", "VERB", "ROOT", 1), ("a", "a", "DET", "det", 5),
                ("record", "record", "NOUN", "compound", 5), ("32", "32", "NUM", "nummod", 5),
                ("goals", "goal", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]  # fmt: skip


def _record_tokens() -> tuple[Token, ...]:
    starts = [RECORD.index(t) for t, *_ in _RECORD_ARCS]
    return tuple(
        Token(s, s + len(t), t, lemma, pos, "", dep, head)
        for s, (t, lemma, pos, dep, head) in zip(starts, _RECORD_ARCS, strict=True)
    )


def test_a_count_is_named_by_the_parse_counted_phrase_when_there_is_one() -> None:
    system = extract_quantities(RECORD)
    phrases = phrases_of((_record_tokens(),), system)
    assert unit_name(system[0]) == "goal"  # the words after the number
    assert unit_name(system[0], phrases[0]) == "record goal"
    assert match_counts([GoldQuantity(32.0, "record goal")], system, phrases) == (1, 1)


def _parsed(text: str, arcs: list[tuple[str, str, str, str, int]]) -> tuple[Token, ...]:
    """Hand-written arcs (word, lemma, part of speech, dependency, head index) as the model gives them."""
    tokens, at = [], 0
    for word, lemma, pos, dep, head in arcs:
        at = text.index(word, at)
        tokens.append(Token(at, at + len(word), word, lemma, pos, "", dep, head))
        at += len(word)
    return tuple(tokens)


def test_a_measure_of_its_own_inside_a_counted_phrase_is_left_out_of_it() -> None:
    text = "They filled 9 million 330ml cans."
    arcs = [("They", "they", "PRON", "nsubj", 1), ("filled", "fill", "VERB", "ROOT", 1),
            ("9", "9", "NUM", "compound", 3), ("million", "million", "NUM", "nummod", 5),
            ("330ml", "330ml", "NOUN", "compound", 5), ("cans", "can", "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1)]  # fmt: skip
    system = extract_quantities(text)
    names = [unit_name(q, p) for q, p in zip(system, phrases_of((_parsed(text, arcs),), system), strict=True)]
    assert names == ["can", "millilitre"]


def test_a_number_words_of_phrase_keeps_a_measure_inside_it_as_cqe_names_the_whole_phrase() -> None:
    text = "One of its 330ml cans leaked."
    arcs = [("One", "one", "NUM", "nsubj", 5), ("of", "of", "ADP", "prep", 0), ("its", "its", "PRON", "poss", 4),
            ("330ml", "330ml", "NOUN", "compound", 4), ("cans", "can", "NOUN", "pobj", 1),
            ("leaked", "leak", "VERB", "ROOT", 5), (".", ".", "PUNCT", "punct", 5)]  # fmt: skip
    system = extract_quantities(text)
    names = [unit_name(q, p) for q, p in zip(system, phrases_of((_parsed(text, arcs),), system), strict=True)]
    assert names == ["330ml can", "millilitre"]


def test_hyphenated_modifiers_and_a_fractions_whole_are_named_as_written() -> None:
    text = "Half the state-run clinics and one of our strangest talks in the ten years since."
    arcs = [("Half", "half", "DET", "predet", 5), ("the", "the", "DET", "det", 5),
            ("state", "state", "NOUN", "npadvmod", 4), ("-", "-", "PUNCT", "punct", 4),
            ("run", "run", "VERB", "amod", 5), ("clinics", "clinic", "NOUN", "ROOT", 5),
            ("and", "and", "CCONJ", "cc", 5), ("one", "one", "NUM", "conj", 5), ("of", "of", "ADP", "prep", 7),
            ("our", "our", "PRON", "poss", 11), ("strangest", "strange", "ADJ", "amod", 11),
            ("talks", "talk", "NOUN", "pobj", 8), ("in", "in", "ADP", "prep", 11), ("the", "the", "DET", "det", 15),
            ("ten", "ten", "NUM", "nummod", 15), ("years", "year", "NOUN", "pobj", 12),
            ("since", "since", "ADV", "advmod", 15), (".", ".", "PUNCT", "punct", 5)]  # fmt: skip
    system = extract_quantities(text)
    names = [unit_name(q, p) for q, p in zip(system, phrases_of((_parsed(text, arcs),), system), strict=True)]
    assert [(q.text, name) for q, name in zip(system, names, strict=True)] == [
        ("Half", "% state-run clinic"),
        ("one of our strangest talks", "strange talk"),
        ("ten years", "year"),
    ]


def test_one_of_the_is_named_by_the_parse_phrase_else_by_its_words() -> None:
    text = "It was one of the proudest moments in her career, they said."
    system = extract_quantities(text)
    proud = Token(text.index("proudest"), text.index("proudest") + 8, "proudest", "proud", "ADJ", "JJS", "amod", 0)
    parsed = (("proud", proud), ("moment", proud), ("career", proud))
    assert unit_name(system[0], parsed) == "proud moment career"
    assert unit_name(system[0]) == "proud moment career"
    # no unit of CQE's dictionary replaces the words of a "one of" phrase: "one of the points" stays "point"
    points = extract_quantities("She made one of the points twice.")
    point = Token(20, 26, "points", "point", "NOUN", "NNS", "pobj", 0)
    assert unit_name(points[0], (("point", point), ("raise", point))) == "point raise"


@pytest.mark.model
def test_evaluation_with_the_parse_credits_the_counted_phrase(tmp_path: Path) -> None:
    path = write_newsquant(tmp_path / "record.json", [(RECORD, [("32", "record goal")])])
    assert evaluate_newsquant(path, "all", parse=False).unit_matches == 0
    parsed = evaluate_newsquant(path, "all")
    assert parsed.unit_matches == 1 and parsed.parse_sentences_per_second is not None


@pytest.mark.model
def test_a_count_that_took_its_noun_from_a_neighbour_is_named_by_the_neighbour_phrase() -> None:
    text = "About 310 electric cargo bicycles were reported stolen this spring compared with 45 last spring."
    (result,), _ = score_sentences([GoldSentence(text, ())], "all", parse=True)
    names = [unit_name(q, p) for q, p in zip(result.system, result.phrases, strict=True)]
    assert len(names) == 2 and names[0] == names[1] and names[0].endswith("bicycle")


@pytest.mark.model
def test_a_count_rate_that_took_its_noun_from_a_count_before_it_is_named_by_that_counts_phrase() -> None:
    text = "Wardens logged 310 electric cargo bicycles stolen in March, an average of 10 per day."
    (result,), _ = score_sentences([GoldSentence(text, ())], "all", parse=True)
    names = [unit_name(q, p) for q, p in zip(result.system, result.phrases, strict=True)]
    assert len(names) == 2 and names[0].endswith("bicycle") and names[1] == f"{names[0]} per day"


def test_a_fraction_is_named_by_what_the_parse_says_it_is_a_fraction_of() -> None:
    text = "One fifth of the EU fleet sank."
    (q,) = extract_quantities(text)
    fleet = Token(text.index("fleet"), text.index("fleet") + 5, "fleet", "fleet", "NOUN", "NN", "pobj", 2)
    eu = Token(text.index("EU"), text.index("EU") + 2, "EU", "EU", "PROPN", "NNP", "compound", 5)
    assert unit_name(q) == "% eu"  # the words after "of the" give one word only
    assert unit_name(q, (("eu", eu), ("fleet", fleet))) == "% eu fleet"


def test_units_read_from_cqe_surfaces_are_named_by_their_dictionary_key() -> None:
    system = extract_quantities(
        "They paid 300 Argentine pesos, burned 10 Btu, dug 30 cubic yards, covered 40 square inches "
        "and waited two millennia."
    )
    assert [unit_name(q) for q in system] == [
        "argentine peso",
        "british thermal unit",
        "cubic yard",
        "square inch",
        "millennium",
    ]


def test_currencies_cqes_dictionary_lacks_take_the_key_of_their_word_or_its_lemmas() -> None:
    system = extract_quantities(
        "They paid 200 Pakistani rupees, 80 Egyptian pounds, 2,000 Philippine pesos, NT$40, 40,000 dong "
        "and 9 Kuwaiti dinars."
    )
    assert [unit_name(q) for q in system] == [
        "rupee",
        "egyptian pound",
        "philippine peso",
        "dollar",
        "dong",
        "kuwaiti dinar",
    ]


def test_a_currency_cqes_dictionary_lacks_written_in_words_is_named_by_the_words_as_written() -> None:
    system = extract_quantities(
        "It cost 500 baht, 300 Thai baht, 200 naira, 80 shekels, 70 new shekels, NIS 50 and 40,000 Vietnamese dong."
    )
    # no key of CQE's dictionary holds these words: its normalizer falls back to their lemmas; a code keeps its name
    assert [unit_name(q) for q in system] == [
        "baht",
        "thai baht",
        "naira",
        "shekel",
        "new shekel",
        "shekel",
        "vietnamese dong",
    ]


def test_a_fluid_ounce_written_with_its_measure_system_is_an_ounce_as_cqes_dictionary_lists_it() -> None:
    system = extract_quantities(
        "Pour 8 US fluid ounces of syrup, 3 imperial fluid ounces of milk and 2 fluid ounces of oil."
    )
    assert [unit_name(q) for q in system] == ["ounce", "ounce", "fluid ounce"]


@pytest.mark.parametrize(
    ("rate", "name"),
    [
        ("$1.20 per liter", "dollar per litre"),
        ("$25 per troy ounce", "dollar per ounce"),
        ("$3 per MMBtu", "dollar per mega british thermal unit"),
        ("$2 per kilo", "dollar per kilogram"),
        ("$40 per annum", "dollar per year"),
        ("$9 per share", "dollar per share"),
    ],
)
def test_what_a_rate_is_per_is_named_by_the_dictionary_key_of_that_measure(rate: str, name: str) -> None:
    (q,) = extract_quantities(f"The trader quoted {rate} on Monday.")
    assert unit_name(q) == name


def test_an_age_in_months_is_a_month_of_age() -> None:
    system = extract_quantities("A 3-month-old girl and a 40-year-old man were rescued.")
    assert [unit_name(q) for q in system] == ["month of age", "year of age"]


def test_a_scale_word_is_not_part_of_the_counted_phrase() -> None:
    system = extract_quantities("The trust holds 2.3 lakh shares and 4 crore bonds in the mill.")
    assert [unit_name(q) for q in system] == ["share", "bond"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The hatchback emits 118 g/km of carbon dioxide.", "gram per kilometre"),
        ("The cell ran at 1.3 A/cm2 for a week.", "ampere per square centimetre"),
        ("Farmers sow 40 kg/ha of wheat seed.", "kilogram per hectare"),
        ("Rain fell at 30 mm/h in the hills.", "millimetre per hour"),
    ],
)
def test_a_unit_over_a_unit_is_named_one_per_the_other(text: str, name: str) -> None:
    assert unit_name(extract_quantities(text)[0]) == name


def test_a_bare_count_rate_is_named_by_the_count_before_it() -> None:
    system = extract_quantities("Wardens logged 30 break-ins in March, an average of 4 per day.")
    assert [unit_name(q) for q in system] == ["break-in", "break-in per day"]


def test_a_count_rate_in_times_or_after_another_sentence_keeps_its_own_name() -> None:
    spins = extract_quantities("The rotor has 3 blades and turns 900 times a minute.")
    assert unit_name(spins[1]) == "count per minute"
    apart = extract_quantities("Wardens logged 30 break-ins. Vandals struck 4 per day.")
    assert unit_name(apart[1]) == "count per day"


@pytest.mark.parametrize(
    "text",
    [
        "Support fell 5 pp to 38%.",
        "The lead shrank by 3 ppts.",
        "The gap is 40 pct points.",
        "It rose 2 pct. points.",
        "Turnout climbed 4 percentage pts on the last vote.",
    ],
)
def test_short_forms_of_percentage_points_are_named_percentage(text: str) -> None:
    q = extract_quantities(text)[0]
    assert (q.unit, unit_name(q)) == ("percent", "percentage")


def test_ppt_alone_stays_parts_per_trillion_not_points() -> None:
    assert unit_name(extract_quantities("Water had 3 ppt of salt.")[0]) != "percentage"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The field pumps 12 million barrels of crude a day.", "barrel per day"),
        ("The mill grinds 300,000 tonnes of wheat a year.", "metric ton per year"),
        ("They spent $5 million of public money a year.", "dollar per year"),
    ],
)
def test_a_period_after_what_an_amount_is_of_makes_it_a_rate(text: str, name: str) -> None:
    assert unit_name(extract_quantities(text)[0]) == name


def test_barrels_of_oil_are_the_dictionary_unit_barrel_of_oil() -> None:
    system = extract_quantities("The tanker held 2 million barrels of oil and 40 barrels of tar.")
    assert [unit_name(q) for q in system] == ["barrel of oil", "barrel"]


def test_a_unit_with_a_word_cqe_blacklists_is_named_unitless() -> None:
    system = extract_quantities("The choir sang 14 high notes and 6 low notes in 3 songs.")
    assert [unit_name(q) for q in system] == ["-", "-", "song"]
    assert match_counts([GoldQuantity(14.0, "-"), GoldQuantity(3.0, "song")], system) == (2, 2)


def test_a_period_high_or_low_stays_unitless_when_the_parse_counts_its_period() -> None:
    text = "The rand sank to a 9-year low against the dollar."
    (low,) = extract_quantities(text)
    year = Token(text.index("year"), text.index("year") + 4, "year", "year", "NOUN", "NN", "compound", 0)
    assert unit_name(low, (("year", year),)) == "-"
    assert match_counts([GoldQuantity(9.0, "-")], [low], [(("year", year),)]) == (1, 1)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Seven men waited outside the gate.", "man"),
        ("Twelve children sang in the hall.", "child"),
        ("Four women ran the stall.", "woman"),
    ],
)
def test_an_irregular_plural_after_the_number_is_named_by_its_singular(text: str, name: str) -> None:
    assert unit_name(extract_quantities(text)[0]) == name


def test_a_count_written_with_plus_is_named_by_what_follows_plus() -> None:
    (q,) = extract_quantities("The airline flies 300-plus jets from the hub.")
    assert unit_name(q) == "jet"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nickel sold for $18,000 a tonne.", "dollar per metric ton"),
        ("Wheat sold for $300 per metric ton.", "dollar per metric ton"),
        ("Tuna sold for $9 a pound at the dock.", "dollar per pound-mass"),
        ("Coal sold for $120 per ton.", "dollar per ton"),
    ],
)
def test_what_a_rate_is_per_is_named_by_the_dictionary_key_of_its_unit(text: str, name: str) -> None:
    (q,) = extract_quantities(text)
    assert unit_name(q) == name
