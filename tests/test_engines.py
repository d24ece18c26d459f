"""The engines: the per-document stages in this process or on Dask give the same results, in order.

Stage factories here are module-level, so that a Dask worker in this process can call them. The
model tests build the bundled example with both engines, and shuffle its reports before the
corpus stages.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storyline import engines
from storyline.build import build_story, corpus_stages, process_documents, story_id, unique
from storyline.config import Config
from storyline.corpus.embeddings import Encoder, get_encoder
from storyline.engines import DaskEngine, EngineError, LocalEngine, open_engine, with_engine
from storyline.errors import ConfigError, StageError
from storyline.io.read import iter_inputs
from storyline.output.export import story_to_dict
from storyline.pipeline import Stage, run_story
from storyline.records import Document, Skipped, Story, Token
from storyline.textmap import Piece

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "examples" / "kharkiv-2022" / "manifest.csv"

CALLS: list[str] = []


def _upper(doc: Document) -> Document:
    return replace(doc, text=doc.text.upper())


def _fail_on_bad(doc: Document) -> Document:
    if "bad" in doc.text:
        raise ValueError("cannot handle this text")
    return doc


def toy_stages(config: Config) -> Sequence[Stage[Document]]:
    CALLS.append(config.story.engine)
    return [Stage(name="check", func=_fail_on_bad), Stage(name="upper", func=_upper)]


def _inputs(make_doc: Callable[..., Document]) -> list[Document | Skipped]:
    texts = ["one.", "bad two.", "three.", "four.", "bad five.", "six.", "seven."]
    items: list[Document | Skipped] = [make_doc(t, path=f"{i}.txt") for i, t in enumerate(texts)]
    items.insert(3, Skipped(path="unreadable.bin", reason="E003: unreadable.bin looks binary"))
    return items


def _summary(results: list[Document | Skipped]) -> list[str]:
    return [r.text if isinstance(r, Document) else f"skipped {r.path}: {r.reason}" for r in results]


EXPECTED = [
    "ONE.",
    "skipped 1.txt: E022: stage 'check' failed on 1.txt: cannot handle this text",
    "THREE.",
    "skipped unreadable.bin: E003: unreadable.bin looks binary",
    "FOUR.",
    "skipped 4.txt: E022: stage 'check' failed on 4.txt: cannot handle this text",
    "SIX.",
    "SEVEN.",
]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A running one-worker cluster in this process, reached by its address like a remote one."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    ) as cluster:
        yield cluster.scheduler_address


def _config(**story: Any) -> Config:
    return Config.from_dict({"story": {"batch_size": 2, **story}})


def test_local_engine_yields_results_and_skips_in_input_order(make_doc: Callable[..., Document]) -> None:
    engine = LocalEngine(_config(), toy_stages)
    assert _summary(list(engine.run(_inputs(make_doc)))) == EXPECTED


def test_batches_close_at_the_word_limit_and_a_long_report_is_a_batch_of_its_own(
    make_doc: Callable[..., Document],
) -> None:
    words = [3, 3, 3, 10, 1, 1, 1, 1]
    items: list[Document | Skipped] = [make_doc(" ".join(["word."] * n), path=f"{i}.txt") for i, n in enumerate(words)]
    items.insert(1, Skipped(path="unreadable.bin", reason="E003"))
    sizes = [[engines.words_in(i) for i in batch] for batch in engines.batches(items, size=3, max_words=6)]
    assert sizes == [[3, 0, 3], [3, 10], [1, 1, 1], [1]]
    assert [len(b) for b in engines.batches(items, size=3)] == [3, 3, 3]


def test_the_word_limit_changes_no_result(make_doc: Callable[..., Document]) -> None:
    engine = LocalEngine(_config(batch_words=1), toy_stages)
    assert _summary(list(engine.run(_inputs(make_doc)))) == EXPECTED


def test_dask_engine_on_an_existing_cluster_gives_what_the_local_engine_gives(
    scheduler: str, make_doc: Callable[..., Document]
) -> None:
    with open_engine(_config(engine="dask", scheduler=scheduler), toy_stages) as engine:
        assert isinstance(engine, DaskEngine)
        assert _summary(list(engine.run(_inputs(make_doc)))) == EXPECTED


def test_a_dask_worker_builds_the_stages_once_for_all_batches(
    scheduler: str, make_doc: Callable[..., Document]
) -> None:
    engines._STAGES.clear()
    CALLS.clear()
    docs = [make_doc(f"report {i}.", path=f"{i}.txt") for i in range(9)]
    with open_engine(_config(engine="dask", scheduler=scheduler), toy_stages) as engine:
        out = list(engine.run(docs))
    assert [d.path for d in out] == [d.path for d in docs]
    assert CALLS == ["dask"]


def test_dask_engine_with_the_raise_policy_raises_the_stage_error(
    scheduler: str, make_doc: Callable[..., Document]
) -> None:
    config = _config(engine="dask", scheduler=scheduler, on_error="raise")
    with open_engine(config, toy_stages) as engine, pytest.raises(StageError, match=r"stage 'check' failed on 1\.txt"):
        list(engine.run(_inputs(make_doc)))


def test_dask_engine_logs_keep_at_most_the_configured_entries_however_many_batches_run(
    make_doc: Callable[..., Document],
) -> None:
    """Dask's stream logs once kept every recent message, with its batch's documents, in this
    process: about 1 MB a batch, up to 1000 batches (issue 8). Counted in entries, not bytes or time."""
    dask = pytest.importorskip("dask")
    before = dask.config.get("distributed.admin.low-level-log-length")
    docs = [make_doc(f"report {i}.", path=f"{i}.txt") for i in range(12)]
    config = _config(engine="dask", n_process=1, batch_size=1, dask_log_length=2)
    with open_engine(config, toy_stages) as engine:
        assert isinstance(engine, DaskEngine)
        assert [d.path for d in engine.run(docs)] == [d.path for d in docs]
        scheduler = engine.cluster.scheduler
        logs = [engine.client.scheduler_comm.recent_message_log, scheduler.transition_log]
        logs += [b.recent_message_log for b in [*scheduler.stream_comms.values(), *scheduler.client_comms.values()]]
        assert len(logs) == 4
        assert all(len(log) <= 2 for log in logs), [len(log) for log in logs]
    assert dask.config.get("distributed.admin.low-level-log-length") == before


def _grown_containers(before: dict[str, int], after: dict[str, int], at_least: int) -> dict[str, int]:
    return {k: n - before.get(k, 0) for k, n in after.items() if n - before.get(k, 0) >= at_least}


def _container_sizes(engine: DaskEngine) -> dict[str, int]:
    """Entries in each container (dict, list, set, deque) that the engine, its client, its in-process
    scheduler, the scheduler's extensions and its comms hold as attributes; a deque that Dask bounds at
    100 entries or fewer (a short history) is left out."""
    scheduler = engine.cluster.scheduler
    owners: dict[str, Any] = {"engine": engine, "client": engine.client, "scheduler": scheduler}
    owners |= {"client.scheduler_comm": engine.client.scheduler_comm, "scheduler.events": scheduler._broker}
    owners |= {f"extension.{name}": ext for name, ext in scheduler.extensions.items()}
    comms = [*scheduler.stream_comms.values(), *scheduler.client_comms.values()]
    owners |= {f"scheduler.comm{i}": comm for i, comm in enumerate(comms)}
    sizes = {}
    for name, owner in owners.items():
        for attr, value in vars(owner).items():
            short_history = isinstance(value, deque) and value.maxlen is not None and value.maxlen <= 100
            if isinstance(value, dict | list | set | deque) and not short_history:
                sizes[f"{name}.{attr}"] = len(value)
    return sizes


def test_dask_engine_keeps_nothing_per_batch_in_the_client_or_its_scheduler(
    make_doc: Callable[..., Document],
) -> None:
    """The client process, which also runs a LocalCluster's scheduler, must not grow with the batches
    it has run (issue 8). Between two points of one run, 40 batches apart, no container of the engine,
    the client or the scheduler gains 15 entries: once-only growth (the first heartbeat's metrics, a
    new connection) passes, an entry per batch does not. Counted in entries, not bytes or time."""
    pytest.importorskip("distributed")
    docs = [make_doc(f"report {i}.", path=f"{i}.txt") for i in range(50)]
    with open_engine(_config(engine="dask", n_process=1, batch_size=1), toy_stages) as engine:
        assert isinstance(engine, DaskEngine)
        list(engine.run(docs[:4]))
        sizes = [_container_sizes(engine) for n, _ in enumerate(engine.run(docs), start=1) if n in (8, 48)]
        assert len(sizes[0]) > 50, "the scan found too few containers to mean anything"
        assert _grown_containers(*sizes, at_least=15) == {}


def test_tokens_and_text_map_pieces_have_no_instance_dict() -> None:
    """A batch's results carry a token per word and its input a piece per token: with an instance
    dict each (before slots), the Dask engine's client process grew about 33 MB per 1,000 reports,
    and stayed flat with slots and nothing else changed (benchmarks/dask_memory.py, issue 8)."""
    token = Token(start=0, end=3, text="Two", lemma="two", pos="NUM", tag="CD", dep="nummod", head=0)
    piece = Piece(text_start=0, raw_start=4, length=3)
    assert not hasattr(token, "__dict__")
    assert not hasattr(piece, "__dict__")


def test_unreachable_scheduler_is_named_with_the_fix() -> None:
    pytest.importorskip("distributed")
    config = _config(engine="dask", scheduler="tcp://127.0.0.1:9")
    with pytest.raises(EngineError, match=r"E150: the Dask scheduler at tcp://127\.0\.0\.1:9 could not be reached"):
        DaskEngine(config, toy_stages, timeout=0.5)


def test_command_line_options_override_the_config_and_scheduler_needs_dask() -> None:
    config = with_engine(Config(), engine="dask", scheduler="tcp://10.0.0.5:8786", n_process=3)
    assert (config.story.engine, config.story.scheduler, config.story.n_process) == ("dask", "tcp://10.0.0.5:8786", 3)
    assert with_engine(config).story == config.story
    with pytest.raises(EngineError, match="E153: --scheduler tcp://h:1 is only used by the dask engine"):
        with_engine(Config(), scheduler="tcp://h:1")


def test_unknown_engine_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"E032: the config value of 'story\.engine' is not valid"):
        _config(engine="spark")


# The bundled example, with models


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return get_encoder(Config())


@pytest.mark.model
def test_both_engines_build_the_same_story(encoder: Encoder) -> None:
    local = build_story([], manifest=MANIFEST, config=_config(), encoder=encoder)
    dask = build_story([], manifest=MANIFEST, config=_config(engine="dask", n_process=2), encoder=encoder)
    assert story_to_dict(dask) == story_to_dict(local)
    assert local.documents == dask.documents


def _by_id(story: Story) -> dict[str, Any]:
    data = story_to_dict(story)
    return {**data, "documents": sorted(data["documents"], key=lambda d: d["id"])}


@pytest.mark.model
def test_corpus_stages_give_the_same_story_whatever_order_the_reports_come_in(encoder: Encoder) -> None:
    config = Config()
    skipped: list[Skipped] = []
    docs = unique(process_documents(iter_inputs([], MANIFEST), config, skipped))

    def build(order: list[Document]) -> dict[str, Any]:
        story = Story(id=story_id("kharkiv"), title="kharkiv", documents=tuple(order), skipped=tuple(skipped))
        return _by_id(run_story(corpus_stages(config, encoder), story))

    expected = build(docs)
    assert expected["contradictions"]
    for seed in range(6):
        shuffled = list(docs)
        random.Random(seed).shuffle(shuffled)
        assert build(shuffled) == expected, f"shuffle seed {seed}"
