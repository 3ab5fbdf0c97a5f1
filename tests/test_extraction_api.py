"""``archiver.extract``: the public API, and the very record ``archiver extract`` prints."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import archiver
from archiver.cli import main
from archiver.item import ArchiveItem
from archiver.jsonable import jsonable

FIXTURE = Path(__file__).parent / "fixtures" / "ar_k2_site_press_release"
URL = "https://www.hizb-ut-tahrir.info/ar/index.php/pressreleases/sudan/99051.html"
LISTING_DATE = "2025-02-28T13:00:00+03:00"
PRINTED = (
    "التاريخ الهجري 29 من شـعبان 1446هـ رقم الإصدار: 1446هـ / 092\n"
    "التاريخ الميلادي الجمعة, 28 شباط/فبراير 2025 م"
)


def _dates(item: ArchiveItem) -> tuple[object, ...]:
    return (
        item.published_date,
        item.published_hijri,
        item.date_source,
        item.date_status,
        item.date_raw,
        item.page_header_date,
    )


def test_extract_with_the_listing_date() -> None:
    item = archiver.extract((FIXTURE / "page.html").read_bytes(), URL, LISTING_DATE)
    assert (item.key, item.title, item.author, item.reference) == (
        "ar/99051",
        "أزمة الخبز تكشف عجز الحكومة",
        "إبراهيم عثمان (أبو خليل)",
        "1446هـ / 092",
    )
    assert _dates(item) == (
        date(2025, 2, 28),
        "1446-08-29",
        "listing",
        "ok",
        LISTING_DATE,
        date(2024, 4, 25),
    )
    assert item.page_flags == []


def test_extract_from_the_page_alone_reads_the_printed_date() -> None:
    item = archiver.extract((FIXTURE / "page.html").read_bytes(), URL)
    assert _dates(item) == (
        date(2025, 2, 28),
        "1446-08-29",
        "press_release",
        "ok",
        PRINTED,
        date(2024, 4, 25),
    )


@pytest.mark.parametrize("listing_date", [LISTING_DATE, None])
def test_the_command_prints_what_the_api_returns(
    listing_date: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["extract", str(FIXTURE / "page.html"), "--url", URL]
    assert main(argv + (["--listing-date", listing_date] if listing_date else [])) == 0
    printed = json.loads(capsys.readouterr().out)
    item = archiver.extract((FIXTURE / "page.html").read_bytes(), URL, listing_date)
    assert printed == {name: jsonable(value) for name, value in item.to_record().items()}
    assert printed["date_source"] == ("listing" if listing_date else "press_release")
