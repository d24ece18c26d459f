"""What a count of people near a casualty word really counts, when it is not the toll it seems to be.

The rules, all on the figure's own sentence: bodies counted anywhere ("1,500 bodies at the morgue", "has collected
50,000 bodies"), a count written "N-plus" and a count of the dead with more dead told after it ("20 have died, and
48 more deaths are suspected") are a floor of the toll, at least that many (``floor_of``); bodies buried ("75,000
bodies had been buried in mass graves", "70,000 people who died ... have been buried") are a measure of their own,
"buried"; a count told of a list of casualty words ("three million killed, injured or homeless", "the dead and
injured") or of people affected counts no one measure; a count whose own predicate follows it ("150 people from the
mission are still missing") takes that predicate over a nearer word of another clause, and a count right before a
casualty verb with a number of its own ("a vaccine given to 40m people killed 25") counts none of them; a count of
the dead told as confirmed ("have confirmed 20 deaths", "the confirmed death toll stands at 16") is the part
verified so far (``told_as_confirmed``); a count of people an illness befell ("has infected 30,000 people", "200
people sickened") is cases, not casualties; a count of people a thing was taken from ("swabs taken from nine
students", ``is_source``) or accused of a death ("two men charged in the death of a girl", ``is_accused``) is
neither; a count of a named group's dead ("four journalists have died") is that group's (``group_of``); and a count
of a body's own people ("37 UN staff", "16 peacekeeping soldiers", "people from its mission", "the agency has lost
40 workers") is the body's, not the disaster's. Non-military people ("500 medical personnel") are no troops. The
rules are about how news tells casualties, which no library states.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.records import Quantity, Sentence

BURIED = "buried"
_BODY_NOUNS = frozenset({"bodies", "body", "corpses", "corpse"})
_FLOOR_OF = frozenset({None, "about", "more than", "at least"})  # "up to 30 bodies" is no floor
_REACH = 80  # characters after a count in which its own predicate must come
_CASUALTY_WORD = r"(?:(?:left|made)\s+)?(?:killed|dead|died|injured|wounded|hurt|missing|homeless|displaced|affected)"
# "killed, injured or homeless", "dead or injured", "the dead and the wounded": one count of several kinds.
_COMBINED = re.compile(
    rf"\b{_CASUALTY_WORD}(?:\s*,\s*(?:the\s+)?{_CASUALTY_WORD})*\s*,?\s+(?:or|and|and/or)\s+(?:the\s+)?{_CASUALTY_WORD}\b",
    re.IGNORECASE,
)
# Interred, not trapped: "buried in mass graves", "have been buried"; not "buried in the rubble", "buried alive".
_BURIAL = re.compile(
    r"\b(?:buried|interred|laid\s+to\s+rest)\b(?!\s+(?:alive|under|beneath|in\s+(?:the\s+)?(?:rubble|debris|ruins)))"
    r"|\bin\s+(?:a\s+)?mass\s+graves?\b",
    re.IGNORECASE,
)
# A qualifier between a verb and its bare number: "killed at least 257", "infected about 40".
QUALIFIER_BEFORE = r"(?:(?:at\s+least|more\s+than|over|about|some|nearly|almost|around)\s+)?$"
_BURIAL_BEFORE = re.compile(r"\b(?:buried|bury|burying|buries|interred)\s+" + QUALIFIER_BEFORE, re.IGNORECASE)
# People an illness befell are cases, not casualties nor troops: the object of "infected" ("has infected
# around 30,000 people"), or the subject of "were infected", "sickened", "fell ill", "were under observation".
ILLNESS = (
    r"(?:flu|influenza|virus|infections?|fever|symptoms|illness|disease|cholera|measles|pneumonia|malaria"
    r"|covid\S*|coronavirus|[HN]\dN\d\w*)"
)
INFECTING = r"\b(?:infect(?:ed|s|ing)?|sicken(?:ed|s|ing)?|hospitali[sz](?:ed|es|ing)|quarantin(?:ed|es|ing))"
_INFECTED_BEFORE = re.compile(rf"{INFECTING}\s+{QUALIFIER_BEFORE}", re.IGNORECASE)
_FELL_ILL_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:(?:were|was|are|is|ha(?:ve|s|d)\s+been)\s+(?:\w+\s+)?(?:infected|sickened|hospitali[sz]ed"
    r"|under\s+observation|in\s+(?:hospital|quarantine|isolation)|being\s+(?:tested|treated|monitored))"
    r"|sickened|(?:fell|became|got|went)\s+(?:ill|sick))\b",
    re.IGNORECASE,
)
# The end of a count's own stretch of words: another clause or sentence part.
_STRETCH_END = re.compile(r"[;:]|,\s+(?:and|but|while|whereas|which|who)\b|\s[-–—]\s", re.IGNORECASE)
_MODIFIER_NUMBER = re.compile(r"\d[\d,.]*-[a-z]+")  # "9,000-strong", "7.0-magnitude": no figure of its own
# The count's own predicate right after it: "150 people ... are still missing", "40 were confirmed dead".
_OWN_PREDICATE = re.compile(
    r"\b(?:are|were|is|was|remain(?:s|ed)?|ha(?:ve|s|d)\s+been)\s+(?:(?:still|now|also|all|reportedly|confirmed"
    r"|believed|feared|known|thought)\s+(?:to\s+(?:be|have\s+been)\s+)?)*"
    r"(?P<word>killed|dead|injured|wounded|hurt|missing|unaccounted|evacuated|homeless|left\s+homeless)\b",
    re.IGNORECASE,
)
# People a disaster touched, right after the count: "three million people affected by the quake".
_AFFECTED = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:(?:are|were|have\s+been|has\s+been|had\s+been)\s+)?affected\b", re.I)
_OWN_STRETCH_END = re.compile(r",|\b(?:and|or|but|that|which|who|while)\b", re.I)  # another subject's clause
_PREDICATE_KINDS = {
    "killed": "killed", "dead": "killed", "injured": "injured", "wounded": "injured", "hurt": "injured",
    "missing": "missing", "unaccounted": "missing", "evacuated": "evacuated", "homeless": "homeless",
}  # fmt: skip
# A body's own people, by the words of the counted phrase or after it.
_BODY_MODIFIERS = frozenset({"un", "u.n.", "peacekeeping", "embassy", "mission", "consular"})
_BODY_AFTER = re.compile(
    r"\b(?:from|of|at|with)\s+(?:its|the|their|our)\s+(?:[\w,.-]+\s+){0,3}?"
    r"(?:mission|agency|organi[sz]ation|embassy|consulate|force|staff)\b",
    re.IGNORECASE,
)
_OWN_WORKERS = frozenset({"worker", "workers", "staff", "employee", "employees", "member", "members"})
# People who are no soldiers, whatever noun counts them: "500 medical personnel", "aid workers".
_CIVIL_MODIFIERS = frozenset(
    {"medical", "health", "aid", "relief", "rescue", "humanitarian", "civilian", "emergency", "embassy", "hospital"}
)


def _stretch(sentence: Sentence, quantity: Quantity) -> str:
    """The words after a count up to the end of its clause, another figure or ``_REACH`` characters."""
    end = quantity.end - sentence.start
    after = _MODIFIER_NUMBER.sub("n", sentence.text[end : end + _REACH])
    cut = min((m.start() for m in (_STRETCH_END.search(after), re.search(r"\d", after)) if m), default=len(after))
    return after[:cut]


def is_buried(sentence: Sentence, quantity: Quantity) -> bool:
    """True when a count of bodies or people counts those buried: "75,000 bodies had been buried in mass
    graves", "70,000 people who died in the quake have been buried", "crews buried 2,000 bodies"; not
    people "buried in the rubble" (trapped) or "buried alive"."""
    before = sentence.text[: quantity.start - sentence.start]
    return bool(_BURIAL.search(_stretch(sentence, quantity)) or _BURIAL_BEFORE.search(before))


def is_combined(sentence: Sentence, quantity: Quantity) -> bool:
    """True when the casualty words right after a count list several kinds: "three million people being
    killed, injured or homeless", "200 dead or injured". Such a count is no count of any one of them."""
    own = sentence.text[quantity.start - sentence.start : quantity.end - sentence.start]
    return _COMBINED.search(own + _stretch(sentence, quantity)) is not None


