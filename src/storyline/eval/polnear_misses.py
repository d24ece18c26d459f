"""Count where attribution loses cues on a PolNeAR split, out of fold: the gold cues no system cue
overlaps (by their words, their construction and what the learned layer made of their head word),
and the system cues that overlap no gold cue (by their words, and whether the rules or the learned
layer found them).

``python -m storyline.eval.polnear_misses ../shared/data/polnear/train`` (train only).

1. Run the stages up to attribution with the rules alone, and take the samples of ``polnear_fit``.
2. Score the cue and source models out of fold (5 folds by text, as the fit does) and apply the
   shipped thresholds of ``attribution_weights``: the system the OOF figures describe.
3. A gold cue is missed when no system cue shares a character with it. Its head is the word of
   our parse inside it closest to the root; its tags say how it is built ("according to", a noun,
   a verb in or out of our cue lists, after a quotation mark, in the first sentence, a content over
   several sentences, a rule cue the veto dropped) and why the learned layer did not add it (not a
   candidate word, no spans from the parse, or scored below the threshold).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyline.config import Config
from storyline.doc import attribution_weights as shipped
from storyline.doc.attribution_cues import (
    CLAUSE_CUE_LEMMAS,
    CUE_LEMMAS,
    DENIAL_LEMMAS,
    NOUN_CUE_LEMMAS,
    STANCE_LEMMAS,
)
from storyline.doc.attribution_learned import is_candidate, spans
from storyline.doc.attribution_tree import children_of, lemma_of
from storyline.eval.brat import BratDocument, Fragments, read_ann
from storyline.eval.polnear import FileResult, attribute_files, find_polnear, join_fragments
from storyline.eval.polnear_fit import (
    RuleRun,
    option_samples,
    out_of_fold,
    rule_run,
    with_learned,
    with_sources,
)
from storyline.eval.polnear_fit_meaning import meaning_basis
from storyline.records import Document, Sentence, Skipped

KNOWN_LEMMAS = CUE_LEMMAS | CLAUSE_CUE_LEMMAS | STANCE_LEMMAS | NOUN_CUE_LEMMAS | DENIAL_LEMMAS
_QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``"})
Span = tuple[int, int]


@dataclass
class Misses:
    """The counts of one split: missed gold cues by tag and by words, false cues by words and origin."""

    gold: int = 0
    missed: int = 0
    tags: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)
    false_words: Counter[str] = field(default_factory=Counter)


def _overlaps(a: Fragments, b: Fragments) -> bool:
    return any(s < f and r < e for s, e in a for r, f in b)


def gold_contents(ann: BratDocument, text: str) -> dict[Fragments, list[Fragments]]:
    """Each gold cue with the content spans of its attributions."""
    out: dict[Fragments, list[Fragments]] = {}
    for event in ann.events:
        if not event.type.startswith("Attribution"):
            continue
        roles: dict[str, list[Fragments]] = {}
        for role, ref in event.args:
            name = role.rstrip("0123456789").lower()
            roles.setdefault(name, []).append(join_fragments(ann.spans[ref].fragments, text))
        for cue in roles.get("cue", []):
            out.setdefault(cue, []).extend(roles.get("content", []))
    return out


def construction_tags(sentence: Sentence, head: int, words: str) -> list[str]:
    """How a gold cue is built, from its words and its head word ``head`` in our parse."""
    tokens = sentence.tokens
    tok, lemma = tokens[head], lemma_of(tokens[head])
    tags = []
    if "according" in words:
        tags.append("according to")
    if tok.pos == "NOUN":
        tags.append("nominal cue")
    elif tok.pos in ("VERB", "AUX"):
        tags.append("verb in our cue lists" if lemma in KNOWN_LEMMAS else "verb not in our cue lists")
    else:
        tags.append(f"head is {tok.pos}")
    if any(t.text in _QUOTE_MARKS for t in tokens[max(0, head - 3) : head]):
        tags.append("after a quotation mark")
    if sentence.index == 0:
        tags.append("first sentence (headline)")
    return tags


def learned_stage(sentence: Sentence, head: int) -> str:
    """Why the learned layer did not add the word: not a candidate, no spans, or scored too low."""
    children = children_of(sentence.tokens)
    if not is_candidate(sentence.tokens, children, head):
        return "not a candidate word"
    if spans(sentence, children, head) is None:
        return "candidate without spans"
    return "candidate below the threshold"


def _depth(sentence: Sentence, i: int) -> int:
    """How many steps word ``i`` is from the root of its parse."""
    depth, tokens = 0, sentence.tokens
    while tokens[i].head != i and depth < len(tokens):
        i, depth = tokens[i].head, depth + 1
    return depth


def _head(doc: Document, cue: Fragments) -> tuple[Sentence, int] | None:
    """The sentence and the word of the parse inside ``cue`` closest to the root (raw offsets)."""
    to_raw = doc.text_map.span_to_raw
    for sentence in doc.sentences:
        inside = [i for i, t in enumerate(sentence.tokens) if (m := to_raw(t.start, t.end)) and _overlaps(cue, (m,))]
        if inside:
            return sentence, min(inside, key=lambda i: _depth(sentence, i))
    return None


def _sentences_touched(doc: Document, spans_: Sequence[Fragments]) -> int:
    to_raw = doc.text_map.span_to_raw
    raw = [m for s in doc.sentences if (m := to_raw(s.start, s.end))]
    return sum(1 for r in raw if any(_overlaps(c, (r,)) for c in spans_))


def count_file(misses: Misses, doc: Document, result: FileResult, rule: FileResult) -> None:
    """Add one file's missed gold cues and false system cues to ``misses``."""
    system, rules = list(result.system["cue"]), list(rule.system["cue"])
    contents = gold_contents(read_ann(result.file.ann), result.text)
    for cue in result.gold["cue"]:
        misses.gold += 1
        if any(_overlaps(cue, s) for s in system):
            continue
        misses.missed += 1
        words = " ".join(result.text[s:e] for s, e in cue).lower()
        misses.words[words] += 1
        found = _head(doc, cue)
        if found is None:
            misses.tags["no word of our parse"] += 1
            continue
        sentence, head = found
        tags = construction_tags(sentence, head, words)
        tags.append(learned_stage(sentence, head))
        if any(_overlaps(cue, s) for s in rules):
            tags.append("rule cue dropped by the veto")
        if _sentences_touched(doc, contents.get(cue, [])) > 1:
            tags.append("content over several sentences")
        misses.tags.update(tags)
    for s in system:
        if not any(_overlaps(g, s) for g in result.gold["cue"]):
            misses.false["rule" if s in rules else "learned"] += 1
            misses.false_words[" ".join(result.text[a:b] for a, b in s).lower()] += 1


