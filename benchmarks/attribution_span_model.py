"""Does a span model trained end to end (its own token-to-vector layer) beat or help the attribution
stage's sources? PolNeAR train, one fifth of the texts held out.

Experiment of session 17 (issue 4). A spaCy ``tagger`` (``Tagger.v2``; tags B-S/I-S source, B-C/I-C
cue, O) over its own ``Tok2Vec.v2``: a ``MultiHashEmbed`` of NORM, PREFIX, SUFFIX, SHAPE and our
parse's TAG and DEP (and ENT_TYPE, which ``--stage`` fills with the stage's own spans: SRC, CUE, CON),
width 96, then a 4-layer ``MaxoutWindowEncoder``; trained from scratch with ``nlp.update`` (Adam
0.001, batches of 32 sentences, shuffled with seed 0) on every parsed sentence of each annotation
file of the texts of folds 1-4 (texts sorted, k % 5, as ``polnear_fit``; 672 texts, 26,821
sentences); fold 0 held out (168 texts, 193 files). The last epoch saved is the model scored (fixed
beforehand). Compared with the current system on the held-out files: the stage out of fold, the
CRF checker and its adds at 0.85 (``attribution_source_adds.py``'s out-of-fold documents and CRF
tags, none fitted on those files): (a) the model's spans alone, (b) as an adder (its source spans of
mean token probability >= ADD that no source overlaps, hung on the attribution of their sentence
without a source whose cue is nearest, as ``attribution_tagger`` does), (c) as a checker (a source
whose best token it gives < DROP is taken off, never the object of "according to"), (d) both.
Levels: each half of the held-out texts (alternate texts) uses the level best on the other half
("nested"); Δ source overlap F1 against the current system, 95% paired bootstrap over files (1,000).

Session 17 results (CPU, 2 shared cores, load 4-9):

    current system on the 193 held-out files: P 0.8544 / R 0.7656 / F1 0.8076 (stage alone 0.8006)

    without the stage's spans (the shipped one), dropout 0.2, 5 epochs (742 s), model-e4:
      (a) alone          P 0.7316 / R 0.6842 / F1 0.7071  -0.1005 [-0.1123, -0.0884]
      (b) adder, nested  P 0.8537 / R 0.7708 / F1 0.8101  +0.0025 [+0.0010, +0.0042]  (0.70 on both halves)
          grid: add 0.5 +0.0020, 0.6 +0.0022, 0.7 +0.0025 [+0.0010, +0.0042], 0.8 +0.0015, 0.85 +0.0011,
          0.9 +0.0006
      (c) checker, nested P 0.8561 / R 0.7637 / F1 0.8073 -0.0003 [-0.0013, +0.0007]
          (drop 0.02 +0.0011, 0.05 -0.0027, 0.1 -0.0091)
      (d) both, nested   P 0.8554 / R 0.7689 / F1 0.8098  +0.0023 [+0.0006, +0.0040]
    with the stage's spans as input (--stage), dropout 0.1, capped at 22 min (7.5 epochs), model-e7:
      (a) alone          P 0.7617 / R 0.7464 / F1 0.7540  -0.0536
      (b) adder, nested  +0.0010 [-0.0007, +0.0028]; (c) checker, nested +0.0004 [-0.0021, +0.0028];
      (d) both, nested   +0.0013 [-0.0013, +0.0039] (grid without 0.85)
      earlier epochs, looked at after the fact and not used for any choice: e1 (d) +0.0003, e3 +0.0018,
      e5 +0.0057 [+0.0031, +0.0083]; alone 0.7741, 0.7671, 0.7484 (it overfits: training loss keeps
      falling while the spans alone get worse; the swing from epoch to epoch is as large as the gains)

So the learned span model is much worse on its own, no use as a checker, and a small adder: +0.0025
on the held-out texts, about what the CRF's adds gave out of fold (+0.0021), with its band above 0
across add levels 0.6-0.9. Shipped as an adder at 0.70 (``doc/attribution_spans.py``), retrained
on all of train with the same settings. Speed of the model alone (``speed``): 896 sentences/s on the
held-out sentences with an attribution (0.12 s building docs, 3.34 s predicting, CPU, load ~4); it
runs only on sentences where an attribution has no source (3.7% of train sentences): with it the stage
after the parse does 2,580 sentences/s (``attribution_speed.py --limit 60 --repeat 3``; 3,127/s
without). ``doc/attribution_spans.source_spans`` gives the same spans and probabilities as ``score``
here (checked on 8 texts with model-e4: 61 spans, none differ). PolNeAR dev, scored once with the
model trained on all of train: source overlap 0.817 (P 0.864 / R 0.775; was 0.814).

Usage: ``python benchmarks/attribution_span_model.py train ../shared/data/polnear/train --work W --ctx C
[--stage] [--dropout 0.2 --epochs 5]``, then ``... score ... --model W/model-eN [--stage]`` and ``...
speed ... --model W/model-eN``. ``C`` holds the cached parse (``parsed.pkl``), the stage's
out-of-fold spans (``stage.pkl``, of ``attribution_crf_folds.py``), its out-of-fold documents
(``oof_docs.pkl``) and the CRF's out-of-fold tags (``crf.pkl``) of ``attribution_source_adds.py``.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyline.doc.attribution_tokens import span_tags
from storyline.eval.brat import Fragments, read_ann
from storyline.eval.polnear import FileResult, gold_spans
from storyline.eval.polnear_fit_tagger import _raw_bounds, flat, labels
from storyline.records import Document, Sentence

sys.path.insert(0, str(Path(__file__).parent))
from attribution_crf_folds import FOLDS
from attribution_work import crf_tags, parsed_docs

HELD = 0  # the fold held out (texts sorted, k % 5, as polnear_fit's folds)
STAGE_TAG = {"source": "SRC", "cue": "CUE", "content": "CON"}


def tok2vec_config(width: int, depth: int) -> dict[str, Any]:
    return {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": width,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP", "ENT_TYPE"],
            "rows": [5000, 1000, 2500, 1000, 100, 100, 20],
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": width,
            "depth": depth,
            "window_size": 1,
            "maxout_pieces": 3,
        },
    }


def blank(width: int, depth: int) -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe(
        "tagger",
        config={"model": {"@architectures": "spacy.Tagger.v2", "nO": None, "tok2vec": tok2vec_config(width, depth)}},
    )
    return nlp


def sentence_doc(vocab: Any, doc: Document, sentence: Sentence, stage: dict[str, Any] | None) -> Any:
    """A spaCy Doc of one parsed sentence: our tokens, their tag and dependency, and the stage's spans
    as entity types (SRC, CUE, CON)."""
    from spacy.tokens import Doc

    toks = sentence.tokens
    spaces = [toks[k + 1].start > t.end if k + 1 < len(toks) else False for k, t in enumerate(toks)]
    words = [t.text if t.text.strip() else "_" for t in toks]
    out = Doc(vocab, words=words, spaces=spaces, tags=[t.tag or "_" for t in toks], deps=[t.dep or "dep" for t in toks])
    if stage is not None:
        bounds = _raw_bounds(doc, toks)
        ents = ["O"] * len(toks)
        for role in ("cue", "source", "content"):
            for k, tag in enumerate(span_tags(bounds, flat(stage[role]))):
                if tag != "O" and ents[k] == "O":
                    ents[k] = STAGE_TAG[role]
        spans = []
        k = 0
        while k < len(ents):
            if ents[k] == "O":
                k += 1
                continue
            j = k
            while j < len(ents) and ents[j] == ents[k]:
                j += 1
            spans.append(out.char_span(out[k].idx, out[j - 1].idx + len(out[j - 1]), label=ents[k]))
            k = j
        out.set_ents([s for s in spans if s is not None], default="outside")
    return out


def examples(
    nlp: Any, stage: Sequence[FileResult], docs: dict[str, Document], keep: set[str], use_stage: bool
) -> list[Any]:
    from spacy.training import Example

    out = []
    for r in stage:
        t = str(r.file.text)
        if t not in keep:
            continue
        gold = gold_spans(read_ann(r.file.ann), r.text, r.file)
        doc = docs[t]
        for sentence in doc.sentences:
            if not sentence.tokens:
                continue
            tags = labels(_raw_bounds(doc, sentence.tokens), gold)
            pred = sentence_doc(nlp.vocab, doc, sentence, r.system if use_stage else None)
            out.append(Example.from_dict(pred, {"tags": tags}))
    return out


def folds(stage: Sequence[FileResult]) -> dict[str, int]:
    texts = sorted({str(r.file.text) for r in stage})
    return {t: k % FOLDS for k, t in enumerate(texts)}


def train(args: argparse.Namespace) -> None:
    from spacy.util import minibatch

    began = time.time()
    docs = parsed_docs(args.ctx)
    stage: list[FileResult] = pickle.loads((args.ctx / "stage.pkl").read_bytes())
    fold = folds(stage)
    keep = {t for t, k in fold.items() if k != HELD} if not args.all else set(fold)
    nlp = blank(args.width, args.depth)
    exs = examples(nlp, stage, docs, keep, args.stage)
    print(f"{len(exs)} training sentences from {len(keep)} texts, {time.time() - began:.0f} s", flush=True)
    rng = random.Random(0)
    optimizer = nlp.initialize(lambda: exs[:2000])
    optimizer.learn_rate = args.lr
    step = 0
    for epoch in range(args.epochs):
        rng.shuffle(exs)
        losses: dict[str, float] = {}
        for batch in minibatch(exs, size=args.batch):
            nlp.update(batch, sgd=optimizer, drop=args.dropout, losses=losses)
            step += 1
            if time.time() - began > args.minutes * 60:
                break
        out = args.work / f"model-e{epoch}"
        nlp.to_disk(out)
        print(
            f"epoch {epoch}: loss {losses.get('tagger', 0):.1f}, {step} steps, {time.time() - began:.0f} s", flush=True
        )
        if time.time() - began > args.minutes * 60:
            print("time cap reached", flush=True)
            break


def tag_texts(
    nlp: Any, docs: dict[str, Document], stage: dict[str, FileResult] | None, texts: Sequence[str]
) -> dict[str, Any]:
    """Each text tagged: its source spans (greedy BIO) and each token's probability of a source."""
    import numpy
    from attribution_crf_folds import Tagged, decode

    tagger = nlp.get_pipe("tagger")
    names = tagger.labels
    s_cols = [k for k, n in enumerate(names) if n.endswith("-S")]
    out = {}
    for t in texts:
        doc = docs[t]
        sents = [s for s in doc.sentences if s.tokens]
        sdocs = [sentence_doc(nlp.vocab, doc, s, stage[t].system if stage else None) for s in sents]
        scores = tagger.model.predict(sdocs)
        spans: dict[str, set[Fragments]] = {"source": set(), "cue": set()}
        tokens = []
        for s, logits in zip(sents, scores, strict=True):
            e = numpy.exp(logits - logits.max(axis=1, keepdims=True))  # Tagger.v2 gives logits at run time
            sc = e / e.sum(axis=1, keepdims=True)
            bounds = _raw_bounds(doc, s.tokens)
            best = [names[i] for i in sc.argmax(axis=1)]
            for role, more in decode(bounds, best).items():
                spans[role] |= more
            tokens += list(zip(bounds, [float(x) for x in sc[:, s_cols].sum(axis=1)], strict=True))
        out[t] = Tagged(spans, tokens)
    return out


