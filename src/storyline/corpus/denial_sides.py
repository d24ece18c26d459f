"""Which claims a denial cannot answer because of who told them: the claim of another party than the
one the denial names, a claim of the denier's own side, and an outlet's line telling the denier's own words.

- A denial that names whose claim it rejects ("dismissed Berg's truce declaration as a ruse", "denied an
  assertion by Berg's spokesman", "said Ana Roe's claim ... was false", "rejected rebel claims") answers
  that party's claim, not a third party's line that only mentions the same thing ("a truce announcement"); a
  body's ("disputed the commission's findings") not the outlet's own line about the body's report.
- A country's office holder speaks for it: a story that names "Valdorian Foreign Minister Tomas Berg"
  makes Berg and "Valdoria" (or "the Valdorian government") one side (``office_sides``); so does one
  named before it, "Ada Vos, a Valdorian spokeswoman": her denial never answers Valdoria's own claim.
- One person, or people of one name, under two spellings ("Dr Brand", "Ivo Brand"), and a person's own
  lawyers or spokesman ("Ivo Brand's legal team") are one side; so is the person a denial names as the
  subject of its denial verb when its speaker is a role ("The mayor's doctor, Ivo Brand, has denied ...").
- A claim that opens on the denier pleading or denying ("Dr Brand has pleaded not guilty") is his own plea.
- A relative clause telling the denier's plea ("for Dr Brand, who has pleaded not guilty") is his, not
  the claim's.
- A claim of several lines (a timeline's next entry glued on) is its speaker's line: what the other
  lines say is not his.
- An outlet's line whose subject is the denier and that tells what he said ("..., Ivo Brand also
  attacked groups he said were stirring strife") is the denier's own statement, which he does not deny.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.corpus.denial_bodies import BODY, body_names, body_owner, body_tells
from storyline.corpus.denial_content import DENIAL_VERB, SAID
from storyline.records import Document, Mention
from storyline.time.words import MONTHS, WEEKDAYS

# A name word: capitalized, or a particle joined to one by a hyphen ("al-Rashid").
_NAME = r"(?:[A-Z][\w-]*|(?:al|el|bin|ibn|abu|de|da|van|von|le|la)-[A-Z][\w-]*)"
_SAYING = rf"(?:{SAID}|story|stories|denials?)"
# "the premier's truce declaration", "Ivo Brand's claim of a link", "an assertion by the premier's spokesman".
# "a Harbour Wire report", "the accusation by some members of the Senate".
_OWNED = re.compile(
    rf"(?P<owner>{_NAME}(?:\s+{_NAME}){{0,3}})['’]s\s+(?:[\w-]+\s+){{0,2}}?{_SAYING}\b"
    rf"|\b{_SAYING}\s+(?:made\s+)?by\s+(?:the\s+|some\s+|several\s+|many\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?"
    rf"(?P<by>{_NAME}(?:\s+{_NAME}){{0,3}})"
    rf"|\b(?:a|an|the)\s+(?P<named>{_NAME}(?:\s+{_NAME}){{0,3}})\s+{_SAYING}\b",
)
_NOT_NAMES = frozenset({"The", "A", "An", "But", "And", "However", "He", "She", "They", "It", "His", "Her", "Their"})


def _name_words(name: str | None) -> frozenset[str]:
    """The lower-case name words of a name, hyphen parts apart, without particles and articles:
    "Ivo al-Brand's" -> {"ivo", "brand"}."""
    words = set()
    for w in re.findall(_NAME, name or ""):
        if w in _NOT_NAMES:
            continue
        for part in re.sub(r"[’']s$", "", w).split("-"):
            if len(part) > 2 and part[0].isupper():
                words.add(part.lower())
    return frozenset(words)


def claim_owner(denial: str) -> str | None:
    """The party a denial names as the teller of what it rejects: the named owner of a noun of saying
    ("Ivo Brand's truce declaration" -> "Ivo Brand", "a Harbour Wire report" -> "Harbour Wire"), or its
    named agent ("an assertion by Berg's spokesman" -> "Berg", "the accusation by some members of the
    Senate" -> "Senate"), after the denial verb when there is one ("Moscow's version came from Peskov,
    who dismissed claims that ..." names no owner). None when it names none ("the government's claims":
    only names count)."""
    verb = DENIAL_VERB.search(denial)
    text = denial[verb.end() :] if verb else denial
    m = _OWNED.search(text)
    if m is None:
        return None
    owner = m.group("owner") or m.group("by") or m.group("named")
    return owner if _name_words(owner) else None


# A party named by a common noun before a noun of saying: "rejected rebel claims that ...".
_PARTY_OWNED = re.compile(
    rf"\b(?P<party>rebel|opposition|government|regime|army|military|police|activist|protester)s?['’]?\s+{_SAYING}\b",
    re.I,
)


def party_owner(denial: str) -> str | None:
    """The party a denial names by a common noun as the teller of what it rejects, lower case, after its
    denial verb: "rejected rebel claims that ..." -> "rebel", "disputed the commission's findings" -> "commission"."""
    verb = DENIAL_VERB.search(denial)
    start = verb.end() if verb else 0
    m = _PARTY_OWNED.search(denial, start)
    return m.group("party").lower() if m else body_owner(denial, start)


# A line telling someone's words: a quotation, or a noun of saying ("followed reports that ...").
_TELLS_WORDS = re.compile(rf"^\W*[\"“‘']|\b{_SAYING}\b", re.IGNORECASE)


# A name, then (after an apposition or a relative clause) its verb of saying: "Ana Roe, the envoy, who spoke on
# radio, said: ...".
_NAME_THEN_SAID = re.compile(rf"(?P<name>{_NAME}(?:\s+{_NAME}){{0,3}})(?=[^.;:!?“\"]{{0,90}}?\b(?:said|says|told)\b)")


def _quotes(text: str, owner: str) -> bool:
    """Whether a line tells the owner's own words, whoever tells the line: "The report faulted the envoy, Ana Roe,
    who said on radio: “The port is safe.”" quotes Ana Roe."""
    owned = {w[:5] for w in _name_words(owner)}
    return any(owned & {w[:5] for w in _name_words(m.group("name"))} for m in _NAME_THEN_SAID.finditer(text))


