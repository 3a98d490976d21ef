"""Input shards and their output files.

A shard is one input file (a JSONL file, a WARC/WARC.gz as in CC-NEWS, an HTML or
text file); directories expand to the files inside them. Each shard's output is one
Parquet file named from a hash of the shard path, written to a temporary name and
renamed when complete, so a killed run leaves either a finished file or nothing usable.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

INPUT_SUFFIXES = (".jsonl", ".json", ".warc", ".warc.gz", ".html", ".htm", ".txt")
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Shard:
    path: str

    @property
    def key(self) -> str:
        return hashlib.sha1(os.path.abspath(self.path).encode()).hexdigest()[:16]

    def output(self, out_dir: Path) -> Path:
        return out_dir / f"part-{self.key}.parquet"


def list_shards(inputs: list[str]) -> list[Shard]:
    shards: list[Shard] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and f.name.endswith(INPUT_SUFFIXES):
                    shards.append(Shard(str(f)))
        else:
            shards.append(Shard(str(p)))
    return shards


def pending(shards: list[Shard], out_dir: Path) -> list[Shard]:
    """Shards whose finished output is missing (partial `.tmp` files are redone)."""
    return [s for s in shards if not s.output(out_dir).exists()]


def clear_partials(out_dir: Path) -> int:
    n = 0
    for tmp in out_dir.glob("*.tmp"):
        tmp.unlink(missing_ok=True)
        n += 1
    return n


@dataclass
class ShardResult:
    shard: str
    output: str
    articles: int
    errors: list[str]
    seconds: float


def write_manifest(out_dir: Path, results: list[ShardResult], extra: dict) -> Path:
    path = out_dir / MANIFEST
    old: dict = {}
    if path.exists():
        old = json.loads(path.read_text())
    shards = {r["shard"]: r for r in old.get("shards", [])}
    for r in results:
        shards[r.shard] = asdict(r)
    data = {**old, **extra, "shards": sorted(shards.values(), key=lambda r: r["shard"])}
    data["articles"] = sum(r["articles"] for r in data["shards"])
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=1))
    os.replace(tmp, path)
    return path
