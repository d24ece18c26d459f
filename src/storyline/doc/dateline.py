"""Where a dateline opening a sentence ends: the place, date and agency a wire story starts with.

"KYIV (Reuters) - ", "KHARKIV, Sept 12 (Eastern Ledger) — ", "WASHINGTON, May 3 (AP) — ", "TOKYO May 21
(Wire) - ", "IZIUM — ": an upper-case place, an optional short date or place after a comma, an optional
agency in parentheses, then a dash; or a place or date in any case with an agency ("New York (AFP) – ").
A wire page may print its place and time stamp first, after the byline ("By Ann Roe, Health Editor
GENEVA | Tue Jun 30, 2031 1:58 pm EDT GENEVA (Wire) - "); a line of only these is a dateline to its end.
The corpus stages strip it from the lines they show (``strip_dateline``) and the attribution stage takes
it off a source (``doc.attribution_source_moves``). A document's own dateline, with its agency and date,
is read once by ``doc.metadata``.
"""

from __future__ import annotations

import re

_WIRE_STAMP = (
    r"(?:(?:By\s+[A-Z][^|\n]{1,80}?\s+)?(?:[A-Z][\w .,'’/\\-]{0,40}?\s*)?\|\s*)?(?:[A-Z][a-z]{2}\s+)?"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4}\s+\d{1,2}:\d{2}\s*[ap]m\s+[A-Z]{2,4}\s+"
)
# A place or date in any case (up to four capitalised words or numbers) is a dateline only with an
# agency after it: "New York (AFP) –", "Dec 29 (Reuters) -"; the agency is letters and spaces only,
# never a party's "(I-Vt.)".
_MIXED_CASE = r"[A-Z][\w.'’-]*(?:,?\s(?:[A-Z][\w.'’-]*|\d{1,4})){0,3}\s*\([A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)*\)"
DATELINE = re.compile(
    rf"^(?:{_WIRE_STAMP})?(?:[A-Z][A-Z .'’/\\-]{{1,40}}(?:,\s*[^()\n]{{1,30}}?|\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?"
    rf"\s*(?:\([^()\n]{{1,40}}\))?|{_MIXED_CASE})\s*[-–—]+(?:\s+(?=\S)|\s*$)"
)


def strip_dateline(text: str) -> str:
    """``text`` without a leading dateline such as "KYIV (Agency) - " (and its white space)."""
    return DATELINE.sub("", text.strip(), count=1)


def dateline_length(text: str) -> int:
    """How many characters of ``text`` a dateline opening it takes, the space after it included; 0
    when it opens with none."""
    if "-" not in text and "–" not in text and "—" not in text:
        return 0  # every dateline ends with a dash: most sentences are ruled out without the pattern
    m = DATELINE.match(text)
    return m.end() if m else 0