def told_by_another(denial: Mention, claim: Mention) -> bool:
    """Whether a denial names whose claim it rejects (``claim_owner``, ``party_owner``) and the claim has
    a speaker who is not that party (no name word in common; for a party named by a common noun, no
    word of it): "dismissed Berg's truce declaration as a ruse" does not answer an envoy's line that
    mentions "a truce announcement", nor "rejected rebel claims" a line of foreign officials. A claim
    with no speaker may still be the owner's words: in the denial's own report a quotation or a line telling
    what was said ("followed reports that ..."), or a line that names the owner; another line ("Rebels were
    said to hold the port" in another report, the outlet's own story in the denial's) is not his. A line another
    tells that quotes the owner ("The report faulted the envoy, Ana Roe, who said: ...") is the owner's claim. Name
    words meet by their first five letters ("Valdoria", "Valdorian")."""
    party = party_owner(denial.text)
    if claim.attributed_to is None and party is not None and re.fullmatch(BODY, party):
        return not body_tells(claim.text, party)  # "The commission report does not explore ..." is the outlet's
    if claim.attributed_to is None and claim.document == denial.document and _TELLS_WORDS.search(claim.text):
        return False
    who = claim.attributed_to or claim.text
    owner = claim_owner(denial.text)
    if owner is not None:
        return not ({w[:5] for w in _name_words(owner)} & {w[:5] for w in _name_words(who)}) and not _quotes(
            claim.text, owner
        )
    return party is not None and re.search(rf"\b(?:{body_names(party)})", who, re.I) is None


