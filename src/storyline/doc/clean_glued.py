"""Split a headline, kicker, caption or section label that runs into the sentence after it.

Research corpora and copied pages often print the page's furniture and the first sentence on one
line with no stop between them ("Oil spill reaches the coast The slick came ashore on Monday ...",
"WORLD NEWS Quake toll rises Rescuers said ..."), so the sentence splitter makes one sentence of
both. A split replaces the one space between them with a line break: the text keeps its length,
so every offset (and ``Document.text_map``) is unchanged, and ``doc.nlp.paragraphs`` makes a line
without a final stop a paragraph of its own.

A split needs evidence, tried in this order on the first ``TOP_LINES`` lines of the text:

1. the document's title opens the line and more words follow it;
2. a wire or page time stamp stands inside the line ("Harbor Mills | Tue Jun 30, 2031 1:58 pm EDT",
   "Sunday 26 April 2031 18.45 BST", "6 January 2031 Last updated at 01:53 GMT"): split before it,
   and after it unless a dateline follows;
3. an upper-case label opens the line and a capitalised phrase follows it ("WORLD NEWS Quake ...");
4. a sentence opener ("The", "A", "It", "In" ...) is capitalised after a word and followed by a
   lower-case word ("... reaches the coast The slick came ...");
5. a common word of the document is capitalised after a lower-case word and followed by a
   lower-case word, in the first line only ("... toll rises Rescuers said ..."): the word is
   written in lower case elsewhere in the document and never capitalised after a lower-case word.

A capitalised name after a word is never a split ("... met Barack Obama said ..." has no opener),
nor a word after a joining word ("Ministry of Health officials").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

TOP_LINES = 5  # the headline, kicker, caption and stamps stand in the first lines (as in doc.metadata)
MAX_HEAD_WORDS = 60  # a split lies within this many words of the line's start
MIN_HEAD_WORDS = 2  # the part before a split has at least this many words

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\S+")

# Words that open sentences and are capitalised mid-sentence only in names and titles.
OPENERS = frozenset(
    [
        "The",
        "A",
        "An",
        "It",
        "He",
        "She",
        "They",
        "We",
        "This",
        "These",
        "Those",
        "There",
        "Their",
        "His",
        "Her",
        "Its",
        "Our",
        "In",
        "On",
        "At",
        "After",
        "Before",
        "As",
        "For",
        "From",
        "When",
        "While",
        "Although",
        "Though",
        "Since",
        "If",
        "But",
        "And",
        "Yet",
        "Some",
        "Many",
        "More",
        "Most",
        "Several",
        "Thousands",
        "Hundreds",
        "Dozens",
        "Millions",
        "Tens",
        "Scores",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Up",
        "Nearly",
        "Almost",
        "About",
        "Only",
        "Just",
        "Already",
    ]
)
_NUMBER_OPENERS = frozenset(["Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"])
# A letter after these names a kind, not a sentence: "influenza A virus", "group A teams".
_LETTER_LABELS = frozenset(
    [
        "influenza",
        "flu",
        "vitamin",
        "type",
        "group",
        "class",
        "grade",
        "plan",
        "hepatitis",
        "category",
        "section",
        "part",
        "level",
        "division",
        "league",
        "exhibit",
        "route",
        "zone",
        "block",
        "gate",
        "terminal",
        "wing",
        "ward",
        "building",
        "appendix",
        "schedule",
        "annex",
        "tier",
        "phase",
        "size",
        "model",
        "series",
        "strain",
        "subtype",
    ]
)
# Words that join a name's parts: a capital after them is inside the name ("Department of Health").
_JOINERS = frozenset(
    [
        "of",
        "the",
        "a",
        "an",
        "and",
        "or",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "de",
        "du",
        "des",
        "la",
        "le",
        "el",
        "al",
        "bin",
        "ibn",
        "von",
        "van",
        "der",
        "y",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "prof",
    ]
)
# A name may follow these with no stop: "said Gulf residents ...", "told Senate staff ..." (rule 5).
_BEFORE_NAMES = frozenset(
    ["said", "says", "told", "warned", "added", "reported", "asked", "urged", "visited", "met", "named", "called"]
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_ZONE = r"(?:[A-Z]{2,4})"
_PLACE = rf"[A-Z][A-Z.'’/\\-]+(?: [A-Z][A-Z.'’/\\-]+)*(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?|, {_MONTH} \d{{1,2}})?"
# A wire page's stamp, "HARBOR MILLS, Ardenia | Tue Jun 30, 2031 1:58 pm EDT": split before it only, as
# the dateline after it opens the report ("... EDT HARBOR MILLS (Wire) - ...", ``doc.dateline``).
_WIRE_STAMP = re.compile(
    rf"(?:(?:{_PLACE}|{_MONTH} \d{{1,2}}) \| )?{_WEEKDAY} {_MONTH} \d{{1,2}}, ?\d{{4}} \d{{1,2}}:\d\d ?[ap]m {_ZONE}\b"
)
# A page's stamp, "Sunday 26 April 2031 18.45 BST", "6 January 2031 Last updated at 01:53 GMT Help":
# a line of its own.
_PAGE_STAMP = re.compile(
    rf"{_WEEKDAY},? \d{{1,2}} {_MONTH} \d{{4}},? \d{{1,2}}[.:]\d\d(?: ?[ap]m)? {_ZONE}\b"
    rf"|\d{{1,2}} {_MONTH} \d{{4}},? (?:Last updated|Updated) at \d{{1,2}}:\d\d {_ZONE}\b(?: Help\b)?"
)
# Two or more upper-case words, or one before a sentence opener: "WORLD NEWS Quake ...", "AP The ...";
# not "BBC News online ...".
_OPENER_WORDS = "|".join(sorted(OPENERS))
_CAPS_LABEL = re.compile(
    rf"^(?:(?:[A-Z]{{2,}}[&'’]?[A-Z]* ){{2,4}}(?=[A-Z][a-z]+ [a-z])|[A-Z]{{2,}} (?=(?:{_OPENER_WORDS}) [a-z]))"
)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _bare(token: str) -> str:
    return token.strip("\"“”‘’'()[],.;:!?")


def _ends_open(token: str) -> bool:
    """A token a sentence could go on after: it ends with a letter, a digit or a closing quote/bracket
    (not after a stop: '... is “ongoing.”')."""
    return bool(re.search(r"[\w”’\")]$", token)) and not re.search(r"[.!?:;][\"”’)\]]+$", token)


def _is_lower_word(token: str) -> bool:
    return bool(re.match(r"[a-z]", token))


def _doc_words(text: str) -> tuple[set[str], Counter[str]]:
    """The words written in lower case in ``text``, and how often each is capitalised after a
    lower-case word."""
    lower: set[str] = set()
    capital_inside: Counter[str] = Counter()
    previous = ""
    for m in _WORD.finditer(text):
        token = m.group()
        word = _bare(token)
        if word[:1].islower():
            lower.add(word)
        elif word[:1].isupper() and _is_lower_word(previous) and _ends_open(previous):
            capital_inside[word.casefold()] += 1
        previous = token
    return lower, capital_inside


class _Words:
    """The document's own evidence of which capitalised words are common words."""

    def __init__(self, text: str) -> None:
        self.lower, self.capital_inside = _doc_words(text)

    def common(self, word: str) -> bool:
        """Written in lower case elsewhere, and capitalised after a lower-case word only here."""
        folded = word.casefold()
        return folded in self.lower and self.capital_inside[folded] <= 1


