"""`archiver crawl` says when it could not do its job: exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from archiver import dataset
from archiver.replica import Replica, ReplicaHandle

LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0"]


def crawl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archiver.cli", "crawl", *LOCAL, "-s", "LOG_LEVEL=ERROR", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_an_unreachable_site_is_a_failed_health_check(tmp_path: Path, closed_port: int) -> None:
    done = crawl("--base-url", f"http://127.0.0.1:{closed_port}", "--out", str(tmp_path))
    assert done.returncode == 3, done.stdout + done.stderr
    assert "HEALTH: 1 listing page(s) could not be read" in done.stdout


def test_a_category_that_is_not_there_is_not_replaced_by_the_whole_section(
    replica: ReplicaHandle, tmp_path: Path
) -> None:
    done = crawl(
        "--base-url", replica.base_url, "--out", str(tmp_path), "--lang", "en",
        "--category", "no-such/menu",
    )  # fmt: skip
    assert done.returncode == 3, done.stdout + done.stderr
    assert " 0 new or changed rows, " in done.stdout
    (manifest,) = (tmp_path / "crawls").glob("*.json")
    failures = json.loads(manifest.read_text(encoding="utf-8"))["failures"]
    assert [(f["url"], f["status"]) for f in failures] == [
        (f"{replica.base_url}/en/index.php/no-such/menu.html", 404)
    ]


def test_bad_arguments_are_usage_errors_before_anything_starts(tmp_path: Path) -> None:
    for args, message in (
        (
            ["--base-url", "www.hizb-ut-tahrir.info"],
            "'www.hizb-ut-tahrir.info' is not a site address",
        ),
        (["--mirrors", "ftp://mirror.example"], "'ftp://mirror.example' is not a site address"),
        (["-s", "ARCHIVER_HEALTH_FLOORS=author=0.5"], "must be a JSON object"),
        (["-s", 'ARCHIVER_HEALTH_FLOORS={"writer": 0.5}'], "unknown field(s) writer"),
    ):
        done = crawl("--out", str(tmp_path), *args)
        assert done.returncode == 2, (args, done.stdout + done.stderr)
        assert message in done.stderr
    assert not any(tmp_path.iterdir())


def test_health_floors_from_the_command_line_are_used(
    replica: ReplicaHandle, tmp_path: Path
) -> None:
    # A floor no field can reach: the run must fail its check on it, naming the share asked.
    done = crawl(
        "--base-url", replica.base_url, "--out", str(tmp_path), "--lang", "en",
        "-s", 'ARCHIVER_HEALTH_FLOORS={"title": 1.01}',
    )  # fmt: skip
    assert done.returncode == 3, done.stdout + done.stderr
    assert "en: title filled in 100.0% of 250 items, below the floor of 101%" in done.stdout


def test_since_and_until_archive_exactly_the_items_listed_between(
    replica: ReplicaHandle, replica_site: Replica, tmp_path: Path
) -> None:
    days = {i: replica_site.truth("en", i)["published_date"] for i in replica_site.item_ids("en")}
    ordered = sorted(set(days.values()))
    since, until = ordered[len(ordered) // 3], ordered[2 * len(ordered) // 3]
    done = crawl(
        "--base-url", replica.base_url, "--out", str(tmp_path), "--lang", "en",
        "--since", since.isoformat(), "--until", until.isoformat(),
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    archived = set(dataset.latest(tmp_path, columns=["key"]).column("key").to_pylist())
    expected = {f"en/{i}" for i, day in days.items() if since <= day <= until}
    assert len(expected) > 50
    assert archived == expected
