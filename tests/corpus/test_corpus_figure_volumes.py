"""A leak's flow rate, the oil collected and the oil spilled as measures of their own
(``storyline.corpus.figure_volumes``), on our own sentences."""

from __future__ import annotations

import re

import pytest

from storyline.corpus import figure_volumes as fv
from storyline.corpus import figures as fg
from storyline.records import Quantity, Sentence


def sentence(text: str, *spans: tuple[str, float, float, str]) -> tuple[Sentence, list[Quantity]]:
    """A sentence with a quantity for each (words, low, high, unit) span, in order."""
    quantities = []
    for words, low, high, unit in spans:
        start = text.index(words)
        quantities.append(Quantity(start, start + len(words), words, low, low, high, unit, None, None, None))
    return Sentence(0, 0, len(text), text, 0, quantities=tuple(quantities)), quantities


@pytest.mark.parametrize(
    ("text", "words", "unit", "measure"),
    [
        (
            "The Harwick platform was leaking 2,000 barrels a day, the harbour board said.",
            "2,000 barrels a day",
            "bpd",
            "flow rate",
        ),
        (
            "Oil is gushing from the broken pipe at about 900 barrels of crude per day.",
            "about 900 barrels of crude per day",
            "barrel/day",
            "flow rate",
        ),
        (
            "Engineers put the flow at 8,000 barrels of oil a day.",
            "8,000 barrels of oil a day",
            "barrel of oil/day",
            "flow rate",
        ),
        (
            "The pipe was spewing 30,000 gallons per day into the bay.",
            "30,000 gallons per day",
            "gallon/day",
            "flow rate",
        ),
        (
            "A tanker is now siphoning 1,500 barrels a day from the wreck.",
            "1,500 barrels a day",
            "bpd",
            "collection rate",
        ),
        (
            "The new cap should collect up to 6,000 barrels per day.",
            "up to 6,000 barrels per day",
            "barrel/day",
            "collection rate",
        ),
        (
            "The wreck has spilled 120,000 barrels of oil since March.",
            "120,000 barrels of oil",
            "barrel of oil",
            "spilled",
        ),
        ("Some 2 million gallons of diesel leaked into the estuary.", "Some 2 million gallons", "gallon", "spilled"),
        ("Crews have skimmed 40,000 barrels from the surface so far.", "40,000 barrels", "barrel", "collected"),
        (  # the leak after "from" is where the oil is taken from
            "The oil the tube sucked from the leak fell to 2,100 barrels a day on Sunday.",
            "2,100 barrels a day",
            "bpd",
            "collection rate",
        ),
        (
            "Crews said the barge was siphoning 4,000 barrels per day of crude from the damaged gusher.",
            "4,000 barrels per day",
            "barrel/day",
            "collection rate",
        ),
        ("About 4,000 barrels a day are gushing from the pipe.", "About 4,000 barrels a day", "bpd", "flow rate"),
    ],
)
def test_a_volume_a_leak_lets_out_or_crews_collect_is_a_measure_of_its_own(
    text: str, words: str, unit: str, measure: str
) -> None:
    s, (q,) = sentence(text, (words, 1.0, 1.0, unit))
    assert fv.volume_measure(s, q) == measure
    assert fg.measure_of(s, q) == measure


@pytest.mark.parametrize(
    ("text", "words", "unit"),
    [
        (
            "The Brora field now produces 70,000 barrels of oil per day.",
            "70,000 barrels of oil per day",
            "barrel of oil/day",
        ),  # an output, not a leak
        ("The depot stores 500,000 barrels of fuel.", "500,000 barrels", "barrel"),  # a stock
        ("The tank holds 3,000 gallons of water.", "3,000 gallons", "gallon"),
        ("Ardenia burns about 2 million barrels a day.", "about 2 million barrels a day", "bpd"),  # a use
        ("How many barrels a day are leaking from the pipe?", "many barrels a day", "bpd"),  # a question
    ],
)
def test_a_volume_no_leak_or_collection_tells_has_no_measure(text: str, words: str, unit: str) -> None:
    s, (q,) = sentence(text, (words, 1.0, 1.0, unit))
    assert fv.volume_measure(s, q) is None


