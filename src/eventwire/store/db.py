"""The small SQL dialect layer: one connection API over stdlib sqlite3 and psycopg 3.

SQL in the store is written once with `?` placeholders and portable types; `Db.sql`
rewrites it for PostgreSQL. Transactions are explicit (`with db.tx(): ...`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .schema import MIGRATIONS

DEFAULT_URL = "sqlite:///eventwire.db"


class Db:
    def __init__(self, url: str) -> None:
        self.url = url
        if url.startswith(("postgresql://", "postgres://")):
            import psycopg

            self.kind = "postgres"
            self.conn: Any = psycopg.connect(url, autocommit=True)
        elif url.startswith("sqlite://") or "://" not in url:
            self.kind = "sqlite"
            path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
            if path not in ("", ":memory:"):
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(path or ":memory:", isolation_level=None,
                                        check_same_thread=False, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=OFF")
            # 64 MiB of page cache instead of the default 2 MiB: the hot part of a feed (the
            # blocking windows' index pages and recent events) then stays in the process.
            self.conn.execute("PRAGMA cache_size=-65536")
        else:
            raise ValueError(f"unsupported database URL {url!r} (sqlite:///PATH or postgresql://...)")
        self._depth = 0
        self.migrate()

    # -- SQL --------------------------------------------------------------
    def sql(self, q: str) -> str:
        if self.kind == "postgres":
            return (q.replace("?", "%s").replace("BLOB", "BYTEA")
                    .replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY"))
        return q

    def execute(self, q: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self.sql(q), tuple(params))

    def executemany(self, q: str, rows: list[Sequence[Any]]) -> None:
        if not rows:
            return
        if self.kind == "postgres":
            with self.conn.cursor() as cur:
                cur.executemany(self.sql(q), rows)
        else:
            self.conn.executemany(q, rows)

    def all(self, q: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self.execute(q, params).fetchall())

    def one(self, q: str, params: Sequence[Any] = ()) -> tuple | None:
        return self.execute(q, params).fetchone()

    def scalar(self, q: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(q, params)
        return row[0] if row else None

    @contextmanager
    def tx(self) -> Iterator[None]:
        """One transaction (nested calls join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        self.conn.execute("BEGIN IMMEDIATE" if self.kind == "sqlite" else "BEGIN")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def blob(self, data: bytes) -> Any:
        return data

    # -- schema -----------------------------------------------------------
    def migrate(self) -> None:
        with self.tx():
            self.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            if self.kind == "postgres":  # one migrator at a time
                self.execute("LOCK TABLE meta IN EXCLUSIVE MODE")
            row = self.one("SELECT value FROM meta WHERE key = 'schema_version'")
            version = int(row[0]) if row else 0
            for number, statements in MIGRATIONS:
                if number <= version:
                    continue
                for stmt in statements:
                    self.execute(stmt)
                version = number
            self.execute("DELETE FROM meta WHERE key = 'schema_version'")
            self.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(version),))

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:  # closing twice is harmless
            pass
