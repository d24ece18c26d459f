"""Save stories (the story.json dict) to a SQL database and load them back unchanged.

``open_store("sqlite:///out/storyline.db")`` gives a ``Store``; SQLite is the embedded default and
``postgresql://user@host/db`` works too (SQLAlchemy 2.1 drives it with psycopg 3). Documents are
shared between stories and stored once, keyed by their content-hash id, so saving the same story
again adds nothing. Every write is one transaction: a process killed mid-write leaves the store as
it was before that write, and running it again completes it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from storyline.errors import Errors, StorylineError
from storyline.records import Document, DocumentId
from storyline.store import tables
from storyline.store.codec import READABLE_VERSIONS, RECORD_VERSION, decode_document, decode_projection, encode_document
from storyline.store.migrations import MIGRATIONS, applied_migrations, apply_migrations
from storyline.store.projection import is_projection

StoryDict = dict[str, Any]
StoryId = str

# How many ids go in one IN (...) clause; SQLite allows a limited number of bound parameters.
_CHUNK = 500


class StoreError(StorylineError):
    """The story store could not be opened, or a story could not be saved or found."""


class StoreErrors:
    E051 = "E051: the store {url} has no story '{story_id}'. Check the id against Store.stories()."
    E052 = (
        "E052: the story to save has no {field}. "
        "Give a story.json dict with 'schema_version' and a 'story' object with an 'id'."
    )
    E053 = (
        "E053: story '{story_id}' lists document '{document_id}' more than once. "
        "List each document once; document ids come from the content."
    )
    E140 = (
        "E140: documents from {first} on could not be stored in {url} ({detail}). "
        "Those before were stored; check that the store is writable and not locked, then run again."
    )
    E193 = (
        "E193: document '{document_id}' ({path}) is a projection, without its raw text and text map, and "
        "cannot be stored as its record. Store the document as the per-document stages left it; load "
        "projections only for the corpus stages (Store.load_projections)."
    )
    E054 = (
        "E054: story '{story_id}' could not be saved to {url} ({detail}). "
        "Nothing was written; check that the store is writable and not locked, then save again."
    )


@dataclass(frozen=True)
class SaveResult:
    """What one ``Store.save`` wrote. Documents already stored count as existing, not added."""

    story_id: StoryId
    documents_added: int
    documents_existing: int
    documents_updated: int
    events: int
    figures: int
    contradictions: int
    timeline: int
    skipped: int


@dataclass(frozen=True)
class StorySummary:
    id: StoryId
    title: str | None
    documents: int
    outlets: int
    first_published: str | None
    last_published: str | None
    updated_at: str


def _utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def open_store(url: str, create: bool = True) -> Store:
    """Open the store at a SQLAlchemy URL, creating the SQLite file and its folder if needed.

    With ``create=False`` a missing SQLite file is an error (for commands that only read).
    Applies the migrations the store lacks. Raises ``StoreError`` (E050) when it cannot.
    """
    shown = _safe_url(url)
    engine: Engine | None = None
    try:
        parsed = make_url(url)
        _prepare_sqlite_file(parsed, create)
        engine = create_engine(parsed, json_serializer=partial(json.dumps, ensure_ascii=False))
        if parsed.get_backend_name() == "sqlite":
            _use_sqlite_transactions(engine)
        apply_migrations(engine)
        unknown = sorted(set(applied_migrations(engine)) - {name for name, _ in MIGRATIONS})
    # ImportError: the URL names a database whose driver (e.g. psycopg) is not installed.
    except (SQLAlchemyError, OSError, ValueError, ImportError) as e:
        if engine is not None:
            engine.dispose()
        raise StoreError(Errors.E050.format(url=shown, detail=error_detail(e))) from e
    if unknown:
        engine.dispose()
        detail = f"it was written by a newer storyline, with migrations {', '.join(unknown)}; open it with that one"
        raise StoreError(Errors.E050.format(url=shown, detail=detail))
    return Store(engine, shown)


def error_detail(e: Exception) -> str:
    """The cause in one line: the database's own message, without SQLAlchemy's SQL and links."""
    cause = e.orig if isinstance(e, DBAPIError) and e.orig is not None else e
    first_line = str(cause).splitlines()[0] if str(cause) else ""
    return f"{type(cause).__name__}: {first_line}"


def _safe_url(url: str) -> str:
    """The URL as it may appear in a message: with any password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):
        return url


def _prepare_sqlite_file(url: URL, create: bool) -> None:
    """Make the SQLite file's folder, or check that the file exists when not creating."""
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or database in ("", ":memory:") or url.query.get("uri"):
        return
    path = Path(database)
    if not create and not path.is_file():
        raise FileNotFoundError(f"{path} does not exist")
    path.parent.mkdir(parents=True, exist_ok=True)


def _use_sqlite_transactions(engine: Engine) -> None:
    """Make SQLite transactional for DDL too, and enforce foreign keys as PostgreSQL does.

    Python's sqlite3 (before 3.12) does not emit BEGIN before CREATE TABLE, so a failed migration
    would stay half-applied; SQLAlchemy's documented fix is to emit BEGIN ourselves.
    """

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")


