"""``storyline eval``: the commands that score storyline's stages on benchmark sets (the scorers are in
``storyline.eval``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, cast

import click

from storyline.cli.options import format_option, run_report, split_option, split_option_defaulting
from storyline.errors import StorylineError


@click.group("eval")
def eval_group() -> None:
    """Score storyline's stages on benchmark sets (see storyline/eval).

    Example:

        storyline eval tempeval ../shared/data/tempeval3/TimeBank
        storyline eval polnear ../shared/data/polnear/dev
        storyline eval newsquant ../shared/data/newsquant/NewsQuant.json
        storyline eval timeline17 ../shared/data/timeline17
        storyline eval ecbplus ../shared/data/ecbplus
        storyline eval status evaluation/status/status.jsonl
        storyline eval times-set evaluation/time/times.jsonl
        storyline eval derivation --sizes 1000 --t17 ../shared/data/timeline17
    """


@eval_group.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@split_option_defaulting("all")
@format_option(("table", "json"), "table")
@click.option("--errors", "show_errors", is_flag=True, help="Also list each missed, spurious or wrong expression.")
def tempeval(folder: Path, split: str, output_format: str, show_errors: bool) -> None:
    """Score the time tagger on the TimeML (.tml) files in FOLDER, as TempEval-3 does.

    Each file's text is split into sentences and tagged against its creation time (the TIMEX3
    with functionInDocument="CREATION_TIME"). Prints extent precision, recall and F1, strict
    (same span) and relaxed (overlap, one to one); type and value accuracy over the relaxed
    matches; value F1 (overlap and same value); and the tagger's speed in sentences/second.
    --split dev or test scores the files whose sha1(file name) starts with an even or odd hex digit.

    Example:

        storyline eval tempeval ../shared/data/tempeval3/TimeBank --split test --format json
    """
    from storyline.eval.tempeval import Split as TempevalSplit
    from storyline.eval.tempeval import evaluate_folder, format_table, scores_dict

    try:
        counts = evaluate_folder(folder, cast(TempevalSplit, split))
    except StorylineError as e:
        click.echo(str(e), err=True)
        sys.exit(2)
    scores = counts.scores()
    if output_format == "json":
        data: dict[str, Any] = scores_dict(scores)
        if show_errors:
            data["errors"] = counts.errors
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(format_table(scores))
    if show_errors:
        for error in counts.errors:
            click.echo("\t".join(f"{k}={v}" for k, v in error.items()))


@eval_group.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@format_option(("table", "json"), "table")
def polnear(folder: Path, output_format: str) -> None:
    """Score attribution (source, cue, content spans) on a PolNeAR split in FOLDER.

    FOLDER holds attributions/*.ann (brat) and text/*.txt. Prints, per role, exact-match and
    overlap (one-to-one, any shared character) precision, recall and F1, and seconds per text.

    Example:

        storyline eval polnear ../shared/data/polnear/dev
    """
    from storyline.eval.polnear import ReportFormat as PolnearFormat
    from storyline.eval.polnear import polnear_report

    run_report(lambda: polnear_report(folder, cast(PolnearFormat, output_format)))


@eval_group.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@split_option
@format_option(("table", "json"), "table")
@click.option(
    "--parse/--no-parse",
    default=True,
    show_default=True,
    help="Name each count by the counted phrase of spaCy's parse; --no-parse reads only the words after the number.",
)
def newsquant(path: Path, split: str, output_format: str, parse: bool) -> None:
    """Score quantity extraction (value F1, value+unit F1) on NewsQuant's JSON file at PATH.

    Example:

        storyline eval newsquant ../shared/data/newsquant/NewsQuant.json --split test
    """
    from storyline.eval.newsquant import ReportFormat, Split, newsquant_report

    run_report(lambda: newsquant_report(path, cast(Split, split), cast(ReportFormat, output_format), parse))


@eval_group.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@format_option(("table", "json"), "table")
def timeline17(folder: Path, output_format: str) -> None:
    """Score timelines on Timeline17: alignment ROUGE-1/2 F1 and date F1, per timeline and averaged.

    FOLDER holds <topic>_<outlet> folders (articles.jsonl, timelines.jsonl, keywords.json). Each
    reference timeline is built from its topic's articles of every outlet, dated within the
    reference span, with L dates and K sentences per date taken from the reference (news-tls's
    protocol); averages are mean precision and recall over timelines, then F1.

    Example:

        storyline eval timeline17 ../shared/data/timeline17
    """
    from storyline.eval.timeline17 import timeline17_report

    run_report(lambda: timeline17_report(folder, output_format))


@eval_group.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--topics",
    type=click.Choice(("odd", "even", "all")),
    default="even",
    show_default=True,
    help="Which topics to cluster together: settings were chosen on odd topics; even is the held-out test.",
)
@format_option(("table", "json"), "table")
def ecbplus(folder: Path, topics: str, output_format: str) -> None:
    """Score story separation on ECB+: cluster the documents of the chosen topics together.

    Prints B3 and CoNLL F1 (MUC, B3, CEAF-e) of happenings against ECB+'s sub-topics, and of
    stories against its topics.

    Example:

        storyline eval ecbplus ../shared/data/ecbplus --topics even
    """
    from storyline.eval.ecbplus import ReportFormat as EcbFormat
    from storyline.eval.ecbplus import Topics, ecbplus_report

    run_report(lambda: ecbplus_report(folder, cast(Topics, topics), cast(EcbFormat, output_format)))


@eval_group.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@split_option
@format_option(("table", "json"), "table")
@click.option("--errors", "show_errors", is_flag=True, help="Also list each item judged wrong.")
def status(path: Path, split: str, output_format: str, show_errors: bool) -> None:
    """Score claim status (reported, claimed, unverified, confirmed, denied) on our labelled set.

    PATH is a JSON Lines file of short passages, each with the sentence to judge, its gold status,
    attributed_to and status_detail (evaluation/status/status.jsonl; see its README). Prints status
    accuracy with a confusion matrix, attributed_to and detail accuracy, per phenomenon.

    Example:

        storyline eval status evaluation/status/status.jsonl --split test
    """
    from storyline.eval.status import ReportFormat as StatusFormat
    from storyline.eval.status import Split as StatusSplit
    from storyline.eval.status import status_report

    run_report(lambda: status_report(path, cast(StatusSplit, split), cast(StatusFormat, output_format), show_errors))


@eval_group.command("times-set")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@split_option
@format_option(("table", "json"), "table")
@click.option("--errors", "show_errors", is_flag=True, help="Also list each missed, spurious or wrong expression.")
def times_set(path: Path, split: str, output_format: str, show_errors: bool) -> None:
    """Score the time tagger on our own news sentences with gold TIMEX3s.

    PATH is a JSON Lines file of items, each a sentence or two with its DCT and gold expressions
    (evaluation/time/times.jsonl; see its README). Prints extent, type and value scores as
    `storyline eval tempeval` does, and per phenomenon the gold, system and right-value counts.

    Example:

        storyline eval times-set evaluation/time/times.jsonl --split test
    """
    from storyline.eval.times_set import ReportFormat as TimesFormat
    from storyline.eval.times_set import Split as TimesSplit
    from storyline.eval.times_set import times_report

    run_report(lambda: times_report(path, cast(TimesSplit, split), cast(TimesFormat, output_format), show_errors))


@eval_group.command()
@click.option(
    "--sizes",
    default="1000",
    show_default=True,
    help="Comma-separated numbers of reports to generate, e.g. 1000,10000.",
)
@click.option(
    "--t17",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Timeline17 folder, for base reports beyond the bundled examples.",
)
@click.option(
    "--encoder",
    type=click.Choice(("minilm", "hashing")),
    default="minilm",
    show_default=True,
    help="Sentence encoder: MiniLM (the build's), or a fast hashing stand-in for timing large sizes.",
)
@click.option("--seed", type=int, default=None, help="Seed of the generated set (default: the reported one).")
@click.option(
    "--mode",
    type=click.Choice(("stream", "memory")),
    default="stream",
    show_default=True,
    help="Stream the reports in publication order holding a window (bounded memory), or derive all in memory.",
)
@format_option(("table", "json"), "table")
def derivation(sizes: str, t17: Path | None, encoder: str, seed: int | None, mode: str, output_format: str) -> None:
    """Score copy and rewrite detection on a generated set: precision and recall per relation,
    with time and peak memory per size.

    The set mixes exact copies, copies with junk added, trimmed copies, excerpts and rule-made
    rewrites (sentences reordered and reworded, one claim added) among unrelated reports.

    Example:

        storyline eval derivation --sizes 1000 --t17 ../shared/data/timeline17
    """
    from storyline.eval.derivation import DEFAULT_SEED, derivation_report

    try:
        numbers = [int(part) for part in sizes.split(",") if part.strip()]
    except ValueError as e:
        raise click.BadParameter(
            f"'{sizes}' is not a list of numbers. Write e.g. 1000,10000.", param_hint="--sizes"
        ) from e
    chosen = DEFAULT_SEED if seed is None else seed
    run_report(lambda: derivation_report(numbers, t17, encoder, output_format, chosen, mode))
