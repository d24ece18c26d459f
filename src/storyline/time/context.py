"""What a tagger rule's handler sees of its sentence: the text, the DCT, the tense near a span, and
helpers to read a match and build the ``TimeExpression``."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from storyline.records import TimeExpression, TimeType, Token
from storyline.time.plans import told_as_plan
from storyline.time.resolve import Resolved, Tense
from storyline.time.tense import TenseCue, is_past_form, tense_at, tense_cues
from storyline.time.tense_scope import clause_cues, could_leads, quoted_cues
from storyline.time.words import WEEKDAYS

Answer = TypeVar("Answer")


# "since" governing a time expression, with at most an article and one word (and its particle) between
# ("since the April 20 blowout", "since the blast about 10 p.m. Tuesday", "since stepping down in October"):
# the time is in the past whatever the clause's tense ("would not seek", "is only one more"). A clause after
# a causal "since" ("since it will open Friday") has a subject and a verb, two free words, and does not match.
_SINCE_BEFORE = re.compile(
    r"\b(?i:since)\s+(?:(?i:the|a|an|its|his|her|their|this|that)\s+)?(?:[\w-]+\s+(?:(?i:down|up|out|off|over|back|away)\s+)?)?"
    r"(?:(?i:in|on|at|of|about|around|early|late|mid)[\s-]+)?\Z"
)
# "ahead of" (or "in advance/anticipation of") a time, with at most an article and an owner between ("ahead
# of Tuesday's primary", "ahead of the state's April 19 primary", "ahead of November elections"): a coming
# time, even in a past-tense sentence ("barnstormed there ahead of Tuesday's primary" in a Friday report).
_AHEAD_OF = r"\b(?i:ahead\s+of|in\s+advance\s+of|in\s+anticipation\s+of)\s+"
_AHEAD_OF_BEFORE = re.compile(rf"{_AHEAD_OF}(?:(?i:the|this|next)\s+)?(?:[\w.-]+['’]s\s+)?\Z")
# An event after "ahead of" whose day ends its noun phrase, with no verb or stop between ("ahead of a meeting of
# NATO ministers on Thursday", "ahead of New York's delegate-rich Tuesday primary"): a coming day, as one right after
# "ahead of" is, except one or two days back told in the past ("asked ahead of his last rally on Monday", ``days``).
_AHEAD_OF_EVENT = re.compile(rf"{_AHEAD_OF}(?P<np>(?:[\w'’.-]+\s+){{1,8}}?)(?:(?i:on)\s+)?\Z")
_VERB_WORDS = frozenset("is are was were be been being will would has have had said says".split())  # noqa: SIM905
_DETERMINERS = frozenset("the a an its their his her our this that".split())  # noqa: SIM905
_AHEAD_REACH = 80  # characters before a weekday that "ahead of" and its event's noun phrase can take
# A time something is delayed or extended to, with at most three words between ("was delayed until Friday",
# "delayed it until Tuesday", "decided to delay action until Monday", "would be delayed, probably until Tuesday",
# "pushed back to March", "agreed to extend until Monday"), or one that something is to remain or stay as it
# is until ("asking that shops remain open until Tuesday", "due to remain closed until Thursday"; not the past
# "remained"), a deadline someone has until ("victims have until Wednesday to file claims"; not "had"), or an end
# not yet known ("have been closed until at least Thursday"): a coming time, even in a past-tense sentence.
_DELAYED_TO_BEFORE = re.compile(
    r"\b(?:(?i:delay(?:ed|ing|s)?|postpon(?:e|ed|es|ing)|put\s+off|push(?:ed|es|ing)?\s+back|defer(?:red|ring|s)?|"
    r"reschedul(?:e|ed|es|ing)|extend(?:ed|ing|s)?)\b(?:\s*,)?\s+(?:[\w'’]+(?:\s*,)?\s+){0,3}?(?i:until|till|to)"
    r"|(?i:remains?|stays?)\s+(?:[\w'’]+\s+){0,2}?(?i:until|till|through)"
    r"|\b(?i:has|have)\s+(?i:until|till)|(?i:until|till)\s+(?i:at\s+least))\s+(?:(?i:next|this)\s+)?\Z"
)
# A verb of saying and "that" right before the time that opens what was said ("said that on Friday the council
# will vote", "told reporters that by June ..."): the saying tells when it was said; the reported clause's own verb,
# after the time, tells when the time is. A bare weekday after "said" ("said Friday the plan ...") is mostly when
# it was said, and a possessive one ("said Monday's ruling will make ...") names a happening whose time the clause's
# verb does not tell (its effects may be coming), so neither is read this way.
_REPORTED_THAT_BEFORE = re.compile(
    r"\b(?i:said|says|say|told\s+[\w'’]+|tells\s+[\w'’]+|added|announced|warned|insisted|argued|claimed|noted|"
    r"wrote|stated|predicted|confirmed|reported)\s+(?i:that)\s+"
    r"(?:(?i:on|by|in|from|until|till|after|before|during|at|early|late)\s+)?(?:(?i:the|this|next|last)\s+)?\Z"
)
# A trailing attribution after a time, ", CNN reported." or ", a spokeswoman said on Friday.": its verb tells when
# something was said, not the time of the clause it follows ("will be attending events ... on Saturday, CNN
# reported"), so it counts only when that clause has no cue of its own before the time. Not for a bare day after
# a noun ("should get a boost from the win Tuesday, she said"): it dates the noun's happening, which the clause's
# verb does not tell.
_ATTRIBUTION_AFTER = re.compile(
    r"[^,;:.!?\"“”]{0,40}?,\s+(?:[\w.'’-]+\s+){0,6}?(?i:said|says|reported|reports|told\s+[\w'’]+|added|announced)"
    r"(?=\s*(?:[.,;:!?]|$)|\s+(?:(?i:on|late|early|earlier)\s+)?(?:[A-Z][a-z]+day|(?i:today|yesterday|tonight))\b)"
)
# A time right after "for" names what something is for ("copper for April delivery", "testimony for Friday's
# hearing", "planned a protest for Saturday"), and one right after "by" a deadline ("to be sealed by mid-August",
# "could be contained by Monday"): a target, not the verb's time, so one just ahead of the report is the coming one
# however the verb is told (``target_before``).
_TARGET_BEFORE = re.compile(r"\b(?i:for|by)\s+\Z")
# "come" as a preposition before a time ("the favourite to win come November", "in violation come Friday"): that
# time is coming. Not the verb after its subject or an auxiliary ("It would come Sunday", "they come Monday").
_COME_BEFORE = re.compile(r"(?:^|(?P<word>[\w'’]+)|[^\w\s])\s*\b(?i:come)\s+\Z")
_COME_AS_VERB_AFTER = frozenset(
    """will would 'll ’ll to did do does not n't never can could may might must should shall i you we they who that
    which it he she and or""".split()  # noqa: SIM905
)
_NOUN_BEFORE = re.compile(r"\b(?i:the|a|an|his|her|its|their)\s+[a-z]+\s+\Z")
_SAYING_REACH = 48  # characters before a time expression that a verb of saying and the words after it can take
_SINCE_REACH = 40  # characters before a time expression that the words after "since" or "ahead of" can take
_DELAY_REACH = 60  # characters before a time expression that a delay and the words after it can take


_UNTIL_WORDS = frozenset(("until", "till", "to", "through", "least"))


def _after_until(text: str, start: int) -> bool:
    """A fast test that must pass for ``_DELAYED_TO_BEFORE`` to match before ``start``: "until", "till", "to",
    "through" or "least" is one of the two words before it ("until Friday", "to next Monday", "until at least")."""
    words = text[max(0, start - 20) : start].lower().split()[-2:]
    return any(word in _UNTIL_WORDS for word in words)


@dataclass
class Context:
    text: str
    dct: date | None
    default: Tense
    slack_days: int
    tokens: Sequence[Token]
    tokens_offset: int
    focus: str | None = None  # the quarter the report is about so far ("1989-Q3"), see ``focus``
    _cues: list[TenseCue] | None = field(default=None, repr=False)

    def tense(self, start: int, end: int) -> Tense:
        governed = self.governed(start)
        if governed is not None:
            return governed
        if self._cues is None:
            self._cues = tense_cues(self.text, self.tokens, self.tokens_offset, ahead=True)
        cues = clause_cues(self.text, self._cues, start, end)
        # what a quotation names is read from when it was said, by its own verbs only: '"Let's beat her in
        # November," he said.' (none: the nearest November), '"We are expecting rain on Saturday," he said.'
        quoted = quoted_cues(self.text, cues, start, end)
        if quoted == []:
            return "present"
        if quoted is not None:
            cues = quoted
        if self._opens_reported_clause(start):
            after = [cue for cue in cues if cue.start >= end]
            if after:
                return tense_at(after, start, end, self.default)
        if could_leads(self.text, cues, start, end):
            return "future"
        # a fast test first: most times have no comma soon after them
        attribution = _ATTRIBUTION_AFTER.match(self.text, end) if "," in self.text[end : end + 41] else None
        if (
            attribution is not None
            and any(c.end <= start for c in cues)
            and not _NOUN_BEFORE.search(self.text, max(0, start - 24), start)
        ):
            cues = [c for c in cues if not end <= c.start < attribution.end()]
        return tense_at(cues, start, end, self.default)

    def told_as_plan(self, start: int, end: int) -> bool:
        """Whether the time is the day of a plan told in the past ("was due to begin on Tuesday",
        ``plans.told_as_plan``), in its relative clause when it is in one, and no word before it governs it."""
        if self.governed(start) is not None:
            return False
        if self._cues is None:
            self._cues = tense_cues(self.text, self.tokens, self.tokens_offset, ahead=True)
        today = WEEKDAYS[self.dct.weekday()] if self.dct is not None else ""
        return told_as_plan(self.text, clause_cues(self.text, self._cues, start, end), start, end, today)

    def governed(self, start: int) -> Tense | None:
        """The tense a word right before the time sets whatever the clause's tense: past after "since",
        coming after "ahead of", a delay ("postponed until") or "come" ("come November"); None when no such word
        governs it."""
        if _SINCE_BEFORE.search(self.text, max(0, start - _SINCE_REACH), start):
            return "past"  # "since Monday", "since announcing in October": never after the DCT
        if _AHEAD_OF_BEFORE.search(self.text, max(0, start - _SINCE_REACH), start):
            return "future"
        if _after_until(self.text, start) and _DELAYED_TO_BEFORE.search(self.text, max(0, start - _DELAY_REACH), start):
            return "future"
        if "ome" in self.text[max(0, start - 5) : start] and self._come_before(start):  # a fast test first
            return "future"
        return None

    def _come_before(self, start: int) -> bool:
        """Whether "come" right before the time at ``start`` is a preposition, not a verb (``_COME_BEFORE``)."""
        m = _COME_BEFORE.search(self.text, max(0, start - 24), start)
        return m is not None and (m.group("word") or "").lower() not in _COME_AS_VERB_AFTER

    def ends_event_ahead_of(self, start: int) -> bool:
        """Whether the time at ``start`` ends the noun phrase of an event after "ahead of" (``_AHEAD_OF_EVENT``)."""
        before = self.text[max(0, start - _AHEAD_REACH) : start]
        if "of " not in before or not ("head" in before or "dvance" in before or "nticipation" in before):
            return False  # a fast test: most times have no "ahead of" before them
        m = _AHEAD_OF_EVENT.search(before)
        if m is None:
            return False
        words = m.group("np").split()
        # an "-ed" word after a determiner or in a compound is an adjective ("ahead of the scheduled start on
        # Monday", "the long-awaited Monday hearing"), not a verb
        return not any(
            w.lower() in _VERB_WORDS
            or (is_past_form(w) and "-" not in w and (i == 0 or words[i - 1].lower() not in _DETERMINERS))
            for i, w in enumerate(words)
        )

    def target_before(self, start: int) -> str | None:
        """ "for" or "by" when it is right before the time at ``start`` (``_TARGET_BEFORE``), lower-cased."""
        m = _TARGET_BEFORE.search(self.text, max(0, start - 6), start)
        return m.group().split()[0].lower() if m else None

    def _opens_reported_clause(self, start: int) -> bool:
        """Whether the time at ``start`` opens the clause a verb of saying reports (``_REPORTED_THAT_BEFORE``)."""
        # a fast test: most times have no "that" just before them
        if "hat" not in self.text[max(0, start - 32) : start].lower():
            return False
        return _REPORTED_THAT_BEFORE.search(self.text, max(0, start - _SAYING_REACH), start) is not None

    def by_tense(self, start: int, end: int, resolve: Callable[[Tense], Answer]) -> Answer:
        """``resolve`` of the tense at ``start``-``end``, reading the sentence's tense (its cues, the costly
        part of most sentences that have a time) only when the answer depends on it: "Monday" in a Monday
        report, "last June", "March 3" a week from the DCT are the same in every tense."""
        if self._cues is None:
            past = resolve("past")
            if past == resolve("present") == resolve("future"):
                return past
        return resolve(self.tense(start, end))

    def make(self, start: int, end: int, kind: TimeType, resolved: Resolved) -> TimeExpression:
        value, iso = resolved
        return TimeExpression(start, end, self.text[start:end], kind, value, iso)


Handler = Callable[[re.Match[str], Context], TimeExpression | None]
# A rule: the gates it needs open (see ``gates``), its pattern and its handler.
Rule = tuple[tuple[str, ...], str, Handler]


def lower(m: re.Match[str], name: str) -> str | None:
    """A named group, lower-cased with its white space collapsed; None when it did not match."""
    value = m.group(name) if name in m.re.groupindex else None  # not ``groupdict``, which copies every group
    return " ".join(value.lower().split()) if value else None


def start_of(m: re.Match[str], *names: str) -> int:
    """The start of the first named group that matched (the span a TIMEX3 would cover)."""
    index = m.re.groupindex
    for name in names:
        if name in index and (start := m.start(name)) >= 0:  # -1: the group did not match
            return start
    return m.start()


# Letters that (?i) matches to ASCII ones: long s, dotless and dotted i, the Kelvin sign.
_FOLDED = "ſıİK"


def starting_with(first: str, pattern: str) -> str:
    """``pattern`` found only where a word starts with one of the characters ``first`` (either case).

    ``first`` must hold every character a match of ``pattern`` (which starts at a word boundary) can
    begin with. The matches are the same; the engine rejects most positions at once instead of
    trying each alternative of a long pattern there, which is several times faster.
    """
    chars = "".join(sorted(set(first.lower() + first.upper() + _FOLDED)))
    return rf"(?<![A-Za-z])(?=[{chars}])(?:{pattern})"