def out_of_fold_results(run: RuleRun) -> list[FileResult]:
    """The results of the rules with the learned layer scored out of fold at the shipped thresholds
    (with the word meaning when the shipped cue model reads it)."""
    meaning = meaning_basis() if getattr(shipped, "MEANING_LEMMA", None) else None
    probs = out_of_fold(run.samples, meaning=meaning)
    if shipped.SOURCE_THRESHOLD is not None:
        options, learn = option_samples(run)
        run = with_sources(run, out_of_fold(options, learn), shipped.SOURCE_THRESHOLD)
    return with_learned(run, probs, shipped.THRESHOLD, shipped.VETO)


def count_misses(directory: Path) -> Misses:
    """The counts of one split folder (steps 1 to 3)."""
    config = Config.from_dict({"attribution": {"learned": False}})
    files = find_polnear(directory)
    skipped: list[Skipped] = []
    docs = {doc.path: doc for doc in attribute_files(list(dict.fromkeys(f.text for f in files)), config, skipped)}
    run = rule_run(files, docs)
    misses = Misses()
    for result, rule in zip(out_of_fold_results(run), run.results, strict=True):
        count_file(misses, docs[str(result.file.text)], result, rule)
    return misses


def format_misses(m: Misses, top: int = 40) -> str:
    """The counts as text: tags, then the most missed cue words, then the false cues."""
    lines = [f"gold cues {m.gold}, missed {m.missed} (no system cue overlaps them)", "missed, by tag:"]
    lines += [f"  {n:6d}  {tag}" for tag, n in m.tags.most_common()]
    lines.append(f"missed, by words (top {top}):")
    lines.append("  " + ", ".join(f"{w} {n}" for w, n in m.words.most_common(top)))
    lines.append(f"false cues {sum(m.false.values())}: " + ", ".join(f"{k} {n}" for k, n in m.false.most_common()))
    lines.append(f"false, by words (top {top}):")
    lines.append("  " + ", ".join(f"{w} {n}" for w, n in m.false_words.most_common(top)))
    return "\n".join(lines)


def main(argv: Sequence[str]) -> None:
    if len(argv) != 1:
        sys.exit("usage: python -m storyline.eval.polnear_misses POLNEAR_TRAIN_DIR")
    print(format_misses(count_misses(Path(argv[0]))))


if __name__ == "__main__":
    main(sys.argv[1:])
