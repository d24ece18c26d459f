# `storyline eval timeline17 DIR [--format table|json]` prints ``timeline17_report(Path(DIR), fmt)``.
"""Score our timelines (``storyline.corpus.tls``) on Timeline17 with news-tls's protocol.

Reading: DIR holds one folder per ``<topic>_<outlet>`` with ``articles.jsonl`` (``id``, ``time``:
the publication date, ``text``: PTB-tokenized, one sentence a line), ``timelines.jsonl`` (one
reference timeline a line, ``[[date, [sentence, ...]], ...]``) and ``keywords.json``. Folders are
grouped by topic; an article in several outlets' folders (same id and text) is read once.

Protocol, for each reference timeline:
  1. input: the articles of every outlet of its topic published from its first to its last date;
  2. L = its number of dates, K = round(mean sentences per date), the topic's keywords given;
  3. the system timeline's sentences are the articles' lines as given (the tagger and TF-IDF read
     them detokenized by ``storyline.io.ptb``);
  4. learned weights, ``article_hits`` and ``redundancy`` are the ones fitted and chosen without the
     topic (leave one topic out, ``SENTENCE_WEIGHTS_WITHOUT``, ``ARTICLE_HITS_WITHOUT``,
     ``REDUNDANCY_WITHOUT``, written by ``storyline.eval.timeline17_fit``); a topic they do not know
     gets the defaults;
  5. score (``storyline.eval.rouge``): alignment ROUGE-1 and ROUGE-2 (date-content costs,
     many-to-one) and date P/R/F1; the average is mean P and mean R over timelines, then F1.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import Literal

from storyline.corpus.tls import DatedSentence, TimelineDay, TlsSettings, date_article, summarize
from storyline.corpus.tls_features import ARTICLE_HITS_WITHOUT, REDUNDANCY_WITHOUT, SENTENCE_WEIGHTS_WITHOUT
from storyline.errors import Errors, InputError
from storyline.eval.rouge import Timeline, alignment_rouge, date_scores, macro_average
from storyline.eval.scores import PRF
from storyline.io.ptb import detokenize

ReportFormat = Literal["table", "json"]

# Error messages, E090-E099 (to move into storyline.errors).


@dataclass(frozen=True)
class Article:
    id: str
    published: date
    lines: tuple[str, ...]  # the sentences as given, without the line break


@dataclass(frozen=True)
class ReferenceTimeline:
    name: str  # "<topic>_<outlet>", with "#n" when the folder has several timelines
    days: dict[date, tuple[str, ...]]


@dataclass(frozen=True)
class Topic:
    name: str
    articles: tuple[Article, ...]
    keywords: tuple[str, ...]
    timelines: tuple[ReferenceTimeline, ...]


def read_timeline17(root: Path) -> list[Topic]:
    """The topics of a Timeline17 folder, with their articles, keywords and reference timelines."""
    return [read_topic(name, paths) for name, paths in topic_folders(root).items()]


def topic_folders(root: Path) -> dict[str, list[Path]]:
    """The ``<topic>_<outlet>`` folders of ``root`` that hold articles, grouped by topic."""
    folders = sorted(p for p in root.glob("*_*") if (p / "articles.jsonl").is_file())
    if not folders:
        raise InputError(Errors.E090.format(path=root))
    groups: dict[str, list[Path]] = {}
    for folder in folders:
        groups.setdefault(folder.name.split("_")[0], []).append(folder)
    return groups


def read_topic(name: str, folders: list[Path]) -> Topic:
    articles: dict[tuple[str, tuple[str, ...]], Article] = {}
    keywords: dict[str, None] = {}
    timelines: list[ReferenceTimeline] = []
    for folder in folders:
        for article in read_articles(folder / "articles.jsonl"):
            articles.setdefault((article.id, article.lines), article)
        keywords.update(dict.fromkeys(read_keywords(folder / "keywords.json")))
        timelines += read_timelines(folder / "timelines.jsonl", folder.name)
    return Topic(name, tuple(articles.values()), tuple(keywords), tuple(timelines))


def read_articles(path: Path) -> list[Article]:
    articles = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            lines = tuple(s.rstrip() for s in item["text"].split("\n"))
            articles.append(Article(str(item["id"]), date.fromisoformat(item["time"][:10]), lines))
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise InputError(Errors.E091.format(path=path, line=n, detail=e)) from e
    return articles


def read_timelines(path: Path, name: str) -> list[ReferenceTimeline]:
    if not path.is_file():
        return []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    timelines = []
    for n, line in enumerate(lines, start=1):
        try:
            days: dict[date, tuple[str, ...]] = {}
            for day, sentences in json.loads(line):
                key = date.fromisoformat(day[:10])
                days[key] = days.get(key, ()) + tuple(s.strip() for s in sentences)
        except (ValueError, TypeError) as e:
            raise InputError(Errors.E092.format(path=path, line=n, detail=e)) from e
        timelines.append(ReferenceTimeline(name if len(lines) == 1 else f"{name}#{n}", days))
    return timelines


def read_keywords(path: Path) -> list[str]:
    if not path.is_file():
        return []
    try:
        words = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(words, list):
            raise TypeError(f"a JSON {type(words).__name__}")
    except (ValueError, TypeError) as e:
        raise InputError(Errors.E093.format(path=path, detail=e)) from e
    return [str(w) for w in words]


def dated_sentences(topic: Topic) -> list[DatedSentence]:
    """Every line of the topic's articles, detokenized for reading, with the days it mentions."""
    out: list[DatedSentence] = []
    for article in topic.articles:
        plain = [detokenize(line)[0] for line in article.lines]
        out += date_article(article.id, article.published, article.lines, plain)
    return out


