"""Read the tense of a sentence near a time expression, so weekdays and months go before or after the DCT.

Three tenses: past ("said", "has retaken": the perfect tells what happened), future ("will meet",
"is set to resume", "is expected in") and present ("meet Monday", "is payable Jan. 2", "is held"),
which places a day or month at its occurrence nearest the DCT. The verb group is one cue, so the
participle in "will be held", "has been told" or "is held" does not count on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from storyline.records import Token
from storyline.time.resolve import Tense
from storyline.time.rule_patterns import ascii_safe
from storyline.time.words import trie


class TenseCue(NamedTuple):
    start: int
    end: int
    tense: Tense


_ADVERB_WORDS = r"not|n't|also|still|soon|likely|probably|already|just|now|never|long|yet|since|recently|again"
_ADVERBS = rf"(?:\s+(?i:{_ADVERB_WORDS}))*"
# Between a modal and its verb, and between "be" and a participle after it: those adverbs, "then", "first",
# "later", "almost", "all", "both", "even", "ever", "only" and any "-ly" word that is not a verb ("will then meet",
# "will almost certainly be decided", "will be officially released"), so that the verb is inside the modal's span
# and not read as a present or past cue of its own.
_MODAL_ADVERBS = (
    rf"(?:\s+(?:(?i:{_ADVERB_WORDS}|"
    r"then|first|later|almost|all|both|even|ever|only)|"
    r"(?!(?:apply|reply|supply|comply|imply|multiply|rely|fly|ally|rally|tally|bully|sully)\b)"
    r"[a-z]+ly))*"
)
# The verb group after "to" ("is expected to be finished", "is to be named", "due to be completed"), so that
# its participle is not read as past.
TO_BE = r"(?:(?<=\bbe)\s+[a-z]+\b|\s+(?i:be|have\s+been)\s+[a-z]+\b)?"
# A modal's span runs over its verb group ("will be held"), so the participle in it is not past. "the next day"
# (night, morning) points back to a day named before, in a past narrative as often as not: no future cue, unless
# a span from now ("could be launched in the next day or two"). A present passive of scheduling right before a
# weekday ("A memorial is planned Friday", "The hearing is set for Monday") names a coming day.
_FUTURE_CUES = re.compile(
    # one character class first (every letter a cue starts with, in either case, and the letters (?i)
    # folds to them), so that the search skips ahead fast; the matches are the same
    r"(?=[abdeghinopsuvwABDEGHINOPSUVW'’ſıİ])(?:"
    rf"(?:\b(?i:will|shall|won['’]t)|['’]ll|\b(?i:would|should)(?!\s+have\b)){_MODAL_ADVERBS}(?:\s+(?i:be|have|been){_MODAL_ADVERBS})*\s+[a-z]+\b|"
    r"\b(?i:going\s+to|(?:is|are|was|were|be)\s+(?:expected|scheduled|due|set|slated|poised|supposed)"
    r"\s+(?:to|for|on|in)|(?:is|are)\s+(?:planned|scheduled|set|slated|expected|due)(?=\s+(?:on\s+)?(?-i:"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)|plans?\s+to|planning\s+to|intends?\s+to|(?<!been\s)(?:scheduled|slated)\s+(?:to|for|in)|"
    r"(?<!been\s)(?<!had\s)(?:planned|predicted)\s+for|"
    r"(?<!been\s)set\s+(?:to|for)|"
    r"(?<!than\s)(?<!as\s)(?<!been\s)expected\s+(?:to|in|on|by)|(?<!been\s)supposed\s+to|(?:is|are)\s+to\s+(?!date\b)[a-z]+|"
    rf"upcoming|next(?:(?<!the\snext)|(?!\s+(?:day|night|morning|afternoon|evening)\b)|(?<=[\s(]in\sthe\snext)|"
    rf"(?<=\Ain\sthe\snext)|(?<=within\sthe\snext)|(?<=over\sthe\snext)|(?<=during\sthe\snext)|(?<=for\sthe\snext))|"
    rf"(?:expect(?:s|ing)?|hop(?:es?|ing)|aim(?:s|ing)?|agreed|promised|pledged|vowed|agreement|proposal|offer(?:ed)?|"
    rf"intended|(?:is|are)\s+(?:not\s+)?likely)\s+to(?!\s+(?:the|a|an|its|their|his|her|this|that)\b))\b{TO_BE}|"
    r"['’]ll\b|"
    r"\b(?<!been\s)(?i:due\s+to\s+(?:be|begin|start|open|close|end|meet|resume|return|arrive|leave|expire|take|hold|"
    rf"vote|report|announce|sign|visit|finish|complete|decide|rule|launch|publish|release|give|make|go))\b{TO_BE})"
)
# Past participles: "-ed", "-en", "-wn" and "-ne" words and the common irregular ones.
PARTICIPLE = (
    r"(?:[a-z]+(?:ed|en|wn|ne)|said|told|made|had|met|held|found|left|led|paid|sent|kept|won|lost|got|brought|"
    r"bought|sold|built|thought|begun|run|come|become|struck|fought|caught|taught|sought|spent|put|set|cut|hit|"
    r"let|shut|heard|felt|meant|stood|sat|fled|stuck|hung|dug|laid)\b"
)
# Present forms that are seldom nouns, be and its passive ("is held"), and words that schedule a day.
_PRESENT_CUES = re.compile(
    # the first letters of the words (and those (?i) folds to "i"), so that most positions fail at once
    rf"\b(?=[iIıİaAsmbreoctlhvpfgd])(?:(?i:is|are|am)(?:\s+(?:not|also|still|now|being))*(?:\s+{PARTICIPLE})?|says|say|"
    r"meets?|begins?|remains?|expires?|resumes?|arrives?|opens|closes|ends|starts|takes|holds|returns|"
    r"leaves|visits|plans|faces|goes|comes|does|payable|effective|due(?!\s+to\b))\b"
)
# Have + participle: the perfect, told as past ("has retaken", "have also said").
_PERFECT = re.compile(rf"\b(?=[hH'])(?i:has|have|'ve){_ADVERBS}\s+(?:(?i:been)(?:\s+{PARTICIPLE})?|{PARTICIPLE})")
_PAST_WORDS = frozenset(
    """said was were had been did told ago went came took made met began fled left struck fell rose found held gave
    saw won lost got spoke wrote sent brought became broke caught fought kept led paid ran shot stood threw bought
    sold built thought felt meant spent sought taught grew knew drew flew drove rode chose froze stole woke forgot
    shook swore tore wore hid fed heard sat laid dug hung stuck swung drank rang sang sank swam withdrew overtook
    undertook arose understood forbade slid sped bled lent""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[A-Za-z]{2,}")
