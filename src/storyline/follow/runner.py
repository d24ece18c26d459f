"""``storyline follow`` as a library call: check the feed sources, open the store, the fetcher and
the encoder once, then run polling rounds on the schedule and hand each round's report to the caller."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from storyline.config import Config
from storyline.corpus.embeddings import Encoder, get_encoder
from storyline.follow.feeds import E188, FeedError, FeedSource, is_url
from storyline.follow.fetch import Fetcher, FetchPolicy
from storyline.follow.poll import RoundReport, poll_round
from storyline.follow.schedule import repeat
from storyline.store.store import open_store


def feed_sources(given: Sequence[str]) -> list[FeedSource]:
    """Feed URLs as given, local feed files as absolute paths (the key their state is kept under)."""
    sources: list[FeedSource] = []
    for item in given:
        if is_url(item):
            sources.append(item)
            continue
        path = Path(item)
        if not path.is_file():
            detail = "no such file; give an http(s):// feed URL or the path of a saved feed"
            raise FeedError(E188.format(path=item, detail=detail))
        sources.append(str(path.resolve()))
    return list(dict.fromkeys(sources))


def fetch_policy(config: Config, allow_private: bool) -> FetchPolicy:
    f = config.follow
    return FetchPolicy(
        timeout=f.timeout,
        deadline=f.deadline,
        max_bytes=f.max_bytes,
        max_redirects=f.max_redirects,
        host_interval=f.host_interval,
        allow_private=allow_private,
    )


def follow_feeds(
    given: Sequence[str],
    db_url: str,
    out_dir: Path,
    config: Config,
    on_round: Callable[[RoundReport], None],
    story: str | None = None,
    allow_private: bool = False,
    every: float | None = None,
    rounds: int | None = None,
    encoder: Encoder | None = None,
) -> int:
    """Poll the feeds: one round without ``every``, else every ``every`` seconds, ``rounds`` times
    (or until interrupted). Returns how many rounds ran; raises ``StorylineError`` on a bad source."""
    sources = feed_sources(given)
    encoder = encoder or get_encoder(config)
    policy = fetch_policy(config, allow_private)
    with open_store(db_url) as store:

        def one_round() -> None:
            # A fetcher per round, so that robots.txt is read again each round.
            with Fetcher(policy) as fetcher:
                on_round(poll_round(sources, store, db_url, out_dir, fetcher, config, encoder, story))

        if every is None:
            one_round()
            return 1
        return repeat(one_round, every, rounds)
