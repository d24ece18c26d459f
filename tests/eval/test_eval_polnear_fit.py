"""Fitting the cue model: the samples' bookkeeping, on hand-built samples (no PolNeAR text)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

from storyline.doc.attribution_learned import CueModel
from storyline.doc.attribution_meaning import WordMeaning
from storyline.eval import polnear_fit
from storyline.eval.polnear import FileResult, PolnearFile
from storyline.eval.polnear_fit import RuleRun, Sample, vocabulary, weights_source, with_learned, with_sources
from storyline.eval.polnear_fit_source import SourceOption, best_span

FILE = PolnearFile(Path("a.ann"), Path("a.txt"))
RULE = {"source": ((0, 4),), "cue": ((5, 9),), "content": ((10, 20),)}
SHARED = {"source": ((0, 4),), "cue": ((30, 34),), "content": ((35, 40),)}
NEW = {"source": ((50, 53),), "cue": ((54, 59),), "content": ((60, 70),)}


def _run(shared_source: bool) -> RuleRun:
    system = {role: frozenset({RULE[role]} | ({SHARED[role]} if shared_source else set())) for role in RULE}
    uses = {role: Counter(system[role]) for role in RULE}
    if shared_source:
        uses["source"][RULE["source"]] = 2  # two rule attributions name the same source span
    result = FileResult(FILE, "x" * 80, {role: frozenset() for role in RULE}, system)
    samples = [
        Sample(0, "a.txt", ("rule=cue",), False, dict(RULE), rule=True),
        Sample(0, "a.txt", ("lemma=want",), True, dict(NEW)),
    ]
    return RuleRun([result], [uses], samples)


def test_accepted_candidate_adds_its_spans_and_vetoed_stance_loses_its_own() -> None:
    [result] = with_learned(_run(False), [0.1, 0.9], threshold=0.5, veto=0.2)
    assert result.system["cue"] == frozenset({NEW["cue"]})
    assert result.system["source"] == frozenset({NEW["source"]})


def test_vetoed_stance_keeps_a_span_another_attribution_shares() -> None:
    [result] = with_learned(_run(True), [0.1, 0.1], threshold=0.5, veto=0.2)
    assert RULE["source"] in result.system["source"] and RULE["cue"] not in result.system["cue"]


def test_vocabulary_keeps_features_seen_in_enough_texts(monkeypatch) -> None:
    monkeypatch.setattr(polnear_fit, "MIN_COUNT", 2)
    samples = [Sample(0, t, names, False, {}) for t, names in (("a", ("x", "y")), ("b", ("x",)), ("a", ("y",)))]
    assert vocabulary(samples) == ["x"]  # "y" is in one text, twice


def test_weights_module_is_python_with_the_model_and_no_text() -> None:
    cues, sources = CueModel({'lemma=say|dobj="x"': 1.5}, -2.0, 0.4, 0.3), CueModel({"parse_subject": 2.0}, -1.0, 0.2)
    source = weights_source(cues, sources, ["threshold 0.4"], 10, 30, 1)
    names: dict[str, object] = {}
    exec(compile(source, "attribution_weights.py", "exec"), names)
    assert (names["BIAS"], names["THRESHOLD"], names["VETO"]) == (-2.0, 0.4, 0.3)
    assert names["WEIGHTS"] == {'lemma=say|dobj="x"': 1.5}
    assert (names["SOURCE_BIAS"], names["SOURCE_THRESHOLD"], names["SOURCE_WEIGHTS"]) == (
        -1.0,
        0.2,
        {"parse_subject": 2.0},
    )


def test_weights_module_writes_feature_names_in_ruff_quote_style() -> None:
    model = CueModel({'next="': 0.5, "next=''": 0.25, "lemma=say": 1.0}, 0.0, 0.5)
    source = weights_source(model, None, [], 0, 0, 0)
    assert "    'next=\"': 0.5," in source.splitlines()
    assert "    \"next=''\": 0.25," in source.splitlines()
    assert '    "lemma=say": 1.0,' in source.splitlines()


def test_weights_module_without_a_source_model_says_so() -> None:
    names: dict[str, object] = {}
    exec(compile(weights_source(CueModel({}, 0.0, 0.5), None, [], 0, 0, 0), "w.py", "exec"), names)
    assert names["SOURCE_THRESHOLD"] is None and names["SOURCE_WEIGHTS"] == {}


def test_an_accepted_candidate_takes_the_best_source_option_at_the_threshold() -> None:
    options = (
        SourceOption(("rel=child:nsubj",), ((50, 53),), True),
        SourceOption(("rel=other",), ((71, 75),), False),
    )
    run = _run(False)
    run = RuleRun(run.results, run.uses, [run.samples[0], replace(run.samples[1], options=options)])
    [result] = with_learned(with_sources(run, [0.3, 0.6], 0.5), [0.9, 0.9], threshold=0.5, veto=0.2)
    assert result.system["source"] == frozenset({RULE["source"], ((71, 75),)})
    [result] = with_learned(with_sources(run, [0.3, 0.4], 0.5), [0.9, 0.9], threshold=0.5, veto=0.2)
    assert result.system["source"] == frozenset({RULE["source"]})  # no option reaches it: no source


def test_best_span_prefers_the_higher_probability_and_skips_unmapped_options() -> None:
    a, b = SourceOption((), ((1, 2),), False), SourceOption((), None, False)
    assert best_span([a, b], [0.6, 0.9], 0.5) == ((1, 2),)
    assert best_span([a], [0.4], 0.5) is None


def test_weights_module_keeps_the_directions_of_the_word_meaning() -> None:
    table = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    meaning = WordMeaning.of(["say", "question"], table, (0.5, -0.25), (1.0, 2.0))
    source = weights_source(CueModel({}, 0.0, 0.5, meaning=meaning), None, [], 0, 0, 0)
    names: dict[str, object] = {}
    exec(compile(source, "w.py", "exec"), names)
    assert names["MEANING_LEMMA"] == (0.5, -0.25) and names["MEANING_OBJECT"] == (1.0, 2.0)
