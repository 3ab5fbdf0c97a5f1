"""The scope's downloader middlewares on hand-made requests and responses, without a crawl."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from scrapy.core.downloader.handlers import DownloadHandlers
from scrapy.exceptions import NotSupported
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from archiver import signals
from archiver.middlewares.scope import (
    OffScope,
    OffScopeRedirects,
    OffScopeRefreshes,
    OffScopeRequests,
)
from spiders.article import ArticleSpider

BASE = "http://127.0.0.1:8000"
ITEM = f"{BASE}/en/index.php/x/5.html"


class Failures(list[dict[str, Any]]):
    def record(self, url: str, reason: str, status: int | None, **kwargs: Any) -> None:
        self.append({"url": url, "reason": reason, "status": status, **kwargs})


@pytest.fixture
def crawler() -> Any:
    crawler = get_crawler(ArticleSpider, {"ARCHIVER_OUT": "unused"})
    crawler.spider = ArticleSpider.from_crawler(crawler, url=ITEM)
    return crawler


def errback(failure: Any) -> None:
    """Stands for a spider's errback."""


def test_a_request_off_scope_is_refused_before_download(crawler: Any) -> None:
    guard = OffScopeRequests.from_crawler(crawler)
    guard.process_request(Request(ITEM))  # in scope: passes
    with pytest.raises(
        OffScope, match=re.escape("not in the crawl's scope: http://127.0.0.1:8001/")
    ):
        guard.process_request(Request("http://127.0.0.1:8001/"))
    assert crawler.stats.get_value("scope/refused") == 1


def test_a_scheme_relative_redirect_keeps_the_scheme_and_is_judged(crawler: Any) -> None:
    guard = OffScopeRedirects.from_crawler(crawler)
    request = Request(ITEM, errback=errback)
    response = Response(ITEM, status=301, headers={"Location": "//evil.example/x"})
    with pytest.raises(
        OffScope, match=re.escape("redirected off scope to http://evil.example/x") + "$"
    ):
        guard.process_response(request, response)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_every_redirect_status_off_scope_is_refused(crawler: Any, status: int) -> None:
    guard = OffScopeRedirects.from_crawler(crawler)
    response = Response(ITEM, status=status, headers={"Location": "http://127.0.0.1:8001/x"})
    with pytest.raises(
        OffScope, match=re.escape("redirected off scope to http://127.0.0.1:8001/x")
    ):
        guard.process_response(Request(ITEM, errback=errback), response)


def test_a_redirect_to_the_real_site_is_moved_onto_the_base_url(crawler: Any) -> None:
    guard = OffScopeRedirects.from_crawler(crawler)
    response = Response(
        ITEM, status=302, headers={"Location": "https://hizb-ut-tahrir.info/en/index.php/y/5.html"}
    )
    moved = guard.process_response(Request(ITEM), response)
    assert moved.headers["Location"] == f"{BASE}/en/index.php/y/5.html".encode()
    assert crawler.stats.get_value("scope/redirects_rebased") == 1


def test_what_is_not_followed_is_not_judged(crawler: Any) -> None:
    redirects = OffScopeRedirects.from_crawler(crawler)
    refreshes = OffScopeRefreshes.from_crawler(crawler)
    away = Response(ITEM, status=302, headers={"Location": "http://evil.example/"})
    kept = Request(ITEM, meta={"dont_redirect": True})
    assert redirects.process_response(kept, away) is away
    slow = HtmlResponse(
        ITEM,
        body=b'<meta http-equiv="refresh" content="600; url=http://evil.example/">',
        encoding="utf-8",
    )  # past METAREFRESH_MAXDELAY (100 s): Scrapy keeps the page, and so does the guard
    assert refreshes.process_response(Request(ITEM), slow) is slow


def test_a_refusal_is_reported_here_only_when_no_errback_will(crawler: Any) -> None:
    failures = Failures()
    crawler.signals.connect(failures.record, signal=signals.fetch_failed)
    guard = OffScopeRedirects.from_crawler(crawler)
    away = Response(f"{BASE}/robots.txt", status=302, headers={"Location": "http://evil.example/"})
    for request in (Request(f"{BASE}/robots.txt"), Request(ITEM, errback=errback)):
        with pytest.raises(OffScope):
            guard.process_response(request, away)
    assert failures == [
        {
            "url": f"{BASE}/robots.txt",
            "reason": "OffScope: redirected off scope to http://evil.example/",
            "status": 302,
            "listing_date": None,
            "retry": False,
            "signal": signals.fetch_failed,
            "sender": crawler,
        }
    ]


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://127.0.0.1:1/x", "data:,secret", "s3://bucket/key"]
)
def test_the_project_downloader_has_no_handler_but_http_s(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second wall: should a request of another scheme get past the scope, the project's
    settings leave the downloader no handler to fetch it with."""
    monkeypatch.setenv("SCRAPY_SETTINGS_MODULE", "archiver.settings")
    handlers = get_project_settings().getdict("DOWNLOAD_HANDLERS")
    crawler = get_crawler(ArticleSpider, {"DOWNLOAD_HANDLERS": handlers})
    crawler.spider = ArticleSpider.from_crawler(crawler, url=ITEM)
    scheme = url.split(":", 1)[0]
    with pytest.raises(NotSupported, match=f"Unsupported URL scheme '{scheme}'"):
        asyncio.run(DownloadHandlers(crawler).download_request_async(Request(url)))
