"""Score story separation (``storyline.corpus.stories``) on ECB+: documents into happenings and stories.

``storyline eval ecbplus DIR [--topics even] [--format table|json]`` prints
``ecbplus_report(directory, topics, fmt)``.

Data: ECB+ (Cybulska & Vossen, LREC 2014; annotations CC-BY 3.0, © VU Amsterdam), CROMER XML files
``DIR/<topic>/<topic>_<n>ecb.xml`` and ``..._<n>ecbplus.xml``. Each topic holds two similar but
different happenings: the "ecb" files report one (gold sub-topic ``<topic>ecb``), the "ecbplus"
files the other (``<topic>ecbplus``). The gold story of a document is its topic.

Steps: 1. read each file's tokens into plain text, one sentence a paragraph, joined back the Penn Treebank way
(``io.ptb``), URLs and the numbers the tokens split ("4 , 051") without spaces; 2. run our per-document stages
up to quantities; 3. cluster the documents of all chosen topics together (``stories.cluster_documents``); 4.
score happenings against sub-topics and stories against topics with B³ P/R/F1 and CoNLL F1 (the mean of MUC,
B³ and CEAF-e F1), written here from their definitions (Vilain et al. 1995; Bagga & Baldwin 1998; Luo 2005).

Honesty: thresholds in ``StoriesConfig`` were set by looking only at odd-numbered topics (dev).
Even-numbered topics are the held-out test; the headline figure is the even topics clustered
together. ``all`` is reported as well, for comparison with others' numbers.
"""

from __future__ import annotations

import json
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from scipy.optimize import linear_sum_assignment

from storyline.build import process_documents
from storyline.config import Config
from storyline.corpus.embeddings import Encoder, get_encoder
from storyline.corpus.stories import Assignment, cluster_documents
from storyline.doc.quantity_units import words
from storyline.errors import Errors, InputError
from storyline.eval.scores import PRF
from storyline.io.read import text_document
from storyline.records import Document, Skipped
from storyline.time.words import MONTH_ANY

Topics = Literal["odd", "even", "all"]
ReportFormat = Literal["table", "json"]
Key = Hashable
Clusters = Sequence[frozenset[Key]]

# Belong in storyline.errors.Errors (not ours to edit here); the codes are reserved for them.

_FILE = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")


@dataclass(frozen=True)
class EcbFile:
    path: Path
    topic: int
    kind: Literal["ecb", "ecbplus"]

    @property
    def subtopic(self) -> str:
        return f"{self.topic}{self.kind}"


# 1. Reading


def list_files(directory: Path, topics: Topics = "all") -> list[EcbFile]:
    """The ECB+ files of the chosen topics, in topic then file order."""
    if topics not in ("odd", "even", "all"):
        raise InputError(Errors.E103.format(topics=topics))
    found = []
    for path in sorted(Path(directory).glob("*/*.xml")):
        m = _FILE.match(path.name)
        if m is None or m.group(1) != path.parent.name:
            continue
        topic = int(m.group(1))
        if topics == "all" or (topic % 2 == 1) == (topics == "odd"):
            found.append(EcbFile(path, topic, m.group(3)))  # type: ignore[arg-type]
    if not found:
        raise InputError(Errors.E101.format(path=directory))
    return sorted(found, key=lambda f: (f.topic, f.kind, int(_FILE.match(f.path.name).group(2))))  # type: ignore[union-attr]


def read_tokens(path: Path) -> list[list[str]]:
    """The words of each sentence of a CROMER XML file, in sentence order."""
    try:
        root = ET.parse(path).getroot()
        sentences: dict[int, list[str]] = {}
        for token in root.iter("token"):
            sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    except (OSError, ET.ParseError, ValueError) as e:
        raise InputError(Errors.E102.format(path=path, detail=f"{type(e).__name__}: {e}")) from e
    return [words for _, words in sorted(sentences.items()) if any(w.strip() for w in words)]


def plain_text(sentences: Sequence[Sequence[str]]) -> str:
    """One sentence a paragraph; a URL (ECB+ files often start with one) is joined without spaces, and a
    number the tokens split is joined back (``_glued``)."""
    lines = ["".join(words) if words[0].lower().startswith("http") else _joined(words) for words in sentences]
    return "\n\n".join(lines)


_DIGITS = re.compile(r"\d+")
_MONTH_WORD = re.compile(MONTH_ANY, re.IGNORECASE)  # a month's name or its abbreviation, a token of its own


def _joined(words: Sequence[str]) -> str:
    return "".join(word if k == 0 or _glued(words, k) else f" {word}" for k, word in enumerate(words))


