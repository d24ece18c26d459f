"""Which gold attributions does the system miss entirely (no cue overlap)? A taxonomy on train, out of
fold.

Experiment of session 17 (issue 4). The system as shipped (the stage with its cue and source models
fitted out of fold, the CRF checker and adds with the CRF's out-of-fold probabilities; see
``attribution_source_adds.py``) against each gold Attribution event of PolNeAR train whose cue no
system cue overlaps. Each miss is put in the first class its cue fits, read from the parse of the
cue's words (its head word: the one whose head lies outside the cue): no cue annotated, no parse,
headline (the text's first sentence), "according to", an adverb ("reportedly"), a passive with an
expletive or clause subject ("it was announced"), a nominal cue, an adjective, a verb of saying the
rules list, a verb of cognition, a verb of stance the rules list, a light verb (be, have, make, ...),
another verb, anything else. Across classes: how many lie inside another gold attribution's content
(nested), how many are in a sentence where the system has no attribution at all, and how many of
their gold sources a system source overlaps anyway.

Session 17, 919 files, the system of session 16 (before the attributions built around orphan sources):
22,501 gold attributions, 5,807 missed entirely. By class: missed / nested in another gold content /
in a sentence where the system has no attribution / gold source found anyway:

    no cue annotated          35      0     0     1
    headline                 261      0   195    16   ":" 19, stake, have, make, block
    according to               0
    adverb                    31      0    19     2   reportedly 14, seemingly 4, apparently 1
    passive ("it was ...")     2      0     2     0
    nominal                 1059      7   666    61   support 40, question 38, criticism 25, opposition 21, view 18
    adjective                 95      2    48    13   willing 9, open 5, confident 4
    saying verb (listed)     420      3   201    57   say 45, feel 25, show 23, think 23, ask 18, report 15
    cognition verb           171      2    82    21   see 38, know 34, want 27, consider 13, remember 13
    stance verb (listed)     289      0   139    50   call 53, oppose 18, endorse 15, describe 13
    light verb               737      5   508    53   be 406, have 100, make 63, take 46
    other verb              2331     20  1425   269   support 50, try 37, seek 33, look 32, include 28
    other                    375      0   247    22   in 97, ":" 54, for 34, to 21, 's 39

So 61% of the missed attributions sit in sentences where the system found none, and the biggest
class is a long tail of verbs outside every list (2,331; 1,091 lemmas in session 13's count), then
nominal cues and light verbs; "reportedly" (14), passives with an expletive (2) and "according to" (0)
are no real part of the gap. ``attribution_orphans.py`` covers the part of these whose source the
token tagger finds.

Usage: ``python benchmarks/attribution_missed_kinds.py ../shared/data/polnear/train --work WORK``
(WORK as ``attribution_source_adds.py``).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from storyline.doc.attribution_cues import CLAUSE_CUE_LEMMAS, CUE_LEMMAS, STANCE_LEMMAS
from storyline.eval.brat import Fragments, read_ann
from storyline.eval.polnear import find_polnear, join_fragments, overlaps
from storyline.records import Document, Sentence

sys.path.insert(0, str(Path(__file__).parent))
from attribution_source_adds import hung, oof_documents, placed
from attribution_work import crf_tags, parsed_docs, work_parser

COGNITION = frozenset(
    [
        "believe",
        "think",
        "know",
        "feel",
        "expect",
        "consider",
        "understand",
        "doubt",
        "suspect",
        "assume",
        "wish",
        "see",
        "realize",
        "recognize",
        "remember",
        "forget",
        "imagine",
        "guess",
        "suppose",
        "learn",
        "sense",
        "anticipate",
        "trust",
        "want",
        "hope",
        "fear",
        "worry",
    ]
)
LIGHT = frozenset(["be", "have", "make", "take", "give", "get", "do", "go", "come", "put", "keep"])
CLASSES = (
    "no cue annotated",
    "no parse",
    "headline",
    "according to",
    "adverb",
    "passive",
    "nominal",
    "adjective",
    "saying verb (listed)",
    "cognition verb",
    "stance verb (listed)",
    "light verb",
    "other verb",
    "other",
)


def _raw_tokens(doc: Document, sentence: Sentence) -> list[tuple[int, int] | None]:
    return [doc.text_map.span_to_raw(t.start, t.end) for t in sentence.tokens]


def classify(
    doc: Document, index: dict[int, tuple[int, list[tuple[int, int] | None]]], cue: Fragments
) -> tuple[str, str]:
    """The class of a missed cue and its head word's lemma."""
    for k, (_, raw) in index.items():
        sentence = doc.sentences[k]
        at = [j for j, r in enumerate(raw) if r is not None and overlaps(cue, (r,))]
        if not at:
            continue
        tokens = sentence.tokens
        head = next((j for j in at if tokens[j].head not in at or tokens[j].head == j), at[0])
        tok = tokens[head]
        lemma = tok.lemma.lower()
        kids = [c for c, t in enumerate(tokens) if t.head == head and c != head]
        if k == 0:
            return "headline", lemma
        if any(tokens[j].text.lower() == "according" for j in at):
            return "according to", "according"
        if tok.pos == "ADV":
            return "adverb", lemma
        expletive = any(tokens[c].dep in ("expl", "csubjpass") for c in kids)
        if tok.pos == "VERB" and expletive and any(tokens[c].dep == "auxpass" for c in kids):
            return "passive", lemma
        if tok.pos in ("NOUN", "PROPN"):
            return "nominal", lemma
        if tok.pos == "ADJ":
            return "adjective", lemma
        if tok.pos in ("VERB", "AUX"):
            if lemma in CUE_LEMMAS or lemma in CLAUSE_CUE_LEMMAS:
                return "saying verb (listed)", lemma
            if lemma in COGNITION:
                return "cognition verb", lemma
            if lemma in STANCE_LEMMAS:
                return "stance verb (listed)", lemma
            if lemma in LIGHT:
                return "light verb", lemma
            return "other verb", lemma
        return "other", lemma
    return "no parse", ""


