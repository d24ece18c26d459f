"""Tell an opinion piece from a news report: a column that says its views are its writer's own ("The
views expressed are his own", "Any opinions are her own"). Its figures are the writer's argument and,
on a saved page, its readers' replies (a thread with no stamps, which ``doc.clean_comments`` cannot
find): no measured count of the story, and no rival of a report's. So are the lines of a page after it
says that its readers' views follow ("A selection of your comments appear below")."""

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


_READERS = (
    r"(?:your|readers['’]?|our\s+readers['’]?)\s+(?:views|comments|e-?mails|letters|reactions|responses|opinions)"
)
# A line saying that readers' views follow or will be printed: "A selection of your comments appear below", "Below is
# a selection of your comments", "We will aim to publish as many of your views as we can". Not a thanks, a call or a
# form's notice ("Thanks for your comments", "Send us your views", "A selection of your comments may be published"),
# which a report may close on, nor a live page's promise of "some of your e-mails" among its news.
_READERS_FOLLOW = re.compile(
    rf"\b(?:a\s+selection|some)\s+of\s+{_READERS}(?:\s+[\w-]+){{0,4}}?\s+(?:appears?|is|are|follows?)\s+below\b"
    rf"|\b(?:below|here)\s+(?:is|are)\s+(?:a\s+selection|some)\s+of\s+{_READERS}\b"
    rf"|\b(?:publish|print|post)\w*\s+(?:as\s+many|the\s+best|a\s+selection)\s+of\s+{_READERS}\b(?!\s+(?:may|might|will\s+be)\b)",
    re.IGNORECASE,
)


def readers_from(doc: Document) -> int | None:
    """The index of the first sentence after the line where a page says its readers' views follow ("A selection
    of your comments appear below", "We will publish as many of your views as we can"): from there its lines are
    readers' replies, whose figures are no measured count of the story. None when no line says so. A report
    that closes on a form's notice ("A selection of your comments may be published") has no reply after it."""
    line = next((s.index for s in doc.sentences if _READERS_FOLLOW.search(s.text)), None)
    return None if line is None else line + 1
