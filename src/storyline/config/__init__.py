"""All stage settings in one validated config object with defaults; an unknown key is an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from storyline.config.corpus import (
    DerivationConfig,
    EventsConfig,
    FiguresConfig,
    HappeningDaysConfig,
    StoriesConfig,
    SummaryConfig,
    TimelineConfig,
)
from storyline.config.documents import AttributionConfig, CleanConfig, NlpConfig, TimeConfig
from storyline.config.running import FollowConfig, StoryConfig, WebConfig
from storyline.config.section import Section as _Section
from storyline.errors import ConfigError, Errors

__all__ = [
    "AttributionConfig",
    "CleanConfig",
    "Config",
    "DerivationConfig",
    "EventsConfig",
    "FiguresConfig",
    "FollowConfig",
    "HappeningDaysConfig",
    "NlpConfig",
    "StoriesConfig",
    "StoryConfig",
    "SummaryConfig",
    "TimeConfig",
    "TimelineConfig",
    "WebConfig",
]


class Config(_Section):
    story: StoryConfig = StoryConfig()
    follow: FollowConfig = FollowConfig()
    clean: CleanConfig = CleanConfig()
    nlp: NlpConfig = NlpConfig()
    time: TimeConfig = TimeConfig()
    attribution: AttributionConfig = AttributionConfig()
    derivation: DerivationConfig = DerivationConfig()
    events: EventsConfig = EventsConfig()
    figures: FiguresConfig = FiguresConfig()
    timeline: TimelineConfig = TimelineConfig()
    summary: SummaryConfig = SummaryConfig()
    happening_days: HappeningDaysConfig = HappeningDaysConfig()
    stories: StoriesConfig = StoriesConfig()
    web: WebConfig = WebConfig()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Config:
        try:
            return cls.model_validate(data)
        except ValidationError as e:
            err = e.errors()[0]
            key = ".".join(str(p) for p in err["loc"]) or "(the whole config)"
            message = Errors.E030 if err["type"] == "extra_forbidden" else Errors.E032
            raise ConfigError(message.format(key=key, detail=err["msg"])) from e

    @classmethod
    def from_file(cls, path: Path) -> Config:
        import json
        import tomllib

        try:
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
            raise ConfigError(Errors.E033.format(path=path, detail=e)) from e
        if not isinstance(data, dict):
            raise ConfigError(Errors.E033.format(path=path, detail=f"it holds a {type(data).__name__}, not a table"))
        return cls.from_dict(data)
