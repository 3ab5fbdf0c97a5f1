"""``archiver report`` and ``archiver stats --json`` on a small replica archive (two crawls, the
second of a later edition with revised items, deleted items failing both times, and one undated
item): the stats are exact against the replica's truth, and the report, opened in a real
headless chromium with the network cut, requests nothing but itself, draws every chart and shows
the stats' figures."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from playwright.sync_api import sync_playwright

from archiver import dataset
from archiver.item import ArchiveItem
from archiver.reextract import reextract
from archiver.replica import Replica, running
from archiver.replica.faults import parse_faults
from archiver.report.card import refresh_card
from archiver.report.figures import archive_figures
from archiver.report.summary import summarise
from archiver.store import reader
from archiver.store.archive import ArchiveWriter
from archiver.urls import parse_item_url
from tests.run_cli import archiver

ITEMS, SEED, LANGS = 40, 7, ("en", "ar")
FAULTS = "deleted=0.05,seed=2"
LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=ERROR"]
UNDATED = ArchiveItem(
    key="ar/1", lang="ar", item_id=1, url="https://www.hizb-ut-tahrir.info/ar/index.php/x/1.html",
    title="بلا تاريخ", body="نص محفوظ من غير تاريخ.", date_status="missing",
    fetched_at=datetime(2026, 1, 2, tzinfo=UTC), parser_version="test",
)  # fmt: skip
CHROMIUM = "/usr/bin/chromium"  # Debian's, installed by `make setup`
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions",
]  # fmt: skip


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "archive"
    for edition, mode in ((0, "incremental"), (1, "full")):
        with running(ITEMS, SEED, LANGS, edition=edition, faults=FAULTS) as handle:
            done = archiver("crawl", "--base-url", handle.base_url, "--lang", ",".join(LANGS),
                            "--out", str(out), "--mode", mode, *LOCAL)  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
    writer = ArchiveWriter(out, "zz-undated")  # sorts after the two crawls' ids
    writer.open()
    writer.add(UNDATED)
    writer.close()
    writer.finish("finished", {})
    refresh_card(out)  # as a crawl's pipeline does after its manifest
    return out


@pytest.fixture(scope="module")
def stats(archive: Path) -> dict[str, Any]:
    done = archiver("stats", str(archive), "--json")
    assert done.returncode == 0, done.stderr
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


def test_stats_json_is_exact_against_the_replica(archive: Path, stats: dict[str, Any]) -> None:
    site = Replica(ITEMS, SEED, LANGS, edition=1, faults=parse_faults(FAULTS))
    first = Replica(ITEMS, SEED, LANGS, faults=parse_faults(FAULTS))
    deleted = {f"{lang}/{i}" for lang in LANGS for i in site.item_ids(lang)
               if site.fault(lang, i) == "deleted"}  # fmt: skip
    assert deleted
    served = {f"{lang}/{i}" for lang in LANGS for i in site.item_ids(lang)} - deleted
    served_first = {f"{lang}/{i}" for lang in LANGS for i in first.item_ids(lang)} - deleted
    revised = site.revised_keys(1) - deleted
    assert revised
    assert stats == archive_figures(archive)
    assert stats["size"]["items"] == len(served) + 1
    assert stats["size"]["rows"] == len(served) + len(revised) + 1
    assert stats["size"]["crawls"] == 3
    assert stats["period"]["undated"] == 1
    assert {"lang": "ar", "month": "unknown", "items": 1} in stats["items_per_month"]
    assert sum(r["items"] for r in stats["items_per_month"]) == len(served) + 1
    assert [(c["rows"], c["revisions"], c["failures"]) for c in stats["crawls"]] == [
        (len(served_first), 0, len(deleted)),
        (len(served - served_first) + len(revised), len(revised), len(deleted)),
        (1, 0, 0),
    ]
    assert stats["failures_total"] == 2 * len(deleted)
    assert sum(stats["failures_by_reason"].values()) == 2 * len(deleted)
    failed = [parse_item_url(f["url"]) for f in stats["failures_latest"]]
    assert {ref.key for ref in failed if ref is not None} == deleted
    statuses = {(r["lang"], r["date_status"]): r["items"] for r in stats["date_status"]}
    assert statuses[("ar", "missing")] == 1
    assert sum(statuses.values()) == len(served) + 1
    title = {(r["lang"], r["kind"]): r for r in stats["coverage"] if r["field"] == "title"}
    assert sum(r["due"] for r in title.values()) == len(served) + 1
    assert all(r["field"] != "news" or r["kind"] == "news_comment" for r in stats["coverage"])
    parquet = [p for p in (archive / "articles").rglob("*.parquet")]
    assert stats["size"]["parquet_bytes"] == sum(p.stat().st_size for p in parquet)


def test_every_archive_carries_its_card(archive: Path, stats: dict[str, Any]) -> None:
    card = (archive / "README.md").read_text(encoding="utf-8")
    size = stats["size"]
    assert "language: [ar, en]" in card
    assert f"- items (latest version of each): {size['items']}; rows (every version): " \
        f"{size['rows']}" in card  # fmt: skip
    assert f"- period of publication: {stats['period']['first']} to {stats['period']['last']}" \
        " (1 undated items)" in card  # fmt: skip
    for c in stats["crawls"]:
        assert f"| {c['crawl_id']} | {c['started_at']} | {c['finished_at']} | {c['rows']} | " \
            f"{c['revisions']} | {c['failures']} | {c['archiver_version']} |" in card  # fmt: skip
    assert "| `published_date` | `date32[day]` | Publication date" in card
    assert not list(archive.glob(".README.md.*"))
    done = archiver("verify", str(archive))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "README" not in done.stdout + done.stderr


def test_a_re_extraction_rewrites_the_card(archive: Path, tmp_path: Path) -> None:
    copy = tmp_path / "archive"
    shutil.copytree(archive, copy)
    reextract(copy, crawl_id="zz-reextract")
    card = (copy / "README.md").read_text(encoding="utf-8")
    (run,) = [c for c in archive_figures(copy)["crawls"] if c["crawl_id"] == "zz-reextract"]
    assert f"| zz-reextract | {run['started_at']} | {run['finished_at']} | " in card


def test_the_report_draws_offline_and_shows_the_stats(
    archive: Path, stats: dict[str, Any], tmp_path: Path
) -> None:
    page_path = tmp_path / "report.html"
    done = archiver("report", str(archive), "--out", str(page_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(page_path)
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(offline=True, viewport={"width": 1200, "height": 900})
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(page_path.as_uri())
        page.evaluate("window.chartsDrawn.then(() => true)")
        shown = page.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll("[data-figure]")]
                .map(e => [e.dataset.figure, e.textContent]))"""
        )
        charts = page.evaluate(
            """() => [...document.querySelectorAll(".chart")].map(div => [div.id,
                div.querySelectorAll("svg .mark-rect path, svg .mark-line path,"
                                     + " svg .mark-symbol path").length])"""
        )
        embedded = json.loads(page.locator("#figures").text_content() or "")
        failure_rows = page.locator("#failures tr td.url").all_text_contents()
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        browser.close()
    assert requests == [page_path.as_uri()]
    assert errors == []
    assert len(charts) == 8
    assert all(marks > 0 for _, marks in charts), charts
    assert embedded == stats
    for name, text in shown.items():
        value: Any = stats
        for part in name.split("."):
            value = value[part]
        assert text == str(value), name
    assert set(shown) >= {"size.rows", "size.items", "size.parquet_bytes", "size.warc_bytes",
                          "failures_total", "period.undated"}  # fmt: skip
    assert failure_rows == [f["url"] for f in stats["failures_latest"]]
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_report_of_a_missing_directory_is_one_line(tmp_path: Path) -> None:
    done = archiver("report", str(tmp_path / "nowhere"))
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"archiver report: {tmp_path / 'nowhere'} is not a directory; give the archive's directory"
    )


