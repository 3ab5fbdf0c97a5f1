"""Archive one item page: ``scrapy crawl article -a url=… [-a listing_date=ISO]``."""

from __future__ import annotations

from typing import Any

from scrapy.settings import BaseSettings

from archiver.urls import Scope, parse_item_url
from spiders.base import ArchiveSpider


class ArticleSpider(ArchiveSpider):
    name = "article"

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        # One page, no listing walk: nothing for the crawl's health check to judge.
        settings.set("ARCHIVER_HEALTH_ENABLED", False, priority="spider")

    def __init__(self, url: str | None = None, listing_date: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        if not url:
            raise ValueError("the article spider needs an item address: -a url=https://…")
        if parse_item_url(url) is None:
            raise ValueError(
                f"{url} is not an item address of the site "
                "(expected /{lang}/index.php/{menu}/{id}.html or …/item/{id}-{alias})"
            )
        self.url = url
        self.base_url = url
        self.scope = Scope.of(url)
        self.listing_date = listing_date
        self.allowed_domains = self.scope_domains()

    def run_options(self) -> dict[str, Any]:
        return {**super().run_options(), "url": self.url, "listing_date": self.listing_date}

    async def start(self) -> Any:
        yield self.item_request(self.url, self.listing_date)