# In the lower-cased text, the runs of letters that may be past forms (the tests in ``_past_words`` decide):
# those ending in "ed" and the irregular forms, found by one search instead of a test of every word.
_PAST_CANDIDATE = re.compile(rf"(?<![a-z])(?:[a-z]*ed|{trie(sorted(_PAST_WORDS))})(?![a-z])")
_LOWERED_TO_ASCII = ("İ", "\u212a")  # the only letters that lower-case to ASCII ones ("i̇", the Kelvin sign's "k")
# Any present "-s" verb with a day or month it governs is a present cue, as "meets" and "opens" are
# (``_PRESENT_CUES``): "the council votes Thursday", "the lease runs out at the end of June" take the nearest
# such day or month. (Reading them as future was tried and dropped: photo captions and the historical present,
# "a family walks through the rubble on Thursday", tell the past.) The word before the verb ends its subject,
# so it is not a determiner, preposition, number, possessive ("the company's shares Friday") or past verb
# ("told customers Monday"). A past verb before it ("welcomed the job figures Friday"), between it and the day
# ("officials sent new signals Sunday") or right after the day ("crews Thursday pulled") shows the "-s" word was
# a plural noun. A month with a day after it ("April 20") is left to the other cues.
_DAY_OR_MONTH = re.compile(
    r"\b(?=[MTWFSJAOND])(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|June|July|August|September"
    r"|October|November|December)\b(?!\s*\d)"
)
# The verb and up to eight words between it and the day, searched in the text just before the day.
_S_VERB = re.compile(
    r"(?<!['’])\b(?P<prev>[A-Za-z]+)\s+(?P<verb>[a-z]{2,}[^su'\W]s)\s+(?P<between>(?:[A-Za-z'’-]+\s+){0,8})\Z"
)
# A plain present verb after a plural subject ("Voters go to the polls on Sunday", "The markets open on Monday")
# is a present cue before a weekday, as an "-s" verb is, with the same tests. The subject ends in "-s" (not
# "-ss", "-us"); it is lower-case or opens the sentence, so that names ("Texas", "Jones") stay out. The verb
# is none of the words that follow a plural noun without being its verb (prepositions, determiners,
# auxiliaries, adverbs, pronouns, participles, "-ing" and "-ly" words; "news conference") nor a verb whose past
# is the same ("Scientists put the numbers in play Thursday as they struggled").
_NOT_BARE_VERBS = (
    "the a an of in on at for with by to from and or but nor as than that which who whom whose this these those "
    "its their his her our your my will would shall should could can may might must not also still now then "
    "here there all both each some many more most few last next early late earlier later ago during since until "
    "after before through throughout via near amid despite against under over around across within without into "
    "onto toward towards ahead about above below between among per like unlike were are be been being had did "
    "was is so too very just only even yet again away back up down off out due together along onboard alike aside "
    "abroad apart home what where when how why whether them him it us me you taken given seen known shown done "
    "gone born conference put hit set cut let shut cost hurt quit spread read beat bid cast burst split upset"
)
_BARE_VERB = re.compile(
    r"(?<![\w'’-])(?P<prev>[A-Za-z][a-z]+[^su'\W]s)\s+(?P<verb>(?!(?:{words})\b)[a-z]{{2,}}(?<![s'])(?<!ing)(?<!ly))"
    r"\s+(?P<between>(?:[A-Za-z'’-]+\s+){{0,8}})\Z".format(words="|".join(_NOT_BARE_VERBS.split()))
)
_SENTENCE_OPENS = re.compile(r"(?:\A|[.!?:;]\s+)[\"“(]?\Z")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
# A word after a bare verb that follows a modal or "to" is that verb's object ("will hear arguments Tuesday"):
# no "-s" verb stands there.
_MODAL_BEFORE = re.compile(r"\b(?i:will|would|shall|could|can|may|might|must|to)\s+\Z|['’]ll\s+\Z")
_S_VERB_REACH = 160  # characters before the day that the verb and the words between can take
_NOT_SUBJECT_END = frozenset(
    """the a an its their his her our your my of in on at for with by to from and or but nor new more most other
    some many few several all these those first last next this that which who as than about over after before into
    per two three four five six seven eight nine ten hundred thousand million billion trillion""".split()  # noqa: SIM905
)
_NOT_S_VERBS = frozenset(
    """was has this its his hers ours thus plus does news yes always perhaps sometimes afterwards whereas towards
    besides unless series means years days weeks months hours minutes times""".split()  # noqa: SIM905
)
_S_VERB_GATE = ("day", "uary", "March", "April", "June", "July", "ugust", "mber", "ober")
# The words ``_FUTURE_CUES`` cannot match without, with "is to" and "are to" (``_IS_TO``).
_FUTURE_WORDS = (
    "will", "shall", "won't", "won’t", "'ll", "’ll", "would", "should", "going", "expect", "scheduled", "due", "set",
    "slated", "poised", "supposed", "plan", "predict", "intend", "upcoming", "next", "hope", "hoping", "aim", "agree",
    "promised", "pledged", "vowed", "proposal", "offer", "likely",
)  # fmt: skip
# For a time expression's own reading only (``tense_cues(..., ahead=True)``): a present verb that looks ahead
# ("analysts expect a rebound in January", "forecasts ... in March") and a modal of possibility ("may rise in
# February"; "may have sailed" is past) place a month or quarter after the DCT. They do not make a sentence
# future for narrative dating: "officials said the toll may rise" still tells what was said.
_AHEAD_CUES = re.compile(
    r"\b(?i:expects?|forecasts?|predicts?|anticipates?)\b|\b(?:may|might|must)(?!\s+(?:not\s+)?have\b)\s+(?:not\s+)?[a-z]+\b"
)
_AHEAD_WORDS = ("expect", "forecast", "predict", "anticipate", "may", "might", "must")
_IS_TO = re.compile(r"(?:is|are)\s+to\b")
_NOT_FOLDED = ("ı", "İ", "ſ")
_NOT_PAST = frozenset({"united", "hundred", "red", "bed", "shed", "wed", "armed", "based", "need"})
# A bare verb after these is an infinitive or follows a modal: it shows no tense of its own; and a present form after
# an article or an owner is a noun ("the remains of a school", "its plans", "the ends of the pier").
_NO_TENSE_BEFORE = re.compile(
    r"\b(?i:to|would|could|should|might|must|can|may|did|do|does|not|the|a|an|its|their|his|her|our)\s+$"
)
# An "-ed" word after a determiner is an adjective ("a still unspecified date", "the proposed sale"), and one right
# after "as" a clause without its subject and tense ("the vote will go ahead on Sunday as planned"). Not after
# "that", which mostly opens a relative clause whose verb it is ("the airstrikes that started Saturday").
_DETERMINER_BEFORE = re.compile(r"\b(?i:a|an|the|this|its|their|his|her|our|as)\s+(?:(?i:still|newly|recently)\s+)?$")
# The cue patterns compiled with ``re.ASCII``, for text where they match the same (``ascii_safe``) and run faster.
_ASCII = {
    p: re.compile(p.pattern, re.ASCII) for p in (_FUTURE_CUES, _AHEAD_CUES, _PERFECT, _PRESENT_CUES, _NO_TENSE_BEFORE)
}
_ASCII |= {_DETERMINER_BEFORE: re.compile(_DETERMINER_BEFORE.pattern, re.ASCII)}
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_HAVE = frozenset({"has", "have", "'ve"})
_BE = frozenset({"is", "are", "am", "'re", "'m", "'s"})


