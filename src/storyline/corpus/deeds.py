"""Read who a claim or a denial says did what: "Russian forces" "destroyed the dam".

Read from the text of the span a sentence's attribution gives as its content (or the whole sentence
when it has none) and the sentence's entities, which projections keep, so that a story built from
stored records reads the same deeds as one built in memory. The reading is shallow on purpose: the
clause's subject when it starts with a party (a person, group, organisation or country) or a
pronoun for the speaker, the party after "by" in a passive, and the verb with what follows it up to
the next clause. Only the main clause tells a deed: a passive inside a clause that hangs on another
("pictures taken before the dam was destroyed", "people who had been evacuated") is not read, and a
leading subordinate clause ("After the dam was destroyed, ...") is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from storyline.doc.attribution_cues import CLAUSE_CUE_LEMMAS, CUE_LEMMAS
from storyline.records import Attribution, Document, DocumentId, Sentence

ASSERTING = frozenset({"claimed", "reported", "confirmed"})
DISPUTING = frozenset({"claimed", "denied"})
PLAIN = frozenset({"reported", "confirmed"})
DOER_LABELS = frozenset({"NORP", "ORG", "PERSON", "GPE"})
MentionKey = tuple[DocumentId, int]


def _words(text: str) -> frozenset[str]:
    """A word set written as one string, to keep vocabularies compact."""
    return frozenset(text.split())


# Verbs of saying, and of describing someone doing something ("described Russian soldiers leaving").
_SAYING = CUE_LEMMAS | CLAUSE_CUE_LEMMAS | _words("describe portray characterize characterise")
_NAME_WORD = re.compile(r"[A-Z][\w’'-]*")
_ARTICLES = frozenset({"The", "A", "An"})
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame"})  # "Ms Roe" is Roe, not "ms"
# "that", "claims that", "any suggestion that": where the denied or claimed clause starts.
_LEAD = re.compile(r"^(?:[\w’'-]+\s+){0,3}?that\s+", re.I)
# "According to state media, ", "citing an unnamed official, ": who is cited, before the clause.
_CITING = re.compile(r"^(?:according\s+to|citing)\s+[^,]{1,120},\s*", re.I)
# ", which have held the town since May,": a clause inserted after the subject.
_INSERTED = re.compile(r",\s*(?:which|who|whose|where|in|since|after|despite|with)\b[^,]*,", re.I)
_SELF = frozenset({"it", "they", "he", "she", "we"})
_OWNERS = frozenset({"its", "their", "his", "her", "our"})
_AUX = _words("had has have was were is are be been being will would could can may might must shall should did do does")
_BLAME = re.compile(r"^(?:(?:not\s+)?(?:to\s+blame|behind|responsible|guilty|at\s+fault|liable|culprits?))\b", re.I)
# "denied responsibility", "rejected any role in it": the denier's own part.
_OWN_PART = re.compile(r"^(?:(?:any|all|the|its|their|his|her|a)\s+)*(?:responsibility|involvement|role|complicity)\b")
_PASSIVE = re.compile(
    r"^(?P<patient>.{2,120}?)\s+(?:(?:has|have|had)\s+been|was|were|is|are|being|been)\s+"
    r"(?:(?:\w+ly|also|still|already|then|later|now)\s+)?(?:not\s+|never\s+)?"
    r"(?P<verb>(?!not\b)[a-z]+(?:ed|en|wn|ght|lt|nt|ck|ung|unk|ept|ut|it|rn|ne|un|ot))\b(?P<rest>.*)$",
    re.S,
)
# Words before a participle that end on an infinitive ("powers to isolate"): the participle is an adjective.
_TO_VERB_END = re.compile(r"\bto\s+[a-z]+$")
# A verb group of what could happen, not of what was done: "could split", "might attack"; not "could have fired".
_POSSIBLE = re.compile(r"^(?:\w+\s+)*?(?:could|might|may|would)\b(?!\s+(?:not\s+)?have\b)", re.I)
_DATELINE = re.compile(r"^.*?\s[-–—]\s")  # "KYIV, June 6 (Wire) - "
_AGENT = re.compile(r"\bby\s+(?P<agent>[^,;.]+)")
# Where the clause of a passive's verb ends: "destroyed earlier this week, and engineers quoted by ...".
_CLAUSE_END = re.compile(r"[,;:]")
# Past forms that do not end in -ed, of verbs that tell what a party did to something.
_IRREGULAR = _words(
    "blew broke brought built burnt burned caught dug drove fed fell fled fought hit hid held kept laid led left "
    "let lost made put ran sank sent set shot shut slew sold spent split spread stole struck swept took threw "
    "tore wrote bombed"
)
# Verbs whose subject undergoes what is told: "lost a helicopter", "suffered losses" names no doer.
_UNDERGOING = _words("lost lose loses losing suffered suffers sustained sustains endured underwent")
_ACT_END = re.compile(
    r"[,;:.(]|\s(?:to|and|but|from|in\s+order|because|after|before|while|as|so|when|since|during|with|without)\s"
)
# Words that open a clause hanging on another: a passive after one of them is not the main clause's.
_SUBORDINATE = _words(
    "after before when whenever while until till since because although though if unless once whereas as "
    "who whom whose which where"
)
_STOP = _words("the a an of on in at to into onto its their his her our any some this that these those it")


@dataclass(frozen=True)
class Deed:
    """What a sentence's content says was done, and by whom: "Russian forces" "destroyed the dam".

    ``doer`` is the party key (``party_key``) when a party did it, else None: then ``agentive`` tells a
    thing that did it ("the utility's lines caused the fire") from a happening told without a doer
    ("the dam was destroyed")."""

    doer: str | None
    doer_text: str
    act: str | None  # None for "were to blame", "denied responsibility"
    verb: str = ""  # the verb as written, lower case
    objects: frozenset[str] = frozenset()  # the words after the verb, without small words
    agentive: bool = True
    possible: bool = False  # told as what could happen ("the country could split"), not as done


def party_key(name: str | None) -> str | None:
    """The first name word of a party (else its first word), lower case, cut to five letters so that
    a country and its people meet ("Ukraine", "Ukrainian forces", "Ukraine's military" -> "ukrai"); an
    honorific is no name word ("Dr Ivo Brand" -> "ivo")."""
    words = [w for w in _NAME_WORD.findall(name or "") if w not in _ARTICLES and w.rstrip(".") not in _HONORIFICS]
    words = words or [w for w in (name or "").split() if w.lower() not in _STOP]  # "the harbour board"
    if not words:
        return None
    return re.sub(r"[’']s$", "", words[0]).lower()[:5]


def _objects(words: str) -> frozenset[str]:
    found = (w.lower().rstrip("s") for w in re.findall(r"[A-Za-z][\w’'-]+", words))
    return frozenset(w for w in found if w not in _STOP and len(w) > 2)


def _act(verb: str, rest: str) -> str:
    end = _ACT_END.search(rest)
    return f"{verb}{rest[: end.start()] if end else rest}".strip()


def _party(phrase: str, parties: Iterable[str], speaker: str | None) -> str | None:
    """The party a noun phrase at the start of a clause names: a party's name at its start ("Russian
    forces", "the Kremlin"), or a pronoun for the speaker ("it", "its forces")."""
    first = phrase.split()[0].lower() if phrase.split() else ""
    if first in _SELF or first in _OWNERS:
        return party_key(speaker)
    bare = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
    return next((party_key(p) for p in parties if bare.startswith(p)), None)


