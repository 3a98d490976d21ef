"""Bad input through the real CLI: one clear error line per bad item, the good items still
come out on stdout, and the exit status says something failed.

The bad inputs are generated here (no fixture files). Layer contents are not
asserted: only the article part of each record, which read/clean own.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

GOOD_TEXT = (
    "Protesters gathered outside the ministry on Monday.\n\n"
    "Police said the crowd dispersed peacefully in the evening.\n"
)


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _errors(stderr: str) -> list[str]:
    # Other libraries may warn on stderr; our errors are the "eventwire:" lines.
    return [line for line in stderr.splitlines() if line.startswith("eventwire:")]


def _good(tmp_path: Path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(GOOD_TEXT, encoding="utf-8")
    return p


def test_binary_file_is_one_error_and_the_good_file_still_comes_out(cli, tmp_path):
    blob = tmp_path / "photo.txt"  # the extension lies: content decides
    blob.write_bytes(bytes(range(256)) * 64)
    res = cli("extract", str(_good(tmp_path)), str(blob))
    assert _errors(res.stderr) == [f"eventwire: error: {blob}: binary content, not text"]
    assert [r["article"]["id"] for r in _records(res.stdout)] == ["good"]
    assert res.returncode != 0


def test_empty_file_is_reported_as_empty(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.html"
    blank.write_bytes(b"  \n\n \t\n")
    res = cli("extract", str(empty), str(_good(tmp_path)), str(blank))
    assert _errors(res.stderr) == [
        f"eventwire: error: {empty}: empty",
        f"eventwire: error: {blank}: empty",
    ]
    assert [r["article"]["id"] for r in _records(res.stdout)] == ["good"]
    assert res.returncode != 0


def test_huge_text_is_truncated_to_the_character_cap(cli, tmp_path, monkeypatch):
    # A real 50 MB file; the cap is lowered so the analysis stays fast.
    huge = tmp_path / "huge.txt"
    paragraph = ("Officials reported heavy fighting near the border town overnight. " * 15 + "\n\n")
    repeats = 50 * 1024 * 1024 // len(paragraph) + 1
    with open(huge, "w", encoding="ascii") as fh:
        for _ in range(repeats):
            fh.write(paragraph)
    total = len(paragraph) * repeats
    assert total >= 50 * 1024 * 1024
    monkeypatch.setenv("EVENTWIRE_MAX_CHARS", "5000")
    res = cli("extract", str(huge), str(_good(tmp_path)))
    assert _errors(res.stderr) == [f"eventwire: error: {huge}: truncated from {total} to 5000 characters"]
    records = {r["article"]["id"]: r["article"] for r in _records(res.stdout)}
    assert set(records) == {"huge", "good"}
    assert 4000 < len(records["huge"]["text"]) <= 5000
    assert res.returncode != 0  # the warning counts: the input was not taken whole


def test_cp1252_text_is_decoded(cli, tmp_path):
    path = tmp_path / "latin.txt"
    # English text (the French pipeline need not load) with cp1252-only characters.
    text = ("The café’s owner, René Dupré, said the attack lasted minutes.\n\n"
            "Police in Besançon arrested two men on Saturday.\n")
    path.write_bytes(text.encode("cp1252"))
    res = cli("extract", str(path))
    assert _errors(res.stderr) == []
    (record,) = _records(res.stdout)
    assert "café’s owner, René Dupré" in record["article"]["text"]
    assert "Besançon" in record["article"]["text"]
    assert res.returncode == 0


def test_broken_html_is_still_extracted_and_tagless_html_is_an_error(cli, tmp_path):
    broken = tmp_path / "broken.html"
    body = " ".join(["Rebels shelled the market in the northern town on Sunday, officials said."] * 4)
    broken.write_text(
        "<html><head><title>Market shelled</title><body><div><p>" + body +
        "<p>Two civilians were wounded in the attack, a hospital source said.<div><b>unclosed <i>",
        encoding="utf-8",
    )
    tagless = tmp_path / "tagless.html"
    tagless.write_text("<html><head><script>var a = 1;</script></head><body><div></div></body></html>",
                       encoding="utf-8")
    res = cli("extract", str(broken), str(tagless))
    assert _errors(res.stderr) == [f"eventwire: error: {tagless}: no text found in HTML"]
    (record,) = _records(res.stdout)
    assert record["article"]["id"] == "broken"
    assert "Rebels shelled the market" in record["article"]["text"]
    assert "<p>" not in record["article"]["text"]
    assert res.returncode != 0


def test_malformed_json_line_amid_good_ones(cli, tmp_path):
    path = tmp_path / "feed.jsonl"
    good1 = {"id": "a1", "title": "Clashes in the capital", "text": "Clashes broke out in the capital on Friday."}
    good2 = {"id": "a3", "text": "Soldiers were deployed to the port after the riot."}
    path.write_text(json.dumps(good1) + "\n" + '{"id": "a2", "text": "cut off\n' + json.dumps(good2) + "\n",
                    encoding="utf-8")
    res = cli("extract", str(path))
    errors = _errors(res.stderr)
    assert len(errors) == 1
    assert errors[0].startswith(f"eventwire: error: {path}:2: malformed JSON (")
    assert [r["article"]["id"] for r in _records(res.stdout)] == ["a1", "a3"]
    assert res.returncode != 0


def _warc(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(3):
        html = (
            f"<html><head><title>Report {i}</title></head><body><article><p>"
            + f"Armed men attacked a checkpoint in district {i} on Tuesday, killing two guards. " * 6
            + "</p></article></body></html>"
        ).encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"http://news.example.org/2016/02/2{i}/report-{i}", "response",
            payload=io.BytesIO(html), http_headers=headers,
        )
        writer.write_record(record)
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_truncated_warc_yields_records_before_the_cut(cli, tmp_path, gz):
    data = _warc(gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: int(len(data) * 0.8)])  # cut inside the third record
    res = cli("extract", str(path))
    errors = _errors(res.stderr)
    assert len(errors) == 1
    assert errors[0].startswith(f"eventwire: error: {path}: truncated WARC")
    urls = [r["article"]["url"] for r in _records(res.stdout)]
    assert urls == [f"http://news.example.org/2016/02/2{i}/report-{i}" for i in range(2)]
    assert [r["article"]["published"] for r in _records(res.stdout)] == ["2016-02-20", "2016-02-21"]
    assert res.returncode != 0


def test_missing_path_is_an_error(cli, tmp_path):
    missing = tmp_path / "nope.txt"
    res = cli("extract", str(missing), str(_good(tmp_path)))
    assert _errors(res.stderr) == [f"eventwire: error: {missing}: no such file or directory"]
    assert [r["article"]["id"] for r in _records(res.stdout)] == ["good"]
    assert res.returncode != 0
