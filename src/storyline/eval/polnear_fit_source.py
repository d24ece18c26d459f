"""The samples of the source model of ``storyline.doc.attribution_source`` and its out-of-fold choice
of sources, for ``storyline.eval.polnear_fit``.

1. For each candidate cue word the learned layer can add, every word that can head a source is an
   option, with its features and the span it gives (in offsets of the file as read).
2. When the word is in a gold cue, the option that is the highest word of the parse inside that gold
   attribution's source is positive; the others are negative (all of them when the gold attribution
   has no source). Options of words outside gold cues are scored but not learned from.
3. Out of fold, the best option of each accepted cue at or above the threshold gives its source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyline.doc.attribution_learned import subject_of
from storyline.doc.attribution_source import candidates, source_features, subtree
from storyline.doc.attribution_tree import Children
from storyline.eval.brat import BratDocument, Fragments
from storyline.eval.polnear import join_fragments
from storyline.records import Attribution, Document, Sentence

Span = tuple[int, int]


@dataclass(frozen=True)
class SourceOption:
    """One word as the head of a cue's source: its features, the span it gives, and its label."""

    features: tuple[str, ...]
    span: Fragments | None
    positive: bool


def gold_sources(ann: BratDocument, text: str) -> list[tuple[Fragments, tuple[Fragments, ...]]]:
    """Each gold attribution's cue with its source spans (none when it has no source)."""
    out = []
    for event in ann.events:
        if not event.type.startswith("Attribution"):
            continue
        roles: dict[str, list[Fragments]] = {}
        for role, ref in event.args:
            roles.setdefault(role.rstrip("0123456789").lower(), []).append(
                join_fragments(ann.spans[ref].fragments, text)
            )
        for cue in roles.get("cue", []):
            out.append((cue, tuple(roles.get("source", []))))
    return out


def _overlaps(raw: Span | None, fragments: Fragments) -> bool:
    return raw is not None and any(s < raw[1] and raw[0] < e for s, e in fragments)


def _depth(sentence: Sentence, j: int) -> int:
    depth, tokens = 0, sentence.tokens
    while tokens[j].head != j and depth < len(tokens):
        j, depth = tokens[j].head, depth + 1
    return depth


def source_options(
    doc: Document,
    sentence: Sentence,
    children: Children,
    i: int,
    added: Attribution,
    quoted: Sequence[Span],
    gold: Sequence[tuple[Fragments, tuple[Fragments, ...]]] | None,
) -> tuple[SourceOption, ...]:
    """The options of the cue word ``i`` whose attribution ``added`` the learned layer would add;
    ``gold`` is the file's gold cues and sources when the word is in a gold cue (else None)."""
    tokens, to_raw = sentence.tokens, doc.text_map.span_to_raw
    subject = subject_of(tokens, children, i)
    words = candidates(tokens, i)
    heads: set[int] = set()
    if gold is not None:
        raw_cue = to_raw(tokens[i].start, tokens[i].end)
        spans = [s for cue, sources in gold if _overlaps(raw_cue, cue) for s in sources]
        for source in spans:
            inside = [j for j in words if _overlaps(to_raw(tokens[j].start, tokens[j].end), source)]
            if inside:
                heads.add(min(inside, key=lambda j: _depth(sentence, j)))
    out = []
    for j in words:
        names = tuple(source_features(sentence, j, i, subject, added.content, quoted))
        mapped = to_raw(*subtree(tokens, children, j, skip=i))
        out.append(SourceOption(names, (mapped,) if mapped is not None else None, j in heads))
    return tuple(out)


def best_span(options: Sequence[SourceOption], probs: Sequence[float], threshold: float) -> Fragments | None:
    """The span of the best option at or above ``threshold`` (the first of equals), or None."""
    best, score = None, threshold
    for option, p in zip(options, probs, strict=True):
        if p >= score and option.span is not None:
            best, score = option.span, p
    return best