def is_affected(sentence: Sentence, quantity: Quantity) -> bool:
    """True when the words right after a count make it the people a disaster affected ("three million
    people affected by the quake"): no casualty count, whatever casualty word is near."""
    return _AFFECTED.match(_stretch(sentence, quantity)) is not None


# A casualty verb right after a count, with a number of its own: "a vaccine given to 40m people killed 25".
_KILLED_OTHERS = re.compile(
    r"^\s*(?:(?!(?:and|or|but|then)\b)[\w-]+\s+){0,2}?(?:killed|kill(?:s|ing)?|injured|injur(?:es|ing)|wounded|wound(?:s|ing))\s+"
    r"(?:(?:at\s+least|more\s+than|about|some|nearly|almost|around)\s+)?$",
    re.IGNORECASE,
)


def kills_others(sentence: Sentence, quantity: Quantity) -> bool:
    """True when the casualty verb right after a count has a number of its own: in "a vaccine given to
    40m people killed 25" the 25 were killed, the 40m were given the vaccine."""
    stretch = _stretch(sentence, quantity)
    after = quantity.end - sentence.start + len(stretch)
    return _KILLED_OTHERS.match(stretch) is not None and sentence.text[after : after + 1].isdigit()


def own_predicate(sentence: Sentence, quantity: Quantity) -> str | None:
    """The casualty kind of the predicate the count is the subject of, right after it in its clause ("100
    people from the mission are still missing" -> "missing"), else None."""
    own = _OWN_STRETCH_END.split(_stretch(sentence, quantity), maxsplit=1)[0]
    m = _OWN_PREDICATE.search(own)
    if m is None or re.search(rf"\b{_CASUALTY_WORD}\b", own[: m.start()], re.I):
        return None  # "ten people had died ... and that dozens were missing": the ten died
    return _PREDICATE_KINDS[m.group("word").split()[-1].lower()]


