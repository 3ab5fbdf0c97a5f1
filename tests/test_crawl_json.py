"""`archiver crawl --json`: one JSON summary on stdout, and it agrees with the run's manifest."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from archiver.outcome import format_outcome
from archiver.replica import running

# A fifth of the targets answer 500 twice (one retry is not enough); a few items are deleted.
FAULTS = "500=0.2,deleted=0.05,attempts=2,seed=5"
LOCAL = [
    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=ERROR",
    "-s", "RETRY_TIMES=1", "-s", "ARCHIVER_RETRY_BACKOFF_BASE=0",
]  # fmt: skip


def test_the_json_summary_matches_the_manifest(tmp_path: Path) -> None:
    out = tmp_path / "archive"
    with running(60, 31, ("en",), faults=FAULTS) as server:
        done = subprocess.run(
            [sys.executable, "-m", "archiver.cli", "crawl", "--json", "--base-url",
             server.base_url, "--lang", "en", "--out", str(out), *LOCAL],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
    summary = json.loads(done.stdout)  # the whole of stdout is the one JSON object
    (manifest_path,) = (out / "crawls").glob("*.json")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    stats = manifest["stats"]
    assert summary["crawl_id"] == manifest["crawl_id"]
    assert summary["finish_reason"] == manifest["finish_reason"] == "finished"
    assert summary["error"] is None
    assert summary["duration_seconds"] == round(stats["elapsed_time_seconds"], 3)
    assert summary["counts"] == {
        "listing_pages": stats["listing/pages"],
        "responses": stats["downloader/response_count"],
        "items_scraped": stats["item_scraped_count"],
        "rows_written": manifest["rows"],
        "rows_committed": manifest["rows"],
        "new": manifest["rows"],
        "revised": 0,
        "unchanged": 0,
        "failures": len(manifest["failures"]),
        "failures_again": 0,
        "robots_forbidden": 0,
    }
    assert summary["walks_complete"] is True
    statuses = Counter(f"HTTP {f['status']}" for f in manifest["failures"])
    assert set(statuses) == {"HTTP 404", "HTTP 500"}  # deleted items, and 500s past the retry
    assert summary["failures_by_reason"] == dict(sorted(statuses.items()))
    failed, tried = (
        len(manifest["failures"]),
        stats["item_scraped_count"] + len(manifest["failures"]),
    )
    assert summary["health"] == {
        "verdict": "failed",
        "failing": [
            {
                "lang": "all",
                "check": "errors",
                "message": f"{failed} of {tried} pages failed ({failed / tried:.1%}), above 10%; "
                "see the failures in the crawl manifest",
            }
        ],
    }
    assert summary["exit_code"] == done.returncode == 3
    assert summary["files"] == {
        "manifest": str(manifest_path),
        "parquet": [str(out / f["path"]) for f in manifest["files"]],
        "warc": [str(path) for path in sorted((out / "warc").glob("*.warc.gz"))],
    }
    assert len(summary["files"]["warc"]) == 1
    text = format_outcome(summary).splitlines()
    assert text[1] == (
        f"archived: {manifest['rows']} new or changed rows, 0 unchanged, {failed} failures "
        f"(+0 failed again, 0 refused by robots.txt); {manifest['rows']} new, 0 revised"
    )
    assert text[2:4] == [f"  {n} × {reason}" for reason, n in sorted(statuses.items())]
    assert text[-1] == "health: failed; exit code 3"