# A country's office holder: "Valdorian Foreign Minister Tomas Berg", "Valdoria's envoy Ana Roe".
_OFFICE = re.compile(
    r"^(?:['’]s)?\s+(?:(?:[A-Z][a-z]+|deputy|foreign|prime|defen[cs]e|interior|finance)\s+){0,3}"
    r"(?:[Mm]inister|[Ss]ecretary|[Pp]resident|[Pp]remier|[Cc]hancellor|[Ss]pokes(?:man|woman|person)"
    r"|[Aa]mbassador|[Ee]nvoy)\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)
_SIDE_LABELS = frozenset({"GPE", "NORP"})
_STEM = 4  # "Valdoria" and "Valdorian" meet
_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?P<country>[A-Z][\w.-]+)(?:['’]s)?(?:\s+(?:government|administration|foreign\s+ministry"
    r"|ministry|cabinet|leadership))?$",
    re.I,
)


# A body's voice named before it, in apposition: "Ada Vos, a Harbour Council spokeswoman", "Ana Roe, the
# Ostmark envoy": the name before the body, then the body's office after it.
_VOICE_BEFORE = re.compile(rf"(?P<name>{_NAME}(?:\s+{_NAME}){{1,3}}),\s+(?:a|an|the)\s+$")
_VOICE_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+(?:[A-Z][\w.-]*|deputy|foreign|prime|defen[cs]e|interior|finance|chief|senior|press)){0,3}"
    r"\s+(?:[Mm]inister|[Ss]ecretary|[Pp]resident|[Pp]remier|[Cc]hancellor|[Ss]pokes(?:man|woman|person)"
    r"|[Aa]mbassador|[Ee]nvoy|[Oo]fficial|[Rr]epresentative|[Oo]fficer)\b"
)


_CALENDAR = frozenset(w.lower() for w in (*WEEKDAYS, *MONTHS))


def _a_person(name: str) -> bool:
    """Whether a span of name words before a comma may be a person: no day or month ("On Friday, the
    ambassador"), no common word ("Late Friday")."""
    words = name.lower().split()
    return words[-1] not in _CALENDAR and not any(w in STOP_WORDS for w in words)


def office_sides(documents: Iterable[Document]) -> dict[str, str]:
    """Each person the story names as a country's or a body's office holder or voice, by the last word
    of the name, lower case -> the country's first letters: "Valdorian Foreign Minister Tomas Berg" ->
    {"berg": "vald"}; a voice named before the body, "Ada Vos, a Valdorian spokeswoman" -> {"vos": "vald"}
    (also as a sentence of its own, where a split left "said Wing Cmdr. / Ada Vos, a Valdorian
    spokeswoman."). A person named for two is left out."""
    sides: dict[str, set[str]] = {}
    for doc in documents:
        for s in doc.sentences:
            for e in s.entities:
                if e.label not in _SIDE_LABELS:
                    continue
                m = _OFFICE.match(s.text[e.end - s.start :])
                before = _VOICE_BEFORE.search(s.text[: e.start - s.start])
                if before and _VOICE_AFTER.match(s.text[e.end - s.start :]) and _a_person(before.group("name")):
                    m = before
                if m:
                    last = re.sub(r"[’']s$", "", m.group("name").split()[-1]).lower()
                    sides.setdefault(last, set()).add(e.text.lower()[:_STEM])
    return {person: next(iter(c)) for person, c in sides.items() if len(c) == 1}


def _side(name: str, sides: Mapping[str, str]) -> str | None:
    """The country a speaker is: itself or its government ("Valdoria", "the Valdorian government"), or
    the one its office holder's name is known for (``office_sides``)."""
    gov = _GOVERNMENT.match(name.strip())
    if gov:
        return gov.group("country").lower()[:_STEM]
    words = name.split()
    last = re.sub(r"[’']s$", "", words[-1]).lower() if words else ""
    return sides.get(last)


def one_side(a: str | None, b: str | None, sides: Mapping[str, str]) -> bool:
    """Whether one speaker is a country (or its government) and the other its office holder
    (``office_sides``): "Valdoria" and "Foreign Minister Tomas Berg" when the story names "Valdorian
    Foreign Minister Tomas Berg"."""
    if not a or not b or not sides:
        return False
    x, y = _side(a, sides), _side(b, sides)
    if x is None or y is None or x != y:
        return False
    return (_GOVERNMENT.match(a.strip()) is None) != (_GOVERNMENT.match(b.strip()) is None)


