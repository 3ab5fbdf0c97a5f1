"""The commands a newcomer and an operator run: the demo, plain Scrapy, usage errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from archiver import dataset
from archiver.groundtruth import compare
from archiver.replica import Replica, ReplicaHandle

ROOT = Path(__file__).resolve().parent.parent
SCRAPY = [sys.executable, "-m", "scrapy"]


def run(command: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def test_scrapy_lists_both_spiders() -> None:
    done = run([*SCRAPY, "list"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["article", "mediaoffice"]


def test_the_article_spider_archives_one_item(
    replica: ReplicaHandle, replica_site: Replica, tmp_path: Path
) -> None:
    item_id = replica_site.item_ids("ar")[7]
    url = replica.base_url + replica_site.item_path("ar", item_id)
    listing = replica_site.truth("ar", item_id)["listing_datetime"]
    done = run(
        [*SCRAPY, "crawl", "article", "-a", f"url={url}", "-a", f"listing_date={listing}",
         "-s", f"ARCHIVER_OUT={tmp_path}", "-s", "LOG_LEVEL=WARNING"]
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = dataset.latest(tmp_path).to_pylist()
    comparison = compare(rows, [f"ar/{item_id}"], lambda key: replica_site.truth("ar", item_id))
    assert comparison.ok, comparison.describe()


def test_the_demo_verifies_and_matches_the_truth(tmp_path: Path) -> None:
    # Exactly what `make demo` runs (default size and seed), into a temporary directory.
    done = run([sys.executable, "-m", "archiver.cli", "demo", "--out", str(tmp_path)])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "300 items, " in done.stdout
    assert ": 0 differ, 0 items missing, 0 unexpected, 0 duplicated" in done.stdout
    assert f"{tmp_path}: " in done.stdout and ": verified" in done.stdout
    assert f"report: {tmp_path / 'report.html'}" in done.stdout
    assert (tmp_path / "report.html").stat().st_size > 500_000  # the inlined Vega bundle


def test_usage_errors_exit_2() -> None:
    done = run([sys.executable, "-m", "archiver.cli", "crawl", "--lang", "de"])
    assert done.returncode == 2
    assert "unknown language section(s) de" in done.stderr
    assert run([sys.executable, "-m", "archiver.cli", "no-such-command"]).returncode == 2
