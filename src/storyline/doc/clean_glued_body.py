"""Split a page's highlights from the body after them, and a related-story link's title from the sentence
it runs into (rules 6 and 7 of ``clean_glued``, which calls them; a split is a space made a line break).

6. An agency dateline after text on its line, "... on Monday Harbor Mills, Ardenia (Wire) -- The ...",
   in the first lines: the body starts at its place. The lines of highlights before it, printed without
   stops, are split before each bullet ("* Talks go on * ...") or, without bullets, where a lower-case
   word meets a quoted statement or a capitalised word the document writes after a lower-case word
   nowhere else ("... arming the crews Ferry owners ...").
7. Anywhere in the text, on a line that ends as a sentence does, "The", "A" or "An" capitalised after a
   lower-case word and before a lower-case word: a link title glued before a sentence ("... Dam talks
   stall in Tarsa The ferry owners say ... .").
"""

from __future__ import annotations

import re

from storyline.doc.clean_glued_shapes import (
    BEFORE_NAMES,
    JOINERS,
    MIN_HEAD_WORDS,
    MONTH,
    NUMBER_OPENERS,
    PAGE_STAMP,
    WEEKDAY,
    WIRE_STAMP,
    WORD,
    Words,
    bare,
    ends_open,
    is_lower_word,
    opener_split,
)

# Rule 6: "(Wire) --", "(AP) -" after the line's text; the place before it is up to five upper-case
# words or one or two capitalised ones, then a place after a comma and a day ("Harbor Mills, Ardenia",
# "NEW YORK", "TARSA, Ardenia, March 3"), the first of them never a day or month; or a day alone.
_AGENCY_MARK = re.compile(r"(?<= )\([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?\) ?(?:--?|–|—)(?=\s|$)")
_PLACE_WORD = r"[A-Z][a-z][\w.'’/\\-]*"
_CAPS_WORD = r"[A-Z][A-Z.'’/\\-]+"
_DATELINE_PLACE = re.compile(
    rf"(?:(?P<first>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,4}}|{_PLACE_WORD}(?: {_PLACE_WORD})?)"
    rf"(?:, {_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}})?(?:,? {MONTH} \d{{1,2}})?|{MONTH} \d{{1,2}}),? $"
)
_BULLET = re.compile(r"(?<=\S) (?=\* \S)")  # the space before a highlight's bullet: "... go on * Ferry ..."
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d$")  # a stamp's time before zone words: "10:57 AM BST LONDON (Wire)"
_CALENDAR = re.compile(rf"\b(?:{MONTH}|{WEEKDAY})\b")
# Words a highlight does not end on: the next word is their object ("off Tarsa", "their Harbor allies").
_TAKES_OBJECT = frozenset(
    [
        *(number.casefold() for number in NUMBER_OPENERS),
        "about",
        "above",
        "across",
        "against",
        "along",
        "among",
        "around",
        "as",
        "before",
        "behind",
        "below",
        "between",
        "beyond",
        "during",
        "into",
        "near",
        "off",
        "onto",
        "over",
        "past",
        "than",
        "through",
        "toward",
        "towards",
        "under",
        "until",
        "upon",
        "via",
        "within",
        "without",
        "including",
        "after",
        "his",
        "her",
        "its",
        "our",
        "their",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "each",
        "every",
        "no",
        "all",
        "both",
        "several",
        "many",
        "if",
        "when",
        "while",
        "because",
        "whether",
        "tells",
        "asks",
        "urges",
        "meets",
        "visits",
        "accuses",
        "blames",
        "thanks",
        "is",
        "are",
        "was",
        "were",
        "be",
    ]
)
_QUOTED_CLAUSE = re.compile(r"[“\"][^”\"]{3,}?[,.!?][”\"]")  # “We will stay,” -- a statement, not a title
_LINK_OPENERS = frozenset(["The", "A", "An"])  # rule 7
# Words after which a capitalised The/A/An opens a title written in sentence case, not a sentence: "the novel A
# tale of two harbours", "a song called The long road home".
_TITLE_BEFORE = frozenset(
    ["called", "titled", "entitled", "named", "dubbed", "novel", "book", "film", "movie", "song", "album", "play",
     "show", "series", "documentary", "poem", "painting", "opera", "musical"]
)  # fmt: skip
_STOPPED = re.compile(r"[.!?][\"”’)\]]*\s*$")  # a line that ends a sentence


