"""Stage ``metadata``: set a document's title, source, byline, dateline and publication date.

Each value comes from the strongest place that has it: the manifest, then the file's own header or
record, then the HTML page's metadata (htmldate for the date), then the text itself (an agency
dateline, a "By ..." line, a "(Reporting by ...)" credit, a date line at the top), and last the day
the body's dates and weekdays imply (``pubdate``). A date is never invented: a dateline's "Sept 12"
is used only when a hint gives the year. Finding dates inside text is hand-written (a month table
and three patterns) because dateparser's search also returns relative phrases ("on Saturday") that
are not publication dates.
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass, replace

import dateparser
import htmldate

from storyline.config import Config
from storyline.doc.pubdate import CONFIDENCE as INFERRED_CONFIDENCE
from storyline.doc.pubdate import infer_published
from storyline.errors import Errors
from storyline.pipeline import Stage
from storyline.records import Document, Hint, IsoDate, PublishedFrom

log = logging.getLogger(__name__)

ORIGIN_RANK = ("manifest", "record", "header", "html")
PUBLISHED_FROM: dict[str, PublishedFrom] = {
    "manifest": "manifest",
    "record": "header",  # a JSON record's own field is read like a file's header line
    "header": "header",
    "html": "html",
}
CONFIDENCE: dict[PublishedFrom, float] = {"manifest": 1.0, "header": 0.9, "html": 0.8, "text": 0.6}
TITLE_MAX_WORDS = 20
TOP_LINES = 5  # the dateline, byline, date line and title are looked for in this many first lines

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FULL_DATES = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
)
_MONTH_DAYS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b", re.I),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\b", re.I),
)
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_DATEPARSER_SETTINGS = {"STRICT_PARSING": True, "PARSERS": ["absolute-time"]}

# "KYIV, Sept 12 (Meridian Wire) - " or "KHARKIV, Ukraine (Meridian Wire) — ": a city in capitals,
# then a place or date after a comma and/or an agency in brackets, then a dash.
_CAPS = r"A-ZÀ-ÖØ-Þ"
_DATELINE = re.compile(
    rf"^\s*(?P<city>[{_CAPS}][{_CAPS}.'’ -]*[{_CAPS}.])(?P<rest>,[^()\n]{{1,60}}?)?\s*"
    r"(?:\((?P<agency>[^()\n]{2,60})\))?\s*(?:--?|–|—)(?=\s)"
)
_BY_LINE = re.compile(r"^\s*By\s+(?P<names>[A-Z][^\n,;|]*?)\s*(?:[,;|].*)?$")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|and|&|de|da|van|von|der|al|bin|la|le)$")
_CREDIT = re.compile(r"\((?:Reporting|Writing|Reported)\s+by\s+(?P<names>[^;)\n]+)")
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_NOT_NAMES = frozenset([*(m.capitalize() for m in _MONTHS), *calendar.day_name, "The", "Then", "Now", "Late", "Early"])


@dataclass(frozen=True)
class Dateline:
    text: str  # the whole prefix, e.g. "KYIV, Sept 12 (Meridian Wire) -"
    agency: str | None
    date: IsoDate | None  # a full date written in the dateline
    month_day: tuple[int, int] | None  # "Sept 12" without a year


def _top_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()][:TOP_LINES]


def _iso(year: int, month: int, day: int) -> IsoDate | None:
    if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _month_number(value: str) -> int:
    return int(value) if value.isdigit() else _MONTHS[value.lower().rstrip(".")]


def find_full_date(text: str) -> IsoDate | None:
    """The first full written date in ``text`` ("September 12, 2022", "12 Sept 2022", "2022-09-12")."""
    found = [(m.start(), m) for pattern in _FULL_DATES for m in pattern.finditer(text)]
    for _, m in sorted(found, key=lambda pair: pair[0]):
        iso = _iso(int(m["year"]), _month_number(m["month"]), int(m["day"]))
        if iso is not None:
            return iso
    return None


def find_month_day(text: str) -> tuple[int, int] | None:
    """The (month, day) of the first date written without its year ("Sept 12", "21 March")."""
    for pattern in _MONTH_DAYS:
        md = pattern.search(text)
        if md is not None:
            return (_month_number(md["month"]), int(md["day"]))
    return None


def normalize_date(value: str) -> IsoDate | None:
    """A published value as YYYY-MM-DD, or None when it does not name a whole day."""
    iso = find_full_date(value)
    if iso is not None:
        return iso
    parsed = dateparser.parse(value, languages=["en"], settings=_DATEPARSER_SETTINGS)  # type: ignore[arg-type]
    return parsed.date().isoformat() if parsed is not None else None


def find_dateline(text: str) -> Dateline | None:
    """An agency dateline at the start of one of the first lines of the body."""
    for line in _top_lines(text):
        m = _DATELINE.match(line)
        if m is None or not (m["rest"] or m["agency"]):
            continue
        rest = m["rest"] or ""
        month_day = find_month_day(rest)
        agency = m["agency"].strip() if m["agency"] else None
        return Dateline(m.group().strip(), agency, find_full_date(rest), month_day)
    return None


def find_byline(text: str) -> str | None:
    """The writer from a "By Jane Roe" line at the top, else from a "(Reporting by Jane Roe; ...)" credit."""
    for line in _top_lines(text):
        m = _BY_LINE.match(line)
        if m is None or len(line.split()) > 8 or line.endswith("."):
            continue
        words = m["names"].split()
        if words and words[0] not in _NOT_NAMES and all(_NAME_WORD.match(w) for w in words):
            return m["names"]
    credit = _CREDIT.search(text)
    if credit is None:
        return None
    names = _IN_PLACE.sub("", credit["names"]).strip(" ,")
    return names or None


def find_title(text: str) -> str | None:
    """The first line of the body when it reads as a headline: short, no final stop, more text after it."""
    lines = _top_lines(text)
    if len(lines) < 2:
        return None
    first = lines[0]
    if len(first.split()) > TITLE_MAX_WORDS or first[-1] in ".!?:;,":
        return None
    if _DATELINE.match(first) or _BY_LINE.match(first) or find_full_date(first):
        return None
    return first


def _date_line(text: str) -> IsoDate | None:
    """A full date on a line of its own at the top ("Published September 12, 2022 10:31 GMT")."""
    dated = [
        (line.lower().startswith("updated"), iso)
        for line in _top_lines(text)
        if len(line.split()) <= 10 and not line.endswith(".") and (iso := find_full_date(line))
    ]
    return sorted(dated, key=lambda pair: pair[0])[0][1] if dated else None


def _hints(doc: Document, field: str) -> list[Hint]:
    return sorted((h for h in doc.hints if h.field == field), key=lambda h: ORIGIN_RANK.index(h.origin))


def known_year(doc: Document) -> int | None:
    """A year given by a hint (a partial date "September 2022", a URL ".../2022/09/...")."""
    for hint in [*_hints(doc, "published"), *_hints(doc, "url")]:
        m = _ANY_YEAR.search(hint.value)
        if m is not None:
            return int(m.group(1))
    return None


def html_date(html: str) -> IsoDate | None:
    """The publication date in the page's markup (htmldate, no search of the free text)."""
    found = htmldate.find_date(html, outputformat="%Y-%m-%d", extensive_search=False, original_date=True)
    return found if isinstance(found, str) else None


