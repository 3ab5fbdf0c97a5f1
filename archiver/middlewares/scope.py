"""The wall around a crawl's scope (``archiver.urls.Scope``), for every request it makes.

Scrapy's own offsite filter lets through any request marked ``dont_filter`` (items and first
listings are, so that a redirect loop ends as a failure), and its redirect middleware copies the
mark onto the redirect: a server could send an item request to another host and have that
host's page archived under the site's key. So two guards stand outside it:

- ``OffScopeRequests`` (order 40, before the offsite filter and robots.txt) refuses any request
  out of scope before it is queued for download, so an off-site name is never even resolved;
- ``OffScopeRedirects`` (order 610, before RedirectMiddleware at 600) and ``OffScopeRefreshes``
  (585, before MetaRefreshMiddleware at 580, after decompression at 590) check every redirect's
  target, robots.txt's included: one on the site's hosts is moved onto the base URL, one out of
  scope (another host or port, another scheme) ends the request as a failure naming it.

A refused request with an errback (items, listings) is reported there, by the spider; one
without (Scrapy's robots.txt request) is reported here, so every refusal is in the failures.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Self
from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.response import get_meta_refresh
from w3lib.url import safe_url_string

from archiver import signals
from archiver.urls import Scope

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


class OffScope(IgnoreRequest):
    """A request or a redirect that would leave the crawl's scope."""


def crawl_scope(crawler: Crawler) -> Scope:
    """The running spider's scope; a spider that declares none keeps to its base URL's host:port
    (one without a base URL is refused everything, rather than let anywhere)."""
    spider = crawler.spider
    scope = getattr(spider, "scope", None)
    if isinstance(scope, Scope):
        return scope
    return Scope.of(getattr(spider, "base_url", "") or "")


class _Guard:
    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def refuse(self, request: Request, reason: str, status: int | None = None) -> OffScope:
        """Count the refusal, report it when no errback will, and give the error to raise."""
        self.stats.inc_value("scope/refused")
        if request.errback is None:
            self.crawler.signals.send_catch_log(
                signals.fetch_failed,
                url=request.url,
                reason=f"OffScope: {reason}",
                status=status,
                listing_date=None,
                retry=False,
            )
        return OffScope(reason)


class OffScopeRequests(_Guard):
    def process_request(self, request: Request) -> None:
        if not crawl_scope(self.crawler).allows(request.url):
            raise self.refuse(request, f"not in the crawl's scope: {request.url}")


class _RedirectGuard(_Guard):
    """Checks where a response sends its request next, before Scrapy follows it."""

    def target(self, request: Request, response: Response) -> str | None:
        raise NotImplementedError

    def rebased(self, request: Request, response: Response) -> str | None:
        """Where a redirect to the site's hosts goes instead (the base URL), or None when the
        redirect, if any, is followed as it is; raises OffScope when it leaves the scope."""
        target = None if request.meta.get("dont_redirect") else self.target(request, response)
        if target is None:
            return None
        placed = crawl_scope(self.crawler).redirect(target)
        if placed is None:
            raise self.refuse(request, f"redirected off scope to {target}", response.status)
        if placed == target:
            return None
        self.stats.inc_value("scope/redirects_rebased")
        return placed


class OffScopeRedirects(_RedirectGuard):
    """HTTP redirects (3xx with ``Location``), seen as RedirectMiddleware would see them."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("REDIRECT_ENABLED"):
            raise NotConfigured  # redirects are not followed: nothing to check
        return cls(crawler)

    def target(self, request: Request, response: Response) -> str | None:
        location = response.headers.get("Location")
        if response.status not in REDIRECT_CODES or not location:
            return None
        if location.startswith(b"//"):  # scheme-relative: keeps the request's scheme
            location = request.url.split(":", 1)[0].encode() + b":" + location
        return urljoin(request.url, safe_url_string(location))

    def process_response(self, request: Request, response: Response) -> Response:
        moved = self.rebased(request, response)
        if moved is None:
            return response
        headers = response.headers.copy()
        headers["Location"] = moved
        return response.replace(headers=headers)


class OffScopeRefreshes(_RedirectGuard):
    """``<meta http-equiv="refresh">`` redirects, on the decompressed page as
    MetaRefreshMiddleware reads it (order 585: after decompression at 590, before it at 580)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.max_delay = crawler.settings.getfloat("METAREFRESH_MAXDELAY")
        self.ignore_tags = crawler.settings.getlist("METAREFRESH_IGNORE_TAGS")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("METAREFRESH_ENABLED"):
            raise NotConfigured  # meta refreshes are not followed: nothing to check
        return cls(crawler)

    def target(self, request: Request, response: Response) -> str | None:
        if request.method == "HEAD" or not isinstance(response, HtmlResponse):
            return None
        interval, url = get_meta_refresh(response, ignore_tags=self.ignore_tags)
        if not url or interval is None or interval >= self.max_delay:
            return None  # not followed by MetaRefreshMiddleware either
        return str(url)

    def process_response(self, request: Request, response: Response) -> Response:
        moved = self.rebased(request, response)
        if moved is None:
            return response
        # The page handed on refreshes to the base URL instead, for MetaRefreshMiddleware to
        # follow there (the page as received is in the WARC already).
        url = html.escape(moved)
        refresh = f'<html><head><meta http-equiv="refresh" content="0; url={url}"></head></html>'
        return response.replace(body=refresh.encode("ascii", "xmlcharrefreplace"), encoding="ascii")
