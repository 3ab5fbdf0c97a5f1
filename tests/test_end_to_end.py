"""The real spiders, pipelines and store against the replica, compared with its ground truth.

One full crawl of every section runs once for this module (through the ``archiver`` command
in a subprocess, as an operator runs it); the tests then read the archive it left.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from archiver import dataset
from archiver.groundtruth import compare
from archiver.replica import Replica, ReplicaHandle
from archiver.replica.site import serving_day
from archiver.store.verify import verify
from archiver.store.warcread import captures, read_capture
from archiver.urls import LANGS, parse_item_url
from tests.run_cli import archiver

LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"]


@dataclass(frozen=True)
class Crawled:
    out: Path
    output: str
    rows: list[dict[str, Any]]


@pytest.fixture(scope="module")
def crawled(replica: ReplicaHandle, tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    out = tmp_path_factory.mktemp("archive")
    done = archiver(
        "crawl", "--base-url", replica.base_url, "--lang", "all", "--out", str(out), *LOCAL
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return Crawled(out, done.stdout, dataset.open(out).to_table().to_pylist())


def truth_of(site: Replica) -> Any:
    def truth(key: str) -> Mapping[str, Any]:
        lang, item_id = key.split("/")
        return site.truth(lang, int(item_id))

    return truth


def test_every_served_item_is_archived_once_with_the_true_fields(
    crawled: Crawled, replica_site: Replica
) -> None:
    expected = [f"{lang}/{i}" for lang in LANGS for i in replica_site.item_ids(lang)]
    assert len(expected) >= 200
    comparison = compare(crawled.rows, expected, truth_of(replica_site))
    assert comparison.ok, comparison.describe(limit=20)
    assert comparison.items == len(expected)


def test_the_header_widget_never_becomes_the_publication_date(
    crawled: Crawled, replica_site: Replica
) -> None:
    today = serving_day()
    for row in crawled.rows:
        truth = replica_site.truth(row["lang"], row["item_id"])
        assert row["page_header_date"] == today, row["key"]
        assert row["published_date"] == truth["published_date"], row["key"]
    assert sum(row["published_date"] != today for row in crawled.rows) == len(crawled.rows)


def test_the_archive_verifies_and_its_manifest_accounts_for_every_row(
    crawled: Crawled, replica: ReplicaHandle
) -> None:
    report = verify(crawled.out)
    assert report.ok, report.problems
    assert report.notes == []
    (manifest_path,) = (crawled.out / "crawls").glob("*.json")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert manifest["finish_reason"] == "finished"
    # What was crawled, as asked: the replica, every section, the default mode.
    options = manifest["options"]
    assert (options["spider"], options["base_url"], options["mode"]) == (
        "mediaoffice",
        replica.base_url,
        "incremental",
    )
    assert options["langs"] == list(LANGS)
    assert manifest["rows"] == len(crawled.rows) == report.rows
    assert manifest["failures"] == []
    assert manifest["stats"]["archive/new"] == len(crawled.rows)


def test_every_row_leads_back_to_the_bytes_fetched(crawled: Crawled) -> None:
    for row in crawled.rows[::25]:
        capture = read_capture(crawled.out, row["warc_file"], row["warc_offset"])
        assert hashlib.sha256(capture.body).hexdigest() == row["html_sha256"], row["key"]
        assert capture.url == row["fetched_url"]
        assert row["url"].endswith(row["fetched_url"].split("/index.php", 1)[1])


def test_reextract_from_the_warc_alone_reproduces_the_archive(
    crawled: Crawled, tmp_path: Path
) -> None:
    copy = tmp_path / "archive"
    shutil.copytree(crawled.out, copy)
    done = archiver("reextract", str(copy))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith(f"re-extracted {len(crawled.rows)} items: 0 revised, 0 new, ")


def test_a_second_incremental_run_fetches_only_the_first_listing_pages(
    crawled: Crawled, replica: ReplicaHandle, tmp_path: Path
) -> None:
    copy = tmp_path / "archive"
    shutil.copytree(crawled.out, copy)
    before = {p.name for p in (copy / "warc").iterdir()}
    done = archiver(
        "crawl", "--base-url", replica.base_url, "--lang", "all", "--out", str(copy), *LOCAL
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 new or changed rows, " in done.stdout
    # What it fetched, from its own WARC capture: first listing pages only, no item page.
    new_files = {p.name for p in (copy / "warc").iterdir()} - before
    fetched = [c.url for c, ref in captures(copy) if Path(ref.file).name in new_files]
    assert fetched
    assert [url for url in fetched if parse_item_url(url) or "start=" in url] == []
