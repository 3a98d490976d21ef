"""`eventwire export`: each format read back with its own reader (csv, json, pyarrow) over a
temp store filled with the hand-written sample records (eventwire.serve.sample)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventwire.cli import main
from eventwire.export import acled
from eventwire.export.common import acled_date
from eventwire.serve import sample
from eventwire.store import open_store


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'events.db'}"
    store = open_store(url)
    assert sample.fill(store)["errors"] == 0
    store.close()
    return url


@pytest.fixture(scope="module")
def events(store_url: str) -> dict[str, dict]:
    store = open_store(store_url)
    out = {e["id"]: e for e in store.iter_events("conservative")}
    store.close()
    return out


def _by_type(events: dict[str, dict], type_: str) -> dict:
    return next(e for e in events.values() if e["type"] == type_)


def _export(cli, store_url: str, fmt: str, out: Path, *extra: str, capsys=None) -> str:
    """Through the real console entry point in a subprocess (cli), or in-process via main()
    when capsys is given (same code path, without the interpreter start-up)."""
    args = ["export", "--format", fmt, "--db", store_url, "--out", str(out), *extra]
    if capsys is None:
        res = cli(*args)
        assert res.returncode == 0, res.stderr
        err = res.stderr
    else:
        assert main(args) == 0
        err = capsys.readouterr().err
    assert "exported" in err
    return err


def test_acled_csv_columns_and_values(cli, store_url, events, tmp_path) -> None:
    out = tmp_path / "acled.csv"
    msg = _export(cli, store_url, "acled", out)
    with open(out, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == acled.COLUMNS
        rows = {r["event_id_cnty"]: r for r in reader}
    # claims, accusations and denials are not ACLED events: left out, and said so
    assert len(rows) == 3 and "left out" in msg
    attack = _by_type(events, "attack")
    r = rows[attack["id"]]
    assert (r["event_date"], r["year"], r["time_precision"]) == ("2024-05-09", "2024", "1")
    assert (r["disorder_type"], r["event_type"], r["sub_event_type"]) == (
        "Political violence", "Violence against civilians", "Attack")
    assert (r["country"], r["iso"], r["region"], r["admin1"], r["location"]) == (
        "Nigeria", "566", "Western Africa", "Borno", "Maiduguri")
    assert float(r["latitude"]) == pytest.approx(11.8464) and float(r["longitude"]) == pytest.approx(13.1603)
    assert r["geo_precision"] == "1"
    assert r["actor1"] == "Gunmen" and r["actor2"] == "Civilians (Nigeria)" and r["inter2"] == "7"
    assert r["civilian_targeting"] == "Civilian targeting"
    assert int(r["fatalities"]) == attack["figures"]["killed"]["value"]
    assert r["source"] == "Daily Ledger; Sahel Wire"
    assert "cattle market" in r["notes"] and r["timestamp"].isdigit()
    assert r["admin2"] == "" and r["source_scale"] == ""  # unknown stays blank

    protest = rows[_by_type(events, "protest")["id"]]
    assert (protest["disorder_type"], protest["actor1"], protest["inter1"]) == ("Demonstrations", "Protesters", "6")
    assert protest["fatalities"] == "0" and "arrested=5" in protest["tags"]
    assert (protest["country"], protest["region"], protest["iso"]) == ("France", "Europe", "250")
    riot = rows[_by_type(events, "riot")["id"]]
    assert riot["sub_event_type"] == "Violent demonstration" and riot["disorder_type"] == "Demonstrations"
    assert riot["interaction"] == "15"  # rioters (5) vs police (1): the lower code first


def test_acled_rule_and_unmapped(cli, store_url, events, tmp_path, capsys) -> None:
    out = tmp_path / "acled-max.csv"
    _export(cli, store_url, "acled", out, "--rule", "max", "--include-unmapped", capsys=capsys)
    with open(out, newline="", encoding="utf-8") as fh:
        rows = {r["event_id_cnty"]: r for r in csv.DictReader(fh)}
    assert len(rows) == len(events)
    assert rows[_by_type(events, "attack")["id"]]["fatalities"] == "19"
    denial = rows[_by_type(events, "denial")["id"]]
    assert denial["event_type"] == "" and "mode=denied" in denial["tags"]


def test_plover_json(cli, store_url, events, tmp_path, capsys) -> None:
    out = tmp_path / "plover.json"
    _export(cli, store_url, "plover", out, capsys=capsys)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {d["id"] for d in data} == set(events)
    by_type = {d["eventwire"]["type"]: d for d in data}
    attack = by_type["attack"]
    assert (attack["event_type"], attack["mode"], attack["date"]) == ("ASSAULT", "firearms", "2024-05-09")
    assert attack["actor"]["name"] == "Gunmen" and attack["recipient"]["name"] == "Civilians"
    assert attack["location"]["country"] == "NGA" and attack["location"]["lat"] == pytest.approx(11.8464)
    assert by_type["accusation"]["event_type"] == "ACCUSE" and "attribution" in by_type["accusation"]["context"]
    assert by_type["denial"]["event_type"] == "REJECT"
    assert by_type["protest"]["event_type"] == "PROTEST"


def test_geojson_points(cli, store_url, events, tmp_path, capsys) -> None:
    out = tmp_path / "events.geojson"
    _export(cli, store_url, "geojson", out, capsys=capsys)
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(events)
    feat = next(f for f in fc["features"] if f["properties"]["type"] == "protest")
    assert feat["geometry"] == {"type": "Point", "coordinates": [4.8467, 45.7485]}  # lon, lat order
    assert feat["properties"]["arrested"] == 5 and feat["properties"]["country_code"] == "FR"


def test_jsonl_is_the_consolidated_events(cli, store_url, events, tmp_path, capsys) -> None:
    out = tmp_path / "events.jsonl"
    _export(cli, store_url, "jsonl", out, capsys=capsys)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert {e["id"]: e["articles"] for e in lines} == {i: e["articles"] for i, e in events.items()}


def test_parquet(cli, store_url, events, tmp_path, capsys) -> None:
    out = tmp_path / "events.parquet"
    _export(cli, store_url, "parquet", out, "--rule", "max", capsys=capsys)
    table = pq.read_table(out)
    assert table.num_rows == len(events)
    rows = {r["id"]: r for r in table.to_pylist()}
    attack = rows[_by_type(events, "attack")["id"]]
    assert attack["killed"] == 19 and attack["figure_rule"] == "max" and attack["sources"] == 2
    assert attack["acled_event_type"] == "Violence against civilians"
    assert {"name": "Gunmen", "canonical": "Gunmen", "role": "perpetrator"} in attack["actors"]
    assert sorted(attack["articles"]) == ["ng-market-1", "ng-market-2"]
    assert json.loads(attack["event_json"])["id"] == attack["id"]
    assert attack["latitude"] == pytest.approx(11.8464)


def test_empty_store_exports_valid_files(cli, tmp_path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    open_store(url).close()
    expected = {
        "geojson": (json.loads, {"type": "FeatureCollection", "features": []}),
        "plover": (json.loads, []),
        "acled": (lambda t: list(csv.reader(io.StringIO(t))), [acled.COLUMNS]),
    }
    for fmt, (reader, want) in expected.items():
        out = tmp_path / f"empty.{fmt}"
        _export(cli, url, fmt, out, capsys=capsys)
        assert reader(out.read_text(encoding="utf-8")) == want
    out = tmp_path / "empty.parquet"
    _export(cli, url, "parquet", out, capsys=capsys)
    assert pq.read_table(out).num_rows == 0


@pytest.mark.parametrize("date,expected", [
    ({"value": "2024-05-09", "precision": "day"}, ("2024-05-09", 1)),
    ({"value": "2024-03-22TNI", "precision": "day"}, ("2024-03-22", 1)),
    ({"value": "2024-W10", "precision": "week"}, ("2024-03-07", 2)),  # ACLED: middle of the week
    ({"value": "2024-05", "precision": "month"}, ("2024-05-15", 3)),  # ACLED: middle of the month
    ({"value": "2024", "precision": "year"}, ("2024-07-01", 3)),
    (None, ("", None)),
])
def test_acled_date_precision(date, expected) -> None:
    assert acled_date(date) == expected


def test_acled_files_hong_kong_under_china() -> None:
    from eventwire.export.common import acled_area, country

    # ACLED codes Hong Kong and Macau as China, the territory as admin1, our area as admin2
    assert acled_area({"country_code": "HK", "admin1": "Wan Chai"}) == ("CN", "Hong Kong", "Wan Chai")
    assert acled_area({"country_code": "MO", "admin1": None}) == ("CN", "Macau", "")
    assert acled_area({"country_code": "FR", "admin1": "Île-de-France"}) == ("FR", "Île-de-France", "")
    assert country("CN")["iso_numeric"] == "156"