def test_a_volume_in_brackets_after_another_is_the_reports_own_conversion() -> None:
    s, (barrels, gallons) = sentence(
        "The well is leaking 4,000 barrels (168,000 gallons) per day.",
        ("4,000 barrels", 4000, 4000, "barrel/day"),
        ("168,000 gallons", 168000, 168000, "gallon"),
    )
    assert fv.volume_measure(s, barrels) == "flow rate"
    assert fv.volume_measure(s, gallons) is None


@pytest.mark.parametrize(
    ("text", "words", "low", "unit"),
    [
        ("The pipe leaks 1,000 barrels (42,000 gallons/159,000 litres) per day.", "159,000 litres", 159000, "L"),
        ("The pipe leaks 1,000 to 2,000 barrels (42,000 to 84,000 gallons) a day.", "84,000 gallons", 84000, "gallon"),
        ("The daily leak is put at 1,000 barrels or about 42,000 gallons.", "about 42,000 gallons", 42000, "gallon"),
        ("The tube siphoned 1,000 barrels, or 42,000 gallons, in the night.", "42,000 gallons", 42000, "gallon"),
    ],
)
def test_any_volume_in_the_brackets_or_after_the_or_of_another_is_its_conversion(
    text: str, words: str, low: float, unit: str
) -> None:
    barrels = text[text.index("1,000") : text.index("barrels") + len("barrels")]
    s, (first, conversion) = sentence(text, (barrels, 1000, 1000, "barrel"), (words, low, low, unit))
    assert fv.volume_measure(s, first) is not None
    assert fv.volume_measure(s, conversion) is None


@pytest.mark.parametrize(
    "text",
    [
        "The well leaks 3,000 to 4,000 barrels (126,000 to 168,000 gallons/477,000 to 636,000 litres) a day.",
        "At least 900 barrels have poured into the bay each day since the pipe broke.",
        "The daily leak from the pipe is now put at 900 barrels.",
    ],
)
def test_a_volume_whose_clause_tells_a_day_is_a_flow_rate(text: str) -> None:
    number = re.search(r"\d[\d,]* (?:to [\d,]+ )?barrels", text)
    assert number is not None
    s, (q,) = sentence(text, (number.group(), 1.0, 1.0, "barrel"))
    assert fv.volume_measure(s, q) == "flow rate"
    assert fv.in_barrels(q, per_day=True).unit == "barrel/day"


def test_a_rate_is_a_rate_even_though_a_day_is_a_period() -> None:
    """ "a day" makes other figures rates, and no tally; a leak's rate per day is the measure itself."""
    s, (q,) = sentence("The pipe leaks 700 barrels a day.", ("700 barrels a day", 700, 700, "bpd"))
    assert fg.measure_of(s, q) == "flow rate"


def test_volumes_are_kept_in_barrels_with_their_range() -> None:
    _, (gallons,) = sentence(
        "It spilled 42,000 to 84,000 gallons.", ("42,000 to 84,000 gallons", 42000, 84000, "gallon")
    )
    barrels = fv.in_barrels(gallons)
    assert (barrels.value, barrels.low, barrels.high, barrels.unit) == (1000, 1000, 2000, "barrel")
    _, (rate,) = sentence("It leaked 2,100 gallons a day.", ("2,100 gallons a day", 2100, 2100, "gallon/day"))
    assert (fv.in_barrels(rate).value, fv.in_barrels(rate).unit) == (50, "barrel/day")
    _, (bpd,) = sentence("It leaked 300 bpd.", ("300 bpd", 300, 300, "bpd"))
    assert (fv.in_barrels(bpd).value, fv.in_barrels(bpd).unit) == (300, "barrel/day")


