"""People counted by the state they are in, for ``quantity_read.noun_after``: "150 dead", "40 wounded", "22 killed",
"120 hurt" count the dead, the wounded, the killed and the hurt; "20 wounded rebels" counts rebels in that state."""

from __future__ import annotations

import re

from storyline.doc.quantity_units import is_counted, words
from storyline.doc.quantity_words import MODIFIER, plural

# a state people are in, counted alone ("150 dead", "40 wounded") or before the people ("20 wounded rebels")
STATES = frozenset(words("dead wounded injured missing displaced"))
# participles that are verbs as often as states: a state only where the clause goes on without an object
VERB_STATES = frozenset(words("killed hurt"))
_TIME_WORDS = r"(?:yesterday|today|overnight|last|this|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
_STATE_END = re.compile(
    r"\s*(?:[,.;:)!?\"”—–-]|$)|\s+(?:and|or|but|in|on|at|by|during|after|before|as|when|while|since|near|across"
    rf"|from|over|so|including|among|amid|with|outside|inside)\b|\s+{_TIME_WORDS}\b"
)
# the plural of a people's name: "Americans", "Ukrainians", "Germans"
DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ian)s$")


def verb_state(text: str, pos: int, word: str) -> tuple[int, str] | None:
    """(``pos``, ``word``) when the participle ``word`` that ends at ``pos``, right after a number, tells the
    state of the people counted: "at least 22 killed and 40 wounded", "10 killed in the shelling", "120 hurt on
    Monday"; None when an object or another word follows, the participle being a verb ("the two killed a guard",
    "slow sales in 2009 hurt profits")."""
    return (pos, word) if word in VERB_STATES and _STATE_END.match(text, pos) else None


def people_in_state(text: str, pos: int, state: str) -> tuple[int, str] | None:
    """The end of the plural noun right after a state word, which the state describes, and the state: "20
    wounded rebels", "30 dead civilians", "321 injured Libyans" are one quantity each. The state stays the
    noun, the measure the figure stages read ("injured", "killed"); the parse's counted phrase names the
    people ("rebel", "dead civilian")."""
    m = MODIFIER.match(text, pos)
    if m is None:
        return None
    raw = m.group(1)
    return (m.end(), state) if is_counted(raw) or plural(raw) or DEMONYM.match(raw) else None
