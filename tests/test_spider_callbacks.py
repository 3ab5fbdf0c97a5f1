"""Spider callbacks on hand-made responses: what they route where, without a crawl."""

from __future__ import annotations

from typing import Any

from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from archiver import signals
from archiver.replica import Replica
from spiders.article import ArticleSpider

ITEM = "http://127.0.0.1:8000/en/index.php/2017-01-28-14-59-33/news-comment/99.html"


class Failures(list[dict[str, Any]]):
    def record(self, url: str, reason: str, status: int | None, listing_date: str | None) -> None:
        self.append({"url": url, "reason": reason, "status": status, "listing_date": listing_date})


def spider_with_failures() -> tuple[ArticleSpider, Failures]:
    crawler = get_crawler(ArticleSpider, {"ARCHIVER_OUT": "unused"})
    spider = ArticleSpider.from_crawler(crawler, url=ITEM)
    failures = Failures()
    # Signal receivers are held weakly: the caller keeps ``failures`` (and its method) alive.
    crawler.signals.connect(failures.record, signal=signals.fetch_failed)
    return spider, failures


def test_an_item_redirected_to_a_page_that_is_not_an_item_is_a_failure_not_a_row() -> None:
    spider, failures = spider_with_failures()
    home = "http://127.0.0.1:8000/en/index.php"
    request = Request(home, meta={"redirect_urls": [ITEM]})
    response = HtmlResponse(home, body=b"<html><body>Home</body></html>", request=request)
    assert list(spider.parse_item(response, "2024-11-26T10:15:00+03:00")) == []
    assert failures == [
        {
            "url": ITEM,
            "reason": f"redirected to a page that is not an item: {home}",
            "status": 200,
            "listing_date": "2024-11-26T10:15:00+03:00",
        }
    ]


def test_an_item_page_becomes_one_stamped_item() -> None:
    spider, failures = spider_with_failures()
    body = Replica(20, 1, ("en",)).render_item("en", 99).encode()
    response = HtmlResponse(ITEM, body=body, request=Request(ITEM))
    (item,) = spider.parse_item(response)
    assert (item.key, item.title, item.author) == (
        "en/99",
        "Lavrov Scares Central Asia Countries",
        "Muhammad Mansour",
    )
    assert (item.fetched_url, item.http_status, item.warc_file) == (ITEM, 200, None)
    assert failures == []
