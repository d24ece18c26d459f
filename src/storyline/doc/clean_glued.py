"""Split a headline, kicker, caption or section label that runs into the sentence after it.

Research corpora and copied pages often print the page's furniture and the first sentence on one
line with no stop between them ("Oil spill reaches the coast The slick came ashore on Monday ...",
"WORLD NEWS Quake toll rises Rescuers said ..."), so the sentence splitter makes one sentence of
both. A split replaces the one space between them with a line break: the text keeps its length,
so every offset (and ``Document.text_map``) is unchanged, and ``doc.nlp.paragraphs`` makes a line
without a final stop a paragraph of its own.

A split needs evidence, tried on the first ``TOP_LINES`` lines of the text:

1. the document's title opens the line and more words follow it;
2. a wire or page time stamp stands inside the line ("Harbor Mills | Tue Jun 30, 2031 1:58 pm EDT",
   "Sunday 26 April 2031 18.45 BST", "6 January 2031 Last updated at 01:53 GMT"): split before it,
   and after it unless a dateline follows;
3. an upper-case label opens the line and a capitalised phrase follows it ("WORLD NEWS Quake ...");
4. a sentence opener ("The", "A", "It", "In" ...) is capitalised after a word and followed by a
   lower-case word ("... reaches the coast The slick came ...");
5. a common word of the document is capitalised after a lower-case word and followed by a
   lower-case word, in the first line only ("... toll rises Rescuers said ..."): the word is
   written in lower case elsewhere in the document and never capitalised after a lower-case word.

A capitalised name after a word is never a split ("... met Barack Obama said ..." has no opener),
nor a word after a joining word ("Ministry of Health officials").

Two more rules are in ``clean_glued_body``: 6. an agency dateline after text on its line, in the first
lines, where the body starts after the page's highlights (which are split from each other too); 7. on
any line, "The", "A" or "An" after a lower-case word: a related-story link title glued before a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyline.doc.clean_glued_body import dateline_split, highlight_splits, link_title_splits
from storyline.doc.clean_glued_shapes import (
    OPENERS,
    PAGE_STAMP,
    WIRE_STAMP,
    WORD,
    Words,
    opener_split,
)

TOP_LINES = 5  # the headline, kicker, caption and stamps stand in the first lines (as in doc.metadata)
MAX_HEAD_WORDS = 60  # a split lies within this many words of the line's start

_LINE = re.compile(r"[^\n]+")

# Two or more upper-case words, or one before a sentence opener: "WORLD NEWS Quake ...", "AP The ...";
# not "BBC News online ...".
_OPENER_WORDS = "|".join(sorted(OPENERS))
_CAPS_LABEL = re.compile(
    rf"^(?:(?:[A-Z]{{2,}}[&'’]?[A-Z]* ){{2,4}}(?=[A-Z][a-z]+ [a-z])|[A-Z]{{2,}} (?=(?:{_OPENER_WORDS}) [a-z]))"
)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _title_split(line: str, start: int, title: str | None) -> int | None:
    """The space after the title when the line opens with it and goes on (rule 1)."""
    if not title:
        return None
    norm = _norm(title)
    n_words = len(norm.split())
    tokens = list(WORD.finditer(line))
    if len(tokens) <= n_words or _norm(" ".join(t.group() for t in tokens[:n_words])) != norm:
        return None
    space = tokens[n_words - 1].end()
    return start + space if line[space] == " " and tokens[n_words].start() == space + 1 else None


def _stamp_splits(line: str, start: int) -> Iterator[int]:
    """The spaces before a wire stamp, and before and after a page stamp, inside the line (rule 2)."""
    stamps = [(m, False) for m in WIRE_STAMP.finditer(line)] + [(m, True) for m in PAGE_STAMP.finditer(line)]
    for m, own_line in stamps:
        # not inside a longer stamp: "Page last updated at 08:58 GMT, Thursday, 24 June 2031 09:58 UK"
        if m.start() > 1 and line[m.start() - 1] == " " and line[m.start() - 2] not in "|-–—,":
            yield start + m.start() - 1
        if own_line and line[m.end() : m.end() + 1] == " " and line[m.end() :].strip():
            yield start + m.end()


def line_splits(line: str, start: int, title: str | None, words: Words, first_line: bool) -> list[int]:
    """The offsets (``start`` + index in ``line``) of the spaces to break in one line."""
    found: set[int] = set()
    title_at = _title_split(line, start, title)
    if title_at is not None:
        found.add(title_at)
    found.update(_stamp_splits(line, start))
    label = _CAPS_LABEL.match(line)
    if label is not None and len(label.group().split()) < len(line.split()):
        found.add(start + label.end() - 1)
    tokens = list(WORD.finditer(line))[: MAX_HEAD_WORDS + 1]
    for i in range(1, len(tokens) - 1):
        if line[tokens[i].start() - 1] == " " and opener_split(tokens, i, words, first_line):
            found.add(start + tokens[i].start() - 1)
    return sorted(found)


def glued_splits(text: str, title: str | None = None) -> list[int]:
    """The offsets of the spaces in ``text`` that stand between a glued headline, label, highlight or
    link title and the sentence after it; each is a single space, replaced by a line break."""
    words = Words(text)
    out: list[int] = []
    lines = list(_LINE.finditer(text))
    for n, m in enumerate(lines):
        out.extend(link_title_splits(m.group(), m.start(), words))
        if n >= TOP_LINES or not m.group().strip():
            continue
        out.extend(line_splits(m.group(), m.start(), title, words, first_line=n == 0))
        at = dateline_split(m.group())
        if at is not None:
            out.append(m.start() + at)
            out.extend(highlight_splits(lines[: n + 1], m.start() + at, words))
    return sorted(set(out))


def unglue(text: str, title: str | None = None) -> str:
    """``text`` with each glued headline, label, highlight or link title on a line of its own; same length,
    same offsets."""
    chars = list(text)
    for at in glued_splits(text, title):
        chars[at] = "\n"
    return "".join(chars)
