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
