import pytest

from storyline.config import Config
from storyline.errors import ConfigError


def test_unknown_key_is_an_error_that_names_the_key() -> None:
    with pytest.raises(ConfigError, match=r"E030: the config key 'nlp\.modle'"):
        Config.from_dict({"nlp": {"modle": "en_core_web_sm"}})


def test_model_name_is_configurable() -> None:
    assert Config.from_dict({"nlp": {"model": "en_core_web_sm"}}).nlp.model == "en_core_web_sm"


def test_a_value_out_of_range_is_an_error_about_the_value_not_the_key() -> None:
    with pytest.raises(ConfigError, match=r"E032: the config value of 'story\.batch_size' is not valid"):
        Config.from_dict({"story": {"batch_size": "many"}})


def test_an_unreadable_config_file_names_the_file(tmp_path) -> None:
    broken = tmp_path / "settings.toml"
    broken.write_text("[time\ndefault_tense = 'past'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"E033: the config file .*settings\.toml could not be read"):
        Config.from_file(broken)
    listed = tmp_path / "settings.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"E033: .*settings\.json .*holds a list, not a table"):
        Config.from_file(listed)


def test_the_key_date_floor_is_a_count_of_mentions_of_at_least_one() -> None:
    assert Config.from_dict({"timeline": {"min_date_mentions": 3}}).timeline.min_date_mentions == 3
    with pytest.raises(ConfigError, match=r"E032: the config value of 'timeline\.min_date_mentions'"):
        Config.from_dict({"timeline": {"min_date_mentions": 0}})
    with pytest.raises(ConfigError, match=r"E030: the config key 'timeline\.key_date_share'"):
        Config.from_dict({"timeline": {"key_date_share": 0.2}})  # the share of the best date's score is gone
