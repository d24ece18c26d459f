"""The command line: a thin layer over ``storyline.build`` and the store."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from storyline.config import Config
from storyline.errors import StorylineError

if TYPE_CHECKING:
    from storyline.build import Stories
    from storyline.records import Story

F = TypeVar("F", bound=Callable[..., Any])


def quiet_option(func: F) -> F:
    return click.option("--quiet", "-q", is_flag=True, help="Print only errors and the final summary.")(func)


def config_option(func: F) -> F:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A TOML or JSON file of stage settings (see storyline/config.py); unknown keys are errors.",
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


def _setup_logging(quiet: bool) -> None:
    logging.basicConfig(level=logging.ERROR if quiet else logging.WARNING, format="%(levelname)s %(message)s")


@click.group()
@click.version_option(package_name="storyline")
def cli() -> None:
    """storyline: turn news reports about one developing story into a sourced, dated timeline."""


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@story_io_options
@click.option("--story", "name", help="Story name; its id is a slug of it. Default: the inputs' folder name.")
@click.option(
    "--split-stories",
    is_flag=True,
    help="Separate mixed reports into stories (as storyline cluster does) and build each in OUT/<story id>/, "
    "named after its most central report's title; all go in one store. Not with --story.",
)
@engine_options
@config_option
@quiet_option
def build(
    inputs: tuple[Path, ...],
    manifest: Path | None,
    out_dir: Path,
    db_url: str | None,
    name: str | None,
    split_stories: bool,
    engine: str | None,
    scheduler: str | None,
    workers: int | None,
    config_path: Path | None,
    quiet: bool,
) -> None:
    """Build the story of INPUT files and folders (.txt, .md, .html, .json, .jsonl).

    Writes story.json, report.md and report.html to --out and saves the story in the store.
    Bad inputs are reported and skipped; the exit status is 1 when any input was skipped.

    All inputs make one story unless --split-stories is given: a folder is built as you gave it,
    and its outputs stay where you asked, even when one report strays from the rest. With
    --split-stories the reports are read once, separated into stories by storyline cluster's
    method, and each story is written to OUT/<story id>/, named after its most central report's
    title. A story that shares reports with one in the store keeps that story's id, so building
    again, in any order or with more reports, updates the same stories.

    Example:

    \b
        storyline build --manifest examples/kharkiv-2022/manifest.csv --out out
        storyline build --manifest examples/kharkiv-2022/manifest.csv --engine dask
        storyline build inbox/ --split-stories --out out
    """
    from storyline.build import Stories, build_stories, build_story, stored_stories
    from storyline.engines import with_engine
    from storyline.progress import DocumentProgress, expected_documents
    from storyline.store.store import open_store
    from storyline.store.vectors import stored_encoder

    _setup_logging(quiet)
    if not inputs and manifest is None:
        raise click.UsageError("give INPUT files or folders, or --manifest. Example: storyline build reports/")
    if split_stories and name is not None:
        raise click.UsageError(
            "--story puts every report in one story and --split-stories separates them: give one of them."
        )
    try:
        config = with_engine(load_config(config_path), engine, scheduler, workers)
        url = db_url or f"sqlite:///{out_dir / 'storyline.db'}"
        known = stored_stories(url) if split_stories else []
        total = None if quiet else expected_documents(list(inputs), manifest)
        # the sentence vectors go to the store, so that `storyline add` embeds only new sentences,
        # and so does each report's record once processed, so that the story holds projections
        with DocumentProgress(quiet=quiet, total=total) as progress, open_store(url) as store:
            encoder = stored_encoder(config, store)
            built: Story | Stories = (
                build_stories(
                    list(inputs), manifest, config, encoder=encoder, progress=progress, known=known, records=store
                )
                if split_stories
                else build_story(
                    list(inputs), manifest, config, name=name, encoder=encoder, progress=progress, records=store
                )
            )
        complete = (
            _write_split(built, out_dir, db_url) if isinstance(built, Stories) else _write_one(built, out_dir, db_url)
        )
    except StorylineError as e:
        click.echo(str(e), err=True)
        sys.exit(2)
    sys.exit(0 if complete else 1)


def _count(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 contradiction", "4 contradictions", "1 story", "2 stories"."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def _write_one(story: Story, out_dir: Path, db_url: str | None) -> bool:
    """Write and list one story's outputs; False when an input was skipped."""
    from storyline.build import write_outputs

    outputs = write_outputs(story, out_dir, db_url)
    click.echo(
        f"story '{story.title}': {_count(len(story.documents), 'report')}, {_count(len(story.events), 'event')}, "
        f"{_count(len(story.contradictions), 'contradiction')}, {len(story.skipped)} skipped"
    )
    for skip in story.skipped:
        click.echo(f"skipped {skip.path}: {skip.reason}", err=True)
    click.echo(f"  {outputs.story_json}\n  {outputs.report_md}\n  {outputs.report_html}\n  {outputs.db_url}")
    return not story.skipped