# A fronted phrase before the main clause: "In an early sign of strife, ...".
_FRONTED = re.compile(
    r"^\W*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*[-–—:]\s*)?"  # a timeline's "May 3 - "
    r"(?:in|at|on|after|before|during|with|without|despite|as|amid|for|by|under|since|speaking|asked)\b"
    r"[^,]{0,120},\s*"
    rf"(?:{_NAME}(?:\s+{_NAME}){{0,3}},\s*)?",  # a name in apposition: "Under questioning from the chair, Ada Vos, "
    re.I,
)
# A named subject, with its title: "Ivo Brand", "the Valdorian premier Ivo Brand".
_SUBJECT = re.compile(
    rf"^(?:(?:the|{_NAME}|leader|president|premier|minister|chief|commander|ruler)\s+){{0,4}}{_NAME}(?!['’]s)\b"
)
# The subject's own verb of saying or estimating, or of how he appeared: "..., Ivo Brand called on his followers
# to ...", "Ivo Brand appeared not to know that ...", "Brand revised down his estimate".
_SAYING_VERB = re.compile(
    r"\s+(?:also\s+)?(?:said|says|told|tells|call(?:s|ed)|urg(?:es|ed)|warn(?:s|ed)|insist(?:s|ed)|announc(?:es|ed)"
    r"|declar(?:es|ed)|vow(?:s|ed)|pledg(?:es|ed)|appear(?:s|ed)|seem(?:s|ed)"
    r"|revis(?:es|ed)|estimat(?:es|ed)|testif(?:ies|ied)|acknowledg(?:es|ed)|conced(?:es|ed))\b"
)
_HE_SAID = re.compile(r"\b(?:he|she)\s+(?:said|says|told|added)\b|\b(?:said|says)\s+(?:he|she)\b", re.I)


# A name with "says", the present of a page's headline or standfirst, also glued to its heading or after its
# owner: "Harbour fire: inspector retracts report Port Authority's Ada Vos says most fuel is still in the bay".
_NAME_SAYS = re.compile(rf"(?P<name>{_NAME}(?:\s+{_NAME}){{0,3}})\s+says\b")


def _says_in_a_heading(text: str, denier: str) -> bool:
    """Whether a line with no speaker tells the denier's words in a heading's "<name> says"."""
    return any(_name_words(m.group("name")) & _name_words(denier) for m in _NAME_SAYS.finditer(text))


def tells_the_denier(claim: Mention, denier: str | None) -> bool:
    """Whether an outlet's line (a claim with no speaker, or one told by no named party: "according to
    excerpts from the interview") has the denier as the subject of its main clause, after a fronted
    phrase, and tells what he said or how he appeared ("In a sign of strife, Ivo Brand also attacked
    groups he said were stirring it", "In a call to the radio, Brand called on his men to ...", "Brand
    appeared not to know that ..."): the denier's own statement or stance. A speaker the attribution found only
    in the fronted phrase ("Under questioning from the chair, Ada Vos, Brand revised his estimate") tells nothing.
    A line with no speaker telling "<denier> says" anywhere (a page's headline block glued into one line) is his
    own words too."""
    if claim.attributed_to is None and denier and _says_in_a_heading(claim.text, denier):
        return True
    fronted = _FRONTED.match(claim.text)
    aside = fronted is not None and bool(claim.attributed_to) and str(claim.attributed_to) in fronted.group()
    if (_name_words(claim.attributed_to) and not aside) or not denier:
        return False
    text = claim.text[fronted.end() :] if fronted else claim.text
    subject = _SUBJECT.match(text)
    if subject is None or not _name_words(subject.group()) & _name_words(denier):
        return False
    # "he said" is the denier's only in a line with no speaker: else it is the speaker's
    his_words = (claim.attributed_to is None or aside) and _HE_SAID.search(claim.text) is not None
    return his_words or _SAYING_VERB.match(text, subject.end()) is not None


# A person's own voice: "Ivo Brand's lawyers", "Dr Brand's legal team", "Brand's spokeswoman".
_AGENTS = re.compile(
    r"^(?P<owner>.+?)['’]s\s+(?:legal\s+team|lawyers?|attorneys?|defen[cs]e(?:\s+team)?|spokes(?:man|woman|person)"
    r"|aides?|representatives?|camp|family|office)$",
    re.I,
)
_HONORIFICS = r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sir|Dame)\.?\s+)?"
_HONORIFIC = re.compile(rf"^(?:the\s+)?{_HONORIFICS}")
_PERSON = re.compile(rf"^{_NAME}(?:\s+{_NAME}){{0,3}}$")
# A speaker ending on a titled name after words glued from a headline: "propofol Dr Brand".
_TITLED_END = re.compile(rf"\s(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}})$")
_RELATIVES = frozenset({"who", "which", "that", "whom"})


