"""Timed stand-ins for the archive writers, so a benchmark crawl can report the time spent in
them (the crawl's wall time with and without each writer, bench/bench_crawl.py, is the
headline figure)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

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


def process_cpu_seconds(pid: int) -> float:
    """User and system CPU seconds a process has used so far (Linux's /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class TimedWarcCaptureMiddleware(WarcCaptureMiddleware):
    """The capture process's CPU seconds, read just before it closes its last file."""

    def closed(self) -> None:
        Timer.warc_seconds += process_cpu_seconds(self.capture.pid)
        super().closed()


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