def _write_split(found: Stories, out_dir: Path, db_url: str | None) -> bool:
    """Write each story, then print one line per story and the skipped inputs once; False when an
    input was skipped or no story was found."""
    from storyline.build import write_stories

    outputs = write_stories(found, out_dir, db_url)
    reports = sum(len(story.documents) for story in found.stories)
    click.echo(
        f"{_count(len(found.stories), 'story', 'stories')}, {_count(reports, 'report')}, {len(found.skipped)} skipped"
    )
    for story, written in zip(found.stories, outputs, strict=True):
        click.echo(
            f"story '{story.id}': {_count(len(story.documents), 'report')}, {_count(len(story.events), 'event')}, "
            f"{_count(len(story.contradictions), 'contradiction')}  {written.story_json.parent}{os.sep}"
        )
    for skip in found.skipped:
        click.echo(f"skipped {skip.path}: {skip.reason}", err=True)
    store = db_url or f"sqlite:///{out_dir / 'storyline.db'}"
    click.echo(f"  each folder holds story.json, report.md and report.html\n  {store}")
    return bool(found.stories) and not found.skipped


@cli.command()
@click.argument("story")
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@story_io_options
@engine_options
@config_option
@quiet_option
def add(
    story: str,
    inputs: tuple[Path, ...],
    manifest: Path | None,
    out_dir: Path,
    db_url: str | None,
    engine: str | None,
    scheduler: str | None,
    workers: int | None,
    config_path: Path | None,
    quiet: bool,
) -> None:
    """Add reports to a stored STORY (its name or id) and say what changed.

    Only reports the story does not have go through the per-document stages; the story is then
    rebuilt on all its reports, written to --out and saved. Prints the new and updated events,
    new contradictions and new figure points.

    Example:

        storyline add kharkiv-2022 more/report.txt --out out/kharkiv-2022
    """
    from storyline.build import write_outputs
    from storyline.engines import with_engine
    from storyline.live import add_reports
    from storyline.progress import DocumentProgress, expected_documents
    from storyline.store.store import open_store

    _setup_logging(quiet)
    if not inputs and manifest is None:
        raise click.UsageError("give INPUT files or folders, or --manifest. Example: storyline add my-story new.txt")
    url = db_url or f"sqlite:///{out_dir / 'storyline.db'}"
    try:
        config = with_engine(load_config(config_path), engine, scheduler, workers)
        total = None if quiet else expected_documents(list(inputs), manifest)
        with open_store(url, create=False) as store, DocumentProgress(quiet=quiet, total=total) as progress:
            result = add_reports(store, story, list(inputs), manifest, config, progress=progress)
        write_outputs(result.story, out_dir, url, records=())  # add_reports stored the new records
    except StorylineError as e:
        click.echo(str(e), err=True)
        sys.exit(2)
    for line in result.changes.lines():
        click.echo(line)
    for skip in result.changes.skipped:  # the summary's skipped inputs, with their reasons, at the end
        click.echo(f"skipped {skip.path}: {skip.reason}", err=True)
    sys.exit(1 if result.story.skipped else 0)