def test_points_of_a_flow_rate_share_one_unit_whatever_the_report_wrote(make_doc) -> None:
    doc = make_doc("The pipe was leaking 4,200 gallons a day. Later it was leaking 150 barrels a day.")
    first, second = doc.sentences
    quantities = [
        sentence(s.text, (words, value, value, unit))[1][0]
        for s, words, value, unit in (
            (first, "4,200 gallons a day", 4200, "gallon/day"),
            (second, "150 barrels a day", 150, "bpd"),
        )
    ]
    from dataclasses import replace

    doc = replace(
        doc,
        sentences=tuple(
            replace(s, quantities=(replace(q, start=q.start + s.start, end=q.end + s.start),))
            for s, q in zip(doc.sentences, quantities, strict=True)
        ),
    )
    found = fg.points_of(doc)
    assert [(m, u, p.value) for m, u, p in found] == [
        ("flow rate", "barrel/day", 100),
        ("flow rate", "barrel/day", 150),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The new cap should capture about 80 percent of the leaking oil.",
        "Of that, 12 percent was captured at the wellhead and 4 percent skimmed from the crude on the surface.",
    ],
)
def test_a_share_of_a_leak_captured_is_no_territory(text: str) -> None:
    words = re.search(r"\d+ percent", text)
    assert words is not None
    s, (q,) = sentence(text, (words.group(), 1.0, 1.0, "percent"))
    assert fg.measure_of(s, q) is None


def test_a_share_of_land_captured_is_still_territory() -> None:
    s, (q,) = sentence("Ardenian forces have captured 20 percent of the province.", ("20 percent", 20, 20, "percent"))
    assert fg.measure_of(s, q) == "area captured"


def test_a_day_told_of_another_volume_does_not_make_a_total_a_rate() -> None:
    s, (rate, total) = sentence(
        "If the pipe has leaked 900 barrels (37,800 gallons) a day since May 1, the total spilled is 27,000 barrels.",
        ("900 barrels", 900, 900, "barrel"),
        ("27,000 barrels", 27000, 27000, "barrel"),
    )
    assert fv.volume_measure(s, rate) == "flow rate"
    assert fv.volume_measure(s, total) == "spilled"


def test_a_range_with_a_conversion_on_each_end_is_one_flow_rate_point() -> None:
    from storyline.doc.quantities import extract_quantities

    text = (
        "The panel said between 3,000 barrels (477 cubic metres) and 5,000 barrels (795 cubic metres) a day "
        "were leaking from the pipe."
    )
    s = Sentence(0, 0, len(text), text, 0, quantities=tuple(extract_quantities(text)))
    measured = [(q.low, q.high, fg.measure_of(s, q)) for q in s.measures]
    assert [m for m in measured if m[2] is not None] == [(3000, 5000, "flow rate")]


def _many_volumes(n: int) -> tuple[Sentence, list[Quantity]]:
    """A sentence of ``n`` leaks, each with its conversion in brackets, a day word after every other one."""
    parts = [f"pipe {i} spilled {1000 + i} barrels ({42000 + i} gallons){' a day' if i % 2 else ''}" for i in range(n)]
    text = "; ".join(parts) + "."
    spans = []
    for i in range(n):
        spans.append((f"{1000 + i} barrels", 1000 + i, 1000 + i, "barrel"))
        spans.append((f"{42000 + i} gallons", 42000 + i, 42000 + i, "gallon"))
    return sentence(text, *spans)


def test_each_volume_of_many_is_read_in_its_own_clause() -> None:
    s, quantities = _many_volumes(12)
    measures = [fv.volume_measure(s, q) for q in quantities]
    assert measures[0::2] == ["spilled", "flow rate"] * 6  # the odd pipes' clauses tell the day
    assert measures[1::2] == [None] * 12  # the gallons are conversions


def test_telling_a_day_gathers_the_quantities_ends_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linear in the sentence's quantities: the conversion test of every volume reuses one set of ends."""
    s, quantities = _many_volumes(12)
    calls = []
    ends = fv._ends
    monkeypatch.setattr(fv, "_ends", lambda sentence: calls.append(1) or ends(sentence))
    left, right = 0, len(s.text)
    fv._told_nearest(fv._DAILY, s, quantities[2], left, right)
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("text", "words", "measure"),
    [
        ("The new skimmers can process 900,000 gallons of oily water a day.", "900,000 gallons", None),
        ("Two tankers give the capacity to collect 30,000 barrels a day.", "30,000 barrels", None),
        ("Once the dome is on, the firm would be able to siphon off 9,000 barrels a day.", "9,000 barrels", None),
        ("The booms should be able to contain a leak of up to 40,000 barrels a day.", "40,000 barrels", None),
        ("The firm says it is now able to siphon some 6,000 barrels a day.", "6,000 barrels", "collection rate"),
        ("The tanker is collecting 6,000 barrels a day from the riser.", "6,000 barrels", "collection rate"),
    ],
)
def test_a_capacity_is_no_point_of_a_leak_s_measures(text: str, words: str, measure: str | None) -> None:
    s, (q,) = sentence(text, (words, float(re.sub(r"[^\d]", "", words)), float(re.sub(r"[^\d]", "", words)), "barrel"))
    assert fv.volume_measure(s, q) == measure


