"""Whole attributions around the token tagger's confident sources that have no attribution to hang on.
Train out of fold.

Experiment of session 17 (issue 4). As ``attribution_source_adds.py``: the stage run on documents
with its cue and source models fitted out of fold, then the CRF checker and the shipped adds
(``DROP`` 0.05, ``ADD`` 0.85) with the CRF's out-of-fold token probabilities. Each CRF source span
left with nowhere to hang, at a mean probability >= a level, gets a cue and content from the parse
(``doc/attribution_orphans.py``), kept when the out-of-fold cue model (refitted per fold, as
``oof_documents`` fits it; cached as ``cue_models.pkl``) scores that cue high enough. Δ source, cue and
content overlap F1 against the shipped system, 95% paired bootstrap band over files (1,000
resamples); the settings chosen on the other four folds for each fold.

Session 17, 919 files (shipped system of session 16: source 0.7943, cue 0.7772, content 0.7835).
Of the CRF's spans left with nowhere to hang, 2,077 have a mean >= 0.5 (783 >= 0.85): 1,197 are the
subject of a word (1,046 built), 89 own a noun (67), 69 are an agent (13), 722 hang on nothing of
these. Their cue words are a long tail (be 110, have 52, make 31, support 16, try 15, say 14 ...),
and as bare spans they are right about 40% of the time, the break-even: built on every one, source
-0.0012 [-0.0029, +0.0008] at >= 0.5 and +0.0001 [-0.0011, +0.0012] at >= 0.85, cue down beyond noise.
Filters on the cue (rows: mean >= 0.5, Δ against shipped, 95% band):

    any cue, 1,126 built:                 source -0.0012; cue -0.0022 [-0.0036, -0.0006]; content +0.0006
    cue lemma in the rules' lists, 166:   source +0.0004 [-0.0002, +0.0011]; cue +0.0005; content +0.0008
    cue model p >= 0.2, 454:              source +0.0025 [+0.0012, +0.0039]; cue +0.0017; content +0.0029
    p >= 0.2, no speaker, 402 (shipped):  source +0.0027 [+0.0015, +0.0040]; cue +0.0021 [+0.0011, +0.0032];
                                          content +0.0031 [+0.0020, +0.0042]
    p >= 0.25, no speaker, 304:           source +0.0027 [+0.0016, +0.0038]; cue +0.0020; content +0.0028
    p >= 0.2, a name/pronoun/entity, 379: source +0.0023 (the actor filter never helps)
    p >= 0.35, 125:                       source +0.0010 [+0.0004, +0.0017]

("no speaker": the sentence has no speaker the rules read; the stage gives every claim of a sentence
its speaker, so an orphan by another source there would be mislabelled; found on the Maui example,
where "the FBI list ... named 388" took the mayor's name, then checked here.) Level 0.3 (and 0.0, in a run
before the speaker filter) adds spans of low mean and does no better than 0.5 (+0.0026); 0.6-0.85 build
fewer and gain less (0.85: +0.0007 [-0.0001, +0.0014]). Nested (the level, the cue
filter, the actor and speaker filters chosen on the other four folds; every fold chose mean >= 0.5,
no speaker, no actor filter, cue p >= 0.15-0.25): **source +0.0023 [+0.0011, +0.0036], cue +0.0018
[+0.0008, +0.0029], content +0.0029 [+0.0018, +0.0040]**. Shipped at mean >= 0.5, cue p >= 0.2, no
speaker (``attribution_orphans.LEVEL``, ``CUE_LEVEL``).

Usage: ``python benchmarks/attribution_orphans.py ../shared/data/polnear/train --work WORK`` (WORK
holds ``parsed.pkl``, ``crf.pkl`` and ``oof_docs.pkl`` of ``attribution_source_adds.py``).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.doc.attribution_cues import CLAUSE_CUE_LEMMAS, CUE_LEMMAS, NOUN_CUE_LEMMAS, STANCE_LEMMAS
from storyline.doc.attribution_learned import CueModel, candidate_features
from storyline.doc.attribution_orphans import cue_of_source, orphan_attribution, span_head
from storyline.doc.attribution_tree import quoted_spans
from storyline.eval.brat import read_ann
from storyline.eval.polnear import FileResult, find_polnear, gold_spans, overlaps, system_spans
from storyline.output.attributions import FoundAttribution
from storyline.records import Document

sys.path.insert(0, str(Path(__file__).parent))
from attribution_crf_folds import FOLDS, counts, paired_band
from attribution_source_adds import fold_cue_models_of, hung, oof_documents, placed, rule_run
from attribution_stats import f1
from attribution_work import crf_tags, kept, parsed_docs, work_parser

Span = tuple[int, int]
ADD = 0.85
LEVELS = (0.3, 0.5, 0.6, 0.7, 0.85, 2.0)
KINDS = ("subject", "owner", "agent", "according")
FILTERS: tuple[bool | float, ...] = (False, True, 0.15, 0.2, 0.25, 0.3, 0.35)
LISTED = CUE_LEMMAS | CLAUSE_CUE_LEMMAS | STANCE_LEMMAS | NOUN_CUE_LEMMAS  # the rules' vocabularies
ROLES = ("source", "cue", "content")


@dataclass(frozen=True)
class Orphan:
    """A CRF source span with nowhere to hang: its mean probability, how it hangs on a cue (or
    "none"), the cue's lemma, and the attribution built around it (raw offsets), if any."""

    mean: float
    kind: str
    lemma: str
    built: FoundAttribution | None
    cue_p: float = 0.0  # the out-of-fold cue model's probability of the cue word
    actor: bool = False  # the source is a name, a pronoun or an entity (not a bare common noun)
    spoken: bool = False  # its sentence has a speaker the rules read