@dataclass(frozen=True)
class TimelineScore:
    name: str
    dates: int  # L
    per_date: int  # K
    articles: int
    rouge1: PRF
    rouge2: PRF
    date: PRF
    seconds: float  # wall time to rank the dates and pick the sentences (scoring not included)


def protocol(reference: ReferenceTimeline) -> tuple[date, date, int, int]:
    """(start, end, L, K) for one reference timeline, as news-tls sets them."""
    days = sorted(reference.days)
    sizes = [len(reference.days[d]) for d in days]
    return days[0], days[-1], len(days), round(sum(sizes) / len(sizes))


def score_timeline(
    topic: Topic, reference: ReferenceTimeline, sentences: Sequence[DatedSentence], settings: TlsSettings | None = None
) -> tuple[TimelineScore, list[TimelineDay]]:
    """Run the protocol for one reference timeline; ``sentences`` are the topic's dated sentences."""
    started = time.perf_counter()
    start, end, n_dates, per_date = protocol(reference)
    pool = [s for s in sentences if start <= s.published <= end]
    predicted = summarize(pool, n_dates, per_date, topic.keywords, start, end, settings)
    seconds = time.perf_counter() - started
    system: Timeline = {day.date: day.sentences for day in predicted}
    score = TimelineScore(
        name=reference.name,
        dates=n_dates,
        per_date=per_date,
        articles=len({s.article for s in pool}),
        rouge1=alignment_rouge(system, reference.days, 1),
        rouge2=alignment_rouge(system, reference.days, 2),
        date=date_scores(system, reference.days),
        seconds=seconds,
    )
    return score, predicted


def held_out_settings(topic: str, settings: TlsSettings | None) -> TlsSettings:
    """``settings`` (or the defaults) with the sentence weights, ``article_hits`` and ``redundancy`` fitted
    and chosen without ``topic``."""
    settings = settings or TlsSettings()
    weights = SENTENCE_WEIGHTS_WITHOUT.get(topic)
    if weights is None:
        return settings
    hits, redundancy = ARTICLE_HITS_WITHOUT[topic], REDUNDANCY_WITHOUT[topic]
    return replace(settings, sentence_weights=weights, article_hits=hits, redundancy=redundancy)


@dataclass(frozen=True)
class TopicCost:
    """Wall time from a topic's raw articles.jsonl files to its timelines, with the CPU time and the
    peak resident memory (MiB) while it ran."""

    name: str
    articles: int
    sentences: int
    read_seconds: float  # reading and parsing the JSON lines
    dating_seconds: float  # PTB detokenizing and time tagging
    timeline_seconds: float  # ranking and selection, for every timeline of the topic
    wall_seconds: float  # the three together
    cpu_seconds: float
    peak_mib: float


@dataclass(frozen=True)
class Timeline17Report:
    timelines: tuple[TimelineScore, ...]
    rouge1: PRF
    rouge2: PRF
    date: PRF
    seconds: float
    tagging_seconds: float
    sentences: int
    topics: tuple[TopicCost, ...] = ()
    peak_mib: float = 0.0  # of the whole run


