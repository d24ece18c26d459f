"""Turn one feed entry into a read Document: fetch its page (or read its local file) with the
existing readers, then fill what the page lacks from the feed entry.

The page's own metadata wins; the feed gives the publication day only when the page has none (no
hint and no date htmldate can find in the markup), and likewise the title, the outlet (the feed's
title) and the URL. A local feed's links are paths relative to the feed's folder, and must stay
inside it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from storyline.doc.metadata import html_date
from storyline.errors import InputError
from storyline.follow.feeds import E188, Entry, FeedError, FeedSource, is_url
from storyline.follow.fetch import Fetcher, check_status
from storyline.io.encoding import decode
from storyline.io.read import html_document, read_file, with_hints
from storyline.records import Document, Hint


def read_article(entry: Entry, feed: FeedSource, fetcher: Fetcher) -> Document:
    """The entry's article as a read Document (done={"read"}); raises ``FetchError``, ``FeedError``
    or ``InputError`` (each naming the URL or path) when it cannot be had."""
    # A fetched feed's links are absolute; one that is not http(s) is refused by the fetcher (E180).
    if is_url(entry.url) or is_url(feed):
        doc = fetch_article(entry.url, fetcher)
    else:
        doc = local_article(entry.url, Path(feed))
    return with_feed_hints(doc, entry)


def fetch_article(url: str, fetcher: Fetcher) -> Document:
    """The page at ``url``, read by the HTML reader; its path is the URL it was asked for."""
    response = check_status(fetcher.get(url))
    return html_document(decode(response.content, url), url)


def local_article(link: str, feed: Path) -> Document:
    """The file a local feed links to (a path relative to the feed's folder, or a file: URI)."""
    parts = urlsplit(link)
    name = unquote(parts.path) if parts.scheme == "file" else link
    folder = feed.resolve().parent
    path = (folder / name).resolve()
    if not path.is_relative_to(folder):
        detail = f"the link {link} leads outside the feed's folder {folder}; local links must stay inside it"
        raise FeedError(E188.format(path=path, detail=detail))
    for item in read_file(path):
        if isinstance(item, Document):
            return item
        raise InputError(item.reason)
    raise FeedError(E188.format(path=path, detail="it holds no report"))


def with_feed_hints(doc: Document, entry: Entry) -> Document:
    """Add the entry's date, title, outlet and URL where the article has none of its own."""
    found = {h.field for h in doc.hints}
    page_dated = "published" in found or (doc.html is not None and html_date(doc.html) is not None)
    values = {
        "published": None if page_dated else entry.published,
        "title": entry.title,
        "source": entry.outlet,
        "url": entry.url if is_url(entry.url) else None,
    }
    hints = tuple(
        Hint(field=field, value=value, origin="html")  # type: ignore[arg-type]
        for field, value in values.items()
        if value and field not in found
    )
    return with_hints(doc, hints) if hints else doc
