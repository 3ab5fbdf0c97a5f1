"""Timed stand-ins for the archive writers, so a benchmark crawl can report the time spent in
them (the crawl's wall time with and without each writer, bench/bench_crawl.py, is the
headline figure)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.settings import Settings

from archiver.item import ArchiveItem
from archiver.middlewares.warc import WarcCaptureMiddleware
from archiver.store.warc import Exchange, WarcFileWriter, WarcRef
from pipelines.parquet import ParquetPipeline


class Timer:
    parquet_seconds = 0.0
    warc_seconds = 0.0


class TimedParquetPipeline(ParquetPipeline):
    def process_item(self, item: ArchiveItem) -> ArchiveItem:
        started = time.perf_counter()
        try:
            return super().process_item(item)
        finally:
            Timer.parquet_seconds += time.perf_counter() - started

    def close_spider(self) -> None:
        started = time.perf_counter()
        super().close_spider()
        Timer.parquet_seconds += time.perf_counter() - started


class TimedWarcFileWriter(WarcFileWriter):
    def write(self, exchange: Exchange) -> WarcRef:
        started = time.perf_counter()
        try:
            return super().write(exchange)
        finally:
            Timer.warc_seconds += time.perf_counter() - started


class TimedWarcCaptureMiddleware(WarcCaptureMiddleware):
    def __init__(self, crawler: Crawler, root: Path, max_bytes: int) -> None:
        super().__init__(crawler, root, max_bytes)
        # The first writer has opened no file yet (it starts one at its first record).
        self.writer = TimedWarcFileWriter(root, self.writer.crawl_id, max_bytes=max_bytes)


def _swap(settings: Settings, name: str, old: str, new: str) -> None:
    components: dict[str, Any] = dict(settings.getdict(name))
    components[new] = components.pop(old)
    settings.set(name, components, priority="cmdline")


def install_timer(settings: Settings) -> type[Timer]:
    _swap(
        settings,
        "ITEM_PIPELINES",
        "pipelines.parquet.ParquetPipeline",
        "bench.timed_pipeline.TimedParquetPipeline",
    )
    _swap(
        settings,
        "DOWNLOADER_MIDDLEWARES",
        "archiver.middlewares.warc.WarcCaptureMiddleware",
        "bench.timed_pipeline.TimedWarcCaptureMiddleware",
    )
    return Timer
