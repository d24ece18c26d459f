"""Find the outlet's hedges ("could not independently verify") and its own checks ("verified the
location but not the date") in one sentence string, and whether a hedge refers back to the sentence
before. Rules, for the reasons ``attribution_cues`` gives. Offsets are local to the string plus ``offset``.
"""

from __future__ import annotations

import re

from storyline.doc.attribution_cues import BOUNDARY, Span, backward_source, span_of
from storyline.doc.speech_patterns import (
    CHECK_HINT,
    CHECK_LITERALS,
    CHECK_STEMS,
    HEDGE_HINT,
    NEGATED_CHECK,
    OUTLET_HEDGE,
    PASSIVE_HEDGE,
    may_hold,
)
from storyline.records import Attribution

_CONFIRM = re.compile(
    r"\b(?P<cue>geolocated|verified|independently\s+confirmed|confirmed\s+independently|confirmed|"
    r"(?:was|were)\s+able\s+to\s+(?:independently\s+)?(?:verify|confirm))\b",
    re.I,
)
_REVIEWED = re.compile(
    r"\b(?:satellite\s+)?(?:images?|imagery|photos?|photographs?|footage|videos?)\s+(?P<cue>(?:reviewed|"
    r"analy[sz]ed|examined|obtained|geolocated|verified|authenticated)\s+by)\s+(?P<src>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)\s+"
    r"(?:show|shows|showed|indicate|indicates|confirm|confirms|appear)",
    re.I,
)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|be|is|are)\s+(?:(?:later|since|also|now|\w+ly)\s+)?(?:independently\s+)?$", re.I
)
_BY_AGENT = re.compile(r"\s+by\s+(?P<src>[^,;.]+?)\s*(?=[,;.]|$|\s(?:on|in|at|as|after|before)\s)", re.I)
_ANAPHOR = re.compile(
    r"^(?:(?:the|this|that|these|those|either|neither|both|such|its|their|his|her)\s+)?(?:[\w-]+['’]s?\s+)?"
    r"(?:[\w-]+\s+)?(?:claims?|reports?|figures?|accounts?|numbers?|tolls?|allegations?|statements?|"
    r"assertions?|videos?|footage|images?|photos?|photographs?|details?|information|counts?|estimates?|"
    r"casualty\s+figures?|results?|data|versions?)(?:\s+independently)?$|^(?:it|this|that|them|these|those|either|neither)$",
    re.I,
)
_ASPECTS = (
    ("location", re.compile(r"\b(?:location|where|place|site|geolocat\w*)\b", re.I)),
    ("date", re.compile(r"\b(?:date|when|time|day)\b", re.I)),
    ("authenticity", re.compile(r"\b(?:authentic\w*|genuine\w*)\b", re.I)),
    ("identity", re.compile(r"\b(?:identit\w*|who)\b", re.I)),
)
_BUT_NOT = re.compile(r"\bbut\s+not\s+(?P<neg>[^,.;]+)", re.I)


def find_hedges(text: str, offset: int = 0) -> list[Attribution]:
    """The outlet saying it could not verify something; content is what was not verified."""
    found: list[Attribution] = []
    if not may_hold(text, CHECK_STEMS, HEDGE_HINT):
        return found
    for m in OUTLET_HEDGE.finditer(text):
        before = span_of(text, 0, m.start())
        after = span_of(text, m.end(), len(text))
        cut = BOUNDARY.search(after.text)
        forward = (m.group("verb") or m.group("of")) and not PASSIVE_HEDGE.search(m.group())
        target = after if forward and after.text else before
        if target is before:
            target = _clause_before(text, m.start())
        if target is after and cut is not None and cut.start() > 0 and not text[after.start :].startswith("when"):
            target = span_of(text, after.start, after.start + cut.start())
        agent = backward_source(text, m.start()) if target is after else None
        found.append(
            Attribution(
                cue=(m.start() + offset, m.end() + offset),
                content=(target.start + offset, target.end + offset),
                source=(agent[0].start + offset, agent[0].end + offset) if agent else None,
                speaker=agent[0].text if agent else None,
                kind="hedge",
            )
        )
    return found + _negated_checks(text, offset)


