"""Tell a figure a sentence only supposes from one it reports: a figure of a condition contrary to fact ("if the
agency had put the flow at 20,000 barrels a day, the press would have ...") or given as an example ("a range --
say 2,000 to 20,000 barrels a day"). A supposed figure is no point of a series: nothing says it was ever told.

This reads the words only, so it also reaches the documents a store holds already digested (``doc.figure_mood``
reads the parse, once per document, for projections and suspicions).
"""

from __future__ import annotations

import re

from storyline.records import Quantity, Sentence

# A condition contrary to fact: "if" and a past perfect in its clause ("if the agency had released",
# "if they hadn't capped it"), or the inverted "had the agency released".
_COUNTERFACTUAL_IF = re.compile(
    r"\bif\s+(?:[^\W\d][\w'’.-]*\s+){0,5}?(?:had|hadn['’]t)\s+(?:(?:not|never|only|already)\s+)?[a-z]+(?:ed|en|wn|t)\b"
    r"|(?:^|[,;]\s*)[\W_]*had\s+(?:the|a|an|its|their|they|we|he|she|it|I)\s+(?:[\w'’-]+\s+){0,3}?[a-z]+(?:ed|en|wn)\b",
    re.IGNORECASE,
)
# Its consequence, told with a modal perfect: "would have gravitated", "could have been", "might not have".
_MODAL_PERFECT = re.compile(r"\b(?:would|could|might)(?:\s+not|n['’]t)?\s+have\b", re.IGNORECASE)
# A figure given as an example, right after "say" set off by a dash, a comma or a bracket: "-- say 3,000".
_EXAMPLE_BEFORE = re.compile(r"(?:--|[—–,(])\s*say,?\s+(?:(?:about|around|some|roughly|up\s+to)\s+)?\$?$", re.I)


def supposed(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a figure is only supposed: an example ("-- say 3,000"), or told after the condition of a sentence
    contrary to fact, whose consequence is a modal perfect ("If the agency had released 20,000, the press would
    have quoted it": no 20,000 was released)."""
    start = quantity.start - sentence.start
    if _EXAMPLE_BEFORE.search(sentence.text, 0, start):
        return True
    condition = _COUNTERFACTUAL_IF.search(sentence.text)
    return condition is not None and condition.start() < start and _MODAL_PERFECT.search(sentence.text) is not None
