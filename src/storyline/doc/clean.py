"""Stage ``clean``: remove web junk lines (cross-links, player controls, widgets, appeals, credits,
tracking tokens, consent notices, ads, repeated lines) and reader-comment threads (from where one
starts to the end, ``clean_comments``) from ``Document.text``, keeping the offset map. First a
headline or label glued to the first sentence is split off (``clean_glued``: a space becomes a line break).

Junk is recognised by its shape, kind by kind (see DEVELOPERS.md, "Kinds of web junk"), and only
on short lines: a line longer than ``clean.max_junk_words`` words is junk only as an exact repeat,
when it starts with a junk label ("SEE ALSO:", "Photo:", "Watch:"), when it is a caption that
ends with its credit ("... . Photo: Harbor Daily staff"), or the photo caption above a wire story
(the first line, ending with a full date, just before the dateline), up to ``clean.max_labelled_words``.
trafilatura does this for HTML pages, but plain-text copies of web pages keep their junk as text
lines, so the line rules here run on every format.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from storyline.config import CleanConfig, Config
from storyline.doc.clean_comments import thread_start
from storyline.doc.clean_glued import unglue
from storyline.pipeline import Stage
from storyline.records import Document
from storyline.textmap import cut

JunkKind = str
_LINE = re.compile(r"[^\n]*\n|[^\n]+")

# A line that reports something: a quotation or a verb of saying. Appeal, social and consent
# patterns never fire on such a line.
_REPORTING = re.compile(r"[\"“”]|\b(?:said|says|told|according to|reported|quoted)\b", re.I)

_LINK_LABELS = (
    r"^\W*(?:see also|read more|read also|also read|more on this(?: story)?|more from [\w ]{1,30}|"
    r"related(?: stories| articles| coverage| content| news)?|recommended(?: for you)?|"
    r"further reading|you (?:may|might) also like|don'?t miss|most (?:read|popular|viewed)|"
    r"top stories|up next|next story|editor'?s picks?|trending(?: now)?)\s*"
)
_CROSS_LINK = re.compile(_LINK_LABELS + r"(?:[:|»›>→–—-]|$)", re.I)
_ARROW_LINK = re.compile(r"^\s*[»›→▶►]\s*\S")

_PLAYER = re.compile(
    r"^\W*(?:listen(?: to (?:this|the) (?:story|article|report|podcast|episode))?|play(?: video| audio)?|"
    r"pause|replay|resume|mute|unmute|stop|watch(?: video| now| live)?|video|audio|skip (?:ad|intro)|"
    r"(?:\d+[ -])?min(?:ute)?s? (?:read|listen|watch))\b(?:[\W\d]|\b(?:mins?|minutes|secs?|seconds)\b)*$",
    re.I,
)
_MEDIA_LABEL = re.compile(r"^\s*(?:watch|video|listen|audio|podcast)\s*[:|]\s*\S", re.I)
# Player positions: "0:45", "00:45", "1:02:33", "0:45 / 2:10". A bare "9:45" may be a clock time.
_TIMECODE = re.compile(r"^\W*(?:0?0:\d\d|\d+:\d\d:\d\d|\d+:\d\d\s*/\s*\d+:\d\d(?::\d\d)?)\W*$")

# Page-tool words; a widget line has only these (and counts), with at least one core word.
_WIDGET_WORDS = frozenset(
    {
        "share",
        "shares",
        "shared",
        "print",
        "email",
        "e-mail",
        "mail",
        "save",
        "saved",
        "bookmark",
        "bookmarks",
        "copy",
        "copied",
        "link",
        "tweet",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "linkedin",
        "reddit",
        "pinterest",
        "messenger",
        "font",
        "size",
        "text",
        "comment",
        "comments",
        "reply",
        "replies",
        "gift",
        "zoom",
        "increase",
        "decrease",
        "reset",
        "menu",
        "close",
        "back",
        "top",
        "show",
        "hide",
        "expand",
        "collapse",
        "toggle",
        "fullscreen",
        "embed",
        "more",
        "less",
        "next",
        "previous",
        "prev",
        "skip",
        "content",
        "main",
        "navigation",
        "this",
        "article",
        "story",
        "page",
        "on",
        "via",
        "to",
        "of",
        "the",
        "and",
        "or",
        "a",
        "aa",
        "aaa",
    }
)
_WIDGET_CORE = frozenset(
    {
        "share",
        "shares",
        "print",
        "email",
        "e-mail",
        "save",
        "bookmark",
        "copy",
        "tweet",
        "font",
        "comment",
        "comments",
        "gift",
        "zoom",
        "menu",
        "fullscreen",
        "embed",
        "skip",
        "top",
    }
)
_LETTER_SIZES = re.compile(r"^\s*(?:[Aa][+\-−]?\s*){2,}$")

# A call to the reader: strong openings on their own, or after a short lead-in and a dash,
# "?" or "!" ("Keep local news alive — become a member today"); weaker ones only with words that
# address the reader ("Register now", "Log in to continue" but not "Register of war damage opens").
_APPEAL_START = re.compile(
    r"^(?:[^—–?!]{0,60}[—–?!]\s*)?\W*(?:subscribe|sign up for|become a (?:member|subscriber|supporter|patron)|"
    r"support (?:us|our|independent|quality)|join (?:us|our)|get our (?:newsletter|app)|"
    r"download (?:our|the) app|already (?:a subscriber|a member|subscribed))\b"
    r"|^\W*(?:donate|sign up|signup|register|log ?in|sign in|unlock|try (?:it )?(?:for )?free|"
    r"help (?:us|fund))\b"
    r"(?:\W*$|.*\b(?:now|today|free|here|our|your|you|us|newsletter|journalism|access|subscription)\b)",
    re.I,
)
_APPEAL_TOPIC = re.compile(
    r"\b(?:newsletters?|inbox|subscri(?:be|ption|bers?)|donate|donation|paywall|premium|"
    r"(?:our|independent|quality) journalism|unlimited access)\b",
    re.I,
)
_READER = re.compile(r"\b(?:you|your|our|us)\b|!", re.I)

_PLATFORMS = (
    r"(?:x|twitter|telegram|facebook|instagram|youtube|tiktok|whatsapp|linkedin|threads|bluesky|"
    r"mastodon|viber|signal|google news|rss)"
)
_SOCIAL = re.compile(
    rf"^\W*(?:follow|join|like|find|connect with|subscribe to|watch)\b.*\b(?:us|our|@\w+)\b.*"
    rf"\b{_PLATFORMS}\b|^\W*follow (?:us|@\w+)\b|^\W*@\w+\s+on\s+{_PLATFORMS}\W*$",
    re.I,
)

# "Photo: ...", "... / Credit: ...", "(Image: ...)", "©": a label that starts the line or a part of it.
_CREDIT = re.compile(
    r"(?:^|[.!?/|(]\s*)(?:(?:photo|photograph|image|picture|illustration|graphic|footage|file photo)s?"
    r"(?:\s+(?:credit|by))?|credits?)\s*:|©",
    re.I,
)

_BARE_URL = re.compile(r"^\W*(?:https?://|www\.)\S+\W*$", re.I)
_TRACKING = re.compile(r"\butm_[a-z]+=|\btrk=|\b(?:fbclid|gclid|mc_cid|mc_eid)=", re.I)
_QUERY_STRING = re.compile(r"^\s*[?&]?[\w.-]+=[^\s&]*(?:&[\w.-]+=[^\s&]*)+\s*$")
_TOKEN = re.compile(r"^\s*[A-Za-z0-9+/=_-]{16,}\s*$|^\s*[0-9a-fA-F-]{8,}\s*$")
_DIGIT_LETTER_SWITCH = re.compile(r"(?<=\d)(?=[A-Za-z])|(?<=[A-Za-z])(?=\d)")

_COOKIE = re.compile(r"\bcookies?\b", re.I)
_CONSENT_WORDS = re.compile(
    r"\b(?:we use|this (?:site|website)|our (?:site|website)|accept|consent|preferences|privacy|"
    r"policy|settings|agree|browsing|your experience)\b",
    re.I,
)
_CONSENT_BUTTON = re.compile(
    r"^\W*(?:(?:accept|reject|decline|allow|refuse|deny)(?: all)?(?: cookies)?|i agree|i accept|got it|"
    r"manage (?:cookies|preferences|settings|consent)|"
    r"(?:cookie|privacy) (?:settings|preferences|policy))\W*$",
    re.I,
)

_ADVERT = re.compile(
    r"^\W*(?:advertisement|advertising|advert|ads?|sponsored(?: content| links?| post)?|"
    r"paid (?:content|post|partnership)|promoted(?: content)?|"
    r"(?:story|article) continues (?:below|after)(?:\s+(?:the\s+|this\s+)?(?:ad|advert|advertisement))?|"
    r"continue reading (?:below|the main story)|scroll (?:down )?to continue(?: (?:with|reading) content)?)"
    r"\W*$",
    re.I,
)


def _words(line: str) -> list[str]:
    return line.split()


def is_cross_link(line: str) -> bool:
    return bool(_CROSS_LINK.match(line) or _ARROW_LINK.match(line))


def is_player_control(line: str) -> bool:
    return bool(_PLAYER.match(line) or _MEDIA_LABEL.match(line) or _TIMECODE.match(line))


def is_widget(line: str) -> bool:
    """A line made only of page-tool words and counts: "Share", "Font size", "Comments (7)", "A A A"."""
    if _LETTER_SIZES.match(line):
        return True
    tokens = [t for t in re.findall(r"[A-Za-z][A-Za-z-]*|\d+", line.lower()) if not t.isdigit()]
    return bool(tokens) and all(t in _WIDGET_WORDS for t in tokens) and any(t in _WIDGET_CORE for t in tokens)


def is_appeal(line: str) -> bool:
    if _REPORTING.search(line):
        return False
    return bool(_APPEAL_START.match(line) or (_APPEAL_TOPIC.search(line) and _READER.search(line)))


def is_social_follow(line: str) -> bool:
    return not _REPORTING.search(line) and bool(_SOCIAL.search(line))


def is_image_credit(line: str) -> bool:
    return bool(_CREDIT.search(line))


def is_tracking_token(line: str) -> bool:
    stripped = line.strip()
    if _BARE_URL.match(stripped) or _TRACKING.search(stripped) or _QUERY_STRING.match(stripped):
        return True
    # an id mixes letters and digits at random; a name with a year ("Kharkiv-2022") does not
    return bool(_TOKEN.match(stripped)) and len(_DIGIT_LETTER_SWITCH.findall(stripped)) >= 3


def is_consent_notice(line: str) -> bool:
    if _CONSENT_BUTTON.match(line):
        return True
    return not _REPORTING.search(line) and bool(_COOKIE.search(line) and _CONSENT_WORDS.search(line))


def is_staff_credit(line: str) -> bool:
    return bool(_STAFF_CREDIT.match(line))


def is_advertisement(line: str) -> bool:
    return bool(_ADVERT.match(line))


# A line that starts with one of these labels says what it is, so it is junk up to
# ``clean.max_labelled_words`` words: "SEE ALSO: <a long headline>", "Photo: <caption> / Credit: ...".
_CREDIT_LABEL = re.compile(
    r"^\W*(?:(?:photo|photograph|image|picture|illustration|graphic|footage|file photo)s?"
    r"(?:\s+(?:credit|by))?|credits?)\s*:",
    re.I,
)
# A caption that ends with its credit after a stop: "Crews clear the road. Photo: Harbor Daily staff".
_CREDIT_TAIL = re.compile(
    r"^.*[.!?]\s+(?:(?:photo|photograph|image|picture|illustration|graphic|footage|file photo)s?"
    r"(?:\s+(?:credit|by))?|credits?)\s*:\s*[^.!?:]{1,60}$",
    re.I,
)
_CROSS_LINK_LABEL = re.compile(_LINK_LABELS + r"[:|»›>→–—-]", re.I)
# "(Reporting by ...; Editing by ...)": the staff credit of a wire story, in brackets or with a ";".
# The metadata stage still reads the byline from it among the removed lines.
_STAFF_CREDIT = re.compile(
    r"^\W{0,2}\(\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b"
    r"|^\W{0,2}(?:additional\s+)?(?:reporting|writing|editing)\s+by\s+[^;.]+;",
    re.I,
)
LABELLED_KINDS: tuple[tuple[JunkKind, re.Pattern[str]], ...] = (
    ("cross-link", _CROSS_LINK_LABEL),
    ("player", _MEDIA_LABEL),
    ("image-credit", _CREDIT_LABEL),
    ("image-credit", _CREDIT_TAIL),
    ("staff-credit", _STAFF_CREDIT),
)

# The kinds that a short line is judged by on its own, in the order they are tried.
LINE_KINDS: tuple[tuple[JunkKind, Callable[[str], bool]], ...] = (
    ("cross-link", is_cross_link),
    ("player", is_player_control),
    ("widget", is_widget),
    ("appeal", is_appeal),
    ("social", is_social_follow),
    ("image-credit", is_image_credit),
    ("staff-credit", is_staff_credit),
    ("tracking", is_tracking_token),
    ("consent", is_consent_notice),
    ("advertisement", is_advertisement),
)


def normalize(line: str) -> str:
    return " ".join(line.split()).casefold().strip(" .:;,-–—")


@dataclass
class _Seen:
    """Earlier kept lines (normalized), to find repeats and a headline printed again."""

    title: str | None
    lines: list[str]

    def kind(self, line: str, short: bool, ratio: float) -> JunkKind | None:
        norm = normalize(line)
        if self.title and norm == self.title:
            return "headline"
        if norm in self.lines:
            return "repeat"
        if short and self.title and fuzz.ratio(norm, self.title) >= ratio:
            return "headline"
        if short and any(_near(norm, earlier, ratio) for earlier in self.lines):
            return "repeat"
        return None


def _near(a: str, b: str, ratio: float) -> bool:
    """Nearly the same line, with the same numbers ("Day 1: ..." and "Day 2: ..." are not repeats)."""
    return re.findall(r"\d+", a) == re.findall(r"\d+", b) and fuzz.ratio(a, b) >= ratio


def junk_kind(line: str, seen: _Seen, config: CleanConfig) -> JunkKind | None:
    """The kind of junk a (non-blank) line is, or None when it is kept."""
    n_words = len(_words(line))
    short = n_words <= config.max_junk_words
    kind = seen.kind(line, short, config.near_repeat_ratio)
    if kind is not None:
        return kind
    if short:
        return next((name for name, test in LINE_KINDS if test(line)), None)
    if n_words <= config.max_labelled_words:
        return next((name for name, label in LABELLED_KINDS if label.match(line)), None)
    return None


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# A photo caption's date: "... in Taipei May 22, 2009.", "... in this March 8, 2008 file photo."
_CAPTION_DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}},\s+\d{{4}}(?:\s+file\s+photo)?\s*\.?\s*$")
# Where a wire story's body starts: "GENEVA | Tue Jun 30, ...", "RABAT, June 12 (Wire) - ", "LIMA (Wire) - ".
_DATELINE_START = re.compile(r"^\s*[A-Z][A-Z.'’/\\ -]{1,40}?(?:\s*\||,\s|\s*\()")


def is_opening_caption(line: str, next_line: str, config: CleanConfig) -> bool:
    """A photo caption printed above the story: the first line, ending with the photo's full date,
    just before the dateline that opens the body. A sentence of the body that ends with a date is
    never the first line before a dateline."""
    words = len(_words(line))
    return (
        words <= config.max_labelled_words
        and not _REPORTING.search(line)
        and bool(_CAPTION_DATE.search(line))
        and bool(_DATELINE_START.match(next_line))
    )


def find_junk(text: str, title: str | None, config: CleanConfig) -> list[tuple[int, int, JunkKind | None]]:
    """Each line of ``text`` as (start, end with its newline, junk kind or None); blank lines are None."""
    seen = _Seen(title=normalize(title) if title else None, lines=[])
    thread = thread_start(text) if config.comment_threads else None
    out: list[tuple[int, int, JunkKind | None]] = []
    for match in _LINE.finditer(text):
        line = match.group()
        if thread is not None and match.start() >= thread:
            out.append((match.start(), match.end(), "comments" if line.strip() else None))
            continue
        kind = junk_kind(line, seen, config) if line.strip() else None
        if kind is None and line.strip():
            seen.lines.append(normalize(line))
        out.append((match.start(), match.end(), kind))
    return _without_opening_caption(text, out, config)


def _without_opening_caption(
    text: str, lines: list[tuple[int, int, JunkKind | None]], config: CleanConfig
) -> list[tuple[int, int, JunkKind | None]]:
    """``lines`` with the first kept line marked as an image credit when it is an opening caption."""
    kept = [i for i, (a, b, kind) in enumerate(lines) if kind is None and text[a:b].strip()]
    if len(kept) < 2:
        return lines
    (a, b, _), (c, d, _) = lines[kept[0]], lines[kept[1]]
    if not is_opening_caption(text[a:b].strip(), text[c:d], config):
        return lines
    return [*lines[: kept[0]], (a, b, "image-credit"), *lines[kept[0] + 1 :]]


def kept_ranges(
    text: str, lines: list[tuple[int, int, JunkKind | None]], printed: str | None = None
) -> list[tuple[int, int]]:
    """The ranges to keep: non-junk lines, at most one blank line between paragraphs, none at the ends.

    ``printed`` is ``text`` before ``clean_glued`` put labels on lines of their own. Where junk
    is removed from inside a printed line, the pieces left either side are kept apart by a
    blank line (the last break cut out is kept): read as one paragraph, their span in the text
    as read would hold the removed label."""
    kept: list[tuple[int, int]] = []
    last_blank = True  # no blank lines at the start
    cut_inside = False  # junk removed from inside a printed line since the last kept text

    def unglued(start: int) -> bool:
        return printed is not None and start > 0 and printed[start - 1] == " "

    for start, end, kind in lines:
        blank = not text[start:end].strip()
        if kind is not None:
            cut_inside = cut_inside or (not last_blank and unglued(start))
            continue
        if not blank and not last_blank and (cut_inside or (kept and kept[-1][1] < start and unglued(start))):
            kept.append((start - 1, start))  # the last removed break, as a blank line
            last_blank = True
        cut_inside = False
        if not (blank and last_blank):
            kept.append((start, end))
            last_blank = blank
    while kept and not text[kept[-1][0] : kept[-1][1]].strip():
        kept.pop()
    if kept:  # the last line without its newline, like the text as read
        start, end = kept[-1]
        kept[-1] = (start, start + len(text[start:end].rstrip()))
    ranges: list[tuple[int, int]] = []
    for start, end in kept:
        if ranges and ranges[-1][1] == start:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return ranges


def clean_document(doc: Document, config: CleanConfig) -> Document:
    """Remove junk lines from ``doc.text``; list them (stripped, in order) in ``boilerplate_removed``.

    First a headline or label glued to the sentence after it is put on a line of its own
    (``clean_glued``), so that a headline printed again is removed like one on its own line."""
    hint = doc.hint("title")
    title = hint.value if hint else None
    given = unglue(doc.text, title) if config.split_glued else doc.text
    lines = find_junk(given, title, config)
    removed = tuple(given[a:b].strip() for a, b, kind in lines if kind is not None)
    text, text_map = cut(given, doc.text_map, kept_ranges(given, lines, doc.text))
    return replace(doc, text=text, text_map=text_map, boilerplate_removed=doc.boilerplate_removed + removed)


def build(config: Config) -> Stage[Document]:
    settings = config.clean
    return Stage(
        name="clean",
        func=lambda doc: clean_document(doc, settings),
        requires=("read",),
        provides=("clean",),
    )
