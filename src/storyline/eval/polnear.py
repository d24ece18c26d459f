"""Score the attribution stage (who says what) against PolNeAR's brat annotations.

``storyline eval polnear DIRECTORY [--format table|json]`` prints ``polnear_report``.

For each .ann file: 1. find its text (``text/NAME.txt`` beside ``attributions/``, where NAME may
drop the ``_xxxx`` annotator suffix of the .ann name); 2. run our per-document stages up to
attribution on the text as read, and map the spans back to the file's offsets (``Document.text_map``);
3. collect gold Source, Cue and Content spans of the Attribution events (``Content2`` counts as
content); fragments that only white space separates are joined, since brat splits a span at each
line break; 4. per role, compare the distinct system spans with the distinct gold spans:
exact when the fragments are the same (so a gold span with a real gap, "X, he said, Y", is never
matched exactly by our contiguous spans); overlap when they share a character, counted as the largest
one-to-one matching of system and gold spans (augmenting paths), so one span never counts twice.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from storyline.build import document_stages
from storyline.config import Config
from storyline.doc.nlp import load_model
from storyline.errors import Errors, InputError
from storyline.eval.brat import BratDocument, Fragments, read_ann
from storyline.eval.scores import PRF
from storyline.io.read import read_file
from storyline.output.attributions import FoundAttribution, raw_attributions
from storyline.pipeline import DocumentPipeline, Stage
from storyline.records import Document, Skipped

Role = Literal["source", "cue", "content"]
ROLES: tuple[Role, ...] = ("source", "cue", "content")
ReportFormat = Literal["table", "json"]

# Belong in storyline.errors.Errors (not ours to edit here); the codes are reserved for them.

# Attribution needs only sentences and tokens; time and quantities are left out to save time.
_STAGES = frozenset({"clean", "metadata", "nlp", "attribution"})


@dataclass(frozen=True)
class PolnearFile:
    ann: Path
    text: Path


@dataclass(frozen=True)
class FileResult:
    file: PolnearFile
    text: str
    gold: dict[Role, frozenset[Fragments]]
    system: dict[Role, frozenset[Fragments]]


@dataclass(frozen=True)
class RoleScores:
    gold: int
    system: int
    exact: PRF
    overlap: PRF


@dataclass(frozen=True)
class PolnearScores:
    files: int
    texts: int
    skipped: tuple[str, ...]
    seconds_per_text: float
    source: RoleScores
    cue: RoleScores
    content: RoleScores


# -- 1. files ----------------------------------------------------------------------------------


def find_polnear(directory: Path) -> list[PolnearFile]:
    """The .ann files of a split folder (or of a flat folder of .ann and .txt files), with their texts."""
    folder = directory / "attributions" if (directory / "attributions").is_dir() else directory
    texts = directory / "text" if (directory / "text").is_dir() else folder
    anns = sorted(folder.glob("*.ann"))
    if not anns:
        raise InputError(Errors.E070.format(path=directory))
    return [PolnearFile(ann, _text_for(ann, texts)) for ann in anns]


def _text_for(ann: Path, texts: Path) -> Path:
    candidates = [texts / f"{ann.stem}.txt", texts / f"{ann.stem.rsplit('_', 1)[0]}.txt"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise InputError(Errors.E072.format(ann=ann, tried=" or ".join(str(c) for c in dict.fromkeys(candidates))))


# -- 2. our attributions -------------------------------------------------------------------------


def attribution_stages(config: Config) -> list[Stage[Document]]:
    """The build's per-document stages that attribution needs, in the build's order."""
    return [stage for stage in document_stages(config) if stage.name in _STAGES]


def attribute_files(paths: Sequence[Path], config: Config, skipped: list[Skipped]) -> Iterator[Document]:
    """Read each file and run the stages up to attribution, streamed; failures go to ``skipped``."""
    pipeline = DocumentPipeline(attribution_stages(config), on_error="skip")

    def readable() -> Iterator[Document]:
        for path in paths:
            for item in read_file(path):
                if isinstance(item, Skipped):
                    skipped.append(item)
                else:
                    yield item

    yield from pipeline.pipe(readable(), batch_size=config.story.batch_size)
    skipped.extend(pipeline.skipped)


# -- 3. gold spans ---------------------------------------------------------------------------------


def join_fragments(fragments: Fragments, text: str) -> Fragments:
    """Join fragments that only white space separates: brat splits a span at each line break."""
    out = [fragments[0]]
    for start, end in fragments[1:]:
        if text[out[-1][1] : start].strip():
            out.append((start, end))
        else:
            out[-1] = (out[-1][0], max(out[-1][1], end))
    return tuple(out)


def gold_spans(ann: BratDocument, text: str, file: PolnearFile) -> dict[Role, frozenset[Fragments]]:
    """The distinct Source, Cue and Content spans of the Attribution events of one .ann file."""
    out: dict[Role, set[Fragments]] = {role: set() for role in ROLES}
    for event in ann.events:
        if not event.type.startswith("Attribution"):
            continue
        for role, ref in event.args:
            name = role.rstrip("0123456789").lower()
            if name not in out:
                continue
            fragments = ann.spans[ref].fragments
            if fragments[-1][1] > len(text):
                start, end = fragments[0][0], fragments[-1][1]
                raise InputError(
                    Errors.E073.format(ann=file.ann, start=start, end=end, text=file.text, length=len(text))
                )
            out[name].add(join_fragments(fragments, text))  # type: ignore[index]
    return {role: frozenset(spans) for role, spans in out.items()}


def system_spans(found: Sequence[FoundAttribution]) -> dict[Role, frozenset[Fragments]]:
    """The distinct source, cue and content spans we found, each as one fragment."""
    return {role: frozenset((span,) for a in found if (span := getattr(a, role)) is not None) for role in ROLES}


# -- 4. matching and scores --------------------------------------------------------------------------


def overlaps(a: Fragments, b: Fragments) -> bool:
    return any(s < f and r < e for s, e in a for r, f in b)


def overlap_matches(system: Sequence[Fragments], gold: Sequence[Fragments]) -> int:
    """The size of the largest one-to-one matching of overlapping system and gold spans."""
    partner: dict[int, int] = {}  # gold index -> system index

    def augment(i: int, seen: set[int]) -> bool:
        for j, g in enumerate(gold):
            if j in seen or not overlaps(system[i], g):
                continue
            seen.add(j)
            if j not in partner or augment(partner[j], seen):
                partner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(system)))


@dataclass
class _Counts:
    gold: int = 0
    system: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, system: frozenset[Fragments], gold: frozenset[Fragments]) -> None:
        self.gold += len(gold)
        self.system += len(system)
        self.exact += len(system & gold)
        self.overlap += overlap_matches(sorted(system), sorted(gold))

    def scores(self) -> RoleScores:
        return RoleScores(
            self.gold,
            self.system,
            PRF.of(self.exact, self.system, self.gold),
            PRF.of(self.overlap, self.system, self.gold),
        )


@dataclass
class Comparison:
    results: list[FileResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    texts: int = 0
    seconds: float = 0.0


def compare_files(files: Sequence[PolnearFile], config: Config | None = None) -> Comparison:
    """Run attribution once per text and set its spans beside each .ann file's gold spans."""
    config = config or Config()
    load_model(config.nlp.model, config.nlp.gazetteer_min_population)  # not part of the time per text
    run = Comparison()
    texts = list(dict.fromkeys(f.text for f in files))
    began = time.perf_counter()
    docs = {doc.path: doc for doc in attribute_files(texts, config, run.skipped)}
    run.seconds, run.texts = time.perf_counter() - began, len(texts)
    for file in files:
        doc = docs.get(str(file.text))
        text = doc.raw_text if doc else file.text.read_text(encoding="utf-8")
        system = system_spans(raw_attributions(doc)) if doc else {role: frozenset() for role in ROLES}
        run.results.append(FileResult(file, text, gold_spans(read_ann(file.ann), text, file), system))
    return run


