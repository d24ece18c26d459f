"""``storyline follow`` through its entry point against the local site, one round with --once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from feedsite import BRIDGE, BRIDGE_2, Route, Site, article_page, rss

STORYLINE = shutil.which("storyline") or str(Path(sys.executable).parent / "storyline")


def follow(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([STORYLINE, "follow", *args], capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.fixture
def feed_url(site: Site) -> str:
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    site.routes["/span.html"] = Route(article_page("Last span lifted", BRIDGE))
    site.routes["/opening.html"] = Route(article_page("Bridge opens in October", BRIDGE_2))
    items = [
        ("Span", "/span.html", "Fri, 09 Sep 2022 18:00:00 GMT"),
        ("Opening", "/opening.html", "Sat, 10 Sep 2022 09:00:00 GMT"),
    ]
    site.routes["/rss.xml"] = Route(rss("Harbor Ledger", items), "application/rss+xml", conditional=True)
    return site.url("/rss.xml")


@pytest.mark.model
def test_follow_once_adds_the_feed_then_finds_nothing_new(feed_url: str, tmp_path: Path) -> None:
    (tmp_path / "fast.toml").write_text(
        '[derivation]\nembedding_model = "hashing"\n[follow]\nhost_interval = 0\n', encoding="utf-8"
    )
    args = [feed_url, "--story", "Harbour bridge", "--once", "--allow-private", "--config", "fast.toml", "--out", "out"]
    first = follow(*args, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines == [
        f"put {feed_url.replace('rss.xml', 'span.html')} in story 'harbour-bridge' (given with --story)",
        f"put {feed_url.replace('rss.xml', 'opening.html')} in story 'harbour-bridge' (given with --story)",
        "story 'harbour-bridge': 2 new report(s), 0 already in the story, 0 skipped",
        *lines[3:6],
        f"feed {feed_url}: 2 entries, 0 taken before, 2 added, 0 skipped",
    ]
    assert (tmp_path / "out" / "harbour-bridge" / "report.html").is_file()
    assert (tmp_path / "out" / "storyline.db").is_file()
    second = follow(*args, cwd=tmp_path)
    assert (second.returncode, second.stdout) == (
        0,
        f"feed {feed_url}: not modified since the last round, nothing new\n",
    )


def test_follow_refuses_a_loopback_feed_without_allow_private(feed_url: str, tmp_path: Path) -> None:
    result = follow(feed_url, "--story", "x", "--once", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith(f"feed {feed_url}: failed: E181: {feed_url}: the host 127.0.0.1 resolves to")


def test_follow_with_a_bad_interval_says_how_to_write_one(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_bytes(rss("Harbor Ledger", []))
    result = follow("feed.xml", "--every", "often", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("E186: --every 'often' is not a duration of at least 10 seconds.")


def test_follow_names_a_missing_feed_file(tmp_path: Path) -> None:
    result = follow("nothing.xml", "--once", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("E188: the feed file nothing.xml could not be read (no such file;")
