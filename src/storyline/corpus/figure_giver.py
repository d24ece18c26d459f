"""Who gave a figure that a sentence cites in a relative clause after it.

"That is below the 480 hectares that the harbour board gave on Monday" cites the harbour board's
figure: the board gave it, whoever speaks in the sentence. The figures stage takes this giver as the
point's ``attributed_to`` ahead of the sentence's speaker.
"""

from __future__ import annotations

import re

from storyline.records import Quantity, Sentence

_GIVING = (
    r"(?:gave|given|put|reported|cited|announced|estimated|published|released|issued|quoted|offered|provided|"
    r"stated|claimed|gives|puts|reports|cites|estimates)"
)
# After the figure: an optional conversion in brackets, then "that/which <giver> [had] <verb of giving>".
_GIVEN_BY = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:that|which)\s+(?P<who>[A-Za-z][\w’'.-]*(?:\s+[\w’'.-]+){0,5}?)\s+"
    rf"(?:had\s+|have\s+|has\s+|were\s+|was\s+)?(?:first\s+|earlier\s+|previously\s+)?{_GIVING}\b"
)
_NOT_A_GIVER = re.compile(r"^(?:it|we|i|you|they|he|she|this|that|there|who)$", re.I)


def relative_giver(sentence: Sentence, quantity: Quantity) -> str | None:
    """The giver named in a relative clause right after the figure ("that Ukrainian officials gave"),
    else None; a pronoun is no giver (the sentence's speaker is then the better guess)."""
    match = _GIVEN_BY.match(sentence.text[max(quantity.end - sentence.start, 0) :])
    if match is None or _NOT_A_GIVER.match(match.group("who")):
        return None
    return re.sub(r"^The (?=[a-z])", "the ", match.group("who"))