def _in_title_case(tokens: list[re.Match[str]], i: int) -> bool:
    """A capitalised word, the opener, a small word and a capitalised word: a title-case name."""
    if i + 2 >= len(tokens) or not _bare(tokens[i - 1].group())[:1].isupper():
        return False
    small, then = tokens[i + 1].group(), tokens[i + 2].group()
    return small in _JOINERS and then[:1].isupper()


def _opener_split(tokens: list[re.Match[str]], i: int, words: _Words, first_line: bool) -> bool:
    """Whether a sentence starts at ``tokens[i]`` (rules 4 and 5)."""
    if i < MIN_HEAD_WORDS or i + 1 >= len(tokens):
        return False
    before, word, after = tokens[i - 1].group(), tokens[i].group(), tokens[i + 1].group()
    if not _ends_open(before) or _bare(before).casefold() in _JOINERS or not _is_lower_word(after):
        return False
    if word in OPENERS:
        if word in _NUMBER_OPENERS and not _is_lower_word(before):
            return False  # a number in a name: "BBC Two", "Channel Four"
        if _in_title_case(tokens, i):
            return False  # "Tales From the Crypt", "Showing Up for Racial Justice"
        return not (word == "A" and _bare(before).casefold() in _LETTER_LABELS)
    return (
        first_line
        and re.fullmatch(r"[A-Z][a-z]+", word) is not None
        and _is_lower_word(before)
        and _bare(before) not in _BEFORE_NAMES
        and i >= MIN_HEAD_WORDS + 1
        and words.common(word)
    )


