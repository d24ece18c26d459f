"""Read what a count counts from the dependency parse: the noun its number modifies, with that noun's
compound and adjective modifiers, lemmatized, stop words out ("3 million headsets" -> "headset", "two
record goals" -> "record goal", "12 of the 30 players" -> "player", "the 4 new cases" -> "new case"); a
number word with "of" by the noun's whole phrase ("one of the proudest moments of his life" -> "proud
moment life").

This is the counted phrase as CQE describes it (the noun a number is attached to in the parse, with the
words that modify it), read from our own ``Token`` records, so it works on a parsed ``Sentence`` and
loads no model itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.doc.quantity_units import words
from storyline.records import Token

__all__ = [
    "PhraseWords",
    "counted_head",
    "counted_phrase",
    "counted_words",
    "fraction_words",
    "one_of_words",
    "phrase_words",
    "plain_adjective",
]

# the words of a counted phrase, each lemmatized, with its token: (("record", <record>), ("goal", <goals>))
PhraseWords = tuple[tuple[str, Token], ...]

_NOUNS = ("NOUN", "PROPN")
# how a number hangs on the noun it counts, and how the words of one number hang together
_ON_NOUN = ("nummod", "quantmod", "compound", "amod", "nmod", "appos")
_IN_NUMBER = ("compound", "quantmod", "nummod", "punct", "cc", "conj", "prep", "pobj")
# the noun's modifiers that are part of what is counted: "record goals", "new cases", "Russian troops",
# and names joined to one of them: "Kia and Hyundai vehicles"
_MODIFIERS = ("compound", "amod", "nmod", "conj")
# number words that the tagger may call nouns: "millions of Americans" counts Americans
_NUMBER_NOUNS = frozenset(
    words(
        "dozen dozens hundred hundreds thousand thousands million millions billion billions trillion trillions "
        "k m mn mln mio b bn bln tn tr trn trln lakh lakhs crore crores"
    )
)
_NUMBER_WORDS = "one two three four five six eight nine ten eleven twelve fifteen twenty forty fifty sixty hundred"
_HYPHENS = ("-", "–")
_AGE_UNITS = ("year", "month", "week", "day")
# words left out of a phrase: function words, verbs and adverbs by their part of speech (CQE names a count by
# the nouns, names and adjectives of its phrase: "3 stolen cars" is "car"), and a few words by name (CQE keeps
# content words such as "other" and "total" that a full stop list would drop)
_FUNCTION = ("DET", "ADP", "PRON", "CCONJ", "SCONJ", "PART", "AUX", "PUNCT", "SYM", "NUM", "VERB", "ADV")
_STOP_WORDS = frozenset(
    words("of the a an and or to in on at for by with from some about more most less least very ever plus")
)

# CQE lemmatizes every word of a counted phrase; comparatives and superlatives become the plain adjective
_IRREGULAR_DEGREE = {"best": "good", "better": "good", "worst": "bad", "worse": "bad", "farthest": "far"}
_COMPARATIVES = set(
    words(
        "smaller larger bigger older younger higher lower newer greater fewer cheaper richer poorer longer shorter "
        "wider stronger weaker faster slower"
    )
)


# plurals whose lemma in spaCy's English tables is another word ("doses" "dos", "species" "specie", "bases"
# "basis", "taxes" "taxis", "data" "datum"), by their singular as a count of them means it
_LEMMA_SLIPS = {
    "doses": "dose",
    "species": "species",
    "bases": "base",
    "taxes": "tax",
    "vases": "vase",
    "corpses": "corpse",
    "cookies": "cookie",
    "means": "means",
    "data": "data",
    "media": "media",
}


_VOWELS = frozenset("aeiou")


def plain_adjective(word: str) -> str:
    """ "realest" -> "real", "earliest" -> "early", "smaller" -> "small", "hottest" -> "hot", "oddest" -> "odd",
    "finest" -> "fine", "wider" -> "wide"."""
    if word in _IRREGULAR_DEGREE:
        return _IRREGULAR_DEGREE[word]
    stem = word[:-3] if word.endswith("est") and len(word) > 5 else word[:-2] if word in _COMPARATIVES else None
    if stem is None:
        return word
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if _doubled_after_short_vowel(stem):  # "hott", "bigg", "thinn"; not "odd", "small", "cross"
        return stem[:-1]
    return stem + "e" if _e_after(stem) or _silent_e_dropped(stem) else stem


def _e_after(stem: str) -> bool:
    """A stem whose last letter needs its "e" back: "larg" (large), "brav", "clos", "nic", "strang"; not
    "long", "strong", "young"."""
    if stem.endswith(("ong", "ung", "ing")):
        return False
    return stem.endswith(("g", "v", "s", "c", "z"))


def _doubled_after_short_vowel(stem: str) -> bool:
    """A consonant doubled before "-est" after one vowel after a consonant: "hott" (hot), not "odd" itself."""
    return (
        len(stem) >= 4
        and stem[-1] == stem[-2]
        and stem[-1] not in "ls"
        and stem[-3] in _VOWELS
        and stem[-4] not in _VOWELS
    )


def _silent_e_dropped(stem: str) -> bool:
    """A one-syllable stem ending in one vowel and one consonant whose "e" "-est" took: "fin" (fine), "lat"
    (late), "saf" (safe); not "new", "lax", "real", "quick" (an undoubled short vowel would have doubled)."""
    groups = [c in _VOWELS for c in stem]
    syllables = sum(1 for i, v in enumerate(groups) if v and (i == 0 or not groups[i - 1]))
    return (
        syllables == 1
        and len(stem) >= 3
        and stem[-1] not in _VOWELS | set("wxyh")
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
    )


def _is_number(token: Token) -> bool:
    return token.pos == "NUM" or token.tag == "CD" or token.text.lower() in _NUMBER_NOUNS


def _inside(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.start < end and start < t.end]


def _top_of_number(tokens: Sequence[Token], i: int) -> int:
    """The word of a number that the rest of the number hangs on: "million" in "3 million"."""
    for _ in range(len(tokens)):
        head = tokens[i].head
        if head == i or not _is_number(tokens[head]) or tokens[i].dep not in _IN_NUMBER:
            return i
        i = head
    return i


def counted_head(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int] | None:
    """The indices of the number's top word and of the noun that the number in ``start``-``end``
    counts, or None.

    The number's top word hangs on a noun after it ("4 cases", "3 million headsets"), or the number is a
    noun phrase of its own with "of" and the noun ("12 of the 30 players", "millions of Americans")."""
    numbers = _count_numbers(tokens, [i for i in _inside(tokens, start, end) if _is_number(tokens[i])])
    numbers = [i for i in numbers if not _name_number(tokens, i, numbers)] or numbers
    if not numbers:
        return None
    top = _top_of_number(tokens, max(numbers))
    if _hyphenated_noun(tokens, top):
        return top, top + 2
    head = tokens[top].head
    joined_adjective = head == top + 2 and tokens[head].pos == "ADJ" and tokens[top + 1].text in _HYPHENS
    head = tokens[head].head if joined_adjective else head  # "a 2,500-strong force": the force is counted
    on_noun = joined_adjective or tokens[top].dep in _ON_NOUN
    if head != top and on_noun and tokens[head].pos in _NOUNS and not _is_number(tokens[head]):
        return (top, head) if head > top else None
    noun = _of_noun(tokens, top)
    return None if noun is None else (top, noun)


def _count_numbers(tokens: Sequence[Token], numbers: list[int]) -> list[int]:
    """The numbers of the count itself: "two" in "two 500-pound bombs", where "500-pound" is a measure of the
    bombs (a quantity of its own) and the count is of the bombs."""
    return [i for i in numbers if i < numbers[-1]] if len(numbers) > 1 and _measure_of(tokens, numbers[-1]) else numbers


def _name_number(tokens: Sequence[Token], i: int, numbers: Sequence[int]) -> bool:
    """ "737" in "two new 737 Max jets", "3" in "5,000 Model 3 sedans": whole digits beside a capitalized name,
    after another number of the count's span (the count's own), are part of a model's name, not the count."""
    token = tokens[i]
    if not token.text.isdigit() or not any(j < i for j in numbers):
        return False
    return any(0 <= j < len(tokens) and _capitalized_name(tokens[j]) for j in (i - 1, i + 1))