def tense_cues(
    text: str, tokens: Sequence[Token] = (), tokens_offset: int = 0, *, ahead: bool = False
) -> list[TenseCue]:
    """Where the text shows past, present or future tense.

    With tokens, past is a VBD/VBN tag, present a VBZ/VBP tag and future a "will"/"shall" modal;
    without, word cues ("said", "was", "-ed" verbs; "is", "says", "meets"; "will", "is expected to",
    "plans to", "next"). Future phrases win over the participles inside them ("is expected to").
    ``ahead`` adds verbs that look ahead and modals of possibility as future (``_AHEAD_CUES``).
    """
    lowered = text.lower()  # the fast tests read the lower-cased text, made once
    folded = any(map(text.__contains__, _NOT_FOLDED))
    plain = ascii_safe(text)
    future = (
        [TenseCue(m.start(), m.end(), "future") for m in _pattern(_FUTURE_CUES, plain).finditer(text)]
        if _may_be_future(text, lowered, folded)
        else []
    )
    if ahead and any(map(lowered.__contains__, _AHEAD_WORDS)):
        future += [TenseCue(m.start(), m.end(), "future") for m in _pattern(_AHEAD_CUES, plain).finditer(text)]
    if future and any(map(lowered.__contains__, _CUT_PLAN_VERBS)):
        future, planned = _split_past_plans(text, future)
    else:
        planned = []
    if tokens:
        future += [
            TenseCue(t.start - tokens_offset, t.end - tokens_offset, "future")
            for t in tokens
            if t.tag == "MD" and t.text.lower() in ("will", "shall", "'ll", "wo")
        ]
        others = _token_cues(tokens, tokens_offset)
    else:
        others = _word_cues(text, lowered, folded, plain)
    if future:  # most sentences have none
        others = [c for c in others if not any(f.start <= c.start < f.end for f in future)]
    return sorted(others + future + planned)


