"""The work folder that the attribution fold experiments share (their ``--work``): the parsed PolNeAR texts
(``parsed.pkl``, as ``polnear_fit_tagger.parsed`` writes it for ``attribution_crf_folds.py``, keyed by
text path, so give the split's folder as it was given then), the source tagger's out-of-fold tags
(``crf.pkl``, of ``attribution_crf_folds.py``), and what a script keeps there so that the next run
starts faster (``kept``: the out-of-fold documents, the fold models).
"""

from __future__ import annotations

import argparse
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from attribution_crf_folds import FOLDS, Tagged

from storyline.records import Document

T = TypeVar("T")


def work_parser(description: str | None) -> argparse.ArgumentParser:
    """An argument parser with the arguments these scripts share: the split's folder and ``--work``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("folder", type=Path, help="a PolNeAR split, e.g. ../shared/data/polnear/train")
    parser.add_argument("--work", type=Path, required=True, help="the work folder (parsed.pkl, crf.pkl, ...)")
    return parser


def _read(path: Path) -> Any:
    if not path.is_file():
        raise SystemExit(f"{path} does not exist: run benchmarks/attribution_crf_folds.py with this --work first.")
    with path.open("rb") as f:
        return _Unpickler(f).load()


class _Unpickler(pickle.Unpickler):
    """Reads ``crf.pkl``, whose tags were pickled by ``attribution_crf_folds.py`` run as ``__main__``."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "__main__" and name == "Tagged":
            return Tagged
        return super().find_class(module, name)


def parsed_docs(work: Path) -> dict[str, Document]:
    """The parsed texts of ``work/parsed.pkl``, by text path."""
    return _read(work / "parsed.pkl")  # type: ignore[no-any-return]


def crf_tags(work: Path) -> dict[str, Tagged]:
    """The source tagger's out-of-fold tags of ``work/crf.pkl``, by text path."""
    return _read(work / "crf.pkl")  # type: ignore[no-any-return]


def kept(path: Path, make: Callable[[], T]) -> T:
    """What ``make`` returns, read from ``path`` when an earlier run wrote it there, else made and written."""
    if path.is_file():
        return pickle.loads(path.read_bytes())  # type: ignore[no-any-return]
    out = make()
    path.write_bytes(pickle.dumps(out))
    return out


def folds_of(texts: set[str]) -> dict[str, int]:
    """Each text's fold: the texts in order of path, dealt round the folds."""
    return {t: k % FOLDS for k, t in enumerate(sorted(texts))}
