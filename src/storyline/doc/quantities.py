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
from storyline.pipeline import Stage
from storyline.records import Document, Qualifier, Quantity, Sentence


def _words(text: str) -> list[str]:
    """A word list written as one string, to keep vocabularies compact."""
    return text.split()


UNITS: pint.UnitRegistry = pint.UnitRegistry()  # created once: building a registry is slow

# 1. Number words and scales ----------------------------------------------------------------
_SMALL = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
)
_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(_SMALL)}
WORD_VALUES.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12.0}
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9}

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = (
    rf"(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_SMALL[1:10])}))?|{'|'.join(_SMALL)}"
    r"|a(?=\s+(?:dozen|hundred|thousand|million|billion)\b)"
)
_SCALE = r"(?:\s+|-)(?:hundred|thousand|million|billion|trillion|dozen)\b|\s?(?:bn|mn|m|k|b)\b"
_ATOM = re.compile(rf"(?<![\w.,])(?P<num>{_DIGITS}|\b(?:{_WORD})\b)(?P<scale>{_SCALE})?", re.I)

# 2. Units -----------------------------------------------------------------------------------
_CURRENCY_PREFIX = re.compile(r"(?:US\s?\$|\$|€|£|₴|\b(?:USD|EUR|GBP|UAH)\s?)$")
_PREFIX_CODES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH"}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "us dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "pounds sterling": "GBP",
    "hryvnia": "UAH",
    "hryvnya": "UAH",
    "rouble": "RUB",
    "ruble": "RUB",
}
_SQ = r"(?:square|sq\.?)[\s-]*"
_KM = r"kilomet(?:re|er)s?|km"
_MI = r"miles?|mi"
_M = r"met(?:re|er)s?"
_UNIT = re.compile(
    rf"""^(?:
      (?P<pct>\s?%|\s+per\s?cent\b|\s+pct\b|\s+percentage\s+points?\b)
    | [\s-]*(?P<area>{_SQ}(?:{_KM}|{_MI}|{_M})\b|(?:km|mi)(?:²|2)(?!\d)|sq\s?km\b|acres?\b|hectares?\b|ha\b)
    | [\s-]*(?P<dist>(?:{_KM}|{_MI}|{_M})\b)
    | \s+(?P<money>(?:US\s)?dollars?|euros?|pounds\s+sterling|pounds?|hryvnias?|hryvnyas?|roubles?|rubles?)\b
    )""",
    re.I | re.X,
)
# pint expression for each area/distance unit as written (after lowercasing and squeezing spaces)
_PINT = (
    (re.compile(rf"^{_SQ}(?:{_KM})$|^km(?:²|2)$|^sq\s?km$"), "km**2", "km2"),
    (re.compile(rf"^{_SQ}(?:{_MI})$|^mi(?:²|2)$"), "mile**2", "km2"),
    (re.compile(rf"^{_SQ}(?:{_M})$"), "meter**2", "km2"),
    (re.compile(r"^acres?$"), "acre", "km2"),
    (re.compile(r"^(?:hectares?|ha)$"), "hectare", "km2"),
    (re.compile(rf"^(?:{_KM})$"), "km", "km"),
    (re.compile(rf"^(?:{_MI})$"), "mile", "km"),
    (re.compile(rf"^(?:{_M})$"), "meter", "km"),
)
_CANONICAL_PINT = {"km2": "km**2", "km": "km"}

