"""What ``storyline follow`` remembers per feed, in the story store: its last validators (ETag,
Last-Modified) and the entries it has taken, so that a rerun fetches conditionally and adds nothing twice.

An entry is "added" once its report is in a saved story, or "refused" when it can never be taken
(robots.txt, a refused address, too large, no article text); failures that may pass (a timeout, an
HTTP 5xx) are not recorded, so the next round tries again. Each ``record`` is one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects import postgresql, sqlite

from storyline.follow.feeds import FeedSource, Validators
from storyline.store import tables
from storyline.store.store import Store

Outcome = Literal["added", "refused"]


@dataclass(frozen=True)
class Taken:
    """An entry this round settled: added to a story, or refused for good (with the reason)."""

    entry_url: str
    outcome: Outcome
    story_id: str | None = None
    document_id: str | None = None
    reason: str | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedState:
    """Per-feed memory in the store's ``feeds`` and ``feed_entries`` tables."""

    def __init__(self, store: Store) -> None:
        self.engine = store.engine

    def validators(self, feed: FeedSource) -> Validators:
        """The validators of the feed's last complete round (empty for a feed never read)."""
        t = tables.feeds
        with self.engine.connect() as conn:
            row = conn.execute(select(t.c.etag, t.c.last_modified).where(t.c.url == feed)).first()
        return Validators(row.etag, row.last_modified) if row is not None else Validators()

    def taken(self, feed: FeedSource) -> set[str]:
        """The entry URLs of this feed already added or refused."""
        t = tables.feed_entries
        with self.engine.connect() as conn:
            return {row.entry_url for row in conn.execute(select(t.c.entry_url).where(t.c.feed_url == feed))}

    def record(self, feed: FeedSource, validators: Validators | None, taken: Sequence[Taken]) -> None:
        """Remember this round: the new validators (None keeps the old ones) and the settled entries."""
        now = _now()
        with self.engine.begin() as conn:
            _upsert_feed(conn, feed, validators, now)
            for item in taken:
                row = {
                    "feed_url": feed,
                    "entry_url": item.entry_url,
                    "outcome": item.outcome,
                    "story_id": item.story_id,
                    "document_id": item.document_id,
                    "reason": item.reason,
                    "taken_at": now,
                }
                _upsert(conn, tables.feed_entries, row, ["feed_url", "entry_url"])


def _upsert_feed(conn: Connection, feed: FeedSource, validators: Validators | None, now: str) -> None:
    row: dict[str, str | None] = {"url": feed, "checked_at": now}
    if validators is not None:
        row.update(etag=validators.etag, last_modified=validators.last_modified)
    _upsert(conn, tables.feeds, row, ["url"])


def _upsert(conn: Connection, table: Table, row: dict[str, str | None], keys: list[str]) -> None:
    """Insert the row, or update its other columns (ON CONFLICT works on both databases)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    insert = dialect.insert(table).values(**row)
    update = {name: insert.excluded[name] for name in row if name not in keys}
    conn.execute(insert.on_conflict_do_update(index_elements=keys, set_=update))
