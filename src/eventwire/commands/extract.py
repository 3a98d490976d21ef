"""`eventwire extract PATH...`: analyse articles, no database, JSON lines on stdout."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="analyse articles and print one JSON record per article")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that lack one")
    p.add_argument("--no-clean", action="store_true", help="analyse the text exactly as given")
    p.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..model import ItemError
    from ..pipeline import extract

    failed = 0
    out = sys.stdout
    records = []
    for item in extract(args.paths, published=args.published, clean=not args.no_clean):
        if isinstance(item, ItemError):
            failed += 1
            print(str(item), file=sys.stderr, flush=True)
            continue
        if args.format == "json":
            records.append(item.to_dict())
        else:
            out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
    if args.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return 1 if failed else 0