def evaluate_timeline17(root: Path, settings: TlsSettings | None = None) -> Timeline17Report:
    """Every reference timeline of ``root`` scored, news-tls's averages, and each topic's cost."""
    started = time.perf_counter()
    scores: list[TimelineScore] = []
    costs: list[TopicCost] = []
    for name, folders in topic_folders(root).items():
        topic_scores, cost = _evaluate_topic(name, folders, settings)
        scores += topic_scores
        costs.append(cost)
    return Timeline17Report(
        timelines=tuple(scores),
        rouge1=macro_average([s.rouge1 for s in scores]),
        rouge2=macro_average([s.rouge2 for s in scores]),
        date=macro_average([s.date for s in scores]),
        seconds=time.perf_counter() - started,
        tagging_seconds=sum(c.dating_seconds for c in costs),
        sentences=sum(c.sentences for c in costs),
        topics=tuple(costs),
        peak_mib=peak_mib(),
    )


def _evaluate_topic(
    name: str, folders: list[Path], settings: TlsSettings | None
) -> tuple[list[TimelineScore], TopicCost]:
    """Read, date and summarize one topic (timed), then score its timelines."""
    reset_peak()
    wall, cpu = time.perf_counter(), time.process_time()
    topic = read_topic(name, folders)
    read = time.perf_counter() - wall
    sentences = dated_sentences(topic)
    dating = time.perf_counter() - wall - read
    held_out = held_out_settings(topic.name, settings)
    scores = [score_timeline(topic, ref, sentences, held_out)[0] for ref in topic.timelines]
    timelines = sum(s.seconds for s in scores)
    cost = TopicCost(
        name=name,
        articles=len(topic.articles),
        sentences=len(sentences),
        read_seconds=read,
        dating_seconds=dating,
        timeline_seconds=timelines,
        wall_seconds=read + dating + timelines,
        cpu_seconds=time.process_time() - cpu,
        peak_mib=peak_mib(),
    )
    return scores, cost


def peak_mib() -> float:
    """The peak resident memory of this process (VmHWM), in MiB; ru_maxrss where /proc is missing."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> None:
    """Start a new peak at the current resident memory (Linux only; elsewhere the peak is the run's)."""
    clear = Path("/proc/self/clear_refs")
    if sys.platform.startswith("linux") and clear.exists():
        clear.write_text("5")


def timeline17_report(root: Path, fmt: str = "table") -> str:
    """The scores as a table (per timeline, then the average) or as JSON."""
    if fmt not in ("table", "json"):
        raise InputError(Errors.E094.format(fmt=fmt))
    report = evaluate_timeline17(root)
    if fmt == "json":
        return json.dumps(asdict(report), indent=2)
    return format_table(report)


def _row(name: str, r1: PRF, r2: PRF, dates: PRF, extra: str) -> str:
    return f"{name:<26} {r1.f1:6.3f} {r2.f1:6.3f} {dates.f1:6.3f}  {extra}"


def format_table(report: Timeline17Report) -> str:
    lines = [f"{'timeline':<26} {'R1 F1':>6} {'R2 F1':>6} {'date F1':>6}  L/K, articles, seconds"]
    for s in report.timelines:
        lines.append(_row(s.name, s.rouge1, s.rouge2, s.date, f"{s.dates}/{s.per_date}, {s.articles}, {s.seconds:.1f}"))
    lines.append(_row("average (mean P, mean R)", report.rouge1, report.rouge2, report.date, ""))
    lines.append(
        f"{len(report.timelines)} timelines, {report.sentences} sentences; "
        f"{report.seconds:.1f} s in all, {report.tagging_seconds:.1f} s tagging"
    )
    if report.topics:
        lines += ["", "raw articles.jsonl to timelines, per topic (seconds; scoring not included):"]
        lines.append(
            f"{'topic':<10} {'articles':>8} {'sentences':>9} {'read':>6} {'dating':>6} {'timelines':>9} "
            f"{'wall':>6} {'cpu':>6} {'peak MiB':>8}"
        )
        for c in report.topics:
            lines.append(
                f"{c.name:<10} {c.articles:>8} {c.sentences:>9} {c.read_seconds:>6.1f} {c.dating_seconds:>6.1f} "
                f"{c.timeline_seconds:>9.1f} {c.wall_seconds:>6.1f} {c.cpu_seconds:>6.1f} {c.peak_mib:>8.0f}"
            )
        lines.append(f"peak resident memory of the run: {report.peak_mib:.0f} MiB")
    return "\n".join(lines)