def _glued(words: Sequence[str], k: int) -> bool:
    """Whether token ``k`` was written with no space before it in the report: ECB+'s tokens split "4,051"
    into "4 , 051", "14.4", "4:59", "12/23/12", ".38" and "225-pound" likewise (without offsets to tell)."""
    if _inner(words, k) or (k >= 2 and _inner(words, k - 1)) or _compound(words, k) or _compound(words, k - 1):
        return True
    point = k >= 2 and words[k - 1] == "." and words[k - 2] in ("a", "(", "$")  # not "Sept . 15", "No . 5"
    return point and _DIGITS.fullmatch(words[k]) is not None  # "a .38 caliber", "(.538)"


_NOT_COMPOUND = frozenset(words("to of and or all another the in on at for by from with than"))


def _compound(words: Sequence[str], k: int) -> bool:
    """Token ``k`` is the hyphen of a number's compound, "225 - pound", "45 - yard" (not a score, "20 - 13",
    nor a dash before a function word)."""
    if not 0 < k < len(words) - 1 or words[k] != "-":
        return False
    after = words[k + 1]
    return (
        re.fullmatch(r"\d[\d,.]*", words[k - 1]) is not None
        and re.fullmatch(r"[a-z]{3,}", after) is not None
        and after not in _NOT_COMPOUND
    )


def _inner(words: Sequence[str], k: int) -> bool:
    """Token ``k`` is a comma, point, colon or slash inside one number: a thousands group "4 , 051" (not after
    a month or a hyphen: "May 5, 300 people", "6-foot-9, 260-pound"), "14 . 4", "4 : 59", "12 / 23"."""
    if not 0 < k < len(words) - 1:
        return False
    before, sep, after = words[k - 1], words[k], words[k + 1]
    if sep == ",":
        led = k >= 2 and (words[k - 2] == "-" or _MONTH_WORD.fullmatch(words[k - 2]) is not None)
        group = re.fullmatch(r"\$?\d{1,3}", before) is not None and re.fullmatch(r"\d{3}[a-z]*", after) is not None
        return group and not led
    if sep == ":":
        return re.fullmatch(r"\d{1,2}", before) is not None and re.fullmatch(r"\d\d", after) is not None
    if sep in (".", "/"):
        return re.fullmatch(r"\$?\d+", before) is not None and _DIGITS.fullmatch(after) is not None
    return False


def read_document(file: EcbFile) -> Document:
    """The file as a Document whose text reads like the report (PTB tokens joined back by ``io.ptb``)."""
    return text_document(plain_text(read_tokens(file.path)), str(file.path))


# 2. Metrics, each over clusterings given as lists of sets of the same items


def _membership(clusters: Clusters) -> dict[Key, frozenset[Key]]:
    return {item: cluster for cluster in clusters for item in cluster}


