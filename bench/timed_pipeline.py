"""Timed stand-ins for the archive writers, so a benchmark crawl can report their share."""

from __future__ import annotations

import time
from typing import Any

from scrapy.http import Request, Response
from scrapy.settings import Settings

from archiver.item import ArchiveItem
from archiver.middlewares.warc import WarcCaptureMiddleware
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


class TimedWarcCaptureMiddleware(WarcCaptureMiddleware):
    def process_response(self, request: Request, response: Response) -> Response:
        started = time.perf_counter()
        try:
            return super().process_response(request, response)
        finally:
            Timer.warc_seconds += time.perf_counter() - started


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