def surname(speaker: str | None) -> str | None:
    """The last name word of a person a speaker is, or whose lawyers or spokesman it is, lower case:
    "Dr Ivo Brand" -> "brand", "Ivo Brand's legal team" -> "brand", "propofol Dr Brand" (a headline's word
    glued on) -> "brand"; None for a role or a body ("the agency", "the mayor's doctor")."""
    if not speaker:
        return None
    name = speaker.strip()
    agents = _AGENTS.match(name)
    titled = _TITLED_END.search(name)
    name = titled.group("name") if titled else _HONORIFIC.sub("", agents.group("owner") if agents else name)
    if not _PERSON.match(name) or name.split()[0] in _NOT_NAMES:
        return None
    last = re.sub(r"[’']s$", "", name.split()[-1])
    return last.lower() if len(last) > 2 else None


_COUNSEL = r"(?:lawyers?|attorneys?|legal\s+team|counsel)"
_PERSON_SPAN = rf"{_NAME}(?:\s+{_NAME}){{1,3}}"
# "Ada Vos, one of Dr Brand's lawyers", "Ada Vos, Dr Brand's attorney", "Dr Brand's lawyer Ada Vos".
_COUNSEL_OF = (
    re.compile(
        rf"(?P<agent>{_PERSON_SPAN}),\s+(?:one\s+of\s+|an?\s+)?(?P<owner>{_HONORIFICS}{_NAME}(?:\s+{_NAME}){{0,2}})"
        rf"['’]s\s+(?:[a-z]+\s+)?{_COUNSEL}\b"
    ),
    re.compile(
        rf"(?P<owner>{_HONORIFICS}{_NAME}(?:\s+{_NAME}){{0,2}})['’]s\s+(?:[a-z]+\s+)?{_COUNSEL},?\s+(?P<agent>{_PERSON_SPAN})"
    ),
)


def name_only(span: str) -> str:
    """A person's name cut before its first later word that is a common word, capitalised only by a glued
    caption or a sentence start: "Ada Vos Any" (a caption's "Any ..." glued on) -> "Ada Vos"."""
    words = span.split()
    cut = next((i for i, w in enumerate(words[1:], 1) if w.lower() in STOP_WORDS), len(words))
    return " ".join(words[:cut])


DEFENSE = "the defense"  # the key of the story's one defendant in ``counsel_sides``
_DEFENSE_SPEAKER = re.compile(r"^(?:the\s+)?defen[cs]e(?:\s+(?:team|lawyers?|attorneys?|counsel))?$", re.I)
_TITLED_PERSON = rf"{_HONORIFICS}(?P<who>{_NAME}(?:\s+{_NAME}){{0,2}})(?![\w'’]|\s+[A-Z])"
# "Dr Ivo Brand has pleaded not guilty", "Brand, 58, is accused of ...", "the trial of Dr Ivo Brand".
_DEFENDANT = (
    re.compile(rf"{_TITLED_PERSON}(?:,[^,]{{0,40}},)?\s+(?:who\s+)?(?:has\s+|had\s+)?pleaded\s+not\s+guilty\b"),
    re.compile(rf"{_TITLED_PERSON}(?:,[^,]{{0,40}},)?\s+(?:who\s+)?(?:is|was|has\s+been)\s+(?:charged|accused)\b"),
    re.compile(rf"\btrial\s+of\s+{_TITLED_PERSON}"),
)


