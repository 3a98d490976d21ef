"""Readers: files, directories, stdin, JSON lines, HTML and WARC into `Article`s.

`read_paths` yields Articles and ItemErrors in input order. An ItemError names
the item (`path`, `path:LINE` for a JSON line, `path[i]` for a JSON list entry,
`path#N` for a WARC record) and never stops the run. Warnings are ItemErrors
too (a truncated text, an HTML page read by plain tag stripping): the article
is still yielded after its warning, and the CLI exit status shows something
needed attention.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..model import Article, ItemError
from .common import short_error
from .decode import SNIFF_BYTES
from .html import read_html
from .jsonl import read_json, read_jsonl
from .txt import read_txt
from .warc import read_warc

Reader = Callable[[str, BinaryIO, str, "str | None"], Iterator[Article | ItemError]]

READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".text": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}

__all__ = ["read_paths", "READERS"]


def read_paths(paths: list[str], published: str | None = None) -> Iterator[Article | ItemError]:
    """Every article of every path, in order; a bad path or item is an ItemError."""
    for path in paths:
        if path == "-":
            yield from _guarded("stdin", sys.stdin.buffer, "stdin", published, None)
        elif os.path.isdir(path):
            for file, ident in _walk(path):
                yield from _read_file(file, ident, published)
        elif os.path.exists(path):
            yield from _read_file(path, _stem(Path(path).name), published)
        else:
            yield ItemError(path, "no such file or directory")


def _walk(root: str) -> Iterator[tuple[str, str]]:
    """Files under a directory, sorted, hidden files and folders skipped; id = relative path."""
    for base, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(base, name)
            rel = os.path.relpath(full, root)
            yield full, str(Path(rel).parent / _stem(name)) if os.sep in rel else _stem(name)


def _stem(name: str) -> str:
    for ext in sorted(READERS, key=len, reverse=True):
        if name.lower().endswith(ext):
            return name[: -len(ext)] or name
    return Path(name).stem or name


def _read_file(path: str, ident: str, published: str | None) -> Iterator[Article | ItemError]:
    lower = path.lower()
    reader = next((r for ext, r in sorted(READERS.items(), key=lambda kv: -len(kv[0]))
                   if lower.endswith(ext)), None)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as exc:
        yield ItemError(path, exc.strerror or str(exc))
        return
    with fh:
        yield from _guarded(path, fh, ident, published, reader)


def _guarded(
    item: str, fh: BinaryIO, ident: str, published: str | None, reader: Reader | None
) -> Iterator[Article | ItemError]:
    """Run one reader; an unexpected exception becomes an error for this item only."""
    try:
        chosen = reader or sniff(fh)
        yield from chosen(item, fh, ident, published)
    except Exception as exc:
        yield ItemError(item, f"could not be read ({short_error(exc)})")


def sniff(fh: BinaryIO) -> Reader:
    """Pick a reader from the first bytes: WARC, JSON lines/JSON, HTML, else plain text."""
    head = fh.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(fh, "peek") else b""
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
        return read_warc  # gzip that is not a WARC is reported as such by warcio
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{"):
        # A first line that is a whole object means JSON lines (streamed);
        # otherwise a pretty-printed document.
        first, newline, _ = start.partition(b"\n")
        try:
            json.loads(first)
            return read_jsonl
        except ValueError:
            return read_jsonl if not newline and len(head) == SNIFF_BYTES else read_json
    if start.startswith(b"["):
        return read_json
    lowered = start[:1024].lower()
    if start.startswith(b"<") and any(tag in lowered for tag in (b"<html", b"<!doctype", b"<body", b"<p", b"<div", b"<head")):
        return read_html
    return read_txt
