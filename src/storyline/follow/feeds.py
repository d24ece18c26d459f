"""Read an RSS or Atom feed, from a URL with a conditional GET or from a local file, into entries.

A feed URL is fetched with the validators of its last fetch (``If-None-Match`` from the ETag,
``If-Modified-Since`` from Last-Modified); a 304 means nothing new. The bytes are parsed by
feedparser. Each entry gives its link (made absolute against the feed's URL, or, for a local feed,
kept as written so that the article reader can resolve it against the feed's folder), its title,
its publication day and the feed's title as the outlet.
"""

from __future__ import annotations

import calendar
import io
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from storyline.errors import StorylineError
from storyline.follow.fetch import Fetcher, check_status
from storyline.records import IsoDate

E187 = (
    "E187: {source} is not an RSS or Atom feed ({detail}). "
    "Give the feed's own URL (often .../feed, .../rss.xml or .../atom.xml) or a saved feed file."
)
E188 = "E188: the feed file {path} could not be read ({detail}). Check the path."

FeedSource = str  # a feed URL, or the absolute path of a local feed file


class FeedError(StorylineError):
    """A feed could not be read or parsed."""


@dataclass(frozen=True)
class Validators:
    """What the server said about the last fetched copy, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {name: value for name, value in found.items() if value}


@dataclass(frozen=True)
class Entry:
    """One feed item: where its article is, and what the feed says about it."""

    url: str
    title: str | None
    published: IsoDate | None
    outlet: str | None


@dataclass(frozen=True)
class Feed:
    """A parsed feed; ``validators`` are those of this response (empty for a local file)."""

    source: FeedSource
    title: str | None
    entries: tuple[Entry, ...]
    validators: Validators


def is_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


def fetch_feed(fetcher: Fetcher, url: str, validators: Validators) -> Feed | None:
    """The feed at ``url``, or None when the server answers 304 Not Modified."""
    response = check_status(fetcher.get(url, validators.headers()))
    if response.status == 304:
        return None
    found = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
    return parse_feed(response.content, response.url, found)


def read_feed_file(path: Path) -> Feed:
    """A feed saved as a file; its relative links stay relative (to the file's folder)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise FeedError(E188.format(path=path, detail=e.strerror or e)) from e
    return parse_feed(data, None, Validators(), source=str(path))


def parse_feed(data: bytes, base_url: str | None, validators: Validators, source: str | None = None) -> Feed:
    """Parse RSS or Atom bytes; relative links are made absolute against ``base_url`` when given."""
    # A stream, never bytes or str: feedparser would open those as a file name or fetch them as a URL.
    parsed: Any = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    name = source or base_url or "(feed)"
    if parsed.get("bozo") and not parsed.entries and not parsed.feed.get("title"):
        raise FeedError(E187.format(source=name, detail=_bozo_detail(parsed)))
    if not parsed.get("version") and not parsed.entries:
        raise FeedError(E187.format(source=name, detail="no <rss>, <feed> or <rdf> element"))
    title = _text(parsed.feed.get("title"))
    entries = [_entry(item, base_url, title) for item in parsed.entries]
    return Feed(name, title, tuple(e for e in entries if e is not None), validators)


def _bozo_detail(parsed: Any) -> str:
    problem = parsed.get("bozo_exception")
    return f"{type(problem).__name__}: {problem}" if problem is not None else "it could not be parsed"


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _entry(item: Any, base_url: str | None, outlet: str | None) -> Entry | None:
    link = _text(item.get("link")) or _text(item.get("id"))
    if link is None:
        return None
    url = urljoin(base_url, link) if base_url else link
    return Entry(url=url, title=_text(item.get("title")), published=entry_date(item), outlet=outlet)


def entry_date(item: Any) -> IsoDate | None:
    """The entry's publication day (UTC), from ``published`` or else ``updated``."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp: time.struct_time | None = item.get(key)
        if stamp is not None:
            return datetime.fromtimestamp(calendar.timegm(stamp), UTC).date().isoformat()
    return None