class Store:
    """Stories and their documents in a SQL database. Use ``open_store`` to get one."""

    def __init__(self, engine: Engine, url: str, clock: Callable[[], str] = _utcnow) -> None:
        self.engine = engine
        self.url = url
        self._clock = clock

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def save(self, story: Mapping[str, Any], records: Iterable[Document] = ()) -> SaveResult:
        """Save a story in one transaction: upsert its documents, replace its rows. Idempotent.

        ``records``, the story's processed documents, are kept too (see ``add_documents``).
        """
        story_id = _check_story(story)
        documents: list[dict[str, Any]] = list(story.get("documents", []))
        try:
            with self.engine.begin() as conn:
                _upsert_story(conn, story, self._clock())
                added, existing, updated = _upsert_documents(conn, documents)
                for batch in _batches(records, _CHUNK):
                    _upsert_records(conn, batch)
                _replace_links(conn, story_id, [d["id"] for d in documents])
                counts = {
                    key: _replace_rows(conn, table, story_id, story.get(key, []))
                    for key, table in tables.SECTIONS.items()
                }
        except SQLAlchemyError as e:
            detail = error_detail(e)
            raise StoreError(StoreErrors.E054.format(story_id=story_id, url=self.url, detail=detail)) from e
        return SaveResult(story_id, added, existing, updated, **counts)

    def add_documents(self, documents: Iterable[Document], batch_size: int = 100) -> int:
        """Keep processed documents (tokens included) by content id, one transaction per batch.

        A record already stored under the same id is replaced. A process killed mid-way loses at
        most its open batch; running it again stores each document once. Returns how many were written.
        """
        written = 0
        for batch in _batches(documents, batch_size):
            try:
                with self.engine.begin() as conn:
                    _upsert_records(conn, batch)
            except SQLAlchemyError as e:
                detail = error_detail(e)
                raise StoreError(StoreErrors.E140.format(url=self.url, first=batch[0].path, detail=detail)) from e
            written += len(batch)
        return written

    def load_documents(self, ids: Iterable[DocumentId]) -> dict[DocumentId, Document]:
        """The stored records of these documents, by id (older readable versions upgraded); ids without
        a readable record are left out."""
        return self._load_records(ids, decode_document)

    def load_projections(self, ids: Iterable[DocumentId]) -> dict[DocumentId, Document]:
        """``load_documents``, as projections (``store.projection``): what the corpus stages and the
        outputs read, in about half the memory. They cannot be stored back as records."""
        return self._load_records(ids, decode_projection)

    def _load_records(
        self, ids: Iterable[DocumentId], decode: Callable[[dict[str, Any], int], Document]
    ) -> dict[DocumentId, Document]:
        t = tables.document_records
        found: dict[DocumentId, Document] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(list(ids), _CHUNK):
                query = select(t.c.id, t.c.version, t.c.data).where(
                    t.c.id.in_(chunk), t.c.version.in_(READABLE_VERSIONS)
                )
                for row in conn.execute(query):
                    found[row.id] = decode(row.data, row.version)  # an older version is upgraded
        return found

    def load(self, story_id: StoryId, documents: bool = True) -> StoryDict:
        """The story as it was last saved: equal to the saved dict, lists in the same order.

        With ``documents=False`` the ``documents`` list, most of a story's size, is left out
        (``document_ids`` gives their ids)."""
        with self.engine.connect() as conn:
            head = conn.execute(select(tables.stories.c.data).where(tables.stories.c.id == story_id)).first()
            if head is None:
                raise StoreError(StoreErrors.E051.format(url=self.url, story_id=story_id))
            story: StoryDict = {**head.data}
            if documents:
                docs = conn.execute(
                    select(tables.documents.c.data)
                    .join(tables.story_documents, tables.story_documents.c.document_id == tables.documents.c.id)
                    .where(tables.story_documents.c.story_id == story_id)
                    .order_by(tables.story_documents.c.position)
                )
                story["documents"] = [row.data for row in docs]
            for key, table in tables.SECTIONS.items():
                rows = conn.execute(select(table.c.data).where(table.c.story_id == story_id).order_by(table.c.position))
                story[key] = [row.data for row in rows]
        return story

    def document_ids(self, story_id: StoryId) -> list[DocumentId]:
        """The ids of the story's documents, in story order (none for a story not stored)."""
        link = tables.story_documents
        with self.engine.connect() as conn:
            rows = conn.execute(select(link.c.document_id).where(link.c.story_id == story_id).order_by(link.c.position))
            return [row.document_id for row in rows]

    def has_story(self, story_id: StoryId) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(select(tables.stories.c.id).where(tables.stories.c.id == story_id)).first()
        return found is not None

    def stories(self) -> list[StorySummary]:
        """One summary per stored story, most recently saved first."""
        s, link, doc = tables.stories, tables.story_documents, tables.documents
        query = (
            select(
                s.c.id,
                s.c.title,
                s.c.updated_at,
                func.count(link.c.document_id).label("documents"),
                func.count(doc.c.source.distinct()).label("outlets"),
                func.min(doc.c.published).label("first_published"),
                func.max(doc.c.published).label("last_published"),
            )
            .select_from(s)
            .outerjoin(link, link.c.story_id == s.c.id)
            .outerjoin(doc, doc.c.id == link.c.document_id)
            .group_by(s.c.id, s.c.title, s.c.updated_at)
            .order_by(s.c.updated_at.desc(), s.c.id)
        )
        with self.engine.connect() as conn:
            return [
                StorySummary(
                    id=row.id,
                    title=row.title,
                    documents=row.documents,
                    outlets=row.outlets,
                    first_published=row.first_published,
                    last_published=row.last_published,
                    updated_at=row.updated_at,
                )
                for row in conn.execute(query)
            ]


