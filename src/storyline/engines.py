"""Where the per-document stages run: in this process (``LocalEngine``) or on Dask (``DaskEngine``).

Both engines take the documents as read (``Skipped`` inputs pass through in place), send them
through the stages in batches of ``config.story.batch_size`` documents or ``story.batch_words``
words, whichever comes first (memory follows the words), and yield each result in input order:
the processed ``Document``, or a ``Skipped`` that names the stage that failed. So both give the
same story. A Dask worker builds the stage list once per config and keeps it, with the models its
stages load, for every later batch.
"""

from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from storyline.config import Config
from storyline.errors import StorylineError
from storyline.pipeline import DocumentPipeline, Stage
from storyline.records import Document, Skipped

if TYPE_CHECKING:
    from distributed import Client, Future

log = logging.getLogger(__name__)

StageFactory = Callable[[Config], Sequence[Stage[Document]]]
Item = Document | Skipped

E150 = (
    "E150: the Dask scheduler at {address} could not be reached ({detail}). Check the address "
    "(e.g. tcp://10.0.0.5:8786) and that the scheduler runs, or leave out --scheduler to start a local cluster."
)
E151 = (
    "E151: the dask engine needs dask[distributed], which is not installed ({detail}). Install it (pip install "
    '"dask[distributed]") or use --engine local.'
)
E152 = (
    "E152: the Dask cluster lost the batch that starts with {path} ({detail}). A worker died, often for lack "
    "of memory: give the workers more memory, use a smaller story.batch_size, or use --engine local."
)
E153 = "E153: --scheduler {address} is only used by the dask engine. Add --engine dask, or leave out --scheduler."


class EngineError(StorylineError):
    """The chosen engine cannot run: Dask is missing, its scheduler is unreachable, or a worker died."""


class Engine(Protocol):
    """Runs the per-document stages; ``run`` yields one result per input, in input order."""

    def run(self, documents: Iterable[Item]) -> Iterator[Item]: ...

    def close(self) -> None: ...


def words_in(item: Item) -> int:
    return len(item.text.split()) if isinstance(item, Document) else 0


def batches(items: Iterable[Item], size: int, max_words: int | None = None) -> Iterator[list[Item]]:
    """Runs of at most ``size`` items, closed early once their documents hold ``max_words`` words:
    a batch's memory peak follows its words, and one long report should not lift it."""
    if max_words is None:
        it = iter(items)
        while batch := list(islice(it, max(size, 1))):
            yield batch
        return
    batch, words = [], 0
    for item in items:
        batch.append(item)
        words += words_in(item)
        if len(batch) >= size or words >= max_words:
            yield batch
            batch, words = [], 0
    if batch:
        yield batch


def merge(batch: list[Item], results: list[Item]) -> list[Item]:
    """Put the results of a batch's documents back where the documents were, between its skips."""
    out = iter(results)
    return [item if isinstance(item, Skipped) else next(out) for item in batch]


def documents_of(batch: list[Item]) -> list[Document]:
    return [item for item in batch if isinstance(item, Document)]


class LocalEngine:
    """The stages in this process; spaCy may still fork its own (``nlp.n_process``)."""

    def __init__(self, config: Config, stages: StageFactory) -> None:
        self.config = config
        self.stages = stages

    def run(self, documents: Iterable[Item]) -> Iterator[Item]:
        pipeline = DocumentPipeline(self.stages(self.config), on_error=self.config.story.on_error)
        for batch in batches(documents, self.config.story.batch_size, self.config.story.batch_words):
            yield from merge(batch, pipeline.run_batch(documents_of(batch)))

    def close(self) -> None:
        pass


# The worker side: one stage list per (stage factory, config), built on a worker's first batch.
_STAGES: dict[str, Sequence[Stage[Document]]] = {}


def stages_key(stages: StageFactory, config: Config) -> str:
    """The worker cache's key: a hash of the pickled factory (by reference, or by value for a
    closure) and config."""
    import cloudpickle

    return hashlib.sha1(cloudpickle.dumps((stages, config.model_dump(mode="json")))).hexdigest()


def worker_stages(key: str, stages: StageFactory, config: Config) -> Sequence[Stage[Document]]:
    """The cached stage list of this process; the models the stages load stay loaded with it."""
    if key not in _STAGES:
        _STAGES[key] = stages(config)
    return _STAGES[key]


def process_batch(key: str, stages: StageFactory, config: Config, documents: list[Document]) -> list[Item]:
    """Run on a worker: the batch through the cached stages, one result per document, in order."""
    pipeline = DocumentPipeline(worker_stages(key, stages, config), on_error=config.story.on_error)
    return pipeline.run_batch(documents)


