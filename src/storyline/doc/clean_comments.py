"""Reader-comment threads printed after a report: where one starts, so that the ``clean`` stage
removes it, from that line to the end of the text.

A thread is recognised by its comment stamps, by their shape and never by a site's wording: a
signature that follows each comment (a date and clock time or "3 hours ago" before a bar or dash and
a control word, "March 4, 2031 at 6:12 pm | Reply", "Mar 04, 2031 6:19 pm EST -- Report as abuse";
"Posted by: name | ... | Report abuse"), or a heading that opens it ("At 2:10 pm on 04 Mar 2031,
name wrote:"). A signature follows its comment, so the first comment's own lines stand before the
first stamp with nothing to mark where they begin; the cut starts at the nearest boundary above:
a thread heading ("Leave a comment", "... in the comments section below", "We want to hear from
you."), or the line after the
report's closing formula ("X contributed to this report.", "The views expressed ... are solely those
of X.", a blog post's "By X | date; time ET"), or, within ``FIRST_COMMENT_LINES`` lines of the first
stamp, the line after the report's question to its readers ("Who do you agree with?", "Are you
affected by the closures?" and the questions right after it): the first comment stands between the
report's call for comments and its stamp. Without any of these it starts at the first stamp's line,
and the lines of the first comment above it are kept: the cut never guesses into the report.
HTML pages are read by trafilatura without their comments (``include_comments=False``); this finds
the threads that saved and copied text keeps as lines.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# "March 4, 2031", "4 March 2031", "04 Mar 2031", "26th Apr 2031", "3/4/2031"
_DATE = (
    rf"(?:{_MONTH}[^\S\n]+\d{{1,2}}(?:st|nd|rd|th)?,?[^\S\n]+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?[^\S\n]+{_MONTH},?[^\S\n]+\d{{4}}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})"
)
_CLOCK = r"\d{1,2}[:.]\d\d(?:[^\S\n]*[ap]\.?m\.?)?(?:[^\S\n]+(?:[ECMP][SD]?T|GMT|UTC|BST))?"
_AGO = r"(?:\d+|an?|one)[^\S\n]+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)[^\S\n]+ago"
_CONTROL = r"(?:reply|report(?:[^\S\n]+as)?[^\S\n]+abus(?:e|ive)|report|flag|like|recommend|permalink)\b"
_BAR = r"[^\S\n]*(?:\||--?|–|—)[^\S\n]*"

# A signature after its comment: a full date and clock time, then a bar; or a relative time, a bar
# and a control word; or a wire site's "... EST -- Report as abuse".
_SIGNATURE = re.compile(
    rf"\b{_DATE},?[^\S\n]+(?:at[^\S\n]+)?{_CLOCK}[^\S\n]*\|"
    rf"|\b{_DATE},?[^\S\n]+{_CLOCK}{_BAR}report(?:[^\S\n]+as)?[^\S\n]+abus"
    rf"|\b{_AGO}{_BAR}{_CONTROL}"
    rf"|\bposted[^\S\n]+by:?[^\S\n]+[^|\n]{{1,60}}\|(?:[^|\n]{{1,40}}\|)?[^\S\n]*{_CONTROL}",
    re.I,
)
# A heading before its comment: "At 2:10 pm on 04 Mar 2031, gullwing77 wrote:".
_HEADING_STAMP = re.compile(
    rf"\bAt[^\S\n]+{_CLOCK}[^\S\n]+(?:on[^\S\n]+)?{_DATE},[^\S\n]+"
    r"[\w.@-]{1,40}(?:[^\S\n][\w.@-]{1,20})?[^\S\n]+wrote:"
)

# A line that introduces a thread below it (the cut starts at it).
_THREAD_HEADING = re.compile(
    r"^\W*(?:(?:leave|post|add|write|submit)[^\S\n]+(?:a|your)[^\S\n]+(?:comment|reply)"
    r"|join[^\S\n]+the[^\S\n]+(?:discussion|conversation|debate)"
    r"|(?:showing|view(?:ing)?)[^\S\n]+(?:all[^\S\n]+)?\d+[^\S\n]+(?:of[^\S\n]+\d+[^\S\n]+)?comments"
    r"|\d+[^\S\n]+(?:responses|replies|comments)[^\S\n]+to\b"
    r"|sort[^\S\n]+(?:comments[^\S\n]+)?by:?[^\S\n]+(?:newest|oldest|best|top|most)"
    r"|(?:reader|readers'?|your)[^\S\n]+comments:?[^\S\n]*$"
    r"|comments:?[^\S\n]*$"
    r"|(?:we|we'd)[^\S\n]+(?:want|like|love)[^\S\n]+to[^\S\n]+hear[^\S\n]+from[^\S\n]+you"
    r"|(?:tell|let)[^\S\n]+us[^\S\n]+(?:know[^\S\n]+)?what[^\S\n]+you[^\S\n]+think"
    r"|(?:share|leave|post)[^\S\n]+your[^\S\n]+(?:thoughts|views|comments|opinions?)"
    r"|have[^\S\n]+your[^\S\n]+say\b"
    r"|here(?:['’]?s|[^\S\n]+s|[^\S\n]+is)[^\S\n]+(?:my|our|today'?s)[^\S\n]+question[^\S\n]+(?:to|for)[^\S\n]+you)"
    r"|\bcomments?[^\S\n]+(?:section[^\S\n]+)?below\b|\b(?:comments|views)[^\S\n]+(?:appears?|are[^\S\n]+(?:shown|published))[^\S\n]+below\b",
    re.I,
)
# A report's closing formula: the thread, if any, starts on the next line.
_CLOSING = re.compile(
    r"\bcontributed[^\S\n]+to[^\S\n]+this[^\S\n]+(?:report|story|article)\b"
    r"|\b(?:views|opinions)[^\S\n]+expressed[^\S\n]+(?:in[^\S\n]+this[^\S\n]+\w+[^\S\n]+)?are[^\S\n]+(?:solely[^\S\n]+)?(?:those[^\S\n]+of|his|her|their)"
    r"|\breprinted[^\S\n]+with[^\S\n]+(?:the[^\S\n]+)?permission\b"
    r"|^\W{0,2}\([^\S\n]*(?:additional[^\S\n]+)?(?:reporting|writing|editing)[^\S\n]+by\b"
    rf"|^[^\S\n]*By[^\S\n]+[^|\n]{{2,80}}\|[^\S\n]*{_DATE};?[^\S\n]+{_CLOCK}",
    re.I,
)
# The report's own question to its readers, the end of a call for comments: a line that asks "you"
# from its first words ("Who do you agree with?", "Are you affected by the closures?", "If you live
# there, have you seen the water rise?") and ends with "?", not a quotation ("“Are you ready?”").
_ASKS_YOU = (
    r"(?:(?:who|what|which|how|where|why|when)[^\S\n]+)?"
    r"(?:do|did|are|were|have|would|will|can|could|should)[^\S\n]+you\b"
)
_READER_QUESTION = re.compile(
    rf"^[^\S\n]*(?:if[^\S\n]+you[^“”\"\n,]{{1,80}},[^\S\n]*)?{_ASKS_YOU}[^“”\"\n]*\?[^\S\n]*$", re.I
)
_QUESTION = re.compile(r"^[^“”\"\n]*\b(?:you|your)\b[^“”\"\n]*\?[^\S\n]*$", re.I)
_QUESTION = re.compile(r"\?[^\S\n]*$")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")

# How far above the first stamp a heading or closing formula is looked for, in lines.
LOOK_BACK = 40
# How far above the first stamp a question to the readers is looked for: the first comment's lines.
FIRST_COMMENT_LINES = 12


def first_stamp(text: str) -> tuple[int, bool] | None:
    """The offset of the first comment stamp in ``text`` and whether it heads its comment, or None."""
    found = [(m.start(), False) for m in [_SIGNATURE.search(text)] if m]
    found += [(m.start(), True) for m in [_HEADING_STAMP.search(text)] if m]
    return min(found) if found else None


def thread_start(text: str) -> int | None:
    """The offset of the line where a reader-comment thread starts in ``text``, or None when there is none."""
    stamp = first_stamp(text)
    if stamp is None:
        return None
    offset, heads = stamp
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text)]
    at = max(i for i, (start, _) in enumerate(lines) if start <= offset)
    for i in range(at - 1, max(-1, at - 1 - (FIRST_COMMENT_LINES if heads else LOOK_BACK)), -1):
        start, line = lines[i]
        if at - i <= FIRST_COMMENT_LINES and _READER_QUESTION.match(line):
            return lines[_after_questions(lines, i, at)][0]
        if heads:
            continue  # a heading stamp opens its comment: only a question to the readers goes above it
        if _THREAD_HEADING.search(line):
            return start
        if _CLOSING.search(line):
            return lines[i + 1][0]
    return lines[at][0]


def _after_questions(lines: list[tuple[int, str]], i: int, at: int) -> int:
    """The line after the question to the readers at ``i`` and the questions right after it
    ("What do you think of the plan?" / "What should the council do next?"), never past the stamp's."""
    j = i + 1
    while j < at and _QUESTION.search(lines[j][1]):
        j += 1
    return j
