"""Fetching an article URL for POST /api/articles, refusing private addresses (SPEC §5).

Every hop (the URL and each redirect) is resolved first; if any address it resolves to is
loopback, private, link-local, reserved, multicast or unspecified, the fetch is refused
unless the server was started with private fetching allowed. Size and time are capped.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from urllib.parse import urljoin, urlsplit

MAX_BYTES = 5_000_000
TIMEOUT = 10.0
MAX_REDIRECTS = 3
ALLOW_ENV = "EVENTWIRE_FETCH_ALLOW_PRIVATE"


class FetchError(ValueError):
    """The URL cannot or may not be fetched; the message says why."""


def allow_private_default() -> bool:
    return os.environ.get(ALLOW_ENV, "").lower() in ("1", "true", "yes")


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise FetchError unless `url` is http(s) and resolves only to public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"only http(s) URLs can be fetched, got {url!r}")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except OSError as exc:
        raise FetchError(f"cannot resolve {parts.hostname!r}: {exc}") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
            addr = addr.ipv4_mapped
        if (addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved
                or addr.is_multicast or addr.is_unspecified):
            raise FetchError(f"refusing to fetch {url!r}: {parts.hostname} resolves to a non-public "
                             f"address ({addr}); start the server with {ALLOW_ENV}=1 to allow it")


def fetch_html(url: str, allow_private: bool = False) -> tuple[str, str]:
    """(final URL, HTML text) of a public web page."""
    import httpx

    current = url
    with httpx.Client(follow_redirects=False, timeout=TIMEOUT,
                      headers={"User-Agent": "eventwire/0.1 (+offline news event extraction)"}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current, allow_private)
            try:
                with client.stream("GET", current) as res:
                    if res.is_redirect and res.headers.get("location"):
                        current = urljoin(current, res.headers["location"])
                        continue
                    if res.status_code >= 400:
                        raise FetchError(f"fetching {current!r} failed: HTTP {res.status_code}")
                    body = b""
                    for chunk in res.iter_bytes():
                        body += chunk
                        if len(body) > MAX_BYTES:
                            raise FetchError(f"{current!r} is larger than {MAX_BYTES} bytes")
                    return current, body.decode(res.encoding or "utf-8", errors="replace")
            except httpx.HTTPError as exc:
                raise FetchError(f"fetching {current!r} failed: {type(exc).__name__}: {exc}") from None
    raise FetchError(f"too many redirects from {url!r}")
