"""Bad input through the real CLI: one clear error line per bad item, the good items still
come out on stdout, and the exit status says something failed.

The bad inputs are generated here (no fixture files). All of them go through
ONE `eventwire extract` run (each CLI start loads spaCy and every layer, so one
run per case made this file slow); each test then checks its own item: its
error lines on stderr, its records on stdout. Layer contents are not asserted,
only the article part of each record, which read/clean own.
"""

from __future__ import annotations

import io
import json
import os
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


HUGE_CAP = 5000
PARAGRAPH = "Officials reported heavy fighting near the border town overnight. " * 15 + "\n\n"


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


def _make_inputs(d: Path) -> dict[str, Path]:
    p = {name: d / name for name in (
        "good.txt", "photo.txt", "empty.txt", "blank.html", "huge.txt", "latin.txt", "broken.html",
        "tagless.html", "feed.jsonl", "cut.warc", "cut.warc.gz", "nope.txt")}
    p["good.txt"].write_text(GOOD_TEXT, encoding="utf-8")
    p["photo.txt"].write_bytes(bytes(range(256)) * 64)  # the extension lies: content decides
    p["empty.txt"].write_bytes(b"")
    p["blank.html"].write_bytes(b"  \n\n \t\n")
    # A real 50 MB file; the cap is lowered for the run so the analysis stays fast.
    repeats = 50 * 1024 * 1024 // len(PARAGRAPH) + 1
    with open(p["huge.txt"], "w", encoding="ascii") as fh:
        for _ in range(repeats):
            fh.write(PARAGRAPH)
    # English text (the French pipeline need not load) with cp1252-only characters.
    p["latin.txt"].write_bytes(("The café’s owner, René Dupré, said the attack lasted minutes.\n\n"
                                "Police in Besançon arrested two men on Saturday.\n").encode("cp1252"))
    body = " ".join(["Rebels shelled the market in the northern town on Sunday, officials said."] * 4)
    p["broken.html"].write_text(
        "<html><head><title>Market shelled</title><body><div><p>" + body +
        "<p>Two civilians were wounded in the attack, a hospital source said.<div><b>unclosed <i>",
        encoding="utf-8",
    )
    p["tagless.html"].write_text(
        "<html><head><script>var a = 1;</script></head><body><div></div></body></html>", encoding="utf-8")
    good1 = {"id": "a1", "title": "Clashes in the capital", "text": "Clashes broke out in the capital on Friday."}
    good2 = {"id": "a3", "text": "Soldiers were deployed to the port after the riot."}
    p["feed.jsonl"].write_text(json.dumps(good1) + "\n" + '{"id": "a2", "text": "cut off\n' + json.dumps(good2) + "\n",
                               encoding="utf-8")
    for gz in (False, True):
        data = _warc(gz)
        p["cut.warc.gz" if gz else "cut.warc"].write_bytes(data[: int(len(data) * 0.8)])  # inside record 3
    return p


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    from conftest import run_cli

    paths = _make_inputs(tmp_path_factory.mktemp("bad"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EVENTWIRE_MAX_CHARS", str(HUGE_CAP))
        res = run_cli("extract", *(str(v) for v in paths.values()))
    return paths, res, _errors(res.stderr), {r["article"]["id"]: r["article"] for r in _records(res.stdout)}


def _errors_for(errors: list[str], path: Path) -> list[str]:
    return [e for e in errors if e.startswith(f"eventwire: error: {path}:") or
            e.startswith(f"eventwire: error: {path}#")]


def test_binary_file_is_one_error(run):
    paths, _res, errors, records = run
    assert _errors_for(errors, paths["photo.txt"]) == [f"eventwire: error: {paths['photo.txt']}: binary content, not text"]
    assert "photo" not in records and "good" in records


def test_empty_file_is_reported_as_empty(run):
    paths, _res, errors, records = run
    for name in ("empty.txt", "blank.html"):
        assert _errors_for(errors, paths[name]) == [f"eventwire: error: {paths[name]}: empty"]
    assert "empty" not in records and "blank" not in records


def test_huge_text_is_truncated_to_the_character_cap(run):
    paths, _res, errors, records = run
    total = os.path.getsize(paths["huge.txt"])  # ASCII: bytes == characters
    assert total >= 50 * 1024 * 1024
    assert _errors_for(errors, paths["huge.txt"]) == [
        f"eventwire: error: {paths['huge.txt']}: truncated from {total} to {HUGE_CAP} characters"]
    assert 4000 < len(records["huge"]["text"]) <= HUGE_CAP  # the article still comes out


def test_cp1252_text_is_decoded(run):
    paths, _res, errors, records = run
    assert _errors_for(errors, paths["latin.txt"]) == []
    assert "café’s owner, René Dupré" in records["latin"]["text"]
    assert "Besançon" in records["latin"]["text"]


def test_broken_html_is_still_extracted_and_tagless_html_is_an_error(run):
    paths, _res, errors, records = run
    assert _errors_for(errors, paths["broken.html"]) == []
    assert "Rebels shelled the market" in records["broken"]["text"]
    assert "<p>" not in records["broken"]["text"]
    assert _errors_for(errors, paths["tagless.html"]) == [
        f"eventwire: error: {paths['tagless.html']}: no text found in HTML"]
    assert "tagless" not in records


def test_malformed_json_line_amid_good_ones(run):
    paths, _res, errors, records = run
    feed = _errors_for(errors, paths["feed.jsonl"])
    assert len(feed) == 1
    assert feed[0].startswith(f"eventwire: error: {paths['feed.jsonl']}:2: malformed JSON (")
    assert "a1" in records and "a3" in records and "a2" not in records


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_truncated_warc_yields_records_before_the_cut(run, name):
    paths, _res, errors, records = run
    errs = _errors_for(errors, paths[name])
    assert len(errs) == 1
    assert errs[0].startswith(f"eventwire: error: {paths[name]}: truncated WARC")
    from_warc = [a for a in records.values() if (a["url"] or "").startswith("http://news.example.org/")]
    # Both WARCs hold the same pages: each gives the two records before its cut.
    urls = sorted(a["url"] for a in from_warc)
    assert urls == sorted([f"http://news.example.org/2016/02/2{i}/report-{i}" for i in range(2)] * 2)
    assert sorted(a["published"] for a in from_warc) == ["2016-02-20", "2016-02-20", "2016-02-21", "2016-02-21"]


def test_missing_path_is_an_error(run):
    paths, _res, errors, _records = run
    assert _errors_for(errors, paths["nope.txt"]) == [
        f"eventwire: error: {paths['nope.txt']}: no such file or directory"]


def test_every_error_names_an_item_and_the_run_fails(run):
    paths, res, errors, records = run
    named = [e for p in paths.values() for e in _errors_for(errors, p)]
    assert sorted(named) == sorted(errors)  # no error line without its item
    assert len(errors) == 9
    assert {"good", "huge", "latin", "broken", "a1", "a3"} <= set(records)
    assert res.returncode != 0


def test_a_run_without_bad_input_exits_zero(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    res = cli("extract", str(good))
    assert _errors(res.stderr) == [] and res.returncode == 0
    assert [r["article"]["id"] for r in _records(res.stdout)] == ["good"]
