"""Adding a report to a stored story gives the story a full build gives, and says what changed."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from storyline.build import build_story, write_outputs
from storyline.config import Config
from storyline.corpus.embeddings import HashingEncoder, get_encoder
from storyline.live import AddResult, LiveError, add_reports, compare
from storyline.output.export import story_to_dict
from storyline.store.store import open_store
from storyline.store.vectors import stored_encoder

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kharkiv-2022"
OMITTED = "06_northlight_six_thousand.txt"  # brings new events and figure points


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any], AddResult]:
    """(full build, the build without OMITTED, the result of adding OMITTED to it)."""
    tmp = tmp_path_factory.mktemp("live")
    corpus = tmp / "corpus"
    shutil.copytree(EXAMPLE, corpus)
    rows = (corpus / "manifest.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (corpus / "partial.csv").write_text("".join(r for r in rows if not r.startswith(OMITTED)), encoding="utf-8")
    config = Config()
    encoder = get_encoder(config)
    full = build_story([], corpus / "manifest.csv", config, name="kharkiv-2022", encoder=encoder)
    partial = build_story([], corpus / "partial.csv", config, name="kharkiv-2022", encoder=encoder)
    write_outputs(partial, tmp / "out")
    with open_store(f"sqlite:///{tmp / 'out' / 'storyline.db'}") as store:
        result = add_reports(store, "kharkiv-2022", [], corpus / "manifest.csv", config, encoder=encoder)
    return story_to_dict(full), story_to_dict(partial), result


@pytest.mark.model
def test_adding_the_missing_report_gives_the_full_story(
    added: tuple[dict[str, Any], dict[str, Any], AddResult],
) -> None:
    full, _, result = added
    assert story_to_dict(result.story) == full


@pytest.mark.model
def test_only_the_new_report_goes_through_the_document_stages(
    added: tuple[dict[str, Any], dict[str, Any], AddResult],
) -> None:
    full, _, result = added
    [new_id] = [d["id"] for d in full["documents"] if d["path"].endswith(OMITTED)]
    assert result.changes.documents_added == (new_id,)
    assert result.changes.documents_processed == 1
    assert result.changes.documents_known == len(full["documents"]) - 1


@pytest.mark.model
def test_summary_names_the_new_events_and_figure_points(
    added: tuple[dict[str, Any], dict[str, Any], AddResult],
) -> None:
    full, partial, result = added
    changes = result.changes
    [new_id] = changes.documents_added
    before = {e["id"] for e in partial["events"]}
    with_new = [e for e in full["events"] if any(m["document"] == new_id for m in e["mentions"])]
    assert set(changes.events_new) | {u.id for u in changes.events_updated} == {e["id"] for e in with_new}
    assert not set(changes.events_new) & before
    assert changes.figure_points_new
    assert all(p.document == new_id for p in changes.figure_points_new)
    assert (
        changes.lines()[0]
        == f"story 'kharkiv-2022': 1 new report(s), {changes.documents_known} already in the story, 0 skipped"
    )


class CountingEncoder(HashingEncoder):
    """A hashing encoder with a name, so the store keeps its vectors, that records what it encodes."""

    name = "counting-hashing"

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return super().encode(texts)


@pytest.mark.model
def test_add_embeds_only_the_new_reports_sentences_and_still_gives_the_full_story(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLE, corpus)
    rows = (corpus / "manifest.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (corpus / "partial.csv").write_text("".join(r for r in rows if not r.startswith(OMITTED)), encoding="utf-8")
    config, url = Config(), f"sqlite:///{tmp_path / 'out' / 'storyline.db'}"
    with open_store(url) as store:  # as `storyline build` does: the vectors go to the store
        encoder = stored_encoder(config, store, CountingEncoder())
        partial = build_story([], corpus / "partial.csv", config, name="kharkiv-2022", encoder=encoder)
    write_outputs(partial, tmp_path / "out")
    fresh = CountingEncoder()
    with open_store(url) as store:
        result = add_reports(store, "kharkiv-2022", [], corpus / "manifest.csv", config, encoder=fresh)
    full = build_story([], corpus / "manifest.csv", config, name="kharkiv-2022", encoder=CountingEncoder())
    assert story_to_dict(result.story) == story_to_dict(full)
    [new] = [d for d in result.story.documents if d.path and d.path.endswith(OMITTED)]
    assert fresh.seen
    assert all(text in new.text for text in fresh.seen)


def test_adding_to_a_story_the_store_lacks_names_it(tmp_path: Path) -> None:
    with (
        open_store(f"sqlite:///{tmp_path / 'storyline.db'}") as store,
        pytest.raises(LiveError, match=r"E141: .*'nope'"),
    ):
        add_reports(store, "nope", [EXAMPLE / OMITTED])


def _story(events: list[dict[str, Any]], contradictions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"story": {"id": "s"}, "events": events, "figures": [], "contradictions": contradictions or []}


def _event(event_id: str, *mentions: tuple[str, int]) -> dict[str, Any]:
    return {"id": event_id, "summary": event_id, "mentions": [{"document": d, "sentence": s} for d, s in mentions]}


def test_event_that_gains_a_mention_is_updated_and_one_without_old_mentions_is_new() -> None:
    before = _story([_event("e1", ("a", 0)), _event("e2", ("a", 1)), _event("e3", ("b", 0))])
    after = _story([_event("e1b", ("a", 0), ("c", 0)), _event("e2", ("a", 1)), _event("e4", ("c", 1))])
    changes = compare(before, after, [], 0, 0, [])
    assert changes.events_new == ("e4",)
    assert [(u.id, u.previous) for u in changes.events_updated] == [("e1b", ("e1",))]
    assert changes.events_removed == ("e3",)


def test_contradiction_between_the_same_mentions_is_not_new() -> None:
    old = {"kind": "figure", "note": "n", "mentions": [{"document": "a", "sentence": 1}]}
    new = {"kind": "status", "note": "m", "mentions": [{"document": "c", "sentence": 2}]}
    changes = compare(_story([], [old]), _story([], [old, new]), [], 0, 0, [])
    assert [(c.kind, c.documents) for c in changes.contradictions_new] == [("status", ("c",))]
