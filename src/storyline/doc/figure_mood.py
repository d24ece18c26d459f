"""Tell a figure told as a projection, a condition, a plan or a target ("water could rise 2 metres if
the dam fails", "the toll is expected to reach 50", "plans to send 500 troops", "a worst case of 900
deaths") from a measured one, and a past count told as a possibility, a suspected figure ("may have
killed 90", "could be to blame for 30 more deaths", "40 suspected deaths", "50 are feared dead"), from
the sentence's parse (read once per document by ``doc.digest``).

A projected or suspected figure is no firm point of a series: ``corpus.figures`` keeps it marked, and
``corpus.contradictions`` sets no measured figure against it, nor is it a series' latest figure.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.doc.attribution_tree import Children, children_of
from storyline.records import Quantity, Token

# Modal auxiliaries of possibility or condition ("could reach", "may rise", "would displace").
_MODALS = frozenset({"could", "would", "may", "might"})
# Subordinators of a condition: "if the dam fails", "unless the rain stops".
_CONDITIONS = frozenset({"if", "unless"})
# Verbs whose complement is a forecast, a plan or a target: "is expected to reach", "plans to send",
# "aims to retake", "is set to rise", "was forecast to hit", "is projected to climb".
_PROJECTING_VERBS = frozenset(
    {"expect", "forecast", "project", "predict", "plan", "aim", "intend", "set", "hope", "seek", "target"}
)
# Nouns and modifiers that make their figure a projection: "a forecast of 40", "a projected 200 deaths",
# "a target of 30 percent", "a worst case of 900".
_PROJECTING_NOUNS = frozenset({"forecast", "projection", "prediction", "target", "goal", "scenario"})
_PROJECTING_MODIFIERS = frozenset({"projected", "expected", "forecast", "predicted", "possible", "potential"})
# Verbs whose own object is a forecast: "officials expect 200 deaths", "forecasters predict 30 cm".
_EXPECTING_VERBS = frozenset({"expect", "forecast", "project", "predict"})
_COMPLEMENTS = frozenset({"xcomp", "ccomp"})  # a verb's clause below a projecting verb
# Modifiers of a counted noun that make the count a suspicion: "40 suspected deaths", "200 possible cases";
# only of deaths or cases: "16 suspected gang members were killed" is a firm count of who they may be.
_SUSPECTING_MODIFIERS = frozenset({"suspected", "possible", "probable", "presumed", "unconfirmed"})
_SUSPECTED_NOUNS = frozenset({"death", "case", "fatality", "infection", "casualty", "killing"})
# Words of blame that a modal makes a suspicion about past deaths: "could be to blame for 30 deaths",
# "may be responsible for 12 others", "might be linked to 5".
_BLAMING = frozenset({"blame", "responsible", "link", "tie", "attribute"})
# Verbs whose subject is a suspected count: "50 people are suspected to have died", "12 are feared dead".
_SUSPECTING_VERBS = frozenset({"suspect", "fear"})


def is_projected(tokens: Sequence[Token], quantity: Quantity) -> bool:
    """True when the quantity's clause tells a projection, a condition, a plan or a target, not a
    measured figure: it is inside a condition ("if ...", at any depth); its governing verb has a
    modal ("could") or governs a condition's clause, or hangs on a projecting verb ("expected to",
    "plans to"); or a noun on the way from the number to that verb is one ("a forecast of 40", "a
    worst case of 900"). False without a parse."""
    number = next((i for i, t in enumerate(tokens) if t.start >= quantity.start and t.end <= quantity.end), None)
    if number is None or not all(0 <= t.head < len(tokens) for t in tokens):
        return False
    children = children_of(tokens)  # shared with the attribution layers: read, never changed
    path = _path_to_verb(tokens, number)
    if any(_projecting_noun(tokens, children, i) for i in path[:-1]):
        return True
    if _inside_condition(tokens, children, number):
        return True
    verb = path[-1]
    if tokens[verb].pos not in ("VERB", "AUX"):
        return False
    chain = _verb_chain(tokens, verb)
    if any(_modal_or_condition(tokens, children, v) for v in chain):
        return True
    # "officials expect 200 deaths" (the figure's own verb), "is expected to reach 50" (a verb above it)
    return tokens[verb].lemma.lower() in _EXPECTING_VERBS or any(
        tokens[v].lemma.lower() in _PROJECTING_VERBS for v in chain[1:]
    )


def is_suspected(tokens: Sequence[Token], quantity: Quantity) -> bool:
    """True when the quantity is a past count told as a possibility: a modal of the past on its verb ("may
    have killed up to 90"); a modal with a word of blame ("could be to blame for 30 more deaths", "may be
    responsible for 12 other deaths"); a suspecting verb above it ("50 people are suspected to have died",
    "12 sailors are feared dead"); or its counted noun is "suspected" or "possible" ("40 suspected deaths").
    False without a parse. A suspected figure is no projection (``is_projected`` is not asked)."""
    number = next((i for i, t in enumerate(tokens) if t.start >= quantity.start and t.end <= quantity.end), None)
    if number is None or not all(0 <= t.head < len(tokens) for t in tokens):
        return False
    children = children_of(tokens)
    path = _path_to_verb(tokens, number)
    if any(tokens[c].dep == "amod" and tokens[c].text.lower() in _SUSPECTING_MODIFIERS
           for i in path[:-1] if tokens[i].lemma.lower() in _SUSPECTED_NOUNS
           for c in children.get(i, [])):  # fmt: skip
        return True
    verb = path[-1]
    if tokens[verb].pos not in ("VERB", "AUX"):
        return False
    chain = _verb_chain(tokens, verb)
    if any(tokens[v].lemma.lower() in _SUSPECTING_VERBS for v in chain):
        return True
    modal = [v for v in chain if any(_is_modal(tokens[c]) for c in children.get(v, []))]
    if any(_has_perfect(tokens, children, v) for v in modal):
        return True
    return bool(modal) and any(tokens[i].lemma.lower() in _BLAMING for i in (*path, *chain))


def _is_modal(token: Token) -> bool:
    return token.dep == "aux" and token.text.lower() in _MODALS


def _has_perfect(tokens: Sequence[Token], children: Children, verb: int) -> bool:
    return any(tokens[c].dep == "aux" and tokens[c].lemma.lower() == "have" for c in children.get(verb, []))


def _inside_condition(tokens: Sequence[Token], children: Children, index: int) -> bool:
    """True when a clause above the token, however deep, is a condition: "if floodwater rises above
    9.5 metres at the gate, which is 2 metres above normal" makes both figures thresholds."""
    seen = set()
    while index not in seen:
        seen.add(index)
        if any(tokens[c].dep == "mark" and tokens[c].text.lower() in _CONDITIONS for c in children.get(index, [])):
            return True
        index = tokens[index].head
    return False


def _path_to_verb(tokens: Sequence[Token], index: int) -> list[int]:
    """The number's token and its heads up to the first verb (or the root)."""
    path = [index]
    while tokens[index].pos not in ("VERB", "AUX") and tokens[index].head != index and len(path) <= len(tokens):
        index = tokens[index].head
        path.append(index)
    return path


def _verb_chain(tokens: Sequence[Token], verb: int) -> list[int]:
    """The verb and the verbs above it whose complement it is ("reach" in "is expected to reach": both)."""
    chain = [verb]
    while tokens[chain[-1]].dep in _COMPLEMENTS and tokens[chain[-1]].head != chain[-1] and len(chain) <= len(tokens):
        chain.append(tokens[chain[-1]].head)
    return chain


def _modal_or_condition(tokens: Sequence[Token], children: Children, verb: int) -> bool:
    """True when the verb has a modal of possibility (not of the past: "may have died"), a condition,
    or governs a condition's clause ("if the dam fails, the water will rise 2 metres")."""
    below = children.get(verb, [])
    # "may have died" hedges a figure of the past: a suspected one (``is_suspected``), not a projection
    if not _has_perfect(tokens, children, verb) and any(_is_modal(tokens[c]) for c in below):
        return True
    if any(tokens[c].dep == "mark" and tokens[c].text.lower() in _CONDITIONS for c in below):
        return True
    return any(
        tokens[c].dep == "advcl"
        and any(tokens[m].dep == "mark" and tokens[m].text.lower() in _CONDITIONS for m in children.get(c, []))
        for c in below
    )


def _projecting_noun(tokens: Sequence[Token], children: Children, index: int) -> bool:
    lemma = tokens[index].lemma.lower()
    if lemma in _PROJECTING_NOUNS and tokens[index].pos == "NOUN":
        return True
    below = [tokens[c] for c in children.get(index, [])]
    if lemma == "case" and any(b.lemma.lower() == "bad" or b.text.lower() == "worst" for b in below):
        return True
    return any(b.dep == "amod" and b.text.lower() in _PROJECTING_MODIFIERS for b in below)
