"""Capture every downloaded response, with its request, into the archive's WARC files.

Placed next to the downloader (order 950) so it records the response as received, before
decompression, retries or redirects act on it; the record's place is left in
``request.meta["warc"]`` for the item callback. Each WARC file it publishes (and each one an
interrupted run left, once recovered) is announced with ``archiver.signals.warc_file_closed``
for the crawl manifest.

Records are built, hashed, compressed and written by a capture process of their own
(``archiver.coprocess``), on the second core, while the reactor goes on with other responses;
a response goes on to its callback once its record is on disk, so a row is never committed
before the record it points to. A worker thread gained nothing (building a record holds the
GIL); a process does (docs/benchmarks.md).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response

from archiver import signals as archiver_signals
from archiver.coprocess import Coprocess
from archiver.store import lock
from archiver.store.manifest import crawl_id_for, warcs_before_listing
from archiver.store.warc import Exchange, WarcFile, WarcFileWriter, WarcRef, published, recover

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http.headers import Headers

logger = logging.getLogger(__name__)


# The body reaches us de-chunked: a record that kept this header would be read as chunked
# by replay tools. It is kept under another name, as other archiving proxies do.
_RENAMED = {"transfer-encoding": "X-Archive-Orig-Transfer-Encoding"}


def text_headers(headers: Headers) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for name, values in headers.items():
        text = name.decode("latin-1")
        text = _RENAMED.get(text.lower(), text)
        pairs.extend((text, value.decode("latin-1")) for value in values)
    return pairs


def warcinfo_fields(crawler: Crawler, crawl_id: str) -> list[tuple[str, str]]:
    """Who made the file and how: the operator's contact (when set), robots policy, the run."""
    settings = crawler.settings
    fields = [("operator", settings.get("ARCHIVER_CONTACT") or "")]
    fields += [
        ("robots", "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore"),
        ("http-header-user-agent", settings.get("USER_AGENT") or ""),
        ("isPartOf", crawl_id),
    ]
    return [(name, value) for name, value in fields if value]


class Capture:
    """The WARC writer as the capture process runs it: each answer carries the files the
    write published (a rotation, or a file cut back after a failed write) and the write's
    error, if any, so that the crawl announces every published file even then."""

    def __init__(self, writer: WarcFileWriter) -> None:
        self.writer = writer
        self.published: list[WarcFile] = []
        self.error: OSError | None = None  # after a failed write nothing more is written
        writer.on_close = self.published.append

    def __call__(
        self, exchange: Exchange | None
    ) -> tuple[WarcRef | OSError | None, list[WarcFile]]:
        """Write ``exchange``'s records; None closes the current file."""
        result: WarcRef | OSError | None = None
        try:
            if exchange is None:
                self.writer.close()
            else:
                result = self.error or self.writer.write(exchange)
        except OSError as error:
            result = self.error = error
        published, self.published[:] = list(self.published), []
        return result, published


class WarcCaptureMiddleware:
    def __init__(self, crawler: Crawler, root: Path, max_bytes: int) -> None:
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.signals = crawler.signals
        self.root = root
        self.failed = False  # a write failed: nothing more is captured, the crawl stops
        # Before touching any file: a WARC left open may be another live crawl's, not a leftover.
        lock.acquire(root)  # raises ArchiveLocked; re-entrant for the pipeline's own acquire
        # A shared hold (a frontier worker) recovered them before sharing: archiver.crawl.
        self.recovered = recover(root) if lock.exclusive(root) else []
        for path in self.recovered:
            logger.warning("recovered a WARC file left open by an interrupted run: %s", path)
            self.stats.inc_value("warc/recovered_files")
        # And the closed files of runs whose manifests did not list WARC files yet.
        earlier = warcs_before_listing(root) if lock.exclusive(root) else []
        self.unlisted = [path for path in earlier if path not in self.recovered]
        if self.unlisted:
            logger.info(
                "listing %d WARC files of earlier runs in this run's manifest", len(self.unlisted)
            )
            self.stats.set_value("warc/earlier_files_listed", len(self.unlisted))
        crawl_id = crawl_id_for(crawler)
        writer = WarcFileWriter(
            root, crawl_id, max_bytes=max_bytes, info=warcinfo_fields(crawler, crawl_id)
        )
        self.capture = Coprocess(Capture(writer))
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    def announce(self, warc: WarcFile) -> None:
        self.signals.send_catch_log(archiver_signals.warc_file_closed, warc=warc)

    def opened(self) -> None:
        """The recovered and unlisted files go into this run's manifest: theirs never got to
        list them."""
        for path in [*self.recovered, *self.unlisted]:
            self.announce(published(self.root, path))

    def closed(self) -> None:
        try:
            self.written(self.capture.call_now(None))
        finally:
            self.capture.close()
            lock.release(self.root)

    def written(self, answer: tuple[WarcRef | OSError | None, list[WarcFile]]) -> WarcRef | None:
        """Announce the files an answer of the capture process published; its reference, or
        its error raised."""
        result, files = answer
        for warc in files:
            self.announce(warc)
        if isinstance(result, OSError):
            raise result
        return result

    def fail(self, error: OSError) -> None:
        if not self.failed:
            self.failed = True
            self.signals.send_catch_log(archiver_signals.archive_write_failed, error=error)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcCaptureMiddleware:
        settings = crawler.settings
        if not settings.getbool("ARCHIVER_WARC_ENABLED"):
            raise NotConfigured  # off by its setting: intended, so Scrapy logs no warning
        return cls(
            crawler, Path(settings["ARCHIVER_OUT"]), settings.getint("ARCHIVER_WARC_MAX_BYTES")
        )

    async def process_response(self, request: Request, response: Response) -> Response:
        if self.failed:
            raise IgnoreRequest("not captured: the archive can no longer be written")
        exchange = Exchange(
            url=response.url,
            method=request.method,
            request_headers=text_headers(request.headers),
            status=response.status,
            reason="",  # Scrapy keeps no reason phrase: the record gets the standard one
            response_headers=text_headers(response.headers),
            body=response.body,
            fetched_at=datetime.now(UTC),
        )
        try:
            ref = self.written(await self.capture.call(exchange))
        except OSError as error:
            self.fail(error)
            raise IgnoreRequest(f"not captured: {error}") from None
        if self.failed:  # another write failed while this one was on its way
            raise IgnoreRequest("not captured: the archive can no longer be written")
        assert ref is not None
        request.meta["warc"] = ref
        self.stats.inc_value("warc/records")
        self.stats.inc_value("warc/bytes", ref.length)
        return response
