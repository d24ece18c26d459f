"""Find time expressions in a sentence, type them (DATE, TIME, DURATION, SET) and give TIMEX3 values.

Hand-written rather than a library: dateparser resolves "on Tuesday" with a Tuesday base date to
the previous week and finds nothing in "last August", "earlier this week" or "around two weeks
ago", and HeidelTime needs Java. This is pure Python: regular expressions compiled once and run
only on the sentences whose ``gates`` they pass, a tense read from the sentence (token tags when
given, else word cues) to place weekdays and months before or after the document creation time
(DCT), and the arithmetic in ``resolve``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import partial

from storyline.records import TimeExpression, Token
from storyline.time import amounts, anaphora, days, eras, frames, generic, holidays, modifiers, news, ranges, years
from storyline.time import periods as pd
from storyline.time import resolve as rs
from storyline.time.anaphora import reanchor, years_before_named
from storyline.time.clocks import CLOCK_RULE, SPOKEN_CLOCK_RULE, across_midnight, anchor_clock_times
from storyline.time.context import Context, Handler, Rule, lower, start_of, starting_with
from storyline.time.focus import Focus, refocus
from storyline.time.open_gates import OpenGates, RulePlans
from storyline.time.resolve import Modifier, Resolved, Tense
from storyline.time.rule_patterns import RulePattern, ascii_safe
from storyline.time.white_space import needs_squeeze, squeeze
from storyline.time.words import (
    DAY,
    MOD,
    MODIFIERS,
    MONTH_ANY,
    MONTH_FULL,
    REFS,
    WEEKDAY_BEFORE_DATE,
    YEAR,
    YEAR_AFTER_DAY,
    YEAR_WORDS,
    month_number,
    parse_unit,
    parse_year_words,
)


def _month_year(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "June 2024", "late June 2024", "the end of June 2024" (the month, as TIMEX3 writes it with a mod)."""
    value = rs.iso_month(int(m.group("year")), month_number(m.group("month")))
    return ctx.make(m.start(), m.end(), "DATE", (value, value))


_SHARED_YEAR = re.compile(rf"\s*(?:,?\s+(?i:and|or|to|through)\s+|-)(?:{MONTH_FULL})\s+(?:(?i:of)\s+)?(?P<year>{YEAR})")


# The noun of a futures contract after its month ("October crude", "the November contract", "April gold futures",
# "September delivery"), with at most two words of the commodity between.
_CONTRACT_AFTER = re.compile(
    r"\s+(?:(?:Brent|WTI|U\.S\.|light|sweet|heating|natural|crude|gold|silver|copper|corn|wheat|soybean|sugar|"
    r"coffee|cocoa|cotton|oil|gas|bond|Nymex|Comex)\s+){0,2}(?i:crude|futures?|contracts?|delivery|deliveries|"
    r"options?|cargoes|loadings?)\b"
)


