"""The Porter stemmer as ROUGE-1.5.5 runs it, which ROUGE applies to words before counting n-grams.

ROUGE ships Martin Porter's own Perl version, which departs from the 1980 paper in three places:
  - step 2 rewrites "-bli" as "-ble" (the paper: "-abli" as "-able") and adds "-logi" -> "-log";
  - step 4 is ROUGE's own (its author's 2004 change): after the one suffix of the usual list is
    tried, "-ment" is tried, then "-ent" or else "-(s|t)ion", each on what the step before left;
  - "m", the vowel test and the consonant-vowel-consonant test are the Perl version's patterns,
    in which "y" is a vowel except at the start of a word.
Written here from that description, since no installed package stems this way.
"""

from __future__ import annotations

import re
from functools import lru_cache

_C = "[^aeiou][^aeiouy]*"  # a consonant run (an initial "y" is written "Y" and counts as a consonant)
_V = "[aeiouy][aeiou]*"  # a vowel run
_M_ABOVE_0 = re.compile(f"^({_C})?{_V}{_C}")
_M_IS_1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")
_M_ABOVE_1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")
_HAS_VOWEL = re.compile(f"^({_C})?[aeiouy]")
_SHORT_CVC = re.compile(f"^{_C}[aeiouy][^aeiouwxy]$")

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
    "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
    "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
    "iviti": "ive", "biliti": "ble", "logi": "log",
}  # fmt: skip
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_STEP2_END = re.compile(f"({'|'.join(_STEP2)})$")
_STEP3_END = re.compile(f"({'|'.join(_STEP3)})$")
_STEP4_END = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")
_SION_END = re.compile("[st]ion$")
_DOUBLE_END = re.compile(r"([^aeiouylsz])\1$")


def _step1(w: str) -> str:
    if w.endswith(("sses", "ies")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if w.endswith("eed"):
        if _M_ABOVE_0.match(w[:-3]):
            w = w[:-1]
    elif w.endswith(("ed", "ing")):
        stem = w[:-2] if w.endswith("ed") else w[:-3]
        if _HAS_VOWEL.match(stem):
            w = stem
            if w.endswith(("at", "bl", "iz")):
                w += "e"
            elif _DOUBLE_END.search(w):
                w = w[:-1]
            elif _SHORT_CVC.match(w):
                w += "e"
    if w.endswith("y") and _HAS_VOWEL.match(w[:-1]):
        w = w[:-1] + "i"
    return w


def _rewrite(w: str, ending: re.Pattern[str], table: dict[str, str]) -> str:
    found = ending.search(w)
    if found and _M_ABOVE_0.match(w[: found.start()]):
        return w[: found.start()] + table[found.group(1)]
    return w


def _strip(w: str, start: int) -> str:
    """``w`` without its last characters from ``start``, when what is left has m > 1."""
    return w[:start] if _M_ABOVE_1.match(w[:start]) else w


def _step4(w: str) -> str:
    found = _STEP4_END.search(w)
    if found:
        w = _strip(w, found.start())
    if w.endswith("ment"):
        w = _strip(w, len(w) - 4)
    if w.endswith("ent"):
        return _strip(w, len(w) - 3)
    if _SION_END.search(w):
        return _strip(w, len(w) - 3)
    return w


def _step5(w: str) -> str:
    if w.endswith("e"):
        stem = w[:-1]
        if _M_ABOVE_1.match(stem) or (_M_IS_1.match(stem) and not _SHORT_CVC.match(stem)):
            w = stem
    if w.endswith("ll") and _M_ABOVE_1.match(w):
        w = w[:-1]
    return w


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """ROUGE's Porter stem of a lower-case word ("running" -> "run", "relational" -> "relat")."""
    if len(word) < 3:
        return word
    w = "Y" + word[1:] if word[0] == "y" else word
    w = _step1(w)
    w = _rewrite(w, _STEP2_END, _STEP2)
    w = _rewrite(w, _STEP3_END, _STEP3)
    w = _step5(_step4(w))
    return "y" + w[1:] if w[0] == "Y" else w
