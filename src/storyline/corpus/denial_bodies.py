"""A body named by a common noun as the owner of what a denial rejects: "disputed the commission's findings".

The denial answers the body's lines: a line whose speaker names it, or a line of no speaker that tells the body's
words ("The commission found that ...", "according to the panel", "reiterated the panel's criticism of ..."), not
the outlet's own line about the body's report ("The commission report does not explore why ..."). One inquiry goes
by several names: "the panel" and "the commission" are one.
"""

from __future__ import annotations

import re

from storyline.corpus.denial_content import SAID

INQUIRY = r"commission|committee|panel|inquiry"
BODY = rf"{INQUIRY}|tribunal|court|jury|board"
_FINDINGS = r"findings?|conclusions?|verdicts?|rulings?|criticisms?"
_SAYING = rf"(?:{SAID}|{_FINDINGS})"
_OWNED = re.compile(rf"\bthe\s+(?P<body>{BODY})['’]s\s+(?:[\w-]+\s+)?{_SAYING}\b", re.IGNORECASE)
_TELLS = (
    rf"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:{_SAYING}\s+)?(?:said|says|found|finds|concluded|concludes|ruled|rules)"
    rf"|['’]s\s+(?:[\w-]+\s+)?(?:{_FINDINGS}|claims?|accusations?|allegations?|charges?)"
)


def body_owner(denial: str, start: int = 0) -> str | None:
    """The body a denial names as the owner of what it rejects, from ``start``, lower case: "disputed the
    commission's findings" -> "commission"; None when it names none."""
    m = _OWNED.search(denial, start)
    return m.group("body").lower() if m else None


def body_names(body: str) -> str:
    """A pattern of a body's names: an inquiry goes by any of them ("commission", "panel")."""
    return INQUIRY if re.fullmatch(INQUIRY, body) else re.escape(body)


def body_tells(text: str, body: str) -> bool:
    """Whether a line tells a body's words: "The commission found that ...", "according to the panel", "reiterated
    the panel's prior criticism of ..."; not "The commission report does not explore ..."."""
    names = body_names(body)
    found = re.search(rf"\b(?:{names})(?:{_TELLS})\b|\baccording\s+to\s+the\s+(?:{names})\b", text, re.IGNORECASE)
    return found is not None
