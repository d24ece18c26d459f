"""Find quantities (counts, areas, distances, percentages, money) in sentences and normalize their units.

This is rule-based on purpose: quantulum3 drops approximation words ("about", "more than"), loses
units such as "1,368 square km" and has no notion of troop or casualty counts, which are the
figures a conflict timeline tracks. Unit conversion itself is left to pint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import pint

from storyline.config import Config
from storyline.doc.quantity_units import (
    COUNTED,
    CURRENCY_SIGNS,
    CURRENCY_WORD_PATTERN,
    CURRENCY_WORDS,
    FILLER,
    IRREGULAR,
    MEASURE_PATTERN,
    MEASURES,
    NOT_PLURAL,
    currency_of_word,
)
from storyline.doc.quantity_units import (
    words as _words,
)
from storyline.doc.quantity_words import (
    MODIFIER,
    NOT_ONE_BEFORE,
    SMALL,
    TENS,
    fractions,
    one_noun,
    parse_number,
    plural,
    vague_amounts,
)
from storyline.pipeline import Stage
from storyline.records import Document, Qualifier, Quantity, QuantityKind, Sentence

UNITS: pint.UnitRegistry = pint.UnitRegistry()  # created once: building a registry is slow

# 1. Number words and scales ----------------------------------------------------------------
# (number words, scales, fractions, vague amounts and "one" are in ``quantity_words``)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_WORD = (
    rf"(?:{'|'.join(TENS)})(?:-(?:{'|'.join(SMALL[1:10])}))?|{'|'.join(SMALL)}"
    r"|a(?=\s+(?:dozen|hundred|thousand|million|billion)\b)"
)
_SCALE = r"(?:\s+|-)(?:hundred|thousand|million|billion|trillion|dozen|lakh|crore)\b|\s?(?:bn|mn|m|(?-i:k)|b|tn)\b"
# a sign or code that ends in a letter or a dot may touch its number: "EUR50m", "$A82,615", "Rs.400"
_TOUCHING = re.compile(
    "(?:{})$".format(
        "|".join(
            ("" if k[0] == "$" else r"\b") + re.escape(k)
            for k in sorted(CURRENCY_SIGNS, key=len, reverse=True)
            if k[-1].isalpha() or k[-1] == "."
        )
    ),
    re.I,
)
# after a letter or a dot, a number is found only to be checked against ``_TOUCHING`` (``_atom_at``)
_ATOM = re.compile(rf"(?:(?<![\w.,])|(?<=[A-Za-z.])(?!\.))(?P<num>{_DIGITS}|\b(?:{_WORD})\b)(?P<scale>{_SCALE})?", re.I)
# "m" and "b" after a bare number are metres or a name ("3m", "777B") unless a plural noun follows
_SCALE_NOUN = re.compile(r"\s+([a-z]+s|people)\b")
# a minus sign or word right before a number: "-5 yards", "$-50.8bn", "minus 233 Celsius"
_MINUS = re.compile(r"(?:(?<![\w.,)–-])-|−|\bminus[\s-])$", re.I)

# 2. Units -----------------------------------------------------------------------------------
_SIGNS = sorted(CURRENCY_SIGNS, key=len, reverse=True)
_SIGN = "|".join(re.escape(k) if not k[0].isalpha() else rf"(?<![A-Za-z]){re.escape(k)}" for k in _SIGNS)
_CURRENCY_PREFIX = re.compile(rf"(?:{_SIGN})\s?$", re.I)
_CURRENCY_SIGN_AT = re.compile(rf"(?:{_SIGN})\s?", re.I)
_CURRENCY_CODES = set(CURRENCY_SIGNS.values()) | {currency_of_word(w) for w in CURRENCY_WORDS}
_CODES = "|".join(sorted(_CURRENCY_CODES))
_SQ = r"(?:square|sq\.?)[\s-]*"
_KM = r"kilomet(?:re|er)s?|km"
_MI = r"miles?|mi"
_M = r"met(?:re|er)s?"
_FT = r"f(?:ee|oo)t|ft"
# a bare "m" is metres only when a length is said: "a 40m-long tunnel", "12m (39ft)"; "a 3m fine" is not
_LENGTH_SAID = r"(?=\s*\(\d[^)]*(?:ft|feet|foot)\)|[\s-](?:long|tall|high|wide|deep|away|sprint)\b)"
_UNIT = re.compile(
    rf"""(?:
      (?P<pct>\s?%|\s?per\s?cent\b|\s+pct\b|\s?pc\b|\s+percentage\s+points?\b)
    | [\s-]*(?P<area>{_SQ}(?:{_KM}|{_MI}|{_M}|m|{_FT})\b|(?:km|mi|m)(?:²|2)(?!\d)|sq\s?km\b|acres?\b|hectares?\b
      |ha\b)
    | \s+(?P<money>{CURRENCY_WORD_PATTERN})(?![\w-])
    | \s?(?P<code>(?-i:{_CODES}))\b
    | [\s-]*(?P<measure>{MEASURE_PATTERN})(?![A-Za-z0-9])
    | [\s-]*(?P<dist>(?:{_KM}|{_MI}|{_M})\b|(?<=\d)(?-i:m){_LENGTH_SAID})
    )""",
    re.I | re.X,
)
# pint expression for each area/distance unit as written (after lowercasing and squeezing spaces)
_PINT = (
    (re.compile(rf"^{_SQ}(?:{_KM})$|^km(?:²|2)$|^sq\s?km$"), "km**2", "km2"),
    (re.compile(rf"^{_SQ}(?:{_MI})$|^mi(?:²|2)$"), "mile**2", "km2"),
    (re.compile(rf"^{_SQ}(?:{_M}|m)$|^m(?:²|2)$"), "meter**2", "km2"),
    (re.compile(rf"^{_SQ}(?:{_FT})$"), "foot**2", "km2"),
    (re.compile(r"^acres?$"), "acre", "km2"),
    (re.compile(r"^(?:hectares?|ha)$"), "hectare", "km2"),
    (re.compile(rf"^(?:{_KM})$"), "km", "km"),
    (re.compile(rf"^(?:{_MI})$"), "mile", "km"),
    (re.compile(rf"^(?:{_M}|m)$"), "meter", "km"),
)
_CANONICAL_PINT = {"km2": "km**2", "km": "km"}

_DURATION = re.compile(r"^[\s-]*(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur)", re.I)
# a duration written apart from its number ("three days", "24 hours"); "a three-day visit" is not one
_DURATION_UNIT = re.compile(
    r"\s+(?P<unit>second|minute|hour|day|night|week|month|year|decade|centur(?=y|ies))(?:s|y|ies)?\b(?![-’'])", re.I
)
_AGE = re.compile(r"(?:\s*-\s*|\s+)years?(?:\s*-\s*|\s+)old\b", re.I)

# 3. Contexts that make a number something other than a quantity ----------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_BEFORE_SKIP = re.compile(
    rf"(?:\b{_MONTH}\.?\s+|\b{_MONTH}\.?\s+\d{{1,2}},\s+|[A-Za-z]-?|\d[/:]|#|\bno\.\s*|\bnumber\s+|\baged?\s+)$",
    re.I,
)
_AFTER_SKIP = re.compile(
    rf"""^(?:st|nd|rd|th)?(?:\b|(?=\s))(?:\s+(?:of\s+)?{_MONTH}\b)
    |^(?:st|nd|rd|th)\b
    |^\s*-?\s*years?[\s-]old
    |^:\d\d
    |^/\d
    |^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|gmt\b|utc\b|hrs\b)""",
    re.I | re.X,
)
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b([a-z]?[A-Z][A-Za-z&'’-]*)\s+$")
_NAME_AFTER = re.compile(r"\s+[A-Z]")
_OF_THE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our)\s+", re.I)
_NAME_COMMA = re.compile(r"\b[A-Z][a-z’'-]+,\s+$")
_AGED = re.compile(r"\baged?\s+$", re.I)
_YEAR_PREP = re.compile(r"\b(?:in|since|by|until|till|of|from|before|after|during|early|late|mid)\s+$", re.I)

# 4. Qualifiers and ranges -------------------------------------------------------------------
_QUALIFIERS: tuple[tuple[Qualifier, str], ...] = (
    ("up to", r"up\s+to|as\s+many\s+as"),
    ("less than", r"less\s+than|fewer\s+than|no\s+more\s+than|at\s+most|under|below|just\s+under"),
    (
        "more than",
        r"more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|above|just\s+over|well\s+over|exceeding",
    ),
    (
        "about",
        r"about|around|roughly|approximately|approx\.|nearly|almost|some|an\s+estimated|estimated|close\s+to"
        r"|circa|up\s+to\s+about",
    ),
)
_QUALIFIER_BEFORE = [(q, re.compile(rf"\b(?:{p})\s+$", re.I)) for q, p in _QUALIFIERS]
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
# "rose from 3,000 to 4,000" is a change (``_change``); "fines from $250,000 to $1 million" is a range
_CHANGE_VERB = (
    r"\b(?:rose|risen|rise[sn]?|rising|fell|fallen|falls?|falling|increas\w*|decreas\w*|drop\w*|climb\w*|grew"
    r"|grow\w*|jump\w*|surg\w*|slid\w*|slip\w*|sank|sunk|declin\w*|plung\w*|soar\w*|rais\w*|cut\w*|lower\w*"
    r"|reduc\w*|revis\w*|slow\w*|chang\w*|went|go(?:es|ne)?|moved?|boost\w*|up|down|narrow\w*|eas\w*|widen\w*"
    r"|shr[aiu]nk\w*|doubl\w*|tripl\w*|halv\w*|swell\w*|swoll\w*)\b[^.;:]{0,40}"
)
_CHANGE_FROM = re.compile(rf"{_CHANGE_VERB}\bfrom\s+$", re.I)
_CHANGE_TO = re.compile(rf"{_CHANGE_VERB}\bto\s+$", re.I)
_TO = re.compile(r"\s+to\s+")
_FROM = re.compile(r"\s+from\s+")
_THEN_RANGE = re.compile(r"\s*(?:[-–]|to\s|and\s)\s*\S*\d")
_BY_BEFORE = re.compile(r"\bby\s+$", re.I)
_SCORE = re.compile(r"[-–]\d")
# money per period: "$3,500 a month" has the unit "USD/month"
_RATE = re.compile(
    r"\s+(?:a|an|per|each)[\s-]+(year|month|week|day|hour|ounce|barrel|share|tonne|gallon|litre|sq\s?m|sq\s?ft"
    r"|square\s+met(?:re|er)|square\s+f(?:oo|ee)t)\b(?!\s+(?:earlier|ago|before|later|after)\b)",
    re.I,
)
# a count per period: "3,000 tests a day", "78,000 times a minute"
_COUNT_RATE = re.compile(
    r"(?:\s+times)?\s+(?:a|an|per|each)[\s-]+(second|minute|hour|day|night|week|month|year)\b"
    r"(?!\s+(?:earlier|ago|before|later|after)\b)",
    re.I,
)
_PER = {"sq m": "square metre", "sqm": "square metre", "sq ft": "square foot", "sqft": "square foot"}
_RANGE_SEP = re.compile(r"^(?:\s*[-–—]\s*|\s+to\s+)")
_AND_SEP = re.compile(r"^\s+and\s+")
_OR_SEP = re.compile(r"-?\s+or\s+")
_AFTER_QUALIFIER = re.compile(r"\s+or\s+(?:more|so)\b", re.I)
_NOT_NOUN = set(_words("those these them which whom us it all each"))
_PAREN = re.compile(r"\s*\(([^()]{1,80})\)")
_PERCENT_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?([a-z]+)", re.I)


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    value: float
    base: float  # the value before its scale word
    scaled: bool
    currency: str | None
    raw_currency: str | None


@dataclass(frozen=True)
class _Unit:
    end: int
    unit: str
    raw: str | None
    noun: str | None
    value_factor: str | None  # pint expression to convert from, None when no conversion
    kind: QuantityKind = "measure"


def pint_unit(raw_unit: str) -> tuple[str, str] | None:
    """(pint expression, canonical unit) of an area or distance as written, e.g. ("mile**2", "km2")."""
    key = re.sub(r"\s+", " ", raw_unit.strip().lower())
    for pattern, expr, canonical in _PINT:
        if pattern.match(key):
            return expr, _CANONICAL_PINT[canonical]
    return None


def convert(value: float, raw_unit: str) -> tuple[float, str]:
    """Convert an area or distance written as ``raw_unit`` to km2 or km with pint."""
    found = pint_unit(raw_unit)
    if found is None:
        raise ValueError(f"not an area or distance unit: {raw_unit!r}")
    magnitude = UNITS.Quantity(value, found[0]).to(found[1]).magnitude
    return float(magnitude), "km2" if found[1] == "km**2" else "km"


def _currency_before(text: str, m: re.Match[str], start: int) -> re.Match[str] | None:
    """A currency sign or code right before the number; "PS" (an ASCII-folded £) not before "PS5"."""
    cur = _CURRENCY_PREFIX.search(text, max(0, start - 6), start)
    if cur is not None and cur.group().strip() == "PS" and not (m.group("scale") or re.search(r"\d[\d,.]", m.group())):
        return None
    return cur


def _atom_at(text: str, m: re.Match[str]) -> _Atom | None:
    before = text[m.start() - 1] if m.start() else ""
    if (before.isalpha() or before == ".") and _TOUCHING.search(text, max(0, m.start() - 4), m.start()) is None:
        return None  # inside a word or a name: "A330", "v1.2"
    minus = _MINUS.search(text, max(0, m.start() - 6), m.start())
    cur = _currency_before(text, m, minus.start() if minus else m.start())
    currency = raw_cur = None
    if cur is not None:
        raw_cur = cur.group().strip()
        currency = CURRENCY_SIGNS.get(raw_cur.upper(), CURRENCY_SIGNS.get(raw_cur.upper().replace(" ", ""), "USD"))
    scale = m.group("scale")
    end = m.end()
    short = scale.strip(" -").lower() if scale else ""
    if short in ("m", "b") and currency is None:
        noun = _SCALE_NOUN.match(text, m.end())
        if noun is None or noun.group(1).lower() in NOT_PLURAL:
            scale, end = None, m.end("num")
    if m.group("num").lower() == "a" and not scale:
        return None
    start = cur.start() if cur is not None else minus.start() if minus is not None else m.start()
    sign = -1.0 if minus is not None else 1.0
    value = sign * parse_number(m.group("num"), scale)
    return _Atom(start, end, value, sign * parse_number(m.group("num")), bool(scale), currency, raw_cur)


def _noun_after(text: str, pos: int, general: bool = False) -> tuple[int, str] | None:
    """A counted noun after ``pos``, allowing up to two modifiers ("6,000 Russian troops").

    With ``general``, any lower-case plural noun counts ("59 users", "five profile slots").
    """
    for _ in range(3):
        m = MODIFIER.match(text, pos)
        if m is None:
            return None
        word = m.group(1).lower()
        if _singular(word) in COUNTED or (general and plural(m.group(1))):
            return m.end(), word
        if word in FILLER or ("-" in word and word.split("-")[-1] in ("day", "year", "old")):
            return None
        pos = m.end()
    return None


def _singular(word: str) -> str:
    if word in IRREGULAR:
        return IRREGULAR[word]
    for suffix, repl in (("ies", "y"), ("ves", "f"), ("ses", "s"), ("s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in COUNTED:
            return word[: -len(suffix)] + repl
    return word


def _unit_after(text: str, pos: int, atom: _Atom) -> _Unit | None:
    if atom.currency is not None:
        return _Unit(pos, atom.currency, atom.raw_currency, None, None)
    age = _AGE.match(text, pos)
    if age is not None:
        return _Unit(age.end(), "year", age.group().strip(" -"), None, None, "age")
    duration = _DURATION_UNIT.match(text, pos)
    if duration is not None:
        unit = duration.group("unit").lower()
        return _Unit(
            duration.end(), "century" if unit == "centur" else unit, duration.group().strip(), None, None, "duration"
        )
    m = _UNIT.match(text, pos)
    if m is not None:
        end = m.end()
        if m.group("pct"):
            noun = _PERCENT_OF.match(text, end)
            return _Unit(end, "percent", m.group("pct").strip(), noun.group(1).lower() if noun else None, None)
        if m.group("money"):
            return _Unit(end, currency_of_word(m.group("money")), m.group("money"), None, None)
        if m.group("code"):
            return _Unit(end, m.group("code"), m.group("code"), None, None)
        if m.group("measure"):
            raw = m.group("measure")
            name = next(n for i, (n, _) in enumerate(MEASURES) if m.group(f"u{i}"))
            return _Unit(end, name, raw, None, None)
        raw = (m.group("area") or m.group("dist")).strip()
        return _Unit(end, "", raw, "area" if m.group("area") else "distance", raw)
    counted = _noun_after(text, pos)
    if counted is not None:
        return _Unit(counted[0], "count", counted[1], counted[1], None)
    return None


def _skipped(text: str, atom: _Atom, unit: _Unit | None, plural: bool = False) -> bool:
    """Years, dates, times, ordinals, ages, durations and numbers inside names are not quantities.

    ``plural``: a plural noun that is not a counted noun follows; it keeps number words ("eight
    picks") but does not make a year or a number inside a name a quantity.
    """
    before, after, raw = text[: atom.start], text[atom.end :], text[atom.start : atom.end]
    if unit is not None and unit.kind != "measure":
        return _ends_with(_BEFORE_SKIP, before) is not None
    if _ends_with(_BEFORE_SKIP, re.sub(r"\bsub-$", "", before)) or _AFTER_SKIP.match(after) or _DURATION.match(after):
        return True
    words_ok = plural and atom.value >= 2 and not raw[0].isdigit()
    if unit is None and before.endswith("(") and after.startswith(")"):
        return True  # a bare number in brackets is a reference or a shirt number: "Prescott (4)"
    if unit is None and not words_ok and (re.match(r"[A-Za-z]", after) or not raw.lstrip("-−")[0].isdigit()):
        return True  # "777M", "5G", and number words with nothing counted after them
    year_like = re.fullmatch(r"(?:1[89]|20)\d\d", raw) is not None
    if year_like and (unit is None or _YEAR_PREP.search(before)):
        return True
    if unit is None and not plural and _NAME_AFTER.match(after):
        return True  # part of a name or an address: "49 Zorro Ranch Road", "63,150 Model 3s"
    name = _NAME_BEFORE.search(before)
    return unit is None and name is not None and not _qualifier_before(before)[0]


def _ends_with(pattern: re.Pattern[str], before: str, width: int = 80) -> re.Match[str] | None:
    """``pattern`` (anchored with $) searched in the last ``width`` characters only, for speed."""
    return pattern.search(before, max(0, len(before) - width))


def _qualifier_before(before: str) -> tuple[Qualifier | None, int]:
    for qualifier, pattern in _QUALIFIER_BEFORE:
        m = _ends_with(pattern, before)
        if m is not None:
            return qualifier, m.start()
    return None, len(before)


def _second_atom(text: str, pos: int, between: bool) -> _Atom | None:
    """The upper end of a range: "3,000 to 4,000", "3,000-4,000", "between 3,000 and 4,000"."""
    sep = (_AND_SEP if between else _RANGE_SEP).match(text[pos:])
    return None if sep is None else _atom_from(text, pos + sep.end())


def _atom_from(text: str, start: int) -> _Atom | None:
    """The number (with its currency sign) that starts at ``start``, if one does."""
    sign = _CURRENCY_SIGN_AT.match(text, start)
    m = _ATOM.match(text, sign.end() if sign is not None else start)
    return _atom_at(text, m) if m is not None else None


def _same_unit(first: _Unit | None, second: _Unit | None, atom: _Atom) -> bool:
    """Both ends are in one unit: "5 to 7 per cent", "5% to 7%", "$3 to 4 million", not "7% to $2.3 billion"."""
    if first is None or first.unit == "count":
        return True
    if second is None:
        return atom.currency is not None
    return second.unit == first.unit


def _range(atom: _Atom, second: _Atom | None) -> tuple[float, float] | None:
    """(low, high) of a range, the scale of the upper end carried over ("3 to 4 million")."""
    if second is None or (atom.currency and second.currency and atom.currency != second.currency):
        return None
    low, high = atom.value, second.value
    if second.scaled and not atom.scaled and low * second.value / second.base <= high:
        low *= second.value / second.base
    return (low, high) if low < high else None


def _build(text: str, m: re.Match[str]) -> tuple[Quantity, int] | None:
    """The quantity starting at number match ``m`` and the position where scanning resumes."""
    atom = _atom_at(text, m)
    if atom is None:
        return None
    before = text[: atom.start]
    if m.group("num").lower() == "one" and not atom.scaled and _unit_after(text, atom.end, atom) is None:
        return _one(text, atom)
    between = _BETWEEN_BEFORE.search(before)
    first_unit = _unit_after(text, atom.end, atom) or _age_apposition(text, atom) or _part_of(text, atom)
    change = _change(text, atom, first_unit)
    if change is not None:
        return change
    alternative = _OR_SEP.match(text, first_unit.end if first_unit else atom.end)
    if alternative is not None and (other := _atom_from(text, alternative.end())) is not None:
        return _alternative(text, atom, first_unit, _unit_after(text, other.end, other))
    second = _second_atom(text, first_unit.end if first_unit else atom.end, between is not None)
    second_unit = _unit_after(text, second.end, second) if second is not None else None
    span = _range(atom, second) if _same_unit(first_unit, second_unit, atom) else None
    if span is not None and _BY_BEFORE.search(before) and first_unit and second_unit and first_unit.unit != "count":
        span = None  # "grew by $43.6 billion to $419.2 billion" is a change and a new level
    if second is not None and span is None and not (first_unit or second_unit) and _SCORE.match(text, atom.end):
        return None  # "ended 2-2", "at 89-89": a score, and its partner goes with it (``_skip_past``)
    unit = first_unit
    if span is not None and second is not None:
        unit = second_unit or first_unit
    plural = None
    if unit is None:
        plural = _noun_after(text, second.end if span is not None and second else atom.end, general=True)
    if _skipped(text, atom, unit, plural is not None):
        return None
    if plural is not None:
        unit = _Unit(plural[0], "count", plural[1], plural[1], None)
    if span is None:
        low = high = atom.value
        qualifier, start = _qualifier_before(before)
        end = unit.end if unit is not None else atom.end
    else:
        (low, high), qualifier = span, None
        start = between.start() if between is not None else atom.start
        end = max(unit.end if unit is not None else 0, second.end if second is not None else 0)
    rated = unit is not None and (unit.unit in _CURRENCY_CODES or unit.kind == "duration")
    counted = unit is None or (unit.unit == "count" and unit.kind == "measure")
    rate = _RATE.match(text, end) if rated else _COUNT_RATE.match(text, end) if counted else None
    if rate is not None and unit is None:
        unit = _Unit(end, "count", None, None, None)
    if rate is not None and unit is not None:
        per = re.sub(r"\s+", " ", rate.group(1).lower()).replace("meter", "metre").replace("feet", "foot")
        unit, end = replace(unit, unit=f"{unit.unit}/{_PER.get(per, per)}"), rate.end()
    after_q = _AFTER_QUALIFIER.match(text, end)
    if after_q is not None and qualifier is None and span is None:
        qualifier = "more than" if after_q.group().lower().endswith("more") else "about"
        end = after_q.end()
    return _finish(text, start, end, low, high, unit, qualifier), end


def _alternative(text: str, atom: _Atom, own: _Unit | None, other: _Unit | None) -> tuple[Quantity, int] | None:
    """The first of two alternatives, "eight or nine euros", "7- or 8-inch": a value of its own, in the
    unit of the second when it has none; the second is found next."""
    if own is None and other is not None and atom.currency is None:
        own = replace(other, end=atom.end)
    if _skipped(text, atom, own, own is not None):
        return None
    qualifier, start = _qualifier_before(text[: atom.start])
    end = own.end if own is not None else atom.end
    return _finish(text, start, end, atom.value, atom.value, own, qualifier), end


def _part_of(text: str, atom: _Atom) -> _Unit | None:
    """A part of a whole in the whole's unit: "280 million of the 1.5 billion shekels", "3 of the 12 villages"."""
    of = _OF_THE.match(text, atom.end)
    whole = _atom_from(text, of.end()) if of is not None else None
    unit = _unit_after(text, whole.end, whole) if whole is not None else None
    if unit is None or unit.kind != "measure" or unit.value_factor is not None:
        return None
    return replace(unit, end=atom.end, raw=None) if unit.unit != "count" else replace(unit, end=atom.end)


def _age_apposition(text: str, atom: _Atom) -> _Unit | None:
    """An age set off by commas after a name, as news writes it: "Dana Roe, 45, said"."""
    raw = text[atom.start : atom.end]
    if not (raw.isdigit() and 0 < atom.value < 120 and text.startswith(",", atom.end)):
        return None
    return _Unit(atom.end, "year", None, None, None, "age") if _ends_with(_NAME_COMMA, text[: atom.start]) else None


def _change(text: str, atom: _Atom, unit: _Unit | None) -> tuple[Quantity, int] | None:
    """A change written "rose from 3,000 to 4,000" or "rose to 4,000 from 3,000": one quantity at its new
    level, with the old level as ``previous``. "cut from 5 to 7% to 3 to 5%" (ranges) is left alone."""
    before = text[: atom.start]
    from_first = _ends_with(_CHANGE_FROM, before) is not None
    if not from_first and _ends_with(_CHANGE_TO, before) is None:
        return None
    unit = unit or _plural_unit(text, atom.end)
    sep = (_TO if from_first else _FROM).match(text, unit.end if unit is not None else atom.end)
    if sep is None:
        return None
    sign = _CURRENCY_SIGN_AT.match(text, sep.end())
    m = _ATOM.match(text, sign.end() if sign is not None else sep.end())
    other = _atom_at(text, m) if m is not None else None
    if other is None or (atom.currency and other.currency and atom.currency != other.currency):
        return None
    other_unit = _unit_after(text, other.end, other) or _plural_unit(text, other.end)
    if unit is not None and other_unit is not None and unit.unit != other_unit.unit:
        return None
    old, new = (atom, other) if from_first else (other, atom)
    new_unit = (other_unit or unit) if from_first else (unit or other_unit)
    end = max(other_unit.end if other_unit is not None else 0, other.end)
    if _THEN_RANGE.match(text, end) or _skipped(text, new, new_unit, True) or _skipped(text, old, new_unit, True):
        return None
    previous = old.value
    if new.scaled and not old.scaled and old.value < 1000:  # "from 3 to 4 million"
        previous *= new.value / new.base
    return _finish(text, atom.start, end, new.value, new.value, new_unit, None, previous), end


def _plural_unit(text: str, pos: int) -> _Unit | None:
    """Any plural noun right after ``pos`` as a count: "138,285 lots"."""
    noun = _noun_after(text, pos, general=True)
    return _Unit(noun[0], "count", noun[1], noun[1], None) if noun is not None else None


def _one(text: str, atom: _Atom) -> tuple[Quantity, int] | None:
    """ "one of the students", "one proposal": a count of one with its noun; "no one", "BBC One" are not."""
    before = text[: atom.start]
    capital_inside = text[atom.start].isupper() and bool(before.strip())  # "Channel One"
    if NOT_ONE_BEFORE.search(before) or _NAME_BEFORE.search(before) or capital_inside:
        return None
    counted = one_noun(text, atom.end)
    if counted is None:
        return None
    noun, end = counted
    qualifier, start = _qualifier_before(before)
    unit = _Unit(end, "count", noun, noun.lower() if noun else None, None)
    return _finish(text, start, end, 1.0, 1.0, unit, qualifier), end


def _finish(
    text: str,
    start: int,
    end: int,
    low: float,
    high: float,
    unit: _Unit | None,
    qualifier: Qualifier | None,
    previous: float | None = None,
) -> Quantity:
    name, raw, noun = ("count", None, None) if unit is None else (unit.unit, unit.raw, unit.noun)
    kind: QuantityKind = "measure" if unit is None else unit.kind
    if unit is not None and unit.value_factor is not None:
        low, name = convert(low, unit.value_factor)
        high, _ = convert(high, unit.value_factor)
        previous = None if previous is None else convert(previous, unit.value_factor)[0]
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=low,
        low=low,
        high=high,
        unit=name,
        raw_unit=raw,
        qualifier=qualifier,
        noun=noun,
        kind=kind,
        previous=previous,
    )


