"""Re-save a store's document records of an older version (``codec.UPGRADED``) in the current one, so
that loading them no longer re-reads their tokens each time (a version-2 record runs ``doc.digest``).

``upgrade_records`` works a batch at a time, in order of id: it reads a batch of older records, brings
each up to date as a load would, and writes the batch back in one transaction, only where a record is
still of its old version (a record written meanwhile by ``storyline add`` is kept). Killed part-way,
the store holds upgraded and older records, both readable; running it again carries on. Records of a
version this storyline cannot read are left alone and counted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, bindparam, func, select
from sqlalchemy.exc import SQLAlchemyError

from storyline.errors import Errors
from storyline.store import tables
from storyline.store.codec import READABLE_VERSIONS, RECORD_VERSION, UPGRADED, decode_document, encode_document
from storyline.store.store import Store, StoreError, error_detail

log = logging.getLogger(__name__)

# Decoding a record of the wrong shape fails with one of these (a missing field, a field of the wrong kind).
_BAD_RECORD = (KeyError, TypeError, ValueError, IndexError, AttributeError)


@dataclass(frozen=True)
class UpgradeResult:
    """What ``upgrade_records`` did: records re-saved in the current version, records already in it,
    and records of a version it cannot read (``unknown_versions``), left as they were."""

    upgraded: int
    already_current: int
    skipped_unknown_version: int
    unknown_versions: tuple[int, ...] = ()


def record_versions(store: Store) -> dict[int, int]:
    """How many document records the store holds of each version."""
    t = tables.document_records
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(select(t.c.version, func.count()).group_by(t.c.version))
            return {int(version): int(count) for version, count in rows}
    except SQLAlchemyError as e:
        raise StoreError(Errors.E214.format(which="from the first on", url=store.url, detail=error_detail(e))) from e


def records_to_upgrade(store: Store) -> int:
    """How many records ``upgrade_records`` would re-save (for a progress bar's total)."""
    return sum(n for version, n in record_versions(store).items() if version in UPGRADED)


def upgrade_records(store: Store, batch: int = 100, progress: Callable[[int], None] | None = None) -> UpgradeResult:
    """Re-save every record of a version in ``codec.UPGRADED`` as ``RECORD_VERSION``, ``batch`` records
    per transaction; ``progress`` is called after each batch is saved with how many it held.

    1. count the records of each version
    2. read the next batch of older records after the last id done
    3. bring each up to date (``codec.decode_document``) and encode it again
    4. write the batch in one transaction, each record only if it is still of its old version

    Raises ``StoreError``: E214 when the store cannot be read or written, E215 for a record that cannot
    be decoded; the batches before are kept either way.
    """
    if batch < 1:
        raise ValueError(f"batch must be at least 1, not {batch}")
    counts = record_versions(store)  # 1.
    upgraded, after = 0, ""
    while rows := _older_records(store, after, batch):  # 2.
        encoded = [_upgraded(store, row) for row in rows]  # 3.
        upgraded += _write(store, encoded)  # 4.
        after = rows[-1].id
        if progress is not None:
            progress(len(rows))
    unknown = {version: n for version, n in sorted(counts.items()) if version not in READABLE_VERSIONS}
    if unknown:  # once, with the count
        versions = ", ".join(str(v) for v in unknown)
        count = sum(unknown.values())
        log.warning(Errors.E216.format(count=count, url=store.url, versions=versions, current=RECORD_VERSION))
    return UpgradeResult(upgraded, counts.get(RECORD_VERSION, 0), sum(unknown.values()), tuple(unknown))


def _older_records(store: Store, after: str, batch: int) -> Sequence[Row[Any, Any, Any]]:
    """The next ``batch`` records of an upgradable version with ids after ``after``, in id order."""
    t = tables.document_records
    query = (
        select(t.c.id, t.c.version, t.c.data)
        .where(t.c.id > after, t.c.version.in_(UPGRADED))
        .order_by(t.c.id)
        .limit(batch)
    )
    try:
        with store.engine.connect() as conn:
            return conn.execute(query).all()
    except SQLAlchemyError as e:
        which = f"after '{after}'" if after else "from the first on"
        raise StoreError(Errors.E214.format(which=which, url=store.url, detail=error_detail(e))) from e


def _upgraded(store: Store, row: Row[Any, Any, Any]) -> dict[str, Any]:
    """The parameters that re-save one older record in the current version."""
    try:
        data = encode_document(decode_document(row.data, row.version))
    except _BAD_RECORD as e:
        detail = f"{type(e).__name__}: {e}"
        message = Errors.E215.format(document_id=row.id, version=row.version, url=store.url, detail=detail)
        raise StoreError(message) from e
    return {"record_id": row.id, "old_version": row.version, "new_data": data}


def _write(store: Store, encoded: list[dict[str, Any]]) -> int:
    """Save a batch in one transaction; how many records were still of their old version and saved."""
    t = tables.document_records
    update = (
        t.update()
        .where(t.c.id == bindparam("record_id"), t.c.version == bindparam("old_version"))
        .values(version=RECORD_VERSION, data=bindparam("new_data", type_=t.c.data.type))
    )
    written = 0
    try:
        with store.engine.begin() as conn:
            for params in encoded:  # one at a time: not every driver counts an executemany's rows
                written += conn.execute(update, params).rowcount
    except SQLAlchemyError as e:
        which = f"from '{encoded[0]['record_id']}' on"
        raise StoreError(Errors.E214.format(which=which, url=store.url, detail=error_detail(e))) from e
    return written
