"""How long the joins of ``corpus/happening_joins.py`` take on the events candidates that
``events_search.py prepare`` cached, grouped by a saved run's labels (``labels-NAME.npy``).

The cache holds candidates, not documents, so the deeds are read from each mention's own text (a
claim's or denial's whole sentence, not its attribution's content span): an approximation of the
events stage's ``story_deeds``, whose own time is not part of the joins. Prints CPU seconds of
reading the deeds and of each join, the groups before and after, and how many groups each join took.

Example:

    nice -n 10 .venv/bin/python benchmarks/happening_joins_scale.py --size 10000 \\
        --cache /tmp/events-cache --labels new-10k
"""

from __future__ import annotations

import argparse
import pickle
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from storyline.config import Config
from storyline.corpus import events as ev
from storyline.corpus import happening_joins as hj
from storyline.corpus.deeds import read_deed
from storyline.corpus.denial_answers import key_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--labels", required=True, help="NAME of labels-NAME.npy in the cache")
    args = parser.parse_args()
    with open(args.cache / f"cands-{args.size}.pkl", "rb") as f:
        cands = pickle.load(f)
    vectors = np.load(args.cache / f"vectors-{args.size}.npy", mmap_mode="r")
    labels = np.load(args.cache / f"labels-{args.labels}.npy")
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(i)
    before = [sorted(g) for g in groups.values()]
    mentions = [c.mention for c in cands]
    config = Config().events

    start = time.process_time()
    deeds = {}
    for m in mentions:
        if m.status in hj.DISPUTING or m.status in hj.PLAIN:
            deed = read_deed(m.text, [], m.attributed_to, m.status == "denied")
            if deed is not None:
                deeds[key_of(m)] = deed
    read = time.process_time() - start

    def told(i: int) -> hj.DeedKey | None:
        return hj.told_deed(mentions[i].text, [])

    def fits(i: int, group: list[int], places: bool) -> bool:
        cand = cands[i] if places else replace(cands[i], places=frozenset())
        return all(ev.can_share_event(cand, cands[j]) for j in group)

    outlets = {m.document: m.document for m in mentions}
    start = time.process_time()
    coarse = hj.join_coarse(before, mentions, np.asarray(vectors), told, config.coarse_join_cosine, fits)
    first = time.process_time() - start
    start = time.process_time()
    disputes = hj.join_disputes(coarse, mentions, deeds, {}, outlets, config.dispute_join_days, fits)
    second = time.process_time() - start
    print(f"mentions {len(mentions)}, groups {len(before)}; deeds read {read:.1f} CPU s ({len(deeds)} deeds)")
    print(f"coarse join {first:.2f} CPU s: {len(before)} -> {len(coarse)} groups")
    print(f"dispute join {second:.2f} CPU s: {len(coarse)} -> {len(disputes)} groups")


if __name__ == "__main__":
    main()
