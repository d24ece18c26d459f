"""One polling round of ``storyline follow``: new feed entries become reports in stored stories.

Stages of ``poll_round`` (the comments carry the same numbers):
  1. read each feed: a URL with a conditional GET (304: nothing new), or a local file;
  2. fetch and read each entry the feed's state has not taken (``follow.articles``);
  3. per-document stages on the new reports, their records stored so ``add`` reuses them;
  4. route: all to ``--story``, or each to its story by story separation (``follow.route``);
  5. add the reports to each story (a new story is built), write its outputs and save it;
  6. remember per feed the entries taken and, when nothing failed for a reason that may pass,
     the feed's new validators (otherwise the next round fetches the feed in full and retries).
A failure on one feed, article or story is reported with its reason and the rest go on.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from storyline.build import corpus_stages, process_documents, story_id, unique, write_outputs
from storyline.config import Config
from storyline.corpus.embeddings import Encoder
from storyline.errors import StorylineError
from storyline.follow.articles import read_article
from storyline.follow.feeds import Entry, Feed, FeedSource, fetch_feed, is_url, read_feed_file
from storyline.follow.fetch import Fetcher, FetchError
from storyline.follow.route import Route, route_documents, stored_members
from storyline.follow.state import FeedState, Taken
from storyline.live import Changes, add_documents, compare, same_reading
from storyline.output.export import story_to_dict
from storyline.pipeline import run_story
from storyline.records import Document, Skipped, Story
from storyline.store.store import Store

log = logging.getLogger(__name__)

FeedStatus = Literal["read", "not modified", "failed"]


@dataclass(frozen=True)
class FeedReport:
    """What one round did with one feed: entries added (with their story) and skipped (with why)."""

    source: FeedSource
    status: FeedStatus
    entries: int  # entries in the feed
    known: int  # entries taken in an earlier round
    added: tuple[tuple[str, str], ...]  # (entry URL, story id)
    skipped: tuple[tuple[str, str], ...]  # (entry URL, reason)
    error: str | None = None

    def lines(self) -> list[str]:
        if self.status == "failed":
            return [f"feed {self.source}: failed: {self.error}"]
        if self.status == "not modified":
            return [f"feed {self.source}: not modified since the last round, nothing new"]
        head = (
            f"feed {self.source}: {self.entries} entries, {self.known} taken before, "
            f"{len(self.added)} added, {len(self.skipped)} skipped"
        )
        return [head, *(f"  skipped {url}: {reason}" for url, reason in self.skipped)]


@dataclass(frozen=True)
class RoundReport:
    """One round: per feed, the routing decisions and what changed in each story."""

    feeds: tuple[FeedReport, ...]
    routes: tuple[Route, ...]
    changes: tuple[Changes, ...]

    def lines(self) -> list[str]:
        story_lines = [line for change in self.changes for line in change.lines()]
        return [*(r.line() for r in self.routes), *story_lines, *(line for f in self.feeds for line in f.lines())]

    @property
    def problems(self) -> int:
        """Feeds that failed and entries skipped this round."""
        return sum(1 if f.status == "failed" else len(f.skipped) for f in self.feeds)


@dataclass
class _Feed:
    """A feed's round in progress (stages 1 to 6); frozen into a ``FeedReport`` at the end."""

    source: FeedSource
    feed: Feed | None = None
    known: int = 0
    status: FeedStatus = "read"
    error: str | None = None
    retry: bool = False  # something may pass next time: keep the old validators
    taken: list[Taken] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def refuse(self, url: str, reason: str, transient: bool) -> None:
        log.info(reason)
        self.skipped.append((url, reason))
        if transient:
            self.retry = True
        else:
            self.taken.append(Taken(url, "refused", reason=reason))

    def report(self) -> FeedReport:
        added = tuple((t.entry_url, t.story_id or "") for t in self.taken if t.outcome == "added")
        entries = len(self.feed.entries) if self.feed is not None else 0
        return FeedReport(self.source, self.status, entries, self.known, added, tuple(self.skipped), self.error)


@dataclass(frozen=True)
class _Article:
    feed: _Feed
    entry: Entry
    document: Document


def poll_round(
    sources: Sequence[FeedSource],
    store: Store,
    db_url: str,
    out_dir: Path,
    fetcher: Fetcher,
    config: Config,
    encoder: Encoder,
    story: str | None = None,
) -> RoundReport:
    """One round over ``sources`` (feed URLs or local feed paths); see the module's docstring.

    Each story's outputs are written to ``out_dir / <story id>`` and saved in the store at ``db_url``.
    """
    state = FeedState(store)
    feeds = [_Feed(source) for source in sources]
    # 1. the feeds, 2. their new entries' articles
    articles = [a for f in feeds for a in _new_articles(f, state, fetcher)]
    # 3. per-document stages, records kept for add
    processed = _process(articles, store, config)
    # 4. route
    routes = _routes(processed, store, config, encoder, story)
    # 5. add to each story and save it
    changes = _add_to_stories(routes, processed, store, db_url, out_dir, config, encoder)
    # 6. remember
    for f in feeds:
        if f.status != "failed":
            state.record(f.source, None if f.retry or f.feed is None else f.feed.validators, f.taken)
    return RoundReport(tuple(f.report() for f in feeds), tuple(routes), tuple(changes))


