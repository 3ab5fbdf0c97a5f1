"""The date fixtures (tests/fixtures/d_*, written by hand in d_cases.py): each page through
``extract_item`` and ``apply_dates``, its date columns compared with ``dates.json``.

Their other fields are checked with every fixture by tests/test_pages_fixtures.py.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from archiver.columns import DATE_COLUMNS
from archiver.dates import apply_dates
from archiver.pages import extract_item
from archiver.urls import LANGS

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.name for p in FIXTURES.glob("d_*") if (p / "dates.json").is_file())


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _dated(case: str) -> dict[str, Any]:
    folder = FIXTURES / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    item = extract_item(
        (folder / "page.html").read_bytes(), meta["url"], listing_date=meta.get("listing_date")
    )
    dated = apply_dates(item)
    return {name: _plain(getattr(dated, name)) for name in DATE_COLUMNS}


@pytest.mark.parametrize("case", CASES)
def test_date_fixture_columns(case: str) -> None:
    expected = json.loads((FIXTURES / case / "dates.json").read_text(encoding="utf-8"))
    assert _dated(case) == expected


def test_date_fixtures_cover_the_contexts_and_sections() -> None:
    assert len(CASES) >= 20
    expected = [json.loads((FIXTURES / c / "expected.json").read_text("utf-8")) for c in CASES]
    dated = [json.loads((FIXTURES / c / "dates.json").read_text("utf-8")) for c in CASES]
    assert {e["lang"] for e in expected} == set(LANGS)
    sources = {c["source"] for e in expected for c in e["date_candidates"]}
    assert sources >= {"listing", "press_release", "qa_signature", "dateline", "headline_title"}
    statuses = {d["date_status"] for d in dated}
    assert statuses >= {"ok", "month_by_calendar", "unknown_month", "hijri_mismatch"}
