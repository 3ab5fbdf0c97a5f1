"""Every fixture page in tests/fixtures/ through ``extract_item``, compared field by field.

The expected values are written by hand in tests/fixtures/cases.py (see build.py there).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from archiver.columns import PAGE_COLUMNS
from archiver.item import KINDS, ArchiveItem
from archiver.pages import PARSER_VERSION, extract_item
from archiver.urls import LANGS

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.json").is_file())
# What page objects fill; everything else belongs to the date module, spiders and pipelines.
EXTRACTED = {*PAGE_COLUMNS, "date_candidates"}
_DEFAULTS = dataclasses.asdict(ArchiveItem(key="", lang="", item_id=0, url=""))


def _load(case: str) -> tuple[dict[str, Any], dict[str, Any]]:
    folder = FIXTURES / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    item = extract_item(
        (folder / "page.html").read_bytes(),
        meta["url"],
        encoding=meta.get("encoding"),
        listing_date=meta.get("listing_date"),
    )
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return dataclasses.asdict(item), expected


@pytest.mark.parametrize("case", CASES)
def test_fixture_fields(case: str) -> None:
    actual, expected = _load(case)
    assert {name: actual[name] for name in expected} == expected


@pytest.mark.parametrize("case", CASES)
def test_fixture_sets_no_unexpected_field(case: str) -> None:
    actual, expected = _load(case)
    assert set(expected) == EXTRACTED
    untouched = {name: actual[name] for name in actual if name not in EXTRACTED}
    assert untouched == {name: _DEFAULTS[name] for name in untouched}


def test_fixtures_cover_layouts_kinds_and_sections() -> None:
    expected = [json.loads((FIXTURES / c / "expected.json").read_text("utf-8")) for c in CASES]
    assert len(CASES) >= 40
    assert {e["layout"] for e in expected} == {"k2_site", "k2_stock", "gavick", "print", "unknown"}
    assert {e["kind"] for e in expected} == set(KINDS)
    assert {e["lang"] for e in expected} == set(LANGS)
    assert {e["parser_version"] for e in expected} == {PARSER_VERSION}
