"""The current schema of the story store, as SQLAlchemy Core tables, for queries.

Each row keeps the whole record as JSON in ``data`` (so a story loads back exactly as it was saved)
and copies a few fields into plain columns for querying. Only portable types are used, so the same
tables run on SQLite and PostgreSQL. The database gets these tables from ``migrations.py``; a test
checks that the two agree.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()

migrations = Table(
    "migrations",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", String(32), nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("title", Text),
    Column("schema_version", String(20), nullable=False),
    Column("updated_at", String(32), nullable=False),
    # The story without its documents and row sections: schema_version, the "story" object, extras.
    Column("data", JSON, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("path", Text),
    Column("url", Text),
    Column("source", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("published_from", String(16)),
    Column("data", JSON, nullable=False),
)

# Each document as the per-document stages left it (tokens included), so that ``storyline add``
# re-runs the corpus stages without re-running spaCy. Keyed by the content id; written by
# ``Store.add_documents`` in batches, one transaction each, so a killed ingestion can resume.
document_records = Table(
    "document_records",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("data", JSON, nullable=False),
)

# Sentence vectors by encoder and a hash of the sentence's text (``store/vectors.py``), so that
# ``storyline add`` embeds only the new reports' sentences: float32 bytes, exactly as encoded.
sentence_vectors = Table(
    "sentence_vectors",
    metadata,
    Column("model", String(100), primary_key=True),
    Column("key", String(40), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)

# What ``storyline follow`` remembers per feed (``follow/state.py``): the validators of its last
# fetch, for a conditional GET, and each entry it took ("added") or refused for good ("refused"),
# so that a rerun adds nothing twice and does not fetch a refused page again.
feeds = Table(
    "feeds",
    metadata,
    Column("url", String(2000), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", String(32), nullable=False),
)

feed_entries = Table(
    "feed_entries",
    metadata,
    Column("feed_url", String(2000), ForeignKey("feeds.url"), primary_key=True),
    Column("entry_url", String(2000), primary_key=True),
    Column("outcome", String(16), nullable=False),
    Column("story_id", String(200)),
    Column("document_id", String(200)),
    Column("reason", Text),
    Column("taken_at", String(32), nullable=False),
)

story_documents = Table(
    "story_documents",
    metadata,
    Column("story_id", String(200), ForeignKey("stories.id"), primary_key=True),
    Column("document_id", String(200), ForeignKey("documents.id"), primary_key=True),
    Column("position", Integer, nullable=False),
)


def _story_rows(name: str, *columns: Column[object]) -> Table:
    """A per-story section table: the record's JSON, its position in the story, a few columns."""
    return Table(
        name,
        metadata,
        Column("story_id", String(200), ForeignKey("stories.id"), primary_key=True),
        Column("position", Integer, primary_key=True),
        *columns,
        Column("data", JSON, nullable=False),
    )


events = _story_rows(
    "events",
    Column("id", String(200)),
    Column("date", String(10)),
    Column("summary", Text),
    Column("independent_sources", Integer),
    Column("contested", Boolean),
)
figures = _story_rows("figures", Column("measure", Text), Column("unit", Text))
contradictions = _story_rows("contradictions", Column("kind", String(16)), Column("note", Text))
timeline = _story_rows("timeline", Column("date", String(10)), Column("event", String(200)), Column("summary", Text))
skipped = _story_rows("skipped", Column("path", Text), Column("reason", Text))

# The story.json keys stored as per-story rows, in the order they are written.
SECTIONS: dict[str, Table] = {
    "events": events,
    "figures": figures,
    "contradictions": contradictions,
    "timeline": timeline,
    "skipped": skipped,
}