def fold_cue_models(folder: Path, docs: dict[str, Document], work: Path) -> tuple[dict[str, int], list[CueModel]]:
    """Each text's fold and the cue model of each fold fitted without it, as ``oof_documents`` fits them."""
    return kept(work / "cue_models.pkl", lambda: fold_cue_models_of(rule_run(folder, docs)))


def _raw(doc: Document, span: Span) -> Span | None:
    return doc.text_map.span_to_raw(*span)


def orphans(
    doc: Document, found: list[FoundAttribution], new: list[tuple[Span, float]], model: CueModel | None = None
) -> list[Orphan]:
    """The attributions built around the CRF spans of ``new`` that no kept source overlaps."""
    sources = [a.source for a in found if a.source is not None]
    cues = [a.cue for a in found if a.cue is not None]
    quoted: list[list[Span]] = []
    open_quote, paragraph = False, None
    for sentence in doc.sentences:
        q, open_quote = quoted_spans(sentence.text, open_quote and sentence.paragraph == paragraph)
        paragraph = sentence.paragraph
        quoted.append([(sentence.start + a, sentence.start + b) for a, b in q])
    out = []
    for span, mean in new:
        if any(overlaps((span,), (s,)) for s in sources):
            continue
        for n, sentence in enumerate(doc.sentences):
            raw = [_raw(doc, (t.start, t.end)) for t in sentence.tokens]
            at = [k for k, r in enumerate(raw) if r is not None and r[0] < span[1] and span[0] < r[1]]
            if not at:
                continue
            first, last = at[0], at[-1]
            tokens = sentence.tokens
            hangs = cue_of_source(tokens, span_head(tokens, first, last))
            kind = hangs[1] if hangs else "none"
            lemma = tokens[hangs[0]].lemma.lower() if hangs else ""
            made = orphan_attribution(sentence, (tokens[first].start, tokens[last].end), first, last)
            built = None
            if made is not None:
                cue, content = _raw(doc, made.cue), _raw(doc, made.content)
                if cue is not None and not any(overlaps((cue,), (c,)) for c in cues):
                    built = FoundAttribution(span, cue, content, made.speaker)
            p = 0.0
            if hangs is not None and model is not None:
                scored = dict(candidate_features(sentence, sentence.attributions, quoted[n]))
                p = model.probability(scored[hangs[0]]) if hangs[0] in scored else 0.0
            head = span_head(tokens, first, last)
            named = any(e.start < tokens[last].end and tokens[first].start < e.end for e in sentence.entities)
            actor = tokens[head].pos in ("PROPN", "PRON") or named
            out.append(Orphan(mean, kind, lemma, built, p, actor, sentence.attributed_to is not None))
            break
    return out


