"""Verbs that frame a quotation they follow, whatever the verb: "“Go home,” Roe barked", "“Fine!” beamed
Ann Roe", "“We won,” the coach, grinning, exclaimed".

The cue lists name the usual verbs of saying; a writer who closes a quotation with a comma (or "!", "?",
a dash) and goes on with a short subject and a verb uses that verb as the cue, whatever it is ("joked",
"beamed", "riffed", "elaborated"), and PolNeAR marks it so. The subject is read from the parse (the
verb's nominal subject right after the quotation) or, where the small model misreads the frame
("Roe" as a compound of "barked"), from the words: a short noun phrase and a finite verb, or the verb
and then the noun phrase. The quotation is the content. A quotation after the verb ("Roe said, “...”")
is left to the lists: as a frame it is as often a quoted object ("has “several ways”"), which names
no speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.doc.attribution_tree import Children, children_of, extent
from storyline.records import Attribution, Sentence, Token

Span = tuple[int, int]

_NOUN_PHRASE = frozenset({"DET", "PROPN", "NOUN", "PRON", "ADJ", "NUM"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})  # "barked", "jokes": not "barking" nor "barked" as a participle
_AFTER_VERB = frozenset({"PUNCT", "CCONJ", "ADP"})  # the frame ends there: "Roe barked.", "Roe joked to ..."
_CLOSING = ",!?—–-"  # a quotation that hands over to its frame closes with one of these
_MAX_PHRASE = 6
_ACTOR_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})
_RELATIVE = frozenset({"WDT", "WP", "WP$"})  # "which", "who", "whose": a relative clause, not a speaker


def _hands_over(text: str, quote: Span) -> bool:
    """Whether the quotation ``quote`` (local offsets, marks included) closes with a comma, "!", "?" or a
    dash, inside its marks or right after them: the sentence goes on with who said it."""
    inner = text[quote[0] : quote[1]].rstrip("”\"' ")
    return inner[-1:] in _CLOSING or text[quote[1] : quote[1] + 1] == ","


def _phrase_end(tokens: Sequence[Token], k: int) -> int | None:
    """The end of a short noun phrase that starts at word ``k`` ("the judge", "Ann Roe"), or None."""
    m = k
    while m < len(tokens) and tokens[m].pos in _NOUN_PHRASE and m - k < _MAX_PHRASE:
        m += 1
    if m == k or any(tokens[q].tag in _RELATIVE for q in range(k, m)):
        return None  # "“Twin Peaks,” the series that went off the air": a title and its relative clause
    return m if _speaks(tokens[m - 1]) else None


def _finite_verb(tok: Token) -> bool:
    return tok.pos == "VERB" and tok.tag in _FINITE


def _parsed_frame(tokens: tuple[Token, ...], children: Children, k: int) -> tuple[int, Span] | None:
    """The verb whose nominal subject opens at word ``k`` (adverbs may stand between them), and the
    subject's span, when the subject can speak."""
    for v in range(k + 1, min(len(tokens), k + 2 * _MAX_PHRASE)):
        tok = tokens[v]
        if tok.pos != "VERB":
            continue
        subjects = [c for c in children[v] if tokens[c].dep == "nsubj"]
        if not subjects:
            return None
        span = extent(tokens, children, subjects[:1])
        if span[0] != tokens[k].start or not _speaks(tokens[subjects[0]]):
            return None
        between = [q for q in range(v) if span[1] <= tokens[q].start]
        if any(tokens[q].pos not in ("ADV", "PUNCT") for q in between):
            return None
        return v, span
    return None


def _speaks(tok: Token) -> bool:
    return tok.pos in ("NOUN", "PROPN") or tok.text.lower() in _ACTOR_PRONOUNS


def _word_frame(tokens: Sequence[Token], k: int) -> tuple[int, Span] | None:
    """ "... Roe (loudly) barked", "... barked Roe": a finite verb next to a short noun phrase, read
    from the words where the parse misreads the frame."""
    m = _phrase_end(tokens, k)
    if m is not None:
        v = m + 1 if m < len(tokens) and tokens[m].pos == "ADV" else m
        ends = v + 1 == len(tokens) or (v + 1 < len(tokens) and tokens[v + 1].pos in _AFTER_VERB)
        if v < len(tokens) and _finite_verb(tokens[v]) and ends:
            return v, (tokens[k].start, tokens[m - 1].end)
        return None
    if _finite_verb(tokens[k]):
        m = _phrase_end(tokens, k + 1)
        if m is not None:
            return k, (tokens[k + 1].start, tokens[m - 1].end)
    return None


def quote_frames(sentence: Sentence, quoted: Sequence[Span]) -> list[Attribution]:
    """The attributions of the verbs that frame a quotation of ``sentence`` right after it closes;
    ``quoted`` are the sentence's quotations in local offsets (``attribution_tree.quoted_spans``)."""
    tokens, text, at = sentence.tokens, sentence.text, sentence.start
    if not tokens or not quoted:
        return []
    children = children_of(tokens)
    out = []
    for quote in quoted:
        if quote[1] >= len(text) or not _hands_over(text, quote):
            continue
        k = next((q for q, t in enumerate(tokens) if t.start - at >= quote[1]), None)
        if k is not None and tokens[k].text == ",":
            k += 1
        if k is None or k >= len(tokens) or any(s <= tokens[k].start - at < e for s, e in quoted):
            continue
        frame = _parsed_frame(tokens, children, k) or _word_frame(tokens, k)
        if frame is None:
            continue
        v, source = frame
        cue = tokens[v]
        if any(s <= cue.start - at < e for s, e in quoted):
            continue
        out.append(
            Attribution(
                cue=(cue.start, cue.end),
                content=(at + quote[0], at + quote[1]),
                source=source,
                speaker=text[source[0] - at : source[1] - at],
            )
        )
    return out
