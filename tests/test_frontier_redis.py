"""Several workers, one archive: ``archiver crawl --frontier`` against a real redis-server and
the replica, compared with the replica's truth."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import redis

from archiver import dataset
from archiver.groundtruth import compare
from archiver.replica import Replica, ReplicaHandle, running
from archiver.store.verify import verify
from tests.redis_server import redis_server, redis_url
from tests.run_cli import ROOT, archiver

__all__ = ["redis_server", "redis_url"]  # the fixtures, used by name

ITEMS, SEED, LANGS = 24, 7, ("en", "ar")
LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"]
FAST_LEASE = ["-s", "ARCHIVER_FRONTIER_LEASE=1.5", "-s", "ARCHIVER_FRONTIER_POLL=0.05"]


@pytest.fixture
def replica() -> Iterator[ReplicaHandle]:
    with running(items=ITEMS, seed=SEED, langs=LANGS) as handle:
        yield handle


def crawl_args(replica: ReplicaHandle, out: Path, url: str, *extra: str) -> list[str]:
    return ["crawl", "--base-url", replica.base_url, "--lang", ",".join(LANGS),
            "--out", str(out), "--frontier", url, *FAST_LEASE, *extra]  # fmt: skip


def manifests(out: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in sorted((out / "crawls").glob("*.json"))]


def assert_archive_is_the_truth(out: Path) -> list[dict[str, Any]]:
    """Every item once with its true fields, distinct part names, verify clean; the rows."""
    site = Replica(ITEMS, SEED, LANGS)
    rows: list[dict[str, Any]] = dataset.open(out).to_table().to_pylist()
    expected = [f"{lang}/{i}" for lang in LANGS for i in site.item_ids(lang)]

    def truth(key: str) -> Mapping[str, Any]:
        lang, item_id = key.split("/")
        return site.truth(lang, int(item_id))

    comparison = compare(rows, expected, truth)  # also: no key twice
    assert comparison.ok, comparison.describe(limit=10)
    assert comparison.items == len(expected) == len(rows)
    parts = [p.name for p in (out / "articles").rglob("*.parquet")]
    assert len(parts) == len(set(parts))
    report = verify(out)
    assert report.ok, report.problems
    return rows


def test_three_workers_crawl_two_sections_into_one_archive(
    replica: ReplicaHandle, redis_url: str, tmp_path: Path
) -> None:
    done = archiver(*crawl_args(replica, tmp_path, redis_url, "--workers", "3", *LOCAL))
    assert done.returncode == 0, done.stdout + done.stderr
    rows = assert_archive_is_the_truth(tmp_path)
    runs = manifests(tmp_path)
    assert len(runs) == 3 and all(run["finish_reason"] == "finished" for run in runs)
    writers = {row["crawl_id"] for row in rows}
    assert len(writers) >= 2 and writers <= {run["crawl_id"] for run in runs}
    assert sum(bool(run["stats"].get("frontier/seeder")) for run in runs) == 1
    # The end came from the shared state, not a timer: every worker closed within moments of
    # the last request the site saw (Scrapy's idle heartbeat alone is 5 s).
    last = max(entry["time"] for entry in replica.request_log())
    for run in runs:
        finished = datetime.fromisoformat(run["finished_at"]).timestamp()
        assert finished - last < 2.5, (run["crawl_id"], finished - last)
    assert redis.Redis.from_url(redis_url).keys("archiver:*") == []  # the last out cleared it


def start_worker(replica: ReplicaHandle, out: Path, url: str, name: str) -> subprocess.Popen[bytes]:
    """A worker named ``name`` (its crawl id), 0.05 s between requests to the site for all
    workers together: slow enough to be killed mid-crawl."""
    slow = ["-s", "DOWNLOAD_DELAY=0.05", "-s", "AUTOTHROTTLE_ENABLED=False", "--quiet"]
    command = crawl_args(replica, out, url, *slow, "-s", f"ARCHIVER_CRAWL_ID={name}")
    return subprocess.Popen(
        [sys.executable, "-m", "archiver.cli", *command],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def test_a_worker_killed_mid_crawl_loses_no_item(
    replica: ReplicaHandle, redis_url: str, tmp_path: Path
) -> None:
    server = redis.Redis.from_url(redis_url, decode_responses=True)
    workers = {
        name: start_worker(replica, tmp_path, redis_url, name) for name in ("w1", "w2", "w3")
    }
    try:
        deadline = time.monotonic() + 60
        victim = None
        while victim is None:
            assert time.monotonic() < deadline, "no worker took work"
            assert all(process.poll() is None for process in workers.values()), "one ended"
            seeder = server.get("archiver:archiver:seeder")
            for name in workers:
                holds = server.zcard(f"archiver:archiver:lease:{name}")
                if seeder is not None and seeder != name and holds >= 3:
                    victim = name
                    break
            time.sleep(0.02)
        workers[victim].kill()  # SIGKILL: its leased requests are in no part file
        codes = {name: process.wait(timeout=120) for name, process in workers.items()}
    finally:
        for process in workers.values():
            process.kill()
            process.wait()
    assert codes[victim] == -9
    assert [code for name, code in codes.items() if name != victim] == [0, 0]
    assert_archive_is_the_truth(tmp_path)
    runs = {run["crawl_id"]: run for run in manifests(tmp_path)}
    assert runs[victim]["finish_reason"] is None  # killed: never finished
    requeued = sum(
        run["stats"].get("frontier/requeued_from_dead_workers", 0)
        for name, run in runs.items()
        if name != victim
    )
    assert requeued >= 3


def test_the_site_sees_one_polite_rate_from_all_workers(
    replica: ReplicaHandle, redis_url: str, tmp_path: Path
) -> None:
    delay = 0.1
    polite = ["-s", f"DOWNLOAD_DELAY={delay}", "-s", "AUTOTHROTTLE_ENABLED=False",
              "-s", "LOG_LEVEL=WARNING", "--lang", "en"]  # fmt: skip
    done = archiver(*crawl_args(replica, tmp_path, redis_url, "--workers", "3", *polite))
    assert done.returncode == 0, done.stdout + done.stderr
    runs = manifests(tmp_path)
    assert sum(run["rows"] > 0 for run in runs) >= 2
    times = sorted(entry["time"] for entry in replica.request_log())
    assert len(times) >= 20
    # Three workers at 0.1 s each would make three requests per 0.1 s; together they keep
    # 0.1 s apart, less what the arrival of a request may lag behind its slot on a busy
    # machine: over the whole crawl, and (with room for a lag of 0.4 s) over any 10 requests.
    assert times[-1] - times[0] >= (len(times) - 1) * delay - 0.2
    for first, then in zip(times, times[10:], strict=False):
        assert then - first >= 10 * delay - 0.4
