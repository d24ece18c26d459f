"""Put a denial that names a figure in the event of a claim telling that figure, when the clustering kept them apart.

"Reports say about 75% of the oil is taken care of and that is just not true" rejects a claim by its figure:
"Officials said about 75% of the oil had been captured". The events stage clusters the two apart (the
denial's other words are not the claim's), so the contradictions stage, which pairs within an event, never
sets them against each other. Word overlap cannot join such a denial across events (its words meet too many
lines of a story), but a figure with the noun it counts, written the same way, is rare enough:

  1. the figures a denial rejects are those of what it denies (``denial_content.denied_object``), before a
     clause giving the denier's own ("..., claiming that three-quarters remain"), or, for a quotation calling
     something untrue that points back ("... and that is just not true"), those of the words before it;
  2. a denial with such a figure and no claim of its own event it may answer (``denial_answers.may_answer``
     and ``denial_content.answers_content``) moves to the event of the best claim (``answer_rank``) of
     another event that tells the same figure of the same noun, that it may answer, not dated after it (a
     denial answers what was said before it), when the hard rules of one event (``fits``) let it join.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import takewhile

from storyline.corpus.deeds import ASSERTING, Deed, MentionKey
from storyline.corpus.denial_answers import answer_rank, key_of, may_answer
from storyline.corpus.denial_content import DENIAL_VERB, NO_CONTENT, answers_content, denied_object
from storyline.doc.attribution_cues import UNTRUE
from storyline.records import DocumentId, IsoDate, Mention
from storyline.time.iso_dates import period

# A figure that is rare in a story's lines, with the noun it counts: "75% of the oil", "10,000 barrels",
# "three-quarters of the oil". Small counts ("11 workers") and years are common: they are left out.
_FIGURE = re.compile(
    r"(?<![\w.,])(?P<number>\d+(?:\.\d+)?\s*(?:%|per\s*cent\b|percent\b)|\d{1,3}(?:,\d{3})+(?![\d,])"
    r"|(?:one|two|three)[- ]quarters?|(?:one|a)[- ](?:half|third))"
    r"(?P<after>(?:\s+[A-Za-z][\w'’-]*){0,4})",
    re.IGNORECASE,
)
_NOUN_WORDS = 3  # the words after a figure, past "of the", among which is the noun it counts
_LINKS = frozenset({"of", "the", "its", "their", "a", "an"})

# A clause giving the denier's own view after what is denied: ", claiming that ...", ", saying ...".
_OWN_VIEW = re.compile(
    r",?\s+(?:claiming|saying|arguing|insisting|suggesting|releasing|noting|adding|estimating|putting)\b", re.I
)

Figure = tuple[str, str]  # the number as written, lower case and without spaces, and a word of the noun it counts


def told_figures(text: str) -> frozenset[Figure]:
    """The figures a text tells, each with the words of the noun it counts: "about 75% of the spilled oil" ->
    ("75%", "spilled"), ("75%", "oil"); the noun ends at a word of no content ("oil had been" -> "oil")."""
    found: set[Figure] = set()
    for m in _FIGURE.finditer(text):
        number = re.sub(r"[\s-]+", "", m.group("number").lower())
        words = [w.lower() for w in m.group("after").split()]
        while words and words[0] in _LINKS:
            words.pop(0)
        noun = list(takewhile(lambda w: w not in NO_CONTENT, words[:_NOUN_WORDS]))  # "oil had been": "oil"
        found.update((number, w) for w in noun if len(w) > 2)
    return frozenset(found)


def denied_figures(text: str) -> frozenset[Figure]:
    """The figures of what a denial rejects (stage 1 of the module docstring)."""
    if DENIAL_VERB.search(text) is None:
        untrue = UNTRUE.search(text)
        return told_figures(text[: untrue.start()]) if untrue is not None else frozenset()
    rest = denied_object(text) or ""
    own = _OWN_VIEW.search(rest)
    return told_figures(rest[: own.start()] if own else rest)


def not_after(claim: IsoDate | None, denial: IsoDate | None) -> bool:
    """A claim's date does not start after its denial's ends (a month or a year read as its span,
    ``iso_dates.period``, so a day is compared with a month at the month); unknown fits."""
    a, b = period(claim), period(denial)
    return a is None or b is None or a[0] <= b[1]


def answer_by_figure(
    groups: Sequence[Sequence[int]],
    mentions: Sequence[Mention],
    deeds: Mapping[MentionKey, Deed],
    outlets: Mapping[DocumentId, str],
    derived: AbstractSet[DocumentId],
    common: AbstractSet[str],
    fits: Callable[[int, Sequence[int]], bool],
) -> list[list[int]]:
    """The groups of mention indexes, with each denial naming a figure and answering no claim of its own group
    moved to the group of the best claim telling that figure (stage 2 of the module docstring)."""
    out = [list(g) for g in groups]
    owner = {i: k for k, g in enumerate(out) for i in g}
    telling: dict[Figure, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.status in ASSERTING:
            for figure in told_figures(m.text):
                telling.setdefault(figure, []).append(i)
    for i, d in enumerate(mentions):
        figures = denied_figures(d.text) if d.status == "denied" else frozenset()
        if not figures or any(answers_claim(d, mentions[j], deeds, outlets, common) for j in out[owner[i]] if j != i):
            continue
        pool = {j for f in figures for j in telling.get(f, ()) if owner[j] != owner[i]}
        options = [
            j
            for j in pool
            if not_after(mentions[j].date, d.date) and answers_claim(d, mentions[j], deeds, outlets, common)
        ]
        ranked = sorted(options, key=lambda j: (answer_rank(d, mentions[j], mentions[j].document in derived), j))
        target = next((j for j in ranked if fits(i, out[owner[j]])), None)
        if target is not None:
            out[owner[i]].remove(i)
            out[owner[target]].append(i)
            owner[i] = owner[target]
    return [sorted(g) for g in out if g]


def answers_claim(
    denial: Mention,
    claim: Mention,
    deeds: Mapping[MentionKey, Deed],
    outlets: Mapping[DocumentId, str],
    common: AbstractSet[str],
) -> bool:
    """Whether a denial may answer a claim and the claim says what it denies, as the contradictions stage reads
    them (a quotation calling what it points back to untrue, "... and that is just not true", says nothing more)."""
    return (
        key_of(claim) != key_of(denial)
        and may_answer(denial, claim, deeds, outlets)
        and answers_content(denial, claim, common)
    )
