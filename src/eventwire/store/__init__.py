"""The event store: articles, copies, mentions and consolidated events in SQLite or PostgreSQL.

    store = open_store()                        # sqlite:///eventwire.db (WAL) in the cwd
    store = open_store("postgresql://...")      # psycopg 3
    counts = store.add_records(records)         # idempotent, one transaction per article
    events, total = store.list_events(country="RU", type="attack")
    event = store.get_event("ev_...")           # absorbed ids redirect

`ingest_records(store, items)` is the hook batch jobs use (items may include ItemErrors).
Schema migrations: store/schema.py. SQL dialect layer: store/db.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from ..model import ItemError, Record
from .db import DEFAULT_URL
from .store import Store


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at `url`, $EVENTWIRE_DB, or the
    default embedded file eventwire.db in the working directory."""
    return Store(url or os.environ.get("EVENTWIRE_DB") or DEFAULT_URL)


def ingest_records(store: Store, records: Iterable[Record | ItemError], progress: bool = False,
                   on_error: Any = None) -> dict[str, int]:
    """Store already-analysed records (from extract, Parquet, Ray...): the clean hook for
    other readers. Same semantics as Store.add_records."""
    return store.add_records(records, progress=progress, on_error=on_error)


__all__ = ["DEFAULT_URL", "Store", "ingest_records", "open_store"]
