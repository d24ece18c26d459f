"""Numbers written in words for ``storyline.doc.quantities``: number words and scales, fractions ("a third
of", "one in five"), fractions of a scale and mixed numbers ("half a million", "two and a half", "1½"),
vague amounts ("hundreds of") and the noun that a lone "one" counts.

Each finder returns spans and values only; ``quantities`` gives them units, qualifiers and kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.doc.quantity_units import IRREGULAR, NOT_PLURAL, is_counted, words

# 1. Number words and scales ----------------------------------------------------------------
SMALL = words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
)
TENS = words("twenty thirty forty fifty sixty seventy eighty ninety")
WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(SMALL)}
WORD_VALUES.update({w: float(20 + 10 * i) for i, w in enumerate(TENS)})
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12.0,
    "lakh": 1e5, "crore": 1e7,
}  # fmt: skip
# wire-service abbreviations too: "500 mln euros", "2.1 bln yuan", "3 trln won", "40 mio. Franken"
SHORT_SCALES = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9, "tn": 1e12,
    "tr": 1e12, "trn": 1e12, "trln": 1e12,
}  # fmt: skip
# plural nouns that do not end in -s
COLLECTIVE = set(words("people staff personnel police crew cattle livestock sheep deer fish children feet teeth geese"))
MODIFIER = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")

# 2. Fractions and vague amounts --------------------------------------------------------------
_PARTS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}
_FEW = "a|an|one|two|three|four|five|six|seven|eight|nine"
# a fraction may take its whole without "of": "half the voters", "two-thirds its size"
_DETERMINER = "the|its|their|his|her|our|this|that|these|those"
# a verb only a plural takes, after a fraction that stands for a part of a group: "half were female", "a third
# are under 30" (not "a third was found", an ordinal)
_PLURAL_VERB = "were|are|have|say|remain"
_FRACTION = re.compile(
    rf"""\b(?:(?P<count>{_FEW})[\s-]+(?P<part>{"|".join(_PARTS)})s?|(?P<half>half))(?=\s+(?:of|{_DETERMINER}|{_PLURAL_VERB})\b|[\s-]+(?:percentage\s+)?point\b)
    | \b(?P<num>{_FEW}|\d{{1,2}})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<den>{"|".join(SMALL[2:])}|\d{{1,3}})\b""",
    re.I | re.X,
)
_SCALE_WORDS = "dozen|hundred|thousand|million|billion|trillion"
# a fraction joined by a hyphen to the noun it describes: "a two-thirds majority", "a one-third stake", "one-half
# share"; not the part of a mixed number ("two-and-a-half thousand") nor of a scale ("one-half million")
_FRACTION_BEFORE_NOUN = re.compile(
    rf"(?<!-)\b(?P<count>{_FEW})-(?P<part>{'|'.join(_PARTS)})s?(?=\s+(?!of\b|(?:{_SCALE_WORDS})\b)[a-z])", re.I
)
# a fraction as the size of a change, after "by" and a qualifier, where no noun follows (that would make it an
# ordinal, "by a third vote"): "fell by a third", "cut by half", "grew by more than a fifth"
_FRACTION_BY = re.compile(
    rf"""\bby\s+(?:(?:more|less)\s+than\s+|about\s+|around\s+|almost\s+|nearly\s+|roughly\s+|over\s+)?
    (?P<frac>(?P<count>{_FEW})[\s-]+(?P<part>{"|".join(_PARTS)})s?|(?P<half>half))
    (?=\s*(?:[.,;:)]|$)|\s+(?:in|on|at|from|to|since|over|during|after|before|last|this|compared|between|and|or|but
    |while|as|for|year|month|week)\b)""",
    re.I | re.X,
)
# a fraction in digits, "1/16", "1⁄32"; read only where a unit or "of" follows (``quantities``), as
# "3/4" alone may be a date and "24/7" is neither
# the whole after a fraction with no "of": "voters" in "half the voters"
WHOLE_AFTER = re.compile(rf"\s+(?:{_DETERMINER})\s+([a-z]+)", re.I)
_NUMERIC_FRACTION = re.compile(r"(?<![\d/⁄.,])(?P<num>\d{1,2})\s?[/⁄]\s?(?P<den>\d{1,3})(?![\d/⁄]|[.,]\d)")
_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 32, 64, 100, 128, 1000}
# a fraction of the scale word after it ("half a million", "a quarter of a billion", "a half-dozen") is a
# number, read by ``quantity_read``; the part after a whole number or a scale ("two and a half", "a million
# and a half"); a fraction sign after digits ("1½")
_PART_WORD = rf"(?:{'|'.join(_PARTS)})s?"
FRACTION_OF_SCALE = (
    rf"(?:(?:{_FEW})[\s-]+{_PART_WORD}|half)(?:\s+of)?\s+an?(?=(?:\s+|-)(?:{_SCALE_WORDS})\b)"
    rf"|an?[\s-]+(?:half|quarter)(?=(?:\s+|-)(?:{_SCALE_WORDS})\b)"
)
AND_PART = rf"(?:\s+|-)and(?:\s+|-)(?:{_FEW})[\s-]+{_PART_WORD}\b(?![\s-]+of\b)"
VULGAR_FRACTIONS = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 1 / 8}
_PART_IN = re.compile(rf"\b(?:(?P<count>{_FEW})[\s-]+)?(?P<part>{'|'.join(_PARTS)})s?\b", re.I)
_AND_PART = re.compile(AND_PART, re.I)
_MIXED_DIGITS = re.compile(r"\s(\d)/(\d)$")
_OF_SCALE = re.compile(rf"\s+of\s+an?(?:\s+|-)(?:{_SCALE_WORDS})\b", re.I)
_NOT_HALF = re.compile(r"\b(?:first|second|the|latter|other|final|opening|back|top|bottom)\s+$", re.I)
# quarters after a word that picks them out of a run are periods of a year: "the first two quarters (of 1990)", "the
# past three quarters (of the year)"; "three quarters of the vote", "the last three quarters of the pie" are fractions
_RUN_BEFORE = re.compile(r"\b(?:first|last|past|next|previous|final|coming|latest|remaining)\s+$", re.I)
_OF_OTHER_THAN_A_YEAR = re.compile(r"\s+of\s+(?!(?:the\s+)?(?:fiscal\s+|calendar\s+)?(?:year|fiscal|\d{4})\b)", re.I)
# "hundreds of thousands of" is one amount, from a hundred thousand up, as CQE multiplies the two scales
# ("Hundreds of thousands fled" too, with no "of" after: the second scale is the amount's, not its noun); a
# plural scale alone stands for what it counts: "drew thousands to rallies", "Millions lost their savings"
_VAGUE = re.compile(
    r"\b(?:(?P<tens_alone>tens)|hundreds)\s+of\s+(?P<scale_alone>thousand|million|billion)s\b(?!\s+of\b)"
    r"|\b(?:(?P<tens>tens\s+of\s+)|(?P<hundreds>hundreds\s+of\s+))?"
    r"(?P<scale>dozen|hundred|thousand|million|billion)s\s+of(?=\s)"
    r"|(?<![\d.,]\s)(?<![\d.,])\b(?P<scale_bare>dozen|hundred|thousand|million|billion)s\b(?![\s-]+of\b|-)",
    re.I,
)

# 3. "one" ------------------------------------------------------------------------------------
_ONE_OF = re.compile(r"\s+of\s+(?:the|my|his|her|its|our|their|your|these|those|them|us|[A-Z][\w]*['’]s)\b")
# "one of 12 nominees": the count of one ends before the number, which is a quantity of its own
_ONE_OF_NUMBER = re.compile(r"(\s+of)\s+\d[\d,.]*(?:\s+[a-z][a-z-]*)?\s+([a-z][a-z-]*s)\b")
_ONE_NOUN = re.compile(r"\s+([a-z][a-z-]*[a-z])\b(?:\s+([a-z][a-z-]*[a-z])\b)?")
_ADJECTIVE = re.compile(r"(?:al|ar|ic|ive|ous|ful|ent|ant|est|ish|less|ior|ern)$")
NOT_ONE_BEFORE = re.compile(r"\b(?:no|any|every|each|this|that|the|which|a|last|such)\s+$", re.I)
_NOT_ONE_NOUN = set(
    words(
        "of the a an and or but nor in on at to for by from with who that which is are was were be been has had "
        "have do does did can could would will should may might must shall another more less way if he she it "
        "they we you i than too also still just said says thing time after before as so like while when where "
        "what how up down out over off into about around here there now then again himself herself itself"
        # adverbs, prepositions and conjunctions after the pronoun "one": "use one any more", "build one along
        # the border", "a muted one rather than", "the only one because", "one each in Canada"
        " any along against across among because each either neither rather never ever even only once"
        " through toward towards upon within without despite though although unless until since whether yet"
    )
)
# nouns in -ly; any other word in -ly after "one" is an adverb or an adjective that the counted noun follows:
# "one really big deal", "one daily paper", "one easily dominated" (no noun)
_NOUNS_IN_LY = frozenset(
    words("family ally rally supply reply assembly belly bully jelly lily holly folly monopoly anomaly butterfly fly")
)


@dataclass(frozen=True)
class WordSpan:
    start: int
    end: int
    low: float
    high: float


def parse_number(num: str, scale: str | None = None) -> float:
    """The value of a digit string or number words ("6,000", "twenty-five", "two hundred and six", "a")
    times its scale."""
    value = _base_value(num.lower())
    if scale:
        s = scale.strip(" -").lower()
        value *= SCALES.get(s, SHORT_SCALES.get(s, 1.0))
    return value


def _base_value(n: str) -> float:
    """The value of a number before its scale, ``n`` in lower case."""
    mixed = _AND_PART.search(n)
    if mixed is not None:  # "two and a half", "a ... and a half" (of "a million and a half")
        return _base_value(n[: mixed.start()]) + _part_value(mixed.group())
    if n[-1] in VULGAR_FRACTIONS:  # "2½", "½"
        return (_base_value(n[:-1]) if n[:-1] else 0.0) + VULGAR_FRACTIONS[n[-1]]
    fraction = _MIXED_DIGITS.search(n)
    if fraction is not None:  # "3 1/2"
        return _base_value(n[: fraction.start()]) + int(fraction.group(1)) / int(fraction.group(2))
    if n[0].isdigit() or n[0] == ".":
        return float(re.sub(r"[,\s]", "", n))
    if n in ("a", "an"):
        return 1.0
    if _PART_IN.search(n):  # "half a", "three quarters of a", "a half" (of "a half million")
        return _part_value(n)
    return _words_value(n)


def _part_value(text: str) -> float:
    """ "a half" -> 0.5, "three-quarters of a" -> 0.75, "and a third" -> 1/3, "half a" -> 0.5."""
    m = _PART_IN.search(text)
    if m is None:
        raise ValueError(f"no fraction word in {text!r}")
    count = m.group("count")
    return (parse_number(count) if count else 1.0) / _PARTS[m.group("part").lower()]


def _words_value(text: str) -> float:
    """ "twenty-eight thousand six hundred forty-two" -> 28642: hundreds multiply the group so far, larger
    scales close it."""
    total = group = 0.0
    for word in re.split(r"[\s,-]+", text):
        if word in WORD_VALUES:
            group += WORD_VALUES[word]
        elif word == "hundred":
            group = (group or 1.0) * 100
        elif word in SCALES:
            total, group = total + (group or 1.0) * SCALES[word], 0.0
    return total + group


def plural(word: str) -> bool:
    """A lower-case word that looks like a plural noun ("users", "properties", "fishermen", "staff"), not
    "is" or "across"."""
    if not word.islower():
        return False
    if (
        word in COLLECTIVE
        or word.endswith("children")
        or (len(word) > 5 and word.endswith("men") and word not in NOT_PLURAL)
    ):
        return True
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s", "’s"))
        and word not in NOT_PLURAL
    )


_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+$")
_NAME_PLURAL = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*")


def name_plural(word: str) -> bool:
    """A capitalized plural, a group counted by its name: "Democrats", "Pinocchios", "Hispanic-Americans"."""
    return _NAME_PLURAL.fullmatch(word) is not None and plural(word.lower())


def named_number(text: str, pos: int) -> bool:
    """The number ending at ``pos`` counts no capitalized plural after it: a capitalized number word inside a
    sentence names ("the Four Seasons"), and digits at its head are a live report's stamp ("1315 Churches
    have collected ...")."""
    number = re.search(r"\S+$", text[:pos])
    if number is None:
        return False
    head = not text[: number.start()].strip()
    first = number.group()[:1]
    return (first.isupper() and not head) or (first.isdigit() and head)


