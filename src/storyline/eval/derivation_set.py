"""Generate a labelled set of derived reports for ``storyline eval derivation``, seeded and model-free.

Base reports are the example corpus (our own text) and, when given, Timeline17 articles, read at
run time (research use only: none of their text is stored in the repository) and joined back
from Penn Treebank tokens with ``io/ptb.py``. Bases that share 30% of their shingles with an
earlier base are left out, so that the originals are unrelated to one another as far as the text
shows. For ``n`` reports the set holds originals, with their publication dates, and derived reports:

- ``exact``: the original under another outlet, a day or more later (same-day identical texts
  carry nothing that says which came first);
- ``junk``: the same, with web-junk lines added ("Listen to this story", "SEE ALSO: <title>",
  "Comments (7)", a tracking token ...);
- ``trimmed``: the last paragraphs cut (at most 15% of the words), the same day or later;
- ``excerpt``: a contiguous run of 20-60% of the sentences, the same day or later;
- ``rewrite``: sentences reordered and rephrased by rules (attribution moved to the front,
  clause order swapped around a comma, number formats, a synonym table, contractions), plus one
  added sentence, a day or more later.

The first three are ``duplicate`` relations. Every other original of the same topic is an
unrelated report on the same story. When the set needs more originals than there are unrelated
bases (40% of ``n``), the rest are collages of Timeline17 sentences (``derivation_synth``).
"""

from __future__ import annotations

import json
import random
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from storyline.io.ptb import detokenize, looks_tokenized
from storyline.io.read import read_inputs
from storyline.records import IsoDate, Relation

Kind = Literal["original", "exact", "junk", "trimmed", "excerpt", "rewrite"]
KIND_RELATION: dict[Kind, Relation] = {
    "exact": "duplicate",
    "junk": "duplicate",
    "trimmed": "duplicate",
    "excerpt": "excerpt",
    "rewrite": "rewrite",
}
KIND_WEIGHTS: dict[Kind, float] = {"exact": 0.2, "junk": 0.2, "trimmed": 0.15, "excerpt": 0.2, "rewrite": 0.25}
ORIGINAL_SHARE = 0.4  # of n, as long as there are enough bases
EXAMPLE_DATE = "2022-09-12"  # for undated example reports: the middle of the story
MIN_SENTENCES = 5
MIN_WORDS = 80
BASE_OVERLAP = 0.3
COMMON_SHINGLE = 40  # a shingle in more bases than this is a phrase ("one of the"), not a sign of copying
# Reports the example corpus itself derives from another (tests/golden/kharkiv-2022.json).
EXAMPLE_DERIVED = frozenset({"02_harbor_daily_rewrite.txt", "03_meridian_wire_copy.txt"})
OUTLETS = (
    "Harbor Daily", "Plainview Herald", "Civic Post", "Northlight News", "Riverbank Times", "Eastern Ledger",
    "Morning Courier", "Valley Gazette", "Coastline Record", "Metro Dispatch", "Summit Tribune", "Lakeside Star",
)  # fmt: skip
_SENT_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class BaseReport:
    topic: str
    text: str  # paragraphs (or Timeline17's sentence lines) separated by newlines
    published: IsoDate
    title: str
    example: bool = False


@dataclass(frozen=True)
class GeneratedReport:
    """One report of the set; a derived one names its original (an index into the set) and kind."""

    index: int
    source: str
    published: IsoDate
    title: str
    text: str
    kind: Kind
    origin: int | None = None

    @property
    def relation(self) -> Relation | None:
        return KIND_RELATION[self.kind] if self.kind != "original" else None


def split_sentences(text: str) -> list[str]:
    """Sentences by line, then by sentence punctuation: a rule splitter, no model."""
    return [s for line in text.splitlines() if line.strip() for s in _SENT_END.split(line.strip())]


def shingle_hashes(text: str, size: int = 3) -> frozenset[int]:
    tokens = _WORD.findall(text.lower())
    return frozenset(zlib.crc32(" ".join(tokens[i : i + size]).encode()) for i in range(len(tokens) - size + 1))


