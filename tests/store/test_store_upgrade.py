"""``upgrade_records`` re-saves older document records in the current version, a batch per
transaction: they load as the upgrade on load made them, a rerun does nothing, a run stopped part-way
leaves a readable store that a rerun finishes, and records of an unknown version are left alone."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from storyline.doc.digest import digest
from storyline.errors import Errors
from storyline.records import Document, Quantity, Token
from storyline.store import tables
from storyline.store.codec import RECORD_VERSION, encode_document
from storyline.store.projection import project
from storyline.store.store import Store, StoreError, open_store
from storyline.store.upgrade import UpgradeResult, record_versions, records_to_upgrade, upgrade_records


def _parsed(make_doc: Callable[..., Document], homes: int) -> Document:
    """A parsed report, as the per-document stages leave it, about ``homes`` homes cut off by a storm."""
    text = f"The storm has cut {homes} homes off ."
    words = [("The", "DET", "det", 1), ("storm", "NOUN", "nsubj", 3), ("has", "AUX", "aux", 3),
             ("cut", "VERB", "ROOT", 3), (str(homes), "NUM", "nummod", 5), ("homes", "NOUN", "dobj", 3),
             ("off", "ADP", "prt", 3), (".", "PUNCT", "punct", 3)]  # fmt: skip
    doc = make_doc(text, "2024-01-05", "Wire")
    tokens, at = [], 0
    for word, pos, dep, head in words:
        lemma = "home" if word == "homes" else word.lower()
        tokens.append(Token(at, at + len(word), word, lemma, pos, "CD" if pos == "NUM" else "", dep, head))
        at += len(word) + 1
    figure = f"{homes} homes"
    start = text.index(figure)
    quantity = Quantity(start, start + len(figure), figure, homes, homes, homes, "count", None, None, "homes")
    sentence = replace(doc.sentences[0], tokens=tuple(tokens), quantities=(quantity,))
    return replace(digest(replace(doc, sentences=(sentence,))), done=doc.done | {"nlp", "quantities", "digest"})


def _as_version_2(data: dict[str, Any]) -> dict[str, Any]:
    """A current record's JSON as version 2 wrote it: without what ``doc.digest`` reads."""
    sentences = [
        {
            **{k: v for k, v in s.items() if k not in ("action", "actions", "lemmas", "happenings")},
            "quantities": [{k: v for k, v in q.items() if k not in ("subject", "counted")} for q in s["quantities"]],
        }
        for s in data["sentences"]
    ]
    return {**data, "sentences": sentences, "done": sorted(set(data["done"]) - {"digest"})}


def _store_old(store: Store, docs: list[Document], version: int = 2) -> None:
    rows = [{"id": d.id, "version": version, "data": _as_version_2(encode_document(d))} for d in docs]
    with store.engine.begin() as conn:
        conn.execute(insert(tables.document_records), rows)


def _versions(store: Store) -> dict[str, int]:
    t = tables.document_records
    with store.engine.connect() as conn:
        return {row.id: row.version for row in conn.execute(select(t.c.id, t.c.version))}


@pytest.fixture
def reports(make_doc: Callable[..., Document]) -> list[Document]:
    return [_parsed(make_doc, homes) for homes in (120, 300, 45, 7, 2600)]


def test_version_2_records_are_resaved_as_the_current_version_and_load_as_the_upgrade_on_load_made_them(
    store_url: str, reports: list[Document]
) -> None:
    ids = [d.id for d in reports]
    with open_store(store_url) as store:
        _store_old(store, reports)
        on_load, projected = store.load_documents(ids), store.load_projections(ids)
        assert on_load == {d.id: d for d in reports}
        assert records_to_upgrade(store) == 5
        done: list[int] = []
        assert upgrade_records(store, batch=2, progress=done.append) == UpgradeResult(5, 0, 0)
        assert done == [2, 2, 1]
        assert set(_versions(store).values()) == {RECORD_VERSION} == {10}
        assert store.load_documents(ids) == on_load
        assert store.load_projections(ids) == projected == {d.id: project(d) for d in reports}


def test_a_second_run_upgrades_nothing(store_url: str, reports: list[Document]) -> None:
    with open_store(store_url) as store:
        _store_old(store, reports)
        upgrade_records(store)
        assert records_to_upgrade(store) == 0
        assert upgrade_records(store) == UpgradeResult(upgraded=0, already_current=5, skipped_unknown_version=0)


