"""``storyline serve``: the web app and JSON API over a store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from storyline.cli.options import config_option, load_config
from storyline.errors import StorylineError


@click.command()
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
