"""Attributions as JSON, in offsets of the file as read."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.build import annotate
from storyline.output.attributions import attributions_json

TEXT = (
    "The harbour board said that the ferry would run on Sunday.\n\n"
    "The bridge, the mayor said, will stay closed until May.\n\n"
    "Officials hinted at delays.\n"
)


@pytest.mark.model
def test_attributions_json_gives_offsets_in_the_file_as_read(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("title: Ferry news\n\n" + TEXT, encoding="utf-8")  # the header line is cut before nlp
    raw = path.read_text(encoding="utf-8")
    docs, skipped = annotate([path], "attribution")
    assert skipped == []
    found = attributions_json(docs)[str(path)]
    first = found[0]
    assert raw[slice(*first["source"])] == "The harbour board"
    assert raw[slice(*first["cue"])] == "said"
    assert raw[slice(*first["content"])] == "that the ferry would run on Sunday"
    assert first["speaker"] == "the harbour board"  # resolved: a leading article is lowercased
    assert len(found) == 3  # with the stance "Officials hinted at delays"


WIRE = (
    "HAMBURG (Wire) - The northern state's agency for animal health said on Monday there were signs the bird "
    "flu strain had begun to spread among geese and warned it could reach poultry farms within weeks.\n"
)
AP = (
    "PORTVILLE, May 3 (AP) — The harbor authority's chief engineer said the old crane had failed an inspection "
    "and warned that the docks could close for a month.\n"
)


def _said_by(tmp_path: Path, text: str) -> list[tuple[str, str, str | None]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    docs, _ = annotate([path], "attribution")
    return [
        (text[slice(*a["cue"])], text[slice(*a["source"])], a["speaker"]) for a in attributions_json(docs)[str(path)]
    ]


@pytest.mark.model
def test_a_dateline_is_cut_from_the_source_and_a_coordinated_cue_shares_its_subjects_source(tmp_path: Path) -> None:
    agency = "The northern state's agency for animal health"
    assert _said_by(tmp_path, WIRE) == [("said", agency, "the" + agency[3:]), ("warned", agency, "the" + agency[3:])]


@pytest.mark.model
def test_a_dateline_with_a_date_and_an_agency_leaves_the_engineer_as_the_speaker(tmp_path: Path) -> None:
    engineer = "The harbor authority's chief engineer"
    resolved = "the" + engineer[3:]
    assert _said_by(tmp_path, AP) == [("said", engineer, resolved), ("warned", engineer, resolved)]
    docs, _ = annotate([tmp_path / "report.txt"], "attribution")
    assert (docs[0].sentences[0].status, docs[0].sentences[0].attributed_to) == ("claimed", resolved)


@pytest.mark.model
def test_a_source_of_another_speaker_keeps_its_own_words(tmp_path: Path) -> None:
    text = "The harbour board said the ferry would run on Sunday and the union warned that crews would strike.\n"
    found = {cue: (source, speaker) for cue, source, speaker in _said_by(tmp_path, text)}
    assert found["said"] == ("The harbour board", "the harbour board")
    assert found["warned"] == ("the union", "the union")
