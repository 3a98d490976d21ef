"""`eventwire demo`: ingest the bundled corpus into a database and show the events.

The corpus (eventwire/demo/corpus) is a dozen short invented news reports about five
incidents, several reporting the same incident with figures that change over time, two
syndicated copies and some scraped clutter. It exercises the whole main job:
read → clean → analyze → cluster → store → events.
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path


def corpus_path() -> Path:
    return Path(str(resources.files("eventwire") / "demo" / "corpus"))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="ingest the bundled demo corpus and print its events")
    p.add_argument("--db", default="sqlite:///demo.db", help="database URL (default: sqlite:///demo.db)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from ..model import ItemError
    from ..pipeline import extract
    from ..store import open_store

    # Wide enough for the table when piped (rich falls back to 80 columns off a terminal).
    console = Console(width=None if sys.stdout.isatty() else 150)
    corpus = corpus_path()
    console.print(f"[bold]eventwire demo[/bold]: ingesting {corpus} into {args.db}")
    errors = 0

    def records():
        nonlocal errors
        for item in extract([str(corpus)]):
            if isinstance(item, ItemError):
                errors += 1
                print(str(item), file=sys.stderr)
            else:
                yield item

    store = open_store(args.db)
    try:
        counts = store.add_records(records(), progress=True)
        console.print(f"ingested: {counts}")
        events, total = store.list_events(sort="date", limit=100)
        table = Table(title=f"{total} consolidated events", show_lines=True)
        for col in ("id", "type", "mode", "date", "place", "killed", "injured", "arrested", "sources", "articles"):
            table.add_column(col, overflow="fold")
        for ev in events:
            loc = ev.get("location") or {}
            place = ", ".join(x for x in (loc.get("name"), loc.get("country_code")) if x)
            figs = ev.get("figures") or {}
            table.add_row(
                ev["id"], "/".join(x for x in (ev.get("type"), ev.get("subtype")) if x),
                ev.get("mode") or "", (ev.get("date") or {}).get("value") or "", place,
                *(_figure_history(figs.get(k)) for k in ("killed", "injured", "arrested")),
                str(ev.get("sources", "")), " ".join(ev.get("articles", [])),
            )
        console.print(table)
    finally:
        store.close()
    db = args.db
    console.print(
        "\nOpen the web UI on this database with:\n"
        f"  [bold].venv/bin/eventwire serve --db {db}[/bold]   (then http://127.0.0.1:8000/)"
    )
    return 1 if errors else 0


def _figure_history(fig: dict | None) -> str:
    """'23 (12 → 19 → 23)': the chosen value, then every report in publication order."""
    if not fig:
        return ""
    reports = sorted(fig.get("reports", []), key=lambda r: r.get("published") or "")
    history = " → ".join(str(r["value"]) for r in reports)
    return f"{fig.get('value')} ({history})" if len(reports) > 1 else str(fig.get("value"))