def main() -> None:
    parser = work_parser(__doc__)
    args = parser.parse_args()
    docs = parsed_docs(args.work)
    crf = crf_tags(args.work)
    oof = oof_documents(args.folder, docs, args.work)
    files = [f for f in find_polnear(args.folder) if str(f.text) in oof and str(f.text) in crf]
    system = {t: hung(placed(oof[t], crf[t], True), 0.85)[0] for t in {str(f.text) for f in files}}
    found: Counter[str] = Counter()
    nested: Counter[str] = Counter()
    bare: Counter[str] = Counter()
    sourced: Counter[str] = Counter()
    lemmas: dict[str, Counter[str]] = defaultdict(Counter)
    gold_cues = 0
    for f in files:
        t = str(f.text)
        doc = oof[t]
        ann = read_ann(f.ann)
        index = {k: (k, _raw_tokens(doc, s)) for k, s in enumerate(doc.sentences) if s.tokens}
        cues = [a.cue for a in system[t] if a.cue is not None]
        sources = [a.source for a in system[t] if a.source is not None]
        events = [e for e in ann.events if e.type.startswith("Attribution")]
        roles = [
            {
                r.rstrip("0123456789").lower(): join_fragments(ann.spans[ref].fragments, doc.raw_text)
                for r, ref in e.args
            }
            for e in events
        ]
        contents = [r["content"] for r in roles if "content" in r]
        for r in roles:
            gold_cues += 1
            cue = r.get("cue")
            if cue is not None and any(overlaps(cue, (c,)) for c in cues):
                continue
            kind, lemma = ("no cue annotated", "") if cue is None else classify(doc, index, cue)
            found[kind] += 1
            lemmas[kind][lemma] += 1
            if cue is not None and any(
                c != r.get("content") and all(c[0][0] <= s and e <= c[-1][1] for s, e in cue) for c in contents
            ):
                nested[kind] += 1
            if cue is not None:
                line = [k for k, (_, raw) in index.items() if any(x is not None and overlaps(cue, (x,)) for x in raw)]
                if line and not doc.sentences[line[0]].attributions:
                    bare[kind] += 1
            if "source" in r and any(overlaps(r["source"], (s,)) for s in sources):
                sourced[kind] += 1
    missed = sum(found.values())
    print(f"gold attributions {gold_cues}, missed entirely (no cue overlap) {missed}, {len(files)} files")
    print(f"{'class':24} {'missed':>7} {'nested':>7} {'no attr':>8} {'src found':>9}  top lemmas")
    for kind in CLASSES:
        n = found[kind]
        top = ", ".join(f"{w} {c}" for w, c in lemmas[kind].most_common(8) if w)
        print(f"{kind:24} {n:7} {nested[kind]:7} {bare[kind]:8} {sourced[kind]:9}  {top}")


if __name__ == "__main__":
    main()