def _conversion_end(text: str, end: int) -> int:
    """The end of a parenthetical conversion right after an area or distance, "40 square kilometres
    (15 square miles)", or ``end`` when there is none. A conversion to another currency is a measure."""
    paren = _PAREN.match(text, end)
    if paren is None:
        return end
    inner = paren.group(1)
    measured = re.search(rf"{_SQ}|\b(?:{_KM}|{_MI}|{_M}|acres?|hectares?)\b", inner, re.I)
    return paren.end() if re.search(r"\d", inner) and measured else end


def _vague(text: str) -> list[Quantity]:
    """ "hundreds of people", "tens of millions of dollars", of kind "vague"; "hundreds of years" is left out."""
    found = []
    for span in vague_amounts(text):
        atom = _Atom(span.start, span.end, span.low, span.low, True, None, None)
        unit = _unit_after(text, span.end, atom) or _plural_unit(text, span.end)
        if unit is None or unit.kind == "measure":
            end = unit.end if unit is not None else span.end
            found.append(replace(_finish(text, span.start, end, span.low, span.high, unit, "about"), kind="vague"))
    return found


def _fractions(text: str) -> list[Quantity]:
    """Fractions written in words, as the unit "fraction" with a value between 0 and 1."""
    found = []
    for span in fractions(text):
        qualifier, start = _qualifier_before(text[: span.start])
        of = _PERCENT_OF.match(text, span.end)
        noun = of.group(1) if of is not None else (_noun_after(text, span.end, general=True) or (0, None))[1]
        noun = None if noun is None or noun.lower() in _NOT_NOUN else noun.lower()
        unit = _Unit(span.end, "fraction", None, noun, None)
        found.append(_finish(text, start, span.end, span.low, span.high, unit, qualifier))
    return found