def _check_story(story: Mapping[str, Any]) -> StoryId:
    """The story's id, after checking the fields the store keys on."""
    if "schema_version" not in story:
        raise StoreError(StoreErrors.E052.format(field="'schema_version'"))
    head = story.get("story")
    if not isinstance(head, Mapping) or not isinstance(head.get("id"), str) or not head["id"]:
        raise StoreError(StoreErrors.E052.format(field="story.id"))
    seen: set[str] = set()
    for doc in story.get("documents", []):
        if doc["id"] in seen:
            raise StoreError(StoreErrors.E053.format(story_id=head["id"], document_id=doc["id"]))
        seen.add(doc["id"])
    return str(head["id"])


def _plain_columns(table: Table, record: Mapping[str, Any]) -> dict[str, Any]:
    """The table's query columns, copied from the record's fields of the same name."""
    skip = {"story_id", "position", "data"}
    return {c.name: record.get(c.name) for c in table.columns if c.name not in skip}


def _upsert_story(conn: Connection, story: Mapping[str, Any], now: str) -> None:
    head = {key: value for key, value in story.items() if key != "documents" and key not in tables.SECTIONS}
    row = {
        "title": story["story"].get("title"),
        "schema_version": str(story["schema_version"]),
        "updated_at": now,
        "data": head,
    }
    s = tables.stories
    story_id = story["story"]["id"]
    if conn.execute(select(s.c.id).where(s.c.id == story_id)).first() is None:
        conn.execute(s.insert().values(id=story_id, **row))
    else:
        conn.execute(s.update().where(s.c.id == story_id).values(**row))


def _upsert_documents(conn: Connection, documents: list[dict[str, Any]]) -> tuple[int, int, int]:
    """Insert new documents and update changed ones, a chunk at a time, so that only one chunk of
    stored documents is held to compare with. Returns (added, existing, updated)."""
    added = updated = 0
    t = tables.documents
    for start in range(0, len(documents), _CHUNK):
        chunk = documents[start : start + _CHUNK]
        stored = _stored_documents(conn, [d["id"] for d in chunk])
        new = [d for d in chunk if d["id"] not in stored]
        changed = [d for d in chunk if d["id"] in stored and stored[d["id"]] != d]
        if new:
            conn.execute(t.insert(), [{**_plain_columns(t, d), "data": d} for d in new])
        for doc in changed:
            conn.execute(t.update().where(t.c.id == doc["id"]).values(**_plain_columns(t, doc), data=doc))
        added, updated = added + len(new), updated + len(changed)
    return added, len(documents) - added, updated


def _stored_documents(conn: Connection, ids: list[str]) -> dict[str, Any]:
    t = tables.documents
    stored: dict[str, Any] = {}
    for chunk in _chunks(ids, _CHUNK):
        for row in conn.execute(select(t.c.id, t.c.data).where(t.c.id.in_(chunk))):
            stored[row.id] = row.data
    return stored


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _upsert_records(conn: Connection, documents: list[Document]) -> None:
    """Insert or replace document records in one statement (ON CONFLICT works on both databases)."""
    if not documents:
        return
    for d in documents:
        if is_projection(d):
            raise StoreError(StoreErrors.E193.format(document_id=d.id, path=d.path or d.id))
    rows = {d.id: {"id": d.id, "version": RECORD_VERSION, "data": encode_document(d)} for d in documents}
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    insert = dialect.insert(tables.document_records)
    excluded = insert.excluded
    upsert = insert.on_conflict_do_update(
        index_elements=["id"], set_={"version": excluded.version, "data": excluded.data}
    )
    conn.execute(upsert, list(rows.values()))


def _replace_links(conn: Connection, story_id: StoryId, document_ids: list[str]) -> None:
    t = tables.story_documents
    conn.execute(t.delete().where(t.c.story_id == story_id))
    if document_ids:
        rows = [{"story_id": story_id, "document_id": d, "position": i} for i, d in enumerate(document_ids)]
        conn.execute(t.insert(), rows)


def _replace_rows(conn: Connection, table: Table, story_id: StoryId, records: list[dict[str, Any]]) -> int:
    """Replace the story's rows in one section table. Returns how many were written."""
    conn.execute(table.delete().where(table.c.story_id == story_id))
    if records:
        rows = [
            {**_plain_columns(table, r), "story_id": story_id, "position": i, "data": r} for i, r in enumerate(records)
        ]
        conn.execute(table.insert(), rows)
    return len(records)