def b_cubed(system: Clusters, gold: Clusters) -> PRF:
    """B³: per item, the share of its system cluster in its gold cluster (P) and the reverse (R)."""
    sys_of, gold_of = _membership(system), _membership(gold)
    items = list(gold_of)
    if not items:
        return PRF(0.0, 0.0, 0.0)
    p = sum(len(sys_of[i] & gold_of[i]) / len(sys_of[i]) for i in items) / len(items)
    r = sum(len(sys_of[i] & gold_of[i]) / len(gold_of[i]) for i in items) / len(items)
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def _muc_recall(key: Clusters, response: Clusters) -> float:
    """Vilain et al.: sum over key clusters of (|K| - parts of K in the response) / (|K| - 1)."""
    of = _membership(response)
    num = den = 0
    for k in key:
        parts = {of.get(i, frozenset({i})) for i in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num / den if den else 0.0


def muc(system: Clusters, gold: Clusters) -> PRF:
    r, p = _muc_recall(gold, system), _muc_recall(system, gold)
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def ceaf_e(system: Clusters, gold: Clusters) -> PRF:
    """CEAF-e (Luo 2005): the best one-to-one alignment of clusters under phi4 = 2|K∩R| / (|K|+|R|)."""
    if not system or not gold:
        return PRF(0.0, 0.0, 0.0)
    phi = np.array([[2 * len(g & s) / (len(g) + len(s)) for s in system] for g in gold])
    rows, cols = linear_sum_assignment(-phi)
    total = float(phi[rows, cols].sum())
    p, r = total / len(system), total / len(gold)
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def conll_f1(system: Clusters, gold: Clusters) -> float:
    return (muc(system, gold).f1 + b_cubed(system, gold).f1 + ceaf_e(system, gold).f1) / 3


def clusters_of(labels: Mapping[Key, Hashable]) -> list[frozenset[Key]]:
    """Items grouped by their label."""
    groups: dict[Hashable, set[Key]] = {}
    for item, label in labels.items():
        groups.setdefault(label, set()).add(item)
    return [frozenset(g) for g in groups.values()]


# 3. Evaluation


@dataclass(frozen=True)
class Level:
    """Scores of one level of clustering (happenings or stories) against its gold."""

    gold_clusters: int
    system_clusters: int
    b_cubed: PRF
    muc: PRF
    ceaf_e: PRF
    conll_f1: float


@dataclass(frozen=True)
class Scores:
    topics: Topics
    documents: int
    skipped: int
    happenings: Level
    stories: Level
    seconds: float


def score_level(system: Mapping[Key, Hashable], gold: Mapping[Key, Hashable]) -> Level:
    sys_clusters = clusters_of({k: system[k] for k in gold})
    gold_clusters = clusters_of(gold)
    return Level(
        gold_clusters=len(gold_clusters),
        system_clusters=len(sys_clusters),
        b_cubed=b_cubed(sys_clusters, gold_clusters),
        muc=muc(sys_clusters, gold_clusters),
        ceaf_e=ceaf_e(sys_clusters, gold_clusters),
        conll_f1=conll_f1(sys_clusters, gold_clusters),
    )


def prepare(directory: Path, topics: Topics, config: Config) -> tuple[list[Document], dict[str, EcbFile], int]:
    """Steps 1 and 2: the annotated documents, the file of each document path, and how many were skipped."""
    files = list_files(directory, topics)
    by_path = {str(f.path): f for f in files}
    skipped: list[Skipped] = []
    # up to "digest": the events stage reads whether a sentence has a verb of action from it
    docs = process_documents((read_document(f) for f in files), config, skipped, until="digest")
    return docs, by_path, len(skipped)


def score_assignments(
    assignments: Sequence[Assignment], by_path: Mapping[str, EcbFile], topics: Topics, skipped: int, seconds: float
) -> Scores:
    """Step 4: scores of happenings against sub-topics and stories against topics."""
    paths = [a.document for a in assignments]
    return Scores(
        topics=topics,
        documents=len(assignments),
        skipped=skipped,
        happenings=score_level({a.document: a.event for a in assignments}, {p: by_path[p].subtopic for p in paths}),
        stories=score_level({a.document: a.story for a in assignments}, {p: by_path[p].topic for p in paths}),
        seconds=seconds,
    )


def evaluate_ecbplus(
    directory: Path, topics: Topics = "even", config: Config | None = None, encoder: Encoder | None = None
) -> Scores:
    """Read, annotate and cluster the chosen topics' documents together, and score the clusters."""
    config = config or Config()
    began = time.perf_counter()
    docs, by_path, skipped = prepare(directory, topics, config)
    assignments = cluster_documents(docs, encoder or get_encoder(config), config.stories)
    return score_assignments(assignments, by_path, topics, skipped, time.perf_counter() - began)


def format_table(scores: Scores) -> str:
    rows = [("happenings", scores.happenings), ("stories", scores.stories)]
    return "\n".join(
        [
            f"ECB+ story separation ({scores.topics} topics): {scores.documents} documents, "
            f"{scores.skipped} skipped, {scores.seconds:.1f} s",
            f"{'':12}{'gold':>6}{'found':>6}{'B3 P':>7}{'B3 R':>7}{'B3 F1':>7}"
            f"{'MUC F1':>8}{'CEAFe F1':>9}{'CoNLL F1':>9}",
            *(
                f"{name:12}{lv.gold_clusters:6d}{lv.system_clusters:6d}{lv.b_cubed.precision:7.3f}"
                f"{lv.b_cubed.recall:7.3f}{lv.b_cubed.f1:7.3f}{lv.muc.f1:8.3f}{lv.ceaf_e.f1:9.3f}{lv.conll_f1:9.3f}"
                for name, lv in rows
            ),
        ]
    )


def ecbplus_report(directory: Path, topics: Topics = "even", fmt: ReportFormat = "table") -> str:
    """The scores of the chosen topics (``even`` is the held-out test), as a table or as JSON."""
    if fmt not in ("table", "json"):
        raise InputError(Errors.E104.format(fmt=fmt))
    scores = evaluate_ecbplus(Path(directory), topics)
    return json.dumps(asdict(scores), indent=2) if fmt == "json" else format_table(scores)