# the digits of a number restated in brackets after it, as contracts and shop pages write it: "four (4) sizes"
_RESTATED = re.compile(r"\s*\((\d+)\)")


def restated_end(text: str, end: int, value: float) -> int:
    """Where the number ending at ``end`` ends, its digits restated in brackets included ("four (4) size
    options", "ten (10) days"), so that its unit is read after them; ``end`` when none follow."""
    m = _RESTATED.match(text, end)
    return m.end() if m is not None and float(m.group(1)) == value else end


def noun_next(text: str, pos: int) -> bool:
    """A counted or plural noun is the next word after ``pos``: a capitalized word before it is its modifier
    ("five Sanders supporters", "two Texas beaches"), not what is counted."""
    m = MODIFIER.match(text, pos)
    return m is not None and (is_counted(m.group(1).lower()) or plural(m.group(1)))


def _quarters_of_a_year(text: str, m: re.Match[str]) -> bool:
    """The fraction ``m`` of quarters is a run of a year's quarters: "the first two quarters of 1990"."""
    quarters = m.group("part").lower() == "quarter" and _RUN_BEFORE.search(text, 0, m.start()) is not None
    return quarters and _OF_OTHER_THAN_A_YEAR.match(text, m.end()) is None


def fractions(text: str) -> list[WordSpan]:
    """Fractions in words, value between 0 and 1: "a third", "two-thirds", "half" (before "of"), "one in five",
    "a two-thirds majority", "fell by a third"."""
    found = []
    for m in _FRACTION.finditer(text):
        if _OF_SCALE.match(text, m.end()):
            continue  # "a quarter of a million" is a number, read with its scale
        if m.group("half"):
            if _NOT_HALF.search(text, 0, m.start()):
                continue  # "the second half of the match"
            value = 0.5
        elif m.group("part"):
            if _quarters_of_a_year(text, m):
                continue  # "the first two quarters of 1990": periods of a year, counted
            value = parse_number(m.group("count")) / _PARTS[m.group("part").lower()]
        else:
            value = parse_number(m.group("num")) / parse_number(m.group("den"))
        if 0 < value < 1:
            found.append(WordSpan(m.start(), m.end(), value, value))
    for m in _FRACTION_BY.finditer(text):
        value = 0.5 if m.group("half") else parse_number(m.group("count")) / _PARTS[m.group("part").lower()]
        if 0 < value < 1 and not any(f.start <= m.start("frac") < f.end for f in found):
            found.append(WordSpan(m.start("frac"), m.end("frac"), value, value))
    for m in _FRACTION_BEFORE_NOUN.finditer(text):
        value = parse_number(m.group("count")) / _PARTS[m.group("part").lower()]
        if 0 < value < 1 and not any(f.start <= m.start() < f.end for f in found):
            found.append(WordSpan(m.start(), m.end(), value, value))
    return sorted(found, key=lambda f: f.start)