# -- 1. base reports ------------------------------------------------------------------------------


def example_bases(folder: Path) -> list[BaseReport]:
    manifest = folder / "manifest.csv"
    documents, _ = read_inputs([folder], manifest if manifest.is_file() else None)
    bases = []
    for doc in documents:
        if Path(doc.path or "").name in EXAMPLE_DERIVED:
            continue
        title = doc.hint("title")
        published = doc.hint("published")
        bases.append(
            BaseReport(
                topic=folder.name,
                text=_paragraph_lines(doc.text),
                published=(published.value[:10] if published else EXAMPLE_DATE),
                title=title.value if title else title_from(doc.text),
                example=True,
            )
        )
    return bases


def timeline17_bases(folder: Path) -> Iterator[BaseReport]:
    for path in sorted(folder.glob("*/articles.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                text = record["text"]
                if looks_tokenized(text):
                    text = detokenize(text)[0]
                text = "\n".join(s.strip() for s in text.splitlines() if s.strip())
                yield BaseReport(path.parent.name, text, record["time"][:10], title_from(text))


def _paragraph_lines(text: str) -> str:
    return "\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())


def title_from(text: str) -> str:
    first = split_sentences(text)[0] if text.strip() else ""
    return " ".join(first.split()[:10]).rstrip(".,;:")


def unrelated_bases(bases: Sequence[BaseReport]) -> list[BaseReport]:
    """Long enough bases, earliest first, without one that shares ``BASE_OVERLAP`` of its shingles
    with a base kept before it (copies, updates and excerpts of one another in the sources)."""
    kept: list[BaseReport] = []
    sizes: list[int] = []
    postings: dict[int, list[int]] = defaultdict(list)
    ordered = sorted(bases, key=lambda b: (b.published, b.topic, b.text))
    for base in ordered:
        if len(split_sentences(base.text)) < MIN_SENTENCES or len(_WORD.findall(base.text)) < MIN_WORDS:
            continue
        shingles = shingle_hashes(base.text)
        counts = Counter(k for s in shingles if len(postings.get(s, ())) <= COMMON_SHINGLE for k in postings[s])
        if any(c >= BASE_OVERLAP * min(len(shingles), sizes[k]) for k, c in counts.items()):
            continue
        for s in shingles:
            postings[s].append(len(kept))
        kept.append(base)
        sizes.append(len(shingles))
    return kept


def load_bases(examples: Path, t17_dir: Path | None) -> list[BaseReport]:
    bases = example_bases(examples)
    if t17_dir is not None:
        bases.extend(timeline17_bases(t17_dir))
    return unrelated_bases(bases)


# -- 2. derived reports ---------------------------------------------------------------------------


def generate(bases: Sequence[BaseReport], n: int, seed: int) -> list[GeneratedReport]:
    """``n`` reports: originals first (examples always among them), then derived ones, shuffled by seed."""
    rng = random.Random(seed)
    examples = [b for b in bases if b.example]
    others = [b for b in bases if not b.example]
    rng.shuffle(others)
    n_orig = min(max(2, round(n * ORIGINAL_SHARE)), n)
    if n_orig > len(bases):
        from storyline.eval.derivation_synth import synthetic_bases

        # a generator of its own, so that the sets that need no collage are as they were
        others += synthetic_bases(bases, n_orig - len(bases), random.Random(seed + 1))
    n_orig = min(n_orig, len(examples) + len(others))
    chosen = (examples + others)[:n_orig]
    reports = [
        GeneratedReport(i, rng.choice(OUTLETS), b.published, b.title, b.text, "original") for i, b in enumerate(chosen)
    ]
    titles = [b.title for b in bases]
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())
    while len(reports) < n:
        origin = rng.randrange(n_orig)
        kind = rng.choices(kinds, weights)[0]
        text = derive_text(chosen[origin].text, kind, rng, titles)
        if text is None:
            continue
        delay = rng.choice((0, 0, 1, 2, 3)) if kind in ("trimmed", "excerpt") else rng.choice((1, 1, 2, 3))
        source = f"{rng.choice(OUTLETS)} ({len(reports)})"  # one outlet per report: ids hash text and source
        title = chosen[origin].title if kind != "rewrite" else rephrase(chosen[origin].title, rng)
        published = (date.fromisoformat(chosen[origin].published) + timedelta(days=delay)).isoformat()
        reports.append(GeneratedReport(len(reports), source, published, title, text, kind, origin))
    return reports


def derive_text(text: str, kind: Kind, rng: random.Random, titles: Sequence[str]) -> str | None:
    lines = text.splitlines()
    if kind == "exact":
        return text
    if kind == "junk":
        return add_junk(lines, rng, titles)
    if kind == "trimmed":
        return trim(lines, rng)
    if kind == "excerpt":
        return excerpt(split_sentences(text), rng)
    return rewrite(lines, rng)


def trim(lines: list[str], rng: random.Random) -> str | None:
    """Cut the last one or two paragraphs, as long as at most 15% of the words go."""
    total = len(_WORD.findall(" ".join(lines)))
    for cut in (rng.choice((1, 2)), 1):
        kept = lines[:-cut]
        if len(_WORD.findall(" ".join(kept))) >= 0.85 * total and len(kept) >= 2:
            return "\n".join(kept)
    return None


def excerpt(sentences: list[str], rng: random.Random) -> str | None:
    if len(sentences) < 6:
        return None
    size = max(3, round(len(sentences) * rng.uniform(0.2, 0.6)))
    start = rng.randrange(len(sentences) - size + 1)
    part = sentences[start : start + size]
    return "\n".join(" ".join(part[i : i + 3]) for i in range(0, len(part), 3))


# Junk lines of our own, of the kinds the clean stage removes (DEVELOPERS.md, "Kinds of web junk").
JUNK_LINES = (
    "Listen to this story", "Play", "Font size", "A A A", "Share", "Print", "Back to top", "Advertisement",
    "Story continues below advertisement", "Subscribe now", "Sign up for our morning newsletter",
    "Follow us on Telegram and X", "Accept all", "We use cookies to improve your experience.",
    "Facebook Twitter WhatsApp Email",
)  # fmt: skip


def junk_line(rng: random.Random, titles: Sequence[str]) -> str:
    choice = rng.randrange(6)
    if choice == 0:
        return f"{rng.choice(('SEE ALSO', 'Read more', 'Related'))}: {rng.choice(titles)}"
    if choice == 1:
        return f"Comments ({rng.randrange(1, 400)})"
    if choice == 2:
        token = "".join(rng.choice("abcdef0123456789") for _ in range(8))
        return f"utm_source={rng.choice(('rss', 'home', 'feed'))}&utm_medium=web&trk={token}"
    if choice == 3:
        return f"{rng.randrange(0, 3)}:{rng.randrange(10, 60)} / {rng.randrange(3, 9)}:{rng.randrange(10, 60)}"
    return rng.choice(JUNK_LINES)


def add_junk(lines: list[str], rng: random.Random, titles: Sequence[str]) -> str:
    out = list(lines)
    for _ in range(rng.randint(2, 5)):
        out.insert(rng.randrange(len(out) + 1), junk_line(rng, titles))
    return "\n".join(out)


# -- 3. rewrites by rule ----------------------------------------------------------------------------

SYNONYMS = {
    "said": "stated", "says": "states", "about": "around", "more than": "over", "began": "started",
    "begin": "start", "announced": "declared", "officials": "authorities", "government": "administration",
    "help": "assist", "large": "big", "big": "large", "many": "numerous", "also": "as well", "nearly": "almost",
    "almost": "nearly", "however": "but", "because": "since", "before": "prior to", "after": "following",
    "people": "individuals", "area": "region", "town": "municipality", "attack": "assault", "killed": "slain",
    "increase": "rise", "decrease": "fall", "show": "indicate", "showed": "indicated", "try": "attempt",
    "tried": "attempted", "told": "informed", "week": "seven days", "important": "significant", "buy": "purchase",
    "end": "close", "start": "beginning", "company": "firm", "spokesman": "representative", "leaders": "chiefs",
}  # fmt: skip
CONTRACTIONS = {
    "did not": "didn't", "do not": "don't", "does not": "doesn't", "is not": "isn't", "was not": "wasn't",
    "were not": "weren't", "will not": "won't", "has not": "hasn't", "have not": "haven't", "cannot": "can't",
    "would not": "wouldn't", "could not": "couldn't", "it is": "it's", "that is": "that's",
}  # fmt: skip
_SWAP = {**CONTRACTIONS, **{v: k for k, v in CONTRACTIONS.items()}}
_SYNONYM = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b", re.I)
_CONTRACTION = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _SWAP), key=len, reverse=True)) + r")(?!\w)", re.I)
_ATTRIBUTION_END = re.compile(r"^(?P<body>[^\"“”]{20,}?),? (?P<who>(?:[A-Z][\w'.-]*\s?){1,4}|the \w+(?: \w+)?) said\.$")
_LEADING_CLAUSE = re.compile(
    r"^(?P<sub>After|When|While|Although|Because|As|Since|If|Before|Despite) (?P<a>[^,]{8,}), (?P<b>[^,]{12,})\.$"
)
_THOUSANDS = re.compile(r"\b(\d{1,3}),(\d{3})\b")
_PLAIN_NUMBER = re.compile(r"(?<![\d,.])(\d)(\d{3})(?![\d,.])")
ADDED_SENTENCES = (
    "A spokesperson for {name} did not immediately respond to a request for comment on the latest developments.",
    "Reporters at the scene said the mood among residents was tense but calm late on the day.",
    "The figures could not be independently verified, and several officials gave differing accounts.",
    "{name} is expected to give more details at a briefing later this week, aides said.",
    "Analysts cautioned that the full picture may take weeks to emerge as more information comes in.",
)