@pytest.mark.parametrize(
    ("text", "words", "measure"),
    [
        (
            "Only a third of the leaking oil - some 90,000 barrels - was skimmed by crews.",
            "some 90,000 barrels",
            "collected",
        ),
        (
            "A tenth of the spilled crude, about 4,000 barrels, has since been siphoned off.",
            "about 4,000 barrels",
            "collected",
        ),
        (
            "The broken pipe was leaking oil at 3,000 barrels a day before crews collected it.",
            "3,000 barrels",
            "flow rate",
        ),
        ("The pipe poured 70,000 barrels of the leaking oil into the bay.", "70,000 barrels", "spilled"),
    ],
)
def test_a_leak_word_that_only_names_the_oil_yields_to_the_clause_s_collecting_verb(
    text: str, words: str, measure: str
) -> None:
    value = float(re.sub(r"[^\d]", "", words))
    s, (q,) = sentence(text, (words, value, value, "barrel"))
    assert fv.volume_measure(s, q) == measure


def test_a_day_hyphenated_into_a_modifier_makes_a_flow_rate() -> None:
    s, (q,) = sentence(
        "Engineers say the firm's 2,000 barrels-a-day leak estimate is far too low.",
        ("2,000 barrels", 2000, 2000, "barrel"),
    )
    assert fv.volume_measure(s, q) == "flow rate"


@pytest.mark.parametrize(
    ("text", "words", "measure"),
    [
        (
            "About 9,000 barrels of oil a day are being caught in the dome over the broken pipe.",
            "9,000",
            "collection rate",
        ),
        ("The crews are now catching up to 300,000 gallons a day, the port chief said.", "300,000", "collection rate"),
        ("A steel hood over the leaking valve trapped about 52,000 gallons of oil on Friday.", "52,000", "collected"),
        ("Crews had contained more than 6,100 barrels of oil from the leaking pipe by Sunday.", "6,100", "collected"),
        # a figure no collecting verb takes: the dispersant kept the oil from the shore; the oil afloat
        ("Some 90,000 gallons of dispersant have helped keep the oil from reaching the shore.", "90,000", None),
        ("The oil afloat that day was 27,000 barrels, with a similar amount contained or evaporated.", "27,000", None),
        (
            "The valve is keeping about 80,000 gallons of oil a day from leaking into the lagoon.",
            "80,000",
            "collection rate",
        ),
    ],
)
def test_a_volume_a_device_catches_traps_or_keeps_from_leaking_is_collected(
    text: str, words: str, measure: str | None
) -> None:
    value = float(words.replace(",", ""))
    s, (q,) = sentence(text, (words, value, value, "barrel"))
    assert fv.volume_measure(s, q) == measure


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("A tanker will double the fleet's oil-capture capacity to 40,000 barrels a day from around 20,000.", "20,000"),
        ("The full capacity of the containment hood was about 9,000 barrels a day, the port said.", "9,000"),
        ("Engineers built a huge funnel to accommodate 300,000 gallons of oil per day.", "300,000"),
        ("The oil-capture barge, designed to handle up to 60,000 barrels a day, could be late.", "60,000"),
        ("It would boost its capacity to collect oil from the pipe to 28,000 barrels a day.", "28,000"),
    ],
)
def test_a_volume_a_capacity_word_governs_is_no_point_of_a_leak_s_measures(text: str, words: str) -> None:
    value = float(words.replace(",", ""))
    s, (q,) = sentence(text, (words, value, value, "barrel"))
    assert fv.volume_measure(s, q) is None


