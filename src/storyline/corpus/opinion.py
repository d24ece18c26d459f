"""Tell an opinion piece from a news report: a column that says its views are its writer's own ("The
views expressed are his own", "Any opinions are her own"). Its figures are the writer's argument and,
on a saved page, its readers' replies (a thread with no stamps, which ``doc.clean_comments`` cannot
find): no measured count of the story, and no rival of a report's."""

from __future__ import annotations

import re

from storyline.records import Document

# The disclaimer of a column, by its shape: views or opinions that are someone's own or "solely those of" someone.
_DISCLAIMER = re.compile(
    r"\b(?:views|opinions)\s+(?:expressed\s+(?:(?:in|on)\s+(?:this|the)\s+[\w-]+\s+)?)?(?:are|is)\s+"
    r"(?:(?:solely|entirely|only)\s+)?(?:those\s+of\b|(?:his|her|their|my|the\s+author['’]?s?)\s+own\b)",
    re.IGNORECASE,
)


def is_opinion_piece(doc: Document) -> bool:
    """Whether one of a document's sentences says that the views in it are its writer's own."""
    return any(_DISCLAIMER.search(s.text) for s in doc.sentences)
