"""Readers: each input format, ids, dates, language, decoding, directories and stdin."""

from __future__ import annotations

import hashlib
import io
import json
import sys

import pytest

from eventwire.model import Article, ItemError
from eventwire.read import read_paths
from eventwire.read.dates import normalize_date, url_date

EN = "Security forces clashed with protesters in the capital on Monday, witnesses said."
FR = "Les forces de sécurité ont affronté des manifestants dans la capitale lundi, selon des témoins."


def _read(*paths, published=None) -> list[Article | ItemError]:
    return list(read_paths([str(p) for p in paths], published=published))


def _articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_txt_short_first_line_then_blank_is_the_title_and_text_is_kept_as_given(tmp_path):
    raw = f"Clashes in the capital\n\n{EN}\n"
    p = tmp_path / "story.txt"
    p.write_text(raw, encoding="utf-8")
    (art,) = _read(p)
    assert art.id == "story"
    assert art.title == "Clashes in the capital"
    assert art.text == raw  # the cleaner, not the reader, drops the headline
    assert art.raw_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert art.language == "en"


def test_txt_first_sentence_is_not_a_title(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(f"{EN}\n\nMore text follows here.\n", encoding="utf-8")
    (art,) = _read(p)
    assert art.title is None


def test_crlf_and_control_characters_are_normalised(tmp_path):
    p = tmp_path / "dos.txt"
    p.write_bytes(b"Line one\x07 here.\r\nLine two\x1b.\r\n")
    (art,) = _read(p)
    assert art.text == "Line one here.\nLine two.\n"


def test_language_is_detected(tmp_path):
    (tmp_path / "fr.txt").write_text(FR, encoding="utf-8")
    (art,) = _read(tmp_path / "fr.txt")
    assert art.language == "fr"


def test_jsonl_keeps_ids_and_gives_stable_ids_to_records_without_one(tmp_path):
    p = tmp_path / "feed.jsonl"
    rows = [{"id": "x-1", "title": "T", "text": EN, "source": "Wire", "url": "http://a.example/x"},
            {"text": EN}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first = _read(p)
    assert [a.id for a in first] == ["x-1", "feed:2"]
    assert [a.id for a in _read(p)] == ["x-1", "feed:2"]  # stable across runs
    assert (first[0].title, first[0].source, first[0].url) == ("T", "Wire", "http://a.example/x")
    assert first[0].raw_hash != first[1].raw_hash


def test_json_object_and_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "solo", "text": EN}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "a", "text": EN}, {"text": EN}, 5]), encoding="utf-8")
    items = _read(one, many)
    assert [a.id for a in _articles(items)] == ["solo", "a", "many[1]"]
    (err,) = [i for i in items if isinstance(i, ItemError)]
    assert err.item == f"{many}[2]" and "not a JSON object" in err.message


def test_record_without_text_or_html_is_an_error(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "empty", "title": "Only a title"}) + "\n", encoding="utf-8")
    (err,) = _read(p)
    assert isinstance(err, ItemError) and err.item == f"{p}:1"
    assert err.message == "record has no text or html"


def test_record_html_is_extracted(tmp_path):
    html = f"<html><head><title>Page</title></head><body><article><p>{EN} {EN}</p><p>{EN}</p></article></body></html>"
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "h", "html": html, "published": "2020-05-01"}) + "\n", encoding="utf-8")
    (art,) = _read(p)
    assert "<p>" not in art.text and EN in art.text
    assert (art.published, art.published_source) == ("2020-05-01", "record")