def counsel_sides(documents: Iterable[Document]) -> dict[str, str]:
    """Each person the story names as someone's lawyer, by surname -> the client's surname: "Ada Vos,
    one of Dr Brand's lawyers" -> {"vos": "brand"}. A lawyer named for two clients is left out. "The
    defense" (``DEFENSE``) is the story's one defendant: the only person named as charged, on trial or
    pleading not guilty in two reports or more."""
    clients: dict[str, set[str]] = {}
    charged: dict[str, set[str]] = {}
    for doc in documents:
        for s in doc.sentences:
            for pattern in _COUNSEL_OF:
                for m in pattern.finditer(s.text):
                    agent, owner = surname(name_only(m.group("agent"))), surname(m.group("owner"))
                    if agent and owner and agent != owner:
                        clients.setdefault(agent, set()).add(owner)
            for pattern in _DEFENDANT:
                for m in pattern.finditer(s.text):
                    if who := surname(m.group("who")):
                        charged.setdefault(who, set()).add(doc.id)
    sides = {agent: next(iter(c)) for agent, c in clients.items() if len(c) == 1}
    defendants = [who for who, reports in charged.items() if len(reports) >= 2]
    if len(defendants) == 1:
        sides[DEFENSE] = defendants[0]
    return sides


# A named body's office and its holder: "Portwell chairman Ivo Brand", "Portwell's new chairman, Ivo Brand".
_ORG_ROLE = (
    r"(?P<org>[A-Z][\w&.-]*)(?:['’]s)?\s+(?:(?!(?:former|deputy|vice|acting|ex)\b)[\w-]+\s+){0,2}?"
    r"(?P<role>chairman|chairwoman|chief\s+executive|CEO|president|spokes(?:man|woman|person)|director)"
)
_ORG_ROLE_HOLDER = re.compile(rf"\b{_ORG_ROLE},?\s+(?P<name>{_NAME}(?:\s+{_NAME}){{1,2}})")
_ORG_ROLE_SPEAKER = re.compile(rf"^(?:[Tt]he\s+)?{_ORG_ROLE}$")  # the body named: "the committee chairman" is none


def _role_key(speaker: str | None) -> str | None:
    """ "the Portwell chairman" -> "portwell chairman"; None for a speaker that is no named body's office."""
    m = _ORG_ROLE_SPEAKER.match((speaker or "").strip())
    return f"{m.group('org').lower()} {m.group('role').lower()}" if m else None


_ONE_HOLDER = 0.8  # the share of an office's naming its holder must have: one report's slip does not count


def org_roles(documents: Iterable[Document]) -> dict[str, str]:
    """Each named body's office the story names one holder for -> the holder's surname: "Portwell chairman Ivo
    Brand" -> {"portwell chairman": "brand"}, so that "the Portwell chairman" and "Mr Brand" are one person
    (``one_person``). An office is left out when no holder has most of its namings (``_ONE_HOLDER``)."""
    holders: dict[str, Counter[str]] = {}
    for doc in documents:
        for s in doc.sentences:
            for m in _ORG_ROLE_HOLDER.finditer(s.text):
                org = m.group("org")
                if org.lower() in STOP_WORDS or org.lower() in _CALENDAR:
                    continue
                key, who = _role_key(f"{org} {m.group('role')}"), surname(name_only(m.group("name")))
                if key and who:
                    holders.setdefault(key, Counter())[who] += 1
    found = {key: named.most_common(1)[0] for key, named in holders.items()}
    return {key: who for key, (who, n) in found.items() if n >= _ONE_HOLDER * holders[key].total()}


def one_person(claimant: str | None, denial: Mention, counsel: Mapping[str, str] | None = None) -> bool:
    """Whether a claim's speaker and a denial's are one person or his own voice (``surname``; his lawyer
    or, for the story's one defendant, "the defense", by ``counsel_sides``; a named body's office, "the
    Portwell chairman", by ``org_roles``), or the denial's sentence names the claimant as the subject of its
    denial verb ("The mayor's doctor, Ivo Brand, has denied the charge" when "Dr Brand's lawyers" claimed)."""
    counsel = counsel or {}
    name = counsel.get(DEFENSE) if claimant and _DEFENSE_SPEAKER.match(claimant.strip()) else _person(claimant, counsel)
    if name is None:
        return False
    name = counsel.get(name, name)
    return _person(denial.attributed_to, counsel) == name or name in named_deniers(denial)


def _person(speaker: str | None, counsel: Mapping[str, str]) -> str | None:
    """A speaker's surname (``surname``), or that of the holder of the named body's office it is."""
    key = _role_key(speaker)
    return counsel.get(key) if key is not None else surname(speaker)


