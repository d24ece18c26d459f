"""Score the quantity extractor (``storyline.doc.quantities``) on NewsQuant as CQE's evaluation does.

``storyline eval newsquant FILE [--split dev|test|all] [--format table|json]`` prints
``newsquant_report(path, split, fmt)``.

Split: a sentence is "dev" when the first hex digit of sha1(its text, UTF-8) is even (0 2 4 6 8 a c
e) and "test" otherwise. Rules of the extractor were only ever tuned by looking at dev errors; the
headline figure is test.

Scoring, per sentence: 1. run ``extract_quantities`` on the sentence alone (timed; no spaCy), and read each
count's counted phrase from spaCy's parse of the sentence (the parse timed apart; ``--no-parse`` skips it);
2. count matches as CQE's ``calculate_metrics`` (``evaluate_models.py`` of CQE_Evaluation) does, ``match_counts``:
gold and system quantities sorted by unit name; each gold quantity walks the system quantities not yet taken,
every one with an equal value is a value match (at most as many per sentence as it has gold quantities), and
the first with an equal value and the same unit name is a value+unit match and is taken. Values are equal as
CQE's ``np.isclose`` (relative tolerance 1e-5, absolute 1e-8); a range (low < high) equals only a gold range
"a-b" with equal ends, a single value only a single value; a change "from a to b" (our ``previous`` and
``value``) counts as the range "a-b", as CQE writes it.
3. P = matches / system quantities, R = matches / gold quantities, summed over sentences.

Unit names: CQE's evaluation compares the lowercased ``normalized_unit`` strings for equality, one string per
system quantity. ``unit_name`` writes each of our quantities with the one name CQE's normalizer gives it:
- km and km2 (which we convert with pint) are named as written: "12 miles" is value 12, unit "mile";
  "square kilometre", "acre";
- a currency code: ``CURRENCY_NAMES`` ("USD": "dollar", "GBP": "pound sterling"; one CQE's dictionary lacks
  by the key its word is a surface of, "PKR": "rupee", else by its words, "KWD": "kuwaiti dinar", and when
  written in words by the words as written, "500 baht" "baht", "300 Thai baht" "thai baht"); a measure:
  ``UNIT_NAMES`` ("kg": "kilogram", "ppm": "parts-per-million", "t": "metric ton", "ton": "ton"), or a
  name set by the written form (``NAME_BY_RAW``: "164p" is a "point", "Rs 400" a "rupee"); a duration is
  its unit ("day", "millennium"), an age "year of age" ("month of age" for "a 3-month-old", and so for
  weeks and days); a rate is "<name> per <period>" ("dollar per month"), a measure it is per named as the
  measure is ("per liter" "litre", "per troy ounce" "ounce", "per annum" "year");
- a fluid ounce written with its measure system ("US fluid ounces"): "ounce", as CQE's dictionary lists it;
- "percent": "percentage", written in points too: "2 percentage points" is 2 "percentage", as CQE's normalizer
  names it ("percentage point" is no key of its dictionary, whose names the gold's units are);
- "count": "-" without a counted noun, else CQE's counted phrase: the parse's (the noun the number
  modifies, with its compound and adjective modifiers, ``storyline.doc.quantity_counted``: "a record 32 goals"
  ~ "record goal", less the words of another quantity, "eight million 250ml bottles" ~ "bottle"; "one of the
  ..." by the noun's whole phrase, as CQE's one-of rule), else the words after the last
  number to the end of the quantity, stopwords left out, each lemmatized as spaCy does for CQE (a plural
  singular, "smaller" "small", a name as written: "6,000 Russian troops" ~ "russian troop", "two smaller
  tenancies" ~ "small tenancy", "millions of Americans" ~ "americans"), or, as CQE's normalizer does, the
  unit its first common noun is a surface of in CQE's dictionary ("68 league games" ~ "league", "3200 times"
  ~ "count", "50 previous years" ~ "year");
- "fraction" ("a third of"): "%" and what it is a fraction of, read from the parse ("one fourth of the US
  population" ~ "% us population") or the words, "% germans", or "% -".
Until session 13 three leniencies were allowed (a bare count matched "-" or "count", points "percentage point"
or "percentage", a fraction any "%" name) and values were paired one to one; CQE's definition has neither.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from storyline.config import Config
from storyline.doc.quantities import UNITS, extract_quantities, pint_unit
from storyline.doc.quantity_counted import PhraseWords, plain_adjective
from storyline.doc.quantity_extremes import period_extreme
from storyline.doc.quantity_units import singular, words
from storyline.doc.quantity_words import WORD_VALUES
from storyline.errors import Errors, InputError
from storyline.eval.newsquant_parse import SentenceTokens, parse_texts, phrases_of
from storyline.eval.newsquant_units import (
    CURRENCY_NAMES,
    MEASURE_SYSTEM,
    NAME_BY_RAW,
    NAMED_AS_WRITTEN,
    PER_NAMES,
    SURFACE_UNITS,
    SYSTEM_NAMES,
    UNIT_NAMES,
    WRITTEN_NAMES,
)
from storyline.eval.scores import PRF
from storyline.records import Quantity

Split = Literal["dev", "test", "all"]
ReportFormat = Literal["table", "json"]
Value = float | tuple[float, float]


_UNITLESS = "-"  # CQE's name for a number with no unit


@dataclass(frozen=True)
class GoldQuantity:
    value: Value
    unit: str  # CQE's normalized_unit, lowercased


@dataclass(frozen=True)
class GoldSentence:
    text: str
    quantities: tuple[GoldQuantity, ...]


@dataclass(frozen=True)
class SentenceResult:
    sentence: GoldSentence
    system: tuple[Quantity, ...]
    value_matches: int
    unit_matches: int
    seconds: float
    phrases: tuple[PhraseWords, ...] = ()  # the parse's counted phrase of each system quantity


@dataclass(frozen=True)
class Scores:
    split: Split
    sentences: int
    gold: int
    system: int
    value_matches: int
    unit_matches: int
    value: PRF
    value_unit: PRF
    sentences_per_second: float
    parse_sentences_per_second: float | None = None  # spaCy, when the counted phrases come from the parse


def split_of(text: str) -> Literal["dev", "test"]:
    """The half a sentence belongs to: "dev" when sha1(text)'s first hex digit is even."""
    return "dev" if int(hashlib.sha1(text.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "test"


def _gold_value(raw: object) -> Value:
    """CQE's reading of a gold value: "a-b" (not negative, no exponent) is a range, else a number."""
    text = str(raw).strip()
    if "E" not in text and not text.startswith("-") and "-" in text:
        low, high = text.split("-", 1)
        return float(low), float(high)
    return float(text)


def read_newsquant(path: Path) -> list[GoldSentence]:
    """The sentences of a NewsQuant JSON file with their gold values and normalized units."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return [
            GoldSentence(
                item["text"],
                tuple(GoldQuantity(_gold_value(q["value"]), q["normalized_unit"].lower()) for q in item["quantities"]),
            )
            for item in data
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise InputError(Errors.E080.format(path=path, detail=f"{type(e).__name__}: {e}")) from e


def system_value(q: Quantity) -> Value:
    """Our quantity's value in the unit as written (km and km2 converted back), a pair for a range."""
    low, high, previous = q.low, q.high, q.previous
    written = pint_unit(q.raw_unit) if q.unit in ("km", "km2") and q.raw_unit else None
    if written is not None:
        to_written = lambda v: float(UNITS.Quantity(v, written[1]).to(written[0]).magnitude)  # noqa: E731
        low, high = to_written(low), to_written(high)
        previous = None if previous is None else to_written(previous)
    if previous is not None:  # a change "from a to b" is CQE's range "a-b", in the order written
        return previous, low
    return (low, high) if high > low else low


_NUMBER_TOKEN = re.compile(
    r"^(?:[\d.,$€£¥%-]+\w*|[bmk]n?|[bm]ln|mio\.?|tn|trn|trln|a|an|dozens?|hundreds?|thousands?|millions?"
    r"|billions?|trillions?|lakhs?|crores?)$",
    re.I,
)


def _numberish(token: str) -> bool:
    return bool(_NUMBER_TOKEN.match(token)) or all(part.lower() in WORD_VALUES for part in token.split("-"))


_STOPWORDS = set(
    words(
        "of the a an and or to in on at for by with from its their his her our my your some about more most less "
        "least very ever plus"
    )
)
_RATE_TAIL = re.compile(
    r"\s+(?:times\s+)?(?:a|an|per|each)[\s-]+(?:[\d,]+\s+(?:\w+\s+){0,2})?(?:(?:square|cubic)\s+)?\w+$", re.I
)


_NUMBER_OF = re.compile(r"\b[a-z]+\s+of\b", re.I)


def counted_phrase(q: Quantity, parsed: PhraseWords = ()) -> str:
    """What CQE names a count: the counted phrase the parse gives (``parsed``, from
    ``storyline.doc.quantity_counted.phrase_words``: "a record 32 goals" -> "record goal"), else the words
    after the number up to the counted noun, stopwords left out, lowercased and lemmatized ("6,000 Russian
    troops" -> "russian troop", "two smaller tenancies" -> "small tenancy"). "one of the ..." keeps all its
    words, with no unit of CQE's dictionary for them ("one of the hottest cars in the world" -> "hot car
    world")."""
    if parsed:
        pairs = [(lemma, token.text.islower()) for lemma, token in parsed]
    else:
        window = _window_words(q)
        pairs = [(_lemma(w, noun=k == len(window) - 1), w.islower()) for k, w in enumerate(window)]
    # CQE names a phrase by its first common noun that is a unit of its dictionary, but "one of ..." by its words
    if q.kind != "single" and not _NUMBER_OF.search(q.text):
        units = (SURFACE_UNITS.get(lemma) for lemma, common in pairs if common)
        return next((u for u in units if u is not None), " ".join(lemma for lemma, _ in pairs))
    return " ".join(lemma for lemma, _ in pairs)


def _window_words(q: Quantity) -> list[str]:
    """The words of the quantity's text after its last number, stopwords left out."""
    text = _RATE_TAIL.sub("", q.text) if "/" in q.unit else q.text
    tokens = re.sub(r"['’]s\b", "", text).split()
    # a noun joined to its number, "six-cylinder", is a word of its own
    tokens = [p for t in tokens for p in (t.split("-", 1) if _numberish(t.split("-", 1)[0]) else [t]) if p]
    numbers = [i for i, t in enumerate(tokens) if _numberish(t.strip("()")) and t.lower() not in ("a", "an")]
    end = numbers[-1] + 1 if numbers else 0  # past the last number: "138,285 lots from 212,577 lots"
    phrase = [t.strip(".,;:()") for t in tokens[end:] if t.lower() not in _STOPWORDS]
    return [w for w in phrase if w] or [q.noun or ""]


def _lemma(word: str, noun: bool = False) -> str:
    """CQE's lemma of a word of a counted phrase: a name and a word with digits as written (lowercased),
    a plural singular, a comparative or superlative plain. A plural is a noun, so "contests" and
    "protests" lose only their "s" (a superlative is never plural); so is a ``noun`` (a phrase's last word,
    a fraction's whole, a unit's word), so "one contest" and "one interest" keep their "-est"."""
    if word[:1].isupper() or any(c.isdigit() for c in word):
        return word.lower()
    one = singular(word)
    return one if one != word or (noun and word.endswith("est")) else plain_adjective(word)


# unit words CQE's code blacklists: a unit with any of them is named "-" ("20 high notes", "a 10-year low")
_NOT_UNIT_WORDS = frozenset(("low", "high", "am"))


def unit_name(q: Quantity, parsed: PhraseWords = ()) -> str:
    """The one name our quantity's unit is written with for CQE's comparison (see the module docstring);
    ``parsed`` is the counted phrase the parse gives a count, if any."""
    name = _unit_name(q, parsed)
    # a period's high or low is unitless too, whatever noun the parse hangs its number on: "a 14-year low"
    extreme = q.unit == "count" and period_extreme(q.text)
    return _UNITLESS if extreme or _NOT_UNIT_WORDS & set(name.split()) else name


def _unit_name(q: Quantity, parsed: PhraseWords) -> str:
    if q.kind == "age":  # "a 3-month-old" is a "month of age"
        return f"{q.unit} of age" if q.unit in ("day", "week", "month") else "year of age"
    if q.unit in SYSTEM_NAMES and MEASURE_SYSTEM.search(q.text):
        return SYSTEM_NAMES[q.unit]
    if q.unit in ("km", "km2"):
        written = pint_unit(q.raw_unit) if q.raw_unit else None
        return WRITTEN_NAMES[written[0]] if written else q.unit
    if q.unit == "percent":
        return "percentage"
    if q.unit == "fraction":  # CQE names a fraction "%" and what it is a fraction of: "% -", "% germans"
        of = " ".join(lemma for lemma, _ in parsed) or (_lemma(q.noun, noun=True) if q.noun else "-")
        return f"% {of}"
    if q.unit == "count" and q.noun == "times":  # a multiple, "3 times bigger": CQE's dictionary's "count"
        return "count"
    if q.unit == "count":
        named = q.noun is not None or bool(parsed)
        return counted_phrase(q, parsed) if named else _UNITLESS
    code, _, period = q.unit.partition("/")
    if period and q.unit not in UNIT_NAMES:  # a rate, "USD/month": "dollar per month", "hour/week": "hour per week"
        head = counted_phrase(q, parsed) if code == "count" and q.noun else _name(code, q.raw_unit)
        return f"{head} per {_per_name(period)}"
    return _name(q.unit, q.raw_unit)


@functools.lru_cache(maxsize=1024)
def _per_name(period: str) -> str:
    """What a rate is per, named as CQE's normalizer names the words after "per": a measure our extractor reads
    by its unit's name ("per liter" "litre", "per kilo" "kilogram", "per sq ft" "square foot"), a form of
    ``PER_NAMES`` by its key, any other word as written ("share", "night")."""
    if period in PER_NAMES:
        return PER_NAMES[period]
    text = f"1 {period}"
    found = extract_quantities(text)
    one = found[0] if len(found) == 1 and found[0].start == 0 and found[0].end == len(text) else None
    if one is None or one.kind != "measure" or one.unit == "count" or one.value != 1 or "/" in one.unit:
        return period
    return _unit_name(one, ())


def _name(unit: str, raw: str | None) -> str:
    written = (raw or "").strip()
    if unit in NAMED_AS_WRITTEN and written.replace(" ", "").isalpha() and not written.isupper():
        return " ".join(_lemma(word, noun=True) for word in written.split())
    by_raw = NAME_BY_RAW.get((unit, written.lower()))
    return by_raw or CURRENCY_NAMES.get(unit) or UNIT_NAMES.get(unit) or unit.lower()


def values_match(gold: Value, system: Value) -> bool:
    if isinstance(gold, tuple) and isinstance(system, tuple):
        return all(math.isclose(g, s, rel_tol=1e-5, abs_tol=1e-8) for g, s in zip(gold, system, strict=True))
    if isinstance(gold, tuple) or isinstance(system, tuple):
        return False
    return math.isclose(gold, system, rel_tol=1e-5, abs_tol=1e-8)


def match_counts(
    gold: Sequence[GoldQuantity], system: Sequence[Quantity], phrases: Sequence[PhraseWords] = ()
) -> tuple[int, int]:
    """(value matches, value+unit matches) of one sentence, counted as CQE's ``calculate_metrics`` does;
    ``phrases`` are the parse's counted phrases of the system quantities, in order, when it was parsed.

    Gold and system quantities are each sorted by unit name. Each gold quantity walks the system
    quantities not yet taken: every one with an equal value earns a value match (at most as many as the
    sentence has gold quantities), and the first with an equal value and an equal name is a value+unit
    match, is taken, and ends the walk."""
    phrases = phrases or [()] * len(system)
    named = sorted(((unit_name(q, p), system_value(q)) for q, p in zip(system, phrases, strict=True)), key=_by_name)
    free = list(named)
    value_budget, n_value, n_unit = len(gold), 0, 0
    for g in sorted(gold, key=lambda g: g.unit):
        for candidate in free:
            name, value = candidate
            if not values_match(g.value, value):
                continue
            if value_budget > 0:
                n_value, value_budget = n_value + 1, value_budget - 1
            if name == g.unit:
                free.remove(candidate)
                n_unit += 1
                break
    return n_value, n_unit


def _by_name(named: tuple[str, Value]) -> str:
    return named[0]


def score_sentence(sentence: GoldSentence, parsed: SentenceTokens | None = None) -> SentenceResult:
    """Extract the sentence's quantities (timed, with the reading of their counted phrases from
    ``parsed``, the sentence's parse, when given) and count the matches."""
    began = time.perf_counter()
    system = tuple(extract_quantities(sentence.text))
    phrases = phrases_of(parsed, system) if parsed is not None else ()
    seconds = time.perf_counter() - began
    n_value, n_unit = match_counts(sentence.quantities, system, phrases)
    return SentenceResult(sentence, system, n_value, n_unit, seconds, phrases)


def score_sentences(
    sentences: Iterable[GoldSentence], split: Split = "all", parse: bool = True, config: Config | None = None
) -> tuple[list[SentenceResult], float]:
    """Per-sentence results for the sentences of ``split``, and the seconds spaCy took to parse them
    (0 when ``parse`` is off: counted phrases are then read from the words after the number only)."""
    chosen = [s for s in sentences if split == "all" or split_of(s.text) == split]
    if not parse:
        return [score_sentence(s) for s in chosen], 0.0
    parsed, seconds = parse_texts([s.text for s in chosen], config or Config())
    return [score_sentence(s, p) for s, p in zip(chosen, parsed, strict=True)], seconds


def scores_of(results: Sequence[SentenceResult], split: Split, parse_seconds: float = 0.0) -> Scores:
    gold = sum(len(r.sentence.quantities) for r in results)
    system = sum(len(r.system) for r in results)
    n_value = sum(r.value_matches for r in results)
    n_unit = sum(r.unit_matches for r in results)
    seconds = sum(r.seconds for r in results)
    return Scores(
        split=split,
        sentences=len(results),
        gold=gold,
        system=system,
        value_matches=n_value,
        unit_matches=n_unit,
        value=PRF.of(n_value, system, gold),
        value_unit=PRF.of(n_unit, system, gold),
        sentences_per_second=len(results) / seconds if seconds else 0.0,
        parse_sentences_per_second=len(results) / parse_seconds if parse_seconds else None,
    )


def evaluate_newsquant(path: Path, split: Split = "all", parse: bool = True, config: Config | None = None) -> Scores:
    """Scores of ``extract_quantities`` on the ``split`` half of the NewsQuant file at ``path``; with
    ``parse``, each count is named by the counted phrase of spaCy's parse (``config.nlp.model``)."""
    if split not in ("dev", "test", "all"):
        raise InputError(Errors.E081.format(split=split))
    results, parse_seconds = score_sentences(read_newsquant(path), split, parse, config)
    return scores_of(results, split, parse_seconds)


def format_table(scores: Scores) -> str:
    """A small plain-text table of the scores."""
    rows = [("value", scores.value, scores.value_matches), ("value+unit", scores.value_unit, scores.unit_matches)]
    return "\n".join(
        [
            f"NewsQuant quantity scores ({scores.split}): {scores.sentences} sentences, "
            f"{scores.gold} gold, {scores.system} system",
            f"{'':12}{'P':>8}{'R':>8}{'F1':>8}{'matched':>9}",
            *(f"{name:12}{p.precision:8.3f}{p.recall:8.3f}{p.f1:8.3f}{n:9d}" for name, p, n in rows),
            f"extractor speed: {scores.sentences_per_second:,.0f} sentences/second",
            *(
                [f"spaCy parse (for counted phrases): {scores.parse_sentences_per_second:,.0f} sentences/second"]
                if scores.parse_sentences_per_second
                else []
            ),
        ]
    )


def newsquant_report(path: Path, split: Split = "all", fmt: ReportFormat = "table", parse: bool = True) -> str:
    """The scores on ``split`` of the file at ``path``, as a table or as JSON."""
    if fmt not in ("table", "json"):
        raise InputError(Errors.E082.format(fmt=fmt))
    scores = evaluate_newsquant(path, split, parse)
    return json.dumps(asdict(scores), indent=2) if fmt == "json" else format_table(scores)