def _capitalized_name(token: Token) -> bool:
    return token.pos == "PROPN" and any(c.isupper() for c in token.text)  # "Boeing", "iPhone"


def _measure_of(tokens: Sequence[Token], number: int) -> bool:
    """ "500-pound" in "two 500-pound bombs", "16-year-old" in "two 16-year-old boys": a number joined by
    hyphens to words that modify a noun after them, with another number before it that is not part of it
    ("two", not "2,500" nor "3 million")."""
    if not _hyphenated_noun(tokens, number):
        return False
    last = _word_around(tokens, number + 2)[1]
    head = tokens[last].head
    of_number = number > 0 and tokens[number - 1].head == number
    modifies = head > last and tokens[head].pos in _NOUNS and tokens[last].dep in _MODIFIERS
    return not of_number and (modifies or _age_unit(tokens, last) is not None)


def _age_unit(tokens: Sequence[Token], i: int) -> str | None:
    """ "year" when token ``i`` is the "olds" of "20-year-olds" or "11-year olds", a noun of people by their
    age (what "30 20-year-olds" counts); None for any other word."""
    if tokens[i].text.lower() != "olds":
        return None
    unit = i - 2 if i >= 2 and tokens[i - 1].text in _HYPHENS else i - 1
    word = tokens[unit].text.lower().removesuffix("s") if unit >= 0 else ""
    return word if word in _AGE_UNITS else None