def _negated_checks(text: str, offset: int) -> list[Attribution]:
    """ "Neither side's account could be confirmed": the hedge's content is its subject."""
    return [
        Attribution(
            cue=(m.start("hedge") + offset, m.end("hedge") + offset),
            content=(m.start() + offset, m.start("hedge") - 1 + offset),
            source=None,
            speaker=None,
            kind="hedge",
        )
        for m in NEGATED_CHECK.finditer(text)
    ]


def _clause_before(text: str, end: int) -> Span:
    """The words before ``end`` back to the last clause boundary: "its date" in "...; its date could not"."""
    cuts = [c.end() for c in BOUNDARY.finditer(text, 0, end)]
    return span_of(text, cuts[-1] if cuts else 0, end)


def refers_back(text: str, hedge: Attribution, offset: int = 0) -> bool:
    """Whether a hedge is about an earlier sentence ("The claim could not be independently verified.")."""
    target = text[hedge.content[0] - offset : hedge.content[1] - offset]
    target = re.sub(r"\s+(?:on|by|at|in)\s+\w+$", "", target.strip())
    return not target or _ANAPHOR.match(target) is not None


def find_confirmations(text: str, offset: int = 0) -> list[Attribution]:
    """Checks made by someone: "X verified the location of the video", "images reviewed by X show"."""
    found: list[Attribution] = []
    if not may_hold(text, CHECK_LITERALS, CHECK_HINT):
        return found
    hedged = [m.span() for m in OUTLET_HEDGE.finditer(text)] + [m.span() for m in NEGATED_CHECK.finditer(text)]
    for m in (*_CONFIRM.finditer(text), *_REVIEWED.finditer(text)):
        if any(a <= m.start("cue") < b for a, b in hedged):
            continue
        by = _BY_AGENT.match(text, m.end("cue"))
        if "src" in m.groupdict():
            agent: tuple[Span, str | None] | None = (span_of(text, m.start("src"), m.end("src")), None)
        elif by is not None and _PASSIVE_BEFORE.search(text, 0, m.start("cue")):  # "was confirmed by X"
            agent = (span_of(text, by.start("src"), by.end("src")), None)
        elif _PASSIVE_BEFORE.search(text, 0, m.start("cue")):
            agent = None
        else:
            agent = backward_source(text, m.start("cue"))
            if agent is None:
                continue
        content = span_of(text, m.end(), len(text))
        found.append(
            Attribution(
                cue=(m.start("cue") + offset, m.end("cue") + offset),
                content=(content.start + offset, content.end + offset),
                source=(agent[0].start + offset, agent[0].end + offset) if agent else None,
                speaker=agent[0].text if agent else None,
                kind="confirmation",
            )
        )
    return found


def _aspects(text: str) -> list[str]:
    return [name for name, pattern in _ASPECTS if pattern.search(text)]


def verification_detail(text: str) -> str | None:
    """What was and was not verified: "location verified, date not verified", or None."""
    negative: list[str] = []
    positive_text = text
    but_not = _BUT_NOT.search(text)
    if but_not is not None:
        negative += _aspects(but_not.group("neg"))
        positive_text = text[: but_not.start()]
    hedge = OUTLET_HEDGE.search(positive_text)
    if hedge is not None and PASSIVE_HEDGE.search(hedge.group()):
        subject = _clause_before(positive_text, hedge.start())  # "...; its date could not be verified"
        negative += _aspects(subject.text)
        positive_text = positive_text[: subject.start]
    elif hedge is not None:
        negative += _aspects(positive_text[hedge.end() :])
        positive_text = positive_text[: hedge.start()]
    confirm = _CONFIRM.search(positive_text) or _REVIEWED.search(positive_text)
    positive = _aspects(positive_text[confirm.start() :]) if confirm is not None else []
    positive = [a for a in positive if a not in negative]
    parts = [f"{', '.join(positive)} verified"] if positive else []
    parts += [f"{', '.join(dict.fromkeys(negative))} not verified"] if negative else []
    return ", ".join(parts) or None
