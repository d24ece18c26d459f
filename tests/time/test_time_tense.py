"""The tense near a time expression: past, present (the nearest occurrence) and future (our own sentences)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.records import Token
from storyline.time import tag, tense
from storyline.time.tense import tense_at, tense_cues

THURSDAY = date(2022, 9, 8)
FRIDAY = date(2022, 9, 9)
NOVEMBER = date(2022, 11, 3)


def first_date(text: str, dct: date = THURSDAY) -> str | None:
    return tag(text, dct)[0].date


def tokens_for(text: str, tags: list[tuple[str, str]], base: int = 0) -> list[Token]:
    out, pos = [], 0
    for word, tag_ in tags:
        start = text.index(word, pos)
        out.append(Token(base + start, base + start + len(word), word, word, "X", tag_, "dep", 0))
        pos = start + len(word)
    return out


@pytest.mark.parametrize(
    ("text", "dct", "day"),
    [
        ("The two envoys meet Saturday in Geneva.", THURSDAY, "2022-09-10"),
        ("The two envoys meet Monday in Geneva.", FRIDAY, "2022-09-12"),
        ("The two envoys meet Monday in Geneva.", THURSDAY, "2022-09-05"),
        ("The market is closed Saturday.", THURSDAY, "2022-09-10"),
    ],
)
def test_weekday_in_present_tense_resolves_to_nearest_occurrence(text: str, dct: date, day: str) -> None:
    assert first_date(text, dct) == day


def test_month_day_in_present_tense_resolves_to_nearest_occurrence() -> None:
    assert first_date("The dividend is payable Jan. 2.", NOVEMBER) == "2023-01-02"
    assert first_date("The new rules are effective Feb. 1.", NOVEMBER) == "2023-02-01"
    assert first_date("The new rules are effective Oct. 1.", NOVEMBER) == "2022-10-01"


def test_month_in_present_tense_resolves_to_nearest_occurrence() -> None:
    assert first_date("The fair opens in October.") == "2022-10"
    assert first_date("The fair closes in March.") == "2023-03"
    assert first_date("The fair closes in May.") == "2022-05"


def test_present_perfect_is_past() -> None:
    assert first_date("Troops have retaken the bridge on Saturday.") == "2022-09-03"
    assert first_date("The mayor has said on Saturday that the bridge is safe.") == "2022-09-03"


def test_present_speech_verb_with_a_past_verb_stays_past() -> None:
    assert first_date("Officials say the strike happened Saturday.") == "2022-09-03"
    assert first_date("Officials say the raid took place Saturday.") == "2022-09-03"


def test_an_infinitive_or_a_verb_after_a_modal_shows_no_tense() -> None:
    assert first_date("The board agreed to meet Saturday.") == "2022-09-10"
    assert first_date("The two sides could not meet Saturday, aides said.") == "2022-09-03"


def test_a_participle_after_a_determiner_is_an_adjective() -> None:
    text = "The shares would be issued on a still unspecified date in January."
    assert first_date(text, NOVEMBER) == "2023-01"


@pytest.mark.parametrize(
    "text",
    [
        "The closing is expected in December.",
        "The talks are set to resume in December.",
        "The talks, set to resume in December, will be held in Oslo.",
        "The parties are supposed to conclude a deal by December.",
        "The court is due to rule in December.",
        "The hearing was scheduled for December.",
        "The launch is slated for December.",
        "The company is to report its results in December.",
    ],
)
def test_future_cues(text: str) -> None:
    assert first_date(text, NOVEMBER) == "2022-12"


def test_due_to_a_cause_and_plans_that_had_lapsed_are_not_future() -> None:
    assert first_date("The match was called off due to rain on Saturday.") == "2022-09-03"
    assert first_date("The permit had been due to expire Saturday.") == "2022-09-03"
    assert first_date("Sales rose more than expected in August.") == "2022-08"


def test_tense_from_token_tags() -> None:
    text = "He has met them and they meet again Saturday"
    tags = [("He", "PRP"), ("has", "VBZ"), ("met", "VBN"), ("them", "PRP"), ("and", "CC"), ("they", "PRP")]
    tags += [("meet", "VBP"), ("again", "RB"), ("Saturday", "NNP")]
    tokens = tokens_for(text, tags, base=50)
    cues = tense_cues(text, tokens, 50)
    assert [(text[c.start : c.end], c.tense) for c in cues] == [("has met", "past"), ("meet", "present")]
    assert tag(text, THURSDAY, tokens=tokens, tokens_offset=50)[0].date == "2022-09-10"


def test_the_passive_takes_the_tense_of_its_auxiliary_from_tags() -> None:
    text = "The vote is held Saturday"
    tokens = tokens_for(text, [("The", "DT"), ("vote", "NN"), ("is", "VBZ"), ("held", "VBN"), ("Saturday", "NNP")])
    cues = tense_cues(text, tokens)
    assert [(text[c.start : c.end], c.tense) for c in cues] == [("is held", "present")]
    assert tense_at(cues, text.index("Saturday"), len(text), "past") == "present"


def test_the_passive_takes_the_tense_of_its_auxiliary_from_words() -> None:
    assert first_date("The vote is held Saturday.") == "2022-09-10"
    assert first_date("The vote was held Saturday.") == "2022-09-03"


@pytest.mark.parametrize(
    "text",
    [
        "Traders expect a recovery in the fish market in August.",
        "The weather office forecasts heavy snow in August.",
        "The union predicts more walkouts in August.",
        "Growers anticipate a smaller harvest in August.",
        "Fares may rise in August.",
        "The bypass might not open in August.",
        "Tenants must leave the block in August.",
    ],
)
def test_a_verb_that_looks_ahead_or_a_modal_of_possibility_is_future(text: str) -> None:
    assert first_date(text) == "2023-08"


def test_a_modal_with_have_is_past() -> None:
    assert first_date("The barge may have sunk in August.") == "2022-08"


@pytest.mark.parametrize(
    ("text", "dct", "day"),
    [
        ("The harbor board votes Thursday on the dredging plan.", date(2024, 3, 12), "2024-03-14"),
        ("The mayor signs the lease Friday, her aide said.", date(2025, 1, 22), "2025-01-24"),
        ("The choir sings its final concert at the old abbey Saturday.", date(2023, 9, 28), "2023-09-30"),
        ("The old bridge reopens to traffic on Wednesday.", date(2024, 12, 2), "2024-12-04"),
    ],
)
def test_a_present_s_verb_with_the_day_it_governs_takes_the_nearest_occurrence(text: str, dct: date, day: str) -> None:
    assert first_date(text, dct) == day


# Wednesday 2024-05-15: the past reading of Friday is 2024-05-10, the nearest 2024-05-17.
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Voters go to the polls in Friday's runoff for mayor.", "2024-05-17"),
        ("The night markets open on Friday along the river.", "2024-05-17"),
        ("Nurses do not return to the wards until Friday.", "2024-05-17"),
        ("Why do the ferries stop on Friday?", "2024-05-17"),
    ],
)
def test_a_plural_subjects_plain_present_verb_with_its_weekday_takes_the_nearest_occurrence(
    text: str, day: str
) -> None:
    assert first_date(text, date(2024, 5, 15)) == day


@pytest.mark.parametrize(
    "text",
    [
        "Voters went to the polls on Friday in heavy rain.",
        "Did the unions strike on Friday?",
        "Officials said voters go to the polls on Friday.",
        "Texas vote counts on Friday showed a narrow lead.",
        "Officials ran the count on Friday.",
    ],
)
def test_a_plain_verb_after_a_past_verb_or_a_name_is_no_present_cue(text: str) -> None:
    assert first_date(text, date(2024, 5, 15)) == "2024-05-10"
    assert not [c for c in tense_cues(text) if c.tense == "present"]


@pytest.mark.parametrize(
    ("text", "dct", "day"),
    [
        ("Rescue crews Thursday pulled a climber from the gorge.", date(2024, 12, 2), "2024-11-28"),
        ("Ferry officials sent new timetables Sunday.", date(2024, 3, 13), "2024-03-10"),
        ("The minister welcomed the trade figures Friday.", date(2025, 1, 20), "2025-01-17"),
        ("The firm told dealers Monday about the recall.", date(2024, 3, 8), "2024-03-04"),
    ],
)
def test_a_plural_noun_before_a_day_is_not_a_present_verb(text: str, dct: date, day: str) -> None:
    assert first_date(text, dct) == day


@pytest.mark.parametrize(
    ("text", "dct", "day"),
    [
        # the nearest such day is the one before the report (Friday 2024-03-15, Saturday 2024-03-16)
        ("The panel will hear appeals Tuesday in the harbor case.", date(2024, 3, 15), "2024-03-19"),
        ("The mayor will sign contracts Thursday at the town hall.", date(2024, 3, 16), "2024-03-21"),
    ],
)
def test_a_plural_noun_after_a_modal_and_its_verb_is_its_object_not_a_present_verb(
    text: str, dct: date, day: str
) -> None:
    assert first_date(text, dct) == day


# Words, pieces of words and letters that (?i) or ``str.lower`` fold ("ſ", "İ", the Kelvin sign).
_TENSE_PIECES = """said SAID Said ſaid \u212aept kept wed ed e d annexed aided x - ſ İ ıs LED led was washed 3 ran
ranged will WILL ſhall won't won’t 'll ’ll would should have going to is are be expected scheduled due set been than as
date meet upcoming next expects hopes agreed vowed not also a the , . planned predicted for had
agreement offer offered OFFERS proposal intended""".split()  # noqa: SIM905


_FIRST = "(?=[abdeghinopsuvwABDEGHINOPSUVW'’ſıİ])(?:"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TENSE_PIECES), max_size=10))
def test_future_cues_kept_to_their_first_letters_find_what_the_plain_pattern_finds(pieces: list[str]) -> None:
    assert tense._FUTURE_CUES.pattern.startswith(_FIRST)
    plain = re.compile(tense._FUTURE_CUES.pattern[len(_FIRST) : -1])
    text = " ".join(pieces)
    assert [m.span() for m in tense._FUTURE_CUES.finditer(text)] == [m.span() for m in plain.finditer(text)]


# A lookahead of first letters at the start of a cue pattern (or right after its \b) only skips positions.
_FIRST_LETTERS = re.compile(r"\(\?=\[[^\]]*\]\)")
_CUE_WORDS = """is Is IS İs ıs are Are am has Has have 've we've said says say meets opens does due to payable
expected will Will won't 'll going plan Monday Mondays Thursday June Junes August hHas ſays x-is""".split()  # noqa: SIM905


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_CUE_WORDS), st.sampled_from([" ", "  ", "-", "'", ", "])), max_size=10))
def test_cue_patterns_with_first_letters_find_what_the_plain_patterns_find(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in pieces)
    for fast in (tense._PRESENT_CUES, tense._PERFECT, tense._DAY_OR_MONTH, tense._FUTURE_CUES):
        assert _FIRST_LETTERS.search(fast.pattern), fast.pattern
        plain = re.compile(_FIRST_LETTERS.sub("", fast.pattern, count=1))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], plain.pattern


def _past_words_one_by_one(text: str, end: int) -> list[tuple[int, int, str]]:
    words = ((m.start(), m.end(), m.group()) for m in re.finditer(r"[A-Za-z]{2,}", text[:end]))
    return [(a, b, w) for a, b, w in words if tense.is_past_form(w)]


_PAST_PIECES = """said Said SAID sAid was wasn't fled Fled wanted WANTED Wanted armed need red ed bed agreed
unsaid saidx xwas sa id İs Kept \u212aept café caféed é über-tested 1998ed -ed 'ed""".split()  # noqa: SIM905


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_PAST_PIECES), st.sampled_from([" ", "", "-", ", "])), max_size=10),
    st.integers(0, 80),
)
def test_past_forms_found_by_one_search_are_those_found_word_by_word(pieces: list[tuple[str, str]], end: int) -> None:
    text = "".join(word + gap for word, gap in pieces)
    end = min(len(text), end)
    assert tense._past_words(text, end) == _past_words_one_by_one(text, end)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_CUE_WORDS, "haſ", "HAVE", "ha", "s", "ve", "'", "been", "told"]), max_size=10))