_HALF_A = re.compile(r"\bhalf(?=\s+an?\s)", re.I)


def half_a_unit(text: str) -> list[WordSpan]:
    """ "half" before "a"/"an", 0.5: ``quantities`` keeps it only where a unit follows ("half a mile",
    "half an hour"); "half a million" is read with its scale."""
    return [WordSpan(m.start(), m.end(), 0.5, 0.5) for m in _HALF_A.finditer(text)]


# a whole number and a space before a fraction of halves, thirds, quarters or eighths: a mixed number, "12 3/4%",
# which ``quantity_read`` reads whole
_WHOLE_BEFORE = re.compile(r"\d\s$")


def numeric_fractions(text: str) -> list[WordSpan]:
    """Fractions in digits below one with a usual denominator: "1/16", "3⁄4"; not the part of a mixed number."""
    found = []
    for m in _NUMERIC_FRACTION.finditer(text):
        num, den = int(m.group("num")), int(m.group("den"))
        mixed = den in (2, 3, 4, 8) and num < 10 and _WHOLE_BEFORE.search(text, 0, m.start()) is not None
        if 0 < num < den and den in _DENOMINATORS and not mixed:
            found.append(WordSpan(m.start(), m.end(), num / den, num / den))
    return found


def vague_amounts(text: str) -> list[WordSpan]:
    """ "hundreds of", "tens of millions of", "hundreds of thousands of", "thousands" alone: from the scale to ten
    times it."""
    found = []
    for m in _VAGUE.finditer(text):
        alone = m.group("scale_alone") is not None
        scale, tens = (m.group("scale_alone"), m.group("tens_alone")) if alone else (m.group("scale"), m.group("tens"))
        if m.group("scale_bare") and m.group()[0].isupper() and _NAME_BEFORE.search(text, 0, m.start()):
            continue  # a name: "the Euro Millions draw"
        scale = scale or m.group("scale_bare")
        low = SCALES[scale.lower()] * (10.0 if tens else 100.0 if alone or m.group("hundreds") else 1.0)
        found.append(WordSpan(m.start(), m.end(), low, low * 10))
    return found


