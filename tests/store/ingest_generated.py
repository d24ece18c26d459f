"""Write a generated corpus into a store, as the kill-and-rerun test's child process.

Usage: python ingest_generated.py URL N [PAUSE_AT]. Stores N generated documents in batches of 50
(``Store.add_documents``), then saves a story listing them all. With PAUSE_AT, the process stops
inside the transaction of batch PAUSE_AT, after printing "committing PAUSE_AT", so that the test can
kill it there; every commit prints "committing K" just before it is sent.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event

from storyline.records import Document, Sentence, Token
from storyline.store.store import open_store
from storyline.textmap import TextMap

BATCH = 50


def generated(n: int) -> Iterator[Document]:
    for i in range(n):
        words = [f"word{(i * 7 + k) % 101}" for k in range(300)]
        text = " ".join(words) + "."
        tokens, pos = [], 0
        for k, word in enumerate(words):
            tokens.append(Token(pos, pos + len(word), word, word, "NOUN", "NN", "dep", max(k - 1, 0)))
            pos += len(word) + 1
        sentence = Sentence(index=0, start=0, end=len(text), text=text, paragraph=0, tokens=tuple(tokens))
        yield Document(
            id=f"{i:016x}",
            path=f"generated/{i}.txt",
            raw_text=text,
            text=text,
            text_map=TextMap.identity(len(text)),
            source=f"Outlet {i % 7}",
            sentences=(sentence,),
            done=frozenset({"read", "nlp"}),
        )


def story(n: int) -> dict[str, Any]:
    documents = [
        {"id": d.id, "path": d.path, "source": d.source, "text": d.text, "sentences": []} for d in generated(n)
    ]
    head = {"id": "generated", "title": "Generated"}
    return {"schema_version": "1.0.0", "story": head, "documents": documents, "events": [], "skipped": []}


def main(url: str, n: int, pause_at: int | None) -> None:
    store = open_store(url)
    commits = 0

    @event.listens_for(store.engine, "commit")
    def _commit(conn: Any) -> None:
        nonlocal commits
        commits += 1
        print(f"committing {commits}", flush=True)
        if commits == pause_at:
            time.sleep(600)  # the test kills the process here, with the batch's rows written, not committed

    store.add_documents(generated(n), batch_size=BATCH)
    store.save(story(n))
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None)
