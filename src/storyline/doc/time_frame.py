"""Event dates read from how a report tells its story: intervals counted from a dated event, and
sentences that come back from backstory to the report's main event.

1. "The figure came a day after troops entered the town on Saturday": the event is the day after
   Saturday, not Saturday (``counted_from``); "Two days earlier, the envoy met ..." is two days before
   the day of the sentence before it (``counted_from_before``).
2. A time inside a past-perfect clause dates backstory, not the sentence's event, when the sentence's
   own verb is a simple past: in "The figure was twice the one she had given on Sunday", Sunday is
   when the earlier figure was given (``is_backstory``).
3. A report's lede sets its main frame (its first sentence's date). A simple-past sentence that
   comes back to it from backstory takes that date (``return_to_lede``): one whose only time was
   backstory (2.), or one that turns from a backstory sentence dated before the lede with a word
   of contrast ("Russia moved units south in August. The thrust came instead near Kharkiv.").
4. A time after the report's day inside a clause on a noun ("voiced hope that the bridge opens next
   month", "a plan that reopens the port next year") tells what that thing foretells, not when the
   sentence's event happened, when the verb the noun hangs on is in the past (``foretold_in_noun_clause``):
   a past event is not dated after the report. So does one in a "with" clause on a past verb ("warned
   that the deal was risky, with one broker fearing it could collapse next month"). Read from the parse;
   without one, nothing changes.
5. A sentence told in the present tells a state or step of now; a time inside a
   clause or phrase that hangs on its verb or one of its nouns ("the tactics used in 1979", "although
   the wells will not be ready until August", "since the rig sank on April 20", "following the quake
   on Tuesday") dates that background, not the sentence's event (``background_of_present``): "The
   wells will not be ready until August" is not when "the company is drilling". So does an earlier time
   in the background of a sentence told in the future ("will trigger the outrage aimed at the firm in
   1989"). Read from the parse. A clause on the sentence's subject names what the sentence is about ("The
   offensive that Ukraine launched earlier this month has changed the war"), one on a figure dates the
   figure ("below the 600 square kilometres that officials gave on Thursday"), and a past main verb leaves
   the time alone too (a clause on a noun often tells the event itself: "a jet that was shot down on
   Saturday").
6. A date that modifies a noun ("the May 3 blast", "Tuesday's vote", "its 2006 spill") tells when that
   noun's event happened, not the sentence's (``names_a_noun_only``): "Investigators are studying the May 3
   blast", "The firm was blamed for the May 3 blast". It dates the sentence's event when the noun is the
   subject of a past verb ("The May 3 blast killed four workers") or of "be", frames it ("In a May 3
   statement, the company said", "during the May 3 storm"), or the sentence has no verb. Read from the parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Literal

from storyline.records import IsoDate, Sentence, TimeExpression, Token
from storyline.time.tense import tense_cues

# "a day after", "two weeks before": a DURATION right before one of these counts from the event after it.
_COUNTED = re.compile(r"\s+(?P<dir>after|before)\b", re.IGNORECASE)
_DAYS = re.compile(r"P(?P<n>\d+)(?P<unit>[DW])")
# "had given on", "had not been seen since": the past perfect right before a time expression.
_PAST_PERFECT_BEFORE = re.compile(
    r"\bhad\s+(?:(?:not|never|already|just|first|been)\s+)*[a-z]+(?:\s+[a-z]+){0,3}"
    r"\s+(?:(?:on|in|at|by|since|until|late|early|earlier|last)\s+)*$",
    re.IGNORECASE,
)
_CONTRAST = re.compile(r"\b(?:instead|however|this\s+time|in\s+the\s+end|eventually)\b", re.IGNORECASE)


def counted_from(sentence: Sentence, governing: TimeExpression, times: Sequence[TimeExpression]) -> IsoDate | None:
    """The date ``N days/weeks after|before`` the governing day, when such an interval leads to it."""
    if governing.date is None or len(governing.date) != 10:
        return None
    for t in times:
        if t.type != "DURATION" or t.end > governing.start:
            continue
        after = _COUNTED.match(sentence.text, t.end - sentence.start)
        amount = _DAYS.fullmatch(t.value)
        if after is None or amount is None:
            continue
        days = int(amount.group("n")) * (7 if amount.group("unit") == "W" else 1)
        sign = 1 if after.group("dir").lower() == "after" else -1
        return (date.fromisoformat(governing.date) + timedelta(days=sign * days)).isoformat()
    return None


# "Two days earlier, ...", "A week later, ...": an interval that opens a sentence counts from the day before it.
_OPENING_DIRECTION = re.compile(r"\s+(?P<dir>earlier|later)\b", re.IGNORECASE)


def counted_from_before(sentence: Sentence, day: IsoDate) -> IsoDate:
    """``day`` (taken from the sentence before) moved by an interval of days or weeks that opens ``sentence``
    ("Two days earlier, the envoy met ..."); ``day`` itself otherwise."""
    first = sentence.times[0] if sentence.times else None
    if len(day) != 10 or first is None or first.type != "DURATION":
        return day
    if sentence.text[: first.start - sentence.start].strip():
        return day
    direction = _OPENING_DIRECTION.match(sentence.text, first.end - sentence.start)
    amount = _DAYS.fullmatch(first.value)
    if direction is None or amount is None:
        return day
    days = int(amount.group("n")) * (7 if amount.group("unit") == "W" else 1)
    sign = 1 if direction.group("dir").lower() == "later" else -1
    return (date.fromisoformat(day) + timedelta(days=sign * days)).isoformat()


def is_backstory(sentence: Sentence, expr: TimeExpression) -> bool:
    """True when ``expr`` follows a past-perfect verb and a simple past comes before that verb."""
    before = sentence.text[: expr.start - sentence.start]
    perfect = _PAST_PERFECT_BEFORE.search(before)
    if perfect is None:
        return False
    lead = before[: perfect.start()]
    return any(c.tense == "past" for c in tense_cues(lead))


_NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl"})
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})


def foretold_in_noun_clause(sentence: Sentence, expr: TimeExpression, published: IsoDate | None) -> bool:
    """True when ``expr`` is dated after ``published`` and sits in a clause on a noun, or a "with" clause,
    whose governing verb is in the past (see 4.)."""
    if published is None or expr.date is None or not _after(expr.date, published):
        return False
    tokens = sentence.tokens
    at = next((i for i, t in enumerate(tokens) if expr.start <= t.start < expr.end), None)
    seen: set[int] = set()
    while at is not None and at not in seen:
        seen.add(at)
        tok = tokens[at]
        on_noun = tok.dep in _NOUN_CLAUSE_DEPS and tokens[tok.head].pos in _NOUN_POS
        after_with = tok.dep == "pcomp" and tokens[tok.head].text.lower() == "with"
        if tok.pos in ("VERB", "AUX") and (on_noun or after_with):
            return _in_past(tokens, _governing_verb(tokens, tok.head))
        at = None if tok.dep == "ROOT" else tok.head
    return False


_BACKGROUND_DEPS = frozenset({"acl", "relcl", "advcl"})
_BACKGROUND_PREPS = frozenset({"after", "following", "since"})
_FUTURE_MODALS = frozenset({"will", "'ll", "shall", "wo"})
_SAME_TIME_MARKS = frozenset({"when", "whenever", "as", "while", "once"})
_REDUCED_TAGS = frozenset({"VBN", "VBG"})  # "the tactics used in 1979", "a plume extending ..."
_RELEASE_VERBS = frozenset({"release", "publish", "issue", "post", "unveil", "file", "announce"})
Tense = Literal["past", "present", "future", "modal"]


def background_of_present(sentence: Sentence, expr: TimeExpression, published: IsoDate | None = None) -> bool:
    """True when ``expr`` sits in a clause or an after/following/since phrase that hangs on a verb in the
    present, or on one of that verb's nouns; or in the future when ``expr`` is before ``published`` (see 5.)."""
    tokens = sentence.tokens
    at = next((i for i, t in enumerate(tokens) if expr.start <= t.start < expr.end), None)
    seen: set[int] = set()
    below: int | None = None
    while at is not None and at not in seen:
        seen.add(at)
        tok = tokens[at]
        outside = not expr.start <= tok.start < expr.end
        if outside and _opens_background(at, below, tokens):
            verb, tense = _tense_above(tokens, tok.head)
            past_time = published is not None and expr.date is not None and _earlier(expr.date, published)
            return (tense == "present" or (tense == "future" and past_time)) and not _existential(tokens, verb)
        below, at = at, (None if tok.dep == "ROOT" else tok.head)
    return False