@cli.command()
@click.argument("feeds", nargs=-1, required=True, metavar="FEED_URL_OR_FILE...")
@click.option("--story", "name", help="Put every new report in this story. Default: route each to its story.")
@click.option("--every", help="Poll again every DURATION (30s, 15m, 1h) until stopped with Ctrl-C.")
@click.option("--once", is_flag=True, help="One round, then stop (the default without --every).")
@click.option("--allow-private", is_flag=True, help="Fetch from private and loopback addresses too.")
@store_options
@engine_options
@config_option
@quiet_option
def follow(
    feeds: tuple[str, ...],
    name: str | None,
    every: str | None,
    once: bool,
    allow_private: bool,
    out_dir: Path,
    db_url: str | None,
    engine: str | None,
    scheduler: str | None,
    workers: int | None,
    config_path: Path | None,
    quiet: bool,
) -> None:
    """Follow RSS/Atom feeds (URLs or saved feed files) and add their new articles to stories.

    Feeds are fetched with a conditional GET; each new article is fetched politely (robots.txt, a
    timeout, a size cap, public addresses only unless --allow-private) and read like a saved page.
    With --story every report goes to that story; without it, each goes to the stored story it
    matches by story separation, or starts a new one. Each story is written to OUT/<story id> and
    saved in the store. A failing feed or article is reported and the rest go on; the exit
    status is 1 when any was skipped in the last round.

    Example:

    \b
        storyline follow https://news.example/world/rss.xml --story kharkiv-2022 --every 15m
        storyline follow saved/feed.xml --once --out out
    """
    from storyline.engines import with_engine
    from storyline.follow.poll import RoundReport
    from storyline.follow.runner import follow_feeds
    from storyline.follow.schedule import parse_duration

    _setup_logging(quiet)
    url = db_url or f"sqlite:///{out_dir / 'storyline.db'}"
    last: list[RoundReport] = []

    def show_round(report: RoundReport) -> None:
        last[:] = [report]
        for line in report.lines():
            click.echo(line)

    try:
        interval = parse_duration(every) if every and not once else None
        config = with_engine(load_config(config_path), engine, scheduler, workers)
        follow_feeds(list(feeds), url, out_dir, config, show_round, name, allow_private, interval)
    except StorylineError as e:
        click.echo(str(e), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    sys.exit(1 if last and last[0].problems else 0)


@cli.command()
@click.argument("db")
def show(db: str) -> None:
    """List the stories in a store (a path to a SQLite file or a database URL).

    Example:

        storyline show out/storyline.db
    """
    from storyline.store.store import open_store

    url = db if "://" in db else f"sqlite:///{db}"
    try:
        with open_store(url, create=False) as store:
            rows = store.stories()
    except StorylineError as e:
        click.echo(str(e), err=True)
        sys.exit(2)
    if not rows:
        click.echo("no stories")
    for row in rows:
        span = f"{row.first_published or '?'} to {row.last_published or '?'}"
        click.echo(f"{row.id}\t{row.title}\t{row.documents} reports\t{row.outlets} outlets\t{span}")


@cli.command("upgrade-store")
@store_options
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="Records re-saved per transaction; a run stopped part-way keeps the batches before.",
)
@quiet_option
def upgrade_store(out_dir: Path, db_url: str | None, batch: int, quiet: bool) -> None:
    """Re-save a store's reports, stored by an older storyline, in the current record version, once.

    Reports stored before record version 3 are brought up to date every time build or add loads
    them, which is slow for a large store; this does it once and saves them. It works a batch at
    a time, each in one transaction: stopped part-way, it leaves a store every command can read,
    and running it again carries on. Records of a version this storyline cannot read are left as
    they are, with a warning, and the exit status is 1.

    Example:

    \b
        storyline upgrade-store --out out
        storyline upgrade-store --db postgresql://storyline@db.example/stories --batch 500
    """
    from storyline.progress import DocumentProgress
    from storyline.store.codec import RECORD_VERSION
    from storyline.store.store import open_store
    from storyline.store.upgrade import records_to_upgrade, upgrade_records

    _setup_logging(quiet)
    url = db_url or f"sqlite:///{out_dir / 'storyline.db'}"
    try:
        with open_store(url, create=False) as store:
            total = records_to_upgrade(store)
            with DocumentProgress(quiet=quiet, total=total, label="upgrading records") as progress:
                result = upgrade_records(store, batch=batch, progress=progress.advance)
    except StorylineError as e:
        click.echo(str(e), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("stopped: the batches upgraded so far are saved; run upgrade-store again to carry on", err=True)
        sys.exit(130)
    click.echo(
        f"document records in {store.url}: {result.upgraded} upgraded to version {RECORD_VERSION}, "
        f"{result.already_current} already current, {result.skipped_unknown_version} of an unknown version "
        "left as they are"
    )
    sys.exit(1 if result.skipped_unknown_version else 0)


@cli.command()
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
    from storyline.build import annotate
    from storyline.output.times import times_json
    from storyline.time import parse_dct

    _setup_logging(quiet=True)
    if dct is not None and parse_dct(dct) is None:
        raise click.BadParameter(f"'{dct}' is not a date. Write it as YYYY-MM-DD, e.g. 2022-09-11.", param_hint="--dct")
    try:
        config = load_config(config_path)
        docs, skipped = annotate(list(inputs), "time", dct, config)
    except StorylineError as e:
        click.echo(str(e), err=True)
        sys.exit(2)
    click.echo(json.dumps(times_json(docs), indent=2, ensure_ascii=False))
    for skip in skipped:
        click.echo(f"skipped {skip.path}: {skip.reason}", err=True)
    sys.exit(1 if skipped else 0)


@cli.command()
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
    from storyline.build import annotate
    from storyline.output.attributions import attributions_json

    _setup_logging(quiet=True)
    try:
        config = load_config(config_path)
        docs, skipped = annotate(list(inputs), "attribution", config=config)
    except StorylineError as e:
        click.echo(str(e), err=True)
        sys.exit(2)
    click.echo(json.dumps(attributions_json(docs), indent=2, ensure_ascii=False))
    for skip in skipped:
        click.echo(f"skipped {skip.path}: {skip.reason}", err=True)
    sys.exit(1 if skipped else 0)


@cli.command()
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

    _setup_logging(quiet=False)
    if not inputs and manifest is None:
        raise click.UsageError("Give INPUT files or folders, or --manifest.")
    _run_report(
        lambda: timeline_json(list(inputs), dates, per_date, start, end, keywords, load_config(config_path), manifest)
    )


@cli.command()
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

    _setup_logging(quiet=True)
    _run_report(lambda: json.dumps(cluster_json(list(inputs), load_config(config_path)), indent=2, ensure_ascii=False))


@cli.command()
@click.option(
    "--db", default="sqlite:///out/storyline.db", show_default=True, help="The store to serve (a SQLAlchemy URL)."
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to bind; other than loopback needs --token."
)
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--token",
    envvar="STORYLINE_TOKEN",
    show_envvar=True,
    help="A secret that writes (adding reports) must present: a bearer token, or the add form's Token field.",
)
@config_option
def serve(db: str, host: str, port: int, token: str | None, config_path: Path | None) -> None:
    """Serve the stories of a store as a web app and a JSON API, until interrupted.

    Pages: the stories, each story (what we know, the timeline with filters, figures, copies,
    sources, a form to add reports) and each document with its annotations; the API is under /api
    (schema at /api/openapi.json). Everything is served locally, with no script and no third-party
    request. Upload limits are the [web] section of --config. Bound to anything but 127.0.0.1 or
    localhost, the server needs a token, or refuses to start.

    Example:

        storyline serve --db sqlite:///out/kharkiv-2022/storyline.db
        STORYLINE_TOKEN=s3cret storyline serve --host 0.0.0.0 --db sqlite:///out/kharkiv-2022/storyline.db
    """
    from storyline.web.serve import serve as run_server

    try:
        run_server(db, host, port, token, load_config(config_path))
    except StorylineError as e:
        click.echo(str(e), err=True)
        sys.exit(2)


@cli.group("eval")
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

    _run_report(lambda: polnear_report(folder, cast(PolnearFormat, output_format)))


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

    _run_report(lambda: newsquant_report(path, cast(Split, split), cast(ReportFormat, output_format), parse))


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

    _run_report(lambda: timeline17_report(folder, output_format))


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

    _run_report(lambda: ecbplus_report(folder, cast(Topics, topics), cast(EcbFormat, output_format)))


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

    _run_report(lambda: status_report(path, cast(StatusSplit, split), cast(StatusFormat, output_format), show_errors))


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

    _run_report(lambda: times_report(path, cast(TimesSplit, split), cast(TimesFormat, output_format), show_errors))


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
    _run_report(lambda: derivation_report(numbers, t17, encoder, output_format, chosen, mode))


def _run_report(report: Callable[[], str]) -> None:
    """Print an evaluation report, or its input error with exit status 2."""
    try:
        click.echo(report())
    except StorylineError as e:
        click.echo(str(e), err=True)
        sys.exit(2)


def main() -> None:
    cli()
