"""Running the spiders' asynchronous item callback outside a crawl, as the reactor runs it."""

from __future__ import annotations

import asyncio
from typing import Any

from scrapy.http import Response

from spiders.base import ArchiveSpider


def parse_item(spider: ArchiveSpider, response: Response, *args: Any) -> list[Any]:
    """Everything ``spider.parse_item`` yields for ``response`` (its page process reads it)."""

    async def collect() -> list[Any]:
        return [output async for output in spider.parse_item(response, *args)]

    return asyncio.run(collect())