# Not "npadvmod": "crashed Wednesday southwest of the city" hangs the day on a place, and a time after its noun
# ("the race yesterday", "a meeting Wednesday") most often dates the sentence's event.
_NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "nummod", "poss"})
_FRAME_PREPS = frozenset({"in", "at", "during", "on", "amid", "throughout"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def names_a_noun_only(sentence: Sentence, expr: TimeExpression, times: Sequence[TimeExpression] = ()) -> bool:
    """True when ``expr`` comes before a noun it modifies and that noun's event is not the sentence's: not the
    subject of a past verb or of "be", not the object of a framing "in"/"at"/"during" nor of a counted
    "four days before" (a DURATION of ``times``), and the sentence has a verb (see 6.)."""
    tokens = sentence.tokens
    inside = [i for i, t in enumerate(tokens) if expr.start <= t.start < expr.end]
    top = next((i for i in inside if not expr.start <= tokens[tokens[i].head].start < expr.end), None)
    if top is not None and tokens[top].dep == "conj":
        top = tokens[top].head  # "the 1957 and 1968 pandemics": the second year modifies the noun too
    if top is None or tokens[top].dep not in _NOUN_MODIFIER_DEPS:
        return False
    noun = tokens[top].head
    while tokens[noun].dep == "compound" and tokens[noun].head > noun:
        noun = tokens[noun].head  # "the 2004 boxing day tsunami": the noun the compound names
    between = tokens[inside[-1] + 1 : noun]
    if tokens[noun].pos != "NOUN" or noun < top or any(t.pos == "PUNCT" for t in between):
        return False  # "April 30 - An aide says": a chronology's heading, not a modifier
    if not _opens_noun_phrase(tokens, top, noun):
        return False  # "crashed Wednesday southwest of the port": no noun phrase around the day
    head = tokens[noun].head
    if tokens[noun].dep in _SUBJECT_DEPS:
        return not (_in_past(tokens, head) or tokens[head].lemma.lower() == "be")
    if tokens[noun].dep == "pobj" and (
        tokens[head].text.lower() in _FRAME_PREPS or _counted_to(sentence, tokens[head], times)
    ):
        return False
    return any(t.pos in ("VERB", "AUX") for t in tokens)


def _opens_noun_phrase(tokens: Sequence[Token], top: int, noun: int) -> bool:
    """The day is possessive ("Tuesday's vote") or follows the noun's determiner ("the", "a", "its", "Obama's")."""
    if tokens[top].dep == "poss":
        return True
    return any(t.head == noun and t.dep in ("det", "poss") for t in tokens[:top])


def _counted_to(sentence: Sentence, prep: Token, times: Sequence[TimeExpression]) -> bool:
    """ "Four days before the May 3 blast": an interval counted from the noun's day (``counted_from``)."""
    if prep.text.lower() not in ("before", "after"):
        return False
    return any(
        t.type == "DURATION" and not sentence.text[t.end - sentence.start : prep.start - sentence.start].strip()
        for t in times
    )


def _opens_background(at: int, below: int | None, tokens: Sequence[Token]) -> bool:
    """A clause on a noun or verb that tells another time than its head's, or "after"/"following"/"since"
    whose object holds the time. Not a clause on the sentence's subject or on a figure, which name what the
    sentence is about (``_names_the_subject_or_a_figure``), nor a clause of the same time ("when", "as",
    "while"), nor the release of
    what the sentence reports ("A report released Wednesday says ..."), nor a finite past verb the parse
    hung on a noun ("The search ended on Saturday and ...")."""
    tok = tokens[at]
    if tok.dep == "prep":
        came_from_object = below is not None and tokens[below].dep == "pobj"
        return tok.text.lower() in _BACKGROUND_PREPS and came_from_object
    if tok.dep not in _BACKGROUND_DEPS or tok.pos not in ("VERB", "AUX"):
        return False
    if tok.dep == "acl" and (tok.tag not in _REDUCED_TAGS or tok.lemma.lower() in _RELEASE_VERBS):
        return False
    if tok.dep == "acl" and _speaker_after_quote(tokens, at):
        return False
    if tok.dep in ("acl", "relcl") and _names_the_subject_or_a_figure(tokens, tok.head):
        return False
    marks = {t.text.lower() for t in tokens if t.head == at and t.dep in ("mark", "advmod")}
    return not marks & _SAME_TIME_MARKS


_FIGURE_NOUNS = frozenset({"estimate", "figure", "toll", "count", "tally", "number", "forecast"})


def _names_the_subject_or_a_figure(tokens: Sequence[Token], noun: int) -> bool:
    """ "The offensive that Ukraine launched in May has changed the war", "below the 600 square kilometres that
    officials gave on Thursday": the clause dates the subject the sentence is about, or a figure it compares."""
    if tokens[noun].dep in ("nsubj", "nsubjpass"):
        return True
    counted = any(t.head == noun and t.dep == "nummod" for t in tokens)
    return counted or tokens[noun].lemma.lower() in _FIGURE_NOUNS


_OPENING_BREAKS = frozenset({",", "”", "’", '"', "''", "-", "--", "—", "–"})


def _speaker_after_quote(tokens: Sequence[Token], verb: int) -> bool:
    """ "..., a UN expert charged Friday", "“...” a crowd chanted on Saturday": a speaker's noun phrase after a
    break, with its verb of telling right after it, that the parse hung on the noun as a clause."""
    noun = tokens[verb].head
    if not noun < verb or any(t.pos == "PUNCT" for t in tokens[noun + 1 : verb]):
        return False
    first = noun
    while first > 0 and first - 1 < noun and tokens[first - 1].head in range(first - 1, noun + 1):
        first -= 1
    return first > 0 and tokens[first - 1].text in _OPENING_BREAKS


def _tense_above(tokens: Sequence[Token], i: int) -> tuple[int, Tense | None]:
    """The first finite verb at or above token ``i`` and its tense (None when there is no finite verb)."""
    seen: set[int] = set()
    while i not in seen:
        seen.add(i)
        tense = _finite_tense(tokens, i) if tokens[i].pos in ("VERB", "AUX") else None
        if tense is not None or tokens[i].dep == "ROOT":
            return i, tense
        i = tokens[i].head
    return i, None


def _existential(tokens: Sequence[Token], verb: int) -> bool:
    """ "There are flights scheduled for Saturday": the clause on the noun tells the event itself."""
    return any(t.head == verb and t.dep == "expl" for t in tokens)


def _finite_tense(tokens: Sequence[Token], verb: int) -> Tense | None:
    """The verb's tense from its auxiliaries or its own tag ("modal" for "could", "may", "would"); None
    for a verb that is not finite ("lifting", "used")."""
    auxes = [t for t in tokens if t.head == verb and t.dep in ("aux", "auxpass")]
    modal = next((a for a in auxes if a.tag == "MD"), None)
    if modal is not None:
        return "future" if modal.text.lower() in _FUTURE_MODALS else "modal"
    for tag in [a.tag for a in auxes] + [tokens[verb].tag]:
        if tag == "VBD":
            return "past"
        if tag in ("VBZ", "VBP"):
            return "present"
    return None


def _governing_verb(tokens: Sequence[Token], i: int) -> int | None:
    """The first verb above token ``i`` in the parse."""
    seen: set[int] = set()
    while i not in seen and tokens[i].dep != "ROOT":
        seen.add(i)
        i = tokens[i].head
        if tokens[i].pos in ("VERB", "AUX"):
            return i
    return None


def _in_past(tokens: Sequence[Token], verb: int | None) -> bool:
    """The verb is a simple past ("voiced") or has a past auxiliary ("was weighing")."""
    if verb is None:
        return False
    if tokens[verb].tag == "VBD":
        return True
    return any(t.head == verb and t.dep in ("aux", "auxpass") and t.tag == "VBD" for t in tokens)


def lede_date(sentences: Sequence[Sentence]) -> tuple[int, IsoDate] | None:
    """The index and date of the report's first sentence, when it has a date of its own."""
    first = sentences[0] if sentences else None
    if first is None or first.event_date_fallback or first.event_date is None:
        return None
    return first.index, first.event_date


def return_to_lede(sentences: list[Sentence], narrates_past: Callable[[Sentence], bool]) -> list[Sentence]:
    """Undated sentences that come back from backstory take the lede's date (see 3.)."""
    lede = lede_date(sentences)
    if lede is None:
        return sentences
    index, day = lede
    out: list[Sentence] = []
    for sentence in sentences:
        before = out[-1] if out else None
        if sentence.event_date_fallback and _comes_back(sentence, before, day, narrates_past):
            sentence = replace(sentence, event_date=day, event_date_fallback=False, event_date_anchor=index)
        out.append(sentence)
    return out


def _comes_back(
    sentence: Sentence, before: Sentence | None, lede: IsoDate, narrates_past: Callable[[Sentence], bool]
) -> bool:
    """Its only dated times are backstory before the lede, or it turns from a backstory sentence."""
    own = [t.date for t in sentence.times if t.date is not None]
    if own:
        backstory = [t.date for t in sentence.times if t.date is not None and is_backstory(sentence, t)]
        return len(backstory) == len(own) and all(_earlier(d, lede) for d in backstory)
    return (
        before is not None
        and before.paragraph == sentence.paragraph
        and not before.event_date_fallback
        and before.event_date is not None
        and _earlier(before.event_date, lede)
        and _CONTRAST.search(sentence.text) is not None
        and narrates_past(sentence)
    )


def _after(a: IsoDate, b: IsoDate) -> bool:
    """True when all of period ``a`` is after all of period ``b``."""
    n = min(len(a), len(b))
    return a[:n] > b[:n]


def _earlier(a: IsoDate, b: IsoDate) -> bool:
    """True when all of period ``a`` is before all of period ``b`` ("2022-08" before "2022-09")."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]