def _is_verb(word: str) -> bool:
    low = word.lower()
    return low in _AUX or low in _IRREGULAR or (len(low) > 4 and low.endswith(("ed", "ing")))


def _is_saying(word: str) -> bool:
    """A verb of saying, by its written form: "described", "says", "warning"."""
    low = word.lower()
    forms = {low, low[:-1], low[:-2], low[:-3], low[:-3] + "e"}
    return bool(forms & _SAYING)


def _active(clause: str, parties: list[str], speaker: str | None) -> Deed | None:
    """ "Russian forces destroyed the dam", "its lines caused the fire", "Russian troops were to blame"."""
    words = clause.split()
    at = next((k for k in range(1, min(len(words), 7)) if _is_verb(words[k])), None)
    if at is None and len(words) > 2 and words[0].lower() in _OWNERS:
        at = 2  # "its forces target civilians"
    if at is None:
        return None
    k = at
    while k < len(words) and words[k].lower() in _AUX | {"not", "never", "also", "already"}:
        k += 1
    subject, rest = " ".join(words[:at]), words[k:]
    possible = _POSSIBLE.match(" ".join(words[at:k])) is not None
    if _is_saying(words[at]):
        return _active(" ".join(words[at + 1 :]), parties, speaker)  # "... described Russian soldiers leaving"
    if "," in subject:
        return None  # "Hawaiian Electric on August 24, saying ...": not a subject
    if _TO_VERB_END.search(subject):
        return None  # "new powers to isolate infected people": "infected" describes the people, no verb
    key = _party(subject, parties, speaker)
    doer_text = (speaker or "") if key and words[0].lower() in _SELF else subject
    if _BLAME.match(" ".join(rest)):
        return Deed(key, doer_text, None) if key else None
    if not rest or (k > at and (rest[0].lower() in _STOP or not rest[0][0].isalpha())):
        return None  # "the accusations were a lie"
    act = _act(rest[0], " " + " ".join(rest[1:]))
    if rest[0].lower() in _UNDERGOING:  # "the alliance lost a helicopter": what befell it, not its deed
        return Deed(None, "", act, rest[0].lower(), _objects(act[len(rest[0]) :]), agentive=False)
    return Deed(key, doer_text, act, rest[0].lower(), _objects(act[len(rest[0]) :]), True, possible)


