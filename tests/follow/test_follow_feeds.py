"""Feeds: RSS and Atom parsed into entries, fetched conditionally, and anything else refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from feedsite import ETAG, LAST_MODIFIED, Route, Site, rss
from hypothesis import given
from hypothesis import strategies as st

from storyline.follow.feeds import Entry, FeedError, Validators, fetch_feed, parse_feed, read_feed_file
from storyline.follow.fetch import Fetcher, FetchPolicy

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Courier</title>
  <id>urn:test:courier</id>
  <updated>2022-09-12T06:00:00Z</updated>
  <entry>
    <title>Harvest starts early</title>
    <link href="/2022/09/harvest.html"/>
    <id>urn:test:harvest</id>
    <updated>2022-09-12T06:00:00Z</updated>
  </entry>
</feed>
"""


def test_rss_items_give_url_title_day_and_outlet() -> None:
    data = rss("Harbor Ledger", [("Span lifted", "http://news.example/a.html", "Fri, 09 Sep 2022 23:30:00 -0200")])
    feed = parse_feed(data, "http://news.example/rss.xml", Validators())
    assert feed.title == "Harbor Ledger"
    # 23:30 at UTC-2 is the next day in UTC
    assert feed.entries == (Entry("http://news.example/a.html", "Span lifted", "2022-09-10", "Harbor Ledger"),)


def test_atom_links_are_made_absolute_against_the_feed_url() -> None:
    feed = parse_feed(ATOM, "https://courier.example/feeds/atom.xml", Validators())
    assert feed.entries == (
        Entry("https://courier.example/2022/09/harvest.html", "Harvest starts early", "2022-09-12", "Valley Courier"),
    )


def test_a_local_feed_keeps_its_relative_links(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(rss("Harbor Ledger", [("Span lifted", "pages/a.html", "Fri, 09 Sep 2022 10:00:00 GMT")]))
    feed = read_feed_file(path)
    assert feed.source == str(path)
    assert [e.url for e in feed.entries] == ["pages/a.html"]


def test_a_missing_feed_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match=r"^E188: the feed file .*nothing.xml could not be read"):
        read_feed_file(tmp_path / "nothing.xml")


def test_an_html_page_is_not_a_feed() -> None:
    with pytest.raises(FeedError, match=r"^E187: http://news.example/ is not an RSS or Atom feed"):
        parse_feed(b"<html><body><p>Welcome</p></body></html>", "http://news.example/", Validators())


def test_feed_bytes_that_look_like_a_path_are_parsed_not_opened(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match=r"^E187: "):
        parse_feed(str(tmp_path).encode(), None, Validators(), source="x")


def test_the_second_fetch_is_conditional_and_a_304_means_nothing_new(site: Site) -> None:
    site.routes["/rss.xml"] = Route(rss("Harbor Ledger", []), "application/rss+xml", conditional=True)
    with Fetcher(FetchPolicy(allow_private=True)) as fetcher:
        first = fetch_feed(fetcher, site.url("/rss.xml"), Validators())
        assert first is not None
        assert first.validators == Validators(ETAG, LAST_MODIFIED)
        assert fetch_feed(fetcher, site.url("/rss.xml"), first.validators) is None
    sent = site.seen("/rss.xml")
    assert "if-none-match" not in sent[0]
    assert (sent[1]["if-none-match"], sent[1]["if-modified-since"]) == (ETAG, LAST_MODIFIED)


@given(st.binary(max_size=400))
def test_any_bytes_give_a_feed_or_a_feed_error(data: bytes) -> None:
    try:
        feed = parse_feed(data, "http://news.example/rss.xml", Validators())
    except FeedError as e:
        assert str(e).startswith("E187: ")
    else:
        assert all(e.url for e in feed.entries)
