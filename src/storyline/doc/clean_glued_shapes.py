"""The word shapes and evidence that the glued-text splits (``clean_glued``, ``clean_glued_body``) share:
sentence openers, joining words, wire and page time stamps, and the document's own evidence of which
capitalised words are common words.
"""

from __future__ import annotations

import re
from collections import Counter

MIN_HEAD_WORDS = 2  # the part before a split has at least this many words
WORD = re.compile(r"\S+")

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
NUMBER_OPENERS = frozenset(["Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"])
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
JOINERS = frozenset(
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
BEFORE_NAMES = frozenset(
    ["said", "says", "told", "warned", "added", "reported", "asked", "urged", "visited", "met", "named", "called"]
)
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_ZONE = r"(?:[A-Z]{2,4})"
_PLACE = rf"[A-Z][A-Z.'’/\\-]+(?: [A-Z][A-Z.'’/\\-]+)*(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?|, {MONTH} \d{{1,2}})?"
# A wire page's stamp, "HARBOR MILLS, Ardenia | Tue Jun 30, 2031 1:58 pm EDT": split before it only, as
# the dateline after it opens the report ("... EDT HARBOR MILLS (Wire) - ...", ``doc.dateline``).
WIRE_STAMP = re.compile(
    rf"(?:(?:{_PLACE}|{MONTH} \d{{1,2}}) \| )?{WEEKDAY} {MONTH} \d{{1,2}}, ?\d{{4}} \d{{1,2}}:\d\d ?[ap]m {_ZONE}\b"
)
# A page's stamp, "Sunday 26 April 2031 18.45 BST", "6 January 2031 Last updated at 01:53 GMT Help":
# a line of its own.
PAGE_STAMP = re.compile(
    rf"{WEEKDAY},? \d{{1,2}} {MONTH} \d{{4}},? \d{{1,2}}[.:]\d\d(?: ?[ap]m)? {_ZONE}\b"
    rf"|\d{{1,2}} {MONTH} \d{{4}},? (?:Last updated|Updated) at \d{{1,2}}:\d\d {_ZONE}\b(?: Help\b)?"
)


def bare(token: str) -> str:
    return token.strip("\"“”‘’'()[],.;:!?")


def ends_open(token: str) -> bool:
    """A token a sentence could go on after: it ends with a letter, a digit or a closing quote/bracket
    (not after a stop: '... is “ongoing.”')."""
    return bool(re.search(r"[\w”’\")]$", token)) and not re.search(r"[.!?:;][\"”’)\]]+$", token)


def is_lower_word(token: str) -> bool:
    return bool(re.match(r"[a-z]", token))


def _doc_words(text: str) -> tuple[set[str], Counter[str]]:
    """The words written in lower case in ``text``, and how often each is capitalised after a
    lower-case word."""
    lower: set[str] = set()
    capital_inside: Counter[str] = Counter()
    previous = ""
    for m in WORD.finditer(text):
        token = m.group()
        word = bare(token)
        if word[:1].islower():
            lower.add(word)
        elif word[:1].isupper() and is_lower_word(previous) and ends_open(previous):
            capital_inside[word.casefold()] += 1
        previous = token
    return lower, capital_inside


class Words:
    """The document's own evidence of which capitalised words are common words."""

    def __init__(self, text: str) -> None:
        self.lower, self.capital_inside = _doc_words(text)

    def common(self, word: str) -> bool:
        """Written in lower case elsewhere, and capitalised after a lower-case word only here."""
        folded = word.casefold()
        return folded in self.lower and self.capital_inside[folded] <= 1


def _in_title_case(tokens: list[re.Match[str]], i: int) -> bool:
    """A capitalised word, the opener, a small word and a capitalised word: a title-case name."""
    if i + 2 >= len(tokens) or not bare(tokens[i - 1].group())[:1].isupper():
        return False
    small, then = tokens[i + 1].group(), tokens[i + 2].group()
    return small in JOINERS and then[:1].isupper()


def opener_split(tokens: list[re.Match[str]], i: int, words: Words, first_line: bool) -> bool:
    """Whether a sentence starts at ``tokens[i]`` (rules 4 and 5)."""
    if i < MIN_HEAD_WORDS or i + 1 >= len(tokens):
        return False
    before, word, after = tokens[i - 1].group(), tokens[i].group(), tokens[i + 1].group()
    if not ends_open(before) or bare(before).casefold() in JOINERS or not is_lower_word(after):
        return False
    if word in OPENERS:
        if word in NUMBER_OPENERS and not is_lower_word(before):
            return False  # a number in a name: "BBC Two", "Channel Four"
        if _in_title_case(tokens, i):
            return False  # "Tales From the Crypt", "Showing Up for Racial Justice"
        return not (word == "A" and bare(before).casefold() in _LETTER_LABELS)
    return (
        first_line
        and re.fullmatch(r"[A-Z][a-z]+", word) is not None
        and is_lower_word(before)
        and bare(before) not in BEFORE_NAMES
        and i >= MIN_HEAD_WORDS + 1
        and words.common(word)
    )
