"""Parts of a year named in reports: quarters ("the third quarter", "third-quarter profit"), halves
("the first half of 2023") and seasons ("last summer"): their words and their TIMEX3 values
("2023-Q3", "2023-H1", "2022-SU") computed against the document creation time (DCT)."""

from __future__ import annotations

from datetime import date

from storyline.time.resolve import Tense

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_ORDER = ("SP", "SU", "FA", "WI")

# Words before "quarter" that place it against the quarter in focus (-1: the one before it).
QUARTER_SHIFT = {
    "latest": -1,
    "recent": -1,  # "the most recent quarter"
    "preceding": -1,
    "last": -1,
    "past": -1,
    "previous": -1,
    "prior": -1,
    "current": 0,
    "this": 0,
    "present": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
}
YEAR_BEFORE = ("year-earlier", "year-ago", "year earlier", "year ago", "prior-year", "prior year")

ORDINAL = r"(?i:first|second|third|fourth|final|1st|2nd|3rd|4th)"
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7}
DECADE_WORDS |= {"eighties": 8, "nineties": 9}
DECADE_WORD = "(?i:" + "|".join(DECADE_WORDS) + ")"
CENTURY_ORDINALS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}
CENTURY_ORDINAL = r"(?:[1-9]|1\d|2[01])(?:st|nd|rd|th)|(?i:eighteenth|nineteenth|twentieth|twenty[- ]first)"
SEASON = r"(?i:spring|summer|fall|autumn|winter)"


def dct_quarter(dct: date) -> int:
    return (dct.month - 1) // 3 + 1


def quarter_value(year: int, quarter: int) -> str:
    """ "2023-Q3"; a quarter index outside 1-4 rolls into the year before or after."""
    index = year * 4 + quarter - 1
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def quarter_year(dct: date, quarter: int, tense: Tense) -> int:
    """The year of a quarter named without one: in the past tense the latest such quarter not after
    the DCT's; in the future tense the DCT's year unless the quarter ended more than a quarter
    before the DCT's began (the results of the quarter just ended are still to come)."""
    current = dct_quarter(dct)
    if tense == "past":
        return dct.year if quarter <= current else dct.year - 1
    return dct.year if quarter >= current - 1 else dct.year + 1


def quarter_index(value: str) -> int:
    """year * 4 + quarter - 1 of a quarter's value ("1989-Q3")."""
    return int(value[:4]) * 4 + int(value[-1]) - 1


def quarter_ended(dct: date, month: int, ending: bool = False) -> int:
    """The quarter index of the three months that end in ``month`` (the latest such month by the DCT,
    or the next one from it when ``ending``): the calendar quarter that holds their middle month
    ("ended July 31" is the second quarter)."""
    if ending:
        year = dct.year if month >= dct.month else dct.year + 1
    else:
        year = dct.year if month <= dct.month else dct.year - 1
    middle = year * 12 + month - 2  # months since year 0, counted from 0
    return (middle // 12) * 4 + (middle % 12) // 3


def quarter_in_focus(dct: date, tense: Tense) -> int:
    """The quarter index (year * 4 + quarter - 1) that "the quarter" means: results are told for a
    finished quarter, so in the past tense the one before the DCT's, else the DCT's own."""
    index = dct.year * 4 + dct_quarter(dct) - 1
    return index - 1 if tense == "past" else index


def season_of(dct: date) -> tuple[int, int]:
    """The DCT's season as (year, index in SP, SU, FA, WI); January and February are last year's winter."""
    if dct.month in (1, 2):
        return dct.year - 1, 3
    if dct.month == 12:
        return dct.year, 3
    return dct.year, (dct.month - 3) // 3


def season_year(value: str, dct: date | None) -> str | None:
    """The calendar year of a past season ("2022-FA" -> "2022"), for dating what happened then; None
    for a winter, which runs from December into the next year, for an unknown year, and for the
    current or a coming season ("would return by spring"), which dates no past event."""
    year, _, code = value.partition("-")
    if dct is None or not year.isdigit() or code not in ("SP", "SU", "FA"):
        return None
    now_year, now = season_of(dct)
    return year if (int(year), _SEASON_ORDER.index(code)) < (now_year, now) else None


def season_value(dct: date, name: str, shift: int | None, tense: Tense) -> str:
    """ "2022-SU": ``shift`` -1 for "last", 0 for "this", 1 for "next"; None follows the tense.

    "this spring" is the report's year's spring even in January, when the season of the DCT is still
    last year's winter.
    """
    code = SEASONS[name.lower()]
    wanted = _SEASON_ORDER.index(code)
    year, current = season_of(dct)
    if shift == 0 and code != "WI":  # "this summer": the report's year's, in January too
        return f"{dct.year}-{code}"
    if shift == 0:  # "this winter": the one now, or the one that begins in the report's year
        return f"{year}-{code}"
    if shift == -1 or (shift is None and tense == "past"):
        after = wanted > current or (shift == -1 and wanted == current)
        return f"{year - 1 if after else year}-{code}"
    before = wanted < current or (shift == 1 and wanted == current)
    return f"{year + 1 if before else year}-{code}"


def decade_value(dct: date | None, digit: int) -> str:
    """ "199" for "the nineties": the latest such decade that began by the DCT's year (the 1900s without one)."""
    if dct is None:
        return f"19{digit}"
    decade = dct.year // 100 * 10 + digit
    return str(decade - 10 if decade * 10 > dct.year else decade)


def half_value(year: int, half: int) -> str:
    return f"{year:04d}-H{half}"