def _case_like(word: str, replacement: str) -> str:
    return replacement[0].upper() + replacement[1:] if word[0].isupper() else replacement


def rephrase(sentence: str, rng: random.Random) -> str:
    """One sentence rephrased by rules; the words it keeps are its own."""
    s = sentence.strip()
    if (m := _ATTRIBUTION_END.match(s)) and rng.random() < 0.9:
        body = m["body"][0].lower() + m["body"][1:] if not m["body"][:2].isupper() else m["body"]
        s = f"According to {m['who']}, {body}."
    elif (m := _LEADING_CLAUSE.match(s)) and rng.random() < 0.9:
        s = f"{m['b'][0].upper()}{m['b'][1:]} {m['sub'].lower()} {m['a']}."
    s = _THOUSANDS.sub(r"\1\2", s) if _THOUSANDS.search(s) else _PLAIN_NUMBER.sub(_comma_unless_year, s)
    s = _CONTRACTION.sub(lambda m: _case_like(m[0], _SWAP[m[0].lower()]), s)
    return _SYNONYM.sub(lambda m: _case_like(m[0], SYNONYMS[m[0].lower()]) if rng.random() < 0.8 else m[0], s)


def _comma_unless_year(m: re.Match[str]) -> str:
    return m[0] if 1900 <= int(m[0]) <= 2099 else f"{m[1]},{m[2]}"


def rewrite(lines: list[str], rng: random.Random) -> str | None:
    """Sentences rephrased, the lede kept first and the rest reordered in blocks, one sentence added."""
    sentences = [rephrase(s, rng) for s in split_sentences("\n".join(lines))]
    if len(sentences) < 3:
        return None
    rest, blocks = sentences[1:], []
    while rest:
        size = rng.choice((1, 2, 3))
        blocks.append(rest[:size])
        rest = rest[size:]
    rng.shuffle(blocks)
    body = [sentences[0], *(s for block in blocks for s in block)]
    names = re.findall(r"(?<=[a-z,] )[A-Z][a-z]{3,}(?: [A-Z][a-z]+)?", " ".join(sentences)) or ["the government"]
    added = rng.choice(ADDED_SENTENCES).format(name=rng.choice(names))
    body.insert(rng.randrange(1, len(body) + 1), added[0].upper() + added[1:])
    return "\n".join(" ".join(body[i : i + 2]) for i in range(0, len(body), 2))
