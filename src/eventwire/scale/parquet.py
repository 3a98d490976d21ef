"""Records ⇄ Parquet rows: one row per article, article fields as columns and each
analysis layer as a JSON string (lossless, and the same dict shape as `extract`)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..model import Record

ARTICLE_COLUMNS = ["id", "title", "published", "published_source", "source", "url", "language",
                   "raw_hash", "text"]
LAYER_COLUMNS = ["entities", "places", "times", "quotes", "figures", "events"]


def schema() -> Any:
    import pyarrow as pa

    return pa.schema([(c, pa.string()) for c in ARTICLE_COLUMNS + LAYER_COLUMNS])


def to_row(record: Record) -> dict[str, Any]:
    data = record.to_dict()
    row = {c: data["article"].get(c) for c in ARTICLE_COLUMNS}
    for layer in LAYER_COLUMNS:
        row[layer] = json.dumps(data[layer], ensure_ascii=False)
    return row


def from_row(row: dict[str, Any]) -> Record:
    article = {c: row.get(c) for c in ARTICLE_COLUMNS}
    return Record.from_dict({"article": article, **{k: json.loads(row[k] or "[]") for k in LAYER_COLUMNS}})


def write_records(records: Iterable[Record], path: Path) -> int:
    """Write atomically: `<path>.tmp` then rename, so a half-written file never counts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [to_row(r) for r in records]
    table = pa.Table.from_pylist(rows, schema=schema())
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)
    return len(rows)


def read_records(directory: str | Path) -> Iterator[Record]:
    """Every record of every finished part file in a batch output directory, in order."""
    import pyarrow.parquet as pq

    for part in sorted(Path(directory).glob("part-*.parquet")):
        table = pq.read_table(part)
        for row in table.to_pylist():
            yield from_row(row)
