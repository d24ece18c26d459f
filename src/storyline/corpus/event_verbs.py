"""Whether two mentions tell one happening by the meaning of their verbs, when their sentences are
too unlike to join on similarity alone: "The minister would travel to Port Amber on Monday to meet
fishers" (announced) and "The minister toured the flooded harbour on Monday and promised aid"
(reported) are one visit, yet far apart as sentences.

Two mentions are one happening by this rule when both are dated by their own words to the same day
(not a borrowed date), their main verbs (``Sentence.happenings``, read from the parse by
``doc.happenings``) have the same named actor, and the verbs are of one kind in ``VERB_KINDS``: a
movement to a place (travel, visit, tour), a meeting (meet, talk), an act of office (approve, sign,
declare). The events stage still vetoes disjoint places and asks for at least
``events.same_verb_cosine``. A meeting is not a visit: "The minister met the governor on Monday" does
not join the minister's tour of that Monday (a different kind), unless the sentences are similar
enough to join anyway.

Two mentions are also one happening by their verbs when both are dated by their own words to the
same day and their main verbs are one verb done to one thing (the lemma of the object's head): "The
WHO raised its alert level on Wednesday" and "the world is at the brink, raising its threat level"
(told on Wednesday); their actors must not be two different names (one may be unnamed). Light verbs
("have", "make", "take") tell no happening by their object. "Closed the bridge" and "closed the
school" of one day are two happenings.

The kinds are a small table, not the nearness of verb vectors: the input word-piece vectors of
all-MiniLM-L6-v2 (``doc.attribution_meaning``) put "visit" nearer "meet" (0.26) than "tour" is to
"travel" (0.23), and "go" as near "say" (0.25) as to "fly" (0.26), so no bar on them separates a
visit from a meeting. A table is short, readable and wrong only by omission: a verb not in it never
joins by this rule.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence

import numpy as np

from storyline.config import EventsConfig
from storyline.corpus.event_search import Pairs, Vectors
from storyline.records import Happening, IsoDate, Sentence

# Each kind of happening and the verb lemmas that tell it. A verb is in one kind only.
VERB_KINDS: dict[str, frozenset[str]] = {
    "movement": frozenset({"travel", "visit", "tour", "arrive", "fly", "land", "return", "inspect", "survey"}),
    "meeting": frozenset({"meet", "talk", "confer", "negotiate", "host"}),
    "act": frozenset({"approve", "sign", "declare", "issue", "order", "veto", "enact", "decree", "authorize"}),
}
_KIND_OF: dict[str, str] = {verb: kind for kind, verbs in VERB_KINDS.items() for verb in verbs}

# (day, actor, kind): what two mentions must share to join by this rule.
VerbKey = tuple[IsoDate, str, str]
# (day, verb, object, actor or ""): one verb done to one thing on one day, by a compatible actor.
ActKey = tuple[IsoDate, str, str, str]
# Verbs whose object does not tell a happening: "had talks", "made a decision", "took a step".
LIGHT_VERBS = frozenset({"be", "have", "do", "make", "take", "get", "give", "see", "show", "include", "need"})


def verb_kind(lemma: str) -> str | None:
    """The kind of happening a verb lemma tells, or None when it is not in ``VERB_KINDS``."""
    return _KIND_OF.get(lemma.lower())


def main_happening(sentence: Sentence, start: int = 0, end: int | None = None) -> Happening | None:
    """The first happening of the sentence whose verb lies in ``start:end`` of its text (a clause),
    by default the sentence's main one."""
    stop = len(sentence.text) if end is None else end
    return next((h for h in sentence.happenings if start <= h.offset < stop), None)


def verb_key(happening: Happening | None, date: IsoDate | None, borrowed: bool) -> VerbKey | None:
    """What a mention must share with another to join by this rule: its own date of a day, its main
    verb's named actor and the verb's kind; None when any is missing."""
    if happening is None or happening.actor is None or date is None or borrowed or len(date) != 10:
        return None
    kind = verb_kind(happening.verb)
    return None if kind is None else (date, happening.actor, kind)


def act_key(happening: Happening | None, date: IsoDate | None, borrowed: bool) -> ActKey | None:
    """What a mention must share with another to be one verb done to one thing: its own date of a day,
    its main verb (not a light verb), the head of its object and its actor (or ""); None when any but
    the actor is missing."""
    if happening is None or happening.obj is None or date is None or borrowed or len(date) != 10:
        return None
    if happening.verb in LIGHT_VERBS:
        return None
    return (date, happening.verb, happening.obj, happening.actor or "")


def same_act(a: ActKey | None, b: ActKey | None) -> bool:
    """One verb done to one thing on one day, by one named actor or where one actor is unnamed."""
    if a is None or b is None or a[:3] != b[:3]:
        return False
    return a[3] == b[3] or not a[3] or not b[3]


def one_happening(a: VerbKey | None, b: VerbKey | None) -> bool:
    """Two mentions tell one happening by their verbs: the same day, actor and kind of verb."""
    return a is not None and a == b


def same_key_pairs(keys: Sequence[Hashable | None], limit: int = 64) -> Iterator[tuple[int, int]]:
    """Pairs i < j of rows with one key (``verb_key``), group by group, each row with at most ``limit``
    rows after it in its group, so that the work stays linear when many rows share one."""
    groups: dict[Hashable, list[int]] = {}
    for row, key in enumerate(keys):
        if key is not None:
            groups.setdefault(key, []).append(row)
    for rows in groups.values():
        for x, i in enumerate(rows):
            for j in rows[x + 1 : x + 1 + limit]:
                yield i, j


def same_act_pairs(keys: Sequence[ActKey | None], limit: int = 64) -> Iterator[tuple[int, int]]:
    """Pairs i < j of rows that are ``same_act``, by the same groups as ``same_key_pairs``."""
    by_act = [None if k is None else k[:3] for k in keys]
    for i, j in same_key_pairs(by_act, limit):
        if same_act(keys[i], keys[j]):
            yield i, j


def with_verb_pairs(
    keys: Sequence[VerbKey | None],
    vectors: Vectors,
    pairs: Pairs,
    config: EventsConfig,
    acts: Sequence[ActKey | None] = (),
) -> Pairs:
    """``pairs`` (``events.ranked_pairs``) with the pairs of rows with one ``verb_key`` (``keys``, by row)
    or that are ``same_act`` (``acts``, by row) below the similarity bar and at least ``same_verb_cosine``,
    in the same order (most similar first)."""
    candidates = list(dict.fromkeys([*same_key_pairs(keys), *same_act_pairs(acts)]))
    if not candidates:  # most stories: no set of the search's pairs (millions at 100k reports)
        return pairs
    seen = set(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True))
    extra = [(i, j) for i, j in candidates if (i, j) not in seen]
    if not extra:
        return pairs
    left, right = np.array([i for i, _ in extra], np.int64), np.array([j for _, j in extra], np.int64)
    cosines = np.einsum("ij,ij->i", vectors[left], vectors[right]).astype(np.float32)
    keep = cosines.astype(np.float64) >= config.same_verb_cosine
    added = Pairs(cosines[keep], left[keep], right[keep])
    both = Pairs.concat([pairs, added])
    return both.select(np.lexsort((both.right, both.left, -both.cosines)))