def test_a_damaged_manifest_is_one_line_and_does_not_fail_a_crawl(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, "c1")
    writer.open()
    writer.add(UNDATED)
    writer.close()
    (tmp_path / "crawls" / "c0.json").write_text("{not json", encoding="utf-8")
    writer.finish("finished", {})
    refresh_card(tmp_path)  # the card cannot be made: a warning, not an error
    assert not (tmp_path / "README.md").exists()
    for command in (["stats", str(tmp_path), "--json"], ["report", str(tmp_path)]):
        done = archiver(*command)
        assert done.returncode == 1
        assert done.stderr.startswith(f"archiver {command[0]}: {tmp_path / 'crawls' / 'c0.json'}: ")
        assert done.stderr.strip().endswith("see `archiver verify`")


def test_the_figures_and_the_summary_never_hold_the_archives_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting whether texts are filled must not read them whole: the card is refreshed after
    every crawl, and reading every body made a 100,000-item crawl end at over a gigabyte."""
    writer = ArchiveWriter(tmp_path, "c1")
    writer.open()
    for n in range(1, 81):  # 80 bodies of 500,000 characters: 40 MB of text in all
        fields = {"title": f"Item {n}", "body": f"{n} " + "x" * 500_000, "news": None}
        writer.add(UNDATED.replace(key=f"ar/{n}", item_id=n, **fields))
    writer.close()
    writer.finish("finished", {})
    held: list[int] = []  # Arrow's allocations when the whole table of versions is in memory
    real = reader.latest_of

    def measured(table: pa.Table) -> pa.Table:
        held.append(pa.total_allocated_bytes())
        return real(table)

    monkeypatch.setattr(reader, "latest_of", measured)
    monkeypatch.setattr(dataset, "latest_of", measured)
    figures = archive_figures(tmp_path)
    summary = summarise(tmp_path)
    assert len(held) == 2 and max(held) < 4_000_000, held
    body = [c for c in figures["coverage"] if c["field"] == "body"]
    assert body == [{"lang": "ar", "kind": "other", "field": "body", "due": 80, "filled": 80,
                     "share": 1.0}]  # fmt: skip
    assert summary.coverage("ar", "body") == 1.0 and summary.coverage("ar", "news") is None
