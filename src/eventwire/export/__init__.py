"""Exports of consolidated events (ACLED CSV, PLOVER JSON, GeoJSON, JSON lines, Parquet).

Every format is a view of the same consolidated event dicts (`Store.iter_events`), so
an event has the same id, date, place and figures in all of them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from . import acled, plover, tables
from .common import ArticleMeta

FORMATS = ("acled", "plover", "geojson", "jsonl", "parquet")
BINARY = ("parquet",)
PARQUET_BATCH = 5000


def write(
    events: Iterable[dict[str, Any]],
    fmt: str,
    out: IO[Any],
    *,
    rule: str = "conservative",
    article_meta: ArticleMeta | None = None,
    include_unmapped: bool = False,
) -> dict[str, int]:
    """Stream `events` to `out` (text for all formats but parquet: binary). Returns counts."""
    written = skipped = 0
    if fmt == "acled":
        writer = csv.DictWriter(out, fieldnames=acled.COLUMNS, lineterminator="\n")
        writer.writeheader()
        for ev in events:
            row = acled.row(ev, article_meta, include_unmapped)
            if row is None:
                skipped += 1
                continue
            writer.writerow(row)
            written += 1
    elif fmt == "plover":
        # A JSON array, written incrementally so millions of events need no list in memory.
        out.write("[")
        for ev in events:
            out.write(("," if written else "") + "\n" + json.dumps(plover.event(ev), ensure_ascii=False))
            written += 1
        out.write("\n]\n")
    elif fmt == "geojson":
        out.write('{"type": "FeatureCollection", "features": [')
        for ev in events:
            feat = tables.feature(ev)
            if feat is None:
                skipped += 1
                continue
            out.write(("," if written else "") + "\n" + json.dumps(feat, ensure_ascii=False))
            written += 1
        out.write("\n]}\n")
    elif fmt == "jsonl":
        for ev in events:
            out.write(json.dumps(ev, ensure_ascii=False, default=str) + "\n")
            written += 1
    elif fmt == "parquet":
        written = _parquet(events, out, rule)
    else:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return {"written": written, "skipped": skipped}


def _parquet(events: Iterable[dict[str, Any]], out: IO[bytes], rule: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = tables.schema()
    written = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for ev in events:
            batch.append(tables.flat(ev, rule))
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                written += len(batch)
                batch = []
        if batch or not written:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            written += len(batch)
    return written
