"""Numbers that are codes, not amounts: the digits of web addresses, of telephone numbers and of markup tags.

``quantities`` skips every number inside these spans, as CQE leaves out what looks like a phone number.
"""

from __future__ import annotations

import re

_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
# a site's address written without its scheme, with or without a path: "bad-host4.com/2.js", "example.org"
_TLD = r"\.(?:com|org|net|gov|edu|info|io|co|uk|us|de|fr|au|ca|ru|cn|in)\b"
_SITE = re.compile(rf"\b[\w-]+(?:\.[\w-]+)*{_TLD}(?:/\S*)?", re.I)
_SITE_HINT = re.compile(_TLD, re.I)

# Telephone numbers as news prints them. Space-grouped thousands ("10 000 000") are amounts, so a number
# of spaced groups is a phone number only with what no amount has: a leading "+" and country code, an area
# code in brackets, a leading 0 ("0800 555 0199"), or the 3-3-4 groups joined by "-" or "." of North America.
_PHONE = re.compile(
    r"(?<![\w.,])(?:"
    r"\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)|\d{1,4})(?:[\s.-]?\d{2,4}){2,4}"  # +44 20 7946 0958
    r"|\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}"  # (020) 7946 0958
    r"|0\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4}"  # 0800 555 0199
    r"|(?:1[-.])?\d{3}([-.])\d{3}\1\d{4}"  # 212-555-0147, 1-800-555-0199
    r")(?!\w|[.,]\d)"
)


# a markup tag left in scraped text, with its attributes: '<tweet tweet-id="7713167896">', '</item>'
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")


def code_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` whose digits are an address (a site's too, without "http"), a telephone number or a
    markup tag, left to right."""
    spans = [m.span() for m in _URL.finditer(text)] if "http" in text or "www." in text else []
    sites = [m.span() for m in _SITE.finditer(text)] if _SITE_HINT.search(text) else []
    spans += [(a, b) for a, b in sites if not any(s <= a < e for s, e in spans)]  # not inside an "http" one
    spans += [m.span() for m in _PHONE.finditer(text)]
    spans += [m.span() for m in _TAG.finditer(text)] if "<" in text else []
    return sorted(spans)
