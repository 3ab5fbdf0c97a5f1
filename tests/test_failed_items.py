"""Items that failed in one run are retried by the next incremental run, dates and all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from archiver import dataset
from archiver.crawlstate import CrawlState
from archiver.groundtruth import compare
from archiver.replica import Replica, running
from archiver.urls import parse_item_url

ITEMS, SEED = 60, 31
# Every fault hits a target's first two requests; with one retry a hit item fails this run.
FAULTS = "500=0.2,attempts=2,seed=5"
LOCAL = [
    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=ERROR",
    "-s", "RETRY_TIMES=1", "-s", "ARCHIVER_RETRY_BACKOFF_BASE=0",
]  # fmt: skip


def crawl(base_url: str, out: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "archiver.cli", "crawl", "--base-url", base_url,
         "--lang", "en", "--out", str(out), *LOCAL],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode in (0, 3), done.stdout + done.stderr
    newest = max((out / "crawls").glob("*.json"))
    manifest: dict[str, Any] = json.loads(newest.read_text(encoding="utf-8"))
    return manifest


def test_failed_items_are_retried_by_the_next_run(tmp_path: Path) -> None:
    out = tmp_path / "archive"
    site = Replica(ITEMS, SEED, ("en",))
    with running(ITEMS, SEED, ("en",), faults=FAULTS) as server:
        first = crawl(server.base_url, out)
        failed = {
            ref.key: entry
            for entry in first["failures"]
            if (ref := parse_item_url(entry["url"])) is not None
        }
        assert failed, "the fault seed hit no item: choose another"
        assert all(entry["status"] == 500 and entry["listing_date"] for entry in failed.values())
        assert sorted(f.url for f in CrawlState.load(out).failures) == sorted(
            entry["url"] for entry in failed.values()
        )
        second = crawl(server.base_url, out)
    assert second["stats"]["retry/earlier_failures"] == len(failed)
    expected = [f"en/{i}" for i in site.item_ids("en")]
    comparison = compare(
        dataset.latest(out).to_pylist(), expected, lambda key: site.truth("en", int(key[3:]))
    )
    assert comparison.ok, comparison.describe()
    assert set(CrawlState.load(out).keys) == set(expected)
    assert CrawlState.load(out).failures == ()
