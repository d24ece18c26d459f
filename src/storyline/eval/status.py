"""Score each sentence's status (reported, claimed, unverified, confirmed, denied) and its
``attributed_to`` against our own hand-labelled set, ``evaluation/status/status.jsonl``.

``storyline eval status FILE [--split dev|test|all] [--format table|json]`` prints
``status_report(path, split, fmt)``.

Each line of the file is one item: a short passage given as its ``sentences``, the ``index`` of the
sentence to judge, its gold ``status``, ``attributed_to`` (or null) and ``status_detail`` (or null),
the ``outlet`` that publishes it, a ``phenomenon`` tag and a ``split`` ("dev" or "test"). Rules are
developed on dev errors only; test is the figure we report.

Scoring, per item: 1. join the sentences with spaces into one paragraph, read it as a text file
whose ``source:`` header is the outlet, and run the build's stages up to attribution (the same ones
``storyline eval polnear`` runs); 2. the judged sentence is the system sentence that overlaps the
gold sentence most (spaCy may split differently); 3. compare its status exactly, its
``attributed_to`` leniently (case-insensitive, spaces squeezed, a leading "the" ignored, both null
counts as a match), and, on items whose gold has one, its ``status_detail`` exactly.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from storyline.config import Config
from storyline.errors import Errors, InputError
from storyline.eval.polnear import attribution_stages
from storyline.io.read import text_document
from storyline.pipeline import DocumentPipeline
from storyline.records import STATUSES, Document, Sentence, Status

Split = Literal["dev", "test", "all"]
ReportFormat = Literal["table", "json"]

# Belong in storyline.errors.Errors; the lead moves them there.


@dataclass(frozen=True)
class StatusItem:
    id: str
    split: str
    phenomenon: str
    outlet: str | None
    sentences: tuple[str, ...]
    index: int
    status: Status
    attributed_to: str | None
    status_detail: str | None

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    @property
    def span(self) -> tuple[int, int]:
        """Character span of the judged sentence in ``text``."""
        start = sum(len(s) + 1 for s in self.sentences[: self.index])
        return start, start + len(self.sentences[self.index])


@dataclass(frozen=True)
class ItemResult:
    item: StatusItem
    status: Status
    attributed_to: str | None
    status_detail: str | None

    @property
    def status_ok(self) -> bool:
        return self.status == self.item.status

    @property
    def speaker_ok(self) -> bool:
        return same_source(self.attributed_to, self.item.attributed_to)

    @property
    def detail_ok(self) -> bool:
        return self.status_detail == self.item.status_detail


@dataclass(frozen=True)
class Accuracy:
    correct: int
    total: int
    accuracy: float

    @classmethod
    def of(cls, flags: Iterable[bool]) -> Accuracy:
        values = list(flags)
        return cls(sum(values), len(values), sum(values) / len(values) if values else 0.0)


@dataclass(frozen=True)
class StatusScores:
    split: str
    items: int
    status: Accuracy
    attributed_to: Accuracy
    status_detail: Accuracy  # on items whose gold has a detail
    confusion: dict[str, dict[str, int]]  # gold status -> system status -> count
    phenomena: dict[str, dict[str, Accuracy]]  # phenomenon -> {"status", "attributed_to"}
    errors: tuple[dict[str, object], ...] = ()


# -- 1. the file -----------------------------------------------------------------------------------


def _field(row: dict[str, object], name: str, kind: type | tuple[type, ...], path: Path, line: int) -> Any:
    value = row.get(name)
    if name not in row or not isinstance(value, kind):
        raise InputError(Errors.E112.format(path=path, line=line, field=name, kind=_kind_name(kind)))
    return value


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join("null" if k is type(None) else k.__name__ for k in kinds)


def parse_item(row: dict[str, object], path: Path, line: int) -> StatusItem:
    """One item from one JSON object; every problem names the line and the field."""
    sentences: list[object] = _field(row, "sentences", list, path, line)
    if not sentences or not all(isinstance(s, str) and s.strip() for s in sentences):
        raise InputError(Errors.E112.format(path=path, line=line, field="sentences", kind="a list of sentences"))
    index: int = _field(row, "index", int, path, line)
    if not 0 <= index < len(sentences):
        raise InputError(Errors.E113.format(path=path, line=line, index=index, n=len(sentences)))
    status: str = _field(row, "status", str, path, line)
    if status not in STATUSES:
        raise InputError(Errors.E114.format(path=path, line=line, status=status, allowed=", ".join(STATUSES)))
    split: str = _field(row, "split", str, path, line)
    if split not in ("dev", "test"):
        raise InputError(Errors.E119.format(path=path, line=line, split=split))
    optional = (str, type(None))
    return StatusItem(
        id=_field(row, "id", str, path, line),
        split=split,
        phenomenon=_field(row, "phenomenon", str, path, line),
        outlet=_field(row, "outlet", optional, path, line),
        sentences=tuple(str(s) for s in sentences),
        index=index,
        status=status,  # type: ignore[arg-type]
        attributed_to=_field(row, "attributed_to", optional, path, line),
        status_detail=_field(row, "status_detail", optional, path, line),
    )


def read_status_set(path: Path) -> list[StatusItem]:
    """All items of a status set file, in file order."""
    if not path.is_file():
        raise InputError(Errors.E110.format(path=path))
    items: list[StatusItem] = []
    first_line: dict[str, int] = {}
    for line, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as e:
            raise InputError(Errors.E111.format(path=path, line=line, detail=e.msg)) from e
        if not isinstance(row, dict):
            raise InputError(Errors.E111.format(path=path, line=line, detail="not an object"))
        item = parse_item(row, path, line)
        if item.id in first_line:
            raise InputError(Errors.E118.format(path=path, line=line, id=item.id, first=first_line[item.id]))
        first_line[item.id] = line
        items.append(item)
    return items


# -- 2. our statuses ---------------------------------------------------------------------------------


def item_document(item: StatusItem) -> Document:
    """The passage as a text file would be read, its outlet given as a ``source:`` header."""
    header = f"source: {item.outlet}\n\n" if item.outlet else ""
    return text_document(header + item.text, f"status-set#{item.id}")


def judged_sentence(doc: Document, item: StatusItem) -> Sentence | None:
    """The system sentence that overlaps the judged gold sentence most."""
    start, end = item.span
    offset = doc.text.index(item.text)

    def overlap(s: Sentence) -> int:
        return min(s.end, offset + end) - max(s.start, offset + start)

    best = max(doc.sentences, key=overlap, default=None)
    return best if best is not None and overlap(best) > 0 else None


def judge_items(items: Sequence[StatusItem], config: Config | None = None) -> list[ItemResult]:
    """Run the stages up to attribution on every item (one spaCy model, batched) and read the verdicts."""
    config = config or Config()
    pipeline = DocumentPipeline(attribution_stages(config), on_error="raise")
    docs = pipeline.pipe((item_document(i) for i in items), batch_size=config.story.batch_size)
    results = []
    for item, doc in zip(items, docs, strict=True):
        sentence = judged_sentence(doc, item)
        if sentence is None:
            results.append(ItemResult(item, "reported", None, None))
        else:
            results.append(ItemResult(item, sentence.status, sentence.attributed_to, sentence.status_detail))
    return results


# -- 3. scores -------------------------------------------------------------------------------------


def normalize_source(name: str | None) -> str | None:
    if name is None:
        return None
    low = " ".join(name.lower().split()).strip(" ,.")
    return low[4:] if low.startswith("the ") else low


def same_source(system: str | None, gold: str | None) -> bool:
    """Case-insensitive, spaces squeezed, a leading "the" ignored; null matches only null."""
    return normalize_source(system) == normalize_source(gold)


def confusion_matrix(results: Iterable[ItemResult]) -> dict[str, dict[str, int]]:
    """Gold status -> system status -> count, every status present as a row and a column."""
    counts = Counter((r.item.status, r.status) for r in results)
    return {g: {s: counts[(g, s)] for s in STATUSES} for g in STATUSES}


def per_phenomenon(results: Iterable[ItemResult]) -> dict[str, dict[str, Accuracy]]:
    groups: dict[str, list[ItemResult]] = defaultdict(list)
    for r in results:
        groups[r.item.phenomenon].append(r)
    return {
        name: {
            "status": Accuracy.of(r.status_ok for r in group),
            "attributed_to": Accuracy.of(r.speaker_ok for r in group),
        }
        for name, group in sorted(groups.items())
    }


def error_row(r: ItemResult) -> dict[str, object]:
    return {
        "id": r.item.id,
        "phenomenon": r.item.phenomenon,
        "sentence": r.item.sentences[r.item.index],
        "gold": [r.item.status, r.item.attributed_to, r.item.status_detail],
        "system": [r.status, r.attributed_to, r.status_detail],
    }


def scores_of(results: Sequence[ItemResult], split: str, with_errors: bool = False) -> StatusScores:
    detailed = [r for r in results if r.item.status_detail is not None]
    wrong = [r for r in results if not (r.status_ok and r.speaker_ok and r.detail_ok)]
    return StatusScores(
        split=split,
        items=len(results),
        status=Accuracy.of(r.status_ok for r in results),
        attributed_to=Accuracy.of(r.speaker_ok for r in results),
        status_detail=Accuracy.of(r.detail_ok for r in detailed),
        confusion=confusion_matrix(results),
        phenomena=per_phenomenon(results),
        errors=tuple(error_row(r) for r in wrong) if with_errors else (),
    )


def evaluate_status(path: Path, split: Split = "test", with_errors: bool = False) -> StatusScores:
    """Scores of the attribution stage on the ``split`` half of the status set at ``path``."""
    if split not in get_args(Split):
        raise InputError(Errors.E115.format(split=split))
    items = [i for i in read_status_set(path) if split == "all" or i.split == split]
    if not items:
        raise InputError(Errors.E117.format(path=path, split=split))
    return scores_of(judge_items(items), split, with_errors)


def format_table(scores: StatusScores) -> str:
    """Accuracies, the confusion matrix (rows gold, columns system) and the per-phenomenon lines."""
    acc = scores.status, scores.attributed_to, scores.status_detail
    width = max(len(name) for name in scores.phenomena) if scores.phenomena else 10
    lines = [
        f"Status set ({scores.split}): {scores.items} items",
        *(
            f"{name:15}{a.accuracy:7.3f}  ({a.correct}/{a.total})"
            for name, a in zip(("status", "attributed_to", "status_detail"), acc, strict=True)
        ),
        "",
        "confusion (rows gold, columns system):",
        f"{'':12}" + "".join(f"{s:>12}" for s in STATUSES),
        *(f"{g:12}" + "".join(f"{row[s]:12d}" for s in STATUSES) for g, row in scores.confusion.items()),
        "",
        f"{'phenomenon':{width}}  {'n':>4}  {'status':>7}  {'attributed_to':>13}",
        *(
            f"{name:{width}}  {a['status'].total:4d}  {a['status'].accuracy:7.3f}  {a['attributed_to'].accuracy:13.3f}"
            for name, a in scores.phenomena.items()
        ),
    ]
    for e in scores.errors:
        lines.append(f"{e['id']} [{e['phenomenon']}] {e['sentence']}\n    gold {e['gold']}  system {e['system']}")
    return "\n".join(lines)


def status_report(path: Path, split: Split = "test", fmt: ReportFormat = "table", errors: bool = False) -> str:
    """The scores on ``split`` of the status set at ``path``, as a table or as JSON; ``errors``
    lists each item that is wrong in status, attributed_to or detail."""
    if fmt not in get_args(ReportFormat):
        raise InputError(Errors.E116.format(fmt=fmt))
    scores = evaluate_status(path, split, errors)
    return json.dumps(asdict(scores), indent=2, ensure_ascii=False) if fmt == "json" else format_table(scores)