# Past verbs of planning that lead a future cue ("agreed to take", "pledged to rebuild"): the verb is past itself.
_PAST_PLAN_VERBS = ("agreed", "promised", "pledged", "vowed", "offered", "intended")
# ... and their "-ing" forms, which tell no tense: a time before one is told by the clause it follows ("launched the
# mission in March, aiming to protect civilians").
_PLAN_ING_VERBS = ("aiming", "hoping", "expecting")
_CUT_PLAN_VERBS = _PAST_PLAN_VERBS + _PLAN_ING_VERBS


def _split_past_plans(text: str, future: list[TenseCue]) -> tuple[list[TenseCue], list[TenseCue]]:
    """``future`` with each cue led by a verb of planning (``_CUT_PLAN_VERBS``) cut after the verb, and the past ones
    as past cues: a time before the verb is the planning's ("On Sunday, NATO agreed to take command"), one after it
    the plan's."""
    kept: list[TenseCue] = []
    verbs: list[TenseCue] = []
    for cue in future:
        head = text[cue.start : cue.start + 8].lower()
        verb = next((v for v in _CUT_PLAN_VERBS if head.startswith(v)), None)
        if verb is None:
            kept.append(cue)
            continue
        if verb in _PAST_PLAN_VERBS:
            verbs.append(TenseCue(cue.start, cue.start + len(verb), "past"))
        kept.append(TenseCue(cue.start + len(verb), cue.end, "future"))
    return kept, verbs


