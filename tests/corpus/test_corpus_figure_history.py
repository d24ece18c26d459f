"""An estimate's history as a report tells it (``storyline.corpus.figure_history``), on our own sentences."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from storyline.corpus import figure_history as fh
from storyline.corpus import figures as fg
from storyline.records import Quantity, Sentence, TimeExpression


def sentence(text: str, *spans: tuple[str, str], **fields: object) -> tuple[Sentence, list[Quantity]]:
    """A sentence with a quantity for each (words, unit) span, in order, the number read from the words."""
    quantities = []
    for words, unit in spans:
        start = text.index(words)
        value = _first_number(words)
        quantities.append(Quantity(start, start + len(words), words, value, value, value, unit, None, None, None))
    s = Sentence(0, 0, len(text), text, 0, quantities=tuple(quantities))
    return replace(s, **fields), quantities  # type: ignore[arg-type]


def _first_number(words: str) -> float:
    return float(next(w for w in words.replace("-", " ").split() if w[0].isdigit()).replace(",", ""))


def time(text: str, words: str, date: str) -> TimeExpression:
    start = text.index(words)
    return TimeExpression(start, start + len(words), words, "DATE", date, date)


def rate_then_volume(text: str) -> tuple[Sentence, list[Quantity]]:
    """A sentence of "800 barrels a day" and then "2,500 barrels", dated by its "last week" or "this week"."""
    when = "last week" if "last week" in text else "this week"
    return sentence(
        text,
        ("800 barrels a day", "bpd"),
        ("2,500 barrels", "barrel"),
        event_date="2031-W22",
        times=(time(text, when, "2031-W22"),),
    )


# --- the first estimate and the steps before the dated one ---


def test_a_first_estimate_dated_by_the_sentence_before_has_no_day_of_its_own() -> None:
    s, (q,) = sentence(
        "Engineers initially put the seep at 3,000 barrels a day.",
        ("3,000 barrels a day", "bpd"),
        event_date="2031-05-04",
        event_date_anchor=3,
    )
    assert fh.told_as_first(s, q)


def test_a_first_estimate_dated_by_its_report_has_no_day_of_its_own() -> None:
    s, (q,) = sentence(
        "The initial official estimate put the seep at 3,000 barrels a day.",
        ("3,000 barrels a day", "bpd"),
        event_date="2031-05-04",
        event_date_fallback=True,
    )
    assert fh.told_as_first(s, q)


def test_a_first_estimate_with_a_time_of_its_own_step_keeps_it() -> None:
    text = "On Friday engineers initially put the seep at 3,000 barrels a day."
    s, (q,) = sentence(
        text, ("3,000 barrels a day", "bpd"), event_date="2031-05-02", times=(time(text, "Friday", "2031-05-02"),)
    )
    assert not fh.told_as_first(s, q)


def test_a_sentence_dated_by_a_time_not_read_here_keeps_its_day() -> None:
    s, (q,) = sentence("Engineers initially put the seep at 3,000 barrels a day.", ("3,000", "bpd"), event_date="2031")
    assert not fh.told_as_first(s, q)


def test_the_steps_of_a_history_before_the_dated_step_have_no_day_of_their_own() -> None:
    text = (
        "At first the harbour board put the leak at 800 barrels a day, then raised that to 2,500 barrels, "
        "and then, just this week, to 6,000 barrels."
    )
    s, (first, raised, latest) = sentence(
        text,
        ("800 barrels a day", "bpd"),
        ("2,500 barrels", "barrel"),
        ("6,000 barrels", "barrel"),
        event_date="2031-W22",
        times=(time(text, "this week", "2031-W22"),),
    )
    assert fh.told_as_first(s, first)
    assert fh.told_as_first(s, raised)
    assert not fh.told_as_first(s, latest)


def test_the_figure_a_first_estimate_is_replaced_by_now_keeps_the_sentences_day() -> None:
    s, (first, now) = sentence(
        "The ministry originally gave 12 dead, but now says 30 people died.",
        ("12", "count"),
        ("30", "count"),
        event_date="2031-05-04",
        event_date_anchor=1,
    )
    assert fh.told_as_first(s, first)
    assert not fh.told_as_first(s, now)


@pytest.mark.parametrize(
    "text",
    [
        "The virus, originally found in pigs, has killed 80 people.",
        "The toll has reached 80, the ministry said in its first official estimate.",
        "The board says the seep is 3,000 barrels a day, five times more than first estimated.",
    ],
)
def test_a_word_of_a_first_estimate_that_is_not_the_figures_leaves_its_day(text: str) -> None:
    words = "3,000 barrels a day" if "3,000" in text else "80"
    s, (q,) = sentence(text, (words, "count"), event_date="2031-05-04", event_date_fallback=True)
    assert not fh.told_as_first(s, q)


def test_a_value_a_flow_eased_to_until_a_dated_end_keeps_that_day() -> None:
    text = (
        "The well spewed 6,000 barrels a day initially, and as pressure dropped the flow eased to 5,000 barrels a day "
        "until it was shut on July 9."
    )
    s, (first, last) = sentence(
        text,
        ("6,000 barrels a day", "bpd"),
        ("5,000 barrels a day", "bpd"),
        event_date="2031-07-09",
        times=(time(text, "July 9", "2031-07-09"),),
    )
    assert fh.told_as_first(s, first)
    assert not fh.told_as_first(s, last)


def test_a_history_with_no_first_estimate_is_left_to_the_sentences_day() -> None:
    s, quantities = rate_then_volume("The board put the leak at 800 barrels a day, then at 2,500 barrels last week.")
    assert not any(fh.told_as_first(s, q) for q in quantities)


def test_points_of_leaves_a_first_estimate_undated(make_doc) -> None:
    text = "Engineers initially put the seep at 3,000 barrels a day."
    doc = make_doc(text, published="2031-05-04")
    s, _ = sentence(text, ("3,000 barrels a day", "bpd"), event_date="2031-05-03", event_date_anchor=2)
    ((measure, _, point),) = fg.points_of(replace(doc, sentences=(replace(s, start=doc.sentences[0].start),)))
    assert (measure, point.date) == ("flow rate", None)


# --- an estimate named by its size, and the values a rate is revised to ---


@pytest.mark.parametrize(
    ("text", "words", "named"),
    [
        ("Engineers now say the 3,000-barrel estimate of the leak was far too low.", "3,000-barrel", True),
        ("The 800- and 3,000-barrel figures for the leak came from a survey.", "3,000-barrel", True),
        (
            "The 800- and 3,000-barrel figures (33,600 gallons and 126,000 gallons) of the leak were wrong.",
            "126,000 gallons",
            True,
        ),
        ("The tanker took on 3,000 barrels of leaked oil from the wreck.", "3,000 barrels", False),
        ("A 3,000-barrel-a-day leak was found on Monday.", "3,000-barrel", False),
        ("Crews have skimmed 3,000 barrels (126,000 gallons) of oil.", "126,000 gallons", False),
    ],
)
def test_an_estimate_named_by_its_size_is_no_point_of_the_leak(text: str, words: str, named: bool) -> None:
    units = {
        "3,000-barrel": "barrel",
        "3,000 barrels": "barrel",
        "33,600 gallons": "gallon",
        "126,000 gallons": "gallon",
    }
    s, quantities = sentence(text, *[(w, unit) for w, unit in units.items() if w in text])
    (q,) = [x for x in quantities if x.text == words]
    assert fh.names_an_estimate(s, q) is named
    if named:
        assert fg.measure_of(s, q) is None


def test_a_rate_named_as_an_estimate_stays_a_rate_with_no_day(make_doc) -> None:
    text = "Divers doubted the harbour board's 3,000 barrel-per-day estimate of the leak, but it stood firm."
    s, (q,) = sentence(text, ("3,000 barrel", "barrel"), event_date="2031-05-04", event_date_fallback=True)
    assert fh.names_an_estimate(s, q)
    assert fg.measure_of(s, q) == "flow rate"
    doc = make_doc(text, published="2031-05-04")
    ((_, unit, point),) = fg.points_of(replace(doc, sentences=(s,)))
    assert (unit, point.date) == ("barrel/day", None)


def test_the_value_a_rate_is_upped_to_is_a_rate() -> None:
    s, (rate, total) = sentence(
        "An early survey of a 900-barrel-a-day leak was upped to 4,000 barrels after a second crack was found.",
        ("900-barrel", "barrel"),
        ("4,000 barrels", "barrel"),
    )
    assert fh.revised_from_rate(s, total)
    assert fg.measure_of(s, total) == "flow rate"
    assert fg.measure_of(s, rate) == "flow rate"


def test_each_value_of_a_list_of_a_rates_revisions_is_a_rate() -> None:
    s, (_, second, third) = sentence(
        "The board pegged the leak at 800 barrels a day, then raised that to 2,500 barrels, then 6,000 barrels.",
        ("800 barrels a day", "bpd"),
        ("2,500 barrels", "barrel"),
        ("6,000 barrels", "barrel"),
    )
    assert fh.revised_from_rate(s, second)
    assert fh.revised_from_rate(s, third)


def test_a_total_told_after_a_rate_stays_a_total() -> None:
    s, (_, total) = sentence(
        "The well leaked 900 barrels a day, and the total spilled was raised to 40,000 barrels.",
        ("900 barrels a day", "bpd"),
        ("40,000 barrels", "barrel"),
    )
    assert not fh.revised_from_rate(s, total)
    assert fg.measure_of(s, total) == "spilled"


# --- a known value a figure is compared with ---


@pytest.mark.parametrize(
    "text",
    [
        "The final count was 52 dead, close to the 50 the ministry gave on Monday.",
        "The survey found 52 dead, in line with the ministry's count of 50.",
        "Divers put the leak at 5,200 barrels, not far from the coast guard's estimate of 5,000 barrels.",
    ],
)
def test_a_known_value_a_figure_is_said_to_be_close_to_is_recalled(text: str) -> None:
    first, second = ("5,200", "5,000") if "5,200" in text else ("52", "50")
    s, (own, other) = sentence(text, (first, "count"), (second, "count"))
    assert fh.compared_with(s, other)
    assert not fh.compared_with(s, own)


def test_the_known_value_a_figure_is_said_to_exceed_is_recalled() -> None:
    s, (q,) = sentence("The pumps say the seep is more than the 800 barrels first reported.", ("800 barrels", "barrel"))
    assert fh.compared_with(s, q)
    assert fh.recalled(s, q)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The seep is no longer the announced 900 barrels a day, the divers say.", "900 barrels a day"),
        ("Harwick's stated 900 barrels a day never matched the slick.", "900 barrels a day"),
        ("Nobody now trusts the previously reported 900 barrels a day.", "900 barrels a day"),
    ],
)
def test_a_value_named_as_told_before_is_recalled(text: str, words: str) -> None:
    s, (q,) = sentence(text, (words, "bpd"))
    assert fh.named_as_told(s, q)
    assert fh.recalled(s, q)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Harwick announced 900 barrels a day on Monday.", "900 barrels a day"),  # the telling itself
        ("The reported flow of 900 barrels a day rose on Tuesday.", "900 barrels a day"),  # a noun between
        ("The agency reported about 900 barrels a day.", "about 900 barrels a day"),
    ],
)
def test_a_value_told_by_its_own_verb_is_not_named_as_told_before(text: str, words: str) -> None:
    s, (q,) = sentence(text, (words, "bpd"))
    assert not fh.named_as_told(s, q)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Close to 5,000 people fled the valley, officials said.", "5,000"),
        ("The slick held 4,100 barrels on Monday and close to 6,000 barrels by Friday.", "6,000"),
        ("The storm killed more than 40 people in the hills.", "40"),
        ("The council chose to house 300 families rather than the 200 it had planned for.", "200"),
    ],
)
def test_close_to_or_more_than_as_the_qualifier_of_a_figure_recalls_nothing(text: str, words: str) -> None:
    spans = [(w, "count") for w in ("4,100", "300", words) if w in text]
    s, quantities = sentence(text, *spans)
    assert not fh.compared_with(s, quantities[-1])


def test_points_of_leaves_the_known_value_compared_with_undated(make_doc) -> None:
    text = "The final toll was 52 dead, close to the 50 dead the ministry gave."
    doc = make_doc(text, published="2031-05-04")
    spans = [(text.index(w), w) for w in ("52 dead", "50 dead")]
    quantities = tuple(
        Quantity(at, at + len(w), w, float(w[:2]), float(w[:2]), float(w[:2]), "count", None, None, "dead")
        for at, w in spans
    )
    s = replace(doc.sentences[0], quantities=quantities, event_date="2031-05-03")
    points = fg.points_of(replace(doc, sentences=(s,)))
    assert [(p.value, p.date) for _, _, p in points] == [(52.0, "2031-05-03"), (50.0, None)]


def test_points_of_reads_a_rates_history_as_rates_dated_only_at_the_dated_step(make_doc) -> None:
    text = "At first the harbour board put the leak at 800 barrels a day, then raised that to 2,500 barrels this week."
    doc = make_doc(text, published="2031-06-02")
    s, _ = rate_then_volume(text)
    points = fg.points_of(replace(doc, sentences=(replace(s, start=doc.sentences[0].start),)))
    assert [(m, u, p.value, p.date) for m, u, p in points] == [
        ("flow rate", "barrel/day", 800.0, None),
        ("flow rate", "barrel/day", 2500.0, "2031-W22"),
    ]


@pytest.mark.parametrize(
    ("text", "is_revision"),
    [
        ("raised", True),
        ("revises", True),
        ("hiked", True),
        ("upping", True),
        ("cut", True),
        ("lowered", True),
        ("upper", False),
        ("revisions", False),
        ("hikers", False),
        ("cutter", False),
    ],
)
def test_one_revision_vocabulary_reads_verb_forms_not_other_words(text: str, is_revision: bool) -> None:
    # figure_days reads the same pattern for a value a revision replaces
    assert (re.fullmatch(fh.REVISION, text, re.IGNORECASE) is not None) is is_revision


@pytest.mark.parametrize(
    ("text", "words", "is_quoted"),
    [
        ("The firm keeps siphoning off “2500 barrels/day” (a generous figure) from the wreck.", "2500 barrels", True),
        ('The firm keeps siphoning off "2500 barrels a day" from the wreck.', "2500 barrels", True),
        ("The firm keeps siphoning off ‘2500 barrels’, it says.", "2500 barrels", True),
        ("He said: “2500 barrels a day.”", "2500 barrels", False),  # a quote that ends the sentence
        ("The firm is siphoning off 2500 barrels a day from the wreck.", "2500 barrels", False),
        ("“The tanker took 2500 barrels today,” he said.", "2500 barrels", False),  # a quote of more than the figure
    ],
)
def test_a_figure_in_quotation_marks_of_its_own_is_cited_and_has_no_day(text: str, words: str, is_quoted: bool) -> None:
    s, (q,) = sentence(text, (words, "barrel"))
    assert fh.quoted(s, q) is is_quoted
    assert fh.recalled(s, q) is is_quoted


@pytest.mark.parametrize(
    ("text", "is_known_wrong"),
    [
        ("They said the hull was leaking 300 barrels when I think they knew it was more.", True),
        ("The yard put the loss at 300 barrels, though they must have known it was far higher.", True),
        ("They said the hull was leaking 300 barrels when the tide was high.", False),
        ("The hull was leaking 300 barrels, but divers said it was more.", False),  # another's dispute: a rival figure
    ],
)
def test_a_claim_its_sentence_says_was_known_wrong_has_no_day(text: str, is_known_wrong: bool) -> None:
    s, (q,) = sentence(text, ("300 barrels", "barrel"))
    assert fh.known_wrong(s, q) is is_known_wrong
    assert fh.recalled(s, q) is is_known_wrong
