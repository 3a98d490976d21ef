"""`eventwire bench NAME`: the project's own evaluation on ../shared/data.

Each benchmark is a module `eventwire.bench.<name with - as _>` exposing
`run(ctx: BenchContext) -> dict[str, object]`; it prints its own table and returns the
metrics. `eventwire bench all` runs every one in BENCHES.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time

from .common import BenchContext, find_shared

BENCHES = [
    "seed", "gvdb-dev", "gvc-dev", "acled-dev", "case-dev", "geo-dev", "timebank-dev",
    "meantime-en", "polnear-dev", "giveme5w1h", "ecbplus-dev", "speed", "scale", "batch",
]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="evaluate on the development sets in ../shared/data")
    p.add_argument("name", help="a dataset (" + ", ".join(BENCHES) + ") or 'all'")
    p.add_argument("--shared", help="path of the shared folder (default: ../shared or $EVENTWIRE_SHARED)")
    p.add_argument("--limit", type=int, help="use only the first N articles")
    p.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    shared = find_shared(args.shared)
    if shared is None:
        print("eventwire: error: ../shared not found; pass --shared PATH", file=sys.stderr)
        return 2
    names = BENCHES if args.name == "all" else [args.name]
    results: dict[str, object] = {}
    for name in names:
        try:
            module = importlib.import_module(f"eventwire.bench.{name.replace('-', '_')}")
        except ModuleNotFoundError:
            print(f"eventwire: error: no benchmark named {name!r}", file=sys.stderr)
            return 2
        ctx = BenchContext(shared=shared, limit=args.limit, quiet=args.json)
        t0 = time.perf_counter()
        metrics = module.run(ctx)
        metrics["seconds"] = round(time.perf_counter() - t0, 1)
        results[name] = metrics
    if args.json:
        print(json.dumps(results if len(results) > 1 else next(iter(results.values())), indent=1))
    return 0
