"""``archiver reextract --processes N``: the work shared over N cores, the archive the same."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from archiver import dataset
from archiver import reextract as reextract_module
from archiver.cli import main
from archiver.reextract import reextract
from archiver.replica import Replica
from archiver.store.verify import verify
from archiver.store.warc import Exchange, WarcFileWriter

ITEMS = 24
BASE = "http://127.0.0.1:8081"  # where the pages would have been fetched from (never asked)
HEADERS = [("Content-Type", "text/html; charset=utf-8")]


def _capture(warc: WarcFileWriter, url: str, body: str, second: int) -> None:
    moment = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=second)
    warc.write(Exchange(BASE + url, "GET", [], 200, "OK", HEADERS, body.encode(), moment))


@pytest.fixture
def warc_only(tmp_path: Path) -> tuple[Path, Replica]:
    """An archive holding only the WARC of a small replica section (its first listing page and
    every item page), so that re-extraction writes every item as new."""
    site = Replica(ITEMS, 20241126, ("en",))
    warc = WarcFileWriter(tmp_path / "archive", "c1")
    latest = site.menus("en")[0]
    listing = site.render_listing("en", latest)
    assert listing is not None
    _capture(warc, site.listing_url("en", latest), listing, 0)
    for second, item_id in enumerate(site.item_ids("en"), start=1):
        _capture(warc, site.item_url("en", item_id), site.render_item("en", item_id), second)
    warc.close()
    return tmp_path / "archive", site


def _rows(root: Path) -> list[dict[str, Any]]:
    return sorted(dataset.open(root).to_table().to_pylist(), key=lambda row: row["key"])


def test_two_processes_write_the_same_rows_as_one(
    warc_only: tuple[Path, Replica], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, site = warc_only
    twin = tmp_path / "twin"
    shutil.copytree(root, twin)
    one = reextract(root, crawl_id="r1", processes=1)
    monkeypatch.setattr(reextract_module, "SPLIT_BYTES", 0)  # indexed in two stretches
    two = reextract(twin, crawl_id="r1", processes=2)
    assert one == two
    for archive in (root, twin):  # every part file written is in the manifest
        assert [note for note in verify(archive).notes if "not listed" in note] == []
    assert (one["new"], one["listing_pages"]) == (ITEMS, 1)
    rows = _rows(root)
    assert rows == _rows(twin)
    assert [row["key"] for row in rows] == sorted(f"en/{i}" for i in site.item_ids("en"))
    latest = site.menus("en")[0]
    listed = {f"en/{i}" for i in site.menu_ids("en", latest)[: latest.page_size]}
    assert {row["key"] for row in rows if row["date_source"] == "listing"} == listed
    for row in (row for row in rows if row["key"] in listed):
        assert row["published_date"] == site.truth("en", row["item_id"])["published_date"]


def test_the_command_takes_processes(
    warc_only: tuple[Path, Replica], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = warc_only
    assert main(["reextract", str(root), "--processes", "2", "--progress", "off"]) == 0
    assert capsys.readouterr().out.startswith(f"re-extracted {ITEMS} items: 0 revised, {ITEMS} new")


def test_processes_below_one_is_a_usage_error(
    warc_only: tuple[Path, Replica], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["reextract", str(warc_only[0]), "--processes", "0"])
    assert exit_info.value.code == 2
    assert "give 1 or more" in capsys.readouterr().err