# "one of the proudest moments in his life", "one of the largest dinosaurs to ever live": the phrases
# that hang on the noun, up to a clause break; CQE names such a count with them
_ATTACHMENT = re.compile(
    r"(?:\s+ever)?\s+(?:in|of|for|on|at|from|to)(?:\s+(?!(?:that|which|who|and|but|or|so|with|as)\b)[\w'’-]+){1,5}"
)
_CLAUSE_WORD = re.compile(r"\s+(?:that|which|who|and|but|or|so|with|as|while|when|because|after|before|if)\b", re.I)


def _attachments_end(text: str, end: int) -> int:
    """Where the phrases hanging on a "one of" noun end: at a clause word, or before a phrase that holds a
    number, a quantity of its own ("one of our best talks in the ten years I have covered him")."""
    for _ in range(3):
        m = _ATTACHMENT.match(text, end)
        if m is None:
            break
        cut = _CLAUSE_WORD.search(text, end + 1, m.end())
        stop = cut.start() if cut is not None else m.end()
        if _holds_number(text[end:stop]):
            break
        end = stop
    return end


def _holds_number(phrase: str) -> bool:
    spelled = (w.lower() in WORD_VALUES for w in re.findall(r"[a-z]+", phrase, re.I))
    return any(c.isdigit() for c in phrase) or any(spelled)


