"""Bearer tokens for the write endpoints: the API is read-only without one.

Tokens come from the environment (EVENTWIRE_API_TOKENS, comma-separated) and/or a
file (`--tokens-file`): one token per line (# comments allowed), or a TOML file
with `tokens = [...]`. Comparison is constant-time.
"""

from __future__ import annotations

import hmac
import os
import tomllib
from pathlib import Path

ENV_VAR = "EVENTWIRE_API_TOKENS"


def load_tokens(tokens_file: str | Path | None = None, env: dict[str, str] | None = None) -> list[str]:
    env = os.environ if env is None else env
    tokens = [t.strip() for t in env.get(ENV_VAR, "").split(",") if t.strip()]
    if tokens_file:
        path = Path(tokens_file)
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            data = tomllib.loads(text)
            tokens += [str(t).strip() for t in data.get("tokens", []) if str(t).strip()]
        else:
            for line in text.splitlines():
                line = line.split("#", 1)[0].strip()
                if line:
                    tokens.append(line)
    return tokens


def check(header: str | None, tokens: list[str]) -> tuple[int, str] | None:
    """None when the Authorization header carries a known token, else (status, message)."""
    if not header:
        return 401, "authentication required: send 'Authorization: Bearer <token>'"
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return 401, "authentication required: the Authorization header must be 'Bearer <token>'"
    if not tokens:
        return 403, "this server is read-only: no API tokens are configured"
    given = value.strip().encode()
    if any(hmac.compare_digest(given, t.encode()) for t in tokens):
        return None
    return 403, "invalid token"
