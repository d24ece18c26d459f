"""The words around a number: whether they make it no quantity at all (a year, date, clock time, ordinal,
age, or a number inside a name or address), the qualifier before it ("about", "more than", "up to"), and
the unit they give a number that has none after it (an age set off by commas, a part of a whole).

Ranges, changes and alternatives, where two numbers are read together, are ``quantity_ranges``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.doc.quantity_durations import DURATION
from storyline.doc.quantity_names import clock_or_short_year, code_or_label, model_name, names_item
from storyline.doc.quantity_read import INITIALS, Atom, Unit, atom_from, noun_after, unit_after
from storyline.doc.quantity_units import FILLER, IRREGULAR
from storyline.doc.quantity_words import bare_word_count, plural
from storyline.records import Qualifier

# 1. Contexts that make a number something other than a quantity ----------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_BEFORE_SKIP = re.compile(
    rf"(?:\b{_MONTH}\.?\s+|\b{_MONTH}\.?\s+\d{{1,2}},\s+|[A-Za-z]-?|\d[/:]|#|\bno\.\s*|\bnumber\s+|\baged?\s+|\bA\.D\.\s+)$",
    re.I,
)
_AFTER_SKIP = re.compile(
    rf"""^(?:st|nd|rd|th)?(?:\b|(?=\s))(?:\s+(?:of\s+)?(?!(?-i:may)\s+(?!\d))(?:{_MONTH})\b)
    |^(?:st|nd|rd|th)\b
    |^\s*-?\s*years?[\s-]old
    |^:\s?\d\d
    |^/\d
    |^\s*(?:[ap]\.\s?m\.|am\b|pm\b|o'clock|gmt\b|utc\b|hrs\b|local\s+time\b|(?-i:BST|CEST|CET|EDT|EST|PDT|PST)\b)
    |^\s*\(\s*\d{{1,2}}[.:]?\d\d\s*(?:gmt|utc)\b
    |^\s*(?:[-–]|to\s|and\s)\s*\d{{1,2}}[.:]?\d\d\s*(?:[ap]\.\s?m\.|am\b|pm\b|gmt\b|utc\b|local\s+time\b)""",
    re.I | re.X,
)
# a name right before a number, which then names a thing ("Windows 10"); not a possessive, which owns what the
# number counts ("Hale's two daughters")
NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b([a-z]?[A-Z][A-Za-z&'’-]*)(?<!['’]s)(?<!s['’])\s+$")
_ADDRESS_AFTER = re.compile(
    r"\s+(?:[A-Z0-9][\w.]*\s+){0,3}(?:St|Street|Rd|Road|Ave|Avenue|Way|Lane|Ln|Drive|Dr|Blvd|Boulevard|Place|Pl"
    r"|Court|Ct|Square|Sq|Terrace|Highway|Hwy)\b"
)
# "of" and the whole's determiner, or "of" right before the whole's number: "3 of the 12 villages", "12 of 15 kicks",
# "two of three voters"
_OF_THE = re.compile(
    r"\s+of\s+(?:(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s)\s+"
    r"|(?=\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b))"
)
_DESCRIBING = re.compile(r"[a-z]+\s+")  # one lower-case word before the whole's number
# a name (inner capitals too, "McArdle", "DeWitt"; "Jr." after it), a person, or a determiner and a noun
# shaped as a person's ("the actress", "his new coach"), then a comma: an age set off by commas follows
_PERSON_SHAPED = r"(?:[a-z]+(?:man|woman|er|or|ess|ist|ian|ant|ent)|coach|star|child|friend|mum|mom|dad)"
_NAME_COMMA = re.compile(
    r"(?:\b[A-Z][a-z]*[A-Z]?[a-z’'-]+(?:\s+(?:Jr|Sr)\.)?|\b(?:man|woman|boy|girl|son|daughter|wife|husband|mother"
    r"|father|brother|sister|driver|victim|suspect|teenager|pilot|passenger|resident|officer|worker)"
    rf"|\b(?i:the|a|an|his|her|their|its|our|my|your)\s+(?:[a-z]+\s+)?{_PERSON_SHAPED}),\s+$"
)
# a model's number after its name (or glued to it), then a joining word: the number after names the next model
_MODEL_PARTNER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z&'’-]*\s?\d+(?:\.\d+)?\s+(?:and|or|to|through)\s+$")
# an age right after a full name, with the commas left out: "Nick Hague 44 has spent"
_FULL_NAME = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+\s+[A-Z][a-z’'-]+\s+$")
# an age after a full name and a comma that ends the sentence: '"We left," said Dana Roe, 45.'
_FULL_NAME_COMMA = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+\s+[A-Z][a-z’'-]+,\s+$")
_SENTENCE_END = re.compile(r"[.!?](?:[\"”’)]|\s|$)")
_VERB_AFTER_AGE = re.compile(r"\s+(?:has|had|is|was|said|says|will|would|who|died|told)\b")
# a name after a comma or a joining word, then the number alone before punctuation or "and": a gapped count
_GAP_NAME = re.compile(
    r"(?:[,;]|\b(?:and|while|with|to|than|vs\.?|versus))\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+)?([A-Z][\w-]*)(?:['’]s?)?\s+$"
)
_GAP_AFTER = re.compile(r"(?:[,;.)!?]|\s+(?:and|or|respectively)\b|\s*$)")
_GAP_COUNT = re.compile(r"\d[\d,.]*(?:%|\s+(?:per\s?cent|percent)\b|\s+(?:[a-z]+\s+)?[a-z]+s\b)")
# words that make the bare number after them an age: "she turned 40", "life expectancy in the region is 73"
# "turned 40", "life expectancy ... is around 81", "at the age of 87" ("age" is a surface of CQE's "year of age")
# "the average age of the new members was 31", "the median age in the valley is 52"
_AGE_BEFORE = re.compile(
    r"(?:\bturn(?:s|ed|ing)?|\b(?:life\s+expectancy|(?:average|median|mean)\s+age)\b[^\d.;:]{0,40}?|\bage\s+of)\s+$",
    re.I,
)
# a bound of people's ages: "45 or older", "65 and older", "12 or younger"; not of a plural after it ("3 and
# older models")
_OLDER_AFTER = re.compile(r"\s+(?:or|and)\s+(?:older|younger)\b(?!\s+(?!(?:was|is|has|does)\b)[a-z]+s\b)", re.I)
# a person's age told with "be": "He will be 35 by the end of the year", "she was 23 when ...", "I'm 40."
_PERSON_BE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|I)(?:\s+(?:will|would|could|might|may|must)\s+be|\s+(?:is|was|am)|['’](?:s|m|ll\s+be))\s+$"
)
_AFTER_BE_AGE = re.compile(r"(?:[.!?;,]|\s+(?:by|in|on|when|next|this|last|before|after|and|now|today)\b|\s*$)")
# a birth year, of any century, with or without a qualifier: "born about 1763", "born c. 1745", "(born 1688 in"
_BORN = re.compile(r"\bborn\s+(?:in\s+)?(?:(?:about|abt\.?|around|circa|c\.|ca\.|approximately|roughly)\s+)?$", re.I)
_YEAR_PREP = re.compile(r"\b(?:in|since|by|until|till|of|from|before|after|during|early|late|mid|between)\s+$", re.I)

# a year naming a thing, between a determiner and a singular word: "the 1988 horror film", "its 2021 budget"
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|whose)\s+$", re.I)
_WORD_AFTER = re.compile(r"\s+([a-z][a-z-]*)\b")
_TIME_PREP = re.compile(r"\b(?:in|since|until|till|before|after|during)\s+$", re.I)


# 2. Qualifiers -------------------------------------------------------------------------------
_QUALIFIERS: tuple[tuple[Qualifier, str], ...] = (
    ("up to", r"up\s+to|as\s+many\s+as"),
    ("at least", r"at\s+least|no\s+fewer\s+than|no\s+less\s+than"),  # the number itself is allowed
    ("less than", r"less\s+than|fewer\s+than|no\s+more\s+than|at\s+most|under|below|just\s+under"),
    (
        "more than",
        r"more\s+than|over|upwards\s+of|in\s+excess\s+of|above|just\s+over|well\s+over|exceeding",
    ),
    (
        "about",
        r"about|around|roughly|approximately|approx\.|nearly|almost|some|an\s+estimated|estimated|close\s+to"
        r"|circa|up\s+to\s+about",
    ),
)
_QUALIFIER_BEFORE = [(q, re.compile(rf"\b(?:{p})\s+$", re.I)) for q, p in _QUALIFIERS]
BY_BEFORE = re.compile(r"\bby\s+$", re.I)
AFTER_QUALIFIER = re.compile(r"\s+or\s+(?:more|so)\b", re.I)


def skipped(text: str, atom: Atom, unit: Unit | None, plural: bool = False) -> bool:
    """Years, dates, times, ordinals, ages, durations and numbers inside names are not quantities.

    ``plural``: a plural noun that is not a counted noun follows; it keeps number words ("eight
    picks") but does not make a year or a number inside a name a quantity.
    """
    before, after, raw = text[: atom.start], text[atom.end :], text[atom.start : atom.end]
    if unit is not None and unit.kind != "measure":
        return ends_with(_BEFORE_SKIP, before) is not None
    if ends_with(_BEFORE_SKIP, re.sub(r"\bsub-$", "", before)) or _AFTER_SKIP.match(after) or DURATION.match(after):
        return True
    if clock_or_short_year(raw, before, after):
        return True  # "4: 08 p. m.", "at 18.45 GMT", "in '08"
    if unit is None and code_or_label(raw, before, after):
        return True  # "call 0800 555 0199", "1124 The UN says ..."
    words_ok = plural and atom.value >= 2 and not raw[0].isdigit()
    if (unit is None or unit.unit == "count") and raw[0].isdigit() and names_item(before, unit is None):
        return True  # "the sp 500", "Formula 1 returns" at the head of a sentence, "page 12", "game 7 of the finals"
    if unit is None and not plural and model_name(raw, before, after):
        return True  # "the 737 Max was grounded", "the airline's 787 Dreamliner fleet"
    if unit is None and before[-1:] + after[:1] in ("()", "[]"):
        return True  # a bare number in brackets is a reference or a shirt number: "Prescott (4)", "per shift [3]"
    words_alone = not raw.lstrip("-−.")[0].isdigit() and not bare_word_count(before, after)  # ".534" is digits
    if unit is None and not words_ok and (re.match(r"[A-Za-z]", after) or words_alone):
        return True  # "777M", "5G", and number words with nothing counted after them ("the two of us")
    year_like = re.fullmatch(r"(?:1[89]|20)\d\d", raw) is not None
    if year_like and (unit is None or _YEAR_PREP.search(before) or _year_naming(before, after)):
        return True
    if unit is None and re.fullmatch(r"(?:1\d|20)\d\d", raw) and _BORN.search(before[-30:]):
        return True  # "born about 1763", "born circa 1620"
    if unit is None and re.fullmatch(r"(?:1\d|2[01])\d\d", raw) and _TIME_PREP.search(before[-8:]):
        return True  # a year of another century after a preposition of time: "in 1260", "until 2100"
    if unit is None and re.fullmatch(r"21\d\d", raw) and BY_BEFORE.search(before[-4:]):
        return True  # a deadline of the next century: "by 2100" (a change "rose by 2100" is rarely that large)
    named_plural = plural and after[1:2].isupper()  # "28 Earls Court Rd": a capitalized plural is a street's name
    if unit is None and (not plural or named_plural) and _ADDRESS_AFTER.match(re.sub(r"^\s*[-–]\s*\d+", "", after)):
        return True  # a street number: "49 Harbour Lane", "9 E 71st St"
    if unit is None and not plural and raw[0].isdigit() and ends_with(_MODEL_PARTNER, before):
        # the next model of a series: "Navigator 7 and 8", "Winamp5 to 9"; not a count of another: "4 Hawk-2"
        return not re.match(r"\s+[A-Z]", after)
    name = NAME_BEFORE.search(before)
    return unit is None and name is not None and not qualifier_before(before)[0] and not gapped(before, after)


def gapped(before: str, after: str) -> bool:
    """A bare number after a name that stands for an earlier count with its noun left out: "Trump won 263
    delegates, Cruz 151 and Kasich 37", "1,614 delegates to Sanders' 1,192"; a model or a product ("and
    Windows 11") has no count or share before it to stand for."""
    if _GAP_AFTER.match(after) is None:
        return False
    name = ends_with(_GAP_NAME, before)
    if name is None or _GAP_COUNT.search(before, 0, name.start()) is None:
        return False
    # the same name with a number before is a series of models: "Windows 10 and Windows 11"
    return re.search(rf"\b{re.escape(name.group(1))}\s+\d", before[: name.start()]) is None


def _year_naming(before: str, after: str) -> bool:
    """A year between a determiner and a singular noun names a thing: "the 1988 horror film"."""
    initials = INITIALS.match(after)  # "a 2011 U.S. drone strike"
    word = _WORD_AFTER.match(after, initials.end() if initials is not None else 0)
    if word is None or not _DETERMINER.search(before[-8:]):
        return False
    noun = word.group(1)
    return not plural(noun) and noun not in IRREGULAR and noun not in FILLER


def ends_with(pattern: re.Pattern[str], before: str, width: int = 80) -> re.Match[str] | None:
    """``pattern`` (anchored with $) searched in the last ``width`` characters only, for speed."""
    return pattern.search(before, max(0, len(before) - width))


def qualifier_before(before: str) -> tuple[Qualifier | None, int]:
    for qualifier, pattern in _QUALIFIER_BEFORE:
        m = ends_with(pattern, before)
        if m is not None:
            return qualifier, m.start()
    return None, len(before)


def part_of(text: str, atom: Atom) -> Unit | None:
    """A part of a whole in the whole's unit: "280 million of the 1.5 billion shekels", "3 of the 12 villages";
    or a count of the whole's noun: "two of the deputies", "three of Mayor Roe's aides"."""
    of = _OF_THE.match(text, atom.end)
    if of is None:
        return None
    whole = atom_from(text, of.end())
    if whole is None and (word := _DESCRIBING.match(text, of.end())) is not None:
        whole = atom_from(text, word.end())  # "six of the past seven races", "three of its last four games"
    named = ends_with(NAME_BEFORE, text[: atom.start]) is not None  # "Article 5 of the rules"
    if whole is None:
        noun = noun_after(text, of.end() - 1, general=True)
        return Unit(noun[0], "count", noun[1], noun[1], None) if noun is not None and not named else None
    unit = unit_after(text, whole.end, whole)
    if unit is None and not named and (noun := noun_after(text, whole.end, general=True)) is not None:
        return Unit(atom.end, "count", noun[1], noun[1], None)  # "five of the six judges"
    if unit is None or unit.kind != "measure" or unit.value_factor is not None:
        return None
    return replace(unit, end=atom.end, raw=None) if unit.unit != "count" else replace(unit, end=atom.end)


def age_apposition(text: str, atom: Atom) -> Unit | None:
    """An age set off by commas after a name or a person, as news writes it: "Dana Roe, 45, said", "his son,
    12, was unhurt", "said Dana Roe, 45."; or, the commas left out, between a full name and its verb: "Nick
    Hague 44 has spent"; or after "turned", "life expectancy", "average age" or "the age of": "she turned 40",
    "life expectancy in the valley is around 81", "the average age of members was 31", "died at the age of 87";
    or before "or older": "voters 45 or older"; or after "he", "she" or "I" and "be", before the clause ends or
    a time: "He will be 35 by the end of the year", "she was 23 when"."""
    before = text[: atom.start]
    if not (text[atom.start : atom.end].isdigit() and 0 < atom.value < 120):
        return None
    comma = re.match(r",\s*[^\s\d]", text[atom.end : atom.end + 4]) and ends_with(_NAME_COMMA, before)
    bare = 15 <= atom.value < 100 and _VERB_AFTER_AGE.match(text, atom.end) and ends_with(_FULL_NAME, before)
    told = ends_with(_AGE_BEFORE, before[: qualifier_before(before)[1]]) is not None  # "turned about 40"
    last = _SENTENCE_END.match(text, atom.end) and ends_with(_FULL_NAME_COMMA, before)  # "said Dana Roe, 45."
    been = _AFTER_BE_AGE.match(text, atom.end) and ends_with(_PERSON_BE, before)  # "He will be 35 by May"
    older = _OLDER_AFTER.match(text, atom.end)  # "voters 45 or older"
    return Unit(atom.end, "year", None, None, None, "age") if comma or bare or told or last or been or older else None


# an earthquake's magnitude named before its number, or its number told on the Richter scale
_MAGNITUDE_BEFORE = re.compile(r"(?<!order\sof\s)(?<!orders\sof\s)\bmagnitude[\s-]+(?:of\s+)?$", re.I)
_RICHTER_AFTER = re.compile(r"\s+on\s+the\s+Richter\s+scale\b", re.I)


def magnitude_around(text: str, atom: Atom) -> Unit | None:
    """The unit "magnitude" of a number that "magnitude" comes before ("a magnitude 6.1 tremor", "a magnitude
    of 7.0") or "on the Richter scale" after ("measuring 7.0 on the Richter scale"); "a 7.0 magnitude quake" is
    read with the measures after a number (``quantity_units.MEASURES``)."""
    richter = _RICHTER_AFTER.match(text, atom.end)
    if richter is not None:
        return Unit(richter.end(), "magnitude", "Richter scale", None, None)
    before = _MAGNITUDE_BEFORE.search(text, max(0, atom.start - 16), atom.start)
    return Unit(atom.end, "magnitude", "magnitude", None, None) if before and atom.currency is None else None
