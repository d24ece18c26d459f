"""Opening a store applies each migration once, records it, and refuses URLs it cannot open."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, inspect, text

from storyline.store import tables
from storyline.store.migrations import MIGRATIONS, applied_migrations, apply_migrations
from storyline.store.store import StoreError, open_store


def test_opening_a_new_store_applies_and_records_every_migration(store_url: str) -> None:
    with open_store(store_url) as store:
        assert applied_migrations(store.engine) == [name for name, _ in MIGRATIONS]


def test_opening_a_new_sqlite_store_creates_its_file_and_folder(tmp_path: Path) -> None:
    open_store(f"sqlite:///{tmp_path / 'out' / 'storyline.db'}").close()
    assert (tmp_path / "out" / "storyline.db").is_file()


def test_reopening_a_store_applies_no_migration_twice(store_url: str) -> None:
    url = store_url
    open_store(url).close()
    with open_store(url) as store:
        assert apply_migrations(store.engine) == []
        with store.engine.connect() as conn:
            rows = conn.execute(text("SELECT COUNT(*) FROM migrations")).scalar()
    assert rows == len(MIGRATIONS)


def test_migrated_database_matches_the_tables_module(store_url: str) -> None:
    with open_store(store_url) as store:
        found = inspect(store.engine)
        for table in tables.metadata.sorted_tables:
            columns = {c["name"]: c["nullable"] for c in found.get_columns(table.name)}
            assert columns == {c.name: c.nullable for c in table.columns}, table.name
            primary = found.get_pk_constraint(table.name)["constrained_columns"]
            assert sorted(primary) == sorted(c.name for c in table.primary_key), table.name


def test_only_missing_migrations_run_in_order(store_url: str) -> None:
    engine = create_engine(store_url)
    calls: list[str] = []

    def first(conn: Connection) -> None:
        calls.append("first")

    def second(conn: Connection) -> None:
        calls.append("second")

    assert apply_migrations(engine, [("first", first)]) == ["first"]
    assert apply_migrations(engine, [("first", first), ("second", second)]) == ["second"]
    assert calls == ["first", "second"]
    assert applied_migrations(engine) == ["first", "second"]
    engine.dispose()


def test_failed_migration_leaves_no_table_and_no_record(store_url: str) -> None:
    store = open_store(store_url)

    def half_done(conn: Connection) -> None:
        conn.execute(text("CREATE TABLE half (id INTEGER)"))
        raise RuntimeError("migration broke")

    with pytest.raises(RuntimeError):
        apply_migrations(store.engine, [*MIGRATIONS, ("m999_half", half_done)])
    assert "half" not in inspect(store.engine).get_table_names()
    assert "m999_half" not in applied_migrations(store.engine)
    store.close()


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "nosuchdialect://host/db",
        "sqlite:///{tmp}/a_file/storyline.db",
        "sqlite:///{tmp}/garbage.db",
    ],
)
def test_store_that_cannot_be_opened_gives_e050(url: str, tmp_path: Path) -> None:
    (tmp_path / "a_file").write_text("a file, not a folder")
    (tmp_path / "garbage.db").write_bytes(b"this is not a SQLite database, only some bytes" * 40)
    url = url.format(tmp=tmp_path)
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert message.startswith(f"E050: the store {url} could not be opened (")
    assert message.endswith("Check the URL, e.g. sqlite:///out/storyline.db.")


@pytest.mark.parametrize(
    "url", ["nosuchdialect://reader:secret@host/db", "postgresql://reader:secret@127.0.0.1:1/storyline"]
)
def test_error_message_hides_the_password(url: str) -> None:
    with pytest.raises(StoreError, match="E050") as caught:
        open_store(url)
    assert "secret" not in str(caught.value)
    assert "reader:***@" in str(caught.value)


def test_store_written_by_a_newer_version_is_refused(store_url: str) -> None:
    url = store_url
    with open_store(url) as store:
        apply_migrations(store.engine, [("m999_from_the_future", lambda conn: None)])
    with pytest.raises(StoreError, match=r"E050: .*newer storyline, with migrations m999_from_the_future"):
        open_store(url)


def test_store_opened_without_create_must_exist(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'missing.db'}"
    with pytest.raises(StoreError, match=r"E050: .*missing\.db does not exist"):
        open_store(url, create=False)
    assert not (tmp_path / "missing.db").exists()
    open_store(url).close()
    open_store(url, create=False).close()