# a number word with no noun is a count where a verb follows it or a qualifier or a level comes before it:
# "five were killed", "three died", "at least nine", "the toll rose to twelve"
# a verb after a number word, "of" and a whole's number ("eight of 10"), or a run ("five in a row")
_BARE_AFTER = re.compile(
    r"\s+(?:(?:were|was|are|is|have|has|had|died|remain\w*|survived|escaped|fled|will|would|could|did)\b|of\s+\d"
    r"|in\s+a\s+row\b)",
    re.I,
)
_BARE_BEFORE = re.compile(
    r"\b(?:at\s+least|about|around|nearly|almost|some|more\s+than|fewer\s+than|up\s+to|(?:rose|risen|climbed|fell"
    r"|jumped|reached|hit)(?:\s+to)?|totall?ed|numbered|a\s+total\s+of|there\s+(?:were|are|was|is))\s+$",
    re.I,
)


def bare_word_count(before: str, after: str) -> bool:
    """A number word with nothing counted after it is still a count here: "five were killed", "at least
    nine", "the toll rose to twelve", "lost eight of 10", "a total of four", "there were six", "won five in a
    row"; elsewhere ("the two of us", "seven to two") it is not read."""
    return _BARE_AFTER.match(after) is not None or _BARE_BEFORE.search(before, max(0, len(before) - 24)) is not None


def one_noun(text: str, end: int) -> tuple[str | None, int] | None:
    """What a lone "one" ending at ``end`` counts, and where its phrase ends: "one of the best wireless
    speakers" -> "speakers", "one of 12 nominees" -> "nominees" (ending at "of"), "one particular demand" ->
    "demand", "one of them" -> None; None when the
    "one" counts nothing ("one said", "one in order to")."""
    of = _ONE_OF.match(text, end)
    if of is not None:
        pos = of.end()
        for _ in range(4):  # the first plural within four words
            word = MODIFIER.match(text, pos)
            if word is None:
                break
            pos = word.end()
            if word.group(1).lower() in WORD_VALUES:
                break  # "one of the two largest unions": the "two" is a quantity of its own
            if plural(word.group(1)) or word.group(1) in IRREGULAR:
                return word.group(1), _attachments_end(text, word.end())
        return None, of.end()
    numbered = _ONE_OF_NUMBER.match(text, end)
    if numbered is not None and plural(numbered.group(2)):
        return numbered.group(2), numbered.end(1)
    head = _ONE_NOUN.match(text, end)
    if head is not None and head.group(1).lower() == "more" and head.group(2):
        return one_noun(text, head.end(1))  # "one more trip" counts trips; "one more time", "one more said" nothing
    if head is None or head.group(1).lower() in _NOT_ONE_NOUN or head.group(1).endswith(("ed", "ing")):
        return None  # "one said", "one occurred", "one trying"
    if head.group(1).endswith("ly") and head.group(1).lower() not in _NOUNS_IN_LY:
        return one_noun(text, head.end(1)) if head.group(2) else None  # "one really big deal": "big deal"
    second = head.group(2)
    adjective = second and _ADJECTIVE.search(head.group(1)) and not plural(second) and second not in _NOT_ONE_NOUN
    return (second, head.end()) if adjective else (head.group(1), head.end(1))