def _pattern(pattern: re.Pattern[str], plain: bool) -> re.Pattern[str]:
    """``pattern``, or its ``re.ASCII`` twin when ``plain`` (the text is ``ascii_safe``)."""
    return _ASCII[pattern] if plain else pattern


def _may_be_future(text: str, lowered: str | None = None, folded: bool | None = None) -> bool:
    """False when ``_FUTURE_CUES`` cannot match: none of its words is in the text (a fast test).
    ``lowered`` is ``text.lower()`` and ``folded`` whether ``text`` has a letter of ``_NOT_FOLDED``, when known."""
    if any(map(text.__contains__, _NOT_FOLDED)) if folded is None else folded:
        return True  # letters that (?i) matches to ASCII ones and ``str.lower`` does not: search anyway
    lowered = text.lower() if lowered is None else lowered
    return any(map(lowered.__contains__, _FUTURE_WORDS)) or _IS_TO.search(lowered) is not None


def _may_be_perfect(text: str, lowered: str | None = None, folded: bool | None = None) -> bool:
    """False when ``_PERFECT`` cannot match: no "has", "have" or "'ve" in the text (a fast test)."""
    if any(map(text.__contains__, _NOT_FOLDED)) if folded is None else folded:
        return True  # "haſ": search anyway
    lowered = text.lower() if lowered is None else lowered
    return "has" in lowered or "have" in lowered or "'ve" in lowered


def future_or_perfect(text: str) -> bool:
    """Whether ``text`` has a future cue ("will", "going to", "plans to") or a perfect ("has scheduled"): a
    time the sentence tells may then lie after the report, whatever its other verbs' tense."""
    plain = ascii_safe(text)
    if _may_be_future(text) and _pattern(_FUTURE_CUES, plain).search(text):
        return True
    return _may_be_perfect(text) and _pattern(_PERFECT, plain).search(text) is not None


