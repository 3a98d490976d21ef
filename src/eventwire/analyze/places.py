"""places layer (stub)."""

from __future__ import annotations

from typing import Any

from ..model import Record


def analyze(record: Record) -> list[Any]:
    return []
