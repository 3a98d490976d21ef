"""schema/record.schema.json documents the extract record: every record extract prints validates."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from eventwire import taxonomy

ARTICLES = [
    "Gunmen opened fire on a market in Kano on Tuesday, killing at least 12 people, police said.\n\n"
    "No group has claimed responsibility for the attack. Police arrested three suspects on Wednesday.",
    "Thousands of protesters marched through the capital on Sunday to demand the release of detained "
    "journalists. Police fired tear gas to disperse them.",
    "A magnitude 6.1 earthquake struck the region early on Monday.",
    "",
]


def schema() -> dict:
    return json.loads(resources.files("eventwire.schema").joinpath("record.schema.json").read_text())


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(schema())


def test_schema_enums_follow_the_taxonomy():
    ev = schema()["$defs"]["event"]["properties"]
    assert set(ev["type"]["enum"]) == set(taxonomy.types())
    assert set(taxonomy.subtypes()) <= set(ev["subtype"]["enum"])


def test_schema_rejects_an_unknown_event_type():
    bad = {"article": {"id": "x", "text": ""}, "entities": [], "places": [], "times": [], "quotes": [],
           "events": [{"type": "explosion-ish", "trigger": {"text": "", "start": 0, "end": 0}, "mode": "asserted",
                       "primary": True, "actors": [], "figures": {}}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema())


def test_every_extract_record_validates(tmp_path, cli, shared):
    paths = []
    for i, text in enumerate(ARTICLES):
        p = tmp_path / f"a{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    paths.append(str(shared / "examples" / "seed-article.txt"))
    proc = cli("extract", *paths, "--published", "2024-03-24")
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert len(records) >= len(ARTICLES), proc.stderr  # the empty article is a per-item error
    validator = jsonschema.Draft202012Validator(schema())
    for rec in records:
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(rec)]
        assert not errors, (rec["article"]["id"], errors[:5])
        for ev in rec["events"]:
            text = rec["article"]["text"]
            t = ev["trigger"]
            assert text[t["start"]:t["end"]] == t["text"]
    assert any(rec["events"] for rec in records)
