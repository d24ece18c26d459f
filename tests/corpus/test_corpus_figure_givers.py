"""One series per giver when givers disagree (``storyline.corpus.figure_givers``), on our own sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.corpus import figure_givers as fgv
from storyline.corpus.figure_incidents import one_incident
from storyline.records import FigurePoint, Quantity, Sentence


def point(date: str, value: float, by: str | None, text: str = "", source: str = "Wire") -> FigurePoint:
    return FigurePoint(date, value, value, value, None, f"d{date}{value}", 0, text, source, by)


def test_each_sides_toll_of_its_own_ground_is_a_series_labelled_by_who_gives_it() -> None:
    points = [
        point("2024-03-04", 8, "The army command", "The army command said 8 people had died in areas held by Kyiv."),
        point(
            "2024-03-04", 12, "The river council", "The river council put the number of dead on the east bank at 12."
        ),
        point("2024-03-06", 11, "The health ministry", "The health ministry said 11 people had died in the floods."),
        point(
            "2024-03-09",
            25,
            "The river council",
            "The river council said 25 people had died on the occupied east bank.",
        ),
    ]
    series = dict(fgv.split_by_giver("killed", points))
    assert {label: [p.value for p in ps] for label, ps in series.items()} == {
        "killed, Kyiv-held (The army command and The health ministry)": [8, 11],
        "killed, east bank (The river council)": [12, 25],
    }


def test_a_rising_toll_from_several_givers_stays_one_unlabelled_series() -> None:
    points = [
        point("2024-05-01", 20, "the county"),
        point("2024-05-03", 31, "Governor Ann Lee"),
        point("2024-05-04", 35, "the county"),
        point("2024-05", 35, "the county"),  # a month is not compared with days
    ]
    assert [(label, len(ps)) for label, ps in fgv.split_by_giver("killed", points)] == [("killed", 4)]


def test_a_lower_toll_after_a_higher_one_from_another_giver_is_another_series() -> None:
    points = [point("2024-05-01", 40, "the rebels"), point("2024-05-03", 30, "the ministry")]
    labels = [label for label, _ in fgv.split_by_giver("killed", points)]
    assert labels == ["killed (the rebels)", "killed (the ministry)"]


def test_counts_of_single_incidents_are_one_series_apart_from_the_running_toll() -> None:
    points = [
        point("2024-05-01", 200, "a rights group", "A rights group said 200 people died in a month of unrest."),
        point("2024-05-02", 9, "a doctor", "A doctor said 9 people were killed in the shelling on Sunday."),
        point("2024-05-03", 4, "state television", "Four people were killed in an air strike, state television said."),
        point("2024-05-04", 260, "the ministry", "The ministry said 260 people had died since the unrest began."),
    ]
    series = {label: [p.value for p in ps] for label, ps in fgv.split_by_giver("killed", points)}
    assert series == {
        "killed (a rights group and the ministry)": [200, 260],
        "killed, single incidents (a doctor and state television)": [9, 4],
    }
    assert [label for label, _ in fgv.split_by_giver("killed", points[1:3])] == [
        "killed, single incidents (a doctor and state television)"
    ]
    missing = fgv.split_by_giver("missing", points[1:3])
    assert [label for label, _ in missing] == ["missing"]


def test_two_values_of_one_day_stay_one_series_for_the_contradictions_stage() -> None:
    points = [point("2024-05-01", 40, "the rebels"), point("2024-05-01", 30, "the ministry")]
    assert [label for label, _ in fgv.split_by_giver("killed", points)] == ["killed"]


def test_a_falling_count_of_the_missing_from_several_givers_stays_one_series() -> None:
    points = [point("2024-05-01", 900, "the mayor"), point("2024-05-04", 300, "the police")]
    assert [label for label, _ in fgv.split_by_giver("missing", points)] == ["missing"]


def test_two_explicit_scopes_are_two_series_whatever_the_measure() -> None:
    points = [
        point("2024-05-01", 900, "the mayor", "The mayor said 900 people had been evacuated from the north shore."),
        point("2024-05-02", 300, "the mayor", "The mayor said 300 people had been evacuated from the south shore."),
    ]
    labels = [label for label, _ in fgv.split_by_giver("evacuated", points)]
    assert labels == ["evacuated, north shore (the mayor)", "evacuated, south shore (the mayor)"]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Crews counted 40 dead on the left bank.", "left bank"),
        ("Officials gave 12 for the rebel-held western side of the river.", None),
        ("The council said 9 people died on the rebel-held western side.", "western side"),
        ("Medics counted 30 dead in Kyiv-controlled areas.", "Kyiv-controlled"),
        ("Medics counted 30 dead in the territory held by Kyiv.", "Kyiv-held"),
        ("Medics counted 30 dead in the city.", None),
        ("Medics counted 30 dead in areas held by the government.", None),
        ("Medics counted 30 dead in Areas held by the Army.", "Army-held"),
    ],
)
def test_the_scope_is_the_ground_the_sentence_names(text: str, scope: str | None) -> None:
    assert fgv.scope_of(text) == scope


def test_the_giver_is_the_head_of_the_speaker_else_the_outlet() -> None:
    assert fgv.giver_of(point("2024-05-01", 1, "Officials in the occupied part of the region")) == "Officials"
    assert fgv.giver_of(point("2024-05-01", 1, "Dana Roe, the governor")) == "Dana Roe"
    assert fgv.giver_of(point("2024-05-01", 1, None, source="Harbor Daily")) == "Harbor Daily"


def test_a_speaker_misread_from_a_clause_is_not_shown_as_a_giver() -> None:
    misread = "The flu strain caused fewer than 40 deaths the agency"
    assert fgv.giver_of(point("2024-05-01", 1, misread, source="Harbor Daily")) == "Harbor Daily"
    long_clause = "Volunteers going door to door last spring across the valley"
    assert fgv.giver_of(point("2024-05-01", 1, long_clause, source="Harbor Daily")) == "Harbor Daily"
    assert fgv.giver_of(point("2024-05-01", 1, "the state health department")) == "the state health department"


def test_the_scope_of_a_label_is_its_ground_and_a_givers_label_has_none() -> None:
    assert fgv.label_scope("killed, east bank (The river council)") == "east bank"
    assert fgv.label_scope("killed, Valdoria-held (the ministry)") == "Valdoria-held"
    assert fgv.label_scope("killed (the rebels, the army and others)") is None
    assert fgv.label_scope("killed") is None


def test_the_base_measure_drops_the_scope_and_the_givers() -> None:
    assert fgv.base_measure("killed, east bank (The river council)") == "killed"
    assert fgv.base_measure("killed (the rebels)") == "killed"
    assert fgv.base_measure("Cedar Ridge fire contained") == "Cedar Ridge fire contained"


def test_a_lower_toll_for_other_places_or_another_subject_is_no_disagreement() -> None:
    world = point("2024-05-01", 400, "the agency")
    country = point("2024-05-03", 90, "the ministry")
    points = [replace(world, places=("world",)), replace(country, places=("chile",))]
    assert [label for label, _ in fgv.split_by_giver("killed", points)] == ["killed"]
    old = replace(point("2024-05-03", 90, "the historians"), subject="1918 flu")
    new = replace(world, subject="H5N1 virus")
    assert [label for label, _ in fgv.split_by_giver("killed", [new, old])] == ["killed"]


def test_a_label_names_the_two_givers_with_most_points_and_others() -> None:
    points = [
        point("2024-05-01", 50, "the rebels"),
        point("2024-05-02", 60, "the rebels"),
        point("2024-05-03", 30, "the ministry"),
        point("2024-05-04", 35, "the army"),
        point("2024-05-05", 36, "the army"),
        point("2024-05-06", 40, "a hospital"),
    ]
    labels = [label for label, _ in fgv.split_by_giver("killed", points)]
    assert labels == ["killed (the rebels)", "killed (the army, the ministry and others)"]


_GIVERS = st.sampled_from([None, "the army", "The Army", "the ministry in Kyiv", "the ministry", "rebels"])
_TEXTS = st.sampled_from(
    ["", "Dead on the left bank.", "Dead on the right bank.", "Dead in Kyiv-held areas.", "Dead in a strike on Sunday."]
)
_POINTS = st.lists(
    st.builds(
        lambda day, value, by, text: point(f"2024-05-{day:02d}", value, by, text),
        st.integers(1, 28),
        st.integers(0, 500),
        _GIVERS,
        _TEXTS,
    ),
    max_size=12,
)


@given(_POINTS, st.sampled_from(["killed", "missing"]))
def test_splitting_keeps_every_point_once_and_labels_name_the_measure(points: list[FigurePoint], measure: str) -> None:
    series = fgv.split_by_giver(measure, points)
    assert sorted(id(p) for _, ps in series for p in ps) == sorted(id(p) for p in points)
    assert all(fgv.base_measure(label) == measure for label, _ in series)
    assert len({label for label, _ in series}) == len(series)


@given(_POINTS)
def test_a_split_toll_never_falls_between_two_of_its_series_givers(points: list[FigurePoint]) -> None:
    for label, ps in fgv.split_by_giver("killed", points):
        if fgv.label_scope(label) == fgv.INCIDENTS:
            assert all(one_incident(p.text) for p in ps)  # separate incidents: no toll that rises
            continue
        by: dict[str, list[FigurePoint]] = {}
        for p in ps:
            by.setdefault(fgv.giver_of(p).casefold(), []).append(p)
        for a in by.values():
            for b in by.values():
                if a is not b:
                    assert not any(q.date > p.date and q.value < p.value for p in a for q in b)


# relative_giver: a figure cited in a relative clause after it


def giver(text: str, figure: str) -> str | None:
    start = text.index(figure)
    q = Quantity(start, start + len(figure), figure, 480.0, 480.0, 480.0, "ha", "hectares", None, "area")
    return fgv.relative_giver(Sentence(0, 0, len(text), text, 0), q)


def test_a_figure_that_someone_gave_is_theirs():
    assert giver("That is more than the 480 hectares that the harbour board gave on Monday.", "480 hectares") == (
        "the harbour board"
    )
    assert giver(
        "It is twice the 480 hectares (1,190 acres) which Marsh County officials had put out.", "480 hectares"
    ) == ("Marsh County officials")


def test_a_figure_without_such_a_clause_or_given_by_a_pronoun_has_no_giver():
    assert giver("The water covered 480 hectares that were farmland.", "480 hectares") is None
    assert giver("It is below the 480 hectares that we reported on Monday.", "480 hectares") is None


def test_a_lower_forecast_after_a_higher_toll_from_another_giver_stays_in_one_series() -> None:
    forecast = replace(point("2024-05-03", 30, "the ministry"), projected=True)  # "could fall to 30"
    points = [point("2024-05-01", 40, "the rebels"), forecast]
    assert [label for label, _ in fgv.split_by_giver("killed", points)] == ["killed"]


def test_a_higher_suspected_toll_from_another_giver_stays_in_one_series() -> None:
    suspected = replace(point("2024-05-03", 90, "the rebels"), suspected=True)  # "may have killed 90"
    points = [point("2024-05-01", 40, "the ministry"), suspected, point("2024-05-04", 41, "the ministry")]
    assert [label for label, _ in fgv.split_by_giver("killed", points)] == ["killed"]


@pytest.mark.parametrize(
    ("speaker", "giver"),
    [
        ("the harbour board's latest tally", "the harbour board"),
        ("according to the harbour board's weekly figures", "the harbour board"),
        ("the latest RHB tally", "RHB"),
        ("according to the RHB", "the RHB"),
        ("some estimates", "Harbor Daily"),  # no owner named: the outlet gives it
        ("its latest figures", "Harbor Daily"),
        ("the main misleading statement", "Harbor Daily"),
    ],
)
def test_a_tally_or_estimate_is_given_by_its_owner_else_by_the_outlet(speaker: str, giver: str) -> None:
    assert fgv.giver_of(point("2024-05-01", 1, speaker, source="Harbor Daily")) == giver


def test_an_acronym_spelt_like_who_does_not_end_the_givers_name() -> None:
    assert fgv.giver_of(point("2024-05-01", 1, "the WHO regional office")) == "the WHO regional office"
    assert fgv.giver_of(point("2024-05-01", 1, "Dana Roe, who leads the board")) == "Dana Roe"


def test_a_giver_with_and_without_its_article_is_one_giver() -> None:
    points = [point("2024-05-01", 50, "The RHB"), point("2024-05-02", 40, "RHB"), point("2024-05-03", 30, "the army")]
    labels = [label for label, _ in fgv.split_by_giver("killed", points)]
    assert labels == ["killed (The RHB)", "killed (the army)"]  # the board's own fall is no second giver


def test_a_series_whose_points_mostly_name_no_giver_is_labelled_as_such() -> None:
    points = [point(f"2024-05-0{d}", 50 + d, None, source="") for d in range(1, 6)]
    points += [point("2024-05-06", 70, "the army", source=""), point("2024-05-07", 30, "the ministry", source="")]
    labels = [label for label, _ in fgv.split_by_giver("killed", points)]
    assert labels[0] == f"killed ({fgv.UNATTRIBUTED})"