def is_subordinate(words: str) -> bool:
    """Whether words before a verb hold the opening of a clause that hangs on another ("pictures taken
    before the dam", "people who had"), or a "that" after their first word ("reports that the dam"),
    so that the verb after them is not the main clause's."""
    low = [w.strip(",;:").lower() for w in words.split()]
    return any(w in _SUBORDINATE for w in low) or "that" in low[1:]


def main_clause(clause: str) -> str:
    """The clause without a leading subordinate clause: "After the dam broke, crews shelled the town"
    -> "crews shelled the town"; unchanged when it does not open on one, or has no comma to end it."""
    first = clause.split(maxsplit=1)[0].lower() if clause.split() else ""
    if first not in _SUBORDINATE or "," not in clause:
        return clause
    return clause.split(",", 1)[1].strip()


def read_deed(text: str, parties: list[str], speaker: str | None, denied: bool = False) -> Deed | None:
    """What a content span says was done, and by whom (see the module docstring)."""
    lead = _LEAD.match(text)
    clause = main_clause(_INSERTED.sub("", text[lead.end() :] if lead else text).strip())
    while (cited := _CITING.match(clause)) is not None:
        clause = clause[cited.end() :]
    if denied and _OWN_PART.match(clause) and party_key(speaker):
        return Deed(party_key(speaker), speaker or "", None)
    passive = _PASSIVE.match(clause)
    if passive is not None and is_subordinate(passive.group("patient")):
        passive = None  # "compared pictures taken before the dam was destroyed": the main verb comes first
    if passive is not None:
        patient, verb = passive.group("patient"), passive.group("verb")
        act = f"{verb} {_DATELINE.sub('', patient)}"
        agent = _AGENT.search(_CLAUSE_END.split(passive.group("rest"), maxsplit=1)[0])  # "by" in the verb's clause
        if agent is None:
            return Deed(None, "", act, verb, _objects(patient), agentive=False)
        doer = _act("", agent.group("agent"))  # "Ukrainian sabotage and rejected ..." -> "Ukrainian sabotage"
        return Deed(_party(doer, parties, speaker), doer, act, verb, _objects(patient), agentive=True)
    return _active(clause, parties, speaker)


def _contents(sentence: Sentence) -> list[str]:
    """The texts whose deed a sentence may tell: what it denies, or what its speaker claims, or all of it."""
    denying = sentence.status == "denied"
    kind = "denial" if denying else "claim"
    spans = [_cut(sentence, a) for a in sentence.attributions if a.kind == kind]
    spans = [s for s in spans if len(s.split()) > 1]
    return spans or ([] if denying else [sentence.text])


def _cut(sentence: Sentence, a: Attribution) -> str:
    start, end = (max(x - sentence.start, 0) for x in a.content)
    return sentence.text[start:end]


def sentence_deed(sentence: Sentence) -> Deed | None:
    """The deed a denied or asserting sentence tells, when it tells one: of its contents, the first
    whose doer is a party, else the first with a deed."""
    if sentence.status != "denied" and sentence.status not in ASSERTING:
        return None
    parties = [e.text for e in sentence.entities if e.label in DOER_LABELS]
    denied = sentence.status == "denied"
    found = [read_deed(t, parties, sentence.attributed_to, denied) for t in _contents(sentence)]
    deeds = [d for d in found if d is not None]
    return next((d for d in deeds if d.doer is not None), deeds[0] if deeds else None)


def story_deeds(documents: Iterable[Document], keys: Iterable[MentionKey]) -> dict[MentionKey, Deed]:
    """The deed of each sentence named by ``keys`` (document, sentence index) that tells one."""
    by_id = {d.id: d for d in documents}
    found: dict[MentionKey, Deed] = {}
    for doc_id, index in keys:
        doc = by_id.get(doc_id)
        if doc is None or not 0 <= index < len(doc.sentences):
            continue
        deed = sentence_deed(doc.sentences[index])
        if deed is not None:
            found[(doc_id, index)] = deed
    return found


Told = Literal["doer", "plain"]


def told_as(sentence: Sentence) -> Told | None:
    """ "doer" for a claim or denial naming who did a deed ("Kyiv says Russian forces blew the dam
    up"), "plain" for a report of a deed with no doer ("The dam was destroyed on Tuesday"), else None:
    the dispute over who did it and the happening it presupposes are two events
    (``corpus/disputed_happenings``), which the events stage keeps apart."""
    if sentence.status not in DISPUTING and sentence.status not in PLAIN:
        return None
    deed = sentence_deed(sentence)
    if deed is None:
        return None
    if sentence.status in DISPUTING:
        return "doer" if deed.doer is not None and deed.act else None
    return "plain" if deed.doer is None and not deed.agentive and deed.verb else None
