"""`eventwire export --format acled|plover|geojson|jsonl|parquet`: views of the stored events."""

from __future__ import annotations

import argparse
import sys
from functools import lru_cache


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export consolidated events (ACLED CSV, PLOVER, GeoJSON, JSONL, Parquet)")
    p.add_argument("--format", required=True, choices=["acled", "plover", "geojson", "jsonl", "parquet"])
    p.add_argument("--db", help="database URL or SQLite path (default: the embedded file)")
    p.add_argument("--out", help="output file (default: stdout; required for parquet unless piped)")
    p.add_argument("--rule", default="conservative", choices=["conservative", "latest", "max"],
                   help="which reported figure becomes the event's value")
    p.add_argument("--include-unmapped", action="store_true",
                   help="acled: also write events ACLED does not code (claims, denials, ...), types blank")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store import open_store
    from . import BINARY, write

    binary = args.format in BINARY
    if binary and not args.out and sys.stdout.isatty():
        print("eventwire: error: --out PATH is needed for parquet on a terminal", file=sys.stderr)
        return 2
    store = open_store(args.db)
    try:
        @lru_cache(maxsize=4096)
        def meta(aid: str) -> dict | None:
            return store.get_article(aid)

        if args.out:
            mode, kw = ("wb", {}) if binary else ("w", {"encoding": "utf-8", "newline": ""})
            with open(args.out, mode, **kw) as fh:
                counts = write(store.iter_events(args.rule), args.format, fh, rule=args.rule,
                               article_meta=meta, include_unmapped=args.include_unmapped)
        else:
            out = sys.stdout.buffer if binary else sys.stdout
            counts = write(store.iter_events(args.rule), args.format, out, rule=args.rule,
                           article_meta=meta, include_unmapped=args.include_unmapped)
            out.flush()
    finally:
        store.close()
    msg = f"eventwire: exported {counts['written']} events as {args.format}"
    if counts["skipped"]:
        why = "without coordinates" if args.format == "geojson" else "that ACLED does not code"
        msg += f" ({counts['skipped']} {why} left out)"
    print(msg, file=sys.stderr)
    return 0
