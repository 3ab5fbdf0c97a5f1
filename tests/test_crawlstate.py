"""The crawl state: what a crawl knows of its archive, read once from the store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from scrapy.utils.test import get_crawler

from archiver.crawlstate import CrawlState, crawl_state_for
from archiver.frontier import COMPLETE_LANGS_STAT
from archiver.item import ArchiveItem
from archiver.store.archive import ArchiveWriter
from archiver.store.manifest import FailedFetch
from pipelines.parquet import ParquetPipeline
from spiders.mediaoffice import MediaOfficeSpider

SITE = "https://www.hizb-ut-tahrir.info"


def url(key: str) -> str:
    lang, item_id = key.split("/")
    return f"{SITE}/{lang}/index.php/x/{item_id}.html"


def item(key: str, title: str) -> ArchiveItem:
    lang, item_id = key.split("/")
    fetched = datetime(2026, 1, 1, tzinfo=UTC)
    return ArchiveItem(
        key=key, lang=lang, item_id=int(item_id), url=url(key), title=title, fetched_at=fetched
    )


def run(
    root: Path,
    day: int,
    items: list[ArchiveItem],
    failures: list[tuple[str, str]],
    reason: str | None,
    complete: list[str],
) -> dict[str, str]:
    """Crawl ``c{day}``, started on 2026-01-{day}: it archives ``items``, records ``failures``
    (url, reason) and finishes with ``reason`` (None: killed) having walked ``complete``.
    Returns the content hash of each item it wrote."""
    writer = ArchiveWriter(root, f"c{day}")
    writer.manifest.started_at = datetime(2026, 1, day, tzinfo=UTC).isoformat()
    writer.open()
    hashes = {}
    for one in items:
        stamped, _ = writer.add(one)
        assert stamped.content_sha256 is not None
        hashes[one.key] = stamped.content_sha256
    for failed_url, why in failures:
        writer.add_failure(failed_url, why, 500, "2026-01-01T10:00:00+03:00")
    writer.close()
    if reason is not None:  # else killed: the manifest stays unfinished
        writer.finish(reason, {COMPLETE_LANGS_STAT: complete})
    return hashes


def test_an_archive_not_yet_there_knows_nothing(tmp_path: Path) -> None:
    assert CrawlState.load(tmp_path / "nowhere") == CrawlState()


def test_the_state_holds_keys_sections_settled_items_and_failures_to_retry(
    tmp_path: Path,
) -> None:
    first = run(
        tmp_path,
        1,
        [item("en/1", "one"), item("en/2", "two"), item("ar/1", "wahid")],
        [
            (url("en/3"), "HttpError: Ignoring non-200 response"),
            (url("en/4"), "IgnoreRequest: Forbidden by robots.txt"),
            (f"{SITE}/en/index.php/latest-articles.html?start=20", "TimeoutError: took too long"),
        ],
        "finished",
        ["en"],
    )
    second = run(  # killed: its rows settle nothing
        tmp_path,
        2,
        [item("en/3", "three"), item("en/1", "one, revised"), item("en/5", "five")],
        [(url("en/6"), "ConnectionRefusedError: refused")],
        None,
        [],
    )
    third = run(
        tmp_path, 3, [item("ar/2", "ithnan")], [(url("en/6"), "HttpError: 503")], "finished", ["ar"]
    )
    run(tmp_path, 4, [], [], "shutdown", ["en", "ar"])  # stopped early: vouches for nothing

    state = CrawlState.load(tmp_path)

    assert state.hashes == {
        "en/1": second["en/1"],
        "en/2": first["en/2"],
        "en/3": second["en/3"],
        "en/5": second["en/5"],
        "ar/1": first["ar/1"],
        "ar/2": third["ar/2"],
    }
    assert first["en/1"] != second["en/1"]
    assert sorted(state.keys) == ["ar/1", "ar/2", "en/1", "en/2", "en/3", "en/5"]
    assert state.sections == {
        "en": datetime(2026, 1, 1, tzinfo=UTC),
        "ar": datetime(2026, 1, 3, tzinfo=UTC),
    }
    # en: rows of runs started by 2026-01-01 (c1); ar: by 2026-01-03 (c1, c2 and c3).
    assert state.settled == {"en/1", "en/2", "ar/1", "ar/2"}
    # en/3 is archived now, robots.txt refused en/4, the listing page is no item; en/6 once,
    # as it failed last.
    assert state.failures == (
        FailedFetch(url("en/6"), "HttpError: 503", 500, "2026-01-01T10:00:00+03:00"),
    )


def test_the_spider_and_the_pipeline_share_one_state_and_writing_leaves_it_as_read(
    tmp_path: Path,
) -> None:
    hashes = run(tmp_path, 1, [item("en/1", "one")], [], "finished", ["en"])
    settings = {
        "ARCHIVER_OUT": str(tmp_path),
        "ARCHIVER_CRAWL_ID": "c2",
        "ARCHIVER_BATCH_ROWS": 200,
    }
    crawler = get_crawler(MediaOfficeSpider, settings)
    assert crawler.stats is not None
    crawler.stats.open_spider()
    spider = MediaOfficeSpider.from_crawler(crawler, base_url="http://127.0.0.1:8000")
    assert spider.state is crawl_state_for(crawler)
    assert spider.state.hashes == hashes
    assert spider.state.settled == {"en/1"}
    pipeline = ParquetPipeline.from_crawler(crawler)
    pipeline.open_spider()
    assert pipeline.archive.known == hashes
    pipeline.process_item(item("en/2", "two"))
    pipeline.close_spider()
    assert sorted(pipeline.archive.known) == ["en/1", "en/2"]
    assert spider.state.hashes == hashes  # what the crawl started from, unchanged
    assert crawl_state_for(crawler) is spider.state


def test_a_full_crawl_skips_nothing_it_holds(tmp_path: Path) -> None:
    run(tmp_path, 1, [item("en/1", "one")], [], "finished", ["en"])
    crawler = get_crawler(MediaOfficeSpider, {"ARCHIVER_OUT": str(tmp_path)})
    spider = MediaOfficeSpider.from_crawler(crawler, base_url="http://127.0.0.1:8000", mode="full")
    assert spider.state == CrawlState()
