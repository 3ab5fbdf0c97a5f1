"""``ARCHIVER_ARROW_MEMORY_POOL``: the crawl's process picks pyarrow's allocator, by name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest
from scrapy.utils.test import get_crawler

from archiver import settings
from archiver.store.arrowpool import POOLS, use_pool
from pipelines.parquet import ParquetPipeline
from spiders.article import ArticleSpider


@pytest.fixture(autouse=True)
def restored() -> Iterator[None]:
    """The process's pool as it was: the choice is process-wide."""
    before = pa.default_memory_pool()
    yield
    pa.set_memory_pool(before)


@pytest.mark.parametrize("name", POOLS)
def test_each_pool_by_its_name(name: str) -> None:
    use_pool(name)
    assert pa.default_memory_pool().backend_name == name
    assert pa.array(["allocated", "there"]).to_pylist() == ["allocated", "there"]


def test_empty_leaves_pyarrows_choice() -> None:
    pa.set_memory_pool(pa.mimalloc_memory_pool())
    use_pool("")
    assert pa.default_memory_pool().backend_name == "mimalloc"


def test_an_unknown_pool_names_the_choices() -> None:
    with pytest.raises(ValueError, match="must be one of system, jemalloc, mimalloc or empty"):
        use_pool("tcmalloc")


def test_the_parquet_pipeline_sets_the_pool_the_system_one_by_default(tmp_path: Path) -> None:
    assert settings.ARCHIVER_ARROW_MEMORY_POOL == "system"
    pa.set_memory_pool(pa.mimalloc_memory_pool())
    chosen = {
        "ARCHIVER_OUT": str(tmp_path),
        "ARCHIVER_BATCH_ROWS": 200,
        "ARCHIVER_ARROW_MEMORY_POOL": "jemalloc",
    }
    ParquetPipeline.from_crawler(get_crawler(ArticleSpider, chosen))
    assert pa.default_memory_pool().backend_name == "jemalloc"