def test_perfect_is_searched_whenever_it_can_match(words: list[str]) -> None:
    text = " ".join(words)
    assert tense._may_be_perfect(text) or tense._PERFECT.search(text) is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([*_CUE_WORDS, *_TENSE_PIECES, "the", "a"]), st.sampled_from([" ", "\t", "-", ", "])),
        max_size=12,
    ),
    st.booleans(),
)
def test_ascii_cue_patterns_find_the_cues_the_unicode_ones_find(pieces: list[tuple[str, str]], ahead: bool) -> None:
    text = "".join(word + gap for word, gap in pieces)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tense, "ascii_safe", lambda text: False)
        expected = tense_cues(text, ahead=ahead)
    assert tense_cues(text, ahead=ahead) == expected


def test_no_cue_pattern_writes_a_letter_that_unicode_case_rules_match_to_an_ascii_one() -> None:
    for pattern in tense._ASCII:
        inner = _FIRST_LETTERS.sub("", pattern.pattern, count=1)  # the first letters take no case
        assert not any(map(inner.__contains__, ("ſ", "ı", "İ", "\u212a"))), pattern.pattern


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Both new locks are expected to be finished in May.", "2023-05"),
        ("The old depot is due to be demolished in February.", "2023-02"),
        ("A successor is to be named in January.", "2023-01"),
        ("The ward is going to be reopened in March.", "2023-03"),
        ("Crowds gathered ahead of the runoff scheduled in April.", "2023-04"),
    ],
)
def test_a_passive_verb_group_after_to_is_future_not_a_past_participle(text: str, value: str) -> None:
    assert [t.value for t in tag(text, NOVEMBER)] == [value]