DROPS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3)  # a system source whose best token the model gives less is dropped
ADDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 2.0)  # a model source the system has none near is hung on at this mean


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def current(doc: Document, crf: Any) -> list[tuple[Any, Any]]:
    """The shipped system on one text: the stage out of fold, the CRF checker and its adds at 0.85."""
    from attribution_source_adds import hung, placed

    plan = placed(doc, crf, True)
    found, _ = hung(plan, 0.85)
    return [(b, a) for (b, _), a in zip(plan.found, found, strict=True)]


def with_model(doc: Document, found: list[tuple[Any, Any]], tagged: Any, drop: float, add: float) -> list[Any]:
    """The system's attributions with the model as checker (below ``drop`` off) and adder (at ``add``)."""
    from dataclasses import replace

    tokens = [(s, p) for s, p in tagged.tokens if s[0] >= 0]
    out = []
    for _, a in found:
        spared = a.cue is not None and doc.raw_text[a.cue[0] : a.cue[1]].lower().startswith("according")
        if a.source is not None and not spared and drop > 0:
            inside = [p for s, p in tokens if _overlaps(s, a.source)]
            if inside and max(inside) < drop:
                a = replace(a, source=None, speaker=None)
        out.append(a)
    sources = [a.source for a in out if a.source is not None]
    new = []
    for y in tagged.spans["source"]:
        lo, hi = y[0][0], y[-1][1]
        if any(_overlaps((lo, hi), s) for s in sources):
            continue
        ps = [p for s, p in tokens if _overlaps(s, (lo, hi))]
        if ps and sum(ps) / len(ps) >= add:
            new.append(((lo, hi), sum(ps) / len(ps)))
    taken: set[int] = set()
    for span, _ in sorted(new, key=lambda x: -x[1]):
        free = [
            (abs((a.cue[0] + a.cue[1]) / 2 - (span[0] + span[1]) / 2), k)
            for k, ((bounds, _), a) in enumerate(zip(found, out, strict=True))
            if k not in taken
            and a.source is None
            and bounds is not None
            and a.cue is not None
            and bounds[0] <= span[0] < bounds[1]
            and not _overlaps(a.cue, span)
        ]
        if free:
            k = min(free)[1]
            taken.add(k)
            out[k] = replace(out[k], source=span)
    return out