@pytest.mark.parametrize(
    ("text", "words", "measure"),
    [
        (
            "The harbour board says its boats could skim, suck up or otherwise remove 2 million gallons a day.",
            "2 million",
            None,
        ),
        ("He said a second barge would capture and burn about 90,000 gallons of oil daily.", "90,000", None),
        ("Once linked, the firm would now be able to capture 700 barrels of oil a day.", "700", None),
        ("The port hoped to collect 4,000 barrels a day with the new hood.", "4,000", None),
        (
            "Salvors are under way to siphon off a quarter-million gallons of fuel from the wreck.",
            "a quarter-million",
            None,
        ),
        ("The firm had the capacity to skim and remove 90,000 barrels of oil each day.", "90,000", None),
        (
            "The plan would speed up the work so that more than 9,000 barrels a day can be pumped to the ship.",
            "more than 9,000",
            None,
        ),
        # a past take stays one: a verb of saying or a tense of its own between the modal and the volume
        ("The crews can say they have collected 3,000 barrels since Monday.", "3,000", "collected"),
        ("So far the boats have managed to skim less than 400 barrels a day.", "less than 400", "collection rate"),
        ("The pipe, which could burst again, is leaking 2,000 barrels a day.", "2,000", "flow rate"),
        (  # the flow a plan takes some of is still the flow
            "A hood intended to capture some of the 7,000 barrels spewing from the well each day is on its way.",
            "7,000",
            "flow rate",
        ),
    ],
)
def test_a_collection_a_modal_or_an_aim_governs_is_a_plan_no_measured_amount(
    text: str, words: str, measure: str | None
) -> None:
    s, (q,) = sentence(text, (words, 1.0, 1.0, "barrel"))
    assert fv.volume_measure(s, q) == measure


_TWO_DAYS = "The hood collected about 80,000 gallons of oil on Monday and another 40,000 gallons by noon Tuesday."


@pytest.mark.parametrize(
    ("text", "words", "measure"),
    [
        ("The firm said it had collected 3,100 barrels of oil in the first 12 hours of Monday.", "3,100 barrels", None),
        (_TWO_DAYS, "40,000 gallons", None),
        (_TWO_DAYS, "about 80,000 gallons", "collected"),  # the part of a day is the other volume's
        # a whole day is no part of one: the day's figure, a rate (``test_a_volume_told_over_24_hours_is_a_days_rate``)
        ("The firm said it had collected 3,100 barrels in the past 24 hours.", "3,100 barrels", "collection rate"),
    ],
)
def test_a_total_over_part_of_a_day_is_no_day_s_total(text: str, words: str, measure: str | None) -> None:
    spans = [(w, 1.0, 1.0, "barrel") for w in ("3,100 barrels", "about 80,000 gallons", "40,000 gallons") if w in text]
    s, quantities = sentence(text, *spans)
    q = next(q for q in quantities if q.text == words)
    assert fv.volume_measure(s, q) == measure


def test_a_leak_s_volume_dated_a_month_before_the_first_report_is_an_earlier_leak_s(make_doc) -> None:
    """A war's toll keeps a year of its earlier months; a leak is told from its start."""
    from dataclasses import replace
    from datetime import date

    doc = make_doc(
        "In January a pipe in the delta leaked 9,000 barrels. "
        "In early spring the platform began leaking 300 barrels a day. "
        "The platform is now leaking 2,000 barrels a day."
    )
    dated = []
    for s, words, when in zip(
        doc.sentences,
        ("9,000 barrels", "300 barrels a day", "2,000 barrels a day"),
        ("2030-01", "2030-04-20", "2030-05-10"),
        strict=True,
    ):
        (q,) = sentence(s.text, (words, 1.0, 1.0, "barrel"))[1]
        q = replace(q, start=q.start + s.start, end=q.end + s.start)
        dated.append(replace(s, quantities=(q,), event_date=when))
    found = fg.points_of(replace(doc, sentences=tuple(dated)), first=date(2030, 5, 1))
    assert [(m, p.date) for m, _, p in found] == [("flow rate", "2030-04-20"), ("flow rate", "2030-05-10")]


