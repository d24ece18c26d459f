"""The command line: a thin layer over ``storyline.build`` and the store.

The commands are grouped by job: ``story`` (build, add, follow, show, upgrade-store), ``stages`` (one
stage's JSON: times, attributions, timeline, cluster), ``serve`` (the web app) and ``eval`` (the scorers);
the options they share are decorators in ``options``. ``main`` is the ``storyline`` console script.
"""

from __future__ import annotations

import click

from storyline.cli.eval import eval_group
from storyline.cli.serve import serve
from storyline.cli.stages import attributions, cluster, timeline, times
from storyline.cli.story import add, build, follow, show, upgrade_store

__all__ = ["cli", "main"]


@click.group()
@click.version_option(package_name="storyline")
def cli() -> None:
    """storyline: turn news reports about one developing story into a sourced, dated timeline."""


for command in (build, add, follow, show, upgrade_store, times, attributions, timeline, cluster, serve, eval_group):
    cli.add_command(command)


def main() -> None:
    cli()
