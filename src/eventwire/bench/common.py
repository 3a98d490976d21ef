"""Helpers every benchmark shares: locating data, reading JSON lines, printing tables."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article, Record


@dataclass
class BenchContext:
    shared: Path
    limit: int | None = None
    quiet: bool = False

    def data(self, name: str) -> Path:
        return self.shared / "data" / name

    def jsonl(self, name: str, file: str = "articles.jsonl") -> list[dict[str, Any]]:
        rows = list(read_jsonl(self.data(name) / file))
        return rows[: self.limit] if self.limit and file == "articles.jsonl" else rows

    def table(self, title: str, rows: list[tuple[str, object, object]]) -> None:
        """Print metric / ours / anchor rows."""
        if self.quiet:
            return
        print(f"\n{title}")
        print(f"  {'metric':<34} {'eventwire':>10}   anchor")
        for metric, ours, anchor in rows:
            val = f"{ours:.3f}" if isinstance(ours, float) else str(ours)
            print(f"  {metric:<34} {val:>10}   {anchor if anchor is not None else ''}")


def find_shared(explicit: str | None = None) -> Path | None:
    candidates = [explicit, os.environ.get("EVENTWIRE_SHARED"), "../shared", "../../shared"]
    here = Path(__file__).resolve()
    candidates += [str(p / "shared") for p in here.parents]
    for c in candidates:
        if c and (Path(c) / "SPEC.md").exists():
            return Path(c).resolve()
    return None


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def row_published(row: dict[str, Any], fallback: str | None = None) -> str | None:
    """A dataset row's publication date in the readers' priority (read.common.pick_published):
    the row's own date, else a date its URL carries (".../2013/05/02/..."), else `fallback`.
    The row's own date is passed on as given."""
    from ..read.common import pick_published

    return row.get("published") or pick_published(None, "row", row.get("url"), fallback)[0]


def records_for(rows: list[dict[str, Any]], clean: bool = False, published: str | None = None,
                while_parsed: Callable[[Record], None] | None = None) -> Iterator[Record]:
    """Analyse dataset rows through the same pipeline as `extract` (no cleaning by default,
    so gold offsets into `text` stay valid); `while_parsed` reads each record's Doc before
    it is dropped (see pipeline.analyze_items)."""
    from ..model import ItemError
    from ..pipeline import analyze_items

    arts = (
        Article(id=str(r["id"]), text=r.get("text") or "", title=r.get("title"),
                published=row_published(r, published), url=r.get("url"), source=r.get("source"),
                language="en")
        for r in rows
    )
    for item in analyze_items(arts, clean=clean, while_parsed=while_parsed):
        if not isinstance(item, ItemError):
            yield item