def test_date_priority_record_then_url_then_cli(tmp_path):
    p = tmp_path / "feed.jsonl"
    rows = [
        {"id": "rec", "text": EN, "published": "Tue, 23 Feb 2016 10:00:00 GMT", "url": "http://x.example/2015/01/02/a"},
        {"id": "url", "text": EN, "url": "http://x.example/2015/01/02/a"},
        {"id": "cli", "text": EN, "url": "http://x.example/news/a"},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    got = {a.id: (a.published, a.published_source) for a in _read(p, published="2024-03-24")}
    assert got == {"rec": ("2016-02-23", "record"), "url": ("2015-01-02", "url"), "cli": ("2024-03-24", "cli")}


@pytest.mark.parametrize("url,expected", [
    ("https://n.example/2016/02/23/story", "2016-02-23"),
    ("https://n.example/news/2016-02-23-story.html", "2016-02-23"),
    ("https://n.example/20160223/story", "2016-02-23"),
    ("https://n.example/2016/13/45/story", None),
    ("https://n.example/story-12345678", None),
    ("http://web.archive.org/web/20151017184847/http://n.example/news/a/", None),
])
def test_url_dates(url, expected):
    assert url_date(url) == expected


@pytest.mark.parametrize("value,expected", [
    ("2016-02-23T10:00:00Z", "2016-02-23"),
    ("2016-2-3", "2016-02-03"),
    ("20160223120000", "2016-02-23"),
    ("Tue, 23 Feb 2016 10:00:00 GMT", "2016-02-23"),
    ("not a date", None),
])
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_html_file_title_date_and_site(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        '<html><head><title>Clashes erupt - Daily Courier</title>'
        '<meta property="og:site_name" content="Daily Courier">'
        '<meta property="article:published_time" content="2021-06-05T08:00:00Z"></head>'
        f'<body><nav>Home | World</nav><article><h1>Clashes erupt</h1><p>{EN} {EN}</p><p>{EN}</p></article>'
        '</body></html>', encoding="utf-8")
    (art,) = _read(p)
    assert art.id == "page"
    assert art.source == "Daily Courier"
    assert (art.published, art.published_source) == ("2021-06-05", "html")
    assert EN in art.text and "Home | World" not in art.text


def test_cp1252_html_declared_latin1(tmp_path):
    p = tmp_path / "old.htm"
    p.write_bytes(('<html><head><meta charset="iso-8859-1"></head><body><p>'
                   f"Le caf\u00e9 a ferm\u00e9 \u2013 {FR} {FR}</p></body></html>").encode("cp1252"))
    (art,) = _read(p)
    assert "café a fermé –" in art.text


def _warc_bytes(gz: bool, with_url_date: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    html = f"<html><body><article><p>{EN} {EN}</p><p>{EN}</p></article></body></html>".encode()
    url = "http://n.example/2019/07/04/a" if with_url_date else "http://n.example/news/a"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers,
                                    warc_headers_dict={"WARC-Date": "2020-01-02T03:04:05Z"})
    writer.write_record(rec)
    img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://n.example/i.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG..."), http_headers=img))
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_articles(tmp_path, gz):
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    p.write_bytes(_warc_bytes(gz))
    (art,) = _read(p)  # the image response is skipped silently
    assert art.url == "http://n.example/2019/07/04/a"
    assert (art.published, art.published_source) == ("2019-07-04", "url")
    assert EN in art.text


def test_warc_date_is_the_last_resort(tmp_path):
    p = tmp_path / "crawl.warc"
    p.write_bytes(_warc_bytes(False, with_url_date=False))
    (art,) = _read(p)
    assert (art.published, art.published_source) == ("2020-01-02", "warc")
    (art,) = _read(p, published="2024-03-24")
    assert (art.published, art.published_source) == ("2024-03-24", "cli")


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(EN, encoding="utf-8")
    (tmp_path / ".git" / "c.txt").write_text(EN, encoding="utf-8")
    assert [a.id for a in _read(tmp_path)] == ["a", "b/z"]


def test_unknown_extension_is_sniffed(tmp_path):
    p = tmp_path / "dump.dat"
    p.write_text(json.dumps({"id": "j", "text": EN}) + "\n" + json.dumps({"id": "k", "text": EN}) + "\n",
                 encoding="utf-8")
    h = tmp_path / "page.data"
    h.write_text(f"<!DOCTYPE html><html><body><p>{EN} {EN}</p></body></html>", encoding="utf-8")
    assert [a.id for a in _read(p, h)] == ["j", "k", "page"]


@pytest.mark.parametrize("payload,expected_id", [
    (json.dumps({"id": "s1", "text": EN}) + "\n", "s1"),
    (f"<html><body><p>{EN} {EN}</p></body></html>", "stdin"),
    (f"Headline here\n\n{EN}\n", "stdin"),
])
def test_stdin_is_sniffed(monkeypatch, payload, expected_id):
    fake = io.TextIOWrapper(io.BufferedReader(io.BytesIO(payload.encode())), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    (art,) = list(read_paths(["-"]))
    assert art.id == expected_id
    assert EN in art.text


def test_long_record_text_is_truncated_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_MAX_CHARS", "100")
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "long", "text": EN * 10}) + "\n", encoding="utf-8")
    warning, art = _read(p)
    assert isinstance(warning, ItemError)
    assert warning.message == f"truncated from {len(EN) * 10} to 100 characters"
    assert art.id == "long" and len(art.text) == 100


def test_missing_path_and_binary_are_errors_and_the_rest_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(EN, encoding="utf-8")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    items = _read(tmp_path / "missing.txt", binary, good)
    assert [(type(i).__name__, getattr(i, "message", None)) for i in items] == [
        ("ItemError", "no such file or directory"),
        ("ItemError", "binary content, not text"),
        ("Article", None),
    ]


def test_record_text_holding_markup_is_read_as_html(tmp_path):
    p = tmp_path / "feed.jsonl"
    markup = f"<div><p>{EN} {EN}</p><p>{EN}</p></div>"
    p.write_text(json.dumps({"id": "m", "text": markup}) + "\n", encoding="utf-8")
    (art,) = _read(p)
    assert "<p>" not in art.text and EN in art.text
