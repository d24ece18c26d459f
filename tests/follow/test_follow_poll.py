"""Polling rounds against the local site: new articles are added once, a 304 adds nothing, refused and
failed articles are reported with their reason while the rest go on, and reports find their story."""

from __future__ import annotations

from pathlib import Path

import pytest
from feedsite import BRIDGE, BRIDGE_2, ORCHARD, Route, Site, article_page, rss

from storyline.config import Config
from storyline.corpus.embeddings import get_encoder
from storyline.follow.fetch import Fetcher, FetchPolicy
from storyline.follow.poll import RoundReport, poll_round
from storyline.store.store import Store, open_store

pytestmark = pytest.mark.model  # the per-document stages load spaCy

CONFIG = Config.from_dict({"derivation": {"embedding_model": "hashing"}})
FRIDAY = "Fri, 09 Sep 2022 18:00:00 GMT"
SATURDAY = "Sat, 10 Sep 2022 09:00:00 GMT"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def publish(site: Site, feed: str, items: list[tuple[str, str, str]]) -> str:
    site.routes["/robots.txt"] = Route(ROBOTS, "text/plain")
    site.routes[feed] = Route(rss("Harbor Ledger", items), "application/rss+xml", conditional=True)
    return site.url(feed)


def run_round(
    store: Store, tmp_path: Path, feeds: list[str], story: str | None = "harbour-bridge", **policy: object
) -> RoundReport:
    settings = {"allow_private": True, "timeout": 0.5, "max_bytes": 20_000, "host_interval": 0.0, **policy}
    with Fetcher(FetchPolicy(**settings)) as fetcher:  # type: ignore[arg-type]
        url = f"sqlite:///{tmp_path / 'follow.db'}"
        return poll_round(feeds, store, url, tmp_path / "out", fetcher, CONFIG, get_encoder(CONFIG), story)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(f"sqlite:///{tmp_path / 'follow.db'}")


@pytest.fixture
def bridge_feed(site: Site) -> str:
    """Two articles to add, one robots.txt disallows, one too large."""
    site.routes["/news/span.html"] = Route(article_page("Last span lifted", BRIDGE))
    site.routes["/news/opening.html"] = Route(article_page("Bridge opens in October", BRIDGE_2))
    site.routes["/private/memo.html"] = Route(article_page("Memo", BRIDGE))
    site.routes["/news/gallery.html"] = Route(b"<p>" + b"photo " * 10_000 + b"</p>")
    items = [
        ("Last span lifted", "/news/span.html", FRIDAY),
        ("Bridge opens in October", "/news/opening.html", SATURDAY),
        ("Memo", "/private/memo.html", FRIDAY),
        ("Gallery", "/news/gallery.html", FRIDAY),
    ]
    return publish(site, "/rss.xml", items)


def test_first_round_adds_the_new_articles_to_the_story(
    site: Site, store: Store, tmp_path: Path, bridge_feed: str
) -> None:
    report = run_round(store, tmp_path, [bridge_feed])
    [feed] = report.feeds
    assert [url for url, _ in feed.added] == [site.url("/news/span.html"), site.url("/news/opening.html")]
    assert {story for _, story in feed.added} == {"harbour-bridge"}
    saved = store.load("harbour-bridge")
    assert [d["path"] for d in saved["documents"]] == [site.url("/news/span.html"), site.url("/news/opening.html")]
    assert (tmp_path / "out" / "harbour-bridge" / "story.json").is_file()
    assert report.changes[0].documents_added


def test_refused_articles_are_skipped_with_their_reason(
    site: Site, store: Store, tmp_path: Path, bridge_feed: str
) -> None:
    [feed] = run_round(store, tmp_path, [bridge_feed]).feeds
    reasons = dict(feed.skipped)
    assert reasons[site.url("/private/memo.html")].startswith("E182: ")
    assert reasons[site.url("/news/gallery.html")].startswith("E183: ")
    assert not site.seen("/private/memo.html")
    assert f"  skipped {site.url('/private/memo.html')}: E182: " in "\n".join(feed.lines())


def test_second_round_is_conditional_gets_304_and_adds_nothing(
    site: Site, store: Store, tmp_path: Path, bridge_feed: str
) -> None:
    run_round(store, tmp_path, [bridge_feed])
    before = store.load("harbour-bridge")
    report = run_round(store, tmp_path, [bridge_feed])
    second = site.seen("/rss.xml")[-1]
    assert second["if-none-match"] == '"feed-v1"'
    assert second["if-modified-since"] == "Sat, 10 Sep 2022 08:00:00 GMT"
    assert report.feeds[0].status == "not modified"
    assert report.feeds[0].lines() == [f"feed {bridge_feed}: not modified since the last round, nothing new"]
    assert not report.changes
    assert store.load("harbour-bridge")["documents"] == before["documents"]


def test_a_changed_feed_adds_only_the_entries_not_taken_before(
    site: Site, store: Store, tmp_path: Path, bridge_feed: str
) -> None:
    run_round(store, tmp_path, [bridge_feed])
    site.routes["/rss.xml"].conditional = False  # the feed changed: no 304
    [feed] = run_round(store, tmp_path, [bridge_feed]).feeds
    assert (feed.entries, feed.known, feed.added, feed.skipped) == (4, 4, (), ())
    assert len(site.seen("/news/span.html")) == 1


