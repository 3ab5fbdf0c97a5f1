"""The progress line says what is known of the job: exact text from controlled stats."""

from __future__ import annotations

import io

import pytest
from scrapy import Request
from scrapy.http import Response
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from archiver.extensions.progress import (
    ITEMS_QUEUED,
    LISTINGS_ENDED,
    LISTINGS_SCHEDULED,
    Progress,
    progress_line,
)
from archiver.progress import Line, clock, reextract_line, wanted

WALKING = {
    "listing/pages": 12,
    LISTINGS_SCHEDULED: 13,
    LISTINGS_ENDED: 12,
    ITEMS_QUEUED: 300,
    "item_scraped_count": 150,
    "archive/rows_written": 120,
    "archive/unchanged": 30,
    "archive/failures": 8,
    "archive/failures_again": 1,
    "archive/robots_forbidden": 1,
}


def test_while_the_walk_goes_on_there_is_no_eta() -> None:
    assert progress_line(WALKING, 40.0) == (
        "listing: 12 pages walked; items: 160 of 300 queued done, 120 rows written, "
        "30 unchanged, 10 failures; 4.0/s, 0:40 elapsed"
    )


def test_once_the_walk_has_ended_the_eta_follows_the_rate() -> None:
    ended = {**WALKING, "listing/pages": 13, LISTINGS_ENDED: 13}
    # 140 items left at 4.0 items/s: 35 s.
    assert progress_line(ended, 40.0) == (
        "listing: 13 pages walked (done); items: 160 of 300 queued done, 120 rows written, "
        "30 unchanged, 10 failures; 4.0/s, 0:40 elapsed, ETA 0:35"
    )


def test_an_empty_crawl() -> None:
    assert progress_line({}, 0.0) == (
        "listing: 0 pages walked; items: 0 of 0 queued done, 0 rows written, 0 unchanged, "
        "0 failures; 0.0/s, 0:00 elapsed"
    )


def test_the_reextract_line_knows_its_total() -> None:
    counts = {"revised": 3, "new": 1, "unchanged": 96, "listing_pages": 9}
    assert reextract_line(counts, 500, 20.0) == (
        "re-extracted 100 of 500 items: 3 revised, 1 new, 96 unchanged; "
        "5.0/s, 0:20 elapsed, ETA 1:20"
    )


def test_clock() -> None:
    assert [clock(s) for s in (0, 7.4, 760, 3723)] == ["0:00", "0:07", "12:40", "1:02:03"]


def test_wanted() -> None:
    pipe = io.StringIO()  # not a terminal
    assert [wanted(mode, pipe) for mode in ("auto", "on", "off")] == [False, True, False]
    with pytest.raises(ValueError, match="'sometimes' is not one of auto, on, off"):
        wanted("sometimes", pipe)


class Spider:
    def parse_listing(self, response: Response) -> None: ...

    def parse_item(self, response: Response) -> None: ...


def test_the_extension_counts_the_walk_and_the_queue() -> None:
    stats = MemoryStatsCollector(get_crawler())
    progress = Progress(stats, Line(io.StringIO(), 2.0))
    spider = Spider()
    listing = Request("http://127.0.0.1/l", callback=spider.parse_listing)
    items = [Request(f"http://127.0.0.1/{n}", callback=spider.parse_item) for n in range(3)]
    retried = items[0].replace(meta={"retry_times": 1})
    for request in [listing, *items, retried]:
        progress.scheduled(request)
    progress.ended(items[1])
    assert stats.get_stats() == {LISTINGS_SCHEDULED: 1, ITEMS_QUEUED: 3}
    progress.ended(listing)
    assert stats.get_value(LISTINGS_ENDED) == 1


def test_the_line_is_rewritten_in_place() -> None:
    stream = io.StringIO()
    line = Line(stream, 2.0)
    line.show("one")
    line.end("two")
    assert stream.getvalue() == "\r\x1b[Kone\r\x1b[Ktwo\n"