def test_a_run_stopped_after_its_first_batch_leaves_a_readable_store_and_a_rerun_finishes(
    store_url: str, reports: list[Document]
) -> None:
    def stop(count: int) -> None:
        raise KeyboardInterrupt

    ids = [d.id for d in reports]
    with open_store(store_url) as store:
        _store_old(store, reports)
        with pytest.raises(KeyboardInterrupt):
            upgrade_records(store, batch=2, progress=stop)
        assert sorted(_versions(store).values()) == [2, 2, 2, 10, 10]
        assert store.load_documents(ids) == {d.id: d for d in reports}  # both versions read
        assert upgrade_records(store, batch=2) == UpgradeResult(3, 2, 0)
        assert store.load_documents(ids) == {d.id: d for d in reports}


def test_a_record_that_cannot_be_decoded_is_named_and_the_batches_before_are_kept(
    store_url: str, reports: list[Document]
) -> None:
    ids = sorted(d.id for d in reports)
    broken = ids[3]
    with open_store(store_url) as store:
        _store_old(store, reports)
        with store.engine.begin() as conn:
            t = tables.document_records
            conn.execute(update(t).where(t.c.id == broken).values(data={"sentences": "not a list"}))
        with pytest.raises(StoreError) as caught:
            upgrade_records(store, batch=2)
        assert str(caught.value).startswith(f"E215: document record '{broken}' (version 2) in {store.url} could not")
        assert [_versions(store)[i] for i in ids] == [10, 10, 2, 2, 2]


def test_a_record_rewritten_while_its_batch_is_upgraded_is_kept(
    store_url: str, reports: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.store import upgrade

    first = min(d.id for d in reports)
    newer = next(d for d in reports if d.id == first)
    newer = replace(newer, title="Storm cuts homes off (updated)")
    read = upgrade._older_records

    def read_then_add(store: Store, after: str, batch: int) -> Any:
        rows = read(store, after, batch)
        if not after:
            store.add_documents([newer])  # as `storyline add` would, between the read and the write
        return rows

    monkeypatch.setattr(upgrade, "_older_records", read_then_add)
    with open_store(store_url) as store:
        _store_old(store, reports)
        assert upgrade_records(store, batch=2) == UpgradeResult(4, 0, 0)
        assert store.load_documents([first]) == {first: newer}


def test_records_of_an_unknown_version_are_left_alone_and_counted_with_one_warning(
    store_url: str, reports: list[Document], caplog: pytest.LogCaptureFixture
) -> None:
    with open_store(store_url) as store:
        _store_old(store, reports[:2])
        _store_old(store, reports[2:4], version=1)
        _store_old(store, reports[4:], version=11)
        with caplog.at_level(logging.WARNING, logger="storyline.store.upgrade"):
            result = upgrade_records(store)
        assert result == UpgradeResult(2, 0, 3, unknown_versions=(1, 11))
        assert record_versions(store) == {1: 2, 10: 2, 11: 1}
        assert [r.getMessage() for r in caplog.records] == [
            Errors.E216.format(count=3, url=store.url, versions="1, 11", current=10)
        ]


def test_a_batch_that_cannot_be_written_is_rolled_back_whole_and_named(tmp_path: Path, reports: list[Document]) -> None:
    ids = sorted(d.id for d in reports)
    with open_store(f"sqlite:///{tmp_path / 'store.db'}") as store:
        _store_old(store, reports)
        with store.engine.begin() as conn:  # the fourth record's update fails, as a locked or full disk would
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse BEFORE UPDATE ON document_records "
                f"WHEN NEW.id = '{ids[3]}' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
            )
        with pytest.raises(StoreError) as caught:
            upgrade_records(store, batch=2)
        assert str(caught.value).startswith(
            f"E214: document records from '{ids[2]}' on could not be upgraded in {store.url} "
            "(IntegrityError: refused for the test). The batches before were saved"
        )
        assert [_versions(store)[i] for i in ids] == [10, 10, 2, 2, 2]  # the third, in the failed batch, too
        with store.engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER refuse")
        assert upgrade_records(store, batch=2) == UpgradeResult(3, 2, 0)
        assert store.load_documents(ids) == {d.id: d for d in reports}
