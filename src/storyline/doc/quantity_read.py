"""Read one number and the unit written right after it, for ``storyline.doc.quantities``.

A number is digits or number words with a scale ("1.2 million", "EUR50m"), its currency sign and
minus sign included; its unit is a percent, an area or distance (converted to km2 or km with pint),
a currency, a measure from ``quantity_units``, a duration (``quantity_durations``) or age, or a counted
noun. Context (years, names, qualifiers) is left to ``quantity_context``, ranges and changes to
``quantity_ranges``; ``make_quantity`` makes the record of what was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pint

from storyline.doc.quantity_durations import DURATION, DURATION_UNIT, duration_after
from storyline.doc.quantity_states import DEMONYM, STATES, VERB_STATES, people_in_state, verb_state
from storyline.doc.quantity_units import (
    CURRENCY_SIGNS,
    CURRENCY_WORD_PATTERN,
    CURRENCY_WORDS,
    FILLER,
    MEASURE_PATTERN,
    MEASURES,
    NOT_PLURAL,
    currency_of_word,
    is_counted,
    words,
)
from storyline.doc.quantity_words import (
    AND_PART,
    FRACTION_OF_SCALE,
    MODIFIER,
    SMALL,
    TENS,
    VULGAR_FRACTIONS,
    WORD_VALUES,
    name_plural,
    named_number,
    noun_next,
    parse_number,
    plural,
)
from storyline.records import Qualifier, Quantity, QuantityKind

UNITS: pint.UnitRegistry = pint.UnitRegistry()  # created once: building a registry is slow

# 1. Numbers (number words and scales are in ``quantity_words``) ------------------------------
_VULGAR = "".join(VULGAR_FRACTIONS)
# a decimal or a mixed number: "2.5", "2 and a half", "2½"
# "3 1/2" with a usual denominator; thousands grouped by spaces, "10 000", only for groups of three digits and
# not before a hyphenated word unless the last group is "000" ("2 500-pound bombs" are two bombs of 500 pounds, "a
# 10 000-strong crowd" is one number)
_DIGITS = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d|[,.]\d|\s\d|(?<!000)-[A-Za-z])|\d+)"
    rf"(?:\.\d+|{AND_PART}|[{_VULGAR}]|\s[1-9]/(?:2|3|4|8)(?![\d/]))?|\.\d+|[{_VULGAR}]"
)
# tens and units joined by a hyphen or, as CQE's number words also read them, a space: "twenty five"
_ORDINAL_AFTER = r"(?![-\s]+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b)"  # "twenty first"
_TENS_UNITS = rf"(?:{'|'.join(TENS)}){_ORDINAL_AFTER}(?:(?:-|\s+)(?:{'|'.join(SMALL[1:10])})\b)?"
_ONE_WORD = rf"(?:{_TENS_UNITS}|{'|'.join(SMALL[1:])})\b"
_GROUP = rf"{_ONE_WORD}(?:\s+hundred\b(?:\s+(?:and\s+)?{_ONE_WORD})?)?"
# number words with a scale inside them: "two hundred and six", "twenty-eight thousand six hundred forty-two"
_COMPOUND = (
    rf"{_ONE_WORD}\s+hundred\s+(?:and\s+)?{_ONE_WORD}"
    rf"|{_GROUP}\s+(?:thousand|million|billion)\b(?:,?\s+(?:and\s+)?{_GROUP}(?:\s+(?:thousand|million)\b)?)+"
)
# "one and a half", "half a" (million), "a quarter of a" (billion), "a half" (million)
_WORD = (
    rf"{FRACTION_OF_SCALE}|{_COMPOUND}"
    rf"|(?:{_TENS_UNITS}|{'|'.join(SMALL)})(?:{AND_PART})?"
    r"|a(?=\s+(?:dozen|hundred|thousand|million|billion|trillion)\b)"
)
_SCALE = (
    r"(?:\s+|-)(?:hundred|thousand|million|billion|trillion|dozen|lakh|crore)\b"
    r"|(?<=\d)(?:million|billion|trillion)\b"  # joined, as some papers write money: "£3million", "$1.5billion"
    r"|\s?(?:bn|bln|mn|mln|mio|m|(?<!401)(?-i:k)|b|tn|trn|trln|tr)\b"
    r"|(?<=\d)(?<![^\d]4)(?<![^\d]8)(?<!401)(?-i:K)\b(?![-'’])"  # "3K" thousands; not "4K", "401K"
)
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
# after a letter or a dot, a number is found only to be checked against ``_TOUCHING`` (``atom_at``)
ATOM = re.compile(
    rf"(?:(?<![\w.,])|(?<=[A-Za-z.])(?!\.))(?P<num>{_DIGITS}|\b(?:{_WORD})\b)"
    rf"(?:(?P<scale>{_SCALE})(?P<plus>{AND_PART})?)?",  # "a million and a half": the part after the scale
    re.I,
)
# "m" and "b" after a bare number are metres or a name ("3m", "777B") unless a plural noun follows
_SCALE_NOUN = re.compile(r"\s+([a-z]+s|people)\b")
# a decimal with "m" and only punctuation after is millions ("a population of 8.9m.", "4.5m, up from 3.1m");
# a word or a conversion in brackets after it makes it metres ("3.5m high", "3.7m (12ft)")
_METRES_AFTER = re.compile(r"\s*-?\s*(?:[a-z]|\()", re.I)
# a bare "m" is millions before a verb or a share of a group: "3m affected", "2m were displaced", "12m of its
# users" (a length is not what a verb follows, nor a part "of its" anything but a count)
_MILLIONS_AFTER = re.compile(
    r"\s+(?:of\s+(?:its|their|his|her|our|your|them|whom|those|these)\b"
    r"|(?:were|are|was|is|have|has|had|will|would|could|may|might|remain|remained|still)\b|[a-z]{3,}ed\b(?!-))"
)
# one- and two-letter signs that are money only before an amount written as one: "R15.20", "R500", "Dh1.2m"
_SHORT_SIGNS = ("R", "DH", "TL")
_SIGNED_AMOUNT = re.compile(r"\d{3}|\d+[.,]\d|\d+\s?(?:bn|bln|m|mln|tn|k|million|billion|trillion)\b", re.I)
# a minus sign or word right before a number: "-5 yards", "$-50.8bn", "minus 233 Celsius"
# a minus sign; not "plus or minus 3 points", "plus-minus 3.1", a margin either way
_MINUS = re.compile(r"(?:(?<![\w.,)%–-])-|−|(?<!plus or )(?<!plus-)(?<!plus/)(?<!\+/)\bminus[\s-])$", re.I)

# "× 10^-8", "x10−8", "×10⁻⁸": an exponent needs a caret, a sign or superscript digits ("3x104" is not one)
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# or, as CQE's number reading has it, "e" joined to both: "6.022e23", "2.5E-3"
_TIMES_TEN = re.compile(
    r"\s?[×x*]\s?10(?:(?:\^|\*\*)\s?([−-]?\d{1,3})|([−-]\d{1,3})|(⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?!\d)"
    r"|[eE]([+−-]?\d{1,3})(?![\w.]|,\d)"
)

# 2. Units -----------------------------------------------------------------------------------
_SIGNS = sorted(CURRENCY_SIGNS, key=len, reverse=True)
# a code that is also an English word is a currency only in capitals: "TRY 40", not "try 3 times"
_WORD_CODES = frozenset(("TRY",))


def _sign_pattern(sign: str) -> str:
    """A currency sign as a pattern: a symbol as it is ("$"), a code not inside a word ("USD"), and a code that
    is also a word in capitals only."""
    if not sign[0].isalpha():
        return re.escape(sign)
    code = rf"(?-i:{re.escape(sign)})" if sign in _WORD_CODES else re.escape(sign)
    return rf"(?<![A-Za-z]){code}"


_SIGN = "|".join(_sign_pattern(k) for k in _SIGNS)
_CURRENCY_PREFIX = re.compile(rf"(?:{_SIGN})\s?$", re.I)
CURRENCY_SIGN_AT = re.compile(rf"(?:{_SIGN})\s?", re.I)
CURRENCY_CODES = set(CURRENCY_SIGNS.values()) | {currency_of_word(w) for w in CURRENCY_WORDS}
_CODES = "|".join(sorted(CURRENCY_CODES))
_SQ = r"(?:square|sq\.?)[\s-]*"
_KM = r"kilomet(?:re|er)s?|kms?"
_MI = r"miles?|mi"
_M = r"met(?:re|er)s?"
_FT = r"f(?:ee|oo)t|ft"
# smaller areas, read only after "square"/"sq" or with a 2 or ² ("40 square inches", "12 cm2")
_SMALL = r"centimet(?:re|er)s?|cm|millimet(?:re|er)s?|mm|inch(?:es)?|(?<=sq\s)in|(?<=sq\.\s)in|yards?|yds?|yd"
# a bare "m" is metres only when a length is said: "a 40m-long tunnel", "12m (39ft)", "40 m wide", "a depth of
# 2 m in places"; "a 3m fine" and "a 3 m fine" are not
_LENGTH_SAID = (
    r"(?=\s*\(\d[^)]*(?:ft|feet|foot)\)"
    r"|[\s-](?:long|tall|high|wide|deep|thick|across|away|sprint|hurdles|freestyle|relay|above|below)\b"
    r"|\s+in\s+(?:length|height|width|depth|diameter)\b)"
)
# a bare "m" after a verb of running, swimming or throwing is metres: "ran 100m", "threw the javelin 80 m"
_RACE_VERB = re.compile(
    r"\b(?:ran|runs?|swam|swims?|walked|sprinted|jumped|leapt|threw|thrown|throws?|hurled|dived|rowed|cycled"
    r"|skied)\s+(?:the\s+\w+\s+)?(?:about\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|just\s+)?$",
    re.I,
)
_BARE_M = re.compile(r"\s?(?-i:m)\b(?![-'’.]?\w)")
# a bare "m" is metres too as the report's conversion of a length in brackets, "5,000 ft (1,500 m)", or after a
# word of depth or height, "at depths of 1,000 m"
_METRES_BEFORE = re.compile(
    r"(?:\b(?:f(?:ee|oo)t|ft|miles?|yards?|inch(?:es)?)\s*\(\s*|\b(?:depths?|heights?|altitudes?|elevations?)\s+of"
    r"\s+(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?)$",
    re.I,
)
_UNIT = re.compile(
    rf"""(?:
      (?P<pct>\s+(?:percentage|pct\.?|per\s?cent(?:age)?)\s+(?:points?|pts?)\b|\s?(?-i:pp|ppts)\b(?!\s+of\b)|\s?%
        |\s?per\s?cent\b|\s+pct\b|\s?pc\b)
    | [\s-]*(?P<area>{_SQ}(?:{_KM}|{_MI}|{_M}|m|{_FT}|{_SMALL})\b|(?:km|mi|m|cm|mm|ft|in|yd)(?:²|2|\^2)(?!\d)
      |sq\s?km\b|sqft\b|acres?\b(?![\s-]f(?:ee|oo)t)|hectares?\b
      |ha\b)
    | \s+(?P<money>{CURRENCY_WORD_PATTERN})(?![\w-])
    | \s?(?P<sign>[$€£¥₩₹₽₺₿₴₪₦฿])(?![\w-])
    | \s?(?P<code>(?-i:{_CODES}))\b
    | [\s-]*(?P<measure>{MEASURE_PATTERN})(?![A-Za-z0-9])
    | [\s-]*(?P<dist>(?:{_KM}|{_MI}|{_M})\b|(?:(?<=\d)|(?<=\d\s))(?-i:m){_LENGTH_SAID})
    )""",
    re.I | re.X,
)
# pint expression for each area/distance unit as written (after lowercasing and squeezing spaces)
_PINT = (
    (re.compile(rf"^{_SQ}(?:{_KM})$|^km(?:²|2|\^2)$|^sq\s?km$"), "km**2", "km2"),
    (re.compile(rf"^{_SQ}(?:{_MI})$|^mi(?:²|2|\^2)$"), "mile**2", "km2"),
    (re.compile(rf"^{_SQ}(?:{_M}|m)$|^m(?:²|2|\^2)$"), "meter**2", "km2"),
    (re.compile(rf"^{_SQ}(?:{_FT})$|^ft(?:²|2|\^2)$|^sqft$"), "foot**2", "km2"),
    (re.compile(r"^(?:square|sq\.?)[\s-]*(?:centimet(?:re|er)s?|cm)$|^cm(?:²|2|\^2)$"), "centimeter**2", "km2"),
    (re.compile(r"^(?:square|sq\.?)[\s-]*(?:millimet(?:re|er)s?|mm)$|^mm(?:²|2|\^2)$"), "millimeter**2", "km2"),
    (re.compile(r"^(?:square|sq\.?)[\s-]*(?:inch(?:es)?|in)$|^in(?:²|2|\^2)$"), "inch**2", "km2"),
    (re.compile(r"^(?:square|sq\.?)[\s-]*(?:yards?|yds?)$|^yd(?:²|2|\^2)$"), "yard**2", "km2"),
    (re.compile(r"^acres?$"), "acre", "km2"),
    (re.compile(r"^(?:hectares?|ha)$"), "hectare", "km2"),
    (re.compile(rf"^(?:{_KM})$"), "km", "km"),
    (re.compile(rf"^(?:{_MI})$"), "mile", "km"),
    (re.compile(rf"^(?:{_M}|m)$"), "meter", "km"),
)
_CANONICAL_PINT = {"km2": "km**2", "km": "km"}

# lower case, or title case after digits, as shop pages and headlines write it: "a 2,812-Piece Set"
_JOINED = re.compile(r"-(?P<noun>[a-z]{3,}|(?<=\d-)[A-Z][a-z]{2,})\b(?![-’'])")
_SHARED_JOIN = re.compile(r"-(?:,?\s+[\w.]+-)*,?\s+(?:and|or|to)\s+[\w.]+-(?P<noun>[a-z]{3,})\b(?![-’'])")
# a scale word joined to "pound" prices it: "a million-pound house", "a 3 million-pound striker"
_SCALED = re.compile(r"(?:million|billion|trillion)$", re.I)
_SCALED_REACH = len("trillion")  # characters before the hyphen that ``_SCALED`` can take
# currency words that name nothing else, joined to their number: "a 20-dollar bill", "a billion-dollar deal"
_JOINED_CURRENCY = frozenset(words("dollar euro yen yuan rupee rouble ruble peso franc shekel"))
_MONEY_THING = re.compile(r"\s+(?:notes?|coins?|fines?|fees?|tickets?|bills?|prizes?|bets?|vouchers?)\b", re.I)
_NOT_JOINED = set(words("long wide high tall deep strong odd plus fold old based time way something thousand million"))
_AGE = re.compile(r"(?:\s*-\s*|\s+)(?P<unit>year|month|week|day)s?(?:\s*-\s*|\s+)olds?\b|\s+years\s+of\s+age\b", re.I)
# people of an age, counted by the number before them: "30 20-year-olds", "600,000 11-year olds"
AGED_PEOPLE = re.compile(
    r"\s+(?P<noun>(?:\d+|[a-z]+(?:-[a-z]+)?)(?:\s*-\s*|\s+)(?:year|month|week|day)s?(?:\s*-\s*|\s+)olds)\b", re.I
)
# the system a measure is written in, between its number and its unit: "One US fluid ounce", "4 imperial pints"
_SYSTEM = re.compile(r"\s+(?:US|U\.S\.|UK|U\.K\.|[Ii]mperial)(?=\s)")
_PAREN = re.compile(r"\s*\(([^()]{1,80})\)")
PERCENT_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?!(?:the|its|their|a|an)\b)([a-z]+)", re.I)


@dataclass(frozen=True)
class Atom:
    start: int
    end: int
    value: float
    base: float  # the value before its scale word
    scaled: bool
    currency: str | None
    raw_currency: str | None


@dataclass(frozen=True)
class Unit:
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


def atom_at(text: str, m: re.Match[str]) -> Atom | None:
    before = text[m.start() - 1] if m.start() else ""
    if (before.isalpha() or before == ".") and _TOUCHING.search(text, max(0, m.start() - 4), m.start()) is None:
        return None  # inside a word or a name: "A330", "v1.2"
    minus = _MINUS.search(text, max(0, m.start() - 6), m.start())
    cur = _currency_before(text, m, minus.start() if minus else m.start())
    currency = raw_cur = None
    if cur is not None and cur.group().strip().upper() in _SHORT_SIGNS and not _SIGNED_AMOUNT.match(m.group()):
        return None  # "R2", "the R7 bus", "dh 3" are names; "R15.20", "R500", "Dh1,200", "R1.2bn" are money
    if cur is not None:
        raw_cur = cur.group().strip()
        currency = CURRENCY_SIGNS.get(raw_cur.upper(), CURRENCY_SIGNS.get(raw_cur.upper().replace(" ", ""), "USD"))
    scale = m.group("scale")
    end = m.end()
    short = scale.strip(" -").lower() if scale else ""
    num = m.group("num") + (m.group("plus") or "")  # "a million and a half": 1.5 million
    if short in ("m", "b") and currency is None:
        noun = _SCALE_NOUN.match(text, m.end())
        bare_millions = short == "m" and "." in m.group("num") and _METRES_AFTER.match(text, m.end()) is None
        bare_millions = bare_millions or (short == "m" and _MILLIONS_AFTER.match(text, m.end()) is not None)
        if (noun is None or noun.group(1).lower() in NOT_PLURAL) and not bare_millions:
            scale, end, num = None, m.end("num"), m.group("num")
    if m.group("num").lower() == "a" and not scale:
        return None
    start = cur.start() if cur is not None else minus.start() if minus is not None else m.start()
    sign = -1.0 if minus is not None else 1.0
    value = sign * parse_number(num, scale)
    power = _TIMES_TEN.match(text, end) if not scale and m.group("num")[0].isdigit() else None
    if power is not None:  # scientific notation: "2.998×10−8", "6.02 x 10^23"
        raw = (power.group(1) or power.group(2) or power.group(3) or power.group(4)).lstrip("+")
        digits = "".join(str(_SUPERSCRIPTS.index(c)) if c in _SUPERSCRIPTS else c for c in raw.lstrip("-−⁻"))
        value *= 10.0 ** (-int(digits) if raw[0] in "-−⁻" else int(digits))
        end = power.end()
    return Atom(start, end, value, sign * parse_number(num), bool(scale), currency, raw_cur)


# a country's or body's initials with dots among a count's modifiers: "U.S.", "U.K.", "U.N."
INITIALS = re.compile(r"\s+(?:[A-Z]\.){2,}(?=\s+[A-Za-z])")
# pounds are a pressure before "per square inch", a weight before "of" or "per gallon" ("13 pounds per gallon")
_PER_SQUARE_INCH = re.compile(r"\s+per\s+(?:square|sq\.?)\s+inch\b", re.I)
_WEIGHED = re.compile(r"\s+(?:of\s|per\s+(?:gallon|cubic)\b)", re.I)


def noun_after(text: str, pos: int, general: bool = False) -> tuple[int, str] | None:
    """A counted noun after ``pos``, allowing up to two modifiers ("6,000 Russian troops"), and names
    joined by "and" or "or" ("460 Kia and Hyundai vehicles").

    With ``general``, any lower-case plural noun counts ("59 users", "five profile slots"), and so does a
    people's name ("millions of Americans").
    """
    previous = ""
    named = named_number(text, pos)
    for _ in range(5):
        initials = INITIALS.match(text, pos)  # "two U.S. lawmakers", "three U.K. banks"
        pos = initials.end() if initials is not None else pos
        m = MODIFIER.match(text, pos)
        if m is None:
            return None
        raw, word = m.group(1), m.group(1).lower()
        if word in WORD_VALUES:  # another number starts: "Apollo 11 carried three men"
            return None
        if word in VERB_STATES:  # "22 killed in the blast", "12 more hurt"; not "the two killed a guard"
            return verb_state(text, m.end(), word) if previous.lower() in ("", "more") else None
        named_plural = not named and not previous and name_plural(raw) and not noun_next(text, m.end())
        if is_counted(word) or (general and (plural(raw) or DEMONYM.match(raw) or named_plural)):
            return (people_in_state(text, m.end(), word) if word in STATES else None) or (m.end(), word)
        joined = word in ("and", "or") and previous[:1].isupper() and text[m.end() + 1 : m.end() + 2].isupper()
        stop = word in FILLER or word in _CLAUSE_STOP
        if (stop and not joined) or ("-" in word and word.split("-")[-1] in ("day", "year", "old")):
            return None
        pos, previous = m.end(), raw
    return None


# a clause, a pronoun or a modal verb ends the words a counted noun may follow: "15 when he left school" counts
# no school, "12 could face charges" no charges
_CLAUSE_STOP = frozenset(
    words(
        "when whenever while if because since until unless than he she they it we you i his its our my your"
        " will would can could may might must should shall"
    )
)


def unit_after(text: str, pos: int, atom: Atom) -> Unit | None:
    if atom.currency is not None:
        return Unit(pos, atom.currency, atom.raw_currency, None, None)
    age = _AGE.match(text, pos)
    if age is not None:
        unit = (age.group("unit") or "year").lower()
        return Unit(age.end(), unit, age.group().strip(" -"), None, None, "age")
    duration = duration_after(text, pos, text[atom.start : atom.end])  # "three days", "three remarkable weeks"
    if duration is not None:
        return Unit(duration[0], duration[1], duration[2], None, None, "duration")
    metres = _RACE_VERB.search(text, max(0, atom.start - 32), atom.start) or _METRES_BEFORE.search(
        text, max(0, atom.start - 48), atom.start
    )
    raced = metres and _BARE_M.match(text, pos)
    if raced:  # "she swam 400m", "5,000 ft (1,500 m)": metres, not millions
        return Unit(raced.end(), "", "m", "distance", "m")
    m = _UNIT.match(text, pos)
    system = _SYSTEM.match(text, pos) if m is None else None
    if system is not None and (m := _UNIT.match(text, system.end())) is not None and not m.group("measure"):
        m = None  # "5 US troops" is a count; "One US fluid ounce", "10 imperial gallons" are measures
    if m is not None:
        end = m.end()
        if m.group("pct"):
            noun = PERCENT_OF.match(text, end)
            return Unit(end, "percent", m.group("pct").strip(), noun.group(1).lower() if noun else None, None)
        if m.group("money"):
            if re.fullmatch(r"pounds?", m.group("money"), re.I) and (psi := _PER_SQUARE_INCH.match(text, end)):
                return Unit(psi.end(), "psi", text[m.start() : psi.end()], None, None)  # a pressure
            if re.fullmatch(r"pounds?", m.group("money"), re.I) and _WEIGHED.match(text, end):
                return Unit(end, "lb", m.group("money"), None, None)  # "5 pounds of cocaine" is a weight
            return Unit(end, currency_of_word(m.group("money")), m.group("money"), None, None)
        if m.group("sign"):  # a sign after its amount, as much of Europe writes it: "30€", "60,000₩"
            return Unit(end, CURRENCY_SIGNS[m.group("sign")], m.group("sign"), None, None)
        if m.group("code"):
            return Unit(end, m.group("code"), m.group("code"), None, None)
        if m.group("measure"):
            raw = m.group("measure")
            name = next(n for i, (n, _) in enumerate(MEASURES) if m.group(f"u{i}"))
            if raw == '"' and text.count('"', 0, pos) % 2 == 1:
                return None  # the closing quotation mark of 'he said "I paid 5"', not inches
            return Unit(end, name, raw, None, None)
        raw = (m.group("area") or m.group("dist")).strip()
        return Unit(end, "", raw, "area" if m.group("area") else "distance", raw)
    counted = noun_after(text, pos)
    if counted is not None:
        return Unit(counted[0], "count", counted[1], counted[1], None)
    return _joined_noun(text, pos)


def _joined_noun(text: str, pos: int) -> Unit | None:
    """A noun joined to its number by a hyphen, which CQE counts: "a six-cylinder engine", and each number of
    a list that shares it, "four-, five- and six-cylinder"; "a 300-strong crowd" is not one."""
    m = _JOINED.match(text, pos) or _SHARED_JOIN.match(text, pos)
    if m is None or m.group("noun").lower() in _NOT_JOINED or re.search(r"(?:ed|ing|ly)$", m.group("noun")):
        return None
    if m.group("noun").lower() in WORD_VALUES:
        return None  # a name: "the 7-Eleven"
    shared_time = m.re is _SHARED_JOIN and DURATION.match(m.group("noun"))
    if _UNIT.match(text, m.start("noun") - 1) or DURATION_UNIT.match(text, m.start("noun") - 1) or shared_time:
        return None  # a unit shared along a list is read with the list: "7- or 8-inch", "16- or 17-hour"
    end = m.end() if m.re is _JOINED else pos + 1
    noun = m.group("noun").lower()
    if m.re is _JOINED and noun == "pound":  # "a 150-pound turtle" weighs; "a 20-pound note" pays
        priced = _SCALED.search(text, max(0, pos - _SCALED_REACH), pos) or _MONEY_THING.match(text, end)
        return Unit(end, "GBP" if priced else "lb", m.group("noun"), None, None)
    if m.re is _JOINED and noun in _JOINED_CURRENCY:
        return Unit(end, currency_of_word(noun), m.group("noun"), None, None)
    return Unit(end, "count", m.group("noun"), m.group("noun").lower(), None)


def atom_from(text: str, start: int) -> Atom | None:
    """The number (with its currency sign) that starts at ``start``, if one does."""
    sign = CURRENCY_SIGN_AT.match(text, start)
    m = ATOM.match(text, sign.end() if sign is not None else start)
    return atom_at(text, m) if m is not None else None


# "200-plus aircraft", "a 35-plus hour week", "100,000 plus subscribers": "plus" before a word, not a number
_PLUS = re.compile(r"(?:-|\s+)plus(?=\s+[A-Za-z])", re.I)


def plus_unit(text: str, atom: Atom) -> Unit | None:
    """The unit or counted noun after "-plus" right after the number, as CQE reads "200-plus aircraft":
    200 aircraft (an amount of at least 200); None when "plus" adds a number ("5 plus 3") or is absent."""
    plus = _PLUS.match(text, atom.end)
    if plus is None:
        return None
    return unit_after(text, plus.end(), atom) or plural_unit(text, plus.end())


def plural_unit(text: str, pos: int) -> Unit | None:
    """Any plural noun right after ``pos`` as a count: "138,285 lots"."""
    noun = noun_after(text, pos, general=True)
    return Unit(noun[0], "count", noun[1], noun[1], None) if noun is not None else None


def conversion_end(text: str, end: int) -> int:
    """The end of a parenthetical conversion right after an area or distance, "40 square kilometres
    (15 square miles)", or ``end`` when there is none. A conversion to another currency is a measure."""
    paren = _PAREN.match(text, end)
    if paren is None:
        return end
    inner = paren.group(1)
    measured = re.search(rf"{_SQ}|\b(?:{_KM}|{_MI}|{_M}|acres?|hectares?)\b", inner, re.I)
    return paren.end() if re.search(r"\d", inner) and measured else end


def make_quantity(
    text: str,
    start: int,
    end: int,
    low: float,
    high: float,
    unit: Unit | None,
    qualifier: Qualifier | None,
    previous: float | None = None,
) -> Quantity:
    """The record of the quantity ``text[start:end]``, its values converted by the unit's ``value_factor``."""
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
