"""The feed state of ``storyline follow`` (``follow/state.py``) on SQLite and PostgreSQL: validators
and taken entries survive a reopen, and recording a round twice stores nothing twice."""

from __future__ import annotations

from sqlalchemy import func, select

from storyline.follow.feeds import Validators
from storyline.follow.state import FeedState, Taken
from storyline.store import tables
from storyline.store.store import open_store

FEED = "https://news.example/rss.xml"


def test_a_feed_never_read_has_no_validators_and_no_entries(store_url: str) -> None:
    with open_store(store_url) as store:
        state = FeedState(store)
        assert state.validators(FEED) == Validators()
        assert state.taken(FEED) == set()


def test_validators_and_taken_entries_survive_a_reopen(store_url: str) -> None:
    with open_store(store_url) as store:
        FeedState(store).record(
            FEED,
            Validators('"v1"', "Sat, 10 Sep 2022 08:00:00 GMT"),
            [
                Taken("https://news.example/a.html", "added", story_id="bridge", document_id="abc"),
                Taken("https://news.example/private/b.html", "refused", reason="E182: robots.txt"),
            ],
        )
    with open_store(store_url) as store:
        state = FeedState(store)
        assert state.validators(FEED) == Validators('"v1"', "Sat, 10 Sep 2022 08:00:00 GMT")
        assert state.taken(FEED) == {"https://news.example/a.html", "https://news.example/private/b.html"}


def test_recording_the_same_round_twice_stores_each_entry_once(store_url: str) -> None:
    taken = [Taken("https://news.example/a.html", "added", story_id="bridge", document_id="abc")]
    with open_store(store_url) as store:
        state = FeedState(store)
        state.record(FEED, Validators('"v1"'), taken)
        state.record(FEED, Validators('"v2"'), taken)
        with store.engine.connect() as conn:
            entries = conn.execute(select(func.count()).select_from(tables.feed_entries)).scalar()
            feeds = conn.execute(select(func.count()).select_from(tables.feeds)).scalar()
        assert (entries, feeds) == (1, 1)
        assert state.validators(FEED) == Validators('"v2"')


def test_a_round_without_validators_keeps_the_old_ones(store_url: str) -> None:
    with open_store(store_url) as store:
        state = FeedState(store)
        state.record(FEED, Validators('"v1"', "Sat, 10 Sep 2022 08:00:00 GMT"), [])
        state.record(FEED, None, [Taken("https://news.example/c.html", "added", story_id="bridge")])
        assert state.validators(FEED) == Validators('"v1"', "Sat, 10 Sep 2022 08:00:00 GMT")
        assert state.taken(FEED) == {"https://news.example/c.html"}
