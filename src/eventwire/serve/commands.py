"""`eventwire serve`: the JSON API and the web UI."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the JSON API (OpenAPI at /openapi.json) and the web UI")
    p.add_argument("--db", help="database URL or SQLite path (default: the embedded file)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--tokens-file", help="file of API tokens for writes (one per line, or TOML tokens=[...]);"
                   " EVENTWIRE_API_TOKENS (comma-separated) also counts")
    p.add_argument("--no-fetch", action="store_true", help="never fetch URLs posted without text/html")
    p.add_argument("--allow-private-fetch", action="store_true",
                   help="allow fetching URLs on loopback/private addresses (refused by default)")
    p.add_argument("--log-level", default="info")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app
    from .auth import load_tokens

    app = create_app(db_url=args.db, tokens=load_tokens(args.tokens_file), allow_fetch=not args.no_fetch,
                     allow_private_fetch=True if args.allow_private_fetch else None)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0