def counted_words(quantity: Quantity) -> list[str]:
    """The lower-cased words of the counted phrase ("un staff" -> ["un", "staff"]), or of the quantity's
    text after its number."""
    phrase = quantity.counted or " ".join(quantity.text.split()[1:])
    return phrase.lower().split()


def is_body_s_own(sentence: Sentence, quantity: Quantity, noun: str) -> bool:
    """True when a count of people counts an organisation's own: a staff noun counted ("37 UN staff
    confirmed dead"), a body's word in the counted phrase ("16 peacekeeping soldiers"), a body after it in
    its clause ("100 people from its peacekeeping mission", "150 people are missing at the UN mission"),
    or workers whose clause subject is an organisation the sentence names ("The agency has lost 40 workers")."""
    words = counted_words(quantity)
    if (words and words[-1] in _OWN_WORKERS - {"worker", "workers"}) or _BODY_MODIFIERS & set(words[:-1]):
        return True
    if _BODY_AFTER.search(_stretch(sentence, quantity)):  # "people from its mission", "serving at the UN mission"
        return True
    orgs = {e.text.strip() for e in sentence.entities if e.label == "ORG"}
    return noun in _OWN_WORKERS and quantity.subject is not None and quantity.subject.strip() in orgs


# Named groups a casualty count may count, each a part of all the dead, never their toll: "four journalists have
# died", "12 children were killed", "three policemen were wounded". The words a war's or disaster's toll is told
# by ("people", "victims", "civilians", "fighters", "residents", "men", "patients", "workers") are left out.
_GROUP_NOUNS = {
    "journalists": ("journalists",), "children": ("children", "child"), "women": ("women",),
    "soldiers": ("soldiers", "soldier", "troops", "servicemen", "sailors"),
    "police": ("police", "policemen", "officers"),
    "students": ("students",), "prisoners": ("prisoners",), "hostages": ("hostages",), "refugees": ("refugees",),
    "passengers": ("passengers",),
}  # fmt: skip
_GROUPS = {noun: group for group, nouns in _GROUP_NOUNS.items() for noun in nouns}