_COUNTED = set(
    _words(
        "people person civilian soldier troop settlement village town city resident body grave tank "
        "child man "
        "woman casualty death dead wounded injured prisoner captive hostage refugee evacuee home house "
        "building apartment drone missile rocket shell aircraft helicopter jet plane vehicle fighter "
        "serviceman personnel officer journalist victim family household worker patient hospital school "
        "district locality community bridge gun howitzer ship vessel boat member detainee student doctor "
        "medic militant combatant mercenary conscript recruit reservist mine strike airstrike attack "
        "incident "
        "site position round battalion brigade unit police policeman firefighter rescuer volunteer displaced "
        "missing sailor pilot marine paratrooper official invader occupier defender weapon launcher system"
    )
)
_IRREGULAR = {
    "people": "people",
    "men": "man",
    "women": "woman",
    "children": "child",
    "servicemen": "serviceman",
    "policemen": "policeman",
}
_FILLER = set(_words("of the a an and or were was had have has in on at to for by from with who that which is are"))
_MODIFIER = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
_DURATION = re.compile(r"^[\s-]*(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur)", re.I)

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
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][A-Za-z'’-]*)\s+$")
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
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_RANGE_SEP = re.compile(r"^(?:\s*[-–—]\s*|\s+to\s+|\s+or\s+)")
_AND_SEP = re.compile(r"^\s+and\s+")
_AFTER_QUALIFIER = re.compile(r"\s+or\s+(?:more|so)\b", re.I)
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


def parse_number(num: str, scale: str | None = None) -> float:
    """The value of a digit string or number word ("6,000", "twenty-five", "a") times its scale."""
    n = num.lower()
    if n[0].isdigit():
        value = float(n.replace(",", ""))
    elif n == "a":
        value = 1.0
    else:
        head, _, tail = n.partition("-")
        value = WORD_VALUES[head] + (WORD_VALUES[tail] if tail else 0.0)
    if scale:
        s = scale.strip(" -").lower()
        value *= SCALES.get(s, _SHORT_SCALES.get(s, 1.0))
    return value


def convert(value: float, raw_unit: str) -> tuple[float, str]:
    """Convert an area or distance written as ``raw_unit`` to km2 or km with pint."""
    key = re.sub(r"\s+", " ", raw_unit.strip().lower())
    for pattern, expr, canonical in _PINT:
        if pattern.match(key):
            magnitude = UNITS.Quantity(value, expr).to(_CANONICAL_PINT[canonical]).magnitude
            return float(magnitude), canonical
    raise ValueError(f"not an area or distance unit: {raw_unit!r}")


def _atom_at(text: str, m: re.Match[str]) -> _Atom | None:
    cur = _CURRENCY_PREFIX.search(text, 0, m.start())
    currency = raw_cur = None
    if cur is not None:
        raw_cur = cur.group().strip()
        key = raw_cur.lower().replace(" ", "")
        currency = _PREFIX_CODES.get(key, key.upper())
    scale = m.group("scale")
    end = m.end()
    if scale and scale.strip(" -").lower() in _SHORT_SCALES and currency is None:
        scale, end = None, m.end("num")
    if m.group("num").lower() == "a" and not scale:
        return None
    start = cur.start() if cur is not None else m.start()
    value = parse_number(m.group("num"), scale)
    return _Atom(start, end, value, parse_number(m.group("num")), bool(scale), currency, raw_cur)


def _noun_after(text: str, pos: int) -> tuple[int, str] | None:
    """A counted noun after ``pos``, allowing up to two modifiers ("6,000 Russian troops")."""
    for _ in range(3):
        m = _MODIFIER.match(text, pos)
        if m is None:
            return None
        word = m.group(1).lower()
        if _singular(word) in _COUNTED:
            return m.end(), word
        if word in _FILLER or ("-" in word and word.split("-")[-1] in ("day", "year", "old")):
            return None
        pos = m.end()
    return None


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, repl in (("ies", "y"), ("ves", "f"), ("ses", "s"), ("s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in _COUNTED:
            return word[: -len(suffix)] + repl
    return word


def _unit_after(text: str, pos: int, atom: _Atom) -> _Unit | None:
    if atom.currency is not None:
        return _Unit(pos, atom.currency, atom.raw_currency, None, None)
    m = _UNIT.match(text[pos:])
    if m is not None:
        end = pos + m.end()
        if m.group("pct"):
            noun = _PERCENT_OF.match(text, end)
            return _Unit(end, "percent", m.group("pct").strip(), noun.group(1).lower() if noun else None, None)
        if m.group("money"):
            raw = m.group("money")
            key = re.sub(r"s$", "", raw.lower()) if "sterling" not in raw.lower() else "pounds sterling"
            return _Unit(end, _CURRENCY_WORDS.get(key, "USD"), raw, None, None)
        raw = (m.group("area") or m.group("dist")).strip()
        return _Unit(end, "", raw, "area" if m.group("area") else "distance", raw)
    counted = _noun_after(text, pos)
    if counted is not None:
        return _Unit(counted[0], "count", counted[1], counted[1], None)
    return None


def _skipped(text: str, atom: _Atom, unit: _Unit | None) -> bool:
    """Years, dates, times, ordinals, ages, durations and numbers inside names are not quantities."""
    before, after, raw = text[: atom.start], text[atom.end :], text[atom.start : atom.end]
    if _BEFORE_SKIP.search(before) or _AFTER_SKIP.match(after) or _DURATION.match(after):
        return True
    if unit is None and (re.match(r"[A-Za-z]", after) or not raw[0].isdigit()):
        return True  # "777M", "5G", and number words with nothing counted after them
    year_like = re.fullmatch(r"(?:1[89]|20)\d\d", raw) is not None
    if year_like and (unit is None or _YEAR_PREP.search(before)):
        return True
    name = _NAME_BEFORE.search(before)
    return unit is None and name is not None and not _qualifier_before(before)[0]


def _qualifier_before(before: str) -> tuple[Qualifier | None, int]:
    for qualifier, pattern in _QUALIFIER_BEFORE:
        m = pattern.search(before)
        if m is not None:
            return qualifier, m.start()
    return None, len(before)


def _second_atom(text: str, pos: int, between: bool) -> _Atom | None:
    """The upper end of a range: "3,000 to 4,000", "3,000-4,000", "between 3,000 and 4,000"."""
    sep = (_AND_SEP if between else _RANGE_SEP).match(text[pos:])
    if sep is None:
        return None
    start = pos + sep.end()
    start += len(re.match(r"(?:US\s?\$|\$|€|£|₴)?", text[start:]).group())  # type: ignore[union-attr]
    m = _ATOM.match(text, start)
    return _atom_at(text, m) if m is not None else None


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
    between = _BETWEEN_BEFORE.search(before)
    first_unit = _unit_after(text, atom.end, atom)
    second = None
    if not _FROM_BEFORE.search(before):
        second = _second_atom(text, first_unit.end if first_unit else atom.end, between is not None)
    span = _range(atom, second)
    unit = first_unit
    if span is not None and second is not None:
        unit = _unit_after(text, second.end, second) or first_unit
    if _skipped(text, atom, unit):
        return None
    if span is None:
        low = high = atom.value
        qualifier, start = _qualifier_before(before)
        end = unit.end if unit is not None else atom.end
    else:
        (low, high), qualifier = span, None
        start = between.start() if between is not None else atom.start
        end = max(unit.end if unit is not None else 0, second.end if second is not None else 0)
    after_q = _AFTER_QUALIFIER.match(text, end)
    if after_q is not None and qualifier is None and span is None:
        qualifier = "more than" if after_q.group().lower().endswith("more") else "about"
        end = after_q.end()
    return _finish(text, start, end, low, high, unit, qualifier), _resume(text, end, unit)


def _finish(
    text: str, start: int, end: int, low: float, high: float, unit: _Unit | None, qualifier: Qualifier | None
) -> Quantity:
    name, raw, noun = ("count", None, None) if unit is None else (unit.unit, unit.raw, unit.noun)
    if unit is not None and unit.value_factor is not None:
        low, name = convert(low, unit.value_factor)
        high, _ = convert(high, unit.value_factor)
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
    )


def _resume(text: str, end: int, unit: _Unit | None) -> int:
    """Skip a parenthetical conversion right after a measure: "40 square kilometres (15 square miles)"."""
    paren = _PAREN.match(text, end)
    if unit is None or unit.unit == "count" or paren is None:
        return end
    inner = paren.group(1)
    measured = re.search(rf"{_SQ}|\b(?:{_KM}|{_MI}|{_M}|acres?|hectares?)\b|[$€£%]", inner, re.I)
    return paren.end() if re.search(r"\d", inner) and measured else end


def extract_quantities(text: str) -> list[Quantity]:
    """Quantities in ``text`` with offsets local to it, left to right."""
    found: list[Quantity] = []
    pos = 0
    while (m := _ATOM.search(text, pos)) is not None:
        built = _build(text, m)
        if built is None:
            pos = _skip_past(text, m)
            continue
        quantity, pos = built
        found.append(quantity)
    return found


def _skip_past(text: str, m: re.Match[str]) -> int:
    """Past a rejected number, and past its range partner so "2022-2023" yields nothing."""
    tail = re.match(r"(?:\s*[-–—/]\s*\d[\d,.]*)?", text[m.end() :])
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
