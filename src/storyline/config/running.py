"""How commands run: batches and engines (``story``), feed fetching (``follow``) and the web app's limits."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from storyline.config.section import Section as _Section


class StoryConfig(_Section):
    batch_size: int = 32
    batch_words: int = Field(
        default=20_000,
        ge=1,
        description="A batch also closes once its reports hold this many words, so that long reports do not "
        "raise the memory peak of a batch; a longer report is a batch of its own.",
    )
    on_error: Literal["raise", "skip"] = "skip"
    engine: Literal["local", "dask"] = Field(
        default="local",
        description="Where the per-document stages run: in this process, or on Dask (storyline.engines).",
    )
    scheduler: str | None = Field(
        default=None,
        description="Address of a running Dask scheduler (tcp://host:8786); none starts a LocalCluster.",
    )
    n_process: int | None = Field(
        default=None,
        ge=1,
        description="Workers of the LocalCluster the dask engine starts (default: one per core). "
        "The local engine runs in this process; spaCy's own processes are nlp.n_process.",
    )
    dask_log_length: int = Field(
        default=0,
        ge=0,
        description="Entries kept in each of Dask's debugging logs (distributed.admin.low-level-log-length) "
        "in this process and the LocalCluster's workers while the dask engine is open. Each stream's log keeps "
        "its recent messages, and a batch's message carries its documents: Dask's default, 1000, kept about "
        "1 MB a batch in this process. Raise it only to debug Dask.",
    )


class FollowConfig(_Section):
    timeout: float = Field(default=10.0, gt=0, description="Seconds to wait for each connect and read.")
    deadline: float = Field(default=30.0, gt=0, description="Seconds a whole response may take.")
    max_bytes: int = Field(default=5_000_000, ge=1024, description="A larger feed or page is not read.")
    max_redirects: int = Field(default=5, ge=0, description="Redirects followed, each one checked again.")
    host_interval: float = Field(
        default=1.0, ge=0, description="Seconds between two requests to one site (more if robots.txt asks)."
    )


class WebConfig(_Section):
    """Adding reports from the web app (``storyline.web.uploads``): what one request may upload."""

    max_file_bytes: int = Field(default=2_000_000, ge=1, description="The largest file one may upload to a story.")
    max_request_bytes: int = Field(
        default=10_000_000, ge=1, description="The largest add request: its files and pasted text together."
    )
    max_files: int = Field(default=20, ge=1, description="The most files one add request may carry.")