def group_of(noun: str) -> str | None:
    """The named group a counted noun is ("journalists", "children", "soldiers", "police", "civilians"), or
    None for a word that counts anyone ("people", "victims"): a count of a group's dead is the group's, set
    only against other counts of that group, not against a toll of all the dead."""
    return _GROUPS.get(noun.lower())


def is_case_count(sentence: Sentence, quantity: Quantity) -> bool:
    """True when a count of people counts those an illness befell, not casualties: "the virus has infected
    30,000 people", "200 people sickened", "40 people were infected"; not "patients infected with it died"."""
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    return bool(_INFECTED_BEFORE.search(sentence.text[:start]) or _FELL_ILL_AFTER.match(sentence.text, end))


# People a thing came from: "swabs were taken from nine students", "blood drawn from 40 donors" (not a change of a
# figure, "rose from 20 people to 35").
_SOURCE_BEFORE = re.compile(r"\bfrom\s+" + QUALIFIER_BEFORE, re.IGNORECASE)
_CHANGE_TO = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?to\s", re.IGNORECASE)


def is_source(sentence: Sentence, quantity: Quantity) -> bool:
    """True when a count of people is the object of "from", those a thing was taken from ("specimens were taken
    from nine students"): no evacuees nor casualties, whatever verb is near; "rose from 20 people to 35" is none."""
    start = quantity.start - sentence.start
    return bool(_SOURCE_BEFORE.search(sentence.text[:start])) and not _CHANGE_TO.match(_stretch(sentence, quantity))


# People accused of a death, right after the count: "two men charged in the death of a girl", "four were arrested
# over the killing", "three guards convicted of murder".
_ACCUSED = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:(?:are|were|is|was|ha(?:ve|s|d)\s+been|being)\s+)?(?:also\s+)?"
    r"(?:charged|arrested|accused|convicted|indicted|sentenced|detained|jailed|held|tried|suspected|questioned)\s+"
    r"(?:in|over|with|for|of|after)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:deaths?|killings?|murders?|slayings?|shootings?|manslaughter|homicides?)\b",
    re.IGNORECASE,
)


def is_accused(sentence: Sentence, quantity: Quantity) -> bool:
    """True when a count of people counts those accused of a death ("2 men charged in death of a teen"): suspects,
    not the dead, though "death" is the nearest casualty word."""
    return _ACCUSED.match(_stretch(sentence, quantity)) is not None


def counts_no_casualty(sentence: Sentence, quantity: Quantity) -> bool:
    """True when a count of people near a casualty word counts no casualties of one kind: several kinds at once, the
    affected, cases, people a verb with its own number befell, people a thing was taken from, or the accused."""
    checks = (is_combined, is_affected, is_case_count, kills_others, is_source, is_accused)
    return any(check(sentence, quantity) for check in checks)


def is_civil(quantity: Quantity) -> bool:
    """True when the counted phrase names non-military people: "500 medical personnel", "aid workers"."""
    return bool(_CIVIL_MODIFIERS & set(counted_words(quantity)[:-1]))


# "150-plus deaths", "200 plus people": the number right before "plus" is a floor.
_PLUS = re.compile(r"^\S*\d(?:-|\s+)plus\b", re.IGNORECASE)
# More dead told after a count in its sentence: "and 48 more deaths are thought to be ...", "with dozens more
# feared dead"; not "no more deaths", "more than 40 deaths" (a bound), nor more cases or injured.
_MORE_DEAD_AFTER = re.compile(
    r"\b(?!(?:no|not|any|none|than)\b)(?:\d[\d,.]*|[a-z]+)\s+(?:more|additional|further)\b(?!\s+than\b)"
    r"(?:\s+[\w-]+){0,4}?\s+(?:deaths|dead|died|killed|fatalities|victims)\b",
    re.IGNORECASE,
)


