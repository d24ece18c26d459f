"""Tell a happening from a generic statement, from the parse: advice ("people should wash their
hands"), an instruction ("Wash your hands"), a habit or a truth told in the simple present ("the virus
spreads through coughs", "the ferry carries cars") and other states ("the port remains closed to
visitors") are not something that happened, so they are not events and never "what we know".

A main verb (``Happening``, read by ``doc.happenings``) is generic when it carries a modal of advice
("should", "must", "ought"; not with "have": "must have left" is a guess about the past), is an
imperative (a bare verb at the root with no subject), or is finite in the simple present (the verb
itself, a present copula, or a present passive "is spread"), not in the perfect or progressive, and is
not a verb of saying or stance ("the ministry denies it" is a statement being made), nor takes a clause
that tells a happening ("the account is that troops detonated it"). A participle with no auxiliary is
no finite verb (a parser reads "Views expressed here do not ..." so): its clause decides; the copula
decides for the participle clause that tells its happening ("the virus is a flu virus, carrying ...").

The sentence decides the rest (``is_generic_sentence``): a sentence that names a date or a time ("on
Monday", "in May", even unresolved in an undated report) or gives a figure ("the toll is 40") tells of
a time and a state of the story, never generic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.doc.attribution_cues import CUE_LEMMAS
from storyline.records import Generic, Happening, Sentence, TimeExpression, Token

ADVICE = frozenset({"should", "must", "ought", "shall"})
# A statement or stance told in the present is one being made: "the ministry denies it", "Kyiv blames Moscow".
STATEMENTS = CUE_LEMMAS | {"blame", "accuse", "condemn"}
PRESENT = frozenset({"VBZ", "VBP"})
_PERFECT_OR_PAST = frozenset({"have", "has", "had"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_AUX = frozenset({"aux", "auxpass"})
_DO = frozenset({"do", "does"})
_VERBS = frozenset({"VERB", "AUX"})
# What may stand before an imperative: "Please wash ...", "Do not touch ...", "Always cover ...".
_BEFORE_IMPERATIVE = frozenset({"please", "do", "not", "n't", "always", "never", "just", "also", "then", "so", "and"})


def is_generic_verb(tokens: Sequence[Token], verb: int) -> Generic | None:
    """ "advice" when the verb at index ``verb`` gives advice or an instruction, "state" when it tells a
    habit or state in the simple present, None for a happening (see the module docstring)."""
    aux = [i for i, t in enumerate(tokens) if t.head == verb and i != verb and t.dep in _AUX]
    words = {tokens[i].text.lower() for i in aux}
    if words & ADVICE:
        return None if words & _PERFECT_OR_PAST else "advice"
    if _imperative(tokens, verb, aux):
        return "advice"
    if _misread_participle(tokens, verb, aux):  # "Views expressed here do not ..."
        kinds = [is_generic_verb(tokens, c) for c in _clauses(tokens, verb)]
        return None if None in kinds else ("advice" if "advice" in kinds else "state")
    if tokens[verb].lemma.lower() in STATEMENTS or not _simple_present(tokens, verb, aux):
        return None
    return None if any(is_generic_verb(tokens, c) is None for c in _clauses(tokens, verb)) else "state"


def _misread_participle(tokens: Sequence[Token], verb: int, aux: Sequence[int]) -> bool:
    """A participle read as the root, with the sentence's finite verb as its clause: a past participle
    with no auxiliary ("Views posted here do not reflect ours" read as "posted [that] ... do not reflect"),
    or a past tense whose clause has no subject of its own (the subject is the participle's)."""
    clauses = _clauses(tokens, verb)
    if aux or not clauses:
        return False
    if tokens[verb].tag == "VBN":
        return True
    subjectless = all(not any(t.head == c and t.dep in _SUBJECTS for t in tokens) for c in clauses)
    return tokens[verb].tag == "VBD" and subjectless


def _clauses(tokens: Sequence[Token], verb: int) -> list[int]:
    """The verbs of the clauses the verb takes: "the account is that troops [detonated] it"."""
    return [i for i, t in enumerate(tokens) if t.head == verb and i != verb and t.dep == "ccomp" and t.pos in _VERBS]


def _imperative(tokens: Sequence[Token], verb: int, aux: Sequence[int]) -> bool:
    """A bare verb at the root with no subject, opening its sentence: "Cover your mouth when you cough"."""
    t = tokens[verb]
    if t.tag != "VB" or t.head != verb or any(x.head == verb and x.dep in _SUBJECTS for x in tokens):
        return False
    if any(tokens[i].tag == "MD" for i in aux):
        return False
    return all(x.pos == "PUNCT" or x.text.lower() in _BEFORE_IMPERATIVE for x in tokens[:verb])


def _simple_present(tokens: Sequence[Token], verb: int, aux: Sequence[int]) -> bool:
    """The verb is finite in the simple present: itself (no auxiliary at all, "spreads", "is" as a
    copula), by its "do" ("does not carry") or a present passive ("is spread"); not "has spread",
    "is spreading", "will spread"."""
    t = tokens[verb]
    if t.tag in PRESENT:
        return all(tokens[i].text.lower() in _DO for i in aux)
    if t.tag == "VB" and aux:  # "do not represent", "doesn't charge": present by its "do"
        return all(tokens[i].text.lower() in _DO for i in aux) and any(tokens[i].tag in PRESENT for i in aux)
    if t.tag == "VBN":
        return len(aux) == 1 and tokens[aux[0]].dep == "auxpass" and tokens[aux[0]].tag in PRESENT
    return False


def is_generic_sentence(sentence: Sentence) -> bool:
    """True when every main verb of the sentence is generic (``Happening.generic``), and the sentence
    names no date or time and gives no figure. A state told with its speaker ("the plant faces no
    danger, according to the watchdog") is that speaker's assessment of the story, not generic; advice
    stays advice whoever gives it. A sentence without happenings (not parsed) is not generic."""
    kinds = [h.generic for h in sentence.happenings]
    if not kinds or None in kinds or ("state" in kinds and _has_speaker(sentence)):
        return False
    return not sentence.measures and not any(names_a_time(t) for t in sentence.times)


def _has_speaker(sentence: Sentence) -> bool:
    """An attribution whose cue is not one of the generic verbs themselves: the participle a parser read
    as the root ("Views expressed here ...") is no verb of saying."""
    verbs = {sentence.start + h.offset for h in sentence.happenings}
    return any(a.cue[0] not in verbs for a in sentence.attributions)


def names_a_time(time: TimeExpression) -> bool:
    """A date or clock time, resolved or not ("on Tuesday" in an undated report); not "now" or
    "recently" (``PRESENT_REF``, ``PAST_REF``), nor a duration or a set."""
    return time.date is not None or (time.type in ("DATE", "TIME") and not time.value.endswith("_REF"))


def mark_generic(tokens: Sequence[Token], found: Sequence[Happening], sentence_start: int) -> tuple[Happening, ...]:
    """The happenings with ``generic`` set from the verb each starts at."""
    at = {t.start - sentence_start: _finite(tokens, i) for i, t in enumerate(tokens)}
    return tuple(replace(h, generic=is_generic_verb(tokens, at[h.offset]) if h.offset in at else None) for h in found)


def _finite(tokens: Sequence[Token], verb: int) -> int:
    """The verb whose tense tells whether a happening is generic: a copula's, for the participle clause
    that tells its happening ("the virus is a flu virus, carrying ..." is a state, ``doc.happenings``)."""
    t, head = tokens[verb], tokens[verb].head
    if t.tag == "VBG" and t.dep in ("advcl", "xcomp") and 0 <= head < len(tokens) and head != verb:
        return head if tokens[head].lemma.lower() == "be" else verb
    return verb