def _f1(rows: Sequence[tuple[int, int, int]]) -> float:
    m, s, g = (sum(r[k] for r in rows) for k in range(3))
    return 2 * m / (s + g) if s + g else 0.0


def _prf(rows: Sequence[tuple[int, int, int]]) -> str:
    m, s, g = (sum(r[k] for r in rows) for k in range(3))
    return f"P {m / s:.4f} / R {m / g:.4f} / F1 {_f1(rows):.4f}"


def score(args: argparse.Namespace) -> None:
    import spacy
    from attribution_crf_folds import counts, paired_band

    from storyline.eval.polnear import system_spans
    from storyline.output.attributions import FoundAttribution

    began = time.time()
    docs = parsed_docs(args.ctx)
    stage: list[FileResult] = pickle.loads((args.ctx / "stage.pkl").read_bytes())
    oof: dict[str, Document] = pickle.loads((args.ctx / "oof_docs.pkl").read_bytes())
    crf = crf_tags(args.ctx)
    fold = folds(stage)
    held = [r for r in stage if fold[str(r.file.text)] == HELD]
    texts = sorted({str(r.file.text) for r in held})
    by_text = {str(r.file.text): r for r in held}
    nlp = spacy.load(args.model)
    t0 = time.time()
    tagged = tag_texts(nlp, docs, by_text if args.stage else None, texts)
    n_sent = sum(1 for t in texts for s in docs[t].sentences if s.tokens)
    print(f"tagged {len(texts)} texts, {n_sent} sentences in {time.time() - t0:.1f} s", flush=True)
    gold = {r.file.ann: gold_spans(read_ann(r.file.ann), r.text, r.file) for r in held}
    now = {t: current(oof[t], crf[t]) for t in texts}

    def rows(system: dict[str, list[Any]]) -> list[tuple[int, int, int]]:
        results = [FileResult(r.file, "", gold[r.file.ann], system_spans(system[str(r.file.text)])) for r in held]
        return counts(results, "source")

    base = rows({t: [a for _, a in now[t]] for t in texts})
    stage_rows = counts([FileResult(r.file, "", gold[r.file.ann], r.system) for r in held], "source")
    print(f"{len(held)} held-out files, {len(texts)} texts (fold {HELD})")
    print(f"  stage out of fold: {_prf(stage_rows)}")
    print(f"  current system (stage, CRF checker and adds): {_prf(base)}")
    alone = rows({t: [FoundAttribution(y, None, None, None) for y in flat(tagged[t].spans["source"])] for t in texts})
    lo, hi = paired_band(base, alone)
    print(f"  (a) model alone: {_prf(alone)}; delta {_f1(alone) - _f1(base):+.4f} [{lo:+.4f}, {hi:+.4f}]")
    grid = {(d, a): rows({t: with_model(oof[t], now[t], tagged[t], d, a) for t in texts}) for d in DROPS for a in ADDS}
    half = {t: k % 2 for k, t in enumerate(texts)}
    for name, keys in (
        ("(b) adder", [k for k in grid if k[0] == 0.0]),
        ("(c) checker", [k for k in grid if k[1] > 1]),
        ("(d) both", list(grid)),
    ):
        for key in sorted(keys):
            r_ = grid[key]
            lo, hi = paired_band(base, r_)
            delta = f"{_f1(r_) - _f1(base):+.4f} [{lo:+.4f}, {hi:+.4f}]"
            print(f"    {name} drop < {key[0]:.2f}, add >= {key[1]:.2f}: {_prf(r_)}; {delta}")
        nested = list(base)
        for h in (0, 1):
            inside = [j for j, r in enumerate(held) if half[str(r.file.text)] != h]
            best = max(keys, key=lambda key: _f1([grid[key][j] for j in inside]))
            for j, r in enumerate(held):
                if half[str(r.file.text)] == h:
                    nested[j] = grid[best][j]
            print(f"  {name}, half {h}: chosen on the other half: drop < {best[0]:.2f}, add >= {best[1]:.2f}")
        lo, hi = paired_band(base, nested)
        print(
            f"  {name}, nested: {_prf(nested)}; delta {_f1(nested) - _f1(base):+.4f} [{lo:+.4f}, {hi:+.4f}]", flush=True
        )
    print(f"{time.time() - began:.0f} s")