@pytest.mark.parametrize("text", ["She’ll sign the bill on Monday.", "The pier won’t reopen on Monday, he said."])
def test_a_future_with_a_curly_apostrophe_reads_as_with_a_straight_one(text: str) -> None:
    straight = text.replace("’", "'")
    assert [t.value for t in tag(text, THURSDAY)] == [t.value for t in tag(straight, THURSDAY)] == ["2022-09-12"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The two ministers will then meet on Tuesday.", "2022-11-08"),
        ("The findings will be formally published Monday, the institute said.", "2022-11-07"),
        ("The hearings will first begin on Tuesday.", "2022-11-08"),
        ("The two boards will almost certainly be merged in December.", "2022-12"),
        ("The envoys will all be briefed in January.", "2023-01"),
        # an "-ly" verb is the verb itself, not an adverb before it
        ("The growers will apply for the permit on Monday.", "2022-11-07"),
    ],
)
def test_an_adverb_between_a_modal_and_its_verb_keeps_the_verb_in_the_future(text: str, value: str) -> None:
    assert [t.value for t in tag(text, NOVEMBER)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The runoff will go ahead on Sunday as planned.", "2022-11-06"),
        ("The ferry may resume sailing in February as scheduled.", "2023-02"),
        # the clause's own past verb still tells the tense
        ("The bridge reopened on Sunday as planned.", "2022-10-30"),
    ],
)
def test_a_participle_right_after_as_shows_no_tense(text: str, value: str) -> None:
    assert [t.value for t in tag(text, NOVEMBER)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Shares rose as a meeting with lenders planned for Tuesday gave hope of a deal.", "2022-11-08"),
        ("Doctors fear a second wave predicted for the winter could fill the wards.", "2022-WI"),
        # planned in the past perfect: the plan is over
        ("The board had planned for Tuesday a vote that never came.", "2022-11-01"),
    ],
)
def test_a_time_planned_or_predicted_for_is_coming(text: str, value: str) -> None:
    assert [t.value for t in tag(text, NOVEMBER)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the time of an agreement, offer or proposal "to" do something, or of what something is intended to do
        ("The bank announced an agreement to buy the mill in January.", "2023-01"),
        ("The city welcomed the offer to host the talks in March.", "2023-03"),
        ("Crews drilled two wells intended to seal the leak by August.", "2023-08"),
        # offers already made are no plan: the day is the verb's
        ("Rival bidders raised their offers to buy the mill Friday.", "2022-10-28"),
    ],
)
def test_an_agreement_offer_or_intention_to_do_something_looks_ahead(text: str, value: str) -> None:
    assert [t.value for t in tag(text, NOVEMBER)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a present form after an article or an owner is a noun, no present cue
        ("Divers recovered a bell from the remains of the old ferry on Sunday.", "2022-09-04"),
        ("Crews cleared the ends of the broken pier on Sunday.", "2022-09-04"),
        # a present verb still is one
        ("The ferry service resumes on Sunday.", "2022-09-11"),
    ],
)
def test_a_present_form_after_an_article_is_a_noun(text: str, value: str) -> None:
    assert [t.value for t in tag(text, THURSDAY)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The new ferry is likely to enter service on Monday, the operator said.", "2022-11-07"),
        # "agreed to" a noun is no plan: the day is the agreeing's
        ("The council agreed to the merger on Tuesday.", "2022-11-01"),
    ],
)
def test_likely_to_looks_ahead_and_agreed_to_a_noun_does_not(text: str, value: str) -> None:
    assert [t.value for t in tag(text, NOVEMBER)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a past verb of planning before "to" is past itself: a time before it is the planning's (2022-11-03)
        ("On Sunday, the league agreed to scrap the cup.", "2022-10-30"),
        ("In October the mayor pledged to rebuild the pier.", "2022-10"),
        ("The union on Tuesday vowed to strike until spring.", "2022-11-01"),
        # ... and one after "to" the plan's
        ("The league agreed to scrap the cup on Sunday.", "2022-11-06"),
        ("The mayor pledged to rebuild the pier in December.", "2022-12"),
    ],
)
def test_a_time_before_a_past_verb_of_planning_is_the_plannings_and_one_after_the_plans(text: str, value: str) -> None:
    assert next(t.value for t in tag(text, NOVEMBER) if t.value[:1].isdigit()) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an "-ed" word after the pronoun "that" is the verb of a relative clause, a past cue (2022-09-08, a Thursday)
        ("Dozens were hurt in the blasts that started Saturday. ``We must stay calm.''", "2022-09-03"),
        ("The flood that followed the April storm is expected to cost more.", "2022-04"),
        # ... and one after an article still an adjective
        ("The proposed sale will close on Friday.", "2022-09-09"),
    ],
)
def test_an_ed_word_after_that_is_a_relative_clauses_past_verb(text: str, value: str) -> None:
    assert next(t.value for t in tag(text, THURSDAY) if t.value[:1].isdigit()) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "aiming to", "hoping to", "expecting to" look ahead for a time after them (2022-11-03, a Thursday)
        ("Crews were aiming to reopen the pier in December.", "2022-12"),
        ("Negotiators were hoping to close a deal before the vote Monday.", "2022-11-07"),
        # ... but the "-ing" word tells no tense for a time before it
        ("The navy launched the patrols in March, hoping to deter raids.", "2022-03"),
    ],
)
def test_an_ing_verb_of_planning_looks_ahead_only_for_a_time_after_it(text: str, value: str) -> None:
    assert next(t.value for t in tag(text, NOVEMBER) if t.value[:1].isdigit()) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an "-ed" word after a hyphen ends a compound adjective, no past cue (2022-11-03, a Thursday)
        ("Divers will try a so-called soft plug on Monday.", "2022-11-07"),
        ("Crews plan to lower the box with remote-controlled arms on Sunday.", "2022-11-06"),
        # ... unless the part before the hyphen is a verb's prefix
        ("The dam re-opened on Sunday.", "2022-10-30"),
    ],
)
def test_an_ed_word_ending_a_hyphenated_compound_is_no_past_cue(text: str, value: str) -> None:
    assert next(t.value for t in tag(text, NOVEMBER) if t.value[:1].isdigit()) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the next day/night" points back to the day named before: the weekdays of the narrative stay past
        (
            "First came a march on Monday evening, then a sit-in the next night, and a rally on Wednesday night.",
            ["2022-09-05TEV", "2022-09-06TNI", "2022-09-07TNI"],
        ),
        (
            "A tent went up on Monday, a second the next day and a third on Wednesday.",
            ["2022-09-05", "2022-09-06", "2022-09-07"],
        ),
        # a span from now still looks ahead
        ("Talks could resume in the next day or two, perhaps as early as Saturday.", ["2022-09-09", "2022-09-10"]),
        ("In the next day or so, crews may reach the valley by Saturday.", ["2022-09-09", "2022-09-10"]),
        ("The ferry sails Friday and the crew returns the next morning.", ["2022-09-09", "2022-09-10TMO"]),
    ],
)
def test_the_next_day_tells_no_future_unless_it_counts_from_now(text: str, expected: list[str]) -> None:
    assert [t.value for t in tag(text, THURSDAY)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A memorial for the firefighters is planned Tuesday at the stadium.", "2022-09-13"),
        ("The final hearing is set Tuesday.", "2022-09-13"),
        ("Both votes are scheduled on Tuesday.", "2022-09-13"),
        ("The last instalment is due Tuesday.", "2022-09-13"),
        ("The memorial was planned Tuesday.", "2022-09-06"),  # told in the past: the plan's day
    ],
)
def test_a_present_passive_of_scheduling_names_a_coming_weekday(text: str, expected: str) -> None:
    assert first_date(text) == expected