def _word_cues(
    text: str, lowered: str | None = None, folded: bool | None = None, plain: bool = False
) -> list[TenseCue]:
    """``plain``: the text is ``ascii_safe`` (False only costs time)."""
    lowered = text.lower() if lowered is None else lowered
    perfect = (
        [TenseCue(m.start(), m.end(), "past") for m in _pattern(_PERFECT, plain).finditer(text)]
        if _may_be_perfect(text, lowered, folded)
        else []
    )
    no_tense_before = _pattern(_NO_TENSE_BEFORE, plain).search
    present = [
        TenseCue(m.start(), m.end(), "present")
        for m in _pattern(_PRESENT_CUES, plain).finditer(text)
        if not no_tense_before(text, max(0, m.start() - 8), m.start())
    ]
    groups = perfect + present + _s_verb_cues(text, lowered)
    past = [
        TenseCue(start, end, "past")
        for start, end, w in _past_words(text, len(text), lowered)
        if not (groups and any(g.start <= start < g.end for g in groups))
        and not (w.endswith("ed") and _pattern(_DETERMINER_BEFORE, plain).search(text, max(0, start - 16), start))
        and not (text[start - 1 : start] == "-" and _in_compound(text, start))
    ]
    return groups + past


# An "-ed" or irregular past word after a hyphen ends a compound adjective ("the so-called top kill", "a long-awaited
# vote", "Saudi-led strikes"), unless the word before the hyphen is a verb's prefix ("re-elected", "co-founded").
_VERB_PREFIXES = frozenset("re co pre de mis over out under cross double".split())  # noqa: SIM905
_BEFORE_HYPHEN = re.compile(r"([A-Za-z]+)-\Z")


def _in_compound(text: str, start: int) -> bool:
    """Whether the word at ``start``, right after a hyphen, ends a compound adjective (``_VERB_PREFIXES``)."""
    m = _BEFORE_HYPHEN.search(text, max(0, start - 12), start)
    return m is not None and m.group(1).lower() not in _VERB_PREFIXES


def _past_words(text: str, end: int, lowered: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, word) of the past forms (``_is_past``) among the runs of two or more ASCII letters
    of ``text[:end]`` (``lowered`` is ``text.lower()``, when known)."""
    if any(map(text.__contains__, _LOWERED_TO_ASCII)):
        runs = ((m.start(), m.end(), m.group()) for m in _WORD.finditer(text, 0, end))
    else:  # the lower-cased text has the same runs of letters at the same offsets
        lowered = text.lower() if lowered is None else lowered
        runs = ((m.start(), m.end(), text[m.start() : m.end()]) for m in _PAST_CANDIDATE.finditer(lowered, 0, end))
    # the cheap test first: most words neither end in "-ed" nor are irregular past forms
    return [(a, b, w) for a, b, w in runs if (w.endswith("ed") or w.lower() in _PAST_WORDS) and _is_past(w)]


def _s_verb_cues(text: str, lowered: str | None = None) -> list[TenseCue]:
    """Present cues from "-s" verbs a few words before the day or month they govern (``_S_VERB``), and from
    a plural subject's plain present verb before a weekday (``_BARE_VERB``)."""
    if not any(map(text.__contains__, _S_VERB_GATE)):
        return []
    cues: list[TenseCue] = []
    for day in _DAY_OR_MONTH.finditer(text):
        reach = max(0, day.start() - _S_VERB_REACH)
        after = _NEXT_WORD.match(text, day.end())
        if after and _is_past(after.group(1)):
            continue  # "crews Thursday pulled": the word before was a plural noun
        m = _S_VERB.search(text, reach, day.start())
        governs = _governs(text, m, lowered)
        if not governs and day.group().endswith("day"):
            m = _plural_subject(text, reach, day.start())
            governs = _governs(text, m, lowered)
        if governs and m is not None and not (cues and cues[-1].start == m.start("verb")):
            cues.append(TenseCue(m.start("verb"), m.end("verb"), "present"))  # not twice: "in August and September"
    return cues