def _measure_word(tokens: Sequence[Token], i: int, noun: int) -> bool:
    """ "pound" in "two 500-pound bombs", "old" in "two 16-year-old boys": a modifier of the counted noun
    joined by hyphens to a number before it, which is another quantity (a measure, an age) and not part of
    what is counted."""
    first = _word_around(tokens, i)[0]
    return i != noun and first != i and _is_number(tokens[first])


def _hyphenated_noun(tokens: Sequence[Token], top: int) -> bool:
    """ "a six-cylinder engine", "a 3-point shot": the word joined to the number by a hyphen is counted; not an
    adjective or a verb, "a 2,500-strong force" (the force is counted), "a 20-odd crew"."""
    return (
        top + 2 < len(tokens)
        and tokens[top + 1].text in _HYPHENS
        and _joined(tokens, top, top + 2)
        and tokens[top + 2].text.isalpha()
        and tokens[top + 2].pos not in ("ADJ", "VERB", "ADV")
    )


def _of_noun(tokens: Sequence[Token], top: int) -> int | None:
    """ "12 of the 30 players": the noun after the number's "of"."""
    for i, t in enumerate(tokens):
        if t.head == top and i > top and t.dep == "prep" and t.text.lower() == "of":
            objects = [j for j, o in enumerate(tokens) if o.head == i and o.dep == "pobj" and o.pos in _NOUNS]
            return objects[0] if objects else None
    return None


