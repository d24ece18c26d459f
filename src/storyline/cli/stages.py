"""The commands that print one stage's output on files as JSON, without building or storing a story:
``times``, ``attributions``, ``timeline`` (key dates) and ``cluster`` (story separation)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from storyline.cli.options import config_option, format_option, load_config, run_report, setup_logging
from storyline.errors import StorylineError

if TYPE_CHECKING:
    from storyline.records import Document


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--dct", help="The document creation time, YYYY-MM-DD, for every file. Default: each file's own date.")
@format_option(("json",), "json")
@config_option
def times(inputs: tuple[Path, ...], dct: str | None, output_format: str, config_path: Path | None) -> None:
    """Print the time expressions of each INPUT file as JSON.

    The output is one object: {"<path>": [{"start", "end", "text", "type", "value"}, ...]}, the
    expressions in text order. start and end are character offsets into the file's text exactly
    as read (header lines and junk lines included), so that text[start:end] is the expression;
    they are null for HTML pages, whose article text is extracted from the markup. type is DATE,
    TIME, DURATION or SET and value the TIMEX3 value, resolved against --dct or, without it,
    against the publication date found for the file (a header line, the manifest, the dateline).
    A record of a .json/.jsonl file is keyed "<path>#<n>". Files that cannot be read are reported
    on stderr and the exit status is 1.

    Example:

        storyline times examples/kharkiv-2022/*.txt --dct 2022-09-11
    """
    from storyline.output.times import times_json
    from storyline.time import parse_dct

    setup_logging(quiet=True)
    if dct is not None and parse_dct(dct) is None:
        raise click.BadParameter(f"'{dct}' is not a date. Write it as YYYY-MM-DD, e.g. 2022-09-11.", param_hint="--dct")
    _print_annotated(inputs, "time", dct, config_path, times_json)


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@format_option(("json",), "json")
@config_option
def attributions(inputs: tuple[Path, ...], output_format: str, config_path: Path | None) -> None:
    """Print who says what in each INPUT file as JSON.

    The output is one object: {"<path>": [{"source": [start, end], "cue": [start, end],
    "content": [start, end], "speaker": name or null}, ...]}, in text order. Offsets are character
    offsets into the file's text exactly as read; they are null for HTML pages, and source is null
    when the outlet itself hedges ("could not be verified"). speaker is the resolved name ("he" is
    the person named before) or the source as written. Files that cannot be read are reported on
    stderr and the exit status is 1.

    Example:

        storyline attributions examples/kharkiv-2022/05_civic_post_regrouping.txt
    """
    from storyline.output.attributions import attributions_json

    setup_logging(quiet=True)
    _print_annotated(inputs, "attribution", None, config_path, attributions_json)


@click.command()
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV or JSONL with path, source, published, title per report; gives the publication dates.",
)
@click.option("--dates", type=int, required=True, help="How many dates the timeline has (L).")
@click.option("--sentences-per-date", "per_date", type=int, required=True, help="Sentences per date (K).")
@click.option("--start", help="First date to consider, YYYY-MM-DD (reports published before it are left out).")
@click.option("--end", help="Last date to consider, YYYY-MM-DD.")
@click.option("--keywords", default="", help="Comma-separated topic words; a sentence must hold one to be picked.")
@format_option(("json",), "json")
@config_option
def timeline(
    inputs: tuple[Path, ...],
    manifest: Path | None,
    dates: int,
    per_date: int,
    start: str | None,
    end: str | None,
    keywords: str,
    output_format: str,
    config_path: Path | None,
) -> None:
    """Print a timeline of the INPUT reports as JSON: [{"date": "YYYY-MM-DD", "sentences": [...]}].

    Dates are ranked by how many on-topic sentences and reports mention them (dates resolved by
    the time tagger against each report's publication date); each date's sentences are picked by
    centrality, without repeats. Reports with no known publication day are left out, with a warning.
    This is the Timeline17 protocol of storyline eval timeline17.

    Example:

        storyline timeline --manifest examples/kharkiv-2022/manifest.csv --dates 5 --sentences-per-date 1
    """
    from storyline.output.timeline_json import timeline_json

    setup_logging(quiet=False)
    if not inputs and manifest is None:
        raise click.UsageError("Give INPUT files or folders, or --manifest.")
    run_report(
        lambda: timeline_json(list(inputs), dates, per_date, start, end, keywords, load_config(config_path), manifest)
    )


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@format_option(("json",), "json")
@config_option
def cluster(inputs: tuple[Path, ...], output_format: str, config_path: Path | None) -> None:
    """Split mixed reports into stories, and each story into its happenings; print JSON.

    The output is [{"document": path, "story": n, "event": n}, ...], numbered from 1. Reports are
    grouped by their sentence embeddings, shared names and words; within a story, by the names,
    dates and numbers that set one happening apart from another (settings: [stories] in --config).
    storyline build --split-stories separates stories the same way, with the same settings.

    Example:

        storyline cluster examples/kharkiv-2022
    """
    from storyline.corpus.stories import cluster_json

    setup_logging(quiet=True)
    run_report(lambda: json.dumps(cluster_json(list(inputs), load_config(config_path)), indent=2, ensure_ascii=False))


def _print_annotated(
    inputs: tuple[Path, ...],
    until: str,
    dct: str | None,
    config_path: Path | None,
    to_json: Callable[[list[Document]], object],
) -> NoReturn:
    """Run the per-document stages up to ``until`` on the inputs and print ``to_json`` of them; a file that
    cannot be read is reported on stderr (exit 1), a bad config or input set stops with exit 2."""
    from storyline.build import annotate

    try:
        docs, skipped = annotate(list(inputs), until, dct, load_config(config_path))
    except StorylineError as e:
        click.echo(str(e), err=True)
        sys.exit(2)
    click.echo(json.dumps(to_json(docs), indent=2, ensure_ascii=False))
    for skip in skipped:
        click.echo(f"skipped {skip.path}: {skip.reason}", err=True)
    sys.exit(1 if skipped else 0)
