"""Bytes → text: binary detection, encoding guess, control-character stripping, size cap.

Every reader funnels its raw bytes through here so that the bad-input rules
(binary, empty, wrong encoding, huge) are the same for every format.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..nlp import MAX_CHARS

SNIFF_BYTES = 8192
CHUNK = 1 << 20

# C0 controls except \t \n \r, DEL, and the C1 range (which in real text only
# appears as mis-decoded cp1252); \f and \v become newlines first.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_VERTICAL = re.compile("[\x0b\x0c\u2028\u2029]")
_NEWLINES = re.compile(r"\r\n?")
# Bytes that never occur in text files (NUL aside, which is checked separately).
_NONTEXT_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})


class NotText(ValueError):
    """Raised for content that is not text (binary, empty)."""


def max_chars() -> int:
    """The per-article character cap; EVENTWIRE_MAX_CHARS overrides nlp.MAX_CHARS (tests)."""
    value = os.environ.get("EVENTWIRE_MAX_CHARS")
    if value and value.strip().isdigit() and int(value) > 0:
        return min(int(value), MAX_CHARS)
    return MAX_CHARS


def check_text_bytes(sample: bytes) -> None:
    """Raise NotText when a byte sample looks binary (NUL bytes or many control bytes)."""
    if not sample.strip():
        raise NotText("empty")
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in sample:
        raise NotText("binary content, not text")
    odd = len(sample) - len(sample.translate(None, _NONTEXT_BYTES))
    if odd > 0.1 * len(sample):
        raise NotText("binary content, not text")


def guess_encoding(sample: bytes) -> str:
    """UTF-8 when the sample decodes as UTF-8, else a single-byte guess (cp1252 by default)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        # A multi-byte character may be cut at the end of the sample.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # cp1252 covers Western news text (curly quotes, accents). Only when most
    # letters come out non-ASCII is the text likely in another script, and then
    # charset_normalizer (a trafilatura dependency) is worth asking.
    text = sample.decode("cp1252", errors="replace")
    letters = [c for c in text if c.isalpha()]
    if letters and sum(not c.isascii() for c in letters) > 0.3 * len(letters):
        try:
            from charset_normalizer import from_bytes

            best = from_bytes(sample).best()
            if best is not None and best.encoding:
                return best.encoding
        except Exception:  # a guess only; fall back to cp1252
            pass
    return "cp1252"


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Decode a whole byte string with the guessed (or declared) encoding, never failing."""
    enc = encoding or guess_encoding(data[: 4 * SNIFF_BYTES])
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return tidy(text)


def tidy(text: str) -> str:
    """Normalise newlines and drop control characters (keeps \\n and \\t)."""
    text = _NEWLINES.sub("\n", text)
    text = _VERTICAL.sub("\n", text)
    return _CONTROL.sub("", text)


@dataclass
class Loaded:
    text: str
    raw_hash: str
    total_chars: int  # characters before truncation

    @property
    def truncated(self) -> bool:
        return self.total_chars > len(self.text)


def load_stream(fh: BinaryIO, cap: int | None = None) -> Loaded:
    """Read a text stream in chunks: hash every byte, keep only the first `cap` characters.

    Memory stays bounded by the cap whatever the file size (a 50 MB file is
    never held whole), and the full character count is still known for the
    truncation warning.
    """
    cap = max_chars() if cap is None else cap
    first = fh.read(CHUNK)
    check_text_bytes(first[:SNIFF_BYTES])
    encoding = guess_encoding(first[: 4 * SNIFF_BYTES])
    digest = hashlib.sha256()
    parts: list[str] = []
    kept = 0
    total = 0
    carry = ""
    for raw_text in _decode_chunks(first, fh, encoding, digest):
        # Hold back a final "\r" so a "\r\n" split across chunks stays one newline.
        raw_text = carry + raw_text
        carry = raw_text[-1:] if raw_text.endswith("\r") else ""
        chunk_text = tidy(raw_text[: len(raw_text) - len(carry)])
        total += len(chunk_text)
        if kept < cap:
            piece = chunk_text[: cap - kept]
            parts.append(piece)
            kept += len(piece)
    if carry and kept < cap:
        parts.append("\n")
        total += 1
    text = "".join(parts)
    if not text.strip():
        raise NotText("empty")
    return Loaded(text=text, raw_hash=digest.hexdigest(), total_chars=total)


def _decode_chunks(first: bytes, fh: BinaryIO, encoding: str, digest: hashlib._Hash) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    fallback = codecs.getincrementaldecoder("cp1252")(errors="replace")
    chunk = first
    while chunk:
        digest.update(chunk)
        try:
            yield decoder.decode(chunk)
        except UnicodeDecodeError:
            # UTF-8 broke after the sniffed head: the rest is decoded as cp1252.
            decoder = fallback
            yield decoder.decode(chunk)
        chunk = fh.read(CHUNK)
    yield decoder.decode(b"", final=True) if decoder is fallback else _final(decoder)


def _final(decoder: codecs.IncrementalDecoder) -> str:
    try:
        return decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "\ufffd"
