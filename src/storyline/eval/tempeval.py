"""Score the temporal tagger (``storyline.time.tag``) on TimeML files as TempEval-3 does.

For each .tml file: 1. read its plain text, gold TIMEX3s and DCT (``eval.timeml``); 2. split the
text into sentences with a rule splitter that keeps offsets; 3. tag each sentence against the DCT
(timed, without spaCy tokens); 4. match system and gold expressions. Scores: extent precision,
recall and F1, strict (same span) and relaxed (overlap, one to one); type and value accuracy over
the relaxed matches; value F1 (a system expression is right when it overlaps a gold one with the
same value).

Split: a file is "dev" when the first hex digit of sha1(its file name, e.g. "wsj_0026.tml", UTF-8)
is even (0 2 4 6 8 a c e) and "test" otherwise; "all" scores both. TimeBank was used whole in early
development; since the split was added, rules are developed by looking at dev errors only, and
test is the held-out figure.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal, get_args

from storyline.errors import Errors, InputError
from storyline.eval.scores import PRF
from storyline.eval.timeml import GoldTimex, TimeMLDocument, find_timeml, read_timeml
from storyline.records import TimeExpression
from storyline.time import tag
from storyline.time.focus import Focus, follow

Span = tuple[int, int]
Split = Literal["dev", "test", "all"]


def split_of(path: Path | str) -> Literal["dev", "test"]:
    """The half a TimeML file belongs to: "dev" when sha1(its file name)'s first hex digit is even."""
    name = Path(path).name
    return "dev" if int(hashlib.sha1(name.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "test"


# A sentence ends at . ! ? (and a closing quote or bracket) before white space and a capital, digit
# or opening quote, unless the stop ends an abbreviation or an initial; a blank line always ends one.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Rev|St|Jr|Sr|Mt|Ft|No|Nos|Inc|Corp|Co|Ltd|"
    r"Bros|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Calif|Conn|Fla|Ill|Mass|Mich|Minn|Penn|Va|"
    r"Wash|Ariz|Colo|Tenn|Tex)|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)


def split_sentences(text: str) -> list[Span]:
    """(start, end) of each sentence, trimmed of surrounding white space."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith((".", "!", "?")) and _ABBREVIATION.search(text[max(0, m.start() - 12) : m.start() + 1]):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return [_trim(text, a, b) for a, b in spans if text[a:b].strip()]


def _trim(text: str, a: int, b: int) -> Span:
    piece = text[a:b]
    return a + len(piece) - len(piece.lstrip()), b - len(piece) + len(piece.rstrip())


@dataclass(frozen=True)
class Match:
    gold: GoldTimex
    system: TimeExpression


@dataclass(frozen=True)
class FileResult:
    path: str
    sentences: int
    seconds: float
    gold: tuple[GoldTimex, ...]
    system: tuple[TimeExpression, ...]  # offsets into the file's plain text


def tag_document(doc: TimeMLDocument) -> FileResult:
    """Tag each sentence of ``doc`` against its DCT; time only the tagger."""
    found: list[TimeExpression] = []
    spans = split_sentences(doc.text)
    seconds = 0.0
    focus = Focus()
    for a, b in spans:
        began = time.perf_counter()
        local = tag(doc.text[a:b], doc.dct, focus=focus)
        focus = follow(focus, local, doc.dct)
        seconds += time.perf_counter() - began
        found.extend(TimeExpression(t.start + a, t.end + a, t.text, t.type, t.value, t.date) for t in local)
    return FileResult(doc.path, len(spans), seconds, doc.timexes, tuple(found))


def relaxed_matches(gold: Sequence[GoldTimex], system: Sequence[TimeExpression]) -> list[Match]:
    """Pair overlapping expressions one to one: each system one takes the first free gold one it overlaps."""
    free = list(gold)
    matches: list[Match] = []
    for sys in system:
        for g in free:
            if g.start < sys.end and sys.start < g.end:
                matches.append(Match(g, sys))
                free.remove(g)
                break
    return matches


def strict_matches(gold: Sequence[GoldTimex], system: Sequence[TimeExpression]) -> int:
    spans = {(g.start, g.end) for g in gold}
    return sum((s.start, s.end) in spans for s in system)


@dataclass(frozen=True)
class Scores:
    split: Split
    files: int
    sentences: int
    gold: int
    system: int
    strict: PRF
    relaxed: PRF
    type_accuracy: float
    value_accuracy: float
    value: PRF
    sentences_per_second: float


@dataclass
class Counts:
    """Counts summed over files, from which ``Scores`` are computed."""

    split: Split = "all"
    files: int = 0
    sentences: int = 0
    seconds: float = 0.0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    same_type: int = 0
    same_value: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        matches = relaxed_matches(result.gold, result.system)
        self.files += 1
        self.sentences += result.sentences
        self.seconds += result.seconds
        self.gold += len(result.gold)
        self.system += len(result.system)
        self.strict += strict_matches(result.gold, result.system)
        self.relaxed += len(matches)
        self.same_type += sum(m.gold.type == m.system.type for m in matches)
        self.same_value += sum(m.gold.value == m.system.value for m in matches)
        self.errors.extend(file_errors(result, matches))

    def scores(self) -> Scores:
        n = self.relaxed
        return Scores(
            split=self.split,
            files=self.files,
            sentences=self.sentences,
            gold=self.gold,
            system=self.system,
            strict=PRF.of(self.strict, self.system, self.gold),
            relaxed=PRF.of(n, self.system, self.gold),
            type_accuracy=self.same_type / n if n else 0.0,
            value_accuracy=self.same_value / n if n else 0.0,
            value=PRF.of(self.same_value, self.system, self.gold),
            sentences_per_second=self.sentences / self.seconds if self.seconds else 0.0,
        )


def _describe(t: GoldTimex | TimeExpression) -> str:
    return f"{t.text} [{t.type} {t.value}]"


def file_errors(result: FileResult, matches: Sequence[Match]) -> list[dict[str, str]]:
    """Missed, spurious, wrong-extent, wrong-type and wrong-value expressions of one file."""
    name = Path(result.path).name
    matched_gold = {id(m.gold) for m in matches}
    matched_sys = {id(m.system) for m in matches}
    out = [{"file": name, "kind": "missed", "gold": _describe(g)} for g in result.gold if id(g) not in matched_gold]
    out += [
        {"file": name, "kind": "spurious", "system": _describe(s)} for s in result.system if id(s) not in matched_sys
    ]
    for m in matches:
        pair = {"gold": _describe(m.gold), "system": _describe(m.system)}
        wrong = {
            "extent": (m.gold.start, m.gold.end) != (m.system.start, m.system.end),
            "type": m.gold.type != m.system.type,
            "value": m.gold.value != m.system.value,
        }
        out += [{"file": name, "kind": kind, **pair} for kind, is_wrong in wrong.items() if is_wrong]
    return out


def evaluate(documents: Iterable[TimeMLDocument], split: Split = "all") -> Counts:
    counts = Counts(split=split)
    for doc in documents:
        counts.add(tag_document(doc))
    return counts


def evaluate_folder(folder: Path, split: Split = "all") -> Counts:
    """Score the tagger on the .tml files of ``split`` under ``folder`` (InputError when there are none,
    or the split is unknown)."""
    if split not in get_args(Split):
        raise InputError(Errors.E150.format(split=split))
    paths = [p for p in find_timeml(folder) if split == "all" or split_of(p) == split]
    return evaluate((read_timeml(path) for path in paths), split)


def scores_dict(scores: Scores) -> dict[str, object]:
    return asdict(scores)


def format_table(scores: Scores) -> str:
    """A small plain-text table of the scores."""
    rows = [
        ("extent strict", scores.strict),
        ("extent relaxed", scores.relaxed),
        ("value", scores.value),
    ]
    lines = [
        f"TempEval-3 timex scores ({scores.split}): {scores.files} files, {scores.sentences} sentences, "
        f"{scores.gold} gold, {scores.system} system",
        f"{'':16}{'P':>8}{'R':>8}{'F1':>8}",
        *(f"{name:16}{prf.precision:8.3f}{prf.recall:8.3f}{prf.f1:8.3f}" for name, prf in rows),
        f"{'type accuracy':16}{scores.type_accuracy:24.3f}",
        f"{'value accuracy':16}{scores.value_accuracy:24.3f}",
        f"tagger speed: {scores.sentences_per_second:,.0f} sentences/second",
    ]
    return "\n".join(lines)
