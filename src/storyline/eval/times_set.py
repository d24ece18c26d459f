"""Score the time tagger on our own set of news sentences, ``evaluation/time/times.jsonl``.

``storyline eval times-set FILE [--split dev|test|all] [--format table|json] [--errors]`` prints
``times_report(path, split, fmt, show_errors)``.

The set is written by hand as marked-up lines (``evaluation/time/sentences.txt``: ``id | DCT |
phenomenon | text with [extent|TYPE|VALUE] marks``) and turned into JSON Lines by
``write_set``; each item's half is fixed by its id (``split_of_id``), so the halves do not move
when items are added. Scoring, per item: 1. the item is read as a one-paragraph document with its
DCT; 2. it is tagged sentence by sentence as ``storyline eval tempeval`` tags a TimeML file
(``tempeval.tag_document``); 3. system and gold expressions are matched and counted as TempEval-3
does (extent strict and relaxed, type and value over the relaxed matches, value F1).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Literal, get_args

from storyline.errors import Errors, InputError
from storyline.eval.tempeval import Counts, format_table, tag_document
from storyline.eval.timeml import GoldTimex, TimeMLDocument
from storyline.records import TimeType
from storyline.time import parse_dct

Split = Literal["dev", "test", "all"]
ReportFormat = Literal["table", "json"]
TYPES: tuple[TimeType, ...] = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class TimeItem:
    """One item of the set: a sentence or two, its DCT and its gold TIMEX3s (offsets into ``text``)."""

    id: str
    split: Literal["dev", "test"]
    phenomenon: str
    dct: date
    text: str
    timexes: tuple[GoldTimex, ...]


def split_of_id(item_id: str) -> Literal["dev", "test"]:
    """ "dev" when the first hex digit of sha1(the item's id) is even, else "test"."""
    return "dev" if int(hashlib.sha1(item_id.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "test"


_MARK = re.compile(r"\[(?P<extent>[^\[\]|]+)\|(?P<type>[A-Z]+)\|(?P<value>[^\[\]|]+)\]")


def parse_marked(marked: str, where: str = "text") -> tuple[str, tuple[GoldTimex, ...]]:
    """The plain text of a marked-up sentence and its gold expressions: "in [May 2021|DATE|2021-05]"
    gives "in May 2021" and one DATE over "May 2021". ``where`` names the line in errors (E204)."""
    plain: list[str] = []
    timexes: list[GoldTimex] = []
    length = 0
    last = 0
    for m in _MARK.finditer(marked):
        kind = m.group("type")
        if kind not in TYPES:
            raise InputError(Errors.E204.format(where=where, mark=m.group(), detail=f"unknown type {kind!r}"))
        before = marked[last : m.start()]
        plain.append(before)
        length += len(before)
        extent = m.group("extent")
        timexes.append(GoldTimex(length, length + len(extent), extent, kind, m.group("value")))  # type: ignore[arg-type]
        plain.append(extent)
        length += len(extent)
        last = m.end()
    rest = marked[last:]
    if any(c in rest or any(c in p for p in plain) for c in "[]"):
        raise InputError(Errors.E204.format(where=where, mark=marked, detail="a bracket that is not a whole mark"))
    plain.append(rest)
    return "".join(plain), tuple(timexes)


def parse_line(line: str, where: str) -> TimeItem:
    """One ``id | DCT | phenomenon | marked text`` line of sentences.txt (E204 when malformed)."""
    parts = [p.strip() for p in line.split("|", 3)]
    dct = parse_dct(parts[1]) if len(parts) == 4 else None
    if len(parts) != 4 or dct is None or not parts[0]:
        detail = "not 'id | YYYY-MM-DD | phenomenon | text'"
        raise InputError(Errors.E204.format(where=where, mark=line.strip(), detail=detail))
    text, timexes = parse_marked(parts[3], where)
    return TimeItem(parts[0], split_of_id(parts[0]), parts[2], dct, text, timexes)


def read_marked(path: Path) -> list[TimeItem]:
    """The items of a marked-up file; lines that are blank or start with "#" are skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    return [parse_line(line, f"{path}:{n}") for n, line in kept]


def item_json(item: TimeItem) -> dict[str, object]:
    timexes = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value} for t in item.timexes]
    return {"id": item.id, "split": item.split, "phenomenon": item.phenomenon, "dct": item.dct.isoformat(),
            "text": item.text, "timexes": timexes}  # fmt: skip


def write_set(marked: Path, out: Path) -> int:
    """Write the JSON Lines set from the marked-up file; the number of items."""
    items = read_marked(marked)
    out.write_text("".join(json.dumps(item_json(i), ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    return len(items)


def read_set(path: Path) -> list[TimeItem]:
    """The items of a JSON Lines set (E205 names the line that cannot be read)."""
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            items.append(_item(line, f"{path}:{n}"))
    return items


def _item(line: str, where: str) -> TimeItem:
    try:
        row = json.loads(line)
        dct = parse_dct(row["dct"])
        text = row["text"]
        gold = tuple(GoldTimex(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in row["timexes"])
        item = TimeItem(row["id"], row["split"], row["phenomenon"], dct or date.min, text, gold)
    except (json.JSONDecodeError, KeyError, TypeError) as e:
        raise InputError(Errors.E205.format(where=where, detail=f"{type(e).__name__}: {e}")) from e
    wrong = [t.text for t in gold if text[t.start : t.end] != t.text or t.type not in TYPES]
    if dct is None or wrong or item.split not in ("dev", "test"):
        detail = f"extent or type does not match the text: {wrong}" if wrong else "bad dct or split"
        raise InputError(Errors.E205.format(where=where, detail=detail))
    return item


@dataclass(frozen=True)
class PhenomenonScore:
    phenomenon: str
    items: int
    gold: int
    system: int
    right: int  # overlapping a gold expression with the same value


def evaluate_items(items: Iterable[TimeItem], split: Split = "all") -> tuple[Counts, list[PhenomenonScore]]:
    """TempEval-3 counts over the items of ``split``, and value counts per phenomenon."""
    if split not in get_args(Split):
        raise InputError(Errors.E206.format(split=split))
    counts = Counts(split=split)
    per: dict[str, list[int]] = {}
    for item in items:
        if split != "all" and item.split != split:
            continue
        system, right = counts.system, counts.same_value
        counts.add(tag_document(TimeMLDocument(item.id, item.text, item.dct, item.timexes)))
        found = (1, len(item.timexes), counts.system - system, counts.same_value - right)
        per[item.phenomenon] = [a + b for a, b in zip(per.get(item.phenomenon, [0, 0, 0, 0]), found, strict=True)]
    return counts, [PhenomenonScore(name, *row) for name, row in per.items()]


def times_report(path: Path, split: Split = "test", fmt: ReportFormat = "table", show_errors: bool = False) -> str:
    """The scores of ``split`` as a table or JSON; with ``show_errors`` each wrong expression too."""
    counts, phenomena = evaluate_items(read_set(path), split)
    scores = counts.scores()
    if fmt == "json":
        data: dict[str, object] = {**asdict(scores), "phenomena": [asdict(p) for p in phenomena]}
        if show_errors:
            data["errors"] = counts.errors
        return json.dumps(data, indent=2)
    lines = [_header(format_table(scores))]
    lines += _phenomenon_table(phenomena)
    if show_errors:
        lines += ["\t".join(f"{k}={v}" for k, v in e.items()) for e in counts.errors]
    return "\n".join(lines)


def _header(table: str) -> str:
    """tempeval's table, named for this set, counting items, without its speed line (too few to time)."""
    named = table.replace("TempEval-3 timex scores", "Our news time set").replace(" files,", " items,")
    return named.rsplit("\n", 1)[0]


def _phenomenon_table(phenomena: Sequence[PhenomenonScore]) -> list[str]:
    rows = [f"{'phenomenon':20}{'items':>6}{'gold':>6}{'system':>8}{'right':>7}"]
    rows += [f"{p.phenomenon:20}{p.items:6}{p.gold:6}{p.system:8}{p.right:7}" for p in phenomena]
    return rows


# python -m storyline.eval.times_set evaluation/time/sentences.txt evaluation/time/times.jsonl
if __name__ == "__main__":
    import sys

    print(f"{write_set(Path(sys.argv[1]), Path(sys.argv[2]))} items written to {sys.argv[2]}")
