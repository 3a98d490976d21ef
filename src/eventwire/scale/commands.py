"""`eventwire batch INPUT... --out DIR [--engine local|ray] [--ray-address A] [--workers N]`."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="analyse shards (JSONL, WARC, directories) into Parquet, locally or on Ray")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--out", required=True, help="output directory (Parquet parts + manifest.json)")
    p.add_argument("--engine", choices=["local", "ray"], default="local")
    p.add_argument("--ray-address", help="address of an existing Ray cluster (default: start a local one)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (Ray actors)")
    p.add_argument("--published", help="publication date for inputs that lack one")
    p.add_argument("--no-clean", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .batch import run_batch

    def progress(res, done: int, total: int) -> None:
        print(f"[{done}/{total}] {res.shard}: {res.articles} articles, {len(res.errors)} errors, "
              f"{res.seconds:.1f}s", file=sys.stderr, flush=True)
        for err in res.errors:
            print(err, file=sys.stderr)

    summary = run_batch(args.inputs, args.out, engine=args.engine, workers=args.workers,
                        ray_address=args.ray_address, published=args.published,
                        clean=not args.no_clean, progress=progress)
    print(json.dumps(summary))
    return 1 if summary["errors"] else 0