def _title_split(line: str, start: int, title: str | None) -> int | None:
    """The space after the title when the line opens with it and goes on (rule 1)."""
    if not title:
        return None
    norm = _norm(title)
    n_words = len(norm.split())
    tokens = list(_WORD.finditer(line))
    if len(tokens) <= n_words or _norm(" ".join(t.group() for t in tokens[:n_words])) != norm:
        return None
    space = tokens[n_words - 1].end()
    return start + space if line[space] == " " and tokens[n_words].start() == space + 1 else None


def _stamp_splits(line: str, start: int) -> Iterator[int]:
    """The spaces before a wire stamp, and before and after a page stamp, inside the line (rule 2)."""
    stamps = [(m, False) for m in _WIRE_STAMP.finditer(line)] + [(m, True) for m in _PAGE_STAMP.finditer(line)]
    for m, own_line in stamps:
        # not inside a longer stamp: "Page last updated at 08:58 GMT, Thursday, 24 June 2031 09:58 UK"
        if m.start() > 1 and line[m.start() - 1] == " " and line[m.start() - 2] not in "|-–—,":
            yield start + m.start() - 1
        if own_line and line[m.end() : m.end() + 1] == " " and line[m.end() :].strip():
            yield start + m.end()


def line_splits(line: str, start: int, title: str | None, words: _Words, first_line: bool) -> list[int]:
    """The offsets (``start`` + index in ``line``) of the spaces to break in one line."""
    found: set[int] = set()
    title_at = _title_split(line, start, title)
    if title_at is not None:
        found.add(title_at)
    found.update(_stamp_splits(line, start))
    label = _CAPS_LABEL.match(line)
    if label is not None and len(label.group().split()) < len(line.split()):
        found.add(start + label.end() - 1)
    tokens = list(_WORD.finditer(line))[: MAX_HEAD_WORDS + 1]
    for i in range(1, len(tokens) - 1):
        if line[tokens[i].start() - 1] == " " and _opener_split(tokens, i, words, first_line):
            found.add(start + tokens[i].start() - 1)
    return sorted(found)


def glued_splits(text: str, title: str | None = None) -> list[int]:
    """The offsets of the spaces in ``text`` that stand between a glued headline or label and the
    sentence after it; each is a single space, replaced by a line break."""
    words = _Words(text)
    out: list[int] = []
    for n, m in enumerate(_LINE.finditer(text)):
        if n >= TOP_LINES:
            break
        if m.group().strip():
            out.extend(line_splits(m.group(), m.start(), title, words, first_line=n == 0))
    return out


def unglue(text: str, title: str | None = None) -> str:
    """``text`` with each glued headline or label on a line of its own; same length, same offsets."""
    chars = list(text)
    for at in glued_splits(text, title):
        chars[at] = "\n"
    return "".join(chars)