def _month_relative(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    month = month_number(m.group("month"))
    start = start_of(m, "edge", "pre", "mod", "month")
    mod = lower(m, "mod")
    if m.group("month") == "May" and not (mod or m.group("prep") or m.group("pre") or m.group("rel_year")):
        return None  # the modal verb
    shared = _SHARED_YEAR.match(ctx.text, m.end()) if not m.group("rel_year") else None
    if shared:  # "in May and June 2022": the year named after the second month is the first's too
        value = rs.iso_month(int(shared.group("year")), month)
        return ctx.make(start, m.end(), "DATE", (value, value))
    if ctx.dct is None:
        return ctx.make(start, m.end(), "DATE", (rs.unresolved_month_day(month), None))
    if m.group("rel_year"):
        offset = {"last": -1, "this": 0, "next": 1}[lower(m, "rel_year") or "this"]
        year = ctx.dct.year + offset
    else:
        dct, modifier, prep = ctx.dct, MODIFIERS[mod] if mod else None, lower(m, "prep")
        fixed: Tense | None = "future" if mod in ("coming", "this coming") else None
        if prep == "since":
            fixed = "past"
        elif prep in ("until", "till", "through") and mod is None:
            fixed = "present"  # a deadline or an end: the nearest such month ("loans through January")
        elif mod is None and _CONTRACT_AFTER.match(ctx.text, m.end()):
            fixed = "future"  # a futures contract's month is the coming one (or the report's): "October crude rose"
        elif (
            mod is None
            and prep in (None, "by", "in")
            and 1 <= (month - dct.month) % 12 <= 2
            and ((prep != "in" and ctx.target_before(start)) or ctx.told_as_plan(start, m.end()))
        ):
            # just ahead, a target ("bought copper for April delivery", "sealed by mid-April" in March) or the month
            # of a plan told in the past ("hoped to get the first doses in April") is the coming one
            fixed = "future"
        year = ctx.by_tense(start, m.end(), lambda tense: rs.month_year(dct, month, fixed or tense, modifier))
    value = rs.iso_month(year, month)
    return ctx.make(start, m.end(), "DATE", (value, value))


def _period(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    mod = lower(m, "mod") or "this"
    unit_word = lower(m, "unit") or ""
    if mod == "the" and unit_word != "weekend" and not m.group("pre"):
        return None
    start = start_of(m, "pre", "det", "mod")
    if m.group("det") and _POSSESSIVE_AFTER.match(ctx.text, m.end()):
        start = m.start("mod")  # "the next year's budget": the article is the budget's
    if ctx.dct is None:
        unresolved = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "decade": "XXX"}
        return ctx.make(start, m.end(), "DATE", (unresolved.get(unit_word, "XXXX"), None))
    modifier = MODIFIERS.get(mod)
    if unit_word == "weekend":
        return ctx.make(start, m.end(), "DATE", _weekend(ctx, modifier, start, m.end()))
    offset = {"last": -1, "next": 1}.get(modifier or "", 0)
    if mod in ("coming", "this coming"):
        offset = 1
    unit, _ = parse_unit(unit_word)
    return ctx.make(start, m.end(), "DATE", rs.relative_period(ctx.dct, unit, offset))


_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def _weekend(ctx: Context, modifier: Modifier | None, start: int, end: int) -> Resolved:
    """The weekend's week value ("2022-W36-WE") and, as a week's, its month when Saturday and Sunday lie in
    one month ("over the weekend" in a report of Monday 2022-09-12 is 2022-09), else no date."""
    dct = ctx.dct or date.min
    if modifier is None or modifier == "this":
        if dct.weekday() >= 5:
            return rs.iso_week(dct) + "-WE", _weekend_month(dct - timedelta(days=dct.weekday() - 5))
        modifier = "last" if ctx.tense(start, end) == "past" else "next"
    saturday = rs.weekday_date(dct, 5, "past" if modifier == "last" else "future", modifier)
    return rs.iso_week(saturday) + "-WE", _weekend_month(saturday)


def _weekend_month(saturday: date) -> str | None:
    sunday = saturday + timedelta(days=1)
    return rs.iso_month(saturday.year, saturday.month) if saturday.month == sunday.month else None


def _quarter(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the third quarter", "third-quarter profit", "the latest quarter", "the year-ago quarter"."""
    det, mods, ordinal = lower(m, "det"), lower(m, "mods") or "", lower(m, "ord")
    if ordinal is None and (m.group("q") != "quarter" or (det in (None, "a") and not mods.strip())):
        return None  # "a quarter of the vote", a city's Quarter
    hyphenated = ordinal is not None and ctx.text[m.start("q") - 1] == "-"
    # "third-quarter profit" starts at the ordinal; "last year's third-quarter profit" at "last"
    own_start = hyphenated and not mods.strip() and not m.group("yr") and not m.group("y0")
    start = m.start("ord") if own_start else start_of(m, "det", "yr", "y0", "mods", "y1", "ord", "q")
    if ctx.dct is None and not (m.group("y0") or m.group("y1") or m.group("y2")):
        value = f"XXXX-Q{pd.ORDINALS[ordinal]}" if ordinal else "XXXX-QX"
        return ctx.make(start, m.end(), "DATE", (value, None))
    dct = ctx.dct or date.min
    shifts = [pd.QUARTER_SHIFT[w] for w in re.split(r"[\s-]+", f"{det or ''} {mods}") if w in pd.QUARTER_SHIFT]
    year_before = any(w in mods for w in pd.YEAR_BEFORE) or m.group("ago") is not None  # "the quarter a year ago"
    explicit = m.group("y0") or m.group("y1") or m.group("y2")
    # the tense is read only where it decides (reading it is the costly part of most sentences)
    if ordinal is not None:
        quarter = pd.ORDINALS[ordinal]
        if m.group("yr") or m.group("ry"):
            year = dct.year + {"last": -1, "this": 0, "next": 1}[lower(m, "yr") or lower(m, "ry") or "this"]
        else:
            year = int(explicit) if explicit else ctx.by_tense(start, m.end(), partial(pd.quarter_year, dct, quarter))
        index = year * 4 + quarter - 1 - (4 if year_before and not explicit else 0)
    else:
        if ctx.focus is not None and (not shifts or mods.strip() in ("latest", "most recent")):
            index = pd.quarter_index(ctx.focus)  # "the quarter", "the latest quarter": the one the report is about
        elif not shifts and (ended := _ENDED.match(ctx.text, m.end())) is not None:
            # "ending" looks ahead unless the sentence is told in the past ("sales fell in the quarter ending ...")
            ending = ended.group("verb").lower() == "ending" and ctx.tense(start, m.end()) != "past"
            index = pd.quarter_ended(dct, month_number(ended.group("month")), ending)
        elif shifts:
            index = dct.year * 4 + pd.dct_quarter(dct) - 1 + shifts[0]
        else:
            index = ctx.by_tense(start, m.end(), lambda t: pd.quarter_in_focus(dct, t))
        index -= 4 if year_before else 0
        if explicit:
            index = int(explicit) * 4 + index % 4
    return ctx.make(start, m.end(), "DATE", (pd.quarter_value(index // 4, index % 4 + 1), None))


# "the quarter ended July 31": the three months up to that day
_ENDED = re.compile(rf"\s+(?P<verb>(?i:ended|ending))\s+(?P<month>{MONTH_ANY})\s*\d")


def _half(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the first half of 2023", "the second half of this year", "next year's first half", "first-half
    profit", "the year-earlier first half": H1 and H2. A bare "the first half" may be a game's, and is no time."""
    if not (m.group("year") or m.group("rel") or m.group("yr") or m.group("y0") or m.group("hyphen") or m.group("ago")):
        return None
    half = 1 if lower(m, "ord") in ("first", "1st") else 2
    if m.group("ago") and ctx.dct is not None:
        # "the year-earlier first half": the same half a year before the last one begun by the report
        begun = ctx.dct.year - (half == 2 and ctx.dct.month <= 6)
        return ctx.make(m.start(), m.end(), "DATE", (pd.half_value(begun - 1, half), None))
    if m.group("year") or m.group("y0"):
        year = int(m.group("year") or m.group("y0"))
    elif ctx.dct is not None:
        year = ctx.dct.year + {"last": -1, "this": 0, "the": 0, "next": 1}[lower(m, "rel") or lower(m, "yr") or "this"]
        if not (m.group("rel") or m.group("yr")) and half == 2 and ctx.dct.month <= 6:
            # "second-half profit fell", told before the year's second half began: last year's
            year -= ctx.tense(m.start(), m.end()) == "past"
    else:
        return ctx.make(m.start(), m.end(), "DATE", (f"XXXX-H{half}", None))
    return ctx.make(m.start(), m.end(), "DATE", (pd.half_value(year, half), None))


def _season(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "last summer", "this past spring", "in the fall", "the winter of 2021"."""
    mod, season = lower(m, "mod"), lower(m, "season") or ""
    year_text = m.group("year") or m.group("yw")
    if mod is None and year_text is None and not (m.group("prep") or m.group("pre")):
        return None  # "a fall in prices", "the spring water"
    if season == "fall" and mod is None and year_text is None and re.match(r"\s+of\b", ctx.text[m.end() :]):
        return None  # "the fall of the city"
    start = start_of(m, "mod", "det", "pre", "season")
    code = pd.SEASONS[season]
    if year_text:
        year = int(year_text) if year_text.isdigit() else parse_year_words(year_text)
        value = f"{year}-{code}"
        return ctx.make(start, m.end(), "DATE", (value, pd.season_year(value, ctx.dct)))
    if ctx.dct is None:
        return ctx.make(start, m.end(), "DATE", (f"XXXX-{code}", None))
    dct, modifier = ctx.dct, MODIFIERS[mod] if mod else None
    fixed: Tense | None = "future" if mod in ("coming", "this coming") else None
    shift = {"last": -1, "this": 0, "next": 1}.get(modifier or "")
    value = ctx.by_tense(start, m.end(), lambda tense: pd.season_value(dct, season, shift, fixed or tense))
    return ctx.make(start, m.end(), "DATE", (value, pd.season_year(value, ctx.dct)))


# "Now, the question is ...": a sentence that opens with "Now" and a comma turns the talk, and names no time
_DISCOURSE_NOW = re.compile(r"[\"'“‘(\s]*Now,")


def _ref(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    if m.group("adj"):
        return frames.ref_adjective(m, ctx)
    if m.start("word") < 4 and _DISCOURSE_NOW.match(ctx.text):
        return None
    word = " ".join((lower(m, "word") or "").split())
    if word in ("the past", "the future") and _COUNT_AFTER.match(ctx.text, m.end()):
        return None
    return ctx.make(m.start("word"), m.end(), "DATE", (REFS[lower(m, "word") or ""], None))


_SPACES = re.compile(r"\s+")


def _alternatives(words: Sequence[str]) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


_PRE = r"(?P<pre>(?i:early|late|earlier|later|mid))"
# "the end of June" is June with a mod, as TIMEX3 writes it: the edge is inside the extent.
_EDGE = r"(?P<edge>(?i:the)\s+(?i:end|start|beginning|middle)\s+(?i:of))"
# "the future of the port", "the past century": "past" and "future" that describe something date nothing.
_NOT_A_NOUN_OF = r"(?!\s+(?i:of|century|centuries|decade|decades|generation|generations|few|several|half|quarter)\b)"
# "the past two election cycles", "five of the past six contests", "the past tense": "the past" or "the future" before
# a count of things (a count of time units is read by the span rules); "now 81", "currently 23 cases" stay the present.
_COUNT_AFTER = re.compile(r"\s+(?:(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|tense)\b|\d)")
_RULES: tuple[Rule, ...] = (
    (
        ("iso date",),
        r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b(?!-\d)",
        days.full_date,
    ),
    (("slash date",), rf"\b(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>{YEAR})", days.full_date),
    days.SHORT_YEAR_DATE_RULE,
    (
        ("month name", "digit"),
        starting_with(
            "mtwfsjfmasond",
            # "July the 27th" (only an ordinal after "the": "in June the 12 members met" is the month)
            rf"\b(?:{WEEKDAY_BEFORE_DATE})?(?P<month>{MONTH_ANY})(?:\s+(?i:the)(?=\s+\d\d?(?:st|nd|rd|th)\b))?\s*"
            rf"(?P<day>{DAY})(?:{YEAR_AFTER_DAY}(?P<year>{YEAR}))?",
        ),
        days.full_date,
    ),
    (
        ("month name", "day number"),
        starting_with(
            "mtwfst0123456789",
            rf"\b(?:{WEEKDAY_BEFORE_DATE})?(?:(?i:the)\s+)?\b(?P<day>{DAY})\s+(?:(?i:of)\s+)?(?P<month>{MONTH_ANY})"
            rf"(?:{YEAR_AFTER_DAY}(?P<year>{YEAR}))?",
        ),
        days.full_date,
    ),
    (
        ("month name", "year"),
        starting_with(
            "elmjfmasondt",
            rf"\b(?:{_EDGE}\s+|{_PRE}(?:-|\s+)?)?(?P<month>{MONTH_ANY})\s+(?:(?i:of)\s+)?(?P<year>{YEAR})",
        ),
        _month_year,
    ),
    (
        ("month in full",),
        starting_with(
            "isbutdfaoelmtlnpcfjfmasond",
            rf"\b(?P<prep>(?i:in|since|by|until|till|during|through|from|before|after|of|to)\s+)?"
            rf"(?:{_EDGE}\s+|{_PRE}(?:-|\s+)?)?(?:(?P<mod>{MOD})\s+)?(?P<month>{MONTH_FULL})"
            rf"(?:\s+(?:(?i:of)\s+)?(?P<rel_year>(?i:last|this|next))\s+(?i:year)\b)?(?!\s*\d)",  # "May (of) last year"
        ),
        _month_relative,
    ),
    *days.SPOKEN_DATE_RULES,
    *days.COUNTED_WEEKDAY_RULES,
    *days.WEEKDAY_RULES,
    *anaphora.ANAPHOR_RULES,
    anaphora.THEN_RULE,
    anaphora.THE_DAY_RULE,
    (
        ("period unit",),
        starting_with(
            "elmttlnpcf",
            rf"\b(?:(?P<pre>(?i:early|late|earlier|later|mid|the\s+(?:start|beginning|end|middle)\s+of))[- ]\s*)?"
            # "the next year or so", "the coming weekend": TimeBank keeps the article, as in "the next two weeks"
            rf"(?P<det>(?i:the)\s+(?=(?i:current|next|coming|following)\s|(?i:past|last|previous)\s+(?i:weekend)))?"
            rf"(?P<mod>{MOD}|(?i:the))\s+(?:(?i:fiscal)\s+)?"
            rf"(?P<unit>(?i:week|month|year|weekend|decade))\b",
        ),
        _period,
    ),
    frames.FRAME_RULE,  # before the duration rules, which would read "one day" as P1D
    *amounts.AGO_RULES,
    *amounts.DURATION_RULES,
    amounts.QUARTERS_RULE,
    amounts.CENTURY_PART_RULE,
    amounts.UNIT_LONG_RULE,
    amounts.SET_RULE,
    CLOCK_RULE,
    SPOKEN_CLOCK_RULE,
    holidays.HOLIDAY_RULE,
    *news.NEWS_RULES,
    years.YEAR_RULE,
    (
        ("quarter",),
        starting_with(
            # a determiner, this/last/next, a modifier, a year, fiscal, an ordinal, or "quarter" itself
            "tioah" + "ln" + "lpcnfsy" + "12" + "f" + "fst1234" + "q",
            rf"\b(?:(?P<det>(?i:the|this|that|its|their|our|a|his|her))\s+)?"
            rf"(?:(?P<yr>(?i:this|last|next))\s+(?i:year)['’]s\s+|(?P<y0>{YEAR})['’]s\s+)?"
            rf"(?P<mods>(?:(?i:latest|most\s+recent|last|past|previous|preceding|prior|current|present|next|coming|following|fiscal|same|"
            rf"comparable|corresponding|year[- ]earlier|year[- ]ago|prior[- ]year)[\s-]+)*)"
            rf"(?:(?P<y1>{YEAR})\s+)?(?:(?i:fiscal)[\s-]+)?(?:(?P<ord>{pd.ORDINAL})[\s-]+(?:(?i:fiscal)\s+)?)?(?P<q>(?i:quarter))\b"
            # "a quarter of the vote", "the quarter of voters who ...", "the quarter million miles", "a quarter-mile"
            rf"(?!\s+(?i:of)\s+(?:(?:an?|the|this|its|their)\b|(?!(?i:fiscal|this|last|next)\b)[A-Za-z])|"
            rf"[- ](?i:mile|inch|point|pound|hour|century|final|million|billion|trillion)\b)"
            rf"(?:\s+(?i:of)\s+(?:(?:(?i:fiscal)\s+)?(?P<y2>{YEAR})|(?P<ry>(?i:this|last|next))\s+(?i:year)\b))?(?P<ago>\s+(?i:a\s+year\s+(?:ago|earlier)|last\s+year))?",
        ),
        _quarter,
    ),
    frames.MONTH_RANGE_QUARTER_RULE,
    (
        ("half",),
        rf"\b(?:(?i:the)\s+)?(?:(?P<yr>(?i:this|last|next|the))\s+(?i:year)['’]s\s+|(?P<y0>{YEAR})['’]s\s+)?"
        rf"(?P<ago>(?i:year[- ](?:earlier|ago)|prior[- ]year)\s+)?"
        rf"(?P<ord>(?i:first|second|last|latter|1st|2nd))(?:(?P<hyphen>-)|\s+)(?i:half)\b"
        rf"(?:\s+(?i:of)\s+(?:(?:(?i:fiscal)\s+)?(?P<year>{YEAR})|(?P<rel>(?i:this|last|next|the))\s+(?i:year)\b))?",
        _half,
    ),
    (
        ("season",),
        starting_with(
            "idbutsoaftlnpcftelmswfa",
            rf"\b(?:(?P<prep>(?i:in|into|during|by|until|till|through|throughout|since|over|before|after|for|from))\s+)?"
            rf"(?:(?P<mod>{MOD})\s+|(?P<det>(?i:the))\s+)?(?:(?P<pre>(?i:early|late|mid))[- ]?)?"
            rf"(?P<season>{pd.SEASON})\b"
            rf"(?:,?\s+(?:(?i:of)\s+)?(?:(?P<year>{YEAR})|(?P<yw>{YEAR_WORDS})))?",
        ),
        _season,
    ),
    years.YEAR_WORDS_RULE,
    years.ATTRIBUTIVE_YEAR_RULE,
    years.BRACKETED_YEAR_RULE,
    years.LISTED_YEAR_RULE,
    *eras.ERA_RULES,
    (
        ("ref word",),
        starting_with(
            "iartcnsarc",
            rf"\b(?:(?i:in|at)\s+)?(?P<word>(?i:{_alternatives(list(REFS))}))\b{_NOT_A_NOUN_OF}|{frames.REF_ADJECTIVE}",
        ),
        _ref,
    ),
)
_COMPILED: tuple[tuple[tuple[str, ...], RulePattern, Handler], ...] = tuple(
    (g, RulePattern(p), h) for g, p, h in _RULES
)
# Each rule's gates, then its rank (its place in ``_RULES``, which ``_longest_first`` ranks by), pattern and
# handler. The order rules run in does not change the result.
_PLANS = RulePlans([(g, (rank, p, h)) for rank, (g, p, h) in enumerate(_COMPILED)])


def tag(
    text: str,
    dct: date | None,
    tense_hint: Tense = "past",
    *,
    tokens: Sequence[Token] = (),
    tokens_offset: int = 0,
    slack_days: int = rs.YEAR_SLACK_DAYS,
    focus: Focus | None = None,
) -> list[TimeExpression]:
    """Time expressions in ``text``, in order, with offsets into ``text``.

    ``dct`` is the document creation time; without it only explicit dates resolve and the rest get
    X-filled values and no date. ``tense_hint`` is the tense assumed when the sentence shows none.
    ``tokens`` (offsets minus ``tokens_offset`` are offsets into ``text``) give the tense from tags.
    ``focus`` is what the document's earlier sentences were about (``focus.follow`` moves it on).
    A run of white space reads as one space (``white_space``).
    """
    if not needs_squeeze(text):
        return _tag(text, dct, tense_hint, tokens, tokens_offset, slack_days, focus)
    squeezed = squeeze(text)
    words = squeezed.tokens(tokens, tokens_offset) if tokens else ()
    return squeezed.restore(_tag(squeezed.text, dct, tense_hint, words, 0, slack_days, focus))


def _tag(
    text: str,
    dct: date | None,
    tense_hint: Tense,
    tokens: Sequence[Token],
    tokens_offset: int,
    slack_days: int,
    focus: Focus | None,
) -> list[TimeExpression]:
    ctx: Context | None = None  # made when a rule first runs: most sentences open no gate of any rule
    found: list[tuple[int, int, TimeExpression]] = []  # (rule rank, order found, expression)
    gates_open = OpenGates(text)
    known = gates_open.known  # the rules share gates: each is tested once
    ascii_text = False  # whether the rules' ASCII patterns may run on the text, known with ``ctx``
    for gates, (rank, pattern, handler) in _PLANS(gates_open):
        for gate in gates:  # the gates the sentence's words leave open but do not decide
            passed = known.get(gate)
            if passed is None:
                passed = gates_open.test(gate)
            if not passed:
                break
        else:
            if ctx is None:
                quarter = focus.quarter if focus else None
                ctx = Context(text, dct, tense_hint, slack_days, tokens, tokens_offset, quarter)
                ascii_text = ascii_safe(text)
            for m in pattern.find(text, ascii_text):
                expr = handler(m, ctx)
                if expr is not None and expr.end > expr.start:
                    found.append((rank, len(found), expr))
    if not found:
        return []
    kept = generic.keep(_longest_first(found), text)
    spaced = _SPACES.sub(" ", text)  # the words the steps below look for, read across any white space as the rules do
    if "than" in text or " or " in spaced:  # mod words ("no more than", "or so"); most sentences have none
        kept = modifiers.widen(kept, text)
    if len(kept) > 1 and ("rom " in spaced or "etween " in spaced):  # "from ... to", "between ... and"
        kept = ranges.order(kept, text, dct)
    if "week of" in spaced:  # "the week of March 16"
        kept = days.weeks_of(kept, text)
    if len(kept) > 1 and ("and " in spaced or "or " in spaced):  # "on Friday and Saturday", "December and January"
        kept = ranges.next_in_turn(kept, text)
    kept = anchor_clock_times(kept, ctx)
    if len(kept) > 1 and ", " in spaced and any(e.text[-3:] == "day" for e in kept[1:]):  # "Feb. 25, a Sunday"
        kept = days.weekdays_in_apposition(kept, text)
    if len(kept) > 1 and "the year" in spaced:  # "since 2005, the year of the flood"
        kept = years.years_in_apposition(kept, text)
    if len(kept) > 1 and "earlier" in text:  # "in December ... two years earlier"
        kept = years_before_named(kept, text, dct)
    focus = focus or _NO_FOCUS
    kept = reanchor(refocus(kept, focus), focus.anchor, dct, focus.anchor_in_paragraph, ctx)
    if len(kept) > 1 and sum(e.type == "TIME" for e in kept) > 1:  # "11:22 p.m. ET, 6:22 a.m. local"
        kept = across_midnight(kept, text)
    return kept


_NO_FOCUS = Focus()


def _longest_first(found: list[tuple[int, int, TimeExpression]]) -> list[TimeExpression]:
    """Keep the longest of overlapping matches (the earlier rule on a tie), in text order."""
    if len(found) == 1:
        return [found[0][2]]  # most sentences with a time find one
    kept: list[TimeExpression] = []
    taken = bytearray(max((e.end for _, _, e in found), default=0))
    for _, _, expr in sorted(found, key=lambda f: (f[2].start - f[2].end, f[0], f[1])):
        if not any(taken[expr.start : expr.end]):
            kept.append(expr)
            taken[expr.start : expr.end] = b"\x01" * (expr.end - expr.start)
    return sorted(kept, key=lambda e: e.start)
