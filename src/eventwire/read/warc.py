"""WARC files (plain or gzip): one article per HTML response record.

warcio silently stops at a cut, so truncation is detected here: gzip input is
decompressed by our own streaming reader (which notices a member that never
ends) and each record's payload length is checked against its Content-Length.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..model import Article, ItemError
from .common import short_error
from .dates import normalize_date
from .html import decode_html, html_article

HTML_TYPES = ("text/html", "application/xhtml+xml")


class GunzipStream(io.RawIOBase):
    """Multi-member gunzip that returns every byte before a cut and records why it stopped."""

    def __init__(self, raw: BinaryIO, chunk: int = 1 << 16) -> None:
        self.raw = raw
        self.chunk = chunk
        self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.buf = b""
        self.done = False
        self.in_member = False
        self.problem: str | None = None

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        while not self.buf and not self.done:
            data = self.raw.read(self.chunk)
            if not data:
                self.done = True
                if self.in_member and not self.inflater.eof:
                    self.problem = "gzip data ends mid-record"
                return
            while data:
                try:
                    self.buf += self.inflater.decompress(data)
                except zlib.error as exc:
                    self.problem, self.done = f"corrupt gzip data ({exc})", True
                    return
                self.in_member = True
                if self.inflater.eof:
                    data = self.inflater.unused_data
                    self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    self.in_member = bool(data)
                else:
                    data = b""

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        self._fill()
        n = min(len(buffer), len(self.buf))
        buffer[:n] = self.buf[:n]
        self.buf = self.buf[n:]
        return n


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


def read_warc(item: str, fh: BinaryIO, ident: str, published: str | None) -> Iterator[Article | ItemError]:
    from warcio.archiveiterator import ArchiveIterator

    head = fh.peek(2)[:2] if hasattr(fh, "peek") else b""
    gunzip = GunzipStream(fh) if head == b"\x1f\x8b" else None
    stream: BinaryIO = io.BufferedReader(gunzip) if gunzip else fh  # type: ignore[assignment]
    start = stream.peek(8)[:8] if hasattr(stream, "peek") else b""
    if not start.startswith(b"WARC/"):
        if not start.strip():
            yield ItemError(item, "empty" if gunzip is None or not gunzip.problem else "truncated gzip data")
        else:
            yield ItemError(item, "not a WARC file" + (" (gzip data)" if gunzip else ""))
        return
    n = complete = 0
    cut: str | None = None
    try:
        for record in ArchiveIterator(stream, ensure_http_headers=False):
            n += 1
            ctype = ""
            if record.rec_type in ("response", "resource"):
                headers = record.http_headers
                ctype = (headers.get_header("Content-Type") if headers else None) or (
                    record.rec_headers.get_header("Content-Type") or ""
                )
            is_html = ctype.lower().startswith(HTML_TYPES)
            payload = record.content_stream().read() if is_html else b""
            while not is_html and record.raw_stream.read(1 << 16):
                pass  # drain other records chunk by chunk, so a cut in them is detected too
            if getattr(record.raw_stream, "limit", 0):
                cut = "record cut short"
                break
            complete = n
            if not is_html:
                continue
            where = f"{item}#{n}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
            yield from html_article(
                where,
                decode_html(payload, _charset(ctype)),
                id=rid or f"{ident}#{n}",
                raw_hash=Article.hash_raw(payload),
                url=uri,
                cli_published=published,
                fallback_date=normalize_date(record.rec_headers.get_header("WARC-Date")),
            )
    except Exception as exc:  # warcio raises assorted errors on damaged input
        cut = short_error(exc)
    if cut is None and gunzip is not None and gunzip.problem:
        cut = gunzip.problem
    if cut:
        yield ItemError(item, f"truncated WARC: cut after record {complete} ({cut})")
    elif n == 0:
        yield ItemError(item, "empty")