def _new_articles(f: _Feed, state: FeedState, fetcher: Fetcher) -> list[_Article]:
    """Stages 1 and 2 for one feed: its entries not taken before, read; failures go on the feed."""
    try:
        if is_url(f.source):
            f.feed = fetch_feed(fetcher, f.source, state.validators(f.source))
        else:
            f.feed = read_feed_file(Path(f.source))
    except StorylineError as e:
        log.info(str(e))
        f.status, f.error = "failed", str(e)
        return []
    if f.feed is None:
        f.status = "not modified"
        return []
    taken = state.taken(f.source)
    entries = list({e.url: e for e in f.feed.entries}.values())
    f.known = sum(1 for e in entries if e.url in taken)
    articles = []
    for entry in (e for e in entries if e.url not in taken):
        try:
            articles.append(_Article(f, entry, read_article(entry, f.source, fetcher)))
        except StorylineError as e:
            f.refuse(entry.url, str(e), transient=isinstance(e, FetchError) and e.transient)
    return articles


def _process(articles: list[_Article], store: Store, config: Config) -> list[_Article]:
    """Stage 3: the articles with their processed documents; a failed document is refused.

    A stored record of the same reading (a round killed after this stage) is used as it is.
    """
    if not articles:
        return []
    skipped: list[Skipped] = []
    reused = store.load_documents(a.document.id for a in articles)
    done = {d.path: reused[d.id] for d in (a.document for a in articles) if same_reading(reused.get(d.id), d)}
    todo = [a.document for a in articles if a.document.path not in done]
    processed = process_documents(todo, config, skipped) if todo else []
    store.add_documents(processed, batch_size=config.story.batch_size)
    done.update((d.path, d) for d in processed)
    reasons = {s.path: s.reason for s in skipped}
    kept = []
    for a in articles:
        path = a.document.path or ""
        if path in done:
            kept.append(_Article(a.feed, a.entry, done[path]))
        else:
            a.feed.refuse(a.entry.url, reasons.get(path, "the per-document stages dropped it"), transient=False)
    return kept


def _routes(articles: list[_Article], store: Store, config: Config, encoder: Encoder, story: str | None) -> list[Route]:
    """Stage 4: one route per distinct report (same content, same route)."""
    docs = unique([a.document for a in articles])
    if not docs:
        return []
    if story is None:
        return route_documents(docs, stored_members(store), config, encoder)
    sid = story_id(story)
    new = not store.has_story(sid)
    return [Route(d.id, d.path or d.id, sid, story, new=new, distance=None, given=True) for d in docs]


def _add_to_stories(
    routes: list[Route],
    articles: list[_Article],
    store: Store,
    db_url: str,
    out_dir: Path,
    config: Config,
    encoder: Encoder,
) -> list[Changes]:
    """Stage 5: per story, add its reports (or build it), write it out and save it; then each
    article is taken as added. A story that fails leaves its articles for the next round."""
    changes = []
    for sid, title in dict.fromkeys((r.story, r.title) for r in routes):
        ids = {r.document for r in routes if r.story == sid}
        members = [a for a in articles if a.document.id in ids]
        try:
            story, change = _extend(store, sid, title, unique([a.document for a in members]), config, encoder)
            write_outputs(story, out_dir / sid, db_url, records=())  # stage 3 stored every record
        except StorylineError as e:
            for a in members:
                a.feed.refuse(a.entry.url, f"story '{sid}' was not saved: {e}", transient=True)
            continue
        changes.append(change)
        for a in members:
            a.feed.taken.append(Taken(a.entry.url, "added", story_id=sid, document_id=a.document.id))
    return changes


def _extend(
    store: Store, sid: str, title: str, docs: list[Document], config: Config, encoder: Encoder
) -> tuple[Story, Changes]:
    """The stored story with ``docs`` added, or a new story of ``docs``, and what changed."""
    if store.has_story(sid):
        result = add_documents(store, sid, docs, config, encoder)
        return result.story, result.changes
    story = run_story(corpus_stages(config, encoder), Story(id=sid, title=title, documents=tuple(docs)))
    return story, compare({}, story_to_dict(story), docs, 0, len(docs), [])