def counted_words(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    """The indices of the counted phrase's words, in sentence order: the counted noun and its compound and
    adjective modifiers before it (and theirs), after the number, or right before it in the same noun
    phrase ("a record 32 goals", not "a total of five slots"); empty when no noun is counted."""
    found = counted_head(tokens, start, end)
    if found is None:
        return []
    top, noun = found
    if noun == top + 2 and _hyphenated_noun(tokens, top):
        return [noun]
    joined = top + 2 if top + 2 < len(tokens) and tokens[top + 1].text in _HYPHENS else None  # "2,500-strong"
    kept = [i for i in _with_modifiers(tokens, top, noun) if i != joined and not _measure_word(tokens, i, noun)]
    # a model's number inside the phrase stays in it: "two new 737 Max jets" counts "new 737 max jet"
    named = [i for i in range(top + 1, noun) if _name_number(tokens, i, [top]) and min(kept) < i]
    return sorted({*kept, *named})


def _with_modifiers(tokens: Sequence[Token], top: int, noun: int) -> list[int]:
    """``noun`` and its modifiers after ``top`` or in one run right before the number ``top`` starts."""
    kept = {noun}
    frontier = [noun]
    while frontier:
        head = frontier.pop()
        for i, t in enumerate(tokens):
            if t.head == head and i < noun and i != top and _modifies(t) and i not in kept:
                kept.add(i)
                frontier.append(i)
    first = _first_of_number(tokens, top)
    before = sorted((i for i in kept if i < first), reverse=True)
    run = next((k for k, i in enumerate(before) if i != first - 1 - k), len(before))
    return sorted({i for i in kept if i > top} | set(before[:run]))


def _modifies(token: Token) -> bool:
    """A word that is part of what is counted: a modifier, or a name that owns it ("Johnson's deputies")."""
    return token.dep in _MODIFIERS or (token.dep == "poss" and token.pos == "PROPN")


def _first_of_number(tokens: Sequence[Token], top: int) -> int:
    """The first word of the number whose top word is ``top``: "3" in "3 million"."""
    first = top
    while first > 0 and _is_number(tokens[first - 1]) and tokens[first - 1].head in (top, first):
        first -= 1
    return first


def _word_around(tokens: Sequence[Token], i: int) -> tuple[int, int]:
    """The first and last index of the hyphenated word token ``i`` is part of: "gas-only"."""
    first = last = i
    while first >= 2 and tokens[first - 1].text in _HYPHENS and _joined(tokens, first - 2, first):
        first -= 2
    while last + 2 < len(tokens) and tokens[last + 1].text in _HYPHENS and _joined(tokens, last, last + 2):
        last += 2
    return first, last


def _joined(tokens: Sequence[Token], a: int, b: int) -> bool:
    return all(tokens[k].end == tokens[k + 1].start for k in range(a, b))


def _wordlike(token: Token) -> bool:
    return any(c.isalnum() for c in token.text)


def _lemma(token: Token) -> str:
    """A name as written, an adjective's comparative or superlative plain, a plural of ``_LEMMA_SLIPS`` by its
    singular there, any other word by its lemma, lowercased: "Americans" -> "americans", "hottest" -> "hot",
    "fishermen" -> "fisherman", "doses" -> "dose"."""
    if token.pos == "PROPN" or token.tag in ("NNP", "NNPS"):
        return token.text.lower()
    if token.tag in ("JJR", "JJS"):  # by the tag only: "modest" and "honest" are no superlatives
        return plain_adjective(token.text.lower())
    if token.pos == "NOUN" and token.text.lower() in _LEMMA_SLIPS:
        return _LEMMA_SLIPS[token.text.lower()]
    return (token.lemma or token.text).lower()


def _spelled(tokens: Sequence[Token], i: int) -> str | None:
    """The word of token ``i`` as it enters the phrase: a hyphenated word whole ("gas-only"); None for a
    stop word, a number or punctuation."""
    token = tokens[i]
    age = _age_unit(tokens, i)
    if age is not None:  # "20-year-olds" counts people of an age: "year-old"
        return f"{age}-old"
    if token.text.isdigit() and any(_capitalized_name(tokens[j]) for j in (i - 1, i + 1) if 0 <= j < len(tokens)):
        return token.text  # a model's number, kept only inside a phrase (``counted_words``): "737" of "737 Max"
    first, last = _word_around(tokens, i)
    parts = tokens[first : last + 1]
    if first != last and _wordlike(token) and not any(_is_number(t) for t in parts):
        return _hyphenated(parts)  # whole, whatever the parse calls its parts: "in-person", "off-key"
    if token.pos in _FUNCTION or _is_number(token) or token.text.lower() in _STOP_WORDS or not _wordlike(token):
        return None
    return _lemma(token) or None


def _hyphenated(parts: Sequence[Token]) -> str:
    """A hyphenated word as one word, a noun's last part lemmatized ("co-ops" -> "co-op"), another's as written
    ("spirit-crushing", "gas-only")."""
    last = _lemma(parts[-1]) if parts[-1].pos in _NOUNS else parts[-1].text.lower()
    return "".join(t.text.lower() for t in parts[:-1]) + last


def fraction_words(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    """The indices of what the fraction in ``start``-``end`` is a fraction of, with its modifiers: "the US
    population" in "one fourth of the US population", "young voters" in "four in 10 young voters";
    empty when no noun follows its "of" or its second number."""
    inside = _inside(tokens, start, end)
    for i in reversed(inside):  # "of" may hang on any word of the fraction: "one" of "one-third of the vote"
        noun = _of_noun(tokens, i)
        if noun is not None:
            return _with_modifiers(tokens, i, noun)
    whole = tokens[inside[-1]].head if inside and tokens[inside[-1]].dep == "predet" else None
    if whole is not None and whole > inside[-1] and tokens[whole].pos in _NOUNS:
        return _with_modifiers(tokens, inside[-1], whole)  # "half the rural clinics"
    # "four in 10 young voters", "one out of three Germans": what the second number counts
    return counted_words(tokens, start, end) if inside and _is_number(tokens[inside[-1]]) else []


# "one of ...": the words of the counted noun's whole phrase, up to punctuation or a relative word, less
# English stop words (spaCy's list as CQE adjusts it: number words and "top", "us", "up", "amount", "never"
# are kept, "total", "instead", "maybe", "minus" left out)
_KEPT_STOPS = frozenset(words(f"top us up amount never {_NUMBER_WORDS}"))
_OF_PHRASE_STOPS = (frozenset(STOP_WORDS) - _KEPT_STOPS) | frozenset(words("total instead maybe minus"))
# a relative word ends the phrase, and so does "with", which opens a clause of its own ("... cars in the
# world with tuners scrambling to buy one")
_BREAKS = frozenset(words("this that which what who whose whom with"))


def one_of_words(tokens: Sequence[Token], start: int, end: int) -> PhraseWords:
    """ "one of the proudest moments of his life" -> proud, moment, life: for a number word (not a scale
    word) with "of" and a common noun after it, the noun's whole phrase (its subtree in the parse) up to the
    first punctuation, relative word, "with" or preposition whose phrase holds a number, stop words out, each
    lemmatized, a hyphenated word whole; empty for any other number,
    or when the noun is itself counted by digits ("one of those 40 percent")."""
    numbers = [i for i in _inside(tokens, start, end) if _is_number(tokens[i])]
    word = tokens[numbers[0]].text.lower() if len(numbers) == 1 else ""
    if not word.isalpha() or word in _NUMBER_NOUNS:  # "thousands of tests" counts tests
        return ()
    noun = _of_noun(tokens, numbers[0])
    if (
        noun is None
        or tokens[noun].pos != "NOUN"
        or any(t.head == noun and t.pos == "NUM" and t.text[:1].isdigit() for t in tokens)
    ):
        return ()
    phrase: list[tuple[str, Token]] = []
    for i in _subtree(tokens, noun):
        token = tokens[i]
        # a phrase with a number is a quantity of its own: "one of our best talks in the ten years since"
        if _breaks(token) or _numbered_prep(tokens, i):
            break
        first, last = _word_around(tokens, i)
        if first != last:  # a hyphenated word is one word, whatever its parts: "gas-only", "built-in"
            if i == last:
                phrase.append((_hyphenated(tokens[first : last + 1]), token))
            continue
        if token.text.lower() in _OF_PHRASE_STOPS or token.text in _HYPHENS or not _wordlike(token):
            continue
        phrase.append((_lemma(token), token))
    return tuple(phrase)


def _numbered_prep(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` is a preposition whose phrase holds a number before any break: "in the ten years", "of
    2009", "on the 75-ton cap"."""
    if tokens[i].dep != "prep":
        return False
    for j in _subtree(tokens, i):
        if _breaks(tokens[j]):
            return False
        if _is_number(tokens[j]):
            return True
    return False


def _breaks(token: Token) -> bool:
    """Punctuation (not a hyphen or a slash) or a relative word ends a "one of" phrase."""
    return (token.pos == "PUNCT" and token.text not in ("-", "/")) or token.text.lower() in _BREAKS


def _subtree(tokens: Sequence[Token], root: int) -> list[int]:
    """The indices of ``root`` and every word under it in the parse, in sentence order."""
    inside = {root}
    grew = True
    while grew:
        more = {i for i, t in enumerate(tokens) if t.head in inside and t.head != i and i not in inside}
        inside |= more
        grew = bool(more)
    return sorted(inside)


def phrase_words(tokens: Sequence[Token], start: int, end: int, fraction: bool = False) -> PhraseWords:
    """The words of the counted phrase of the count in ``start``-``end`` (offsets in the tokens' frame),
    or with ``fraction`` of what the fraction there is a fraction of, each lemmatized, with its token;
    stop words, numbers and punctuation out. A number word with "of" ("two of the ...") has the words of
    ``one_of_words``."""
    of_phrase = () if fraction else one_of_words(tokens, start, end)
    if of_phrase:
        return of_phrase
    spelled: list[tuple[str, Token]] = []
    for i in (fraction_words if fraction else counted_words)(tokens, start, end):
        word = _spelled(tokens, i)
        if word is not None and word not in _STOP_WORDS and (not spelled or spelled[-1][0] != word):
            spelled.append((word, tokens[i]))
    return tuple(spelled)


def counted_phrase(tokens: Sequence[Token], start: int, end: int) -> str | None:
    """What the count in ``start``-``end`` counts, as CQE names it ("record goal", "russian troop"), or
    None when the parse hangs no noun on its number."""
    return " ".join(word for word, _ in phrase_words(tokens, start, end)) or None