@pytest.mark.parametrize(
    ("text", "words", "measure"),
    [
        (
            "The leak would then be greater than the 1988 Harwick pipe leak, which gushed 600,000 barrels.",
            "600,000 barrels",
            None,
        ),
        (
            "It will soon eclipse the Brora tanker spill -- which dumped 9 million gallons -- as the worst.",
            "9 million gallons",
            None,
        ),
        (
            "It is the worst spill in the region since the tanker Nereid ran aground, leaking 8 million gallons.",
            "8 million gallons",
            None,
        ),
        (
            "It would not surpass the disaster caused by the Alder spill, which belched oil for 90 days, "
            "dumping nearly 2 million barrels into the bay.",
            "nearly 2 million barrels",
            None,
        ),
        # the comparison is the leak's own figure
        ("The leak has now surpassed 100 million gallons spilled.", "100 million gallons", "spilled"),
        ("The spill, worse than the Harwick tanker spill, has leaked 40,000 barrels.", "40,000 barrels", "spilled"),
    ],
)
def test_the_volume_of_another_incident_the_leak_is_compared_with_is_no_point(
    text: str, words: str, measure: str | None
) -> None:
    s, (q,) = sentence(text, (words, 1.0, 1.0, "barrel"))
    assert fv.volume_measure(s, q) == measure


@pytest.mark.parametrize(
    ("text", "words", "measure"),
    [
        ("Crews skimmed less than 700 bbl/day from the slick off Port Aver.", "less than 700 bbl", "collection rate"),
        ("The wreck is leaking 1,200 barrels\\/day into the sound.", "1,200 barrels", "flow rate"),
        ("The wreck is leaking 1,200 barrels / day into the sound.", "1,200 barrels", "flow rate"),
        ("The wreck has leaked 1,200 barrels since Monday / daybreak crews say.", "1,200 barrels", "spilled"),
    ],
)
def test_a_day_after_a_slash_makes_a_rate(text: str, words: str, measure: str) -> None:
    s, (q,) = sentence(text, (words, 1.0, 1.0, "barrel"))
    assert fv.volume_measure(s, q) == measure


def test_a_negated_leak_word_names_no_measure() -> None:
    s, (q,) = sentence(
        "Recall, the firm said at first there was no leak -- surely 30,000 gallons per day is hard to miss.",
        ("30,000 gallons per day", 30000, 30000, "gallon/day"),
    )
    assert fv.volume_measure(s, q) is None
    told, (kept,) = sentence(
        "The pipe is leaking 30,000 gallons per day.", ("30,000 gallons per day", 1, 1, "gallon/day")
    )
    assert fv.volume_measure(told, kept) == "flow rate"


@pytest.mark.parametrize(
    ("text", "words", "measure"),
    [
        (  # the relative clause's verb, not the nearer "flow" before it
            "The flow fell from the 4,000 barrels (168,000 gallons) per day the operator said the funnel was siphoning"
            " off last week.",
            "4,000 barrels",
            "collection rate",
        ),
        (  # the clause's verb, not the nearer "catch" before it
            "The tanker cannot catch the 9,000 barrels a day that scientists say are gushing from the seabed.",
            "9,000 barrels a day",
            "flow rate",
        ),
        ("The cap catches part of the 6,000 barrels a day leaking from the riser.", "6,000 barrels a day", "flow rate"),
        (  # a preposition after the volume starts no relative clause
            "Output of the 4,000 barrels a day from the pipe the tanker was siphoning fell.",
            "4,000 barrels a day",
            "collection rate",
        ),
    ],
)
def test_a_relative_clause_after_the_volume_tells_what_it_measures(text: str, words: str, measure: str) -> None:
    s, quantities = sentence(text, (words, 1.0, 1.0, "barrel/day"))
    assert fv.volume_measure(s, quantities[0]) == measure


