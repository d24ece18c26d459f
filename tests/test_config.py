import pytest

from storyline.config import Config
from storyline.errors import ConfigError


def test_unknown_key_is_an_error_that_names_the_key() -> None:
    with pytest.raises(ConfigError, match=r"E030: the config key 'nlp\.modle'"):
        Config.from_dict({"nlp": {"modle": "en_core_web_sm"}})


def test_model_name_is_configurable() -> None:
    assert Config.from_dict({"nlp": {"model": "en_core_web_sm"}}).nlp.model == "en_core_web_sm"
