"""Crash safety: a crawl killed with ``kill -9`` at seeded random moments, then run again with
the same command each time, ends with the latest view of a crawl that was never interrupted.

The crawls run through the ``archiver`` command in a subprocess, as an operator runs them, with
small batches so that part files are committed all through the run and the kills land between
(and during) commits.
"""

from __future__ import annotations

import hashlib
import random
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from archiver import dataset
from archiver.crawlstate import CrawlState
from archiver.frontier import COMPLETE_LANGS_STAT
from archiver.item import ArchiveItem
from archiver.replica import ReplicaHandle
from archiver.store.archive import ArchiveWriter
from archiver.store.verify import verify
from archiver.store.warc import OPEN_SUFFIX, Exchange, WarcFileWriter, recover
from archiver.store.warcread import read_capture

LANGS = "en,ar,tr"
KILLS = 3
SEED = 5
SETTINGS = [
    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING",
    "-s", "ARCHIVER_BATCH_ROWS=5",
]  # fmt: skip


def crawl_command(base_url: str, out: Path) -> list[str]:
    return [
        sys.executable, "-m", "archiver.cli", "crawl", "--base-url", base_url,
        "--lang", LANGS, "--out", str(out), *SETTINGS,
    ]  # fmt: skip


def crawl(base_url: str, out: Path) -> None:
    done = subprocess.run(
        crawl_command(base_url, out), capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def part_count(out: Path) -> int:
    return len(dataset.part_files(out))


def crawl_and_kill(base_url: str, out: Path, new_parts: int, extra_delay: float) -> int | None:
    """Start the crawl, ``kill -9`` it once it has committed ``new_parts`` more part files
    (and ``extra_delay`` seconds more); its exit code when it ended before that, else None."""
    target = part_count(out) + new_parts
    process = subprocess.Popen(
        crawl_command(base_url, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while process.poll() is None and part_count(out) < target:
        assert time.monotonic() < deadline, "the crawl neither committed nor finished"
        time.sleep(0.01)
    time.sleep(extra_delay)
    if process.poll() is not None:
        return process.returncode
    process.kill()
    assert process.wait(timeout=10) == -9
    return None


def latest_versions(out: Path) -> dict[str, str]:
    table = dataset.latest(out, columns=["key", "content_sha256"])
    return dict(zip(table["key"].to_pylist(), table["content_sha256"].to_pylist(), strict=True))


@pytest.fixture(scope="module")
def uninterrupted(replica: ReplicaHandle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("uninterrupted")
    crawl(replica.base_url, out)
    return out


@pytest.fixture(scope="module")
def interrupted(replica: ReplicaHandle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("interrupted")
    rng = random.Random(SEED)
    ended = [
        crawl_and_kill(replica.base_url, out, rng.randint(1, 12), rng.uniform(0, 0.3))
        for _ in range(KILLS)
    ]
    assert ended == [None] * KILLS, f"every run was to be killed before it ended: {ended}"
    crawl(replica.base_url, out)
    return out


def test_the_killed_and_resumed_crawl_ends_with_the_uninterrupted_latest_view(
    uninterrupted: Path, interrupted: Path
) -> None:
    expected = latest_versions(uninterrupted)
    assert len(expected) == 750
    assert latest_versions(interrupted) == expected


def test_nothing_is_stored_twice_and_the_archive_verifies(interrupted: Path) -> None:
    keys = dataset.open(interrupted).to_table(columns=["key"])["key"].to_pylist()
    assert len(keys) == len(set(keys)) == 750
    report = verify(interrupted)
    assert report.problems == []
    assert report.rows == 750


def test_every_row_of_every_run_leads_to_its_captured_bytes(interrupted: Path) -> None:
    table = dataset.open(interrupted).to_table(
        columns=["key", "warc_file", "warc_offset", "html_sha256", "crawl_id"]
    )
    assert len(set(table["crawl_id"].to_pylist())) > 1  # killed runs left rows that count
    for row in table.to_pylist():
        capture = read_capture(interrupted, row["warc_file"], row["warc_offset"])
        assert hashlib.sha256(capture.body).hexdigest() == row["html_sha256"], row["key"]
    assert list((interrupted / "warc").glob(".*")) == []  # open WARC files were recovered


def run(out: Path, crawl_id: str, keys: list[str], reason: str | None, complete: list[str]) -> None:
    """A run that archives ``keys`` and finishes with ``reason`` (None: killed)."""
    writer = ArchiveWriter(out, crawl_id)
    writer.open()
    for key in keys:
        lang, item_id = key.split("/")
        url = f"https://www.hizb-ut-tahrir.info/{lang}/index.php/x/{item_id}.html"
        fetched = datetime(2026, 1, 1, tzinfo=UTC)
        writer.add(
            ArchiveItem(key=key, lang=lang, item_id=int(item_id), url=url, fetched_at=fetched)
        )
    writer.close()
    if reason is not None:
        writer.finish(reason, {COMPLETE_LANGS_STAT: complete})


def test_only_runs_up_to_the_last_complete_walk_settle_their_items(tmp_path: Path) -> None:
    run(tmp_path, "c1", ["en/1", "ar/1"], None, [])  # killed
    assert CrawlState.load(tmp_path).settled == set()
    run(tmp_path, "c2", ["en/2", "ar/2"], "finished", ["en"])  # walked en completely
    run(tmp_path, "c3", ["en/3"], "finished", [])  # --max-items: vouches for nothing
    run(tmp_path, "c4", ["en/4"], "shutdown", ["en"])  # stopped before the end
    run(tmp_path, "c5", ["ar/5"], None, [])  # killed
    assert CrawlState.load(tmp_path).settled == {"en/1", "en/2"}
    run(tmp_path, "c6", [], "finished", ["en", "ar"])
    assert CrawlState.load(tmp_path).settled == {
        "en/1",
        "en/2",
        "en/3",
        "en/4",
        "ar/1",
        "ar/2",
        "ar/5",
    }


def test_rows_committed_before_a_kill_find_their_records_in_the_recovered_warc(
    tmp_path: Path,
) -> None:
    """kill -9 while the third response was being written: two rows were committed, the WARC
    file is left open with a torn third record."""
    warc = WarcFileWriter(tmp_path, "c1")
    writer = ArchiveWriter(tmp_path, "c1")
    writer.open()
    fetched = datetime(2026, 1, 1, tzinfo=UTC)
    refs = []
    for n in range(3):
        html = f"<p>page {n}</p>".encode() * 50
        url = f"http://127.0.0.1:8000/en/index.php/x/{n}.html"
        refs.append(warc.write(Exchange(url, "GET", [], 200, "OK", [], html, fetched)))
        if n < 2:
            item = ArchiveItem(key=f"en/{n}", lang="en", item_id=n, url=url, fetched_at=fetched)
            writer.add(
                item.replace(
                    html_sha256=hashlib.sha256(html).hexdigest(),
                    warc_file=refs[n].file,
                    warc_offset=refs[n].offset,
                    warc_length=refs[n].length,
                )
            )
    writer.close()  # the two rows' part file is committed
    (open_file,) = (tmp_path / "warc").glob(f".*{OPEN_SUFFIX}")
    torn = open_file.read_bytes()[: refs[2].offset + refs[2].length // 2]
    warc.close()
    (tmp_path / refs[0].file).unlink()
    open_file.write_bytes(torn)  # what the kill leaves: still open, the third record torn
    (part,) = dataset.part_files(tmp_path)
    assert verify(tmp_path).problems == [
        f"{part.relative_to(tmp_path)}: en/{n} points to a WARC record that is not there "
        f"({refs[n].file} at {refs[n].offset})"
        for n in range(2)
    ]
    assert recover(tmp_path) == [tmp_path / refs[0].file]
    assert verify(tmp_path).problems == []
    for row in dataset.open(tmp_path).to_table().to_pylist():
        capture = read_capture(tmp_path, row["warc_file"], row["warc_offset"])
        assert hashlib.sha256(capture.body).hexdigest() == row["html_sha256"], row["key"]
    # A row pointing past what recovery kept is a problem verify names.
    (tmp_path / refs[0].file).write_bytes((tmp_path / refs[0].file).read_bytes()[: refs[1].offset])
    assert verify(tmp_path).problems == [
        f"{part.relative_to(tmp_path)}: en/1 points to a WARC record that is not there "
        f"({refs[1].file} at {refs[1].offset})"
    ]
