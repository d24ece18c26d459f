"""Relayed reports in a parsed sentence: "X, citing Y, said Z", "Z, X said, citing Y", "Citing Y, X said Z".

The participle "citing" (or "quoting") tells where the speaker had it from. Its source is X: the
speaker of the report it hangs on, else the subject of its clause ("the manager resigned, citing
health reasons"), else the speaker of the sentence ("according to X, citing Y"). Y is the report's
``via`` (its nested source) when it names a source rather than a reason, and the participle is an
attribution of its own, as PolNeAR marks it: source X, cue "citing", content Y.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.doc.attribution_cues import names_a_source
from storyline.doc.attribution_parse import FIRST_PERSON
from storyline.doc.attribution_tokens import Span
from storyline.doc.attribution_tree import Children, children_of, extent, sourced
from storyline.records import Attribution, Sentence, Token

_RELAYING = frozenset({"citing", "quoting"})


def relayed(
    sentence: Sentence, claims: list[Attribution], stances: list[Attribution], quoted: Sequence[Span] = ()
) -> tuple[list[Attribution], list[Attribution]]:
    """``claims`` with the via of the reports that cite someone, and ``stances`` with each "citing"
    outside a quotation (``quoted``: document offsets) sourced to its citer."""
    if "citing" not in sentence.text.lower() and "quoting" not in sentence.text.lower():
        return claims, stances
    tokens, children = sentence.tokens, children_of(sentence.tokens)
    for i, tok in enumerate(tokens):
        if tok.text.lower() not in _RELAYING or tok.pos != "VERB" or any(s <= tok.start < e for s, e in quoted):
            continue
        cited = _cited(tokens, children, i)
        if cited is None:
            continue
        report = _report_of(tokens, i, claims)
        source = report.source if report is not None else _citer(sentence, children, i)
        if source is None:
            continue
        via = sentence.text[cited[0] - sentence.start : cited[1] - sentence.start]
        if report is not None and report.via is None and names_a_source(via):
            claims = [replace(a, via=via) if a is report else a for a in claims]
        stances = _sourced_stance(sentence, stances, tok, cited, source)
    return claims, stances


def _cited(tokens: tuple[Token, ...], children: Children, i: int) -> Span | None:
    """What "citing" takes: its object, else the words after it up to a comma or the end."""
    objects = [c for c in children[i] if c > i and tokens[c].dep in ("dobj", "pobj", "ccomp", "attr")]
    if objects:
        return extent(tokens, children, objects)
    words: list[int] = []
    for k in range(i + 1, len(tokens)):
        if tokens[k].text in (",", ";", ".", "!", "?"):
            break
        words.append(k)
    return (tokens[words[0]].start, tokens[words[-1]].end) if words else None


def _host(tokens: tuple[Token, ...], i: int) -> int:
    """The word "citing" hangs on, past the punctuation a parse may hang it on ("media , citing")."""
    j = tokens[i].head
    for _ in range(3):
        if tokens[j].pos != "PUNCT" or tokens[j].head == j:
            break
        j = tokens[j].head
    return j


def _report_of(tokens: tuple[Token, ...], i: int, claims: list[Attribution]) -> Attribution | None:
    """The report whose cue "citing" hangs on, or whose source it follows ("State TV, citing Y, said");
    when "citing" hangs on no verb with a subject of its own ("according to X, citing Y", "Z was
    breached, X said, citing Y"), the nearest report with a source."""
    at = _host(tokens, i)
    host = tokens[at]
    sourced = [a for a in claims if a.source is not None and (a.speaker or "").lower() not in FIRST_PERSON]
    for a in sourced:
        if a.cue[0] <= host.start < a.cue[1] or a.source[0] <= host.start < a.source[1]:  # type: ignore[index]
            return a
    if host.pos in ("VERB", "AUX") and _has_active_subject(tokens, at):
        return None
    return min(sourced, key=lambda a: abs(a.cue[0] - tokens[i].start), default=None)


def _has_active_subject(tokens: tuple[Token, ...], host: int) -> bool:
    return any(t.head == host and t.dep == "nsubj" for t in tokens)


def _citer(sentence: Sentence, children: Children, i: int) -> Span | None:
    """The subject of the clause "citing" hangs on, when no report takes it: "the manager" in "the
    manager resigned, citing health reasons"."""
    tokens = sentence.tokens
    host = _host(tokens, i)
    subjects = [c for c in children[host] if tokens[c].dep == "nsubj"]
    return extent(tokens, children, subjects[:1]) if subjects else None


def _sourced_stance(
    sentence: Sentence, stances: list[Attribution], tok: Token, cited: Span, source: Span
) -> list[Attribution]:
    """The stances with the one at "citing" sourced to ``source``; added when the rules had none."""
    at = [a for a in stances if a.cue == (tok.start, tok.end)]
    if at:
        return [sourced(sentence, a, source) if a is at[0] else a for a in stances]
    new = sourced(sentence, Attribution(cue=(tok.start, tok.end), content=cited, source=None, speaker=None), source)
    return sorted([*stances, new], key=lambda a: a.cue)