def speed(args: argparse.Namespace) -> None:
    """CPU seconds of the model on the held-out fold's sentences that carry an attribution (building
    the spaCy docs and predicting), as sentences per second on one core."""
    import spacy

    docs: dict[str, Document] = pickle.loads((args.ctx / "oof_docs.pkl").read_bytes())
    stage: list[FileResult] = pickle.loads((args.ctx / "stage.pkl").read_bytes())
    fold = folds(stage)
    by_text = {str(r.file.text): r for r in stage if fold[str(r.file.text)] == HELD}
    nlp = spacy.load(args.model)
    model = nlp.get_pipe("tagger").model
    pairs = [(t, s) for t in sorted(by_text) for s in docs[t].sentences if s.tokens and s.attributions]
    best = []
    for _ in range(3):
        began = time.process_time()
        sdocs = [sentence_doc(nlp.vocab, docs[t], s, by_text[t].system if args.stage else None) for t, s in pairs]
        built = time.process_time()
        for k in range(0, len(sdocs), 256):
            model.predict(sdocs[k : k + 256])
        done = time.process_time()
        best.append((done - began, built - began))
    total, build = min(best)
    print(
        f"{len(pairs)} sentences with an attribution: {len(pairs) / total:,.0f}/s ({build:.2f} s building docs, "
        f"{total - build:.2f} s predicting; best of 3, CPU time)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=["train", "score", "speed"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--ctx", type=Path, required=True)
    parser.add_argument("--width", type=int, default=96)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--minutes", type=float, default=35)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--stage", action="store_true", help="the stage's spans as an input feature")
    parser.add_argument("--all", action="store_true", help="train on every text (for shipping)")
    parser.add_argument("--model", type=Path, help="score: the model folder")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.what == "train":
        train(args)
    elif args.what == "speed":
        speed(args)
    else:
        score(args)


if __name__ == "__main__":
    main()
