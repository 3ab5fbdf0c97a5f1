"""Spider callbacks on hand-made responses: what they route where, without a crawl."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from archiver import signals
from archiver.replica import Replica
from spiders.article import ArticleSpider
from tests.callbacks import parse_item

ITEM = "http://127.0.0.1:8000/en/index.php/2017-01-28-14-59-33/news-comment/99.html"


class Failures(list[dict[str, Any]]):
    def record(self, url: str, reason: str, status: int | None, listing_date: str | None) -> None:
        self.append({"url": url, "reason": reason, "status": status, "listing_date": listing_date})


@pytest.fixture
def spider() -> Iterator[ArticleSpider]:
    crawler = get_crawler(ArticleSpider, {"ARCHIVER_OUT": "unused"})
    spider = ArticleSpider.from_crawler(crawler, url=ITEM)
    yield spider
    spider.pages.close()  # its page process, as the end of a crawl closes it


@pytest.fixture
def failures(spider: ArticleSpider) -> Failures:
    failures = Failures()
    # Signal receivers are held weakly: the fixture keeps ``failures`` (and its method) alive.
    assert spider.crawler is not None
    spider.crawler.signals.connect(failures.record, signal=signals.fetch_failed)
    return failures


def test_an_item_redirected_to_a_page_that_is_not_an_item_is_a_failure_not_a_row(
    spider: ArticleSpider, failures: Failures
) -> None:
    home = "http://127.0.0.1:8000/en/index.php"
    request = Request(home, meta={"redirect_urls": [ITEM]})
    response = HtmlResponse(home, body=b"<html><body>Home</body></html>", request=request)
    assert parse_item(spider, response, "2024-11-26T10:15:00+03:00") == []
    assert failures == [
        {
            "url": ITEM,
            "reason": f"redirected to a page that is not an item: {home}",
            "status": 200,
            "listing_date": "2024-11-26T10:15:00+03:00",
        }
    ]


def test_an_item_page_becomes_one_stamped_item(spider: ArticleSpider, failures: Failures) -> None:
    body = Replica(20, 1, ("en",)).render_item("en", 99).encode()
    response = HtmlResponse(ITEM, body=body, request=Request(ITEM))
    (item,) = parse_item(spider, response)
    assert (item.key, item.title, item.author) == (
        "en/99",
        "Lavrov Scares Central Asia Countries",
        "Muhammad Mansour",
    )
    assert (item.fetched_url, item.http_status, item.warc_file) == (ITEM, 200, None)
    assert failures == []