def dask_settings(config: Config) -> dict[str, Any]:
    """The Dask settings the engine applies while it is open, from our config.

    Dask keeps the recent messages of every stream in a debugging log (1000 by default), and a
    batch's message carries its documents: so the client, and a LocalCluster's scheduler in the same
    process, kept about 1 MB a batch until 1000 batches had run (issue 8).
    """
    return {"distributed.admin.low-level-log-length": config.story.dask_log_length}


class DaskEngine:
    """The stages on a Dask cluster: the one at ``config.story.scheduler``, or a new LocalCluster.

    At most two batches per worker are in flight, and Dask's debugging logs keep at most
    ``story.dask_log_length`` entries (``dask_settings``), so memory stays bounded however long
    the input. The settings hold from opening to ``close`` (a LocalCluster's workers get them too).
    """

    def __init__(self, config: Config, stages: StageFactory, timeout: float = 10.0) -> None:
        self.config = config
        self.stages = stages
        self.timeout = timeout  # seconds to reach a scheduler
        self.key = stages_key(stages, config)
        self.cluster: Any = None
        self._settings = ExitStack()  # undoes dask_settings on close
        try:
            self.client: Client = self._connect()
        except BaseException:
            self._settings.close()
            raise

    def _connect(self) -> Client:
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError as e:
            raise EngineError(E151.format(detail=e)) from e
        # Before anything Dask is made: its logs take their length when they are created.
        self._settings.enter_context(dask.config.set(dask_settings(self.config)))
        address = self.config.story.scheduler
        if address is not None:
            try:
                return Client(address, timeout=self.timeout)
            except (OSError, TimeoutError) as e:
                raise EngineError(E150.format(address=address, detail=e)) from e
        self.cluster = LocalCluster(
            n_workers=self.config.story.n_process,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            # no dashboard; its HTTP server (health checks) on a free local port, not 8787
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )
        return Client(self.cluster)

    def workers(self) -> int:
        return max(len(self.client.scheduler_info().get("workers", {})), 1)

    def run(self, documents: Iterable[Item]) -> Iterator[Item]:
        pending: deque[tuple[list[Item], Future | None]] = deque()
        limit = 2 * self.workers()
        try:
            for batch in batches(documents, self.config.story.batch_size, self.config.story.batch_words):
                docs = documents_of(batch)
                future = self._submit(docs) if docs else None
                pending.append((batch, future))
                if len(pending) >= limit:
                    yield from self._gather(*pending.popleft())
            while pending:
                yield from self._gather(*pending.popleft())
        finally:
            for _, left in pending:
                if left is not None:
                    left.cancel()

    def _submit(self, docs: list[Document]) -> Future:
        # pure=False: no hashing of the documents for a task key, and a batch is never deduplicated.
        return self.client.submit(process_batch, self.key, self.stages, self.config, docs, pure=False)

    def _gather(self, batch: list[Item], future: Future | None) -> list[Item]:
        from distributed import KilledWorker

        if future is None:
            return batch
        try:
            results = future.result()
        except KilledWorker as e:
            first = documents_of(batch)[0]
            raise EngineError(E152.format(path=first.path or first.id, detail=e)) from e
        return merge(batch, results)

    def close(self) -> None:
        try:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()
        finally:
            self._settings.close()


def make_engine(config: Config, stages: StageFactory) -> Engine:
    """The engine ``config.story.engine`` names."""
    if config.story.engine == "dask":
        return DaskEngine(config, stages)
    if config.story.scheduler is not None:
        raise EngineError(E153.format(address=config.story.scheduler))
    return LocalEngine(config, stages)


@contextmanager
def open_engine(config: Config, stages: StageFactory) -> Iterator[Engine]:
    """The configured engine, closed (its LocalCluster stopped) on leaving."""
    engine = make_engine(config, stages)
    try:
        yield engine
    finally:
        engine.close()


def with_engine(
    config: Config, engine: str | None = None, scheduler: str | None = None, n_process: int | None = None
) -> Config:
    """``config`` with the command line's ``--engine``, ``--scheduler`` and ``--workers`` applied
    (those given); ``--scheduler`` without the dask engine is an error (E153)."""
    given = {"engine": engine, "scheduler": scheduler, "n_process": n_process}
    story = {**config.story.model_dump(), **{k: v for k, v in given.items() if v is not None}}
    updated = Config.from_dict({**config.model_dump(), "story": story})
    if updated.story.scheduler is not None and updated.story.engine != "dask":
        raise EngineError(E153.format(address=updated.story.scheduler))
    return updated
