"""A timeline of ordinary storyline inputs as JSON, ``[{"date": "YYYY-MM-DD", "sentences": [...]}]``.

The light path of ``storyline.corpus.tls``: inputs are read, cleaned and dated (the per-document
stages up to ``metadata``, no spaCy); each line of a document's text is cut into sentences at
sentence punctuation, and the time tagger reads each sentence against the publication date.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from storyline.build import process_documents
from storyline.config import Config
from storyline.corpus.tls import DatedSentence, TimelineDay, date_article, summarize
from storyline.errors import Errors, InputError
from storyline.io.read import iter_inputs
from storyline.records import Document, Skipped

log = logging.getLogger(__name__)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as e:
        raise InputError(Errors.E096.format(option=option, value=value)) from e


def split_sentences(line: str) -> list[str]:
    """A line cut at sentence punctuation followed by a capital or a digit (light, no model)."""
    return [piece.strip() for piece in _SENTENCE_END.split(line) if piece.strip()]


def publication_day(doc: Document) -> date | None:
    """The day the report was published, or None when only a month or year (or nothing) is known."""
    if doc.published is None or len(doc.published) < 10:
        return None
    return date.fromisoformat(doc.published[:10])


def document_sentences(doc: Document, published: date) -> list[DatedSentence]:
    """The sentences of one document, each with the days it mentions."""
    sentences = [s for line in doc.text.splitlines() for s in split_sentences(line)]
    return date_article(doc.id, published, sentences)


def build_timeline(
    paths: Sequence[Path],
    dates: int,
    per_date: int,
    start: str | None = None,
    end: str | None = None,
    keywords: Sequence[str] = (),
    config: Config | None = None,
    manifest: Path | None = None,
) -> list[TimelineDay]:
    """The timeline of the inputs: ``dates`` dates, ``per_date`` sentences each, in [start, end]."""
    for option, value in (("dates", dates), ("sentences-per-date", per_date)):
        if value < 1:
            raise InputError(Errors.E095.format(option=option, value=value))
    first, last = parse_day(start, "start"), parse_day(end, "end")
    skipped: list[Skipped] = []
    docs = process_documents(iter_inputs(list(paths), manifest), config or Config(), skipped, until="metadata")
    for item in skipped:
        log.warning("%s", item.reason)
    if not docs:
        given = [*paths, manifest] if manifest is not None else list(paths)
        raise InputError(Errors.E097.format(paths=", ".join(str(p) for p in given)))
    undated = [doc for doc in docs if publication_day(doc) is None]
    if undated:
        log.warning("%d report(s) have no publication day and are left out, e.g. %s", len(undated), undated[0].path)
    sentences: list[DatedSentence] = []
    for doc in docs:
        day = publication_day(doc)
        if day is not None and (first is None or day >= first) and (last is None or day <= last):
            sentences += document_sentences(doc, day)
    return summarize(sentences, dates, per_date, keywords, first, last)


def timeline_json(
    paths: Sequence[Path],
    dates: int,
    per_date: int,
    start: str | None = None,
    end: str | None = None,
    keywords: str | Sequence[str] = (),
    config: Config | None = None,
    manifest: Path | None = None,
) -> str:
    """``build_timeline`` as JSON; ``keywords`` may be given comma-separated, as on the command line."""
    words = [k.strip() for k in keywords.split(",")] if isinstance(keywords, str) else list(keywords)
    days = build_timeline(paths, dates, per_date, start, end, [w for w in words if w], config, manifest)
    out = [{"date": day.date.isoformat(), "sentences": list(day.sentences)} for day in days]
    return json.dumps(out, indent=2, ensure_ascii=False)