# The name right before a denial verb, its subject: "The mayor's doctor, Ivo Brand, has denied".
_DENIER_BEFORE_VERB = re.compile(
    r"\b([A-Z][\w-]{2,}),?\s+(?:(?:has|had|have|also|repeatedly|again)\s+)*den(?:y|ies|ied)\b"
)


def named_deniers(denial: Mention) -> set[str]:
    """The names right before the denial verbs of a denial's sentence, lower case: its named subjects."""
    return {m.group(1).lower() for m in _DENIER_BEFORE_VERB.finditer(denial.text)}


_OWN_PLEA = (
    r"(?:,[^,]{0,40},)?\s+(?:(?:has|had|have|also|again|repeatedly)\s+)*"
    r"(?:pleaded|pleads|pled|den(?:y|ies|ied)|reject(?:s|ed)|insist(?:s|ed))\b"
)


def pleads_his_own(claim: Mention, denial: Mention) -> bool:
    """Whether a claim's sentence opens on the denier (the denial's speaker, or the name right before its
    denial verb when the speaker is a role), by name, pleading or denying ("Dr Brand has pleaded
    not guilty ..."), whoever the attribution gave as its speaker (a next sentence glued on): the
    denier's own plea, which his denial does not answer."""
    names = {surname(denial.attributed_to), *named_deniers(denial)}
    return any(
        re.match(rf"^\W*{_HONORIFICS}(?:[A-Z][\w-]+\s+){{0,2}}{re.escape(name)}{_OWN_PLEA}", claim.text, re.I)
        for name in names
        if name
    )


def opens_on_his_counsel(claim: Mention, denial: Mention) -> bool:
    """Whether a claim's sentence opens on the denier's lawyers ("Lawyers for Dr Brand have dropped the
    claim that ...", "Dr Brand's defence team argued ..."): his own side's stance, which he does not deny."""
    names = {surname(denial.attributed_to), *named_deniers(denial)}
    counsel = rf"(?:{_COUNSEL}|defen[cs]e(?:\s+{_COUNSEL}|\s+team)?)"
    for name in filter(None, names):
        person = rf"{_HONORIFICS}(?:[A-Z][\w-]+\s+){{0,2}}{re.escape(name)}"
        if re.match(rf"^\W*(?:the\s+)?{counsel}\s+(?:for|of)\s+{person}\b", claim.text, re.I) or re.match(
            rf"^\W*{person}['’]s\s+(?:[a-z]+\s+)?{counsel}\b", claim.text, re.I
        ):
            return True
    return False


def without_own_plea(claim: Mention, denial: Mention) -> Mention:
    """A claim without the clause that tells the denier's own plea or denial ("..., a hearing for Dr Brand,
    who has pleaded not guilty to fraud."): what is left is what the claim says; the plea is his own."""
    text = claim.text
    for name in {surname(denial.attributed_to), *named_deniers(denial)} - {None}:
        plea = rf"(\b{re.escape(str(name))}),\s+who\s+(?:(?:has|had|have|also|again|repeatedly)\s+)*"
        text = re.sub(plea + r"(?:pleaded|pleads|pled|den(?:y|ies|ied))\b[^,.;]*", r"\1", text, flags=re.I)
    return claim if text == claim.text else replace(claim, text=text)


def speaker_of(claim: Mention) -> str | None:
    """A claim's speaker, None when the attribution gave only a relative pronoun ("who")."""
    who = claim.attributed_to
    return None if who is None or who.strip().lower() in _RELATIVES else who


def speaker_line(claim: Mention) -> Mention:
    """A claim cut to the line its speaker is named on (else its first line) when its text holds several
    lines: in two lines "The agency says he broke no rule. / 4 May: Dr Brand is charged with fraud." the agency
    claims no charge. A claim of one line as it is."""
    lines = [line for line in claim.text.split("\n") if line.strip()]
    if len(lines) < 2:
        return claim
    who = (claim.attributed_to or "").lower()
    line = next((x for x in lines if who and who in x.lower()), lines[0])
    return replace(claim, text=line)