def test_a_total_added_to_the_rate_of_the_sentence_before_is_a_rate() -> None:
    before, _ = sentence(
        "The cut will raise the flow by 5,000 gallons a day.", ("5,000 gallons a day", 5000, 5000, "gallon/day")
    )
    s, (q,) = sentence(
        "That is on top of the 40,000 gallons pouring out already.", ("40,000 gallons", 40000, 40000, "gallon")
    )
    assert fv.volume_measure(s, q) == "spilled"
    assert fv.added_to_rate("spilled", s, q, before) == "flow rate"
    no_rate, _ = sentence("The well has spilled 2 million gallons.", ("2 million gallons", 2e6, 2e6, "gallon"))
    assert fv.added_to_rate("spilled", s, q, no_rate) == "spilled"
    assert fv.added_to_rate("spilled", s, q, None) == "spilled"
    plain, (total,) = sentence("The well spilled 40,000 gallons already.", ("40,000 gallons", 40000, 40000, "gallon"))
    assert fv.added_to_rate("spilled", plain, total, before) == "spilled"


def test_points_of_read_a_total_added_to_a_rate_as_a_rate_in_barrels_a_day(make_doc) -> None:
    from dataclasses import replace

    doc = make_doc(
        "The cut will raise the flow by 4,200 gallons a day. That's on top of the 42,000 gallons gushing out."
    )
    first, second = doc.sentences
    spans = ((first, "4,200 gallons a day", 4200, "gallon/day"), (second, "42,000 gallons", 42000, "gallon"))
    quantities = [sentence(s.text, (words, value, value, unit))[1][0] for s, words, value, unit in spans]
    doc = replace(
        doc,
        sentences=tuple(
            replace(s, quantities=(replace(q, start=q.start + s.start, end=q.end + s.start),))
            for s, q in zip(doc.sentences, quantities, strict=True)
        ),
    )
    assert [(m, u, p.value) for m, u, p in fg.points_of(doc)] == [
        ("flow rate", "barrel/day", 100),
        ("flow rate", "barrel/day", 1000),
    ]


@pytest.mark.parametrize(
    ("text", "words", "measure"),
    [
        ("The harbour board said the hull was leaking 300 barrels.", "300 barrels", "flow rate"),
        ("Divers say the wreck is still spewing 80 barrels into the cove.", "80 barrels", "flow rate"),
        ("The wreck has leaked 300 barrels.", "300 barrels", "spilled"),  # a perfect: a total
        ("The hull was leaking 300 barrels in all before it was patched.", "300 barrels", "spilled"),
        ("The hull was leaking 300 barrels over the past six days.", "300 barrels", "spilled"),
        # a collecting verb in the progressive, active or passive, tells an ongoing take: a rate
        ("The harbour board said the barge was siphoning 400 barrels.", "400 barrels", "collection rate"),
        ("In a statement, Norvik put the amount being captured at 9,300 barrels.", "9,300 barrels", "collection rate"),
        ("Some 800 barrels of oil were being trapped by the new collar, he said.", "800 barrels", "collection rate"),
        ("About 300 barrels are still being released from the hull.", "300 barrels", "flow rate"),
        # not a past or perfect, and not a progressive whose clause tells a total
        ("The barge siphoned 400 barrels.", "400 barrels", "collected"),
        ("Some 800 barrels of oil were trapped by the new collar.", "800 barrels", "collected"),
        ("Norvik put the amount being captured at 9,300 barrels so far.", "9,300 barrels", "collected"),
    ],
)
def test_a_leak_or_collecting_verb_in_the_progressive_governing_a_volume_makes_it_a_rate(
    text: str, words: str, measure: str
) -> None:
    s, (q,) = sentence(text, (words, 1.0, 1.0, "barrel"))
    assert fv.volume_measure(s, q) == measure


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The collar caught 700 barrels in the previous 24 hours.", "collection rate"),
        ("The collar caught 700 barrels over the 24 hours to midnight on Friday.", "collection rate"),
        ("The tube siphoned 700 barrels in the 24-hour period ended at noon.", "collection rate"),
        ("The hull spilled 700 barrels in the first 12 hours.", None),  # part of a day: no day's figure
        ("The hull spilled 700 barrels over the past four days.", "spilled"),
    ],
)
def test_a_volume_told_over_24_hours_is_a_days_rate(text: str, measure: str | None) -> None:
    s, (q,) = sentence(text, ("700 barrels", 700, 700, "barrel"))
    assert fv.volume_measure(s, q) == measure
