"""Split a sentence that tells a running tally in one clause and, in another, a happening dated by its
own words ("A new virus has killed up to 149 people in Mexico and the health agency moved closer on
Monday to declaring a pandemic"): the tally is a mention dated by its report, as a tally told alone is
(``event_tallies``), and the other clause a mention of its own day, whose vector is its own words', not
the tally's.

The sentence is cut where two clauses meet (", and", " and", ", but", ", while", "; "), once, and only
when the first part holds a running tally (``event_tallies.is_running_tally``) and no time of its own,
and the second holds no running tally and a governing time (not in a subordinate clause, "and that the
board shut the market on Friday", not dating a speech verb: "officials said on Monday" dates
the telling of the tally) that gave the sentence its date, a day, and each side has a verb of action and
``min_words`` words: "has killed 149 people in Mexico and the United States on Monday" names two places,
not two happenings.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.corpus.event_clauses import Clause, clause_of, is_subordinate
from storyline.corpus.event_tallies import is_running_tally
from storyline.doc.time import dates_attribution, governing_time
from storyline.records import IsoDate, Sentence

_CUT = re.compile(r"(?:,\s*(?:and|but|while)|;(?:\s*and)?|\s+(?:and|but|while))\s+(?=\S)", re.IGNORECASE)


def tally_clauses(sentence: Sentence, published: IsoDate | None, min_words: int = 5) -> tuple[Clause, ...]:
    """The tally's clause, dated ``published`` (its report's day) and marked ``by_report``, and the
    clause after it dated by its own words; () when the sentence is not such a pair (see the
    module docstring)."""
    if sentence.event_date_fallback or sentence.event_date_anchor is not None or not published:
        return ()
    if sentence.event_date is None or len(sentence.event_date) != 10 or not sentence.actions or not sentence.measures:
        return ()  # dated to a day: "... in 1918 H1N1, 1957 H2N2 and 1968 H3N2, have not been detected" is none
    end = len(sentence.text.rstrip())
    for cut in _CUT.finditer(sentence.text):
        spans = ((0, cut.start()), (cut.end(), end))
        kinds = [_kind(sentence, start, stop, min_words) for start, stop in spans]
        # Only a tally that opens the sentence is cut off: "An estimate released on Saturday by federal and
        # state agencies found that ... had burned, and that 2,207 structures had been damaged" is one
        # finding, its later parts nouns or complements of its verb.
        if kinds != ["tally", "dated"]:
            continue
        (start, stop), (at, until) = spans
        tally = replace(clause_of(sentence, start, stop, published[:10]), by_report=True)
        return tally, clause_of(sentence, at, until, sentence.event_date)
    return ()


def _kind(sentence: Sentence, start: int, end: int, min_words: int) -> str | None:
    """ "tally" for a part that tells a running tally with no time of its own, "dated" for one with no
    running tally dated, as the sentence is, by a time of its own, None for any other part."""
    if len(sentence.text[start:end].split()) < min_words or not any(start <= at < end for at in sentence.actions):
        return None
    tally = any(start <= q.start - sentence.start < end and is_running_tally(sentence, q) for q in sentence.measures)
    inside = (t for t in sentence.times if start <= t.start - sentence.start < end)
    governing = governing_time(sentence, tuple(t for t in inside if not is_subordinate(sentence, start, t)))
    if tally:
        return "tally" if governing is None else None
    if governing is None or governing.date != sentence.event_date or dates_attribution(sentence, governing):
        return None
    return "dated"
