"""What every archiving spider shares: the item callback, the failure errback, the scope.

Item pages are read (page objects, the fetch's stamp and hash) in a page process of the
spider's own (``archiver.coprocess``), on the second core: the callback awaits the item while
the reactor goes on fetching, capturing and writing. The page process starts with the spider
(forked before the reactor runs) and ends with the crawl.

Every request a spider makes goes through ``scope.link`` first (the site's addresses moved onto
the base URL, anything else out of scope dropped), so nothing off scope is ever queued; the
downloader middlewares of ``archiver.middlewares.scope`` hold the same line for redirects and
for requests a spider did not make itself (robots.txt).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Self

import scrapy
from scrapy import signals as scrapy_signals
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from archiver import signals
from archiver.coprocess import Coprocess
from archiver.fetched import Fetched, read_fetched
from archiver.item import ArchiveItem
from archiver.store.warc import WarcRef
from archiver.urls import Scope, parse_item_url

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# Request meta flag: the item failed in an earlier run and is being retried.
EARLIER_FAILURE = "archiver_earlier_failure"


def failure_reason(error: BaseException) -> str:
    """A download error as one readable line: its name and message. Scrapy words an error that
    wraps Twisted's failures (a connection closed, an answer that is no HTTP) as their repr:
    theirs are given instead. An error without a message (ResponseDataLossError) is its name."""
    message = str(error)
    cause = error.__cause__
    reasons = getattr(cause, "reasons", None)
    if message and message == str(cause) and isinstance(reasons, list):
        message = "; ".join(
            f"{type(r.value).__name__}: {r.getErrorMessage()}" if isinstance(r, Failure) else str(r)
            for r in reasons
        )
    return f"{type(error).__name__}: {message}".removesuffix(": ")


class ArchiveSpider(scrapy.Spider):
    base_url: str
    allowed_domains: list[str]
    # What the crawl may fetch: set with the base URL when the spider is built (archiver.urls).
    scope: Scope
    pages: Coprocess  # reads item pages (``archiver.fetched.read_fetched``), from_crawler on

    def run_options(self) -> dict[str, Any]:
        """What this run was asked to do, for its manifest."""
        return {"spider": self.name, "base_url": self.base_url}

    def scope_domains(self) -> list[str]:
        """The host names in scope, for Scrapy's offsite filter (a second, host-only wall)."""
        return self.scope.hosts()

    def move_base(self, base_url: str) -> None:
        """Carry on the crawl at another of its base URLs (a mirror): the scope stays the same."""
        self.base_url = base_url
        self.scope = self.scope.moved_to(base_url)

    def item_request(self, url: str, listing_date: str | None = None) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_item,
            errback=self.record_failure,
            cb_kwargs={"listing_date": listing_date},
            priority=1,  # finish items before going deeper into listings: a small frontier
            # Spiders request an item once by key themselves. Scrapy's duplicate filter would
            # drop a redirect back to a URL already seen (a redirect loop) without a word;
            # unfiltered, the loop ends at REDIRECT_MAX_TIMES in the errback, as a failure.
            dont_filter=True,
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        # Item pages are read on the second core while the reactor fetches and writes.
        spider.pages = Coprocess(read_fetched)
        crawler.signals.connect(spider.pages.close, signal=scrapy_signals.spider_closed)
        return spider

    async def parse_item(
        self, response: Response, listing_date: str | None = None
    ) -> AsyncIterator[ArchiveItem]:
        if parse_item_url(response.url) is None:
            # Redirected away from the item (a deleted item sent to the home page, say):
            # nothing of the item was fetched, so it is a failure, not a row.
            self.report_failure(
                response.meta.get("redirect_urls", [response.url])[0],
                f"redirected to a page that is not an item: {response.url}",
                response.status,
                listing_date,
            )
            return
        warc: WarcRef | None = response.meta.get("warc")
        page = Fetched(
            body=response.body,
            url=response.url,
            status=response.status,
            encoding=response.encoding if isinstance(response, TextResponse) else None,
            listing_date=listing_date,
            fetched_at=warc.fetched_at if warc else datetime.now(UTC),
            warc=warc,
        )
        yield await self.pages.call(page)

    def record_failure(self, failure: Failure) -> None:
        request: Any = getattr(failure, "request", None)
        error = failure.value
        assert error is not None  # an errback's failure holds its error
        self.report_failure(
            request.url if request is not None else "",
            failure_reason(error),
            error.response.status if isinstance(error, HttpError) else None,
            request.cb_kwargs.get("listing_date") if request is not None else None,
            retry=request is not None and request.meta.get(EARLIER_FAILURE, False),
        )

    def report_failure(
        self,
        url: str,
        reason: str,
        status: int | None,
        listing_date: str | None,
        *,
        retry: bool = False,
    ) -> None:
        """A request that ends without an item: into the manifest's failures, with why.
        ``retry``: the item had failed before (it does not count as a new error)."""
        assert self.crawler is not None
        self.crawler.signals.send_catch_log(
            signals.fetch_failed,
            url=url,
            reason=reason,
            status=status,
            listing_date=listing_date,
            retry=retry,
        )
