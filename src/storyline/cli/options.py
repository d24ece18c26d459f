"""The options several commands share, written once as decorators, and the helpers every command uses:
the settings of ``--config``, logging, and printing a report or its input error."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from storyline.config import Config
from storyline.errors import StorylineError

F = TypeVar("F", bound=Callable[..., Any])


def quiet_option(func: F) -> F:
    return click.option("--quiet", "-q", is_flag=True, help="Print only errors and the final summary.")(func)


def config_option(func: F) -> F:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A TOML or JSON file of stage settings (see storyline/config/); unknown keys are errors.",
    )(func)


def store_options(func: F) -> F:
    """``--out`` and ``--db``: where a story's outputs and its store go."""
    func = click.option("--db", "db_url", help="Store URL. Default: sqlite:///OUT/storyline.db.")(func)
    return click.option(
        "--out",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("out"),
        show_default=True,
        help="Folder for story.json, report.md, report.html and the default store.",
    )(func)


def story_io_options(func: F) -> F:
    """``--manifest``, ``--out`` and ``--db``: where a story's reports come from and where it goes."""
    func = store_options(func)
    return click.option(
        "--manifest",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="CSV or JSONL with path (or url), source, published, title per report; overrides the files.",
    )(func)


def engine_options(func: F) -> F:
    """``--engine``, ``--scheduler`` and ``--workers``: where the per-document stages run."""
    func = click.option(
        "--workers",
        type=click.IntRange(min=1),
        help="Workers of the LocalCluster that --engine dask starts (default: one per core).",
    )(func)
    func = click.option(
        "--scheduler",
        help="A running Dask scheduler, e.g. tcp://10.0.0.5:8786; without it --engine dask starts a LocalCluster.",
    )(func)
    return click.option(
        "--engine",
        type=click.Choice(("local", "dask")),
        help="Where the per-document stages run: local (this process, the default) or dask.",
    )(func)


def split_option(func: F) -> F:
    """``--split dev|test|all`` for evaluation sets halved into development and held-out parts."""
    return split_option_defaulting("test")(func)


def split_option_defaulting(default: str) -> Callable[[F], F]:
    """``--split dev|test|all`` with another default (tempeval keeps ``all``, its historical figure)."""

    def decorate(func: F) -> F:
        return click.option(
            "--split",
            type=click.Choice(("dev", "test", "all")),
            default=default,
            show_default=True,
            help="Which half: rules are developed on dev only; test is the figure to report.",
        )(func)

    return decorate


def format_option(choices: tuple[str, ...], default: str) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(func)

    return decorate


def load_config(path: Path | None) -> Config:
    """The settings of ``--config``, or the defaults; a bad file raises ``ConfigError`` (E030, E032, E033)."""
    return Config.from_file(path) if path else Config()


def setup_logging(quiet: bool) -> None:
    logging.basicConfig(level=logging.ERROR if quiet else logging.WARNING, format="%(levelname)s %(message)s")


def run_report(report: Callable[[], str]) -> None:
    """Print a command's report (a score table, a timeline's JSON), or its input error with exit status 2."""
    try:
        click.echo(report())
    except StorylineError as e:
        click.echo(str(e), err=True)
        sys.exit(2)