def floor_of(sentence: Sentence, quantity: Quantity, measure: str) -> Quantity:
    """The count as a floor ("at least") where its words make it one, else as it is. Three shapes: a toll
    (``measure`` "killed") told by a count of bodies ("1,500 bodies were stacked at the morgue": at least
    1,500 dead), unless capped ("up to 30 bodies"); a toll followed in its sentence by more dead told apart
    ("Twenty people have died, and 48 more deaths are thought to be linked": the part known, set against no
    larger toll); and a count of any measure written "N-plus" or "N plus" ("the 150-plus deaths")."""
    killed = measure == "killed"
    if killed and _of_bodies(quantity) and quantity.qualifier in _FLOOR_OF:
        return replace(quantity, qualifier="at least")
    if quantity.qualifier is None and (
        (killed and _MORE_DEAD_AFTER.search(sentence.text, quantity.end - sentence.start)) or _PLUS.match(quantity.text)
    ):
        return replace(quantity, qualifier="at least")
    return quantity


def _of_bodies(quantity: Quantity) -> bool:
    """True when a count counts bodies: the parse's counted noun or the count's own last word, not a noun
    further on."""
    heads = {w.lower() for w in (quantity.counted or "").split()[-1:] + quantity.text.split()[-1:]}
    return bool(heads & _BODY_NOUNS)


# A count of the dead told as confirmed, by the words right before the number ("have confirmed 20 deaths", "the
# confirmed death toll stands at 16", "three more deaths had been confirmed, bringing the toll to 15") or right after
# it ("17 confirmed deaths", "20 deaths have been confirmed", "12 people were confirmed dead").
_CONFIRMED_BEFORE = re.compile(
    rf"(?:\bconfirm(?:ed|s|ing)?\s+(?:that\s+)?|\bconfirmed,?\s+(?:death\s+)?toll\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:at|to|of|is|was)\s+|\b(?:deaths?|fatalities)\s+(?:[\w-]+\s+){{0,6}}?(?:ha(?:ve|s|d)\s+been|were|was)\s+"
    rf"confirmed,?\s+(?:bringing|taking|raising|pushing)\s+(?:the\s+)?(?:death\s+)?(?:toll|total|number)\s+to\s+)"
    rf"{QUALIFIER_BEFORE}",
    re.IGNORECASE,
)
_CONFIRMED_AFTER = re.compile(
    r"\s+(?:(?:more|additional|new|laboratory|lab)[\s-]+)?confirmed\s+(?:deaths|dead|fatalities)\b"
    r"|\s+(?:deaths|dead|fatalities|people|victims)(?:\s+[\w-]+){0,3}?\s+(?:(?:ha(?:ve|s|d)\s+been|were|was|are|is)\s+)?"
    r"(?:now\s+|officially\s+)?confirmed\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]*\d)")
_NOT_CONFIRMED = re.compile(r"\b(?:not|never|yet\s+to|n['’]t)\s+(?:\w+\s+)?$", re.IGNORECASE)


def told_as_confirmed(text: str, value: float) -> bool:
    """Whether a sentence tells its count ``value`` (written in digits) of the dead as confirmed: "Officials have
    confirmed 20 deaths and are investigating dozens more", "The confirmed death toll stands at 16", "17 confirmed
    deaths". A confirmed count is the part verified so far, at least that many, not a rival of a larger count told
    without the word; not "have not confirmed 20 deaths", nor "403 confirmed cases" (cases, not the dead)."""
    for m in _DIGITS.finditer(text):
        if float(m.group().replace(",", "")) != value:
            continue
        before = _CONFIRMED_BEFORE.search(text, 0, m.start())
        if before is not None and not _NOT_CONFIRMED.search(text, 0, before.start()):
            return True
        if _CONFIRMED_AFTER.match(text, m.end()):
            return True
    return False