def _place_start(head: str) -> int:
    """Where the dateline's place starts in ``head`` (the line up to the agency): the longest place
    after a word that is not a joining word; ``len(head)`` when there is none, -1 after a clock time."""
    for i in range(max(0, len(head) - 80), len(head)):  # a place is far shorter
        place = _DATELINE_PLACE.fullmatch(head, i) if i == 0 or head[i - 1] == " " else None
        if place is None or (place["first"] and _CALENDAR.search(place["first"])):
            continue
        before = bare((head[:i].split() or [""])[-1])
        if _CLOCK.search(before):
            return -1
        if before.casefold() not in JOINERS | _TAKES_OBJECT:
            return i
    return len(head)


def dateline_split(line: str) -> int | None:
    """The index of the space before an agency dateline that follows text on ``line`` (rule 6): before
    its place, or before the agency when no place is written; none after a stamp (rule 2 splits there)."""
    stamp_ends = [m.end() for pattern in (WIRE_STAMP, PAGE_STAMP) for m in pattern.finditer(line)]
    for mark in _AGENCY_MARK.finditer(line):
        at = _place_start(line[: mark.start()]) - 1
        after_stamp = any(end <= mark.start() for end in stamp_ends)
        if at > 0 and len(line[:at].split()) >= MIN_HEAD_WORDS and not after_stamp:
            return at
    return None


def _new_highlight(text: str, tokens: list[re.Match[str]], i: int, words: Words) -> bool:
    """Whether a highlight starts at ``tokens[i]``: after a lower-case word that is not a joining word, a
    verb of saying or a word before its object, and outside quotes: a quoted statement ("“We stay,” ..."),
    or a capitalised word written after a lower-case word only here."""
    before, word = bare(tokens[i - 1].group()), tokens[i].group()
    if not (is_lower_word(before) and ends_open(tokens[i - 1].group())):
        return False
    if before.casefold() in JOINERS | _TAKES_OBJECT or before in BEFORE_NAMES:
        return False
    if text[: tokens[i].start()].count("“") > text[: tokens[i].start()].count("”"):
        return False  # inside a quotation
    if word[0] in '“"':
        return _QUOTED_CLAUSE.match(text, tokens[i].start()) is not None
    return word[0].isupper() and words.capital_inside[bare(word).casefold()] <= 1


def highlight_splits(lines: list[re.Match[str]], end: int, words: Words) -> list[int]:
    """Splits between the highlights that stand before a dateline (rule 6): in ``lines`` (the dateline's
    line last, up to the dateline's place at ``end``), back to a line that ends with a stop. Highlights
    marked with bullets ("* Talks go on * Ferry owners ...") are split before each bullet only."""
    block: list[tuple[int, str]] = []
    for n, m in enumerate(reversed(lines)):
        if n > 0 and _STOPPED.search(m.group()):
            break
        block.append((m.start(), m.group()[: end - m.start()] if n == 0 else m.group()))
    bulleted = any(_BULLET.search(text) for _, text in block)
    out: list[int] = []
    for start, text in block:
        if bulleted:
            out.extend(start + b.start() for b in _BULLET.finditer(text) if b.start() > 0)
            continue
        tokens = list(WORD.finditer(text))
        for i in range(MIN_HEAD_WORDS, len(tokens)):
            if text[tokens[i].start() - 1] == " " and _new_highlight(text, tokens, i, words):
                out.append(start + tokens[i].start() - 1)
    return out


def link_title_splits(line: str, start: int, words: Words) -> list[int]:
    """The spaces before "The", "A" or "An" that open a sentence after a glued link title (rule 7), on a
    line that ends as a sentence does (a page's promotion lines run on without stops); not after a word
    that introduces a title ("the novel A tale of ...", ``_TITLE_BEFORE``)."""
    if not _STOPPED.search(line):
        return []
    tokens = list(WORD.finditer(line))
    return [
        start + tokens[i].start() - 1
        for i in range(1, len(tokens) - 1)
        if tokens[i].group() in _LINK_OPENERS
        and is_lower_word(tokens[i - 1].group())
        and bare(tokens[i + 1].group()) not in JOINERS  # "selected A and B sides"
        and bare(tokens[i - 1].group()).casefold() not in _TITLE_BEFORE  # "the novel A tale of ..."
        and line[tokens[i].start() - 1] == " "
        and opener_split(tokens, i, words, first_line=False)
    ]