def resolve_published(
    doc: Document, dateline: Dateline | None
) -> tuple[IsoDate | None, PublishedFrom | None, float | None]:
    """The publication date, where it came from and how sure we are; hints first, then the text."""
    for hint in _hints(doc, "published"):
        iso = normalize_date(hint.value)
        if iso is not None:
            origin = PUBLISHED_FROM[hint.origin]
            return iso, origin, CONFIDENCE[origin]
        log.warning(Errors.E012.format(path=doc.path or doc.id, value=hint.value, origin=hint.origin))
    if doc.html is not None and (iso := html_date(doc.html)) is not None:
        return iso, "html", CONFIDENCE["html"]
    iso = (dateline.date if dateline else None) or _date_line(doc.text)
    year = known_year(doc)
    if iso is None and dateline is not None and dateline.month_day is not None and year is not None:
        iso = _iso(year, *dateline.month_day)
    if iso is not None:
        return iso, "text", CONFIDENCE["text"]
    inferred = infer_published(doc.text, year)
    if inferred.date is None and inferred.window is not None:
        log.info("%s: no publication day; the text places it from %s to %s", doc.path or doc.id, *inferred.window)
    return (inferred.date, "text", INFERRED_CONFIDENCE) if inferred.date is not None else (None, None, None)


def read_metadata(doc: Document) -> Document:
    """Set title, source, byline, dateline and the publication date from hints, HTML and text."""
    dateline = find_dateline(doc.text)
    title, source, byline = doc.hint("title"), doc.hint("source"), doc.hint("byline")
    published, published_from, confidence = resolve_published(doc, dateline)
    return replace(
        doc,
        title=title.value if title else find_title(doc.text),
        source=source.value if source else (dateline.agency if dateline else None),
        byline=byline.value if byline else find_byline(doc.text) or find_byline("\n".join(doc.boilerplate_removed)),
        dateline=dateline.text if dateline else None,
        published=published,
        published_from=published_from,
        published_confidence=confidence,
    )


def build(config: Config) -> Stage[Document]:
    return Stage(name="metadata", func=read_metadata, requires=("clean",), provides=("metadata",))