def test_a_timeout_is_reported_the_rest_go_on_and_the_next_round_retries(
    site: Site, store: Store, tmp_path: Path
) -> None:
    site.routes["/news/span.html"] = Route(article_page("Last span lifted", BRIDGE))
    site.routes["/news/slow.html"] = Route(article_page("Bridge opens in October", BRIDGE_2), delay=1.5)
    items = [("Slow", "/news/slow.html", SATURDAY), ("Last span lifted", "/news/span.html", FRIDAY)]
    feed_url = publish(site, "/rss.xml", items)
    [first] = run_round(store, tmp_path, [feed_url]).feeds
    assert [url for url, _ in first.added] == [site.url("/news/span.html")]
    [(url, reason)] = first.skipped
    assert url == site.url("/news/slow.html")
    assert reason.startswith("E184: ") and "no answer within 0.5 seconds" in reason
    site.routes["/news/slow.html"].delay = 0.0
    [second] = run_round(store, tmp_path, [feed_url]).feeds
    assert "if-none-match" not in site.seen("/rss.xml")[-1]  # validators kept back after a timeout
    assert [url for url, _ in second.added] == [site.url("/news/slow.html")]


def test_a_private_address_is_refused_without_allow_private(site: Site, store: Store, tmp_path: Path) -> None:
    feed_url = publish(site, "/rss.xml", [])
    report = run_round(store, tmp_path, [feed_url], allow_private=False)
    [feed] = report.feeds
    assert feed.status == "failed"
    assert feed.error is not None and feed.error.startswith("E181: ")
    assert not site.requests
    assert report.problems == 1


def test_a_failing_feed_does_not_stop_the_others(site: Site, store: Store, tmp_path: Path, bridge_feed: str) -> None:
    report = run_round(store, tmp_path, [site.url("/missing.xml"), bridge_feed])
    assert [f.status for f in report.feeds] == ["failed", "read"]
    assert report.feeds[0].error is not None and report.feeds[0].error.startswith("E185: ")
    assert len(report.feeds[1].added) == 2


def test_the_feed_gives_the_date_only_when_the_page_has_none(site: Site, store: Store, tmp_path: Path) -> None:
    site.routes["/a.html"] = Route(article_page("Last span lifted", BRIDGE))
    site.routes["/b.html"] = Route(article_page("Bridge opens", BRIDGE_2, published="2022-09-11T07:00:00Z"))
    feed_url = publish(site, "/rss.xml", [("A", "/a.html", FRIDAY), ("B", "/b.html", SATURDAY)])
    run_round(store, tmp_path, [feed_url])
    dates = {d["path"]: d["published"] for d in store.load("harbour-bridge")["documents"]}
    assert dates == {site.url("/a.html"): "2022-09-09", site.url("/b.html"): "2022-09-11"}


def test_a_local_feed_reads_its_articles_beside_it(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    (folder / "pages").mkdir(parents=True)
    (folder / "pages" / "span.html").write_bytes(article_page("Last span lifted", BRIDGE))
    items = [("Span", "pages/span.html", FRIDAY), ("Escape", "../../etc/hosts", FRIDAY)]
    (folder / "feed.xml").write_bytes(rss("Harbor Ledger", items))
    [feed] = run_round(store, tmp_path, [str(folder / "feed.xml")]).feeds
    assert [url for url, _ in feed.added] == ["pages/span.html"]
    [(url, reason)] = feed.skipped
    assert url == "../../etc/hosts" and "leads outside the feed's folder" in reason


def test_without_story_reports_are_routed_to_the_story_they_match(site: Site, store: Store, tmp_path: Path) -> None:
    site.routes["/span.html"] = Route(article_page("Last span of harbour bridge lifted", BRIDGE))
    first = run_round(store, tmp_path, [publish(site, "/one.xml", [("Span", "/span.html", FRIDAY)])], story=None)
    [route] = first.routes
    assert route.new and route.story == "last-span-of-harbour-bridge-lifted"
    site.routes["/opening.html"] = Route(article_page("Bridge opens in October", BRIDGE_2))
    site.routes["/harvest.html"] = Route(article_page("Apple harvest starts early", ORCHARD))
    items = [("Opening", "/opening.html", SATURDAY), ("Harvest", "/harvest.html", SATURDAY)]
    second = run_round(store, tmp_path, [publish(site, "/two.xml", items)], story=None)
    by_path = {r.path: r for r in second.routes}
    opening, harvest = by_path[site.url("/opening.html")], by_path[site.url("/harvest.html")]
    assert (opening.new, opening.story) == (False, "last-span-of-harbour-bridge-lifted")
    assert (harvest.new, harvest.story) == (True, "apple-harvest-starts-early")
    assert opening.line().startswith(f"routed {site.url('/opening.html')} to story 'last-span-of-harbour-bridge")
    assert harvest.line().startswith(f"routed {site.url('/harvest.html')} to a new story 'apple-harvest-starts-early'")
    assert len(store.load("last-span-of-harbour-bridge-lifted")["documents"]) == 2


def test_a_round_killed_before_its_state_was_recorded_adds_nothing_twice(
    site: Site, store: Store, tmp_path: Path, bridge_feed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("storyline.follow.poll.FeedState.record", killed)
    with pytest.raises(KeyboardInterrupt):
        run_round(store, tmp_path, [bridge_feed])
    monkeypatch.undo()
    before = store.load("harbour-bridge")["documents"]
    processed: list[int] = []
    monkeypatch.setattr(
        "storyline.follow.poll.process_documents", lambda docs, *a, **k: processed.append(len(docs)) or []
    )
    report = run_round(store, tmp_path, [bridge_feed])
    assert store.load("harbour-bridge")["documents"] == before
    assert processed == []  # the stored records are used, not made again
    assert report.changes[0].lines()[0] == "story 'harbour-bridge': 0 new report(s), 2 already in the story, 0 skipped"
    assert len(report.feeds[0].added) == 2
