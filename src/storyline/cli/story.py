"""The commands that build and keep stories: ``build``, ``add``, ``follow``, ``show`` and ``upgrade-store``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from storyline.cli.options import (
    config_option,
    engine_options,
    load_config,
    quiet_option,
    setup_logging,
    store_options,
    story_io_options,
)
from storyline.errors import StorylineError

if TYPE_CHECKING:
    from storyline.build import Stories
    from storyline.records import Story


@click.command()
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

    setup_logging(quiet)
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


@click.command()
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

    setup_logging(quiet)
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


@click.command()
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

    setup_logging(quiet)
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


@click.command()
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


@click.command("upgrade-store")
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

    setup_logging(quiet)
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
