"""The shared vocabulary of saying and of the outlet's hedges ("could not independently verify"), and
the patterns built from it that attribution, narrative dating and event finding use.

One vocabulary, three patterns of different reach: ``OUTLET_HEDGE`` (attribution: every hedge and
what it is about), ``UNVERIFIED`` (events: a sentence that only says a claim is unchecked) and
``REPORTING_TIME`` (narrative dating: what the reporters could not do as they wrote, which includes
"did not immediately comment").
"""

from __future__ import annotations

import re

# Verbs that only report or judge; a sentence needs some other verb to report a happening.
SPEECH_VERBS = frozenset(
    {"say", "tell", "add", "note", "think", "believe", "feel", "hope", "want", "seem", "know", "mean"}
)

# Stems of checking a claim, most common first: "verif(y)", "confirm(ed)", ... ("could not determine
# from the images which side held the bank" is a hedge, as "could not establish" is)
CHECK_STEMS = ("verif", "confirm", "corroborat", "authenticat", "establish", "determin")
# What the reporters could not get as they wrote: "did not immediately [comment]".
NO_RESPONSE_STEMS = ("determine", "comment", "respond", "reply", "return")
# Words of the reporters' own checks, for a cheap test before the long patterns.
CHECK_WORDS = ("verif", "confirm", "geolocat", "reviewed", r"analy[sz]ed", "examined", "obtained", "authenticat")

COULD_NOT = r"could\s+not|couldn['’]t"
BE = r"(?:be\s+)?"
INDEPENDENTLY = r"(?:independently\s+)?"
IMMEDIATELY = r"(?:immediately\s+)?"


def _alternatives(words: tuple[str, ...], suffix: str = "") -> str:
    return "|".join(word + suffix for word in words)


VERIFY = _alternatives(CHECK_STEMS[:2])  # "verif|confirm"
_CHECK_STEMS_ANY_ENDING = _alternatives(CHECK_STEMS, r"\w*")  # "verif\w*|confirm\w*|..."

OUTLET_HEDGE = re.compile(
    rf"\b(?:{COULD_NOT}|cannot|can['’]t|can\s+not|(?:was|were|is|are|has|have)\s+(?:not|n['’]t)\s+"
    r"(?:been\s+)?able\s+to|(?:was|were|is|are)\s+unable\s+to|unable\s+to|(?:has|have|had)\s+not(?:\s+yet)?"
    r"(?:\s+been)?|(?:was|is|were|are)\s+not\s+(?:yet\s+)?(?:immediately\s+)?possible\s+to|impossible\s+to)"
    rf"\s+{BE}{IMMEDIATELY}{INDEPENDENTLY}"
    rf"(?P<verb>{_CHECK_STEMS_ANY_ENDING})"
    r"|\b(?:not\s+(?:been\s+)?independently\s+(?:verified|confirmed))|\bunverified\b"
    r"|\bno\s+(?:independent\s+)?(?:verification|confirmation)(?P<of>\s+of\b)?",
    re.I,
)
# A check denied by its subject: "Neither side's account could be independently confirmed", "None of
# the figures has been verified" (a hedge about the subject; "No deaths were confirmed" is a count).
NEGATED_CHECK = re.compile(
    r"\b(?:neither|none\s+of)\b[^,;.]{0,80}?\s(?P<hedge>(?:could|can|has|have|had|was|were|is|are)\s+"
    rf"(?:be\s+|been\s+)?{IMMEDIATELY}{INDEPENDENTLY}(?:verified|confirmed|corroborated))\b",
    re.I,
)
# A hedge in the passive ("could not be verified") is about what comes before it, not after.
PASSIVE_HEDGE = re.compile(rf"\b(?:be|been)\s+{IMMEDIATELY}{INDEPENDENTLY}\w+$", re.I)


# Words every hedge or check contains: a cheap test that skips the long patterns on most sentences.
# Each starts with a character class of its words' first letters (either case, and the letters (?i)
# folds to them), so that the search skips ahead fast; the matches are the same.
def _first_letters(words: tuple[str, ...]) -> str:
    return "(?=[" + "".join(sorted({c for w in words for c in (w[0].lower(), w[0].upper())})) + "ſıİK])"


HEDGE_HINT = re.compile(_first_letters(CHECK_STEMS) + f"(?:{_alternatives(CHECK_STEMS)})", re.I)
CHECK_HINT = re.compile(_first_letters(CHECK_WORDS) + f"(?:{_alternatives(CHECK_WORDS)})", re.I)
# CHECK_WORDS as plain lowercase strings, for ``may_hold``.
CHECK_LITERALS = (
    "verif",
    "confirm",
    "geolocat",
    "reviewed",
    "analysed",
    "analyzed",
    "examined",
    "obtained",
    "authenticat",
)


# The only characters re.I matches to ASCII letters, and the only ones whose lowercase holds one:
# "İ" and "ı" (i), "ſ" (s), the Kelvin sign (k).
_FOLDED_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def may_hold(text: str, literals: tuple[str, ...], pattern: re.Pattern[str]) -> bool:
    """False only where ``pattern`` (under re.I) cannot match because ``text`` holds none of ``literals``
    (plain lowercase letters), every match of the pattern containing one of them in some case. The
    text is lowercased and tested with ``in``, many times faster than the search; a text with one of
    the letters that re.I folds to ASCII ones is searched with the pattern instead."""
    last = _LAST_LOWERED[0]
    if last[0] is text:  # the same sentence's earlier test
        low = last[1]
    else:
        low = None if not text.isascii() and any(c in text for c in _FOLDED_TO_ASCII) else text.lower()
        _LAST_LOWERED[0] = (text, low)  # one tuple, replaced whole: safe to read from threads
    if low is None:
        return pattern.search(text) is not None
    return any(map(low.__contains__, literals))  # ``word in low`` for each, without a generator's frames


# The last text ``may_hold`` read and its lowercase (None where the pattern must be searched): the
# rules test one sentence several times in a row.
_LAST_LOWERED: list[tuple[str, str | None]] = [("", "")]


# "The claim could not be verified": a sentence that only says a claim is unchecked.
UNVERIFIED = re.compile(
    rf"\b(?:could|can|was|were|has|have)\s+not\s+{BE}(?:immediately\s+|independently\s+)*{BE}(?:{VERIFY})"
    r"|\bno\s+(?:immediate\s+|independent\s+)*(?:confirmation|verification)\b"
    rf"|\bunable\s+to\s+{INDEPENDENTLY}(?:verify|confirm)\b",
    re.IGNORECASE,
)

# The state of the reporting when the report was written.
REPORTING_TIME = re.compile(
    rf"\b(?:{COULD_NOT}|(?:was|were)\s+unable\s+to|did\s+not\s+immediately|declined\s+to)\s+"
    rf"{BE}{INDEPENDENTLY}(?:{_alternatives(CHECK_STEMS[:2] + NO_RESPONSE_STEMS)})|"
    r"\bnot\s+immediately\s+(?:available|clear|known)",
    re.IGNORECASE,
)


# A remark that a speaker withheld something ("but they gave no figure", "he did not say how many",
# "officials declined to give details"): it tells no happening of its own, so it stays with its sentence.
WITHHELD = re.compile(
    r"\b(?:gave|give|gives|giving|offered|provided|released)\s+no\b"
    r"|\b(?:did|does|do|would|could)\s*(?:not|n['’]t)\s+(?:say|give|specify|disclose|provide|comment|elaborate)\b"
    r"|\b(?:declined|refused)\s+to\s+(?:say|give|specify|disclose|provide|comment|elaborate)\b",
    re.I,
)
