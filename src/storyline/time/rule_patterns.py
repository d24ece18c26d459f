"""A tagger rule's pattern, compiled to search fast: ``RulePattern.find`` returns what ``finditer`` finds.

Two things cost a rule's search most, and neither changes what it finds:

- Unicode's case rules. On ASCII text (``ascii_safe``) the pattern compiled with ``re.ASCII`` matches the
  same, and compares its case-blind letters without Unicode's tables.
- The positions where no match starts. The engine tries a pattern that opens with a look-behind, as those
  written with ``context.starting_with`` do, or with ``\b``, at every position of the text (about 260
  instructions each, counted by callgrind). Its twin, which reads the character before a match (not an ASCII
  letter, as the look-behind asks; not a word character, as ``\b`` before a word character asks) instead of
  looking at it, opens with a character class, which the engine skips ahead to; each match the twin finds
  is then taken from the pattern itself, one character on, so that a handler sees the pattern's own offsets
  and groups. Which characters a ``\b`` pattern's match can start with is read from the parsed pattern
  (``re._parser``); a pattern this cannot read keeps the plain search.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

# How ``context.starting_with`` opens a pattern: no ASCII letter before the match, then its first letters.
STARTING_WITH = "(?<![A-Za-z])(?=["
_NOT_A_LETTER = "[^A-Za-z]"
# On ASCII text ``re.ASCII`` changes only ``\s``: Unicode also counts these four separators as white space.
# (No rule writes a letter that Unicode's case rules match to an ASCII one, "ſ", "ı", "İ" or the Kelvin sign,
# but among the first letters of ``starting_with``, which take no case: ``tests/time/test_time_rule_patterns.py``.)
_UNICODE_ONLY_SPACE = re.compile("[\x1c-\x1f]")


def ascii_safe(text: str) -> bool:
    """True when a rule's ``re.ASCII`` pattern finds in ``text`` what its Unicode pattern finds."""
    return text.isascii() and (text.isprintable() or _UNICODE_ONLY_SPACE.search(text) is None)


# A pattern that opens with ``\b`` before a word character: its twin reads a character that is not one.
_BOUNDARY = r"\b"
_NOT_A_WORD_CHARACTER = r"\W"


def _opens_with_word_character(items: Any) -> bool | None:
    r"""True when every match of the parsed ``items`` starts with a word character (``\w``), False when one may
    not (or the parse holds what this does not read), None when the items may match nothing at all."""
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # reads no character
        if op is sre.LITERAL:
            return _word_character(av)
        if op is sre.IN:
            return all(_word_character_set(kind, value) for kind, value in av)
        if op is sre.SUBPATTERN:
            found = _opens_with_word_character(av[3])
        elif op is sre.BRANCH:
            each = [_opens_with_word_character(alternative) for alternative in av[1]]
            found = False if False in each else None if None in each else True
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            found = _opens_with_word_character(av[2])
            found = None if found is not False and av[0] == 0 else found  # it may repeat no time
        else:
            return False
        if found is not None:
            return found
    return None


def _word_character(code: int) -> bool:
    return chr(code).isalnum() or chr(code) == "_"


def _word_character_set(kind: Any, value: Any) -> bool:
    """An item of a parsed character class that holds only word characters."""
    if kind is sre.LITERAL:
        return _word_character(value)
    if kind is sre.RANGE:
        return all(map(_word_character, range(value[0], value[1] + 1)))
    return kind is sre.CATEGORY and value in (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD)


def _scanning_twin(source: str) -> str | None:
    """The twin of a pattern that reads the character before a match instead of looking at it, or None."""
    if source.startswith(STARTING_WITH):
        return _NOT_A_LETTER + source.removeprefix("(?<![A-Za-z])")
    if source.startswith(_BOUNDARY):
        rest = source.removeprefix(_BOUNDARY)
        if _opens_with_word_character(_parser.parse(rest).data):
            return _NOT_A_WORD_CHARACTER + rest  # a boundary before a word character: no word character before
    return None


class RulePattern:
    """A rule's pattern, with its ``re.ASCII`` twin and, when ``_scanning_twin`` finds them, the twins that scan."""

    __slots__ = ("_ascii", "_scan", "_scan_ascii", "pattern")

    def __init__(self, source: str) -> None:
        self.pattern = re.compile(source)
        self._ascii = re.compile(source, re.ASCII)
        self._scan: re.Pattern[str] | None = None
        self._scan_ascii: re.Pattern[str] | None = None
        scan = _scanning_twin(source)
        if scan is not None:
            self._scan, self._scan_ascii = re.compile(scan), re.compile(scan, re.ASCII)

    def find(self, text: str, ascii_text: bool) -> list[re.Match[str]]:
        """The matches ``self.pattern.finditer(text)`` gives; ``ascii_text`` is ``ascii_safe(text)``."""
        pattern, scan = (self._ascii, self._scan_ascii) if ascii_text else (self.pattern, self._scan)
        if scan is None:
            return list(pattern.finditer(text))
        found: list[re.Match[str]] = []
        first = pattern.match(text)  # no character stands before a match at the start
        if first is not None:
            found.append(first)
        # the next match starts at or after the last one's end (a position further on if it was empty), so the
        # character the twin reads before it stands at or after the last end less one
        at = 0 if first is None else max(first.end() - 1, first.start())
        search, match = scan.search, pattern.match
        while (before := search(text, at)) is not None:
            m = match(text, before.start() + 1)
            if m is None:  # cannot be: the twin matched there
                raise AssertionError(f"{pattern.pattern!r} failed where its scanning twin matched in {text!r}")
            found.append(m)
            at = max(m.end() - 1, m.start())
        return found