def _governs(text: str, m: re.Match[str] | None, lowered: str | None) -> bool:
    """Whether the verb ``m`` found (groups "prev", "verb", "between") is a present verb that governs the day
    after it: the word before it ends a subject, and no past verb stands before it or between."""
    return (
        m is not None
        and m.group("prev").lower() not in _NOT_SUBJECT_END
        and not _MODAL_BEFORE.search(text, max(0, m.start("prev") - 8), m.start("prev"))
        and not _is_past(m.group("prev"))
        and not _is_past(m.group("verb"))  # "Officials said voters go ..."
        and m.group("verb") not in _NOT_S_VERBS
        and not any(_is_past(w) or w in ("is", "are") for w in m.group("between").split())
        and not _past_words(text, m.start("verb"), lowered)
    )


def _plural_subject(text: str, reach: int, end: int) -> re.Match[str] | None:
    """A plural subject and its plain present verb before a weekday (``_BARE_VERB``); a capitalised subject
    only where it opens the sentence ("Voters go", not "Texas vote")."""
    m = _BARE_VERB.search(text, reach, end)
    if m is None or m.group("prev").lower() in _NOT_S_VERBS:  # "news conference"
        return None
    if m.group("prev")[0].islower():
        return m
    if m.group("prev").endswith(("as", "is")):  # "Texas", "Paris"
        return None
    return m if _SENTENCE_OPENS.search(text, max(0, m.start() - 4), m.start()) else None


def is_past_form(word: str) -> bool:
    """A past form: a known irregular one ("fled"), or a lower-case "-ed" word ("annexed", not "need")."""
    return _is_past(word)


def _is_past(word: str) -> bool:
    """A past form: a known irregular one, or a lower-case "-ed" word ("agreed" and "need" are not)."""
    if word.lower() in _PAST_WORDS:
        return True
    return len(word) >= 4 and word.endswith("ed") and word[-3] != "e" and word.islower() and word not in _NOT_PAST


def _token_cues(tokens: Sequence[Token], offset: int) -> list[TenseCue]:
    """Cues from Penn tags: have + participle is past, be + participle (the passive) is present."""
    cues: list[TenseCue] = []
    skip: set[int] = set()
    for i, t in enumerate(tokens):
        if i in skip:
            continue
        start, end = t.start - offset, t.end - offset
        if t.tag in ("VBD", "VBN"):
            cues.append(TenseCue(start, end, "past"))
        elif t.tag in _PRESENT_TAGS:
            participle = _participle_after(tokens, i)
            word = t.text.lower()
            if participle is not None and word in _HAVE:
                cues.append(TenseCue(start, tokens[participle].end - offset, "past"))
                skip.add(participle)
            elif participle is not None and word in _BE:
                cues.append(TenseCue(start, tokens[participle].end - offset, "present"))
                skip.add(participle)
            else:
                cues.append(TenseCue(start, end, "present"))
    return cues


def _participle_after(tokens: Sequence[Token], i: int) -> int | None:
    """The index of the VBN that an auxiliary at ``i`` leads ("has not yet been told": "told")."""
    for j in range(i + 1, min(i + 5, len(tokens))):
        tag = tokens[j].tag
        if tag == "VBN":
            return j
        if tag not in ("RB", "VBN") and tokens[j].text.lower() != "been":
            return None
    return None


def tense_at(cues: Sequence[TenseCue], start: int, end: int, default: Tense) -> Tense:
    """The tense of the cue nearest to a span; cues after it count double (the verb usually leads)."""
    best: Tense = default
    best_distance = float("inf")
    for cue in cues:
        if cue.end <= start:
            distance = float(start - cue.end)
        elif cue.start >= end:
            distance = 2.0 * (cue.start - end)
        else:
            continue
        if distance < best_distance:
            best, best_distance = cue.tense, distance
    return best
