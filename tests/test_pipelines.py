"""The Parquet pipeline outside a crawl: versions, failures, the counts the command checks."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from archiver.item import ArchiveItem, DateCandidate
from pipelines.normalise import NormalisePipeline
from pipelines.parquet import ParquetPipeline
from spiders.article import ArticleSpider


def item(item_id: int, body: str) -> ArchiveItem:
    return ArchiveItem(
        key=f"en/{item_id}",
        lang="en",
        item_id=item_id,
        url=f"https://www.hizb-ut-tahrir.info/en/index.php/x/{item_id}.html",
        body=body,
        published_date=date(2024, 11, 26),
        fetched_at=datetime(2026, 11, 28, tzinfo=UTC),
        parser_version="test",
    )


def test_versions_failures_and_committed_rows_are_counted(tmp_path: Path) -> None:
    settings = {
        "ARCHIVER_OUT": str(tmp_path),
        "ARCHIVER_CRAWL_ID": "c1",
        "ARCHIVER_BATCH_ROWS": 200,
    }
    crawler = get_crawler(ArticleSpider, settings)
    assert crawler.stats is not None
    crawler.stats.open_spider()
    pipeline = ParquetPipeline.from_crawler(crawler)
    pipeline.open_spider()
    outcomes = [pipeline.process_item(i) for i in (item(1, "a"), item(2, "b"), item(1, "a"))]
    assert [o.content_sha256 is not None for o in outcomes] == [True, True, True]
    page = "http://127.0.0.1:8000/en/index.php/x/3.html"
    boom = Failure(ValueError("boom"))  # type: ignore[no-untyped-call]  # Twisted is untyped
    pipeline.record_error(boom, HtmlResponse(page, body=b"<html/>"))
    pipeline.record_failure(page + "?robots", "IgnoreRequest: Forbidden by robots.txt")
    pipeline.record_failure(
        page + "?again", "HttpError: Ignoring non-200 response", 404, retry=True
    )
    pipeline.close_spider()
    pipeline.finish_manifest("finished")
    stats = crawler.stats.get_stats()
    assert (stats["archive/new"], stats["archive/unchanged"]) == (2, 1)
    assert stats["archive/rows_written"] == stats["archive/rows_committed"] == 2
    assert stats["archive/failures"] == 1  # the processing error; not the robots or retry ones
    assert stats["archive/robots_forbidden"] == stats["archive/failures_again"] == 1
    manifest = json.loads((tmp_path / "crawls" / "c1.json").read_text(encoding="utf-8"))
    assert manifest["failures"][0] == {
        "url": page,
        "reason": "error processing the page: ValueError: boom",
        "status": 200,
        "listing_date": None,
    }
    assert len(manifest["failures"]) == 3
    assert manifest["rows"] == 2


def test_a_batch_size_below_one_is_refused_with_its_setting_named(tmp_path: Path) -> None:
    crawler = get_crawler(ArticleSpider, {"ARCHIVER_OUT": str(tmp_path), "ARCHIVER_BATCH_ROWS": 0})
    with pytest.raises(ValueError, match="ARCHIVER_BATCH_ROWS must be at least 1, not 0"):
        ParquetPipeline.from_crawler(crawler)


def test_the_normalise_pipeline_dates_items_and_counts_every_outcome(tmp_path: Path) -> None:
    crawler = get_crawler(ArticleSpider, {"ARCHIVER_OUT": str(tmp_path)})
    assert crawler.stats is not None
    crawler.stats.open_spider()
    pipeline = NormalisePipeline.from_crawler(crawler)
    listed = item(1, "a").replace(
        kind="news_comment", date_candidates=[DateCandidate("listing", "2024-11-26T10:15:00+03:00")]
    )
    undated = item(2, "b").replace(published_date=None, page_flags=["no_title"])
    dated = pipeline.process_item(listed)
    pipeline.process_item(undated)
    assert (dated.published_date, dated.date_source, dated.date_status) == (
        date(2024, 11, 26),
        "listing",
        "ok",
    )
    stats = crawler.stats.get_stats()
    assert (stats["dates/ok/en"], stats["dates/missing/en"]) == (1, 1)
    assert stats["items/kind/news_comment/en"] == stats["items/kind/other/en"] == 1
    assert stats["items/flag/no_title/en"] == 1
    # Coverage for the health check: both items are due a body, only the first a comment.
    assert (stats["health/en/body/due"], stats["health/en/body/filled"]) == (2, 2)
    assert stats["health/en/comment/due"] == 1 and "health/en/comment/filled" not in stats
    assert stats["health/en/comment/missing_examples"] == [listed.url]