def score_results(results: Sequence[FileResult]) -> dict[Role, RoleScores]:
    """Exact and overlap scores per role, summed over files."""
    counts = {role: _Counts() for role in ROLES}
    for result in results:
        for role in ROLES:
            counts[role].add(result.system[role], result.gold[role])
    return {role: c.scores() for role, c in counts.items()}


def score_polnear(directory: Path, config: Config | None = None, limit: int | None = None) -> PolnearScores:
    """Exact and overlap precision, recall and F1 of our source, cue and content spans on a PolNeAR
    split folder (``attributions/*.ann`` and ``text/*.txt``); ``limit`` keeps the first .ann files."""
    files = find_polnear(directory)[:limit]
    run = compare_files(files, config)
    scores = score_results(run.results)
    return PolnearScores(
        files=len(files),
        texts=run.texts,
        skipped=tuple(s.path for s in run.skipped),
        seconds_per_text=round(run.seconds / run.texts, 4) if run.texts else 0.0,
        source=scores["source"],
        cue=scores["cue"],
        content=scores["content"],
    )


# -- 5. command bodies -------------------------------------------------------------------------------


def format_scores(scores: PolnearScores, format: ReportFormat = "table") -> str:
    if format == "json":
        return json.dumps(asdict(scores), indent=2)
    lines = [
        f"PolNeAR attribution: {scores.files} annotation files, {scores.texts} texts, "
        f"{scores.seconds_per_text:.3f} s per text, {len(scores.skipped)} skipped",
        f"{'role':<8} {'gold':>6} {'found':>6}   {'exact P':>7} {'R':>6} {'F1':>6}"
        f"   {'overlap P':>9} {'R':>6} {'F1':>6}",
    ]
    for role in ROLES:
        s: RoleScores = getattr(scores, role)
        e, o = s.exact, s.overlap
        lines.append(
            f"{role:<8} {s.gold:>6} {s.system:>6}   {e.precision:>7.3f} {e.recall:>6.3f} {e.f1:>6.3f}"
            f"   {o.precision:>9.3f} {o.recall:>6.3f} {o.f1:>6.3f}"
        )
    return "\n".join(lines)


def polnear_report(directory: Path, format: ReportFormat = "table", config: Config | None = None) -> str:
    """The text printed by ``storyline eval polnear DIRECTORY``: a table, or the scores as JSON."""
    return format_scores(score_polnear(directory, config), format)
