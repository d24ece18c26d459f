"""Re-run a built story's figures and contradictions in seconds, to read its pairs by hand.

A full ``storyline build`` of a Timeline17 story takes minutes; the figures and contradictions
stages take seconds. ``prep`` loads a build's store and runs the corpus stages up to and including
``happening_days`` once, with the stored vectors, and pickles the story. ``run`` re-runs ``figures``
and ``contradictions`` on that pickle with the code on ``PYTHONPATH`` and writes the pairs and the
series as JSON (the build's own pairs when the code is the build's). ``compare`` prints the pairs
one output has and the other has not. Prep again when a change reaches a stage before ``figures``.
``prep`` may add missing sentence vectors to the store: give it a copy to keep a build as it was.
The pickle holds the code's records: re-run it only with code whose records are the same.

Example:

    PYTHONPATH=src .venv/bin/python benchmarks/contradictions_rerun.py prep /tmp/h1n1/storyline.db /tmp/h1n1.pkl
    PYTHONPATH=src .venv/bin/python benchmarks/contradictions_rerun.py run /tmp/h1n1.pkl /tmp/h1n1_after.json
    .venv/bin/python benchmarks/contradictions_rerun.py compare /tmp/h1n1_before.json /tmp/h1n1_after.json
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import Counter
from pathlib import Path
from typing import Any

from storyline.build import corpus_stages
from storyline.config import Config
from storyline.corpus import contradictions, figures
from storyline.pipeline import run_story
from storyline.records import Story
from storyline.store.store import open_store
from storyline.store.vectors import stored_encoder

# a pair, as compared: its kind and its mentions' (document, sentence), in order
PairKey = tuple[str, tuple[tuple[str, int], ...]]


def prep(database: Path, out: Path) -> None:
    """Pickle the store's first story after the ``happening_days`` stage."""
    config = Config()
    with open_store(f"sqlite:///{database}", create=False) as store:
        summaries = store.stories()
        if not summaries:
            raise SystemExit(f"{database} holds no story. Give the storyline.db of a finished build.")
        story_id = summaries[0].id
        ids = store.document_ids(story_id)
        records = store.load_projections(ids)
        story = Story(id=story_id, title=story_id, documents=tuple(records[i] for i in ids))
        stages = corpus_stages(config, stored_encoder(config, store))
        upto = [stage.name for stage in stages].index("happening_days") + 1
        story = run_story(stages[:upto], story)
    with out.open("wb") as f:
        pickle.dump(story, f)
    print(f"{story_id}: {len(story.documents)} documents, {len(story.events)} events -> {out}")


def run(pickled: Path, out: Path) -> None:
    """Re-run figures and contradictions on a pickled story; write pairs and series as JSON."""
    with pickled.open("rb") as f:
        story = pickle.load(f)  # our own pickle, written by ``prep``
    config = Config()
    story = run_story([figures.build(config), contradictions.build(config)], story)
    result = {
        "contradictions": [
            {
                "kind": c.kind,
                "note": c.note,
                "mentions": [[m.document, m.sentence, m.text] for m in c.mentions],
            }
            for c in story.contradictions
        ],
        "series": [
            {
                "measure": s.measure,
                "unit": s.unit,
                "points": [[p.document, p.sentence, p.value, p.date, list(p.places)] for p in s.points],
            }
            for s in story.figures
        ],
    }
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    kinds = Counter(c.kind for c in story.contradictions)
    points = sum(len(s.points) for s in story.figures)
    print(f"{len(story.contradictions)} contradictions {dict(kinds)}, {len(story.figures)} series, {points} points")


def pair_key(pair: dict[str, Any]) -> PairKey:
    return pair["kind"], tuple((m[0], m[1]) for m in pair["mentions"])


def compare(before: Path, after: Path) -> None:
    """Print the pairs only ``before`` has ("-") and only ``after`` has ("+")."""
    old = {pair_key(p): p for p in json.loads(before.read_text(encoding="utf-8"))["contradictions"]}
    new = {pair_key(p): p for p in json.loads(after.read_text(encoding="utf-8"))["contradictions"]}
    for sign, pairs, others in (("-", old, new), ("+", new, old)):
        for key, pair in pairs.items():
            if key not in others:
                print(f"{sign} {pair['kind']}: {pair['note']}")
                for document, sentence, text in pair["mentions"]:
                    print(f"    {document} #{sentence}: {text}")
    print(f"{len(old)} -> {len(new)} pairs, {len(old.keys() & new.keys())} in both")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("prep", help="pickle a build's story after happening_days")
    p.add_argument("database", type=Path, help="the build's storyline.db")
    p.add_argument("pickle", type=Path)
    r = commands.add_parser("run", help="re-run figures and contradictions on a pickle")
    r.add_argument("pickle", type=Path)
    r.add_argument("out", type=Path, help="JSON to write")
    c = commands.add_parser("compare", help="the pairs two runs do not share")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "prep":
        prep(args.database, args.pickle)
    elif args.command == "run":
        run(args.pickle, args.out)
    else:
        compare(args.before, args.after)


if __name__ == "__main__":
    main()
