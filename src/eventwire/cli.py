"""`eventwire` command line. Each sub-command lives beside the stage it drives:
the module named in COMMANDS has `register(subparsers)` which adds its parser and
sets `func`. Heavy imports stay inside the commands so `--help` is instant.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = [
    "eventwire.commands.extract",
    "eventwire.store.commands",
    "eventwire.export.commands",
    "eventwire.serve.commands",
    "eventwire.scale.commands",
    "eventwire.bench.commands",
    "eventwire.commands.demo",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire",
        description="Turn news articles into a deduplicated, geocoded database of events.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("eventwire"):
                continue  # a stage not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