def extract_quantities(text: str) -> list[Quantity]:
    """Quantities in ``text`` with offsets local to it, left to right."""
    found: list[Quantity] = _fractions(text) + _vague(text)
    taken = [(q.start, q.end) for q in found]
    pos = converted = 0
    while (m := _ATOM.search(text, pos)) is not None:
        built = _build(text, m)
        if built is None:
            pos = _skip_past(text, m)
            continue
        quantity, pos = built
        if quantity.start < converted:
            quantity = replace(quantity, kind="conversion")
        elif quantity.unit in ("km", "km2"):
            converted = _conversion_end(text, quantity.end)
        if not any(start < quantity.end and quantity.start < end for start, end in taken):
            found.append(quantity)
    return sorted(found, key=lambda q: q.start)


def _skip_past(text: str, m: re.Match[str]) -> int:
    """Past a rejected number, and past its range partner so "2022-2023" yields nothing."""
    joiner = r"\s*[-–—/]\s*|\s+to\s+" if _AGED.search(text, 0, m.start()) else r"\s*[-–—/]\s*"
    tail = re.match(rf"(?:(?:{joiner})\d[\d,.]*)?", text[m.end() :])
    return m.end() + (tail.end() if tail else 0)


def _annotate(sentence: Sentence) -> Sentence:
    shifted = tuple(
        replace(q, start=q.start + sentence.start, end=q.end + sentence.start)
        for q in extract_quantities(sentence.text)
    )
    return replace(sentence, quantities=shifted)


def annotate_quantities(doc: Document) -> Document:
    """Fill ``Sentence.quantities`` with offsets into ``Document.text``."""
    return replace(doc, sentences=tuple(_annotate(s) for s in doc.sentences))


def build(config: Config) -> Stage[Document]:
    return Stage(name="quantities", func=annotate_quantities, requires=("nlp",), provides=("quantities",))
