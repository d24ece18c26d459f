"""Versioned schema migrations for the story store, in the style of sqlite-utils' migrations.

``MIGRATIONS`` is an ordered list of (name, function(connection)). The ``migrations`` table records
the names already applied; ``apply_migrations`` runs the missing ones in order, each in its own
transaction together with its record, so a failed migration leaves no trace. Names are never renamed
and migrations are never edited once released: change the schema with a new migration and update
``tables.py`` to match. Alembic would do this too, but needs a config directory and scripts for
what is here a few functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Engine,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    select,
)

from storyline.store import tables

Migration = tuple[str, Callable[[Connection], None]]


def _m001_create_tables(conn: Connection) -> None:
    """Create the story, document and per-story section tables.

    The definitions are a frozen copy of the first schema, not ``tables.metadata``: a later
    migration that alters a table must find it as it was first created.
    """
    meta = MetaData()
    Table(
        "stories",
        meta,
        Column("id", String(200), primary_key=True),
        Column("title", Text),
        Column("schema_version", String(20), nullable=False),
        Column("updated_at", String(32), nullable=False),
        Column("data", JSON, nullable=False),
    )
    Table(
        "documents",
        meta,
        Column("id", String(200), primary_key=True),
        Column("path", Text),
        Column("url", Text),
        Column("source", Text),
        Column("title", Text),
        Column("published", String(10)),
        Column("published_from", String(16)),
        Column("data", JSON, nullable=False),
    )
    Table(
        "story_documents",
        meta,
        Column("story_id", String(200), ForeignKey("stories.id"), primary_key=True),
        Column("document_id", String(200), ForeignKey("documents.id"), primary_key=True),
        Column("position", Integer, nullable=False),
    )
    sections: dict[str, list[Column[Any]]] = {
        "events": [
            Column("id", String(200)),
            Column("date", String(10)),
            Column("summary", Text),
            Column("independent_sources", Integer),
            Column("contested", Boolean),
        ],
        "figures": [Column("measure", Text), Column("unit", Text)],
        "contradictions": [Column("kind", String(16)), Column("note", Text)],
        "timeline": [Column("date", String(10)), Column("event", String(200)), Column("summary", Text)],
        "skipped": [Column("path", Text), Column("reason", Text)],
    }
    for name, columns in sections.items():
        Table(
            name,
            meta,
            Column("story_id", String(200), ForeignKey("stories.id"), primary_key=True),
            Column("position", Integer, primary_key=True),
            *columns,
            Column("data", JSON, nullable=False),
        )
    meta.create_all(conn)


def _m002_document_records(conn: Connection) -> None:
    """Add the table of processed documents (with tokens) that ``storyline add`` builds on."""
    Table(
        "document_records",
        MetaData(),
        Column("id", String(200), primary_key=True),
        Column("version", Integer, nullable=False),
        Column("data", JSON, nullable=False),
    ).create(conn)


def _m003_feed_state(conn: Connection) -> None:
    """Add what ``storyline follow`` remembers per feed: its validators and the entries it took."""
    meta = MetaData()
    Table(
        "feeds",
        meta,
        Column("url", String(2000), primary_key=True),
        Column("etag", Text),
        Column("last_modified", Text),
        Column("checked_at", String(32), nullable=False),
    )
    Table(
        "feed_entries",
        meta,
        Column("feed_url", String(2000), ForeignKey("feeds.url"), primary_key=True),
        Column("entry_url", String(2000), primary_key=True),
        Column("outcome", String(16), nullable=False),
        Column("story_id", String(200)),
        Column("document_id", String(200)),
        Column("reason", Text),
        Column("taken_at", String(32), nullable=False),
    )
    meta.create_all(conn)


def _m004_sentence_vectors(conn: Connection) -> None:
    """Add the sentence vectors that spare ``storyline add`` from embedding a story's old sentences."""
    Table(
        "sentence_vectors",
        MetaData(),
        Column("model", String(100), primary_key=True),
        Column("key", String(40), primary_key=True),
        Column("vector", LargeBinary, nullable=False),
    ).create(conn)


MIGRATIONS: list[Migration] = [
    ("m001_create_tables", _m001_create_tables),
    ("m002_document_records", _m002_document_records),
    ("m003_feed_state", _m003_feed_state),
    ("m004_sentence_vectors", _m004_sentence_vectors),
]


def applied_migrations(engine: Engine) -> list[str]:
    """The names of the migrations recorded in the store, in the order they were applied."""
    with engine.connect() as conn:
        tables.migrations.create(conn, checkfirst=True)
        conn.commit()
        rows = conn.execute(select(tables.migrations.c.name).order_by(tables.migrations.c.applied_at))
        return [row.name for row in rows]


def apply_migrations(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet recorded, in order, one transaction each. Returns their names."""
    done = set(applied_migrations(engine))
    applied: list[str] = []
    for name, migrate in migrations:
        if name in done:
            continue
        with engine.begin() as conn:
            migrate(conn)
            now = datetime.now(UTC).isoformat(timespec="microseconds")
            conn.execute(tables.migrations.insert().values(name=name, applied_at=now))
        applied.append(name)
    return applied