def chosen(
    base: list[FoundAttribution],
    found: list[Orphan],
    level: float,
    kinds: tuple[str, ...],
    listed: bool | float,
    actors: bool = False,
    quiet: bool = False,
) -> list[Any]:
    """The shipped attributions with those built around orphans of ``kinds`` at ``level`` or more
    (with ``listed`` True, only those whose cue lemma is in the rules' vocabularies; a number, only those
    whose cue the cue model scores that much or more)."""
    taken: list[Span] = []
    extra = []
    for o in sorted(found, key=lambda o: -o.mean):
        if o.mean < level or o.kind not in kinds or o.built is None or o.built.cue is None:
            continue
        if listed is True and o.lemma not in LISTED:
            continue
        if not isinstance(listed, bool) and o.cue_p < listed:
            continue
        if actors and not o.actor:
            continue
        if quiet and o.spoken:
            continue
        if any(overlaps((o.built.cue,), (c,)) for c in taken):
            continue
        taken.append(o.built.cue)
        extra.append(o.built)
    return [*base, *extra]


def _named(listed: bool | float) -> str:
    return "listed" if listed is True else "any cue" if listed is False else f"cue p >= {listed}"


def main() -> None:
    parser = work_parser(__doc__)
    args = parser.parse_args()
    began = time.time()
    docs = parsed_docs(args.work)
    crf = crf_tags(args.work)
    oof = oof_documents(args.folder, docs, args.work)
    files = [f for f in find_polnear(args.folder) if str(f.text) in oof and str(f.text) in crf]
    texts = sorted({str(f.text) for f in files})
    fold = {t: k % FOLDS for k, t in enumerate(texts)}
    gold = {f.ann: gold_spans(read_ann(f.ann), oof[str(f.text)].raw_text, f) for f in files}
    folds, models = fold_cue_models(args.folder, docs, args.work)
    shipped, found = {}, {}
    for t in texts:
        plan = placed(oof[t], crf[t], True)
        shipped[t] = hung(plan, ADD)[0]
        found[t] = orphans(oof[t], shipped[t], plan.new, models[folds[t]] if t in folds else None)
    print(f"ready, {time.time() - began:.0f} s", flush=True)

    def rows(system: dict[str, list[Any]]) -> dict[str, list[tuple[int, int, int]]]:
        results = [FileResult(f, "", gold[f.ann], system_spans(system[str(f.text)])) for f in files]
        return {role: counts(results, role) for role in ROLES}

    base = rows(shipped)
    print("shipped: " + ", ".join(f"{r} {f1(base[r]):.4f}" for r in ROLES), f"({len(files)} files)")
    every = [o for t in texts for o in found[t]]
    for level in (0.5, 0.85):
        at = [o for o in every if o.mean >= level]
        by = Counter(o.kind for o in at)
        built = Counter(o.kind for o in at if o.built is not None)
        print(f"  orphans >= {level}: {len(at)}; " + ", ".join(f"{k} {by[k]} (built {built[k]})" for k in by))
        print("    cue lemmas:", Counter(o.lemma for o in at if o.built is not None).most_common(25))
    settings = [
        (lv, KINDS, ls, ac, q) for lv in LEVELS for ls in FILTERS for ac in (False, True) for q in (False, True)
    ]
    grid = {}
    for level, kinds, listed, actors, quiet in settings:
        made = {t: chosen(shipped[t], found[t], level, kinds, listed, actors, quiet) for t in texts}
        grid[(level, kinds, listed, actors, quiet)] = r = rows(made)
        added = sum(len(made[t]) - len(shipped[t]) for t in texts)
        bands = {role: paired_band(base[role], r[role]) for role in ROLES}
        print(
            f"  >= {level:.2f} {_named(listed)}{' actors' if actors else ''}{' unspoken' if quiet else ''}, "
            f"{added} built: "
            + "; ".join(
                f"{role} {f1(r[role]):.4f} ({f1(r[role]) - f1(base[role]):+.4f} "
                f"[{bands[role][0]:+.4f}, {bands[role][1]:+.4f}])"
                for role in ROLES
            ),
            flush=True,
        )
    nested = {role: list(base[role]) for role in ROLES}
    for k in range(FOLDS):
        inside = [j for j, f in enumerate(files) if fold[str(f.text)] != k]
        best = max(settings, key=lambda s: f1([grid[s]["source"][j] for j in inside]))
        for j, f in enumerate(files):
            if fold[str(f.text)] == k:
                for role in ROLES:
                    nested[role][j] = grid[best][role][j]
        print(f"  fold {k}: {best} chosen on the other folds")
    for role in ROLES:
        lo, hi = paired_band(base[role], nested[role])
        print(
            f"  nested {role}: {f1(nested[role]):.4f}, "
            f"delta {f1(nested[role]) - f1(base[role]):+.4f} [{lo:+.4f}, {hi:+.4f}]"
        )
    print(f"{time.time() - began:.0f} s")


if __name__ == "__main__":
    main()
