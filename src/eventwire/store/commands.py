"""`eventwire ingest PATH...` and `eventwire events`: fill and query the event store."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read, analyse, cluster and store articles (idempotent, resumable)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, or - for stdin")
    p.add_argument("--db", help="database URL (default: $EVENTWIRE_DB or sqlite:///eventwire.db)")
    p.add_argument("--from-parquet", metavar="DIR",
                   help="bulk-load records analysed by `eventwire batch` and cluster them by partition")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="with --from-parquet: cluster the partitions in-process or on Ray")
    p.add_argument("--workers", type=int, default=2, help="with --from-parquet --engine ray: Ray CPUs")
    p.add_argument("--ray-address", help="with --engine ray: address of an existing Ray cluster")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that lack one")
    p.add_argument("--no-clean", action="store_true", help="analyse the text exactly as given")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: when stderr is a terminal)")
    p.set_defaults(func=run_ingest)

    e = sub.add_parser("events", help="list consolidated events from the store")
    e.add_argument("--db", help="database URL (default: $EVENTWIRE_DB or sqlite:///eventwire.db)")
    e.add_argument("--format", choices=["jsonl", "csv", "table"], default="jsonl")
    e.add_argument("--id", help="show one event (absorbed ids redirect) with its figure history")
    e.add_argument("--rule", choices=["conservative", "latest", "max"], default="conservative",
                   help="how each figure's value is chosen among its reports")
    e.add_argument("--country", help="ISO 3166-1 alpha-2 code")
    e.add_argument("--admin1")
    e.add_argument("--type", help="event type or family (comma-separated)")
    e.add_argument("--mode", help="asserted, claimed, alleged, denied, ...")
    e.add_argument("--since", help="event date from (YYYY-MM-DD)")
    e.add_argument("--until", help="event date to (YYYY-MM-DD)")
    e.add_argument("--actor", help="actor name (substring)")
    e.add_argument("--q", help="text search")
    e.add_argument("--min-sources", type=int)
    e.add_argument("--sort", default="-last_seen")
    e.add_argument("--limit", type=int, default=50)
    e.add_argument("--offset", type=int, default=0)
    e.set_defaults(func=run_events)


def run_ingest(args: argparse.Namespace) -> int:
    if args.from_parquet:
        if args.paths:
            print("eventwire: error: give either PATHs or --from-parquet DIR, not both", file=sys.stderr)
            return 2
        return _ingest_parquet(args)
    if not args.paths:
        print("eventwire: error: ingest needs at least one PATH (or --from-parquet DIR)", file=sys.stderr)
        return 2
    from ..model import ItemError
    from ..pipeline import analyze_items
    from ..read import read_paths
    from . import ingest_records, open_store

    failed = 0
    skipped = 0

    def report(err: ItemError) -> None:
        nonlocal failed
        failed += 1
        print(str(err), file=sys.stderr, flush=True)

    store = open_store(args.db)
    try:
        def fresh() -> Any:
            # The same path as `extract` (read → clean → analyze), minus the articles this
            # store already holds unchanged: a re-run after a kill does not re-analyse them.
            nonlocal skipped
            for path in args.paths:
                try:
                    for item in read_paths([path], published=args.published):
                        if not isinstance(item, ItemError) and item.raw_hash and store.has_article(item.id, item.raw_hash):
                            skipped += 1
                            continue
                        yield item
                except Exception as exc:  # a reader that gives up on one path: the run goes on
                    yield ItemError(path, f"read failed: {type(exc).__name__}: {exc}")

        progress = sys.stderr.isatty() if args.progress is None else args.progress
        items = analyze_items(fresh(), clean=not args.no_clean)
        counts = ingest_records(store, items, progress=progress, on_error=report)
    finally:
        store.close()
    counts["unchanged"] += skipped
    print(json.dumps(counts), file=sys.stderr)
    return 1 if failed else 0


def _ingest_parquet(args: argparse.Namespace) -> int:
    from ..scale.load import ingest_from_parquet

    progress = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        counts = ingest_from_parquet(args.from_parquet, args.db, engine=args.engine,
                                     workers=args.workers, progress=progress,
                                     ray_address=args.ray_address)
    except (FileNotFoundError, ValueError) as exc:
        print(f"eventwire: error: {args.from_parquet}: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(counts), file=sys.stderr)
    return 1 if counts.get("errors") else 0


def run_events(args: argparse.Namespace) -> int:
    from . import open_store

    store = open_store(args.db)
    try:
        if args.id:
            ev = store.get_event(args.id, figure_rule=args.rule)
            if ev is None:
                print(f"eventwire: error: no event {args.id!r}", file=sys.stderr)
                return 1
            events = [ev]
        else:
            events, _ = store.list_events(
                date_from=args.since, date_to=args.until, country=args.country, admin1=args.admin1,
                type=args.type, mode=args.mode, actor=args.actor, q=args.q, min_sources=args.min_sources,
                sort=args.sort, limit=args.limit, offset=args.offset, figure_rule=args.rule)
    except ValueError as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    out = sys.stdout
    if args.format == "jsonl":
        for ev in events:
            out.write(json.dumps(ev, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        write_csv(events, out)
    elif args.id:
        out.write(detail_table(events[0]))
    else:
        out.write(list_table(events))
    return 0


CSV_COLS = ["id", "type", "subtype", "mode", "date", "place", "country_code", "admin1", "lat", "lon",
            "killed", "injured", "arrested", "kidnapped", "sources", "articles", "actors", "first_seen", "last_seen"]


def _row(ev: dict[str, Any]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    figs = ev.get("figures") or {}
    return {
        "id": ev["id"], "type": ev.get("type"), "subtype": ev.get("subtype"), "mode": ev.get("mode"),
        "date": (ev.get("date") or {}).get("value"), "place": loc.get("name"),
        "country_code": loc.get("country_code"), "admin1": loc.get("admin1"), "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        **{k: (figs.get(k) or {}).get("value") for k in ("killed", "injured", "arrested", "kidnapped")},
        "sources": ev.get("sources"), "articles": ";".join(ev.get("articles") or []),
        "actors": ";".join(sorted({a.get("canonical") or a.get("name") or "" for a in ev.get("actors") or []})),
        "first_seen": ev.get("first_seen"), "last_seen": ev.get("last_seen"),
    }


def write_csv(events: list[dict[str, Any]], out: Any) -> None:
    w = csv.DictWriter(out, fieldnames=CSV_COLS)
    w.writeheader()
    for ev in events:
        w.writerow(_row(ev))


def _cell(v: Any, width: int) -> str:
    s = "" if v is None else str(v)
    return (s[: width - 1] + "…") if len(s) > width else s.ljust(width)


def list_table(events: list[dict[str, Any]]) -> str:
    cols = [("id", 15), ("type", 20), ("date", 10), ("place", 22), ("country_code", 3), ("killed", 6),
            ("sources", 7)]
    lines = ["  ".join(_cell(c if c != "country_code" else "cc", w) for c, w in cols)]
    for ev in events:
        r = _row(ev)
        lines.append("  ".join(_cell(r.get(c), w) for c, w in cols))
    return "\n".join(lines) + "\n"


def detail_table(ev: dict[str, Any]) -> str:
    """One event with each figure's history (40 → 133 → 144, with dates and sources)."""
    r = _row(ev)
    lines = [f"{ev['id']}  {ev.get('type')}" + (f"/{ev['subtype']}" if ev.get("subtype") else "")
             + f"  ({ev.get('mode')})"]
    for label, key in (("date", "date"), ("place", "place"), ("country", "country_code"), ("admin1", "admin1"),
                       ("sources", "sources"), ("first seen", "first_seen"), ("last seen", "last_seen"),
                       ("actors", "actors")):
        lines.append(f"  {label:<11} {r.get(key) if r.get(key) is not None else ''}")
    if ev.get("redirects"):
        lines.append(f"  {'absorbed':<11} {', '.join(ev['redirects'])}")
    for kind, fig in (ev.get("figures") or {}).items():
        reports = fig.get("reports") or []
        history = " → ".join(str(rp["value"]) for rp in reports)
        lines.append(f"  {kind:<11} {fig.get('value')}  ({fig.get('rule')} rule; reports: {history})")
        for rp in reports:
            who = f"  speaker: {rp['speaker']}" if rp.get("speaker") else ""
            lines.append(f"      {str(rp.get('published') or '?')[:10]}  {rp['value']:>6}  {rp.get('qualifier') or '':<9}"
                         f"  {rp.get('article')}{who}")
    lines.append(f"  {'articles':<11} {len(ev.get('articles') or [])}")
    for aid in ev.get("articles") or []:
        mark = " (primary)" if aid in (ev.get("primary_for") or []) else ""
        lines.append(f"      {aid}{mark}")
    for rel in ev.get("related") or []:
        lines.append(f"  related     {rel['relation']}: {rel['id']} ({rel.get('type')})")
    return "\n".join(lines) + "\n"
