"""How a sentence with no date of its own takes one from the narrative before it.

1. A sentence that goes on telling the past in the simple past ("Commanders fled by helicopter")
   continues the narrative of the sentence before it and takes its day, in the same paragraph or as
   the first sentence of the next one: news paragraphs are short, and a new one often goes on with
   the same events. "would" after a past verb is the future in the past of reported speech ("said
   the flag would return"), still a past narrative.
2. Backstory does not continue the narrative: a sentence whose main verb is in the past perfect
   ("Izium had been a base since spring") takes no date from the sentence before it, and its own
   date does not carry into the next paragraph.
3. A month carries to the next sentence only from the sentence that opens its paragraph, and only
   when it is before the report's month: a paragraph of backstory ("Izium was captured in early April.
   Much of the town was damaged."). A month that holds the report day says no more than the
   publication date, a month named inside a paragraph dates its own sentence, and a year is too wide.
4. A word of contrast ("instead", "however", "this time") turns away from the sentence before it: the
   date does not carry (``time_frame.return_to_lede`` may give the lede's).
5. What the reporters could or could not do ("could not independently confirm", "did not immediately
   comment") happened as the report was written: such a sentence keeps the publication date.
6. A new paragraph that opens with a new speaker's statement ("The agency said the list ...", read from
   the parse by ``time_speaker``) tells when that speaker spoke, not the paragraph before's happening:
   it takes no date from it unless the speaker is a subject of that paragraph. A denial goes on with
   the claim before it, which it answers; a pronoun ("It said ...") with the sentence before it. Nor
   does a new paragraph that closes with its speaker ("..., a coast guard officer said") take the day
   of another speaker's statement before it ("..., the minister announced on Friday"): that is the day
   the other speaker spoke. After a happening ("Crews rescued eleven people on Friday.") it goes on.
7. In a report about a statement, an undated statement by a speaker of the lede ("The utility said on
   Sunday ..." then "The utility added ...", or "It said ..." after that speaker) is that statement:
   it takes the lede's day. A denial is dated with what it answers (6.).
8. A statement in the past ("..., the board said", "It said ...") by the speaker of the dated statement
   right before it goes on with that statement and takes its day, whatever the tense of what is said
   ("“The river is falling,” the board said" after "The board said on Tuesday ..."): the words are
   reported as they were spoken, in the present, but were spoken then. Not a day after the report's:
   that is a day the speaker foretold.
9. A chronology's entry opens with its date and a dash or colon ("May 7 - BP tries a dome.", "1918: ...");
   the undated lines of its paragraph, and the bulleted lines under it ("-- Officials close the bay."),
   belong to that entry and take its date, whatever their tense (chronologies are told in the present).
10. A quotation with no speaker of its own right after a dated statement in the past ("The mayor said on
   Monday ... “We will rebuild.”") goes on with that statement's words and takes its day; a statement by
   the same speaker after it ("But she said ...") goes on with that statement too (8.).
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.doc.speech_patterns import REPORTING_TIME
from storyline.doc.time_frame import counted_from_before
from storyline.doc.time_speaker import (
    Statement,
    Word,
    closing_statement,
    opening_statement,
    said_in_past,
    subject_words,
)
from storyline.records import IsoDate, Sentence
from storyline.time.tense import PARTICIPLE, TenseCue, tense_cues

_PRESENT_TAGS = frozenset({"VBZ", "VBP"})  # "is", "say", "has given": the sentence speaks from now
_PRESENT_WORDS = re.compile(r"\b(?:is|are|has|have|says|say|remains?)\b", re.IGNORECASE)  # without tokens
_WOULD = re.compile(r"(?i:would)\b")
# "had been", "had not yet taken": the past perfect at a verb cue.
_PLUPERFECT = re.compile(
    rf"(?i:had)(?:\s+(?i:not|never|already|long|also|just|still|yet|n't))*\s+(?:been|{PARTICIPLE})"
)
_CONTRAST = re.compile(r"\b(?:instead|however|this\s+time|in\s+the\s+end|eventually)\b", re.IGNORECASE)


def inherit_dates(sentences: list[Sentence], published: IsoDate | None) -> list[Sentence]:
    """Undated sentences that go on telling the past take the date of the sentence before them (1-6, 8),
    or a lede speaker's statement the lede's day (7)."""
    lede = _lede(sentences)
    lede_speakers = subject_words(lede) if lede is not None else frozenset()
    out: list[Sentence] = []
    for sentence in sentences:
        before = out[-1] if out else None
        if before is None or not sentence.event_date_fallback:
            out.append(sentence)
            continue
        opens = len(out) < 2 or out[-2].paragraph != before.paragraph
        statement = opening_statement(sentence)
        said_by = _speaker(statement, before)
        entry = _chronology_entry(sentence, before, out)
        if entry is not None:
            sentence = _dated_by(sentence, entry)  # 9.
        elif lede is not None and said_by in lede_speakers and narrates_past(sentence):
            sentence = _dated_by(sentence, lede)
        elif _new_speaker(statement, before, sentence, out) or _answers_another_statement(sentence, before):
            pass  # 6.
        elif (
            _continues(before, opens, sentence, published)
            or _goes_on_speaking(sentence, _speaking(before, out), published)
            or _quote_goes_on(sentence, before, published)
        ):
            sentence = _dated_by(sentence, before)
        out.append(sentence)
    return out


# After a chronology entry's opening date: an optional year, then a dash or a colon ("May 7 - ", "1918: ").
_ENTRY_AFTER_DATE = re.compile(r"(?:,?\s*\d{4})?\s*[-–—:]\s")
_BULLET = re.compile(r"\s*(?:--|[-–—*•])\s")  # a line of a list: "-- Officials close the bay."


def _chronology_entry(sentence: Sentence, before: Sentence, out: list[Sentence]) -> Sentence | None:
    """The chronology entry ``sentence`` goes under (9.): ``before``, or the entry ``before`` took its date
    from, when it opens with its own date and a dash or colon. ``sentence`` follows the entry or one of its
    bulleted lines ("-- "), or is one, in the same paragraph, or opens the next one with a bullet; a line
    after an undated line of the entry does not (the entry's list has ended: "Comments are closed.")."""
    if before.event_date_fallback:
        return None
    bulleted = _BULLET.match(sentence.text) is not None
    if sentence.paragraph != before.paragraph and not (sentence.paragraph == before.paragraph + 1 and bulleted):
        return None
    if before.event_date_anchor is None:
        entry: Sentence | None = before
    elif bulleted or _BULLET.match(before.text):
        entry = next((s for s in out if s.index == before.event_date_anchor), None)
    else:
        return None
    return entry if entry is not None and opens_with_its_date(entry) else None


def opens_with_its_date(sentence: Sentence) -> bool:
    """True when the sentence opens with a date followed by a dash or a colon: "May 7 - BP tries a dome."."""
    first = next((t for t in sentence.times if t.date is not None), None)
    if first is None or sentence.text[: first.start - sentence.start].strip():
        return False
    return _ENTRY_AFTER_DATE.match(sentence.text, first.end - sentence.start) is not None


def _dated_by(sentence: Sentence, source: Sentence) -> Sentence:
    """``sentence`` with the date of ``source``, anchored where ``source``'s date comes from, moved by an
    interval that opens ``sentence`` ("Two days earlier, ...": ``time_frame.counted_from_before``)."""
    anchor = source.index if source.event_date_anchor is None else source.event_date_anchor
    day = source.event_date if source.event_date is None else counted_from_before(sentence, source.event_date)
    return replace(sentence, event_date=day, event_date_fallback=False, event_date_anchor=anchor)


def _speaker(statement: Statement | None, before: Sentence) -> Word | None:
    """Who makes a statement that is no denial: its named speaker, or for a pronoun ("It said ...") the
    speaker of the statement before it."""
    if statement is None or statement.denial:
        return None
    if statement.speaker is not None:
        return statement.speaker
    earlier = opening_statement(before)
    return earlier.speaker if earlier is not None else None


def _new_speaker(statement: Statement | None, before: Sentence, sentence: Sentence, out: list[Sentence]) -> bool:
    """True when ``sentence`` opens a paragraph with the statement of a speaker who is no subject of the
    paragraph before (a denial goes on with what it answers)."""
    if statement is None or statement.denial or statement.speaker is None or sentence.paragraph == before.paragraph:
        return False
    return not any(statement.speaker in subject_words(s) for s in out if s.paragraph == before.paragraph)


def _answers_another_statement(sentence: Sentence, before: Sentence) -> bool:
    """True when ``sentence`` opens a paragraph with what one speaker said ("..., a coast guard officer
    said") after another speaker's statement: the day before is the day that speaker spoke."""
    if sentence.paragraph == before.paragraph:
        return False
    mine = closing_statement(sentence)
    if mine is None or mine.speaker is None:
        return False
    theirs = opening_statement(before) or closing_statement(before)
    return theirs is not None and theirs.speaker is not None and theirs.speaker != mine.speaker


def _lede(sentences: list[Sentence]) -> Sentence | None:
    """The first sentence of the first paragraph with a day of its own (after a dateline, if any)."""
    first = sentences[0].paragraph if sentences else None
    for s in sentences:
        if s.paragraph != first:
            return None
        if not s.event_date_fallback and s.event_date is not None and len(s.event_date) == 10:
            return s
    return None


_OPENING_QUOTE = re.compile(r"\s*[“\"‘]")


def _is_bare_quote(sentence: Sentence) -> bool:
    """A sentence that is a quotation with no speaker of its own: “We are not giving up.”"""
    return (
        bool(sentence.tokens)
        and _OPENING_QUOTE.match(sentence.text) is not None
        and opening_statement(sentence) is None
        and closing_statement(sentence) is None
    )


def _spoken_by_then(before: Sentence, sentence: Sentence, published: IsoDate | None) -> bool:
    """True when ``before`` is dated to a day no later than the report's (a later day is one a speaker
    foretold) and ``sentence`` is in its paragraph or the next: what ``sentence`` says may go on with it."""
    if before.event_date_fallback or before.event_date is None or len(before.event_date) != 10:
        return False
    if published is not None and before.event_date > published:
        return False
    return sentence.paragraph - before.paragraph in (0, 1)


def _quote_goes_on(sentence: Sentence, before: Sentence, published: IsoDate | None) -> bool:
    """True when ``sentence`` is a bare quotation right after a statement in the past dated to a day no later
    than the report's, in its paragraph or the next (10.): the speaker's words go on."""
    if not _spoken_by_then(before, sentence, published) or not _is_bare_quote(sentence):
        return False
    return said_in_past(before) and (opening_statement(before) or closing_statement(before)) is not None


def _speaking(before: Sentence, out: list[Sentence]) -> Sentence:
    """Whose statement ``before`` goes on with: the statement a bare quotation took its day from (10.), else
    ``before``."""
    if before.event_date_anchor is None or not _is_bare_quote(before):
        return before
    return next((s for s in out if s.index == before.event_date_anchor), before)


def _continues(before: Sentence, opens: bool, sentence: Sentence, published: IsoDate | None) -> bool:
    """True when ``sentence`` goes on with the narrative of ``before`` (which ``opens`` its paragraph or
    not) and may take its date."""
    if before.event_date_fallback or before.event_date is None:
        return False
    if not narrates_past(sentence) or is_backstory_sentence(sentence):
        return False
    if _CONTRAST.search(sentence.text) or REPORTING_TIME.search(sentence.text):
        return False
    same_paragraph = before.paragraph == sentence.paragraph
    if len(before.event_date) == 10:  # a day
        return same_paragraph or (sentence.paragraph == before.paragraph + 1 and not is_backstory_sentence(before))
    if len(before.event_date) == 7:  # a month: only one that opens a paragraph of backstory
        return same_paragraph and opens and published is not None and before.event_date < published[:7]
    return False  # a year is too wide a frame to carry


def _goes_on_speaking(sentence: Sentence, before: Sentence, published: IsoDate | None) -> bool:
    """True when ``sentence`` is a past statement by the speaker of the statement ``before``, dated to a
    day no later than the report's, in its paragraph or the one before (8.); a pronoun ("It said")
    stands for that speaker. A day after the report's dates what the speaker foretold, not when."""
    if not _spoken_by_then(before, sentence, published) or not said_in_past(sentence):
        return False
    if REPORTING_TIME.search(sentence.text):  # a word of contrast may be the speaker's own ("However, ...")
        return False
    mine = opening_statement(sentence) or closing_statement(sentence)
    theirs = opening_statement(before) or closing_statement(before)
    if mine is None or theirs is None or mine.denial:
        return False
    if mine.speaker is None:
        return theirs.speaker is not None
    return mine.speaker == theirs.speaker or (theirs.speaker is not None and theirs.speaker in subject_words(sentence))


def narrates_past(sentence: Sentence) -> bool:
    """True when the sentence shows past tense and no present or future: it goes on telling what happened."""
    if sentence.tokens:
        if any(t.tag in _PRESENT_TAGS for t in sentence.tokens):
            return False
    elif _PRESENT_WORDS.search(sentence.text):
        return False
    cues = tense_cues(sentence.text, sentence.tokens, sentence.start)
    return bool(cues) and cues[0].tense == "past" and all(_told_as_past(sentence.text, c) for c in cues)


def _told_as_past(text: str, cue: TenseCue) -> bool:
    """A past cue, or "would" (the future in the past) after one."""
    return cue.tense == "past" or (cue.tense == "future" and _WOULD.match(text, cue.start) is not None)


def is_backstory_sentence(sentence: Sentence) -> bool:
    """True when the sentence's first verb is in the past perfect: it tells what had happened before."""
    cues = tense_cues(sentence.text, sentence.tokens, sentence.start)
    return bool(cues) and _PLUPERFECT.match(sentence.text, cues[0].start) is not None
